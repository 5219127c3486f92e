/**
 * Type-checks and evaluates a parsed condition the way expr-lang v1.17 does for Argo
 * (utils/evaluate/evaluate.go): a compile pass against the concrete type of `result`, then a run.
 * Rule: a tree walk over plain data only (own properties; no prototypes, no eval), never throws out.
 */
import type jsep from 'jsep';
import { parseGoDuration } from '../model';
import type {
  ClosureExpression,
  LetExpression,
  MapExpression,
  NumberLiteral,
  SliceExpression,
} from './evaluateParse';
import { RegexError, compileRe2 } from '../model/re2';

/** Go's int is kept as a bigint so that `1` and `1.0` stay distinguishable, as in expr. */
export interface TimeValue {
  readonly goTime: number; // epoch ms
}
export interface DurationValue {
  readonly goDuration: bigint; // ns
}
/** A runtime value: nil, bool, string, float64 (number), int (bigint), list, map, time, duration. */
export type Value =
  | null
  | boolean
  | string
  | number
  | bigint
  | readonly Value[]
  | { readonly [key: string]: Value }
  | TimeValue
  | DurationValue;

/** Static types of the compile pass; `any` stands for Go's interface{} (checked at run time). */
type StaticType =
  'int' | 'float' | 'bool' | 'string' | 'nil' | 'array' | 'map' | 'time' | 'duration' | 'any';

/** EvalError is how the interpreter reports a compile or run-time failure. */
export class EvalError extends Error {}

const fail = (message: string): never => {
  throw new EvalError(message);
};

const BLOCKED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isTime(v: Value): v is TimeValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'goTime' in v;
}
function isDuration(v: Value): v is DurationValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'goDuration' in v;
}
function isList(v: Value): v is readonly Value[] {
  return Array.isArray(v);
}
function isMap(v: Value): v is { readonly [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isTime(v) && !isDuration(v);
}
const isNumber = (v: Value): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';

/** goTypeName is the type name expr prints in messages (`float64`, `[]interface {}`, ...). */
export function goTypeName(v: Value): string {
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (isList(v)) return '[]interface {}';
  if (isTime(v)) return 'time.Time';
  if (isDuration(v)) return 'time.Duration';
  return 'map[string]interface {}';
}

const STATIC_NAMES: Record<StaticType, string> = {
  int: 'int',
  float: 'float64',
  bool: 'bool',
  string: 'string',
  nil: 'nil',
  array: '[]interface {}',
  map: 'map[string]interface {}',
  time: 'time.Time',
  duration: 'time.Duration',
  any: 'interface {}',
};

function staticTypeOf(v: Value): StaticType {
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'bigint') return 'int';
  if (isList(v)) return 'array';
  if (isTime(v)) return 'time';
  if (isDuration(v)) return 'duration';
  return 'map';
}

/**
 * valueFromJson turns a provider result (plain JSON-like data; NaN and ±Infinity allowed) into an
 * interpreter value: numbers become float64 as Go's JSON decoding makes them, `undefined` is nil,
 * and only own enumerable properties of plain objects are kept.
 */
export function valueFromJson(input: unknown, depth = 0): Value {
  if (depth > 64) return null;
  if (input === null || input === undefined) return null;
  if (typeof input === 'boolean' || typeof input === 'string' || typeof input === 'number') {
    return input;
  }
  if (typeof input === 'bigint') return Number(input);
  if (Array.isArray(input)) return input.map((x) => valueFromJson(x, depth + 1));
  if (typeof input === 'object') {
    const proto = Object.getPrototypeOf(input) as unknown;
    if (proto !== Object.prototype && proto !== null) return null;
    const out: Record<string, Value> = Object.create(null) as Record<string, Value>;
    for (const key of Object.keys(input)) {
      if (BLOCKED_KEYS.has(key)) continue;
      out[key] = valueFromJson((input as Record<string, unknown>)[key], depth + 1);
    }
    return out;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Go number helpers

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);
const toFloat = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);

/** formatGoFloat prints a float64 like Go's strconv.FormatFloat(f, 'f', -1, 64). */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const s = String(f);
  if (!/e/i.test(s)) return s;
  // Expand exponent notation to plain decimals, as the 'f' format does.
  const [mant = '', expPart = '0'] = s.split('e');
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const pointAt =
    (mant.replace('-', '').indexOf('.') === -1
      ? mant.replace('-', '').length
      : mant.replace('-', '').indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return neg ? `-${out}` : out;
}

/** parseGoInt ports strconv.ParseInt(s, 10, 64); undefined where Go returns an error. */
function parseGoInt(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** parseGoFloat ports strconv.ParseFloat(s, 64) for decimal and special forms. */
function parseGoFloat(s: string): number | undefined {
  const lower = s.toLowerCase();
  const specials: Record<string, number> = {
    inf: Infinity,
    '+inf': Infinity,
    '-inf': -Infinity,
    infinity: Infinity,
    '+infinity': Infinity,
    '-infinity': -Infinity,
    nan: NaN,
  };
  if (lower in specials) return specials[lower];
  const plain = s.replace(/_/g, '');
  if (plain !== s && !/^[+-]?0[xXbBoO]/.test(s)) return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) || /e/i.test(plain) ? n : undefined;
}

function equalValues(a: Value, b: Value): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
    return toFloat(a) === toFloat(b);
  }
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object') return a === b;
  if (isTime(a) && isTime(b)) return a.goTime === b.goTime;
  if (isDuration(a) && isDuration(b)) return a.goDuration === b.goDuration;
  if (isList(a) && isList(b)) {
    return a.length === b.length && a.every((x, i) => equalValues(x, b[i] ?? null));
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length && ka.every((k) => k in b && equalValues(a[k] ?? null, b[k] ?? null))
    );
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Built-in functions

interface Scope {
  readonly result: Value;
  readonly resultIsNil: boolean;
  readonly nowMs: number | undefined;
  readonly element?: Value;
  readonly index?: number;
  readonly inClosure: boolean;
  /** `let` variables in scope. */
  readonly vars?: ReadonlyMap<string, Value>;
  /** `#acc` inside a reduce predicate. */
  readonly acc?: Value;
}

/** The largest list a range `a..b` may build (expr has no limit; the simulator needs one). */
const MAX_RANGE = 1_000_000;

type Builtin = {
  readonly returns: StaticType | ((args: StaticType[]) => StaticType);
  readonly predicate?: boolean;
  readonly arity: readonly [number, number];
  readonly call: (args: readonly jsep.Expression[], scope: Scope) => Value;
};

const PREDICATE_FNS = new Set([
  'all',
  'any',
  'none',
  'one',
  'filter',
  'map',
  'count',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sum',
  'groupBy',
  'sortBy',
  'reduce',
]);

function sortOrder(v: Value): boolean {
  if (v === 'asc') return false;
  if (v === 'desc') return true;
  return fail(`unknown order, use asc or desc`);
}

function compareForSort(x: Value, y: Value): number {
  if (isNumber(x) && isNumber(y)) {
    const a = toFloat(x);
    const b = toFloat(y);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  return fail(`cannot sort mixed types ${goTypeName(x)} and ${goTypeName(y)}`);
}

function listArg(v: Value, fn: string): readonly Value[] {
  if (isList(v)) return v;
  return fail(`invalid argument for ${fn} (type ${goTypeName(v)})`);
}

function stringArg(v: Value, fn: string): string {
  if (typeof v === 'string') return v;
  return fail(`invalid argument for ${fn} (type ${goTypeName(v)})`);
}

function numberArg(v: Value, fn: string): number | bigint {
  if (isNumber(v)) return v;
  return fail(`invalid argument for ${fn} (type ${goTypeName(v)})`);
}

function truthyPredicate(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  return fail(`predicate should return boolean (got ${goTypeName(v)})`);
}

function withPredicate(
  args: readonly jsep.Expression[],
  scope: Scope,
  fn: string,
  each: (list: readonly Value[], pred: (x: Value, i: number) => Value) => Value,
): Value {
  const [listNode, predNode] = args;
  const list = listArg(run(listNode, scope), fn);
  const body = predNode.type === 'Closure' ? (predNode as ClosureExpression).body : predNode;
  return each(list, (x, i) => run(body, { ...scope, element: x, index: i, inClosure: true }));
}

function aggregate(values: readonly Value[], fn: string): (number | bigint)[] {
  const flat: (number | bigint)[] = [];
  for (const v of values) {
    if (isList(v)) flat.push(...aggregate(v, fn));
    else flat.push(numberArg(v, fn));
  }
  return flat;
}

function evalArgs(args: readonly jsep.Expression[], scope: Scope): Value[] {
  return args.map((a) => run(a, scope));
}

function durationFrom(text: string): DurationValue {
  const parsed = parseGoDuration(text);
  if (parsed.kind === 'error') return fail(parsed.message);
  return { goDuration: parsed.ns };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A tiny subset of Go's time.Parse layouts: numeric date/time fields, fractions and zones. */
function parseGoTime(text: string, layout: string): number | undefined {
  const tokens: [string, string][] = [
    ['2006', '(\\d{4})'],
    ['Z07:00', '(Z|[+-]\\d{2}:\\d{2})'],
    ['-07:00', '([+-]\\d{2}:\\d{2})'],
    ['Jan', `(${MONTHS.join('|')})`],
    ['01', '(\\d{2})'],
    ['02', '(\\d{2})'],
    ['15', '(\\d{2})'],
    ['04', '(\\d{2})'],
    ['05', '(\\d{2})'],
    ['.000', '(\\.\\d{3})'],
    ['.999999999', '(\\.\\d+)?'],
  ];
  let pattern = '';
  const fields: string[] = [];
  let i = 0;
  outer: while (i < layout.length) {
    for (const [tok, re] of tokens) {
      if (layout.startsWith(tok, i)) {
        pattern += re;
        fields.push(tok);
        i += tok.length;
        continue outer;
      }
    }
    pattern += layout[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  const m = new RegExp(`^${pattern}$`).exec(text);
  if (!m) return undefined;
  let y = 1;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let frac = 0;
  let offsetMin = 0;
  fields.forEach((tok, idx) => {
    const v = m[idx + 1];
    if (v === undefined) return;
    if (tok === '2006') y = Number(v);
    else if (tok === '01') mo = Number(v);
    else if (tok === 'Jan') mo = MONTHS.indexOf(v) + 1;
    else if (tok === '02') d = Number(v);
    else if (tok === '15') h = Number(v);
    else if (tok === '04') mi = Number(v);
    else if (tok === '05') s = Number(v);
    else if (tok.startsWith('.')) frac = Math.floor(Number(`0${v}`) * 1000);
    else if (v !== 'Z') {
      const sign = v.startsWith('-') ? -1 : 1;
      offsetMin = sign * (Number(v.slice(1, 3)) * 60 + Number(v.slice(4, 6)));
    }
  });
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  // days from civil (Hinnant)
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return days * 86_400_000 + ((h * 60 + mi - offsetMin) * 60 + s) * 1000 + frac;
}

const DATE_LAYOUTS = [
  '2006-01-02T15:04:05Z07:00',
  '2006-01-02T15:04:05.999999999Z07:00',
  '2006-01-02 15:04:05',
  '2006-01-02',
];

const BUILTINS: Readonly<Record<string, Builtin>> = {
  // Argo's own helpers (utils/evaluate/evaluate.go).
  asInt: {
    returns: 'int',
    arity: [1, 1],
    call: (args, scope) => {
      const v = run(args[0], scope);
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return INT64_MIN;
        return wrap(BigInt(Math.trunc(v)));
      }
      if (typeof v === 'string') {
        const n = parseGoInt(v);
        if (n === undefined)
          return fail(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
        return n;
      }
      return fail(`asInt: cannot convert ${goTypeName(v)} to int`);
    },
  },
  asFloat: {
    returns: 'float',
    arity: [1, 1],
    call: (args, scope) => {
      const v = run(args[0], scope);
      if (isNumber(v)) return toFloat(v);
      if (typeof v === 'string') {
        const n = parseGoFloat(v);
        if (n === undefined) {
          return fail(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
        }
        return n;
      }
      return fail(`asFloat: cannot convert ${goTypeName(v)} to float64`);
    },
  },
  isNaN: {
    returns: 'bool',
    arity: [1, 1],
    call: (args, scope) => Number.isNaN(toFloat(numberArg(run(args[0], scope), 'isNaN'))),
  },
  isInf: {
    returns: 'bool',
    arity: [1, 1],
    call: (args, scope) => {
      const f = toFloat(numberArg(run(args[0], scope), 'isInf'));
      return f === Infinity || f === -Infinity;
    },
  },
  // isNil and default look at the whole result, whatever their first argument (Argo's closures).
  isNil: {
    returns: 'bool',
    arity: [1, 1],
    call: (args, scope) => {
      run(args[0], scope);
      return scope.resultIsNil;
    },
  },
  default: {
    returns: 'any',
    arity: [2, 2],
    call: (args, scope) => {
      run(args[0], scope);
      const d = run(args[1], scope);
      return scope.resultIsNil ? d : scope.result;
    },
  },
  // expr built-ins.
  len: {
    returns: 'int',
    arity: [1, 1],
    call: (args, scope) => {
      const v = run(args[0], scope);
      if (typeof v === 'string') return BigInt([...v].length);
      if (isList(v)) return BigInt(v.length);
      if (isMap(v)) return BigInt(Object.keys(v).length);
      return fail(`invalid argument for len (type ${goTypeName(v)})`);
    },
  },
  all: {
    returns: 'bool',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'all', (l, p) => l.every((x, i) => truthyPredicate(p(x, i)))),
  },
  any: {
    returns: 'bool',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'any', (l, p) => l.some((x, i) => truthyPredicate(p(x, i)))),
  },
  none: {
    returns: 'bool',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'none', (l, p) => !l.some((x, i) => truthyPredicate(p(x, i)))),
  },
  one: {
    returns: 'bool',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(
        a,
        s,
        'one',
        (l, p) => l.filter((x, i) => truthyPredicate(p(x, i))).length === 1,
      ),
  },
  filter: {
    returns: 'array',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'filter', (l, p) => l.filter((x, i) => truthyPredicate(p(x, i)))),
  },
  map: {
    returns: 'array',
    predicate: true,
    arity: [2, 2],
    call: (a, s) => withPredicate(a, s, 'map', (l, p) => l.map((x, i) => p(x, i))),
  },
  count: {
    returns: 'int',
    predicate: true,
    arity: [1, 2],
    call: (a, s) => {
      if (a.length === 1) {
        return BigInt(listArg(run(a[0], s), 'count').filter((x) => truthyPredicate(x)).length);
      }
      return withPredicate(a, s, 'count', (l, p) =>
        BigInt(l.filter((x, i) => truthyPredicate(p(x, i))).length),
      );
    },
  },
  find: {
    returns: 'any',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'find', (l, p) => l.find((x, i) => truthyPredicate(p(x, i))) ?? null),
  },
  findIndex: {
    returns: 'int',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'findIndex', (l, p) =>
        BigInt(l.findIndex((x, i) => truthyPredicate(p(x, i)))),
      ),
  },
  findLast: {
    returns: 'any',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'findLast', (l, p) => {
        for (let i = l.length - 1; i >= 0; i--) if (truthyPredicate(p(l[i], i))) return l[i]!;
        return null;
      }),
  },
  findLastIndex: {
    returns: 'int',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'findLastIndex', (l, p) => {
        for (let i = l.length - 1; i >= 0; i--) if (truthyPredicate(p(l[i], i))) return BigInt(i);
        return -1n;
      }),
  },
  sum: {
    returns: 'any',
    arity: [1, 2],
    predicate: true,
    call: (a, s) => {
      const values =
        a.length === 2
          ? (withPredicate(a, s, 'sum', (l, p) => l.map((x, i) => p(x, i))) as Value[])
          : listArg(run(a[0], s), 'sum');
      const nums = aggregate(values, 'sum');
      if (nums.every((n) => typeof n === 'bigint'))
        return wrap(nums.reduce<bigint>((x, y) => x + y, 0n));
      return nums.reduce<number>((x, y) => x + toFloat(y), 0);
    },
  },
  mean: {
    returns: 'float',
    arity: [1, Infinity],
    call: (a, s) => {
      const nums = aggregate(evalArgs(a, s), 'mean');
      if (nums.length === 0) return 0;
      return nums.reduce<number>((x, y) => x + toFloat(y), 0) / nums.length;
    },
  },
  median: {
    returns: 'float',
    arity: [1, Infinity],
    call: (a, s) => {
      const nums = aggregate(evalArgs(a, s), 'median')
        .map(toFloat)
        .sort((x, y) => x - y);
      if (nums.length === 0) return 0;
      const mid = Math.floor(nums.length / 2);
      return nums.length % 2 ? nums[mid] : (nums[mid - 1] + nums[mid]) / 2;
    },
  },
  max: {
    returns: 'any',
    arity: [1, Infinity],
    call: (a, s) => {
      const nums = aggregate(evalArgs(a, s), 'max');
      if (nums.length === 0) return fail('not enough arguments to call max');
      return nums.reduce((x, y) => (toFloat(y) > toFloat(x) ? y : x));
    },
  },
  min: {
    returns: 'any',
    arity: [1, Infinity],
    call: (a, s) => {
      const nums = aggregate(evalArgs(a, s), 'min');
      if (nums.length === 0) return fail('not enough arguments to call min');
      return nums.reduce((x, y) => (toFloat(y) < toFloat(x) ? y : x));
    },
  },
  abs: {
    returns: (t) => t[0] ?? 'any',
    arity: [1, 1],
    call: (a, s) => {
      const v = numberArg(run(a[0], s), 'abs');
      return typeof v === 'bigint' ? (v < 0n ? wrap(-v) : v) : Math.abs(v);
    },
  },
  ceil: {
    returns: 'float',
    arity: [1, 1],
    call: (a, s) => Math.ceil(toFloat(numberArg(run(a[0], s), 'ceil'))),
  },
  floor: {
    returns: 'float',
    arity: [1, 1],
    call: (a, s) => Math.floor(toFloat(numberArg(run(a[0], s), 'floor'))),
  },
  round: {
    returns: 'float',
    arity: [1, 1],
    call: (a, s) => {
      const f = toFloat(numberArg(run(a[0], s), 'round'));
      return f < 0 ? -Math.round(-f) : Math.round(f);
    },
  },
  int: {
    returns: 'int',
    arity: [1, 1],
    call: (a, s) => {
      const v = run(a[0], s);
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number')
        return Number.isFinite(v) ? wrap(BigInt(Math.trunc(v))) : INT64_MIN;
      if (typeof v === 'string') {
        const n = parseGoInt(v);
        return n ?? fail(`strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
      }
      return fail(`invalid operation: int(${goTypeName(v)})`);
    },
  },
  float: {
    returns: 'float',
    arity: [1, 1],
    call: (a, s) => {
      const v = run(a[0], s);
      if (isNumber(v)) return toFloat(v);
      if (typeof v === 'string') {
        const n = parseGoFloat(v);
        return n ?? fail(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
      }
      return fail(`invalid operation: float(${goTypeName(v)})`);
    },
  },
  string: { returns: 'string', arity: [1, 1], call: (a, s) => formatValue(run(a[0], s)) },
  upper: {
    returns: 'string',
    arity: [1, 1],
    call: (a, s) => stringArg(run(a[0], s), 'upper').toUpperCase(),
  },
  lower: {
    returns: 'string',
    arity: [1, 1],
    call: (a, s) => stringArg(run(a[0], s), 'lower').toLowerCase(),
  },
  trim: {
    returns: 'string',
    arity: [1, 2],
    call: (a, s) => {
      const str = stringArg(run(a[0], s), 'trim');
      if (a.length === 1) return str.trim();
      const cut = [...stringArg(run(a[1], s), 'trim')];
      let start = 0;
      let end = str.length;
      while (start < end && cut.includes(str[start])) start++;
      while (end > start && cut.includes(str[end - 1])) end--;
      return str.slice(start, end);
    },
  },
  trimPrefix: {
    returns: 'string',
    arity: [2, 2],
    call: (a, s) => {
      const str = stringArg(run(a[0], s), 'trimPrefix');
      const p = stringArg(run(a[1], s), 'trimPrefix');
      return str.startsWith(p) ? str.slice(p.length) : str;
    },
  },
  trimSuffix: {
    returns: 'string',
    arity: [2, 2],
    call: (a, s) => {
      const str = stringArg(run(a[0], s), 'trimSuffix');
      const p = stringArg(run(a[1], s), 'trimSuffix');
      return p !== '' && str.endsWith(p) ? str.slice(0, str.length - p.length) : str;
    },
  },
  hasPrefix: {
    returns: 'bool',
    arity: [2, 2],
    call: (a, s) =>
      stringArg(run(a[0], s), 'hasPrefix').startsWith(stringArg(run(a[1], s), 'hasPrefix')),
  },
  hasSuffix: {
    returns: 'bool',
    arity: [2, 2],
    call: (a, s) =>
      stringArg(run(a[0], s), 'hasSuffix').endsWith(stringArg(run(a[1], s), 'hasSuffix')),
  },
  split: {
    returns: 'array',
    arity: [2, 2],
    call: (a, s) => stringArg(run(a[0], s), 'split').split(stringArg(run(a[1], s), 'split')),
  },
  join: {
    returns: 'string',
    arity: [1, 2],
    call: (a, s) => {
      const list = listArg(run(a[0], s), 'join').map((x) => stringArg(x, 'join'));
      return list.join(a.length > 1 ? stringArg(run(a[1], s), 'join') : '');
    },
  },
  repeat: {
    returns: 'string',
    arity: [2, 2],
    call: (a, s) => {
      const str = stringArg(run(a[0], s), 'repeat');
      const n = numberArg(run(a[1], s), 'repeat');
      const times = Number(n);
      if (times < 0 || times * str.length > 1_000_000) return fail('invalid repeat count');
      return str.repeat(times);
    },
  },
  indexOf: {
    returns: 'int',
    arity: [2, 2],
    call: (a, s) =>
      BigInt(stringArg(run(a[0], s), 'indexOf').indexOf(stringArg(run(a[1], s), 'indexOf'))),
  },
  lastIndexOf: {
    returns: 'int',
    arity: [2, 2],
    call: (a, s) =>
      BigInt(
        stringArg(run(a[0], s), 'lastIndexOf').lastIndexOf(stringArg(run(a[1], s), 'lastIndexOf')),
      ),
  },
  first: {
    returns: 'any',
    arity: [1, 1],
    call: (a, s) => {
      const l = listArg(run(a[0], s), 'first');
      return l.length > 0 ? l[0]! : null;
    },
  },
  last: {
    returns: 'any',
    arity: [1, 1],
    call: (a, s) => {
      const l = listArg(run(a[0], s), 'last');
      return l.length > 0 ? l[l.length - 1]! : null;
    },
  },
  keys: {
    returns: 'array',
    arity: [1, 1],
    call: (a, s) => {
      const m = run(a[0], s);
      if (!isMap(m)) return fail(`cannot get keys from ${goTypeName(m)}`);
      return Object.keys(m);
    },
  },
  values: {
    returns: 'array',
    arity: [1, 1],
    call: (a, s) => {
      const m = run(a[0], s);
      if (!isMap(m)) return fail(`cannot get values from ${goTypeName(m)}`);
      return Object.keys(m).map((k) => m[k] ?? null);
    },
  },
  reverse: {
    returns: 'array',
    arity: [1, 1],
    call: (a, s) => [...listArg(run(a[0], s), 'reverse')].reverse(),
  },
  uniq: {
    returns: 'array',
    arity: [1, 1],
    call: (a, s) => {
      const out: Value[] = [];
      for (const x of listArg(run(a[0], s), 'uniq'))
        if (!out.some((y) => equalValues(x, y))) out.push(x);
      return out;
    },
  },
  concat: {
    returns: 'array',
    arity: [1, Infinity],
    call: (a, s) => evalArgs(a, s).flatMap((v) => listArg(v, 'concat')),
  },
  flatten: {
    returns: 'array',
    arity: [1, 1],
    call: (a, s) => {
      const flat = (l: readonly Value[]): Value[] => l.flatMap((x) => (isList(x) ? flat(x) : [x]));
      return flat(listArg(run(a[0], s), 'flatten'));
    },
  },
  sort: {
    returns: 'array',
    arity: [1, 2],
    call: (a, s) => {
      const l = [...listArg(run(a[0], s), 'sort')];
      const desc = a.length > 1 && sortOrder(run(a[1], s));
      l.sort((x, y) => (desc ? compareForSort(y, x) : compareForSort(x, y)));
      return l;
    },
  },
  sortBy: {
    returns: 'array',
    predicate: true,
    arity: [2, 3],
    call: (a, s) => {
      const desc = a.length > 2 && sortOrder(run(a[2], s));
      return withPredicate(a, s, 'sortBy', (l, p) => {
        const keyed = l.map((x, i) => ({ x, k: p(x, i), i }));
        keyed.sort(
          (u, v) => (desc ? compareForSort(v.k, u.k) : compareForSort(u.k, v.k)) || u.i - v.i,
        );
        return keyed.map((e) => e.x);
      });
    },
  },
  groupBy: {
    returns: 'map',
    predicate: true,
    arity: [2, 2],
    call: (a, s) =>
      withPredicate(a, s, 'groupBy', (l, p) => {
        const groups: Record<string, Value[]> = Object.create(null) as Record<string, Value[]>;
        l.forEach((x, i) => {
          const k = p(x, i);
          if (typeof k !== 'string') {
            return fail(`groupBy keys must be strings in the simulator (got ${goTypeName(k)})`);
          }
          if (BLOCKED_KEYS.has(k)) return fail(`invalid map key ${JSON.stringify(k)}`);
          (groups[k] ??= []).push(x);
        });
        return groups;
      }),
  },
  reduce: {
    returns: 'any',
    predicate: true,
    arity: [2, 3],
    call: (a, s) => {
      const list = listArg(run(a[0], s), 'reduce');
      const body = a[1].type === 'Closure' ? (a[1] as ClosureExpression).body : a[1];
      let acc: Value;
      let start = 0;
      if (a.length === 3) acc = run(a[2], s);
      else {
        if (list.length === 0) return fail('reduce of empty array with no initial value');
        acc = list[0]!;
        start = 1;
      }
      for (let i = start; i < list.length; i++) {
        acc = run(body, { ...s, element: list[i]!, index: i, acc, inClosure: true });
      }
      return acc;
    },
  },
  take: {
    returns: 'array',
    arity: [2, 2],
    call: (a, s) => {
      const l = listArg(run(a[0], s), 'take');
      const n = numberArg(run(a[1], s), 'take');
      if (typeof n !== 'bigint')
        return fail(`cannot use float64 as argument (type int) to call take`);
      return n <= 0n ? [] : l.slice(0, Number(n > BigInt(l.length) ? BigInt(l.length) : n));
    },
  },
  type: {
    returns: 'string',
    arity: [1, 1],
    call: (a, s) => {
      const v = run(a[0], s);
      const names: Record<string, string> = {
        nil: 'nil',
        bool: 'bool',
        string: 'string',
        float64: 'float',
        int: 'int',
        '[]interface {}': 'array',
        'map[string]interface {}': 'map',
        'time.Time': 'time.Time',
        'time.Duration': 'time.Duration',
      };
      return names[goTypeName(v)] ?? 'unknown';
    },
  },
  toJSON: { returns: 'string', arity: [1, 1], call: (a, s) => formatValue(run(a[0], s)) },
  fromJSON: {
    returns: 'any',
    arity: [1, 1],
    call: (a, s) => {
      const text = stringArg(run(a[0], s), 'fromJSON');
      try {
        return valueFromJson(JSON.parse(text) as unknown);
      } catch {
        return fail(`invalid JSON in fromJSON`);
      }
    },
  },
  now: {
    returns: 'time',
    arity: [0, 0],
    call: (_a, s) =>
      s.nowMs === undefined ? fail('now() is not available here') : { goTime: s.nowMs },
  },
  duration: {
    returns: 'duration',
    arity: [1, 1],
    call: (a, s) => durationFrom(stringArg(run(a[0], s), 'duration')),
  },
  date: {
    returns: 'time',
    arity: [1, 3],
    call: (a, s) => {
      const text = stringArg(run(a[0], s), 'date');
      if (a.length === 3) {
        const tz = stringArg(run(a[2], s), 'date');
        if (tz !== 'UTC' && tz !== '') return fail(`unknown time zone ${tz}`);
      }
      const layouts = a.length >= 2 ? [stringArg(run(a[1], s), 'date')] : DATE_LAYOUTS;
      for (const layout of layouts) {
        const ms = parseGoTime(text, layout);
        if (ms !== undefined) return { goTime: ms };
      }
      return fail(`parsing time ${JSON.stringify(text)}: cannot parse`);
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Formatting

/** formatValue encodes a value as Go's json.Marshal would (map keys sorted, NaN/Inf as Go prints them). */
export function formatValue(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'bigint') return v.toString();
  if (isList(v)) return `[${v.map(formatValue).join(',')}]`;
  if (isTime(v)) return JSON.stringify(String(v.goTime));
  if (isDuration(v)) return v.goDuration.toString();
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${formatValue(v[k] ?? null)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------
// Compile pass: names, calls and operator types known before running (expr's checker).

const isNumType = (t: StaticType) => t === 'int' || t === 'float';
const known = (t: StaticType) => t !== 'any';

function mismatch(op: string, l: StaticType, r: StaticType): never {
  return fail(
    `invalid operation: ${op} (mismatched types ${STATIC_NAMES[l]} and ${STATIC_NAMES[r]})`,
  );
}

interface CheckScope {
  readonly resultType: StaticType;
  readonly inClosure: boolean;
  readonly inReduce?: boolean;
  readonly vars?: ReadonlyMap<string, StaticType>;
}

const isNumberLiteral = (lit: jsep.Literal): lit is NumberLiteral => 'goKind' in lit;

function check(node: jsep.Expression, scope: CheckScope): StaticType {
  switch (node.type) {
    case 'Literal': {
      const lit = node as jsep.Literal;
      const v = lit.value;
      if (v === null) return 'nil';
      if (typeof v === 'boolean') return 'bool';
      if (typeof v === 'string') return 'string';
      if (typeof v === 'number') {
        if (isNumberLiteral(lit)) return lit.goKind;
        return /[.eE]/.test(lit.raw) ? 'float' : 'int';
      }
      return fail(`unsupported literal ${lit.raw}`);
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      const declared = scope.vars?.get(name);
      if (declared !== undefined) return declared;
      if (name === 'result') return scope.resultType;
      if ((name === '#' || name === '#index') && scope.inClosure)
        return name === '#' ? 'any' : 'int';
      if (name === '#acc' && scope.inReduce) return 'any';
      return fail(`unknown name ${name}`);
    }
    case 'MapExpression': {
      for (const { key, value } of (node as MapExpression).entries) {
        const kt = check(key, scope);
        if (known(kt) && kt !== 'string') {
          return fail(
            `cannot use ${STATIC_NAMES[kt]} as map key (the simulator's maps have string keys)`,
          );
        }
        check(value, scope);
      }
      return 'map';
    }
    case 'LetExpression': {
      const l = node as LetExpression;
      if (l.name === 'result' || Object.prototype.hasOwnProperty.call(BUILTINS, l.name)) {
        return fail(`cannot redeclare ${l.name}`);
      }
      const t = check(l.value, scope);
      const vars = new Map(scope.vars ?? []);
      vars.set(l.name, t);
      return check(l.body, { ...scope, vars });
    }
    case 'SliceExpression': {
      const sl = node as SliceExpression;
      const ot = check(sl.object, scope);
      for (const bound of [sl.from, sl.to]) {
        if (!bound) continue;
        const bt = check(bound, scope);
        if (known(bt) && bt !== 'int') return fail(`non-integer slice index ${STATIC_NAMES[bt]}`);
      }
      if (known(ot) && ot !== 'array' && ot !== 'string') {
        return fail(`cannot slice ${STATIC_NAMES[ot]}`);
      }
      return ot === 'string' ? 'string' : ot === 'array' ? 'array' : 'any';
    }
    case 'ArrayExpression': {
      for (const el of (node as jsep.ArrayExpression).elements) if (el) check(el, scope);
      return 'array';
    }
    case 'Closure':
      return fail('unexpected closure outside a predicate');
    case 'MemberExpression': {
      const m = node as jsep.MemberExpression;
      const objType = check(m.object, scope);
      const propType = m.computed ? check(m.property, scope) : 'string';
      if (!m.computed) {
        const name = (m.property as jsep.Identifier).name;
        if (BLOCKED_KEYS.has(name)) return fail(`cannot fetch ${name}`);
      }
      if (objType === 'array' && known(propType) && !isNumType(propType)) {
        return fail(
          `array elements can only be selected using an integer (got ${STATIC_NAMES[propType]})`,
        );
      }
      if (['int', 'float', 'bool', 'time', 'duration'].includes(objType)) {
        const what = m.computed ? '[...]' : (m.property as jsep.Identifier).name;
        return fail(`type ${STATIC_NAMES[objType]} has no field ${what}`);
      }
      if (objType === 'string') return 'string';
      return 'any';
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      if (c.callee.type !== 'Identifier') return fail('calling methods is not supported');
      const name = (c.callee as jsep.Identifier).name;
      const fn = Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
      if (!fn) return fail(`unknown func ${name}`);
      const [lo, hi] = fn.arity;
      if (c.arguments.length < lo) return fail(`not enough arguments to call ${name}`);
      if (c.arguments.length > hi) return fail(`too many arguments to call ${name}`);
      const types = c.arguments.map((arg, i) => {
        if (fn.predicate && i === 1 && PREDICATE_FNS.has(name)) {
          const body = arg.type === 'Closure' ? (arg as ClosureExpression).body : arg;
          return check(body, { ...scope, inClosure: true, inReduce: name === 'reduce' });
        }
        return check(arg, scope);
      });
      if (
        (name === 'asInt' || name === 'asFloat') &&
        ['bool', 'array', 'map', 'nil'].includes(types[0])
      ) {
        return fail(
          `cannot use ${STATIC_NAMES[types[0]]} as argument (type string) to call ${name}`,
        );
      }
      if ((name === 'isNaN' || name === 'isInf') && known(types[0]) && !isNumType(types[0])) {
        return fail(
          `cannot use ${STATIC_NAMES[types[0]]} as argument (type float64) to call ${name}`,
        );
      }
      return typeof fn.returns === 'function' ? fn.returns(types) : fn.returns;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const t = check(u.argument, scope);
      if (u.operator === '!' || u.operator === 'not') {
        if (known(t) && t !== 'bool')
          return fail(`invalid operation: ${u.operator} (mismatched type ${STATIC_NAMES[t]})`);
        return 'bool';
      }
      if (known(t) && !isNumType(t))
        return fail(`invalid operation: ${u.operator} (mismatched type ${STATIC_NAMES[t]})`);
      return t;
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      const t = check(c.test, scope);
      if (known(t) && t !== 'bool')
        return fail(`non-bool expression (type ${STATIC_NAMES[t]}) used as condition`);
      const a = check(c.consequent, scope);
      const b = check(c.alternate, scope);
      return a === b ? a : 'any';
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const l = check(b.left, scope);
      const r = check(b.right, scope);
      return checkBinary(b.operator, l, r);
    }
    default:
      return fail(`unsupported syntax ${node.type}`);
  }
}

function checkBinary(op: string, l: StaticType, r: StaticType): StaticType {
  const bothKnown = known(l) && known(r);
  switch (op) {
    case '==':
    case '!=':
      if (bothKnown && l !== 'nil' && r !== 'nil' && l !== r && !(isNumType(l) && isNumType(r))) {
        mismatch(op, l, r);
      }
      return 'bool';
    case '<':
    case '>':
    case '<=':
    case '>=':
      if (bothKnown) {
        const ok =
          (isNumType(l) && isNumType(r)) ||
          (l === 'string' && r === 'string') ||
          (l === 'time' && r === 'time') ||
          (l === 'duration' && r === 'duration');
        if (!ok) mismatch(op, l, r);
      }
      return 'bool';
    case 'and':
    case '&&':
    case 'or':
    case '||':
      if ((known(l) && l !== 'bool') || (known(r) && r !== 'bool')) mismatch(op, l, r);
      return 'bool';
    case 'in':
    case 'not in':
      if (known(r) && r !== 'array' && r !== 'map') mismatch(op, l, r);
      return 'bool';
    case 'matches':
    case 'not matches':
    case 'contains':
    case 'not contains':
    case 'startsWith':
    case 'not startsWith':
    case 'endsWith':
    case 'not endsWith':
      if ((known(l) && l !== 'string') || (known(r) && r !== 'string')) mismatch(op, l, r);
      return 'bool';
    case '+':
      if (bothKnown) {
        if (isNumType(l) && isNumType(r)) return l === 'int' && r === 'int' ? 'int' : 'float';
        if (l === 'string' && r === 'string') return 'string';
        if ((l === 'time' && r === 'duration') || (l === 'duration' && r === 'time')) return 'time';
        if (l === 'duration' && r === 'duration') return 'duration';
        mismatch(op, l, r);
      }
      return 'any';
    case '-':
      if (bothKnown) {
        if (isNumType(l) && isNumType(r)) return l === 'int' && r === 'int' ? 'int' : 'float';
        if (l === 'time' && r === 'duration') return 'time';
        if (l === 'time' && r === 'time') return 'duration';
        if (l === 'duration' && r === 'duration') return 'duration';
        mismatch(op, l, r);
      }
      return 'any';
    case '*':
      if (bothKnown) {
        if (isNumType(l) && isNumType(r)) return l === 'int' && r === 'int' ? 'int' : 'float';
        mismatch(op, l, r);
      }
      return 'any';
    case '/':
    case '**':
    case '^':
      if (bothKnown && !(isNumType(l) && isNumType(r))) mismatch(op, l, r);
      return 'float';
    case '%':
      if (bothKnown && !(l === 'int' && r === 'int')) mismatch(op, l, r);
      return 'int';
    case '??':
      return l === r ? l : 'any';
    case '..':
      if ((known(l) && l !== 'int') || (known(r) && r !== 'int')) mismatch(op, l, r);
      return 'array';
    default:
      return fail(`unsupported operator ${op}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Run pass

function member(obj: Value, key: Value, optional: boolean): Value {
  if (obj === null) {
    if (optional) return null;
    return fail(`cannot fetch ${formatKey(key)} from nil`);
  }
  if (isList(obj)) {
    if (!isNumber(key) || (typeof key === 'number' && !Number.isInteger(key))) {
      return fail(`array elements can only be selected using an integer (got ${goTypeName(key)})`);
    }
    let i = Number(key);
    if (i < 0) i += obj.length;
    if (i < 0 || i >= obj.length) {
      return fail(`index out of range: ${formatKey(key)} (array length is ${obj.length})`);
    }
    return obj[i]!;
  }
  if (typeof obj === 'string') {
    if (!isNumber(key)) return fail(`string elements can only be selected using an integer`);
    const chars = [...obj];
    let i = Number(key);
    if (i < 0) i += chars.length;
    if (i < 0 || i >= chars.length) return fail(`index out of range: ${formatKey(key)}`);
    return chars[i];
  }
  if (isMap(obj)) {
    if (typeof key !== 'string') return fail(`cannot use ${goTypeName(key)} as map key`);
    if (BLOCKED_KEYS.has(key)) return null;
    return Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] ?? null) : null;
  }
  return fail(`cannot fetch ${formatKey(key)} from ${goTypeName(obj)}`);
}

function formatKey(key: Value): string {
  return typeof key === 'string' ? key : formatValue(key);
}

function compareOrdered(op: string, a: Value, b: Value): boolean {
  let x: number | string;
  let y: number | string;
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') {
      x = a < b ? -1 : a > b ? 1 : 0;
      y = 0;
    } else {
      x = toFloat(a);
      y = toFloat(b);
    }
  } else if (typeof a === 'string' && typeof b === 'string') {
    x = a;
    y = b;
  } else if (isTime(a) && isTime(b)) {
    x = a.goTime;
    y = b.goTime;
  } else if (isDuration(a) && isDuration(b)) {
    x = Number(a.goDuration - b.goDuration);
    y = 0;
  } else {
    return fail(
      `invalid operation: ${op} (mismatched types ${goTypeName(a)} and ${goTypeName(b)})`,
    );
  }
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function arith(op: string, a: Value, b: Value): Value {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (isTime(a) && isDuration(b) && (op === '+' || op === '-')) {
    const ms = Number(b.goDuration / 1_000_000n);
    return { goTime: op === '+' ? a.goTime + ms : a.goTime - ms };
  }
  if (isDuration(a) && isTime(b) && op === '+')
    return { goTime: b.goTime + Number(a.goDuration / 1_000_000n) };
  if (isTime(a) && isTime(b) && op === '-')
    return { goDuration: BigInt(a.goTime - b.goTime) * 1_000_000n };
  if (isDuration(a) && isDuration(b) && (op === '+' || op === '-')) {
    return { goDuration: op === '+' ? a.goDuration + b.goDuration : a.goDuration - b.goDuration };
  }
  if (!isNumber(a) || !isNumber(b)) {
    return fail(
      `invalid operation: ${op} (mismatched types ${goTypeName(a)} and ${goTypeName(b)})`,
    );
  }
  const ints = typeof a === 'bigint' && typeof b === 'bigint';
  switch (op) {
    case '+':
      return ints ? wrap(a + b) : toFloat(a) + toFloat(b);
    case '-':
      return ints ? wrap(a - b) : toFloat(a) - toFloat(b);
    case '*':
      return ints ? wrap(a * b) : toFloat(a) * toFloat(b);
    case '/':
      return toFloat(a) / toFloat(b);
    case '%':
      if (!ints) {
        return fail(
          `invalid operation: % (mismatched types ${goTypeName(a)} and ${goTypeName(b)})`,
        );
      }
      if (b === 0n) return fail('integer divide by zero');
      return a % b;
    default:
      return Math.pow(toFloat(a), toFloat(b));
  }
}

function contained(needle: Value, haystack: Value, op: string): boolean {
  if (isList(haystack)) return haystack.some((x) => equalValues(x, needle));
  if (isMap(haystack)) {
    if (typeof needle !== 'string') return false;
    return Object.prototype.hasOwnProperty.call(haystack, needle);
  }
  if (haystack === null) return false;
  return fail(
    `invalid operation: ${op} (mismatched types ${goTypeName(needle)} and ${goTypeName(haystack)})`,
  );
}

function matchesRegex(text: string, pattern: string): boolean {
  try {
    return compileRe2(pattern).test(text);
  } catch (e) {
    if (e instanceof RegexError) return fail(e.message);
    throw e;
  }
}

function rangeOf(a: Value, b: Value): Value[] {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') {
    return fail(`invalid operation: .. (mismatched types ${goTypeName(a)} and ${goTypeName(b)})`);
  }
  if (b < a) return [];
  if (b - a + 1n > BigInt(MAX_RANGE)) {
    return fail(`range ${a}..${b} is too large for the simulator (over ${MAX_RANGE} elements)`);
  }
  const out: Value[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function sliceOf(obj: Value, from: Value | undefined, to: Value | undefined): Value {
  const chars = typeof obj === 'string' ? [...obj] : undefined;
  const list = isList(obj) ? obj : chars;
  if (list === undefined) return fail(`cannot slice ${goTypeName(obj)}`);
  const bound = (v: Value | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!isNumber(v)) return fail(`non-integer slice index ${goTypeName(v)}`);
    let n = Math.trunc(toFloat(v));
    if (n < 0) n += list.length;
    return Math.min(Math.max(n, 0), list.length);
  };
  const b = bound(to, list.length);
  const a = Math.min(bound(from, 0), b);
  return chars ? chars.slice(a, b).join('') : list.slice(a, b);
}

function stringOp(op: string, a: Value, b: Value): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') {
    return fail(
      `invalid operation: ${op} (mismatched types ${goTypeName(a)} and ${goTypeName(b)})`,
    );
  }
  const base = op.replace(/^not /, '');
  let r: boolean;
  if (base === 'matches') r = matchesRegex(a, b);
  else if (base === 'contains') r = a.includes(b);
  else if (base === 'startsWith') r = a.startsWith(b);
  else r = a.endsWith(b);
  return op.startsWith('not ') ? !r : r;
}

function requireBool(op: string, v: Value): boolean {
  if (typeof v === 'boolean') return v;
  return fail(`invalid operation: ${op} (mismatched type ${goTypeName(v)})`);
}

function runBinary(b: jsep.BinaryExpression, scope: Scope): Value {
  const op = b.operator;
  // Logical operators short-circuit, so `len(result) == 0 || result[0] > 1` is safe.
  if (op === 'and' || op === '&&') {
    return requireBool(op, run(b.left, scope)) ? requireBool(op, run(b.right, scope)) : false;
  }
  if (op === 'or' || op === '||') {
    return requireBool(op, run(b.left, scope)) ? true : requireBool(op, run(b.right, scope));
  }
  if (op === '??') {
    const l = run(b.left, scope);
    return l !== null ? l : run(b.right, scope);
  }
  const l = run(b.left, scope);
  const r = run(b.right, scope);
  switch (op) {
    case '==':
      return equalValues(l, r);
    case '!=':
      return !equalValues(l, r);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compareOrdered(op, l, r);
    case 'in':
      return contained(l, r, op);
    case 'not in':
      return !contained(l, r, op);
    case '..':
      return rangeOf(l, r);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '**':
    case '^':
      return arith(op, l, r);
    default:
      return stringOp(op, l, r);
  }
}

function run(node: jsep.Expression, scope: Scope): Value {
  switch (node.type) {
    case 'Literal': {
      const lit = node as jsep.Literal;
      const v = lit.value;
      if (typeof v === 'number') {
        if (isNumberLiteral(lit)) {
          if (lit.goKind === 'float') return v;
          const n = BigInt(lit.goInt ?? '0');
          return n > INT64_MAX ? fail(`integer literal ${lit.raw} overflows int`) : n;
        }
        if (/[.eE]/.test(lit.raw)) return v;
        if (!Number.isSafeInteger(v)) {
          const n = BigInt(lit.raw);
          return n > INT64_MAX ? fail(`integer literal ${lit.raw} overflows int`) : n;
        }
        return BigInt(v);
      }
      return v as Value;
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (scope.vars?.has(name)) return scope.vars.get(name) ?? null;
      if (name === 'result') return scope.result;
      if (name === '#' && scope.inClosure) return scope.element ?? null;
      if (name === '#index' && scope.inClosure) return BigInt(scope.index ?? 0);
      if (name === '#acc' && scope.acc !== undefined) return scope.acc;
      return fail(`unknown name ${name}`);
    }
    case 'MapExpression': {
      const out: Record<string, Value> = Object.create(null) as Record<string, Value>;
      for (const { key, value } of (node as MapExpression).entries) {
        const k = run(key, scope);
        if (typeof k !== 'string') return fail(`cannot use ${goTypeName(k)} as map key`);
        if (BLOCKED_KEYS.has(k)) return fail(`invalid map key ${JSON.stringify(k)}`);
        out[k] = run(value, scope);
      }
      return out;
    }
    case 'LetExpression': {
      const l = node as LetExpression;
      const vars = new Map(scope.vars ?? []);
      vars.set(l.name, run(l.value, scope));
      return run(l.body, { ...scope, vars });
    }
    case 'SliceExpression': {
      const sl = node as SliceExpression;
      const obj = run(sl.object, scope);
      const from = sl.from ? run(sl.from, scope) : undefined;
      const to = sl.to ? run(sl.to, scope) : undefined;
      return sliceOf(obj, from, to);
    }
    case 'ArrayExpression':
      return (node as jsep.ArrayExpression).elements.map((el) => (el ? run(el, scope) : null));
    case 'MemberExpression': {
      const m = node as jsep.MemberExpression & { optional?: boolean };
      const obj = run(m.object, scope);
      const key: Value = m.computed ? run(m.property, scope) : (m.property as jsep.Identifier).name;
      return member(obj, key, m.optional === true);
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const name = (c.callee as jsep.Identifier).name;
      const fn = Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
      if (!fn) return fail(`unknown func ${name}`);
      return fn.call(c.arguments, scope);
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const v = run(u.argument, scope);
      if (u.operator === '!' || u.operator === 'not') return !requireBool(u.operator, v);
      if (!isNumber(v))
        return fail(`invalid operation: ${u.operator} (mismatched type ${goTypeName(v)})`);
      if (u.operator === '-') return typeof v === 'bigint' ? wrap(-v) : -v;
      return v;
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      const t = run(c.test, scope);
      if (typeof t !== 'boolean')
        return fail(`non-bool expression (type ${goTypeName(t)}) used as condition`);
      return t ? run(c.consequent, scope) : run(c.alternate, scope);
    }
    case 'BinaryExpression':
      return runBinary(node as jsep.BinaryExpression, scope);
    default:
      return fail(`unsupported syntax ${node.type}`);
  }
}

/** EvaluateOptions carries what the environment offers besides `result`. */
export interface EvaluateOptions {
  /** Epoch milliseconds for `now()`; without it `now()` is an error. */
  readonly nowMs?: number;
}

/**
 * evaluateAst compiles (type-checks against `result`'s concrete type) and runs a parsed
 * expression. It throws EvalError, which the public entry points turn into `{ kind: 'error' }`.
 */
export function evaluateAst(
  ast: jsep.Expression,
  result: Value,
  options: EvaluateOptions = {},
): {
  value: Value;
  staticType: string;
} {
  const staticType = check(ast, { resultType: staticTypeOf(result), inClosure: false });
  const value = run(ast, {
    result,
    resultIsNil: result === null,
    nowMs: options.nowMs,
    inClosure: false,
  });
  return { value, staticType: STATIC_NAMES[staticType] };
}

/** isTimeValue tells whether an evaluated value is a time (for rangeQuery start/end). */
export function timeMsOf(v: Value): number | undefined {
  return isTime(v) ? v.goTime : undefined;
}

/** isStaticallyKnown reports whether a Go type name is a concrete (non-interface) type. */
export function isConcreteTypeName(name: string): boolean {
  return name !== STATIC_NAMES.any;
}
