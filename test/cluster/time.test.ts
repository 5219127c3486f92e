import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_EPOCH_MS, parseRfc3339, rfc3339 } from '../../src/cluster';

describe('rfc3339', () => {
  it.each([
    [0, '2026-01-01T00:00:00Z'],
    [2000, '2026-01-01T00:00:02Z'],
    [90_500, '2026-01-01T00:01:30.500Z'],
    [59 * 86_400_000, '2026-03-01T00:00:00Z'],
    [-1, '2025-12-31T23:59:59.999Z'],
  ])('rfc3339(%d) = %s', (ms, text) => {
    expect(rfc3339(ms)).toBe(text);
    expect(parseRfc3339(text)).toBe(ms);
  });

  it('uses the epoch literal 2026-01-01T00:00:00Z', () => {
    expect(DEFAULT_EPOCH_MS).toBe(Date.UTC(2026, 0, 1));
    expect(rfc3339(0, 0)).toBe('1970-01-01T00:00:00Z');
  });

  it('agrees with Date across leap years and centuries (seed 7)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4_000_000_000_000, max: 8_000_000_000_000 }), (abs) => {
        const iso = new Date(abs).toISOString();
        const expected = iso.endsWith('.000Z') ? iso.replace('.000Z', 'Z') : iso;
        expect(rfc3339(abs, 0)).toBe(expected);
        expect(parseRfc3339(expected, 0)).toBe(abs);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('parses offsets and rejects garbage', () => {
    expect(parseRfc3339('2026-01-01T02:00:00+02:00')).toBe(0);
    expect(parseRfc3339('2026-01-01T00:00:01.5Z')).toBe(1500);
    expect(parseRfc3339('yesterday')).toBeUndefined();
    expect(parseRfc3339('2026-13-01T00:00:00Z')).toBeUndefined();
  });
});
