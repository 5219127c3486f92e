/**
 * The Datadog provider: v1 `query` and v2 `queries` + `formula`, evaluated over the simulated
 * request series for the common metric queries (request, error, error-rate and latency metrics
 * with tag filters). Counterpart: metricproviders/datadog/datadog.go. Rule: Argo's validation
 * messages verbatim; v1 and v2-ungrouped answer one float (nil without data), v2 grouped answers a
 * list with `groups` metadata; any query form we do not model is an Error naming it.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl, SignalView } from './provider';
import type { ArithExpr } from './arith';
import { evaluateArith, parseArith } from './arith';
import type { LabelFilter, MeasureKind } from './measures';
import { globToRegex, measure, measureOne } from './measures';
import { done, errorMessage, fail, goDurationMs, rec, str, synchronousLifecycle } from './common';

/** DATADOG_METRICS maps Datadog metric names to the simulated signal they read. */
export const DATADOG_METRICS: Readonly<Record<string, MeasureKind | 'errorRate'>> = {
  requests: 'requests',
  'requests.count': 'requests',
  'http.requests': 'requests',
  'trace.http.request.hits': 'requests',
  'requests.errors': 'errors',
  'requests.error': 'errors',
  'requests.error.count': 'errors',
  'http.requests.errors': 'errors',
  'trace.http.request.errors': 'errors',
  'requests.error.rate': 'errorRate',
  'requests.error_rate': 'errorRate',
  'trace.http.request.duration': 'latencyAvg',
  'http.request.duration': 'latencyAvg',
  'requests.latency': 'latencyAvg',
};

/** DATADOG_TAGS maps Datadog tag keys to labels of the simulated series. */
export const DATADOG_TAGS: Readonly<Record<string, string>> = {
  service: 'service',
  kube_service: 'service',
  version: 'version',
  namespace: 'namespace',
  kube_namespace: 'namespace',
  rollout: 'rollout',
  kube_argo_rollout: 'rollout',
  role: 'role',
  rollouts_pod_template_hash: 'rollouts_pod_template_hash',
  'rollouts-pod-template-hash': 'rollouts_pod_template_hash',
  pod_template_hash: 'rollouts_pod_template_hash',
  'http.status_code': 'code',
  status_code: 'code',
};

const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count'];

interface MetricQuery {
  readonly kind: MeasureKind | 'errorRate';
  readonly quantile?: number;
  readonly filters: readonly LabelFilter[];
  readonly by: readonly string[];
  readonly asCount: boolean;
}

const METRIC_QUERY =
  /([a-z0-9]+):([A-Za-z_][\w.]*)\{([^}]*)\}(?:\s*by\s*\{([^}]*)\})?((?:\.(?:as_count|as_rate|fill|rollup)\([^)]*\))*)/g;

function parseTags(tags: string, what: string): LabelFilter[] {
  const out: LabelFilter[] = [];
  for (const raw of tags.split(',').map((t) => t.trim())) {
    if (raw === '' || raw === '*') continue;
    const negate = raw.startsWith('!') || raw.startsWith('-');
    const body = negate ? raw.slice(1) : raw;
    const colon = body.indexOf(':');
    if (colon < 0)
      throw new Error(`unsupported Datadog tag "${raw}" in ${what} (expected key:value)`);
    const key = body.slice(0, colon);
    const value = body.slice(colon + 1);
    const label = DATADOG_TAGS[key];
    if (!label) throw new Error(`unsupported Datadog tag key "${key}" in ${what}`);
    const glob = /[*?]/.test(value);
    out.push({
      label,
      op: glob ? (negate ? '!~' : '=~') : negate ? '!=' : '=',
      value: glob ? globToRegex(value) : value,
    });
  }
  return out;
}

function parseMetricQuery(
  agg: string,
  metric: string,
  tags: string,
  by: string | undefined,
  suffix: string,
): MetricQuery {
  const what = `${agg}:${metric}{${tags}}`;
  const percentile = /^p(\d{1,2}(?:\.\d+)?)$/.exec(agg);
  if (!percentile && !AGGREGATIONS.includes(agg)) {
    throw new Error(`unsupported Datadog space aggregation "${agg}" in ${what}`);
  }
  let kind = DATADOG_METRICS[metric];
  if (!kind)
    throw new Error(
      `unsupported Datadog metric "${metric}" (simulated: ${Object.keys(DATADOG_METRICS).join(', ')})`,
    );
  let quantile: number | undefined;
  if (kind === 'latencyAvg' && percentile) {
    kind = 'latencyQuantile';
    quantile = Number(percentile[1]) / 100;
  }
  const byTags = (by ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => {
      const label = DATADOG_TAGS[t];
      if (!label) throw new Error(`unsupported Datadog tag key "${t}" in by {…} of ${what}`);
      return label;
    });
  return {
    kind,
    ...(quantile !== undefined ? { quantile } : {}),
    filters: parseTags(tags, what),
    by: byTags,
    asCount: suffix.includes('as_count'),
  };
}

/** Replaces every metric query in `src` by a name, so the rest parses as arithmetic. */
function extractQueries(src: string, prefix: string, into: Map<string, MetricQuery>): string {
  return src.replace(
    METRIC_QUERY,
    (_all, agg: string, metric: string, tags: string, by: string | undefined, suffix: string) => {
      const name = `${prefix}${into.size}`;
      into.set(name, parseMetricQuery(agg, metric, tags, by, suffix ?? ''));
      return name;
    },
  );
}

function valueOf(
  signals: SignalView,
  now: number,
  windowMs: number,
  q: MetricQuery,
): number | null {
  const base = { filters: q.filters, windowMs };
  const requests = measureOne(signals, now, { ...base, kind: 'requests' });
  if (requests === 0) return null; // no points in the window: Datadog answers "no data"
  if (q.kind === 'errorRate')
    return measureOne(signals, now, { ...base, kind: 'errors' }) / requests;
  if (q.kind === 'latencyAvg' || q.kind === 'latencyQuantile') {
    return measureOne(signals, now, {
      ...base,
      kind: q.kind,
      ...(q.quantile !== undefined ? { quantile: q.quantile } : {}),
    });
  }
  return measureOne(signals, now, { ...base, kind: q.kind, perSecond: !q.asCount });
}

function formulaEnv(refs: ReadonlyMap<string, number | null>) {
  return {
    ref(name: string): number {
      if (!refs.has(name)) throw new Error(`unknown query name "${name}" in formula`);
      const v = refs.get(name);
      if (v === null || v === undefined) throw new NoData();
      return v;
    },
    call(fn: string, args: readonly ArithExpr[], ev: (e: ArithExpr) => number): number {
      // moving_rollup over the whole interval is the interval's own aggregate here.
      if (fn === 'moving_rollup' || fn === 'rollup') return ev(args[0]);
      if (fn === 'abs') return Math.abs(ev(args[0]));
      if (fn === 'default_zero') {
        try {
          return ev(args[0]);
        } catch (e) {
          if (e instanceof NoData) return 0;
          throw e;
        }
      }
      throw new Error(`unsupported Datadog formula function ${fn}`);
    },
  };
}

class NoData extends Error {}

function validate(c: Readonly<Record<string, unknown>>): string | undefined {
  const query = str(c.query);
  const queries = rec(c.queries);
  const n = Object.keys(queries).length;
  const version = str(c.apiVersion) || 'v1';
  if (query === '' && n === 0)
    return 'Must have either a query or queries. Please review the Analysis Template.';
  if (query !== '' && n > 0)
    return 'Cannot have both a query and queries. Please review the Analysis Template.';
  if (version === 'v1' && query === '') {
    return 'Query is empty. API Version v1 only supports using the query parameter in your Analysis Template.';
  }
  if (str(c.formula) !== '' && n === 0) {
    return 'Formula are only valid when queries are set. Please review the Analysis Template.';
  }
  if (str(c.formula) === '' && n > 1)
    return 'When multiple queries are provided you must include a formula.';
  if (version === 'v1' && str(c.aggregator) !== '') {
    return 'Aggregator is not supported in v1. Please review the Analysis Template.';
  }
  if (version !== 'v1' && version !== 'v2')
    return `unsupported Datadog apiVersion ${JSON.stringify(version)}`;
  return undefined;
}

function start(metric: MetricOf<'datadog'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const problem = validate(c);
  if (problem) return fail(problem);
  const windowMs = goDurationMs(c.interval, 5 * 60 * 1000);
  if (windowMs === undefined) return fail(`time: invalid duration ${JSON.stringify(c.interval)}`);
  try {
    const parsed = new Map<string, MetricQuery>();
    let formula: string;
    if (str(c.query) !== '') {
      formula = extractQueries(str(c.query), '__q', parsed);
    } else {
      const queries = rec(c.queries);
      for (const name of Object.keys(queries).sort()) {
        const inner = new Map<string, MetricQuery>();
        const rest = extractQueries(str(queries[name]), '__q', inner).trim();
        if (inner.size !== 1 || rest !== '__q0') {
          throw new Error(
            `unsupported Datadog query ${JSON.stringify(queries[name])} for "${name}" (expected agg:metric{tags})`,
          );
        }
        parsed.set(name, inner.get('__q0')!);
      }
      formula = str(c.formula) || Object.keys(queries)[0];
    }
    const grouped = [...parsed.values()].filter((q) => q.by.length > 0);
    if (grouped.length > 0) {
      const version = str(c.apiVersion) || 'v1';
      if (parsed.size !== 1 || formula.trim() !== [...parsed.keys()][0] || version !== 'v2') {
        throw new Error(
          'unsupported Datadog query: grouping with by {…} is simulated for a single v2 query without a formula',
        );
      }
      return grouped1(env, windowMs, grouped[0]);
    }
    const expr = parseArith(formula);
    if (expr.kind === 'error')
      throw new Error(
        `unsupported Datadog query ${JSON.stringify(str(c.query) || formula)}: ${expr.message}`,
      );
    const values = new Map<string, number | null>();
    for (const [name, q] of parsed) values.set(name, valueOf(env.signals, env.now, windowMs, q));
    try {
      return done(evaluateArith(expr.expr, formulaEnv(values)));
    } catch (e) {
      if (e instanceof NoData) return done(null);
      throw e;
    }
  } catch (e) {
    return fail(errorMessage(e));
  }
}

function grouped1(env: MeasureEnv, windowMs: number, q: MetricQuery): MeasureStep {
  const base = { filters: q.filters, windowMs, by: q.by };
  const kind = q.kind === 'errorRate' ? 'errors' : q.kind;
  const rows = measure(env.signals, env.now, {
    ...base,
    kind,
    perSecond:
      !q.asCount &&
      q.kind !== 'errorRate' &&
      (kind === 'requests' || kind === 'errors' || kind === 'successes'),
    ...(q.quantile !== undefined ? { quantile: q.quantile } : {}),
  });
  let values = rows;
  if (q.kind === 'errorRate') {
    const totals = measure(env.signals, env.now, { ...base, kind: 'requests' });
    values = totals.map((t) => {
      const e = rows.find((r) => JSON.stringify(r.labels) === JSON.stringify(t.labels));
      return { labels: t.labels, value: t.value > 0 ? (e?.value ?? 0) / t.value : NaN };
    });
  }
  const finite = values.filter((v) => !Number.isNaN(v.value));
  const groups = finite
    .map((v) => ({ name: q.by.map((b) => v.labels[b] ?? '').join(','), value: v.value }))
    .sort((a, b) => b.value - a.value);
  const metadata: Record<string, string> = { groups: JSON.stringify(groups.slice(0, 100)) };
  if (groups.length > 100) metadata.groups_truncated = 'true';
  return done(
    finite.map((v) => v.value),
    metadata,
  );
}

/** datadog is the Datadog metric provider. */
export const datadog: MetricProviderImpl<'datadog'> = {
  kind: 'datadog',
  start,
  ...synchronousLifecycle('Datadog'),
};
