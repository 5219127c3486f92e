/**
 * The Prometheus provider: runs the metric's PromQL `query` (instant) or `rangeQuery` over the
 * simulated series and shapes the answer as Argo does. Counterpart:
 * metricproviders/prometheus/prometheus.go. Rule: scalar → float, instant vector → list of floats,
 * range query → one flat list of every sample; any other result type is an Error.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import type { PromValue } from './promql';
import { evaluatePromQL, parsePromDuration } from './promql';
import { done, fail, isUrl, rec, str, synchronousLifecycle } from './common';

/** RESOLVED_PROMETHEUS_QUERY is the metric-result metadata key Argo stores the query under. */
export const RESOLVED_PROMETHEUS_QUERY = 'ResolvedPrometheusQuery';

/** prometheusResultMetadata returns the metric-result metadata Argo records (GetMetadata). */
export function prometheusResultMetadata(metric: MetricOf<'prometheus'>): Record<string, string> {
  const query = str(rec(metric.provider.config).query);
  return query ? { [RESOLVED_PROMETHEUS_QUERY]: query } : {};
}

/** prometheusValue shapes a PromQL result as Argo's processResponse does, or explains why not. */
export function prometheusValue(
  v: PromValue,
): { ok: true; value: number | number[] } | { ok: false } {
  if (v.kind === 'scalar') return { ok: true, value: v.value };
  if (v.kind === 'vector') return { ok: true, value: sortedSamples(v).map((s) => s.value) };
  return { ok: false };
}

function sortedSamples(v: PromValue & { kind: 'vector' }): { value: number }[] {
  // Prometheus answers vectors in no promised order; sort by labels so runs are reproducible.
  return [...v.samples].sort((a, b) => {
    const x = JSON.stringify(Object.entries(a.labels).sort());
    const y = JSON.stringify(Object.entries(b.labels).sort());
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Reads `now()` / `now() - duration('5m')` style range bounds (Argo evaluates them with expr). */
function rangeBound(expr: string, now: number): number | undefined {
  const s = expr.replace(/\s+/g, '');
  if (s === '' || s === 'now()') return now;
  const m = /^now\(\)-duration\((['"])([^'"]+)\1\)$/.exec(s);
  if (!m) return undefined;
  const ms = parsePromDuration(m[2]);
  return ms === undefined ? undefined : now - ms;
}

function validate(config: Readonly<Record<string, unknown>>): string | undefined {
  const address = str(config.address);
  if (address === '') return 'prometheus address is not configured';
  if (!isUrl(address)) return 'prometheus address is not is url format';
  if (typeof config.timeout === 'number' && config.timeout < 0) {
    return 'prometheus timeout should not be negative';
  }
  const basic = rec(rec(config.authentication).basicAuth);
  if (
    (str(basic.username) === '') !== (str(basic.password) === '') &&
    Object.keys(basic).length > 0
  ) {
    return 'basicAuth requires both username and password';
  }
  const oauth2 = rec(rec(config.authentication).oauth2);
  if (
    str(oauth2.tokenUrl) !== '' &&
    (str(oauth2.clientId) === '' || str(oauth2.clientSecret) === '')
  ) {
    return 'oauth2 requires clientId and clientSecret when tokenUrl is set';
  }
  if (str(config.query).trim() === '') return 'bad_data: invalid parameter "query": query is empty';
  return undefined;
}

function start(metric: MetricOf<'prometheus'>, env: MeasureEnv): MeasureStep {
  const config = rec(metric.provider.config);
  const problem = validate(config);
  if (problem) return fail(problem);
  const query = str(config.query);
  const range = config.rangeQuery !== undefined ? rec(config.rangeQuery) : undefined;
  if (range) {
    const from = rangeBound(str(range.start), env.now);
    const to = rangeBound(str(range.end), env.now);
    const step = parsePromDuration(str(range.step).trim() || '1m');
    if (from === undefined || to === undefined) {
      return fail(
        `unsupported rangeQuery bounds: start ${JSON.stringify(range.start)}, end ${JSON.stringify(range.end)} (use now() or now() - duration('5m'))`,
      );
    }
    if (step === undefined || step <= 0)
      return fail(`invalid rangeQuery step ${JSON.stringify(range.step)}`);
    if ((to - from) / step > 11_000) {
      return fail('bad_data: exceeded maximum resolution of 11,000 points per timeseries');
    }
    // A matrix answer: every sample of every series, flattened, as Argo does.
    const out: number[] = [];
    const perSeries = new Map<string, number[]>();
    for (let t = from; t <= to; t += step) {
      const r = evaluatePromQL(query, env.signals, t);
      if (r.kind === 'error') return fail(r.message);
      const v = r.value;
      if (v.kind === 'scalar') {
        const list = perSeries.get('') ?? [];
        list.push(v.value);
        perSeries.set('', list);
      } else if (v.kind === 'vector') {
        for (const s of v.samples) {
          const key = JSON.stringify(Object.entries(s.labels).sort());
          const list = perSeries.get(key) ?? [];
          list.push(s.value);
          perSeries.set(key, list);
        }
      } else return fail('Prometheus metric type not supported');
    }
    for (const key of [...perSeries.keys()].sort()) out.push(...perSeries.get(key)!);
    return done(out);
  }
  const r = evaluatePromQL(query, env.signals, env.now);
  if (r.kind === 'error') return fail(r.message);
  const shaped = prometheusValue(r.value);
  return shaped.ok ? done(shaped.value) : fail('Prometheus metric type not supported');
}

/** prometheus is the Prometheus metric provider. */
export const prometheus: MetricProviderImpl<'prometheus'> = {
  kind: 'prometheus',
  start,
  ...synchronousLifecycle('Prometheus'),
};
