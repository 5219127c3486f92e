import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv32a, podTemplateHash, safeEncodeString, stableStringify } from '../../src/sim';

/** Reference FNV-1a over Node's own UTF-8 encoder, to cross-check the hand-rolled encoder. */
function fnvReference(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
};
const sameTemplateOtherKeyOrder = {
  spec: { containers: [{ ports: [{ containerPort: 80 }], image: 'nginx:1.25', name: 'web' }] },
  metadata: { labels: { app: 'web' } },
};

describe('stableStringify', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1}',
    );
  });

  it('drops undefined properties and writes JSON forms like JSON.stringify', () => {
    expect(
      stableStringify({ a: undefined, b: [undefined, () => 1, Number.NaN, -0], c: null, d: 'é"' }),
    ).toBe('{"b":[null,null,null,0],"c":null,"d":"é\\""}');
    expect(stableStringify({ toJSON: () => ({ z: 1, y: 2 }) })).toBe('{"y":2,"z":1}');
  });

  it('agrees with JSON.parse for random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('rejects what has no faithful JSON form', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stableStringify(cyclic)).toThrow(/circular/);
    expect(() => stableStringify({ n: 1n })).toThrow(TypeError);
    expect(() => stableStringify(new Map())).toThrow(TypeError);
    expect(() => stableStringify(undefined)).toThrow(TypeError);
    // Shared (non-cyclic) references are fine.
    const shared = { x: 1 };
    expect(stableStringify([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});

describe('fnv32a', () => {
  it('matches the published FNV-1a 32 test vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
    expect(fnv32a('héllo ✓ 😀')).toBe(0x43f5b348); // UTF-8 bytes, as Go hashes them
  });

  it('hashes the UTF-8 bytes of any string, lone surrogates included (fast-check seed 42)', () => {
    const utf16 = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(fc.oneof(utf16, fc.string({ unit: 'binary' })), (text) => {
        expect(fnv32a(text)).toBe(fnvReference(text));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('safeEncodeString', () => {
  it('maps characters through the Kubernetes alphabet by code point modulo 27', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('')).toBe('');
  });
});

describe('podTemplateHash', () => {
  it('matches an independent (Python) FNV-1a + SafeEncodeString computation', () => {
    // stableStringify of this object equals Go's json.Marshal of an empty PodTemplateSpec.
    const empty = { metadata: { creationTimestamp: null }, spec: { containers: null } };
    expect(podTemplateHash(empty)).toBe('76bbb58f74');
    expect(podTemplateHash(empty, 1)).toBe('688c48b575');
    expect(podTemplateHash(empty, 2)).toBe('648646b56d');
    expect(podTemplateHash(empty, -1)).toBe('5969fb7498'); // uint32 wrap, as Go's uint32(*int32)
  });

  it('is the same for the same template in any key order', () => {
    expect(podTemplateHash(sameTemplateOtherKeyOrder)).toBe(podTemplateHash(template));
    expect(podTemplateHash(template)).toBe(podTemplateHash(structuredClone(template)));
  });

  it('differs when the template differs', () => {
    const v2 = structuredClone(template);
    v2.spec.containers[0].image = 'nginx:1.26';
    expect(podTemplateHash(v2)).not.toBe(podTemplateHash(template));
  });

  it('changes with collisionCount, and collisionCount 0 differs from none', () => {
    const hashes = [undefined, 0, 1, 2].map((c) => podTemplateHash(template, c));
    expect(new Set(hashes).size).toBe(4);
    expect(() => podTemplateHash(template, 1.5)).toThrow(RangeError);
  });

  it('uses only the Kubernetes alphabet, at most 10 characters (fast-check seed 42)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.nat(), { nil: undefined }), (value, count) => {
        expect(podTemplateHash(value, count)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
