/**
 * The New Relic provider: NRQL over the `Transaction` event, evaluated on the simulated request
 * series for the forms Argo's docs show — count(*), filter(count(*), WHERE …), percentage(…),
 * average(duration), percentile(duration, 95), arithmetic between them, WHERE / SINCE clauses.
 * Counterpart: metricproviders/newrelic/newrelic.go. Rule: the answer is one row as a map (keys
 * `count`, `average.duration`, `percentile.duration` or the AS alias); other NRQL is an Error
 * naming the clause or function.
 */
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import { evaluateArith, parseArith } from './arith';
import type { LabelFilter } from './measures';
import { measureOne } from './measures';
import { done, errorMessage, fail, rec, str, synchronousLifecycle } from './common';

/** NEWRELIC_ATTRIBUTES maps Transaction attributes to labels of the simulated series. */
export const NEWRELIC_ATTRIBUTES: Readonly<Record<string, string>> = {
  appName: 'service',
  'service.name': 'service',
  httpResponseCode: 'code',
  'response.status': 'code',
  'http.statusCode': 'code',
  'tags.version': 'version',
  version: 'version',
  namespace: 'namespace',
  'tags.namespace': 'namespace',
  'tags.rollouts-pod-template-hash': 'rollouts_pod_template_hash',
  'tags.rollouts_pod_template_hash': 'rollouts_pod_template_hash',
  rollouts_pod_template_hash: 'rollouts_pod_template_hash',
  'tags.role': 'role',
};

const DEFAULT_SINCE_MS = 60 * 60 * 1000;

interface Clauses {
  readonly select: string;
  readonly where: string;
  readonly sinceMs: number;
}

const KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'SINCE',
  'UNTIL',
  'LIMIT',
  'FACET',
  'TIMESERIES',
  'COMPARE',
  'WITH',
  'EXTRAPOLATE',
];

/** Splits NRQL into clauses at top-level keywords (outside quotes and parentheses). */
function clausesOf(nrql: string): Clauses {
  const parts: { kw: string; body: string }[] = [];
  let depth = 0;
  let quote = '';
  let current = { kw: '', body: '' };
  let i = 0;
  while (i < nrql.length) {
    const ch = nrql[i];
    if (quote) {
      current.body += ch;
      if (ch === quote) quote = '';
      i++;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth === 0 && /[A-Za-z]/.test(ch) && (i === 0 || /[\s)]/.test(nrql[i - 1]))) {
      const word = /^[A-Za-z]+/.exec(nrql.slice(i))![0];
      if (KEYWORDS.includes(word.toUpperCase())) {
        parts.push(current);
        current = { kw: word.toUpperCase(), body: '' };
        i += word.length;
        continue;
      }
    }
    current.body += ch;
    i++;
  }
  parts.push(current);
  const by = new Map<string, string>();
  for (const p of parts) {
    if (p.kw === '' && p.body.trim() === '') continue;
    if (p.kw === '')
      throw new Error(
        `unsupported NRQL: expected SELECT or FROM at ${JSON.stringify(p.body.trim())}`,
      );
    if (!['SELECT', 'FROM', 'WHERE', 'SINCE', 'UNTIL', 'LIMIT'].includes(p.kw)) {
      throw new Error(`unsupported NRQL clause ${p.kw}`);
    }
    by.set(p.kw, p.body.trim());
  }
  const from = by.get('FROM') ?? '';
  if (from !== 'Transaction') {
    throw new Error(
      `unsupported NRQL event type ${JSON.stringify(from)} (only Transaction is simulated)`,
    );
  }
  if (!by.has('SELECT')) throw new Error('unsupported NRQL: no SELECT clause');
  return {
    select: by.get('SELECT')!,
    where: by.get('WHERE') ?? '',
    sinceMs: sinceOf(by.get('SINCE')),
  };
}

function sinceOf(since: string | undefined): number {
  if (since === undefined) return DEFAULT_SINCE_MS;
  const m = /^(\d+)\s+(second|minute|hour|day)s?\s+ago$/i.exec(since);
  if (!m)
    throw new Error(`unsupported NRQL SINCE ${JSON.stringify(since)} (use SINCE N minutes ago)`);
  const unit = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 }[
    m[2].toLowerCase() as 'second'
  ];
  return Number(m[1]) * unit;
}

/** Splits `s` at top-level occurrences of `sep` (a regex source, case-insensitive). */
function splitTop(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(s);
      if (m && m.index === i) {
        out.push(s.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}

const unquote = (v: string): string =>
  v
    .trim()
    .replace(/^'(.*)'$/s, '$1')
    .replace(/^"(.*)"$/s, '$1');

/** codeRegex returns an anchored-regex body of the 3-digit status codes satisfying `test`. */
function codeRegex(test: (code: number) => boolean): string {
  const codes: string[] = [];
  for (let c = 100; c <= 599; c++) if (test(c)) codes.push(String(c));
  return codes.length > 0 ? codes.join('|') : 'none';
}

const likeToRegex = (p: string): string =>
  p
    .replace(/[.+^$()|[\]\\*?{}]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');

function filtersOf(where: string): LabelFilter[] {
  if (where.trim() === '') return [];
  const out: LabelFilter[] = [];
  for (const cond of splitTop(where, /\s+AND\s+/iy)) {
    if (/\s+OR\s+/i.test(cond) || cond.startsWith('('))
      throw new Error(
        `unsupported NRQL condition ${JSON.stringify(cond)} (only AND of simple comparisons)`,
      );
    const m =
      /^([\w.`'-]+)\s*(=|!=|<>|>=|<=|>|<|=~|!~|NOT\s+LIKE|LIKE|NOT\s+IN|IN|IS\s+NOT|IS)\s*(.+)$/is.exec(
        cond,
      );
    if (!m) throw new Error(`unsupported NRQL condition ${JSON.stringify(cond)}`);
    const attr = m[1].replace(/`/g, '');
    const op = m[2].toUpperCase().replace(/\s+/g, ' ');
    const raw = m[3].trim();
    if (attr === 'error') {
      const truthy = /^true$/i.test(raw);
      const negated = op === '!=' || op === '<>' || op === 'IS NOT';
      if (!/^(true|false)$/i.test(raw) || !['=', '!=', '<>', 'IS', 'IS NOT'].includes(op)) {
        throw new Error(`unsupported NRQL condition ${JSON.stringify(cond)}`);
      }
      out.push({ label: 'code', op: truthy !== negated ? '=~' : '!~', value: '5..' });
      continue;
    }
    const label = NEWRELIC_ATTRIBUTES[attr];
    if (!label)
      throw new Error(
        `unsupported NRQL attribute ${JSON.stringify(attr)} (simulated: error, ${Object.keys(NEWRELIC_ATTRIBUTES).join(', ')})`,
      );
    if (op === '=' || op === '!=' || op === '<>') {
      out.push({ label, op: op === '=' ? '=' : '!=', value: unquote(raw) });
    } else if (op === 'LIKE' || op === 'NOT LIKE' || op === '=~' || op === '!~') {
      out.push({
        label,
        op: op === 'LIKE' || op === '=~' ? '=~' : '!~',
        value: likeToRegex(unquote(raw)),
      });
    } else if (op === 'IN' || op === 'NOT IN') {
      const list = /^\((.*)\)$/s.exec(raw);
      if (!list) throw new Error(`unsupported NRQL condition ${JSON.stringify(cond)}`);
      const values = splitTop(list[1], /,/y).map(unquote);
      const body = values.map((v) => v.replace(/[.+^$()|[\]\\*?{}]/g, '\\$&')).join('|');
      out.push({ label, op: op === 'IN' ? '=~' : '!~', value: body });
    } else if (label === 'code' && ['>', '<', '>=', '<='].includes(op)) {
      const n = Number(unquote(raw));
      const cmp = {
        '>': (c: number) => c > n,
        '<': (c: number) => c < n,
        '>=': (c: number) => c >= n,
        '<=': (c: number) => c <= n,
      }[op as '>'];
      out.push({ label, op: '=~', value: codeRegex(cmp) });
    } else {
      throw new Error(`unsupported NRQL condition ${JSON.stringify(cond)}`);
    }
  }
  return out;
}

/** Finds the top-level calls `name(…)` in `expr` and replaces each by a placeholder name. */
function extractCalls(expr: string, calls: Map<string, { fn: string; args: string[] }>): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const m = /^([A-Za-z]\w*)\s*\(/.exec(expr.slice(i));
    if (m && (i === 0 || !/[\w.]/.test(expr[i - 1]))) {
      let depth = 0;
      let j = i + m[0].length - 1;
      for (; j < expr.length; j++) {
        if (expr[j] === '(') depth++;
        if (expr[j] === ')') depth--;
        if (depth === 0) break;
      }
      const inner = expr.slice(i + m[0].length, j);
      const name = `__a${calls.size}`;
      calls.set(name, { fn: m[1], args: splitTop(inner, /,/y) });
      out += name;
      i = j + 1;
      continue;
    }
    out += expr[i];
    i++;
  }
  return out;
}

type Aggregate = number | null | Record<string, number | null>;

function aggregate(
  env: MeasureEnv,
  call: { fn: string; args: string[] },
  filters: readonly LabelFilter[],
  windowMs: number,
): { key: string; value: Aggregate } {
  const fn = call.fn.toLowerCase();
  const base = { filters, windowMs };
  const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);
  if (fn === 'count' && call.args.length === 1 && call.args[0] === '*') {
    return { key: 'count', value: measureOne(env.signals, env.now, { ...base, kind: 'requests' }) };
  }
  if ((fn === 'filter' || fn === 'percentage') && call.args.length === 2) {
    const inner = /^count\s*\(\s*\*\s*\)$/i.exec(call.args[0]);
    const where = /^WHERE\s+(.+)$/is.exec(call.args[1]);
    if (!inner || !where)
      throw new Error(
        `unsupported NRQL ${call.fn}(${call.args.join(', ')}) (expected ${call.fn}(count(*), WHERE …))`,
      );
    const part = measureOne(env.signals, env.now, {
      ...base,
      filters: [...filters, ...filtersOf(where[1])],
      kind: 'requests',
    });
    if (fn === 'filter') return { key: 'filter.count', value: part };
    const total = measureOne(env.signals, env.now, { ...base, kind: 'requests' });
    return { key: 'percentage', value: total > 0 ? (100 * part) / total : null };
  }
  if (call.args[0] === 'duration') {
    if (fn === 'average' && call.args.length === 1) {
      return {
        key: 'average.duration',
        value: nullIfNaN(measureOne(env.signals, env.now, { ...base, kind: 'latencyAvg' })),
      };
    }
    if (fn === 'sum' && call.args.length === 1) {
      return {
        key: 'sum.duration',
        value: measureOne(env.signals, env.now, { ...base, kind: 'latencySum' }),
      };
    }
    if ((fn === 'percentile' || fn === 'median') && (call.args.length >= 2 || fn === 'median')) {
      const ps = fn === 'median' ? ['50'] : call.args.slice(1);
      const value: Record<string, number | null> = {};
      for (const p of ps) {
        const q = Number(p) / 100;
        if (!(q >= 0 && q <= 1)) throw new Error(`unsupported NRQL percentile ${p}`);
        value[p] = nullIfNaN(
          measureOne(env.signals, env.now, { ...base, kind: 'latencyQuantile', quantile: q }),
        );
      }
      return { key: fn === 'median' ? 'median.duration' : 'percentile.duration', value };
    }
  }
  throw new Error(`unsupported NRQL function ${call.fn}(${call.args.join(', ')})`);
}

function evaluateNrql(env: MeasureEnv, nrql: string): Record<string, unknown> {
  const clauses = clausesOf(nrql.replace(/\s+/g, ' ').trim());
  const filters = filtersOf(clauses.where);
  const row: Record<string, unknown> = {};
  for (const item of splitTop(clauses.select, /,/y)) {
    const aliasMatch = /^(.*?)\s+AS\s+(?:'([^']+)'|`([^`]+)`|(\w+))$/is.exec(item);
    const exprText = aliasMatch ? aliasMatch[1].trim() : item;
    const alias = aliasMatch ? (aliasMatch[2] ?? aliasMatch[3] ?? aliasMatch[4]) : undefined;
    const calls = new Map<string, { fn: string; args: string[] }>();
    const rest = extractCalls(exprText, calls).trim();
    if (calls.size === 1 && rest === '__a0') {
      const r = aggregate(env, calls.get('__a0')!, filters, clauses.sinceMs);
      row[alias ?? r.key] = r.value;
      continue;
    }
    const parsed = parseArith(rest);
    if (parsed.kind === 'error')
      throw new Error(`unsupported NRQL select ${JSON.stringify(exprText)}: ${parsed.message}`);
    let noData = false;
    const value = evaluateArith(parsed.expr, {
      ref(name) {
        const call = calls.get(name);
        if (!call)
          throw new Error(
            `unsupported NRQL select ${JSON.stringify(exprText)}: unknown name ${name}`,
          );
        const v = aggregate(env, call, filters, clauses.sinceMs).value;
        if (v === null) {
          noData = true;
          return NaN;
        }
        if (typeof v !== 'number')
          throw new Error(`unsupported NRQL: ${call.fn}(…) cannot be used in arithmetic`);
        return v;
      },
    });
    row[alias ?? exprText] = noData ? null : value;
  }
  return row;
}

function start(metric: MetricOf<'newRelic'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const query = str(c.query);
  if (query.trim() === '') return fail('query is required for the newRelic provider');
  if (typeof c.timeout === 'number' && c.timeout < 0) return fail('timeout cannot be negative');
  try {
    const row = evaluateNrql(env, query);
    if (Object.keys(row).length === 0) return fail('no results returned from NRQL query');
    return done(row);
  } catch (e) {
    return fail(errorMessage(e));
  }
}

/** newRelic is the New Relic metric provider. */
export const newRelic: MetricProviderImpl<'newRelic'> = {
  kind: 'newRelic',
  start,
  ...synchronousLifecycle('NewRelic'),
};
