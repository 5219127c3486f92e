/**
 * Plain-JSON helpers for the object store: clone, freeze, equality, RFC 7386 merge patch, leaf diff.
 * Counterparts: k8s.io/apimachinery `jsonpatch` merge patch, client-go fake clientset diffs.
 * Rule: inputs are JSON values (objects, arrays, strings, finite numbers, booleans, null).
 */
import type { FieldChange } from './types';

type JsonObject = Record<string, unknown>;

/** isPlainObject reports whether `v` is a JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** cloneJson returns a deep copy of a JSON value; keys whose value is undefined are dropped. */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneJson(value[i]);
    return out as T;
  }
  const src = value as JsonObject;
  const out: JsonObject = {};
  for (const key in src) {
    if (!Object.prototype.hasOwnProperty.call(src, key)) continue;
    const v = src[key];
    if (v !== undefined) out[key] = cloneJson(v);
  }
  return out as T;
}

/** deepFreeze freezes a JSON value and everything inside it, and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** jsonEqual reports whether two JSON values are equal (key order ignored, undefined = absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return objectsEqual(a as JsonObject, b as JsonObject);
}

/**
 * objectsEqual compares two JSON objects key by key with {@link jsonEqual} (undefined = absent),
 * leaving out the keys in `skip`. Plain loops, no key arrays: this runs on every store write.
 */
export function objectsEqual(
  oa: Readonly<JsonObject>,
  ob: Readonly<JsonObject>,
  skip?: ReadonlySet<string>,
): boolean {
  let na = 0;
  for (const k in oa) {
    if (!Object.prototype.hasOwnProperty.call(oa, k) || skip?.has(k)) continue;
    const v = oa[k];
    if (v === undefined) continue;
    na++;
    if (!Object.prototype.hasOwnProperty.call(ob, k) || !jsonEqual(v, ob[k])) return false;
  }
  let nb = 0;
  for (const k in ob) {
    if (Object.prototype.hasOwnProperty.call(ob, k) && !skip?.has(k) && ob[k] !== undefined) nb++;
  }
  return na === nb;
}

/**
 * mergePatch applies an RFC 7386 JSON merge patch and returns a new value (inputs untouched):
 * objects merge key by key, `null` deletes a key, anything else (arrays included) replaces.
 *
 * @example
 * mergePatch({ a: 1, b: { c: 2 } }, { b: { c: null, d: 3 } }); // { a: 1, b: { d: 3 } }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const out: JsonObject = isPlainObject(target) ? cloneJson(target) : {};
  for (const key of Object.keys(patch)) {
    const p = patch[key];
    if (p === undefined) continue;
    if (p === null) delete out[key];
    else out[key] = mergePatch(out[key], p);
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (IDENTIFIER.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

function isNonEmptyContainer(v: unknown): v is JsonObject | unknown[] {
  if (Array.isArray(v)) return v.length > 0;
  if (!isPlainObject(v)) return false;
  for (const k in v) {
    if (Object.prototype.hasOwnProperty.call(v, k) && v[k] !== undefined) return true;
  }
  return false;
}

function change(path: string, from: unknown, to: unknown): FieldChange {
  const c: FieldChange = { path };
  if (from !== undefined) c.from = cloneJson(from);
  if (to !== undefined) c.to = cloneJson(to);
  return c;
}

function childKeys(v: JsonObject | unknown[]): (string | number)[] {
  return Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v).sort();
}

function childAt(v: JsonObject | unknown[], key: string | number): unknown {
  return Array.isArray(v) ? v[key as number] : v[key as string];
}

interface DiffCtx {
  out: FieldChange[];
  skip: ReadonlySet<string>;
}

/** emitLeaves lists every leaf of `v` as removed (`side` 'from') or added ('to'). */
function emitLeaves(v: unknown, path: string, side: 'from' | 'to', ctx: DiffCtx): void {
  if (ctx.skip.has(path) || v === undefined) return;
  if (isNonEmptyContainer(v)) {
    for (const k of childKeys(v)) emitLeaves(childAt(v, k), childPath(path, k), side, ctx);
    return;
  }
  ctx.out.push(side === 'from' ? change(path, v, undefined) : change(path, undefined, v));
}

/** walkDiff appends the leaf changes between `a` and `b` under `path`. */
function walkDiff(a: unknown, b: unknown, path: string, ctx: DiffCtx): void {
  if (ctx.skip.has(path) || a === b) return;
  const aNested = isNonEmptyContainer(a);
  const bNested = isNonEmptyContainer(b);
  if (aNested && bNested && Array.isArray(a) === Array.isArray(b)) {
    // Only children that differ can produce changes, and objects from the store share their
    // unchanged subtrees, so pick the differing keys first and build paths for those alone.
    if (Array.isArray(a)) {
      const bArr = b as unknown[];
      const n = Math.max(a.length, bArr.length);
      for (let i = 0; i < n; i++) {
        if (a[i] !== bArr[i]) walkDiff(a[i], bArr[i], childPath(path, i), ctx);
      }
      return;
    }
    const ao = a;
    const bo = b as JsonObject;
    const keys: string[] = [];
    for (const k of Object.keys(ao)) if (ao[k] !== bo[k]) keys.push(k);
    for (const k of Object.keys(bo)) {
      if (ao[k] !== bo[k] && !Object.prototype.hasOwnProperty.call(ao, k)) keys.push(k);
    }
    keys.sort();
    for (const k of keys) walkDiff(ao[k], bo[k], childPath(path, k), ctx);
    return;
  }
  if (!aNested && !bNested) {
    // Leaves, or empty containers, which count as leaves (`labels: {}` appearing is a change).
    if (!jsonEqual(a, b)) ctx.out.push(change(path, a, b));
    return;
  }
  emitLeaves(a, path, 'from', ctx);
  emitLeaves(b, path, 'to', ctx);
}

/**
 * diffJson returns the changed leaf fields between two JSON values, in path order. Paths listed in
 * `skip` (e.g. `metadata.resourceVersion`) are ignored. Empty objects and arrays count as leaves.
 *
 * @example
 * diffJson({ spec: { replicas: 1 } }, { spec: { replicas: 3 } });
 * // [{ path: 'spec.replicas', from: 1, to: 3 }]
 */
export function diffJson(a: unknown, b: unknown, skip: readonly string[] = []): FieldChange[] {
  const ctx: DiffCtx = { out: [], skip: new Set(skip) };
  walkDiff(a, b, '', ctx);
  return ctx.out;
}
