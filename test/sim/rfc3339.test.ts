import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, epochMsFromRfc3339, rfc3339FromEpochMs } from '../../src/sim/rfc3339';

describe('rfc3339', () => {
  it.each([
    [DEFAULT_EPOCH_MS, '2026-01-01T00:00:00Z'],
    [0, '1970-01-01T00:00:00Z'],
    [951_782_400_000, '2000-02-29T00:00:00Z'],
    [DEFAULT_EPOCH_MS + 90_999, '2026-01-01T00:01:30Z'],
    [4_102_444_799_000, '2099-12-31T23:59:59Z'],
  ])('formats %d as %s', (ms, text) => {
    expect(rfc3339FromEpochMs(ms)).toBe(text);
    expect(epochMsFromRfc3339(text)).toBe(ms - (ms % 1000));
  });

  it('parses offsets and fractions', () => {
    expect(epochMsFromRfc3339('2026-01-01T02:00:00+02:00')).toBe(DEFAULT_EPOCH_MS);
    expect(epochMsFromRfc3339('2026-01-01T00:00:00.250Z')).toBe(DEFAULT_EPOCH_MS + 250);
    expect(epochMsFromRfc3339('yesterday')).toBeUndefined();
  });

  it('round-trips whole seconds (seed 7)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8_000_000_000 }), (sec) => {
        const ms = sec * 1000;
        expect(epochMsFromRfc3339(rfc3339FromEpochMs(ms))).toBe(ms);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
