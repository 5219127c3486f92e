/**
 * The Graphite provider: a render `target` over Micrometer-style request-count paths
 * (`stats.timers.httpServerRequests.app.<service>.exception.*.method.*.outcome.<OUTCOME>.status.<code>.uri.*.count`)
 * with sumSeries, asPercent, divideSeries, scale, alias and summarize, evaluated over the
 * simulated request series. Counterpart: metricproviders/graphite/{graphite,api}.go.
 * Rule: the answer is the list of non-null points of the first target (1-minute points over the
 * last 5 minutes); no points is Error "no values found"; other targets are an Error naming them.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl, SignalView } from './provider';
import type { ArithExpr } from './arith';
import { parseArith } from './arith';
import { globToRegex, measureOne } from './measures';
import { done, errorMessage, fail, isUrl, rec, str, synchronousLifecycle } from './common';
import { parsePromDuration } from './promql';

/** GRAPHITE_PATH is the path layout the simulated series are published under. */
export const GRAPHITE_PATH =
  'stats.timers.httpServerRequests.app.<service>.exception.None.method.GET.outcome.<OUTCOME>.status.<code>.uri.root.count';

const FROM_MS = 5 * 60 * 1000;
const STEP_MS = 60 * 1000;

const outcomeOf = (code: string): string =>
  code.startsWith('2')
    ? 'SUCCESS'
    : code.startsWith('3')
      ? 'REDIRECTION'
      : code.startsWith('4')
        ? 'CLIENT_ERROR'
        : code.startsWith('5')
          ? 'SERVER_ERROR'
          : 'UNKNOWN';

function segmentMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${globToRegex(pattern)})$`).test(value);
}

/** Points of the path pattern: requests per 1-minute step over the last 5 minutes, oldest first. */
function pathSeries(signals: SignalView, now: number, path: string): number[] {
  const want = GRAPHITE_PATH.split('.');
  const got = path.split('.');
  if (got.length !== want.length)
    throw new Error(
      `unsupported Graphite path ${JSON.stringify(path)} (simulated: ${GRAPHITE_PATH})`,
    );
  const services = new Set<string>();
  const codes = new Set<string>();
  for (const s of signals.series('http_requests_total')) {
    services.add(s.labels.service ?? '');
    codes.add(s.labels.code ?? '');
  }
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith('<')) continue;
    if (!segmentMatch(got[i], want[i]))
      throw new Error(
        `unsupported Graphite path ${JSON.stringify(path)}: segment ${JSON.stringify(got[i])} (simulated: ${GRAPHITE_PATH})`,
      );
  }
  const svc = [...services].filter((s) => segmentMatch(got[4], s));
  const cds = [...codes].filter(
    (c) => segmentMatch(got[10], outcomeOf(c)) && segmentMatch(got[12], c),
  );
  const points: number[] = [];
  for (let t = now - FROM_MS + STEP_MS; t <= now; t += STEP_MS) {
    if (svc.length === 0 || cds.length === 0) {
      points.push(NaN);
      continue;
    }
    const escape = (xs: string[]): string =>
      xs.map((x) => x.replace(/[.+^$()|[\]\\*?{}]/g, '\\$&')).join('|');
    points.push(
      measureOne(signals, t, {
        kind: 'requests',
        windowMs: STEP_MS,
        filters: [
          { label: 'service', op: '=~', value: escape(svc) },
          { label: 'code', op: '=~', value: escape(cds) },
        ],
      }),
    );
  }
  return points;
}

function evalTarget(env: MeasureEnv, e: ArithExpr, paths: ReadonlyMap<string, string>): number[] {
  const ev = (x: ArithExpr): number[] => evalTarget(env, x, paths);
  const zip = (a: number[], b: number[], f: (x: number, y: number) => number): number[] =>
    a.map((x, i) => (Number.isNaN(x) || Number.isNaN(b[i]) ? NaN : f(x, b[i])));
  if (e.kind === 'ref') {
    const path = paths.get(e.name);
    if (path === undefined) throw new Error(`unsupported Graphite target ${e.name}`);
    return pathSeries(env.signals, env.now, path);
  }
  if (e.kind !== 'call')
    throw new Error('unsupported Graphite target: expected a path or a function call');
  const fn = e.fn;
  if (fn === 'sumSeries' || fn === 'sum') {
    const all = e.args.map(ev);
    return all.reduce((acc, s) => zip(acc, s, (x, y) => x + y));
  }
  if (fn === 'alias' || fn === 'aliasByNode' || fn === 'keepLastValue') return ev(e.args[0]);
  if (fn === 'asPercent' || fn === 'divideSeries') {
    const a = ev(e.args[0]);
    const b = ev(e.args[1]);
    return zip(a, b, (x, y) => (y === 0 ? NaN : fn === 'asPercent' ? (100 * x) / y : x / y));
  }
  if (fn === 'scale') {
    const f = e.args[1]?.kind === 'num' ? e.args[1].value : NaN;
    return ev(e.args[0]).map((x) => x * f);
  }
  if (fn === 'summarize') {
    const size =
      e.args[1]?.kind === 'str'
        ? parsePromDuration(e.args[1].value.replace(/min$/, 'm'))
        : undefined;
    const how = e.args[2]?.kind === 'str' ? e.args[2].value : 'sum';
    if (size === undefined)
      throw new Error("unsupported Graphite summarize: expected an interval like '5min'");
    const points = ev(e.args[0]);
    const per = Math.max(1, Math.round(size / STEP_MS));
    const out: number[] = [];
    for (
      let i = Math.max(0, points.length - per * Math.ceil(points.length / per));
      i < points.length;
      i += per
    ) {
      const chunk = points.slice(i, i + per).filter((x) => !Number.isNaN(x));
      if (chunk.length === 0) out.push(NaN);
      else if (how === 'sum') out.push(chunk.reduce((a, b) => a + b, 0));
      else if (how === 'avg') out.push(chunk.reduce((a, b) => a + b, 0) / chunk.length);
      else if (how === 'max') out.push(Math.max(...chunk));
      else if (how === 'min') out.push(Math.min(...chunk));
      else if (how === 'last') out.push(chunk[chunk.length - 1]);
      else throw new Error(`unsupported Graphite summarize function ${JSON.stringify(how)}`);
    }
    return out;
  }
  throw new Error(`unsupported Graphite function ${fn}`);
}

function start(metric: MetricOf<'graphite'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const address = str(c.address);
  if (!isUrl(address))
    return fail(
      `parse ${JSON.stringify(address)}: invalid URL: graphite address must include a scheme and host`,
    );
  // Argo removes every whitespace character from the query.
  const query = str(c.query)
    .replace(/\s+/g, '')
    .replace(/^target=/, '');
  if (query === '') return fail('query is required for the graphite provider');
  try {
    const paths = new Map<string, string>();
    // Paths contain dots, braces and commas; lift them out before the arithmetic parse.
    const lifted = query.replace(
      /(?<=^|[(,])((?:[A-Za-z_*?]|\{[^}]*\})(?:[\w*?-]|\{[^}]*\})*(?:\.(?:[\w*?-]|\{[^}]*\})+)+)(?=$|[),])/g,
      (path: string) => {
        const key = `__p${paths.size}`;
        paths.set(key, path);
        return key;
      },
    );
    const parsed = parseArith(lifted);
    if (parsed.kind === 'error')
      throw new Error(`unsupported Graphite target ${JSON.stringify(query)}: ${parsed.message}`);
    const points = evalTarget(env, parsed.expr, paths).filter((x) => !Number.isNaN(x));
    if (points.length === 0) return fail('no values found');
    return done(points);
  } catch (e) {
    return fail(errorMessage(e));
  }
}

/** graphite is the Graphite metric provider. */
export const graphite: MetricProviderImpl<'graphite'> = {
  kind: 'graphite',
  start,
  ...synchronousLifecycle('Graphite'),
};
