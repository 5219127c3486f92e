/**
 * A PromQL subset evaluated over the simulated series: the lezer-promql syntax tree (the grammar
 * Prometheus' own UI uses) walked into scalars, instant vectors and range vectors, with
 * Prometheus' semantics for rate/irate/increase extrapolation, vector matching and
 * histogram_quantile. Counterpart: prometheus/promql engine.go and functions.go.
 * Rule: pure over a SignalView at one virtual instant; anything outside the subset is an error
 * naming the construct, never a silent wrong answer.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import type { SignalView } from './provider';
import { translateRe2 } from '../model/re2';

/** Labels of a sample; `__name__` holds the metric name until an operation drops it. */
export type PromLabels = Readonly<Record<string, string>>;

/** One element of an instant vector. */
export interface PromSample {
  readonly labels: PromLabels;
  readonly value: number;
}

/** One element of a range vector. */
export interface PromRangeSeries {
  readonly labels: PromLabels;
  readonly points: readonly (readonly [number, number])[];
}

/** The four PromQL value types. */
export type PromValue =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'vector'; readonly samples: readonly PromSample[] }
  | {
      readonly kind: 'matrix';
      readonly series: readonly PromRangeSeries[];
      /** The selector's range, for rate-like functions. */
      readonly rangeMs?: number;
    }
  | { readonly kind: 'string'; readonly value: string };

/** The outcome of {@link evaluatePromQL}. */
export type PromResult =
  | { readonly kind: 'ok'; readonly value: PromValue }
  | { readonly kind: 'error'; readonly message: string };

/** PromQLOptions tunes {@link evaluatePromQL}. */
export interface PromQLOptions {
  /** How far back an instant selector looks for a sample (Prometheus default 5m). */
  readonly lookbackMs?: number;
}

/** An error raised while evaluating; its message is what the measurement shows. */
export class PromQLError extends Error {}

const DEFAULT_LOOKBACK_MS = 5 * 60 * 1000;

const unsupported = (construct: string): never => {
  throw new PromQLError(`unsupported PromQL: ${construct}`);
};

interface Ctx {
  readonly query: string;
  readonly signals: SignalView;
  readonly lookbackMs: number;
}

/**
 * evaluatePromQL parses `query` and evaluates it at virtual time `atMs` over `signals`.
 *
 * Supported: number and string literals, parentheses, unary minus; instant selectors with `=`,
 * `!=`, `=~`, `!~` (anchored regex); range selectors `[5m]`; `offset`; `rate`, `irate`,
 * `increase`, `delta`, `histogram_quantile`, `scalar`, `vector`, `time`, `abs`, `ceil`, `floor`,
 * `round`, `sqrt`, `exp`, `ln`, `clamp`, `clamp_min`, `clamp_max`, `absent`, the `*_over_time`
 * family (sum, avg, min, max, count, last); `sum`, `avg`, `min`, `max`, `count`, `group` with
 * `by`/`without`; arithmetic (`+ - * / % ^`), comparisons (with `bool`) and `and`/`or`/`unless`
 * between scalars and vectors, with `on`/`ignoring` and `group_left`/`group_right`.
 */
export function evaluatePromQL(
  query: string,
  signals: SignalView,
  atMs: number,
  options: PromQLOptions = {},
): PromResult {
  const tree = parser.parse(query);
  const bad = firstError(tree.topNode);
  if (bad !== undefined) {
    const near = query.slice(bad, bad + 12).trim();
    return {
      kind: 'error',
      message: `bad_data: invalid parameter "query": 1:${bad + 1}: parse error: unexpected ${near ? `"${near}"` : 'end of input'}`,
    };
  }
  const ctx: Ctx = { query, signals, lookbackMs: options.lookbackMs ?? DEFAULT_LOOKBACK_MS };
  try {
    const top = tree.topNode.firstChild;
    if (!top) return { kind: 'error', message: 'bad_data: invalid parameter "query": empty query' };
    return { kind: 'ok', value: evalNode(ctx, top, atMs) };
  } catch (e) {
    if (e instanceof PromQLError) return { kind: 'error', message: e.message };
    throw e;
  }
}

function firstError(node: SyntaxNode): number | undefined {
  const cursor = node.cursor();
  do {
    if (cursor.type.isError) return cursor.from;
  } while (cursor.next());
  return undefined;
}

function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

const text = (ctx: Ctx, node: SyntaxNode): string => ctx.query.slice(node.from, node.to);

function evalNode(ctx: Ctx, node: SyntaxNode, at: number): PromValue {
  switch (node.name) {
    case 'ParenExpr':
      return evalNode(ctx, kids(node)[0], at);
    case 'NumberDurationLiteral':
      return { kind: 'scalar', value: parseNumber(text(ctx, node)) };
    case 'StringLiteral':
      return { kind: 'string', value: unquote(text(ctx, node)) };
    case 'UnaryExpr': {
      const [op, operand] = kids(node);
      const v = evalNode(ctx, operand, at);
      if (text(ctx, op) === '+') return v;
      return mapValues(v, (x) => -x);
    }
    case 'VectorSelector':
      return instantSelect(ctx, node, at);
    case 'MatrixSelector':
      return rangeSelect(ctx, node, at);
    case 'OffsetExpr': {
      const [inner, , durNode] = kids(node);
      const offset = durationOf(ctx, durNode);
      return evalNode(ctx, inner, at - offset);
    }
    case 'BinaryExpr':
      return evalBinary(ctx, node, at);
    case 'AggregateExpr':
      return evalAggregate(ctx, node, at);
    case 'FunctionCall':
      return evalCall(ctx, node, at);
    case 'SubqueryExpr':
      return unsupported(`subquery ${text(ctx, node)}`);
    case 'StepInvariantExpr':
      return unsupported(`@ modifier in ${text(ctx, node)}`);
    default:
      return unsupported(`${node.name} ${text(ctx, node)}`);
  }
}

/** parseNumber reads a PromQL number: decimal, hex, Inf, NaN, or a duration in seconds. */
export function parseNumber(s: string): number {
  const t = s.trim();
  const lower = t.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (lower === 'nan') return NaN;
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  const n = Number(t);
  if (t !== '' && Number.isFinite(n)) return n;
  const ms = parsePromDuration(t);
  if (ms !== undefined) return ms / 1000;
  throw new PromQLError(`bad_data: invalid number ${s}`);
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** parsePromDuration reads a Prometheus duration (`5m`, `1h30m`, `500ms`, `90`) in ms. */
export function parsePromDuration(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const re = /(\d+)(ms|s|m|h|d|w|y)/y;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    pos = re.lastIndex;
  }
  return pos > 0 ? total : undefined;
}

function durationOf(ctx: Ctx, node: SyntaxNode): number {
  const inner = kids(node);
  const leaf = inner.length === 1 ? inner[0] : inner.length === 0 ? node : undefined;
  const raw = leaf ? text(ctx, leaf).trim() : '';
  const ms = leaf ? parsePromDuration(raw) : undefined;
  if (ms === undefined) return unsupported(`duration expression ${text(ctx, node)}`);
  return ms;
}

function unquote(s: string): string {
  const q = s[0];
  const body = s.slice(1, -1);
  if (q === '`') return body;
  return body.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c,
  );
}

// ---------------------------------------------------------------------------------------------
// Selectors

type Matcher = (labels: PromLabels) => boolean;

/** regexFrom compiles an RE2 pattern as Prometheus does: fully anchored (evaluateRegex.ts translates). */
export function regexFrom(pattern: string): RegExp {
  try {
    const { source, flags } = translateRe2(pattern);
    // Prometheus' own anchors sit outside the pattern's flags, so a leading (?m) may not move them.
    return new RegExp(`^(?:${source})$`, flags.replace('m', ''));
  } catch {
    throw new PromQLError(`bad_data: invalid regular expression ${JSON.stringify(pattern)}`);
  }
}

function matchersOf(ctx: Ctx, selector: SyntaxNode): { name?: string; matchers: Matcher[] } {
  let name: string | undefined;
  const matchers: Matcher[] = [];
  for (const c of kids(selector)) {
    if (c.name === 'Identifier') name = text(ctx, c);
    if (c.name !== 'LabelMatchers') continue;
    for (const m of kids(c)) {
      const parts = kids(m);
      if (m.name === 'QuotedLabelName') {
        const metric = unquote(text(ctx, m));
        matchers.push((l) => l.__name__ === metric);
        continue;
      }
      const labelNode = parts.find((p) => p.name === 'LabelName' || p.name === 'QuotedLabelName');
      const opNode = parts.find((p) => p.name === 'MatchOp');
      const valueNode = parts.find((p) => p.name === 'StringLiteral');
      if (!labelNode || !opNode || !valueNode) return unsupported(`label matcher ${text(ctx, m)}`);
      const label =
        labelNode.name === 'QuotedLabelName' ? unquote(text(ctx, labelNode)) : text(ctx, labelNode);
      const value = unquote(text(ctx, valueNode));
      const op = text(ctx, opNode);
      const get = (l: PromLabels): string => l[label] ?? '';
      if (op === '=') matchers.push((l) => get(l) === value);
      else if (op === '!=') matchers.push((l) => get(l) !== value);
      else {
        const re = regexFrom(value);
        if (op === '=~') matchers.push((l) => re.test(get(l)));
        else matchers.push((l) => !re.test(get(l)));
      }
    }
  }
  return name === undefined ? { matchers } : { name, matchers };
}

function candidates(ctx: Ctx, name: string | undefined, matchers: Matcher[]): PromRangeSeries[] {
  const names = name !== undefined ? [name] : ctx.signals.seriesNames();
  const out: PromRangeSeries[] = [];
  for (const n of names) {
    for (const s of ctx.signals.series(n)) {
      const labels = { ...s.labels, __name__: n };
      if (matchers.every((m) => m(labels))) out.push({ labels, points: s.points });
    }
  }
  if (name === undefined && matchers.length === 0) {
    throw new PromQLError('bad_data: vector selector must contain at least one non-empty matcher');
  }
  return out;
}

function instantSelect(ctx: Ctx, node: SyntaxNode, at: number): PromValue {
  const { name, matchers } = matchersOf(ctx, node);
  const samples: PromSample[] = [];
  for (const s of candidates(ctx, name, matchers)) {
    const p = lastAtOrBefore(s.points, at);
    if (p && p[0] > at - ctx.lookbackMs) samples.push({ labels: s.labels, value: p[1] });
  }
  return { kind: 'vector', samples };
}

function lastAtOrBefore(
  points: readonly (readonly [number, number])[],
  at: number,
): readonly [number, number] | undefined {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? points[found] : undefined;
}

function rangeSelect(ctx: Ctx, node: SyntaxNode, at: number): PromValue {
  const parts = kids(node);
  const selector = parts.find((p) => p.name === 'VectorSelector');
  const dur = parts.find((p) => p.name === 'DurationExpr');
  if (!selector || !dur) return unsupported(`range selector ${text(ctx, node)}`);
  const rangeMs = durationOf(ctx, dur);
  const { name, matchers } = matchersOf(ctx, selector);
  const series: PromRangeSeries[] = [];
  for (const s of candidates(ctx, name, matchers)) {
    const points = s.points.filter(([t]) => t > at - rangeMs && t <= at);
    if (points.length > 0) series.push({ labels: s.labels, points });
  }
  return { kind: 'matrix', series, rangeMs };
}

// ---------------------------------------------------------------------------------------------
// Helpers over values

function dropName(labels: PromLabels): PromLabels {
  if (!('__name__' in labels)) return labels;
  const { __name__: _n, ...rest } = labels;
  return rest;
}

function mapValues(v: PromValue, f: (x: number) => number): PromValue {
  if (v.kind === 'scalar') return { kind: 'scalar', value: f(v.value) };
  if (v.kind === 'vector') {
    return {
      kind: 'vector',
      samples: v.samples.map((s) => ({
        labels: dropName(s.labels),
        value: f(s.value),
      })),
    };
  }
  return unsupported(`operation on a ${v.kind === 'matrix' ? 'range vector' : 'string'}`);
}

function asVector(v: PromValue, what: string): readonly PromSample[] {
  if (v.kind !== 'vector') {
    throw new PromQLError(`bad_data: expected type instant vector in ${what}, got ${typeName(v)}`);
  }
  return v.samples;
}

function asScalar(v: PromValue, what: string): number {
  if (v.kind !== 'scalar') {
    throw new PromQLError(`bad_data: expected type scalar in ${what}, got ${typeName(v)}`);
  }
  return v.value;
}

function asMatrix(v: PromValue, what: string): PromValue & { kind: 'matrix' } {
  if (v.kind !== 'matrix') {
    throw new PromQLError(`bad_data: expected type range vector in ${what}, got ${typeName(v)}`);
  }
  return v;
}

const typeName = (v: PromValue): string =>
  v.kind === 'vector' ? 'instant vector' : v.kind === 'matrix' ? 'range vector' : v.kind;

/** signature returns the grouping key of a label set over `names` (include) or all but them. */
function signature(labels: PromLabels, names: readonly string[], include: boolean): string {
  const keys = Object.keys(labels)
    .filter((k) => k !== '__name__' && (include ? names.includes(k) : !names.includes(k)))
    .sort();
  return keys.map((k) => `${k}\u0000${labels[k]}`).join('\u0001');
}

function pick(labels: PromLabels, names: readonly string[], include: boolean): PromLabels {
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels)) {
    if (k === '__name__') continue;
    if (include ? names.includes(k) : !names.includes(k)) out[k] = labels[k];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Binary operators

const ARITHMETIC: Readonly<Partial<Record<string, (a: number, b: number) => number>>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '^': (a, b) => Math.pow(a, b),
  atan2: (a, b) => Math.atan2(a, b),
};

const COMPARISON: Readonly<Partial<Record<string, (a: number, b: number) => boolean>>> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
};

interface Matching {
  readonly on: boolean;
  readonly labels: readonly string[];
  readonly card: 'one-to-one' | 'many-to-one' | 'one-to-many';
  readonly include: readonly string[];
}

function labelList(ctx: Ctx, node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  return kids(node)
    .filter((k) => k.name === 'LabelName' || k.name === 'QuotedLabelName')
    .map((k) => (k.name === 'QuotedLabelName' ? unquote(text(ctx, k)) : text(ctx, k)));
}

function evalBinary(ctx: Ctx, node: SyntaxNode, at: number): PromValue {
  const parts = kids(node);
  const lhsNode = parts[0];
  const rhsNode = parts[parts.length - 1];
  const opNode = parts[1];
  const op = text(ctx, opNode).toLowerCase();
  const returnBool = parts.some((p) => p.name === 'BoolModifier');
  const clause = parts.find((p) => p.name === 'MatchingModifierClause');
  if (parts.some((p) => p.name === 'FillModifier'))
    return unsupported(`fill modifier in ${text(ctx, node)}`);
  let matching: Matching = { on: false, labels: [], card: 'one-to-one', include: [] };
  if (clause) {
    const c = kids(clause);
    const groups = c.filter((k) => k.name === 'GroupingLabels');
    const side = c.find((k) => k.name === 'GroupLeft' || k.name === 'GroupRight');
    matching = {
      on: c.some((k) => k.name === 'On'),
      labels: labelList(ctx, groups[0]),
      card: side ? (side.name === 'GroupLeft' ? 'many-to-one' : 'one-to-many') : 'one-to-one',
      include: labelList(ctx, groups[1]),
    };
  }
  const lhs = evalNode(ctx, lhsNode, at);
  const rhs = evalNode(ctx, rhsNode, at);
  if (op === 'and' || op === 'or' || op === 'unless') {
    return setOperation(op, asVector(lhs, op), asVector(rhs, op), matching);
  }
  const arith = ARITHMETIC[op];
  const cmp = COMPARISON[op];
  if (!arith && !cmp) return unsupported(`operator ${op}`);
  const apply = (a: number, b: number): { keep: boolean; value: number } => {
    if (arith) return { keep: true, value: arith(a, b) };
    const ok = cmp !== undefined && cmp(a, b);
    return returnBool ? { keep: true, value: ok ? 1 : 0 } : { keep: ok, value: a };
  };
  if (lhs.kind === 'scalar' && rhs.kind === 'scalar') {
    if (cmp && !returnBool) {
      throw new PromQLError('bad_data: comparisons between scalars must use BOOL modifier');
    }
    return { kind: 'scalar', value: apply(lhs.value, rhs.value).value };
  }
  if (lhs.kind === 'vector' && rhs.kind === 'scalar') {
    const samples: PromSample[] = [];
    for (const s of lhs.samples) {
      const r = apply(s.value, rhs.value);
      if (!r.keep) continue;
      samples.push({ labels: arith || returnBool ? dropName(s.labels) : s.labels, value: r.value });
    }
    return { kind: 'vector', samples };
  }
  if (lhs.kind === 'scalar' && rhs.kind === 'vector') {
    const samples: PromSample[] = [];
    for (const s of rhs.samples) {
      const r = apply(lhs.value, s.value);
      if (!r.keep) continue;
      // A filtering comparison keeps the vector's own sample value.
      const value = arith || returnBool ? r.value : s.value;
      samples.push({ labels: arith || returnBool ? dropName(s.labels) : s.labels, value });
    }
    return { kind: 'vector', samples };
  }
  return vectorBinary(
    asVector(lhs, op),
    asVector(rhs, op),
    matching,
    apply,
    Boolean(arith) || returnBool,
  );
}

function vectorBinary(
  lhs: readonly PromSample[],
  rhs: readonly PromSample[],
  m: Matching,
  apply: (a: number, b: number) => { keep: boolean; value: number },
  dropsName: boolean,
): PromValue {
  const sig = (l: PromLabels): string => signature(l, m.labels, m.on);
  // For group_right the roles swap: the "one" side is the left.
  const [many, one] = m.card === 'one-to-many' ? [rhs, lhs] : [lhs, rhs];
  const oneBySig = new Map<string, PromSample>();
  for (const s of one) {
    const k = sig(s.labels);
    if (oneBySig.has(k)) {
      const side = m.card === 'one-to-many' ? 'left' : 'right';
      throw new PromQLError(
        `found duplicate series for the match group on the ${side} hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    }
    oneBySig.set(k, s);
  }
  const samples: PromSample[] = [];
  const seen = new Set<string>();
  for (const s of many) {
    const k = sig(s.labels);
    const o = oneBySig.get(k);
    if (!o) continue;
    if (m.card === 'one-to-one') {
      if (seen.has(k)) {
        throw new PromQLError(
          'found duplicate series for the match group on the left hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side',
        );
      }
      seen.add(k);
    }
    const [a, b] = m.card === 'one-to-many' ? [o.value, s.value] : [s.value, o.value];
    const r = apply(a, b);
    if (!r.keep) continue;
    let labels: Record<string, string>;
    if (m.card === 'one-to-one') {
      labels = { ...(m.on ? pick(s.labels, m.labels, true) : pick(s.labels, m.labels, false)) };
      if (!dropsName && s.labels.__name__ !== undefined && !m.on)
        labels.__name__ = s.labels.__name__;
    } else {
      labels = { ...(dropsName ? dropName(s.labels) : s.labels) };
      for (const name of m.include) {
        if (o.labels[name] !== undefined) labels[name] = o.labels[name];
        else delete labels[name];
      }
    }
    samples.push({ labels, value: r.value });
  }
  return { kind: 'vector', samples };
}

function setOperation(
  op: 'and' | 'or' | 'unless',
  lhs: readonly PromSample[],
  rhs: readonly PromSample[],
  m: Matching,
): PromValue {
  const sig = (l: PromLabels): string => signature(l, m.labels, m.on);
  const right = new Set(rhs.map((s) => sig(s.labels)));
  if (op === 'and') return { kind: 'vector', samples: lhs.filter((s) => right.has(sig(s.labels))) };
  if (op === 'unless')
    return { kind: 'vector', samples: lhs.filter((s) => !right.has(sig(s.labels))) };
  const left = new Set(lhs.map((s) => sig(s.labels)));
  return { kind: 'vector', samples: [...lhs, ...rhs.filter((s) => !left.has(sig(s.labels)))] };
}

// ---------------------------------------------------------------------------------------------
// Aggregations

function evalAggregate(ctx: Ctx, node: SyntaxNode, at: number): PromValue {
  const parts = kids(node);
  const opNode = parts.find((p) => p.name === 'AggregateOp');
  const modifier = parts.find((p) => p.name === 'AggregateModifier');
  const body = parts.find((p) => p.name === 'FunctionCallBody');
  const op = opNode ? text(ctx, opNode) : '';
  if (!['sum', 'avg', 'min', 'max', 'count', 'group'].includes(op)) {
    return unsupported(`aggregation ${op}`);
  }
  const args = body ? kids(body) : [];
  if (args.length !== 1)
    throw new PromQLError(
      `bad_data: wrong number of arguments for aggregate expression provided, expected 1, got ${args.length}`,
    );
  const input = asVector(evalNode(ctx, args[0], at), `aggregation ${op}`);
  const mods = modifier ? kids(modifier) : [];
  const without = mods.some((k) => k.name === 'Without');
  const by = mods.some((k) => k.name === 'By');
  const names = labelList(
    ctx,
    mods.find((k) => k.name === 'GroupingLabels'),
  );
  const groups = new Map<string, { labels: PromLabels; values: number[] }>();
  for (const s of input) {
    const labels = by ? pick(s.labels, names, true) : without ? pick(s.labels, names, false) : {};
    const key = signature(labels, [], false);
    let g = groups.get(key);
    if (!g) {
      g = { labels, values: [] };
      groups.set(key, g);
    }
    g.values.push(s.value);
  }
  const samples: PromSample[] = [];
  for (const g of groups.values()) {
    const v = g.values;
    let value: number;
    if (op === 'sum') value = v.reduce((a, b) => a + b, 0);
    else if (op === 'avg') value = v.reduce((a, b) => a + b, 0) / v.length;
    else if (op === 'count') value = v.length;
    else if (op === 'group') value = 1;
    else {
      // Prometheus' min/max skip NaN unless every value is NaN.
      const finite = v.filter((x) => !Number.isNaN(x));
      value = finite.length === 0 ? NaN : op === 'min' ? Math.min(...finite) : Math.max(...finite);
    }
    samples.push({ labels: g.labels, value });
  }
  return { kind: 'vector', samples };
}

// ---------------------------------------------------------------------------------------------
// Functions

const SIMPLE: Readonly<Partial<Record<string, (x: number) => number>>> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
};

const OVER_TIME: Readonly<Partial<Record<string, (v: number[]) => number>>> = {
  sum_over_time: (v) => v.reduce((a, b) => a + b, 0),
  avg_over_time: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  min_over_time: (v) => Math.min(...v),
  max_over_time: (v) => Math.max(...v),
  count_over_time: (v) => v.length,
  last_over_time: (v) => v[v.length - 1],
};

function evalCall(ctx: Ctx, node: SyntaxNode, at: number): PromValue {
  const parts = kids(node);
  const idNode = parts.find((p) => p.name === 'FunctionIdentifier');
  const body = parts.find((p) => p.name === 'FunctionCallBody');
  const fn = idNode ? text(ctx, idNode) : '';
  const argNodes = body ? kids(body) : [];
  const arg = (i: number): PromValue => {
    if (!argNodes[i]) throw new PromQLError(`bad_data: missing argument ${i + 1} of ${fn}`);
    return evalNode(ctx, argNodes[i], at);
  };
  const rangeOf = (i: number): { rangeMs: number; series: readonly PromRangeSeries[] } => {
    const m = asMatrix(arg(i), `call to function "${fn}"`);
    return { rangeMs: m.rangeMs ?? 0, series: m.series };
  };

  if (fn === 'rate' || fn === 'increase' || fn === 'delta') {
    const { rangeMs, series } = rangeOf(0);
    const samples: PromSample[] = [];
    for (const s of series) {
      const v = extrapolatedRate(s.points, at - rangeMs, at, fn !== 'delta', fn === 'rate');
      if (v !== undefined) samples.push({ labels: dropName(s.labels), value: v });
    }
    return { kind: 'vector', samples };
  }
  if (fn === 'irate' || fn === 'idelta') {
    const { series } = rangeOf(0);
    const samples: PromSample[] = [];
    for (const s of series) {
      const n = s.points.length;
      if (n < 2) continue;
      const [t1, v1] = s.points[n - 2];
      const [t2, v2] = s.points[n - 1];
      const dt = (t2 - t1) / 1000;
      if (dt <= 0) continue;
      const diff = fn === 'irate' && v2 < v1 ? v2 : v2 - v1;
      samples.push({ labels: dropName(s.labels), value: fn === 'irate' ? diff / dt : diff });
    }
    return { kind: 'vector', samples };
  }
  const overTime = OVER_TIME[fn];
  if (overTime) {
    const { series } = rangeOf(0);
    return {
      kind: 'vector',
      samples: series.map((s) => ({
        labels: fn === 'last_over_time' ? s.labels : dropName(s.labels),
        value: overTime(s.points.map(([, v]) => v)),
      })),
    };
  }
  if (fn === 'histogram_quantile') {
    const q = asScalar(arg(0), 'call to function "histogram_quantile"');
    return histogramQuantile(q, asVector(arg(1), 'call to function "histogram_quantile"'));
  }
  if (fn === 'scalar') {
    const v = asVector(arg(0), 'call to function "scalar"');
    return { kind: 'scalar', value: v.length === 1 ? v[0].value : NaN };
  }
  if (fn === 'vector') {
    return {
      kind: 'vector',
      samples: [{ labels: {}, value: asScalar(arg(0), 'call to function "vector"') }],
    };
  }
  if (fn === 'time') return { kind: 'scalar', value: at / 1000 };
  if (fn === 'absent') {
    const v = asVector(arg(0), 'call to function "absent"');
    return { kind: 'vector', samples: v.length > 0 ? [] : [{ labels: {}, value: 1 }] };
  }
  const simple = SIMPLE[fn];
  if (simple) return mapValues(arg(0), simple);
  if (fn === 'round') {
    const to = argNodes[1] ? asScalar(arg(1), 'call to function "round"') : 1;
    return mapValues(arg(0), (x) => Math.floor(x / to + 0.5) * to);
  }
  if (fn === 'clamp_min' || fn === 'clamp_max') {
    const bound = asScalar(arg(1), `call to function "${fn}"`);
    return mapValues(arg(0), (x) => (fn === 'clamp_min' ? Math.max(x, bound) : Math.min(x, bound)));
  }
  if (fn === 'clamp') {
    const lo = asScalar(arg(1), 'call to function "clamp"');
    const hi = asScalar(arg(2), 'call to function "clamp"');
    if (lo > hi) return { kind: 'vector', samples: [] };
    return mapValues(arg(0), (x) => Math.max(lo, Math.min(hi, x)));
  }
  return unsupported(`function ${fn}`);
}

/**
 * extrapolatedRate ports Prometheus' extrapolatedRate: the increase between the first and last
 * sample in the window (counter resets added back), extrapolated towards the window's edges when
 * the samples stop short of them by less than 1.1 average intervals (else by half an interval),
 * and never below zero for counters. Undefined with fewer than two samples.
 */
export function extrapolatedRate(
  points: readonly (readonly [number, number])[],
  rangeStart: number,
  rangeEnd: number,
  isCounter: boolean,
  isRate: boolean,
): number | undefined {
  if (points.length < 2) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  let result = last[1] - first[1];
  if (isCounter) {
    for (let i = 1; i < points.length; i++) {
      if (points[i][1] < points[i - 1][1]) result += points[i - 1][1];
    }
  }
  let toStart = (first[0] - rangeStart) / 1000;
  const toEnd = (rangeEnd - last[0]) / 1000;
  const sampled = (last[0] - first[0]) / 1000;
  if (sampled <= 0) return undefined;
  const avgStep = sampled / (points.length - 1);
  if (isCounter && result > 0 && first[1] >= 0) {
    const toZero = sampled * (first[1] / result);
    if (toZero < toStart) toStart = toZero;
  }
  const threshold = avgStep * 1.1;
  let interval = sampled;
  interval += toStart < threshold ? toStart : avgStep / 2;
  interval += toEnd < threshold ? toEnd : avgStep / 2;
  let value = result * (interval / sampled);
  if (isRate) value /= (rangeEnd - rangeStart) / 1000;
  return value;
}

/**
 * histogramQuantile ports Prometheus' bucketQuantile over classic `le` buckets: per label set
 * (without `le`), the rank φ·count located in the cumulative buckets and interpolated linearly
 * inside its bucket; the +Inf bucket answers with the highest finite bound; no +Inf bucket or no
 * observations give NaN.
 */
export function histogramQuantile(q: number, input: readonly PromSample[]): PromValue {
  const groups = new Map<
    string,
    { labels: PromLabels; buckets: { le: number; count: number }[] }
  >();
  for (const s of input) {
    const le = s.labels.le;
    if (le === undefined) continue;
    const labels = pick(s.labels, ['le'], false);
    const key = signature(labels, [], false);
    let g = groups.get(key);
    if (!g) {
      g = { labels, buckets: [] };
      groups.set(key, g);
    }
    g.buckets.push({ le: parseNumber(le), count: s.value });
  }
  const samples: PromSample[] = [];
  for (const g of groups.values())
    samples.push({ labels: g.labels, value: bucketQuantile(q, g.buckets) });
  return { kind: 'vector', samples };
}

function bucketQuantile(q: number, raw: { le: number; count: number }[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets = [...raw].sort((a, b) => a.le - b.le);
  if (buckets.length < 2 || buckets[buckets.length - 1].le !== Infinity) return NaN;
  // Counts must be monotonic; float noise after rate() can break that, so repair it as Prometheus does.
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count < buckets[i - 1].count)
      buckets[i] = { ...buckets[i], count: buckets[i - 1].count };
  }
  const observations = buckets[buckets.length - 1].count;
  if (!(observations > 0)) return NaN;
  let rank = q * observations;
  let b = buckets.findIndex((x) => x.count >= rank);
  if (b < 0) b = buckets.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2].le;
  if (b === 0 && buckets[0].le <= 0) return buckets[0].le;
  let start = 0;
  const end = buckets[b].le;
  let count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].le;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (end - start) * (rank / count);
}
