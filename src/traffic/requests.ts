/**
 * The request traffic model: per tick, per destination (a version behind a Service), it draws
 * request, error and latency-bucket counts from the seeded stream and keeps the counters a real
 * cluster's Prometheus would hold (app, Istio and ingress-nginx metrics). No Argo counterpart: it
 * is the world Argo's metric providers query. Rule: aggregate, never per request — the draws per
 * tick are O(destinations × buckets) plus a fixed number for the sampled particles, whatever the
 * requests per second.
 */
import {
  logNormalBucketMeans,
  logNormalBucketProbabilities,
  multinomialFromUniforms,
  binomialFromUniform,
  poissonFromUniform,
} from './requestsSampling';
import type { SeriesLabels, SeriesStore, StoredSeries } from './series';
import { createSeriesStore } from './series';

/** The uniform source the model draws from (src/sim's `Rng` satisfies it). */
export interface TrafficRng {
  next(): number;
}

/** How pods of one image answer requests (a scenario's `versions:` entry). */
export interface RequestBehaviour {
  /** Share of requests answered with a 500, 0..1. */
  readonly errorRate: number;
  /** Median latency in ms. */
  readonly latencyMs: number;
  /** Log-space standard deviation of latency (default: the model's `latencySigma`). */
  readonly latencySigma?: number;
}

/** The role a destination plays for its rollout (Argo's vocabulary). */
export type DestinationRole = 'stable' | 'canary' | 'active' | 'preview' | 'other';

/**
 * TrafficDestination is one place requests go: the pods of one pod-template hash behind one
 * Service, with the share of its rollout's offered load it receives.
 */
export interface TrafficDestination {
  readonly namespace: string;
  /** The rollout whose offered load this is. */
  readonly rollout: string;
  /** The Service that receives these requests (canary/stable/active Service or the only one). */
  readonly service: string;
  /** The pods' `rollouts-pod-template-hash`. */
  readonly hash: string;
  /** The pods' (first container's) image: selects the behaviour. */
  readonly image: string;
  /** Share of the rollout's requests, 0..1 (shares of one rollout sum to 1 or 0). */
  readonly share: number;
  readonly role: DestinationRole;
  /** False when no pod of this hash is ready: requests get 503 at once (no endpoints). */
  readonly available: boolean;
  /** Router types in use for this rollout (`Istio`, `Nginx`, ...): selects the extra series. */
  readonly routers: readonly string[];
  /** For NGINX: the stable Ingress name (`ingress` label). */
  readonly ingress?: string;
  /** For NGINX: the canary Service name (`canary` label of canary requests). */
  readonly canaryService?: string;
  /**
   * Share of the rollout's requests copied here by a mirror route (shadow traffic, on top of
   * `share`); absent means none. The pods serve them (app series, Istio `reporter="destination"`),
   * but nobody waits for the answer: they are left out of the user-facing totals and `errorRate`.
   */
  readonly mirrorShare?: number;
}

/** One sampled request, for the UI to animate as a particle. */
export interface SampledRequest {
  /** Virtual ms at which the request arrived (within the tick). */
  readonly t: number;
  readonly namespace: string;
  readonly rollout: string;
  readonly service: string;
  /** The image that answered. */
  readonly version: string;
  readonly hash: string;
  readonly role: DestinationRole;
  /** HTTP status code. */
  readonly status: number;
  readonly latencyMs: number;
  /** Present on a shadow copy made by a mirror route (its answer reaches no user). */
  readonly mirror?: true;
}

/** What one tick produced, per destination and in total. */
export interface TickSummary {
  readonly now: number;
  /** User requests (mirrored copies excluded). */
  readonly requests: number;
  /** Failed user requests (mirrored copies excluded). */
  readonly errors: number;
  readonly byDestination: readonly {
    readonly destination: TrafficDestination;
    readonly requests: number;
    readonly errors: number;
    /** Mirrored copies this destination served (present only when its mirrorShare > 0). */
    readonly mirrored?: { readonly requests: number; readonly errors: number };
  }[];
  readonly samples: readonly SampledRequest[];
}

/** TrafficModelOptions configures {@link createTrafficModel}. */
export interface TrafficModelOptions {
  /** The seeded stream every draw comes from (`createRng(seed).stream('traffic')`). */
  readonly rng: TrafficRng;
  /** Offered load per rollout, requests per second (scenario `traffic.requestsPerSecond`). */
  readonly requestsPerSecond: number;
  /** Tick length in virtual ms (default 1000); the first tick covers this much time. */
  readonly tickMs?: number;
  /** Behaviour of each image (scenario `versions:` merged over the defaults). */
  readonly versions: (image: string) => RequestBehaviour;
  /** Histogram upper bounds in seconds, ascending (default {@link DEFAULT_LATENCY_BUCKETS}). */
  readonly buckets?: readonly number[];
  /** Log-space sd of latency when a behaviour gives none (default 0.25: p95 ≈ 1.5 × median). */
  readonly latencySigma?: number;
  /** How often counters are scraped into points, virtual ms (default 5000). */
  readonly scrapeIntervalMs?: number;
  /** How much history is kept, virtual ms (default 30 minutes). */
  readonly retentionMs?: number;
  /** Sampled requests per tick for the UI (default 50; 0 turns sampling off). */
  readonly samplesPerTick?: number;
}

/** TrafficModel is the simulated request traffic and the telemetry it leaves. */
export interface TrafficModel {
  readonly tickMs: number;
  /**
   * tick accounts for the requests that arrived since the previous tick (or `tickMs` on the
   * first) under `split`, and scrapes counters when a scrape is due.
   */
  tick(now: number, split: readonly TrafficDestination[]): TickSummary;
  /** setRequestsPerSecond changes the offered load from the next tick on. */
  setRequestsPerSecond(rps: number): void;
  /** series returns every series called `name` (a SignalView). */
  series(name: string): readonly StoredSeries[];
  /** seriesNames returns the names of all series present (a SignalView). */
  seriesNames(): readonly string[];
  /**
   * errorRate returns failed / all user requests over the last `windowMs` (mirrored copies are
   * not counted), undefined without traffic.
   */
  errorRate(windowMs: number): number | undefined;
  /** samples returns the sampled requests of the last tick. */
  samples(): readonly SampledRequest[];
  /** recentSamples returns the sampled requests of the last `windowMs` (at most 10 s kept). */
  recentSamples(windowMs: number): readonly SampledRequest[];
  /** pointCount returns how many series points are held (memory stays flat). */
  pointCount(): number;
}

/**
 * DEFAULT_LATENCY_BUCKETS are the histogram bounds in seconds: Prometheus client defaults
 * (0.005 … 10) with extra bounds between 50 ms and 2.5 s so that `histogram_quantile` interpolates
 * over narrow buckets where typical latencies live.
 */
export const DEFAULT_LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 2.5,
  5, 10,
];

const DEFAULT_SIGMA = 0.25;
const SAMPLE_RETENTION_MS = 10_000;
const UNAVAILABLE: RequestBehaviour = { errorRate: 1, latencyMs: 1, latencySigma: 0.1 };

interface BucketShape {
  readonly probs: number[];
  readonly means: number[];
}

interface TickTotals {
  readonly t: number;
  readonly requests: number;
  readonly errors: number;
}

/** tagOf returns an image's tag (`argoproj/rollouts-demo:blue` → `blue`), or the image. */
export function tagOf(image: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : image;
}

/** formatLe writes a bucket bound the way Prometheus client libraries do (`0.1`, `1`, `+Inf`). */
export function formatLe(le: number): string {
  return Number.isFinite(le) ? String(le) : '+Inf';
}

/**
 * createTrafficModel returns a model with no history. Call `tick` on every traffic tick of the
 * world with the destinations of {@link splitFromWorld}.
 *
 * Per destination and tick it draws: the request count (Poisson around rps · share · elapsed),
 * the errors among them (binomial with the image's errorRate) and the latency histogram
 * (multinomial over the buckets of a log-normal around latencyMs) — one uniform each, so a tick
 * at 10 000 rps costs what a tick at 10 rps costs. Histogram `_sum` uses each bucket's
 * conditional mean, so it needs no draw.
 */
export function createTrafficModel(options: TrafficModelOptions): TrafficModel {
  const { rng, versions } = options;
  const tickMs = options.tickMs ?? 1000;
  const buckets = options.buckets ?? DEFAULT_LATENCY_BUCKETS;
  const defaultSigma = options.latencySigma ?? DEFAULT_SIGMA;
  const scrapeIntervalMs = options.scrapeIntervalMs ?? 5000;
  const retentionMs = options.retentionMs ?? 30 * 60 * 1000;
  const samplesPerTick = options.samplesPerTick ?? 50;
  const store: SeriesStore = createSeriesStore({ retentionMs });
  const shapes = new Map<string, BucketShape>();
  const history: TickTotals[] = [];
  let recent: SampledRequest[] = [];
  let lastSamples: SampledRequest[] = [];
  let rps = options.requestsPerSecond;
  let lastTick: number | undefined;
  let lastScrape: number | undefined;
  const uniforms = new Array<number>(buckets.length).fill(0);

  const shapeOf = (latencyMs: number, sigma: number): BucketShape => {
    const key = `${latencyMs}/${sigma}`;
    let s = shapes.get(key);
    if (!s) {
      if (shapes.size > 256) shapes.clear();
      s = {
        probs: logNormalBucketProbabilities(buckets, latencyMs / 1000, sigma),
        means: logNormalBucketMeans(buckets, latencyMs / 1000, sigma),
      };
      shapes.set(key, s);
    }
    return s;
  };

  interface Drawn {
    readonly d: TrafficDestination;
    readonly requests: number;
    readonly errors: number;
    readonly errorStatus: number;
    readonly bucketCounts: number[];
    /** A mirror route's shadow copies (served by `d`'s pods, answered to no one). */
    readonly mirror?: true;
  }

  const record = (x: Drawn, shape: BucketShape): void => {
    const { d, requests, errors, errorStatus, bucketCounts } = x;
    const mirror = x.mirror === true;
    const ok = requests - errors;
    const version = tagOf(d.image);
    const app: Record<string, string> = {
      namespace: d.namespace,
      service: d.service,
      rollout: d.rollout,
      role: d.role,
      version,
      pod_template_hash: d.hash,
      rollouts_pod_template_hash: d.hash,
      method: 'GET',
    };
    let sumSeconds = 0;
    for (let i = 0; i < bucketCounts.length; i++) sumSeconds += bucketCounts[i] * shape.means[i];
    const histogram = (name: string, labels: SeriesLabels, scale: number): void => {
      let cumulative = 0;
      for (let i = 0; i < buckets.length; i++) {
        cumulative += bucketCounts[i];
        store.add(`${name}_bucket`, { ...labels, le: formatLe(buckets[i] * scale) }, cumulative);
      }
      store.add(`${name}_bucket`, { ...labels, le: '+Inf' }, requests);
      store.add(`${name}_sum`, labels, sumSeconds * scale);
      store.add(`${name}_count`, labels, requests);
    };
    const codes = (name: string, codeLabel: string, labels: SeriesLabels): void => {
      // Pods without endpoints never see a request: only the 503s of the proxy exist then.
      if (d.available || ok > 0) store.add(name, { ...labels, [codeLabel]: '200' }, ok);
      if (errors > 0) store.add(name, { ...labels, [codeLabel]: String(errorStatus) }, errors);
    };

    codes('http_requests_total', 'code', app);
    histogram('http_request_duration_seconds', app, 1);

    if (d.routers.includes('Istio')) {
      // A mirrored copy is sent by the proxy on the side: only the destination's sidecar reports it.
      for (const reporter of mirror ? ['destination'] : ['source', 'destination']) {
        const istio: Record<string, string> = {
          reporter,
          destination_service: `${d.service}.${d.namespace}.svc.cluster.local`,
          destination_service_name: d.service,
          destination_service_namespace: d.namespace,
          destination_workload: d.hash ? `${d.rollout}-${d.hash}` : d.rollout,
          destination_workload_namespace: d.namespace,
          destination_app: d.rollout,
          destination_version: version,
          destination_canonical_service: d.rollout,
          source_workload: 'istio-ingressgateway',
          source_workload_namespace: 'istio-system',
          request_protocol: 'http',
        };
        codes('istio_requests_total', 'response_code', istio);
        histogram('istio_request_duration_milliseconds', istio, 1000);
      }
    }
    if (d.routers.includes('Nginx') && !mirror) {
      const nginx: Record<string, string> = {
        namespace: d.namespace,
        exported_namespace: d.namespace,
        ingress: d.ingress ?? d.rollout,
        service: d.service,
        canary: d.role === 'canary' && d.canaryService ? d.canaryService : '',
        method: 'GET',
        path: '/',
        host: '',
      };
      codes('nginx_ingress_controller_requests', 'status', nginx);
      histogram('nginx_ingress_controller_request_duration_seconds', nginx, 1);
    }
  };

  const sample = (
    now: number,
    elapsed: number,
    drawn: readonly Drawn[],
    total: number,
  ): SampledRequest[] => {
    const out: SampledRequest[] = [];
    const n = Math.min(total, samplesPerTick);
    // Always three draws per slot, used or not, so the draw count does not depend on the load.
    for (let slot = 0; slot < samplesPerTick; slot++) {
      const u1 = rng.next();
      const u2 = rng.next();
      const u3 = rng.next();
      if (slot >= n) continue;
      let index = Math.floor(u1 * total);
      const frac = u1 * total - index;
      let j = 0;
      while (j < drawn.length - 1 && index >= drawn[j].requests) {
        index -= drawn[j].requests;
        j++;
      }
      const x = drawn[j];
      let b = 0;
      while (b < x.bucketCounts.length - 1 && index >= x.bucketCounts[b]) {
        index -= x.bucketCounts[b];
        b++;
      }
      const lo = b === 0 ? 0 : buckets[b - 1];
      const hi = b < buckets.length ? buckets[b] : buckets[buckets.length - 1] * 1.5;
      const failed = x.requests > 0 && u2 < x.errors / x.requests;
      out.push({
        t: now - elapsed + u3 * elapsed,
        namespace: x.d.namespace,
        rollout: x.d.rollout,
        service: x.d.service,
        version: x.d.image,
        hash: x.d.hash,
        role: x.d.role,
        status: failed ? x.errorStatus : 200,
        latencyMs: (lo + (hi - lo) * frac) * 1000,
        ...(x.mirror ? { mirror: true as const } : {}),
      });
    }
    return out.sort((a, b) => a.t - b.t);
  };

  return {
    tickMs,
    tick(now, split) {
      const elapsed = lastTick === undefined ? tickMs : now - lastTick;
      if (elapsed <= 0) {
        return { now, requests: 0, errors: 0, byDestination: [], samples: [] };
      }
      lastTick = now;
      const drawn: Drawn[] = [];
      const byDestination: TickSummary['byDestination'][number][] = [];
      let requests = 0;
      let errors = 0;
      let mirrored = 0;
      for (const d of split) {
        const behaviour = d.available ? versions(d.image) : UNAVAILABLE;
        const errorStatus = d.available ? 500 : 503;
        const shape = shapeOf(behaviour.latencyMs, behaviour.latencySigma ?? defaultSigma);
        const errorRate = Math.min(1, Math.max(0, behaviour.errorRate));
        const draw = (share: number): { count: number; failed: number; bucketCounts: number[] } => {
          const mean = (Math.max(0, rps) * Math.max(0, share) * elapsed) / 1000;
          const count = poissonFromUniform(mean, rng.next());
          const failed = binomialFromUniform(count, errorRate, rng.next());
          for (let i = 0; i < buckets.length; i++) uniforms[i] = rng.next();
          return {
            count,
            failed,
            bucketCounts: multinomialFromUniforms(count, shape.probs, uniforms),
          };
        };
        const main = draw(d.share);
        const x: Drawn = {
          d,
          requests: main.count,
          errors: main.failed,
          errorStatus,
          bucketCounts: main.bucketCounts,
        };
        record(x, shape);
        drawn.push(x);
        requests += main.count;
        errors += main.failed;
        // Shadow copies draw only when a mirror route is in effect, so the stream is unchanged
        // for every split without one.
        if ((d.mirrorShare ?? 0) > 0) {
          const m = draw(d.mirrorShare ?? 0);
          const y: Drawn = {
            d,
            requests: m.count,
            errors: m.failed,
            errorStatus,
            bucketCounts: m.bucketCounts,
            mirror: true,
          };
          record(y, shape);
          drawn.push(y);
          mirrored += m.count;
          byDestination.push({
            destination: d,
            requests: main.count,
            errors: main.failed,
            mirrored: { requests: m.count, errors: m.failed },
          });
        } else {
          byDestination.push({ destination: d, requests: main.count, errors: main.failed });
        }
      }
      history.push({ t: now, requests, errors });
      while (history.length > 0 && history[0].t <= now - retentionMs) history.shift();
      if (lastScrape === undefined || now - lastScrape >= scrapeIntervalMs) {
        store.scrape(now);
        lastScrape = now;
      }
      lastSamples = samplesPerTick > 0 ? sample(now, elapsed, drawn, requests + mirrored) : [];
      recent = recent.filter((s) => s.t > now - SAMPLE_RETENTION_MS).concat(lastSamples);
      return {
        now,
        requests,
        errors,
        byDestination,
        samples: lastSamples,
      };
    },
    setRequestsPerSecond(value) {
      rps = value;
    },
    series: (name) => store.series(name),
    seriesNames: () => store.seriesNames(),
    errorRate(windowMs) {
      if (lastTick === undefined) return undefined;
      const from = lastTick - windowMs;
      let requests = 0;
      let errors = 0;
      for (let i = history.length - 1; i >= 0 && history[i].t > from; i--) {
        requests += history[i].requests;
        errors += history[i].errors;
      }
      return requests > 0 ? errors / requests : undefined;
    },
    samples: () => lastSamples,
    recentSamples(windowMs) {
      if (lastTick === undefined) return [];
      const from = lastTick - Math.min(windowMs, SAMPLE_RETENTION_MS);
      return recent.filter((s) => s.t > from);
    },
    pointCount: () => store.pointCount(),
  };
}

/** The read-only telemetry surface of a model: structurally a metrics `SignalView`. */
export interface TrafficSignals {
  series(name: string): readonly StoredSeries[];
  seriesNames(): readonly string[];
}

/**
 * signalsFromTraffic returns a SignalView over `model`'s series, with `extras` (the world's
 * `httpGet` for Web metrics, `jobOutcome` for Job metrics) merged in. The metrics folder owns the
 * SignalView type; this object satisfies it structurally, so traffic needs no import of metrics.
 */
export function signalsFromTraffic<E extends object>(
  model: TrafficModel,
  extras: E,
): TrafficSignals & E {
  return {
    ...extras,
    series: (name: string) => model.series(name),
    seriesNames: () => model.seriesNames(),
  };
}
