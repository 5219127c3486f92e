/**
 * The CloudWatch provider: GetMetricData `metricDataQueries` (MetricStat queries on request, error
 * and latency metrics, and arithmetic `expression`s over their ids) evaluated over the simulated
 * request series. Counterpart: metricproviders/cloudwatch/cloudwatch.go. Rule: the answer is the
 * list of MetricDataResults Argo hands to conditions (`Id, Label, Values, Timestamps, StatusCode,
 * Messages`, newest point first) for every query with returnData not false; anything else is an
 * Error naming the metric, stat, dimension or function.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import { evaluateArith, parseArith } from './arith';
import type { LabelFilter, MeasureKind } from './measures';
import { measureOne } from './measures';
import { done, errorMessage, fail, goDurationMs, rec, str, synchronousLifecycle } from './common';
import { DEFAULT_EPOCH_MS, rfc3339FromEpochMs } from '../sim';

/** CLOUDWATCH_METRICS maps metric names (any namespace) to simulated signals. */
export const CLOUDWATCH_METRICS: Readonly<Record<string, MeasureKind>> = {
  requests: 'requests',
  RequestCount: 'requests',
  errors: 'errors',
  HTTPCode_Target_5XX_Count: 'errors',
  TargetResponseTime: 'latencyAvg',
  latency: 'latencyAvg',
  Latency: 'latencyAvg',
};

/** CLOUDWATCH_DIMENSIONS maps dimension names to labels of the simulated series. */
export const CLOUDWATCH_DIMENSIONS: Readonly<Record<string, string>> = {
  service: 'service',
  Service: 'service',
  ServiceName: 'service',
  version: 'version',
  Version: 'version',
  namespace: 'namespace',
  Namespace: 'namespace',
};

interface Query {
  readonly id: string;
  readonly label: string;
  readonly returnData: boolean;
  readonly expression?: string;
  readonly stat?: {
    kind: MeasureKind;
    quantile?: number;
    filters: LabelFilter[];
    periodMs: number;
    statName: string;
  };
}

/** Accepts the CRD's lower-case fields and GetMetricData's capitalised JSON alike. */
function field(o: Readonly<Record<string, unknown>>, name: string): unknown {
  return o[name] ?? o[name[0].toUpperCase() + name.slice(1)];
}

function periodMs(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
}

function queriesOf(raw: unknown): Query[] {
  let list = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw) as unknown;
    } catch {
      throw new Error('metricDataQueries is not valid JSON');
    }
  }
  if (!Array.isArray(list) || list.length === 0) throw new Error('metricDataQueries is required');
  return list.map((q0, i) => {
    const q = rec(q0);
    const id = str(field(q, 'id'));
    if (id === '') throw new Error(`metricDataQueries[${i}]: id is required`);
    const expression = str(field(q, 'expression'));
    const ms = rec(field(q, 'metricStat'));
    const base = {
      id,
      label: str(field(q, 'label')) || id,
      returnData: field(q, 'returnData') !== false,
    };
    if (expression !== '') return { ...base, expression };
    if (Object.keys(ms).length === 0)
      throw new Error(`metricDataQueries[${i}]: one of expression or metricStat is required`);
    const m = rec(field(ms, 'metric'));
    const name = str(field(m, 'metricName'));
    let kind = CLOUDWATCH_METRICS[name];
    if (!kind)
      throw new Error(
        `unsupported CloudWatch metric ${JSON.stringify(name)} (simulated: ${Object.keys(CLOUDWATCH_METRICS).join(', ')})`,
      );
    const statName = str(field(ms, 'stat'));
    let quantile: number | undefined;
    const pct = /^p(\d{1,2}(?:\.\d+)?)$/.exec(statName);
    if (kind === 'latencyAvg') {
      if (pct) {
        kind = 'latencyQuantile';
        quantile = Number(pct[1]) / 100;
      } else if (statName !== 'Average')
        throw new Error(
          `unsupported CloudWatch stat ${JSON.stringify(statName)} for ${name} (use Average or pNN)`,
        );
    } else if (statName !== 'Sum' && statName !== 'SampleCount') {
      throw new Error(
        `unsupported CloudWatch stat ${JSON.stringify(statName)} for ${name} (use Sum)`,
      );
    }
    const dims = field(m, 'dimensions');
    const filters: LabelFilter[] = (Array.isArray(dims) ? dims : []).map((d0) => {
      const d = rec(d0);
      const dn = str(field(d, 'name'));
      const label = CLOUDWATCH_DIMENSIONS[dn];
      if (!label)
        throw new Error(
          `unsupported CloudWatch dimension ${JSON.stringify(dn)} (simulated: ${Object.keys(CLOUDWATCH_DIMENSIONS).join(', ')})`,
        );
      return { label, op: '=' as const, value: str(field(d, 'value')) };
    });
    const p = periodMs(field(ms, 'period')) ?? periodMs(field(q, 'period')) ?? 300_000;
    return {
      ...base,
      stat: {
        kind,
        ...(quantile !== undefined ? { quantile } : {}),
        filters,
        periodMs: p,
        statName,
      },
    };
  });
}

function start(metric: MetricOf<'cloudWatch'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const intervalMs = goDurationMs(c.interval, 5 * 60 * 1000);
  if (intervalMs === undefined) return fail(`time: invalid duration ${JSON.stringify(c.interval)}`);
  try {
    const queries = queriesOf(c.metricDataQueries);
    const periods = queries.flatMap((q) => (q.stat ? [q.stat.periodMs] : []));
    const step = periods.length > 0 ? Math.min(...periods) : 300_000;
    const times: number[] = [];
    for (let t = env.now; t > env.now - intervalMs; t -= step) times.push(t);
    const byId = new Map<string, Map<number, number>>();
    const statValues = (q: Query): Map<number, number> => {
      const s = q.stat!;
      const out = new Map<number, number>();
      for (const t of times) {
        const base = { filters: s.filters, windowMs: s.periodMs };
        const requests = measureOne(env.signals, t, { ...base, kind: 'requests' });
        if (requests === 0) continue; // CloudWatch returns no datapoint for an empty period
        out.set(
          t,
          s.kind === 'requests'
            ? requests
            : measureOne(env.signals, t, {
                ...base,
                kind: s.kind,
                ...(s.quantile !== undefined ? { quantile: s.quantile } : {}),
              }),
        );
      }
      return out;
    };
    for (const q of queries) if (q.stat) byId.set(q.id, statValues(q));
    for (const q of queries) {
      if (!q.expression) continue;
      const parsed = parseArith(q.expression);
      if (parsed.kind === 'error')
        throw new Error(
          `unsupported CloudWatch expression ${JSON.stringify(q.expression)}: ${parsed.message}`,
        );
      const out = new Map<number, number>();
      for (const t of times) {
        let missing = false;
        const v = evaluateArith(parsed.expr, {
          ref(name) {
            const series = byId.get(name);
            if (!series)
              throw new Error(
                `unsupported CloudWatch expression ${JSON.stringify(q.expression)}: unknown id ${name}`,
              );
            const x = series.get(t);
            if (x === undefined) missing = true;
            return x ?? NaN;
          },
          call(fn) {
            throw new Error(`unsupported CloudWatch expression function ${fn}`);
          },
        });
        if (!missing && Number.isFinite(v)) out.set(t, v);
      }
      byId.set(q.id, out);
    }
    const results = queries
      .filter((q) => q.returnData)
      .map((q) => {
        const series = byId.get(q.id) ?? new Map<number, number>();
        const ts = times.filter((t) => series.has(t));
        return {
          Id: q.id,
          Label: q.label,
          Timestamps: ts.map((t) => rfc3339FromEpochMs(DEFAULT_EPOCH_MS + t)),
          Values: ts.map((t) => series.get(t)!),
          StatusCode: 'Complete',
          Messages: [],
        };
      });
    return done(results);
  } catch (e) {
    return fail(errorMessage(e));
  }
}

/** cloudWatch is the CloudWatch metric provider. */
export const cloudWatch: MetricProviderImpl<'cloudWatch'> = {
  kind: 'cloudWatch',
  start,
  ...synchronousLifecycle('CloudWatch'),
};
