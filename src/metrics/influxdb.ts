/**
 * The InfluxDB provider: a Flux pipeline `from |> range |> filter … [|> aggregate]` over the
 * simulated request series, for the error-percentage and request-count measurements of Argo's
 * docs. Counterpart: metricproviders/influxdb/influxdb.go. Rule: the answer is the list of record
 * values (1-minute points over the range, or one value after an aggregate); none is Error "no
 * results returned from flux query"; other Flux is an Error naming the function or measurement.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import type { LabelFilter } from './measures';
import { globToRegex, measureOne } from './measures';
import { done, errorMessage, fail, rec, str, synchronousLifecycle } from './common';
import { parsePromDuration } from './promql';

/** INFLUX_MEASUREMENTS lists the measurements the simulated bucket holds (1-minute points). */
export const INFLUX_MEASUREMENTS: Readonly<
  Record<string, 'errorPercentage' | 'requests' | 'errors'>
> = {
  'istio:istio_requests_errors_percentage:rate1m:5xx': 'errorPercentage',
  http_requests_total: 'requests',
  'istio:istio_requests:rate1m:5xx': 'errors',
};

/** INFLUX_TAGS maps Flux record columns to labels of the simulated series. */
export const INFLUX_TAGS: Readonly<Record<string, string>> = {
  destination_workload: 'rollout',
  destination_service_name: 'service',
  service: 'service',
  destination_version: 'version',
  version: 'version',
  namespace: 'namespace',
  destination_workload_namespace: 'namespace',
  rollouts_pod_template_hash: 'rollouts_pod_template_hash',
};

const STEP_MS = 60_000;

interface Plan {
  measurement?: string;
  rangeMs?: number;
  filters: LabelFilter[];
  aggregate?: string;
}

function parseFilter(body: string, plan: Plan): void {
  const m = /^fn:\s*\(\s*(\w+)\s*\)\s*=>\s*(.+)$/s.exec(body.trim());
  if (!m) throw new Error(`unsupported Flux filter ${JSON.stringify(body.trim())}`);
  const r = m[1];
  for (const cond of m[2].split(/\s+and\s+/)) {
    const c = new RegExp(
      `^\\(?\\s*${r}(?:\\["([^"]+)"\\]|\\.(\\w+))\\s*(==|!=|=~|!~)\\s*(?:"([^"]*)"|/([^/]*)/)\\s*\\)?$`,
    ).exec(cond.trim());
    if (!c) throw new Error(`unsupported Flux predicate ${JSON.stringify(cond.trim())}`);
    const column = c[1] ?? c[2];
    const op = c[3];
    const value = c[4] ?? c[5] ?? '';
    if (column === '_measurement') {
      if (op !== '==') throw new Error(`unsupported Flux predicate on _measurement: ${op}`);
      plan.measurement = value;
      continue;
    }
    if (column === '_field') continue;
    const label = INFLUX_TAGS[column];
    if (!label)
      throw new Error(
        `unsupported Flux column ${JSON.stringify(column)} (simulated: _measurement, _field, ${Object.keys(INFLUX_TAGS).join(', ')})`,
      );
    const regex = op === '=~' || op === '!~';
    plan.filters.push({
      label,
      op: op === '==' ? '=' : op === '!=' ? '!=' : (op as '=~' | '!~'),
      value: regex ? value : value.includes('*') ? globToRegex(value) : value,
    });
  }
}

function planOf(query: string): Plan {
  const steps = query
    .split('|>')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const plan: Plan = { filters: [] };
  steps.forEach((step, i) => {
    const m = /^(\w+)\s*\((.*)\)$/s.exec(step);
    if (!m) throw new Error(`unsupported Flux ${JSON.stringify(step)}`);
    const [, fn, body] = m;
    if (i === 0 && fn !== 'from')
      throw new Error('unsupported Flux: a query starts with from(bucket: …)');
    if (fn === 'from' || fn === 'yield') return;
    if (fn === 'range') {
      const start = /start:\s*-(\w+)/.exec(body);
      const ms = start ? parsePromDuration(start[1]) : undefined;
      if (ms === undefined)
        throw new Error(`unsupported Flux range(${body}) (use range(start: -15m))`);
      plan.rangeMs = ms;
      return;
    }
    if (fn === 'filter') return parseFilter(body, plan);
    if (
      ['mean', 'sum', 'last', 'first', 'max', 'min', 'count'].includes(fn) &&
      body.trim() === ''
    ) {
      plan.aggregate = fn;
      return;
    }
    throw new Error(`unsupported Flux function ${fn}()`);
  });
  return plan;
}

function start(metric: MetricOf<'influxdb'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const query = str(c.query);
  if (query.trim() === '') return fail('query is required for the influxdb provider');
  try {
    const plan = planOf(query);
    if (plan.rangeMs === undefined)
      throw new Error(
        'error in building plan while starting program: cannot submit unbounded read to "…"; try bounding "from" with a call to "range"',
      );
    const kind = plan.measurement === undefined ? undefined : INFLUX_MEASUREMENTS[plan.measurement];
    if (!kind)
      throw new Error(
        `unsupported Flux _measurement ${JSON.stringify(plan.measurement ?? '')} (simulated: ${Object.keys(INFLUX_MEASUREMENTS).join(', ')})`,
      );
    const values: number[] = [];
    for (let t = env.now - plan.rangeMs + STEP_MS; t <= env.now; t += STEP_MS) {
      const base = { filters: plan.filters, windowMs: STEP_MS };
      const requests = measureOne(env.signals, t, { ...base, kind: 'requests' });
      if (requests === 0) continue; // no traffic in that minute: no record
      if (kind === 'requests') values.push(requests);
      else {
        const errors = measureOne(env.signals, t, { ...base, kind: 'errors' });
        values.push(kind === 'errors' ? errors : (100 * errors) / requests);
      }
    }
    if (values.length === 0) return fail('no results returned from flux query');
    if (!plan.aggregate) return done(values);
    const a = plan.aggregate;
    const v =
      a === 'mean'
        ? values.reduce((x, y) => x + y, 0) / values.length
        : a === 'sum'
          ? values.reduce((x, y) => x + y, 0)
          : a === 'last'
            ? values[values.length - 1]
            : a === 'first'
              ? values[0]
              : a === 'max'
                ? Math.max(...values)
                : a === 'min'
                  ? Math.min(...values)
                  : values.length;
    return done([v]);
  } catch (e) {
    return fail(errorMessage(e));
  }
}

/** influxdb is the InfluxDB (Flux) metric provider. */
export const influxdb: MetricProviderImpl<'influxdb'> = {
  kind: 'influxdb',
  start,
  ...synchronousLifecycle('InfluxDB'),
};
