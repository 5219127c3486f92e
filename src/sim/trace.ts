/**
 * Trace recording: the plain-JSON frames a run produces, which the UI scrubs and golden tests pin.
 * Counterpart: observablehq/plot's snapshot tests (`normalizeHtml` rounds numbers before comparing).
 * Rule: a recorded frame is a frozen deep copy of plain JSON, so nothing the world does later, and
 * nothing a reader does, can change what was recorded.
 */
import { stableStringify } from './hash';

/** TraceFrame is the minimum shape of a frame: the virtual time it was taken at. */
export interface TraceFrame {
  /** t is the virtual time of the frame in milliseconds. */
  readonly t: number;
}

/** DeepReadonly makes every nested property of a recorded frame read-only, as it is at run time. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** TraceRecorder collects frames in time order. */
export interface TraceRecorder<F extends TraceFrame> {
  /**
   * record stores a frozen deep copy of `frame`. Properties that are undefined are dropped, as
   * JSON would drop them.
   *
   * @throws TypeError when the frame is not plain JSON (functions, Maps, class instances,
   *   non-finite numbers, cycles), naming the offending path; RangeError when `frame.t` is earlier
   *   than the previous frame's.
   */
  record(frame: F): void;
  /** frames returns the recorded frames, oldest first (a new array over the frozen frames). */
  frames(): readonly DeepReadonly<F>[];
  /** size returns how many frames were recorded. */
  size(): number;
  /** at returns the frame at `index` (negative counts from the end), or undefined. */
  at(index: number): DeepReadonly<F> | undefined;
  /**
   * toJSONLines returns one canonical JSON document per frame ({@link stableStringify}), each
   * followed by a newline, so that equal traces are byte-identical.
   */
  toJSONLines(): string;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: object): string {
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'object';
}

/** frozenJsonCopy deep-copies plain JSON and freezes every level, failing on anything else. */
function frozenJsonCopy(value: unknown, path: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`trace: non-finite number ${value} at ${path}`);
      }
      return value === 0 ? 0 : value; // -0 would serialise as 0 anyway; keep memory and JSON equal
    case 'undefined':
      return null; // only reachable inside arrays: objects drop undefined properties below
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`trace: a ${typeof value} is not plain JSON (at ${path})`);
  }
  if (value === null || typeof value !== 'object') return null;
  if (ancestors.has(value)) throw new TypeError(`trace: circular reference at ${path}`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return Object.freeze(
        value.map((item: unknown, i) => frozenJsonCopy(item, `${path}[${i}]`, ancestors)),
      );
    }
    if (!isPlainObject(value)) {
      throw new TypeError(`trace: a ${describe(value)} is not plain JSON (at ${path})`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = frozenJsonCopy(item, `${path}.${key}`, ancestors);
    }
    return Object.freeze(out);
  } finally {
    ancestors.delete(value);
  }
}

/**
 * createTraceRecorder returns an empty {@link TraceRecorder}.
 *
 * @example
 * const trace = createTraceRecorder<{ t: number; phase: string }>();
 * trace.record({ t: clock.now(), phase: 'Paused' });
 * await expect(trace.toJSONLines()).toMatchFileSnapshot('__golden__/pause.jsonl');
 */
export function createTraceRecorder<
  F extends TraceFrame = TraceFrame & Record<string, unknown>,
>(): TraceRecorder<F> {
  const recorded: DeepReadonly<F>[] = [];

  return {
    record(frame) {
      const t = frame.t;
      if (typeof t !== 'number' || !Number.isFinite(t)) {
        throw new TypeError(`trace: frame.t must be a finite number, got ${String(t)}`);
      }
      const last = recorded.length > 0 ? recorded[recorded.length - 1] : undefined;
      if (last !== undefined && t < last.t) {
        throw new RangeError(`trace: frame at t=${t} recorded after a frame at t=${last.t}`);
      }
      recorded.push(frozenJsonCopy(frame, '$', new Set()) as DeepReadonly<F>);
    },
    frames: () => recorded.slice(),
    size: () => recorded.length,
    at: (index) => recorded.at(index),
    toJSONLines: () => recorded.map((frame) => `${stableStringify(frame)}\n`).join(''),
  };
}

/** mapPlain rebuilds plain objects and arrays bottom-up; other objects are kept by reference. */
function mapPlain(
  value: unknown,
  leaf: (v: unknown) => unknown,
  keepKey: (key: string) => boolean,
  ancestors: Set<object>,
): unknown {
  if (typeof value !== 'object' || value === null) return leaf(value);
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (ancestors.has(value)) throw new TypeError('trace: circular reference');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item: unknown) => mapPlain(item, leaf, keepKey, ancestors));
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (keepKey(key)) out[key] = mapPlain(item, leaf, keepKey, ancestors);
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * roundFloats returns a copy of `value` with every non-integer number rounded to `digits` decimal
 * places (default 6), so golden traces do not churn on the last bits of floating-point arithmetic.
 * Integers, non-finite numbers and non-plain objects are left as they are; `-0` becomes `0`.
 *
 * @example
 * roundFloats({ weight: 33.333333333, pods: 3 }, 2); // { weight: 33.33, pods: 3 }
 */
export function roundFloats<T>(value: T, digits = 6): T {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`roundFloats: digits must be an integer in [0, 15], got ${digits}`);
  }
  const round = (v: unknown): unknown => {
    if (typeof v !== 'number' || Number.isInteger(v) || !Number.isFinite(v)) {
      return v === 0 ? 0 : v;
    }
    // toFixed rounds the exact binary value in decimal, identically on every engine. Non-integers
    // are below 2^53, far from the 1e21 where toFixed would switch to exponent form.
    const rounded = Number(v.toFixed(digits));
    return rounded === 0 ? 0 : rounded;
  };
  return mapPlain(value, round, () => true, new Set()) as T;
}

/**
 * stripInternals returns a copy of `value` without any property whose key starts with `_`, at
 * every depth of plain objects and arrays. XState keeps internals such as `_scheduledEvents`
 * (which hold `Date.now()`) under such keys, and they must not reach golden traces. The static
 * type is kept for convenience; the stripped keys are absent at run time.
 */
export function stripInternals<T>(value: T): T {
  return mapPlain(
    value,
    (v) => v,
    (key) => !key.startsWith('_'),
    new Set(),
  ) as T;
}
