/**
 * The Wavefront provider: WQL `ts("metric", filters)` wrapped in `rate`, `sum`, `mavg`,
 * `percentile` and arithmetic, evaluated over the simulated request series (the success-rate
 * query of Argo's docs). Counterpart: metricproviders/wavefront/wavefront.go. Rule: one float
 * per query (the point at the measurement time); WQL we do not model is an Error naming it.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import type { ArithExpr } from './arith';
import { parseArith } from './arith';
import type { LabelFilter, MeasureKind } from './measures';
import { globToRegex, measureOne } from './measures';
import { done, errorMessage, fail, rec, str, synchronousLifecycle } from './common';
import { parsePromDuration } from './promql';

/** WAVEFRONT_METRICS maps Wavefront metric names to simulated signals. */
export const WAVEFRONT_METRICS: Readonly<Record<string, MeasureKind>> = {
  'istio.requestcount.count': 'requests',
  'istio.requests.count': 'requests',
  'istio.request_count': 'requests',
  'http.requests.count': 'requests',
  'requests.count': 'requests',
  'http.requests.errors.count': 'errors',
  'requests.errors.count': 'errors',
  'http.request.duration': 'latencyAvg',
  'istio.requestduration.avg': 'latencyAvg',
};

/** WAVEFRONT_TAGS maps point tags to labels of the simulated series (`reporter` is ignored). */
export const WAVEFRONT_TAGS: Readonly<Record<string, string>> = {
  response_code: 'code',
  destination_service: 'service',
  destination_service_name: 'service',
  service: 'service',
  destination_version: 'version',
  version: 'version',
  destination_service_namespace: 'namespace',
  namespace: 'namespace',
};

const IGNORED_TAGS = ['reporter', 'source', 'cluster', 'env'];

interface TsAtom {
  readonly kind: MeasureKind;
  readonly filters: readonly LabelFilter[];
}

function filtersOf(text: string, what: string): LabelFilter[] {
  const out: LabelFilter[] = [];
  if (text.trim() === '') return out;
  for (const cond of text.split(/\s+and\s+/i).map((c) => c.trim())) {
    const m = /^(not\s+)?([\w.-]+)\s*(!=|=)\s*"?([^"]*)"?$/i.exec(cond);
    if (!m) throw new Error(`unsupported Wavefront filter ${JSON.stringify(cond)} in ${what}`);
    const key = m[2];
    if (IGNORED_TAGS.includes(key)) continue;
    const label = WAVEFRONT_TAGS[key];
    if (!label) throw new Error(`unsupported Wavefront tag ${JSON.stringify(key)} in ${what}`);
    let value = m[4];
    // Istio reports destination_service as a cluster FQDN; the simulated label is the name.
    if (label === 'service') value = value.replace(/\.[^.]+\.svc(\.cluster\.local)?$/, '');
    const negate = Boolean(m[1]) !== (m[3] === '!=');
    const glob = /[*?]/.test(value);
    out.push({
      label,
      op: glob ? (negate ? '!~' : '=~') : negate ? '!=' : '=',
      value: glob ? globToRegex(value) : value,
    });
  }
  return out;
}

interface Ctx {
  readonly windowMs: number;
  readonly perSecond: boolean;
  readonly quantile?: number;
}

function evaluate(
  env: MeasureEnv,
  e: ArithExpr,
  atoms: ReadonlyMap<string, TsAtom>,
  ctx: Ctx,
): number {
  const ev = (x: ArithExpr, c: Ctx = ctx): number => evaluate(env, x, atoms, c);
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'str':
      throw new Error(`unsupported Wavefront expression: string '${e.value}' outside a function`);
    case 'neg':
      return -ev(e.expr);
    case 'bin': {
      const a = ev(e.left);
      const b = ev(e.right);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
    case 'ref': {
      const atom = atoms.get(e.name);
      if (!atom) throw new Error(`unsupported Wavefront expression ${e.name}`);
      const latency = atom.kind === 'latencyAvg';
      return measureOne(env.signals, env.now, {
        kind: latency && ctx.quantile !== undefined ? 'latencyQuantile' : atom.kind,
        filters: atom.filters,
        windowMs: ctx.windowMs,
        perSecond: ctx.perSecond && !latency,
        ...(ctx.quantile !== undefined ? { quantile: ctx.quantile } : {}),
      });
    }
    case 'call': {
      const fn = e.fn.toLowerCase();
      const windowArg = (a: ArithExpr | undefined): number | undefined =>
        a?.kind === 'str' ? parsePromDuration(a.value) : undefined;
      if (fn === 'sum' || fn === 'avg' || fn === 'align') return ev(e.args[e.args.length - 1]);
      if (fn === 'rate' || fn === 'deriv') {
        const w = e.args.length > 1 ? windowArg(e.args[0]) : undefined;
        return ev(e.args[e.args.length - 1], {
          ...ctx,
          perSecond: true,
          windowMs: w ?? ctx.windowMs,
        });
      }
      if (fn === 'mavg' || fn === 'msum') {
        const w = windowArg(e.args[0]);
        if (w === undefined)
          throw new Error(`unsupported Wavefront ${e.fn}: expected a window like 5m`);
        return ev(e.args[1], { ...ctx, windowMs: w });
      }
      if (fn === 'percentile') {
        const p = e.args[0]?.kind === 'num' ? e.args[0].value : NaN;
        if (!(p >= 0 && p <= 100))
          throw new Error('unsupported Wavefront percentile: expected percentile(N, ts(…))');
        return ev(e.args[1], { ...ctx, quantile: p / 100 });
      }
      throw new Error(`unsupported Wavefront function ${e.fn}`);
    }
  }
}

function start(metric: MetricOf<'wavefront'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const query = str(c.query);
  if (str(c.address) === '') return fail('wavefront address is not configured');
  if (query.trim() === '') return fail('query is required for the wavefront provider');
  try {
    const atoms = new Map<string, TsAtom>();
    const rest = query
      .replace(
        /ts\(\s*"([^"]+)"\s*(?:,\s*([^)]*))?\)/g,
        (_all, name: string, filters: string | undefined) => {
          const kind = WAVEFRONT_METRICS[name];
          if (!kind)
            throw new Error(
              `unsupported Wavefront metric ${JSON.stringify(name)} (simulated: ${Object.keys(WAVEFRONT_METRICS).join(', ')})`,
            );
          const key = `__ts${atoms.size}`;
          atoms.set(key, { kind, filters: filtersOf(filters ?? '', name) });
          return key;
        },
      )
      .replace(/\b(\d+)([smhdw])\b/g, "'$1$2'");
    if (atoms.size === 0)
      throw new Error(
        `unsupported Wavefront query: no ts("metric", …) in ${JSON.stringify(query.trim())}`,
      );
    const parsed = parseArith(rest);
    if (parsed.kind === 'error') throw new Error(`unsupported Wavefront query: ${parsed.message}`);
    return done(evaluate(env, parsed.expr, atoms, { windowMs: 60_000, perSecond: false }));
  } catch (e) {
    return fail(errorMessage(e));
  }
}

/** wavefront is the Wavefront metric provider. */
export const wavefront: MetricProviderImpl<'wavefront'> = {
  kind: 'wavefront',
  start,
  ...synchronousLifecycle('Wavefront'),
};
