// Deterministic synthetic telemetry for provider tests: counters that grow at exact constant
// rates, scraped every 15 s from t=0 to `untilMs`, so rate() and irate() have closed forms.
import type { MeasureEnv, MetricOf, SeriesSample, SignalView } from '../../src/metrics';
import type { MetricProviderKind } from '../../src/model';

export interface SyntheticCounter {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Increase per second. */
  readonly perSecond: number;
}

export const SCRAPE_MS = 15_000;

/** syntheticSignals builds a SignalView whose counters equal perSecond · t/1000 at every scrape. */
export function syntheticSignals(
  counters: readonly SyntheticCounter[],
  untilMs = 600_000,
  extras: Partial<SignalView> = {},
): SignalView {
  const byName = new Map<string, SeriesSample[]>();
  for (const c of counters) {
    const points: [number, number][] = [];
    for (let t = 0; t <= untilMs; t += SCRAPE_MS) points.push([t, (c.perSecond * t) / 1000]);
    const list = byName.get(c.name) ?? [];
    list.push({ labels: c.labels, points });
    byName.set(c.name, list);
  }
  return {
    ...extras,
    series: (name) => byName.get(name) ?? [],
    seriesNames: () => [...byName.keys()].sort(),
  };
}

/**
 * appTraffic returns the counters of one destination with `rps` requests/s of which `errorRps`
 * fail, and a latency histogram whose cumulative per-second bucket rates are `buckets`
 * (le → cumulative rate; '+Inf' must equal rps), plus `_sum` at `sumPerSecond`.
 */
export function appTraffic(
  labels: Readonly<Record<string, string>>,
  rps: number,
  errorRps: number,
  buckets: Readonly<Record<string, number>> = {
    '0.1': rps / 2,
    '0.25': rps * 0.9,
    '0.5': rps * 0.98,
    '+Inf': rps,
  },
  sumPerSecond = rps * 0.12,
): SyntheticCounter[] {
  return [
    { name: 'http_requests_total', labels: { ...labels, code: '200' }, perSecond: rps - errorRps },
    ...(errorRps > 0
      ? [{ name: 'http_requests_total', labels: { ...labels, code: '500' }, perSecond: errorRps }]
      : []),
    ...Object.entries(buckets).map(([le, perSecond]) => ({
      name: 'http_request_duration_seconds_bucket',
      labels: { ...labels, le },
      perSecond,
    })),
    { name: 'http_request_duration_seconds_sum', labels, perSecond: sumPerSecond },
    { name: 'http_request_duration_seconds_count', labels, perSecond: rps },
  ];
}

/** metricOf wraps a provider config into a normalised metric of kind K. */
export function metricOf<K extends Exclude<MetricProviderKind, 'plugin'>>(
  kind: K,
  config: unknown,
  extra: { name?: string; intervalMs?: number } = {},
): MetricOf<K> {
  return {
    name: extra.name ?? 'm',
    ...(extra.intervalMs !== undefined ? { intervalMs: extra.intervalMs } : {}),
    count: 0,
    effectiveCount: 1,
    failureLimit: 0,
    inconclusiveLimit: 0,
    consecutiveErrorLimit: 4,
    consecutiveSuccessLimit: 0,
    provider: { kind, config },
  } as unknown as MetricOf<K>;
}

/** envOf returns a MeasureEnv at `now` over `signals`. */
export function envOf(signals: SignalView, now = 600_000): MeasureEnv {
  return {
    now,
    rng: { next: () => 0.5 },
    signals,
    args: {},
    namespace: 'default',
    runName: 'run-1',
  };
}
