/**
 * Canonical JSON and the small stable hashes behind deterministic names (the pod-template hash).
 * Counterparts: argo-rollouts `utils/controller/controller.go` `ComputeHash`, k8s.io/apimachinery
 * `pkg/util/rand/rand.go` `SafeEncodeString`. Rule: same input ⇒ same output, on every run and host.
 *
 * Deviation from Argo: Argo hashes Go's `json.Marshal` of the `PodTemplateSpec` struct (field order
 * of the struct, Go's escaping). We hash {@link stableStringify} of the object instead (sorted keys,
 * undefined dropped), so our hashes have Argo's shape, alphabet and determinism but not its bytes.
 */
import { K8S_ALPHANUMS } from './rng';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/**
 * stableStringify returns canonical JSON: object keys sorted by UTF-16 code unit, properties whose
 * value is undefined, a function or a symbol dropped (in arrays they become `null`, as in JSON),
 * non-finite numbers written as `null`, `-0` as `0`, and `toJSON()` honoured. Two values that are
 * equal as JSON documents therefore produce the same string whatever their key order.
 *
 * @throws TypeError for cycles, bigints, Maps and Sets (JSON would silently write `{}` for the
 *   latter, which would make different values hash the same), and for a top-level value that has
 *   no JSON form (undefined, a function, a symbol).
 */
export function stableStringify(value: unknown): string {
  const out = writeJson(value, new Set<object>());
  if (out === undefined) {
    throw new TypeError(`stableStringify: a top-level ${typeof value} has no JSON form`);
  }
  return out;
}

function writeJson(value: unknown, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('stableStringify: bigint has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const obj = value as Record<string, unknown> & { toJSON?: unknown };
  if (typeof obj.toJSON === 'function') {
    return writeJson((obj.toJSON as () => unknown).call(obj), ancestors);
  }
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError('stableStringify: convert Maps and Sets to plain objects or arrays first');
  }
  if (ancestors.has(obj)) throw new TypeError('stableStringify: circular structure');
  ancestors.add(obj);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown) => writeJson(item, ancestors) ?? 'null');
      return `[${items.join(',')}]`;
    }
    const members: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const member = writeJson(obj[key], ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(obj);
  }
}

/** fnvByte folds one byte into a running FNV-1a 32-bit hash. */
function fnvByte(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV32_PRIME);
}

/** fnvUtf8 folds the UTF-8 encoding of `text` into a running FNV-1a hash, as Go hashes bytes. */
function fnvUtf8(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // Lone surrogates encode as U+FFFD, as Go's json and TextEncoder do.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) {
      h = fnvByte(h, cp);
    } else if (cp < 0x800) {
      h = fnvByte(h, 0xc0 | (cp >> 6));
      h = fnvByte(h, 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      h = fnvByte(h, 0xe0 | (cp >> 12));
      h = fnvByte(h, 0x80 | ((cp >> 6) & 0x3f));
      h = fnvByte(h, 0x80 | (cp & 0x3f));
    } else {
      h = fnvByte(h, 0xf0 | (cp >> 18));
      h = fnvByte(h, 0x80 | ((cp >> 12) & 0x3f));
      h = fnvByte(h, 0x80 | ((cp >> 6) & 0x3f));
      h = fnvByte(h, 0x80 | (cp & 0x3f));
    }
  }
  return h;
}

/**
 * fnv32a returns the 32-bit FNV-1a hash of the UTF-8 bytes of `text` as an unsigned integer,
 * the value Go's `hash/fnv.New32a().Sum32()` gives for the same bytes (`fnv32a('a')` is 0xe40c292c).
 */
export function fnv32a(text: string): number {
  return fnvUtf8(FNV32_OFFSET, text) >>> 0;
}

/**
 * safeEncodeString maps each character of `text` to `K8S_ALPHANUMS[codePoint % 27]`, as
 * Kubernetes' `rand.SafeEncodeString` does, so that hashes never spell words. Applied to a decimal
 * number only ten characters can appear: '0'→'4', '1'→'5', …, '5'→'9', '6'→'b', …, '9'→'f'.
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const ch of text) out += K8S_ALPHANUMS[ch.codePointAt(0)! % K8S_ALPHANUMS.length];
  return out;
}

/**
 * podTemplateHash returns the `rollouts-pod-template-hash` label value for a pod template:
 * FNV-1a 32 over the template's canonical JSON; when `collisionCount` is given, its uint32 written
 * little-endian into 8 bytes (the last four zero) is folded in too, as Argo's `ComputeHash` does;
 * the unsigned sum printed in decimal is then passed through {@link safeEncodeString}. The result
 * is up to 10 characters of `K8S_ALPHANUMS` (Argo's look like `5c8d9f4b7d`).
 *
 * Deviation: the hashed bytes are {@link stableStringify}'s, not Go's `json.Marshal`'s; see the
 * module header. Equal templates in any key order hash the same.
 */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let h = fnvUtf8(FNV32_OFFSET, stableStringify(template));
  if (collisionCount !== undefined) {
    if (!Number.isInteger(collisionCount)) {
      throw new RangeError(
        `podTemplateHash: collisionCount must be an integer, got ${collisionCount}`,
      );
    }
    const count = collisionCount >>> 0;
    for (let i = 0; i < 8; i++) h = fnvByte(h, i < 4 ? (count >>> (8 * i)) & 0xff : 0);
  }
  return safeEncodeString(String(h >>> 0));
}
