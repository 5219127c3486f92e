import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/sim';
import { createTrafficModel, DEFAULT_LATENCY_BUCKETS, signalsFromTraffic } from '../../src/traffic';
import type { TrafficDestination, TrafficModelOptions } from '../../src/traffic';
import { evaluatePromQL } from '../../src/metrics';
import type { SignalView } from '../../src/metrics';

const dest = (over: Partial<TrafficDestination>): TrafficDestination => ({
  namespace: 'default',
  rollout: 'demo',
  service: 'demo',
  hash: 'aaa',
  image: 'demo:blue',
  share: 1,
  role: 'stable',
  available: true,
  routers: [],
  ...over,
});

const SPLIT = [
  dest({ hash: 'aaa', image: 'demo:blue', share: 0.8, role: 'stable', service: 'demo-stable' }),
  dest({ hash: 'bbb', image: 'demo:red', share: 0.2, role: 'canary', service: 'demo-canary' }),
];

const VERSIONS: TrafficModelOptions['versions'] = (image) =>
  image === 'demo:red' ? { errorRate: 0.05, latencyMs: 200 } : { errorRate: 0.001, latencyMs: 80 };

function countingRng(seed: number) {
  const inner = createRng(seed).stream('traffic');
  const counter = { draws: 0 };
  return {
    counter,
    rng: {
      next: () => {
        counter.draws++;
        return inner.next();
      },
    },
  };
}

function runModel(
  seed: number,
  rps: number,
  ticks: number,
  split = SPLIT,
  extra: Partial<TrafficModelOptions> = {},
) {
  const { rng, counter } = countingRng(seed);
  const model = createTrafficModel({ rng, requestsPerSecond: rps, versions: VERSIONS, ...extra });
  const drawsPerTick: number[] = [];
  for (let i = 1; i <= ticks; i++) {
    const before = counter.draws;
    model.tick(i * 1000, split);
    drawsPerTick.push(counter.draws - before);
  }
  return { model, drawsPerTick };
}

const promql = (signals: SignalView, q: string, at: number): number => {
  const r = evaluatePromQL(q, signals, at);
  if (r.kind === 'error') throw new Error(r.message);
  if (r.value.kind === 'scalar') return r.value.value;
  if (r.value.kind === 'vector' && r.value.samples.length === 1) return r.value.samples[0].value;
  throw new Error(`unexpected ${JSON.stringify(r.value)}`);
};

describe('createTrafficModel', () => {
  it('is deterministic: same seed, same series', () => {
    const a = runModel(7, 100, 120).model;
    const b = runModel(7, 100, 120).model;
    const dump = (m: typeof a) => m.seriesNames().map((n) => [n, m.series(n)]);
    expect(JSON.stringify(dump(a))).toBe(JSON.stringify(dump(b)));
    expect(JSON.stringify(dump(a))).not.toBe(JSON.stringify(dump(runModel(8, 100, 120).model)));
  });

  it('makes the same number of draws per tick at 10 and at 10,000 requests per second', () => {
    const low = runModel(1, 10, 30).drawsPerTick;
    const high = runModel(1, 10_000, 30).drawsPerTick;
    expect(high).toEqual(low);
    expect(new Set(low).size).toBe(1);
  });

  it("converges on each version's error rate", () => {
    const { model } = runModel(3, 2000, 300);
    const signals = signalsFromTraffic(model, {});
    const rate = (svc: string) =>
      promql(
        signals,
        `sum(increase(http_requests_total{service="${svc}",code=~"5.."}[5m])) / sum(increase(http_requests_total{service="${svc}"}[5m]))`,
        300_000,
      );
    expect(rate('demo-canary')).toBeCloseTo(0.05, 2);
    expect(rate('demo-stable')).toBeCloseTo(0.001, 3);
    // The scenario's errorRate condition: share of failed requests in the last 10 s.
    expect(model.errorRate(10_000)).toBeGreaterThan(0.005);
    expect(model.errorRate(10_000)).toBeLessThan(0.02);
  });

  it('histogram_quantile p95 is close to the configured log-normal latency', () => {
    const { model } = runModel(4, 1000, 300);
    const signals = signalsFromTraffic(model, {});
    const p95 = promql(
      signals,
      'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{service="demo-canary"}[5m])) by (le))',
      300_000,
    );
    const expected = 0.2 * Math.exp(1.6448536 * 0.25); // median 200 ms, sigma 0.25
    expect(Math.abs(p95 - expected) / expected).toBeLessThan(0.05);
    const avg = promql(
      signals,
      'sum(rate(http_request_duration_seconds_sum{service="demo-stable"}[5m])) / sum(rate(http_request_duration_seconds_count{service="demo-stable"}[5m]))',
      300_000,
    );
    expect(avg).toBeCloseTo(0.08 * Math.exp(0.25 ** 2 / 2), 2);
  });

  it('keeps memory flat: points are bounded by the retention window', () => {
    const short = runModel(5, 50, 600, SPLIT, { retentionMs: 60_000 }).model;
    const long = runModel(5, 50, 1800, SPLIT, { retentionMs: 60_000 }).model;
    const series = long.seriesNames().reduce((n, name) => n + long.series(name).length, 0);
    // 60 s of retention at a 5 s scrape interval: at most 13 points per series.
    expect(long.pointCount()).toBeLessThanOrEqual(series * 13);
    expect(long.pointCount()).toBeLessThanOrEqual(short.pointCount() * 1.05);
  });

  it('emits Istio and NGINX series only when those routers are in use', () => {
    const plain = runModel(6, 50, 10).model.seriesNames();
    expect(plain).toEqual([
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_sum',
      'http_requests_total',
    ]);
    const routed = SPLIT.map((d) => ({
      ...d,
      routers: ['Istio', 'Nginx'],
      ingress: 'demo',
      canaryService: 'demo-canary',
    }));
    const { model } = runModel(6, 50, 30, routed);
    expect(model.seriesNames()).toContain('istio_requests_total');
    expect(model.seriesNames()).toContain('istio_request_duration_milliseconds_bucket');
    expect(model.seriesNames()).toContain('nginx_ingress_controller_requests');
    const canary = model
      .series('nginx_ingress_controller_requests')
      .find((s) => s.labels.canary === 'demo-canary');
    expect(canary?.labels).toMatchObject({
      ingress: 'demo',
      service: 'demo-canary',
      status: '200',
    });
    const istio = model.series('istio_requests_total')[0].labels;
    expect(Object.keys(istio).sort()).toContain('destination_service');
    expect(istio.destination_service).toMatch(/\.default\.svc\.cluster\.local$/);
  });

  it('answers 503 for a destination without ready pods', () => {
    const { model } = runModel(9, 100, 5, [dest({ available: false })]);
    expect(model.errorRate(10_000)).toBe(1);
    expect(model.series('http_requests_total').map((s) => s.labels.code)).toEqual(['503']);
  });

  it('samples at most 50 requests per tick, within the tick, matching the split', () => {
    const { model } = runModel(10, 10_000, 3);
    const samples = model.samples();
    expect(samples).toHaveLength(50);
    for (const s of samples) {
      expect(s.t).toBeGreaterThan(2000);
      expect(s.t).toBeLessThanOrEqual(3000);
      expect(['aaa', 'bbb']).toContain(s.hash);
      expect(s.latencyMs).toBeGreaterThan(0);
    }
    const few = runModel(10, 3, 3).model.samples();
    expect(few.length).toBeLessThanOrEqual(10);
    expect(model.recentSamples(10_000).length).toBe(150);
  });

  it('errorRate is undefined without traffic', () => {
    const { model } = runModel(11, 0, 3);
    expect(model.errorRate(10_000)).toBeUndefined();
  });

  describe('mirrored traffic (mirrorShare)', () => {
    // All user load to stable; the canary (failing every request) gets a 50 % shadow copy.
    const MIRRORED = [
      dest({ hash: 'aaa', image: 'demo:blue', share: 1, role: 'stable', routers: ['Istio'] }),
      dest({
        hash: 'bbb',
        image: 'demo:red',
        share: 0,
        role: 'canary',
        service: 'demo-canary',
        routers: ['Istio'],
        mirrorShare: 0.5,
      }),
    ];
    const failing: TrafficModelOptions['versions'] = (image) =>
      image === 'demo:red' ? { errorRate: 1, latencyMs: 50 } : { errorRate: 0, latencyMs: 50 };
    const last = (model: ReturnType<typeof runModel>['model'], name: string, match: object) =>
      model
        .series(name)
        .filter((x) => Object.entries(match).every(([k, v]) => x.labels[k] === v))
        .reduce((n, x) => n + x.points[x.points.length - 1][1], 0);

    it('counts shadow requests in the canary series but not in errorRate or tick totals', () => {
      const { model } = runModel(12, 1000, 20, MIRRORED, { versions: failing });
      expect(model.errorRate(10_000)).toBe(0);
      const canary = last(model, 'http_requests_total', { rollouts_pod_template_hash: 'bbb' });
      const stable = last(model, 'http_requests_total', { rollouts_pod_template_hash: 'aaa' });
      expect(canary / stable).toBeGreaterThan(0.45);
      expect(canary / stable).toBeLessThan(0.55);
      expect(last(model, 'http_requests_total', { code: '500' })).toBe(canary);
      // Istio: only the destination's sidecar reports a mirrored request.
      const dst = last(model, 'istio_requests_total', {
        reporter: 'destination',
        destination_version: 'red',
      });
      const src = last(model, 'istio_requests_total', {
        reporter: 'source',
        destination_version: 'red',
      });
      expect(dst).toBe(canary);
      expect(src).toBe(0);
    });

    it('marks sampled shadow requests mirror: true and reports them per destination', () => {
      const { rng } = countingRng(13);
      const model = createTrafficModel({ rng, requestsPerSecond: 1000, versions: failing });
      const summary = model.tick(1000, MIRRORED);
      expect(summary.errors).toBe(0);
      expect(summary.byDestination[0].mirrored).toBeUndefined();
      const m = summary.byDestination[1].mirrored!;
      expect(m.requests).toBeGreaterThan(400);
      expect(m.errors).toBe(m.requests);
      expect(summary.requests).toBe(summary.byDestination[0].requests);
      const shadows = summary.samples.filter((x) => x.mirror);
      expect(shadows.length).toBeGreaterThan(5);
      for (const x of shadows) expect([x.hash, x.status]).toEqual(['bbb', 500]);
      for (const x of summary.samples.filter((y) => !y.mirror)) expect(x.status).toBe(200);
    });

    it('costs a fixed number of draws per tick, and none extra without a mirror', () => {
      const low = runModel(14, 10, 3, MIRRORED, { versions: failing }).drawsPerTick;
      const high = runModel(14, 10_000, 3, MIRRORED, { versions: failing }).drawsPerTick;
      expect(low).toEqual(high);
      const plain = MIRRORED.map(({ mirrorShare: _m, ...d }) => d);
      const without = runModel(14, 10_000, 3, plain, { versions: failing }).drawsPerTick;
      expect(high[0] - without[0]).toBe(2 + DEFAULT_LATENCY_BUCKETS.length);
    });
  });
});
