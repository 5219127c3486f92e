import { describe, expect, it } from 'vitest';
import {
  durationFromPause,
  durationFromScenario,
  durationFromString,
  parseGoDuration,
  pauseDurationSeconds,
} from '../../src/model/index';

describe('parseGoDuration (Go time.ParseDuration)', () => {
  it.each([
    ['0', 0n],
    ['+0', 0n],
    ['-0', 0n],
    ['10s', 10_000_000_000n],
    ['1m30s', 90_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['300ms', 300_000_000n],
    ['2h45m', 9_900_000_000_000n],
    ['1ns', 1n],
    ['1us', 1_000n],
    ['1\u00b5s', 1_000n],
    ['1\u03bcs', 1_000n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['+5m', 300_000_000_000n],
    ['1h1m1s1ms', 3_661_001_000_000n],
    ['0.000000001s', 1n],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n],
    ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
  ])('accepts %j', (text, ns) => {
    expect(parseGoDuration(text)).toEqual({ kind: 'ok', ns });
  });

  it.each([
    ['', 'invalid duration'],
    ['-', 'invalid duration'],
    ['10', 'missing unit'],
    ['1.5', 'missing unit'],
    ['10x', 'unknown unit "x"'],
    ['10 s', 'unknown unit " s"'],
    ['1S', 'unknown unit "S"'],
    ['1d', 'unknown unit "d"'],
    ['s', 'invalid duration'],
    ['.s', 'invalid duration'],
    ['1h-1m', 'unknown unit "h-"'],
    ['9223372036854775808ns', 'invalid duration'],
    ['99999999999999999999h', 'invalid duration'],
    [' 10s', 'invalid duration'],
  ])('rejects %j', (text, fragment) => {
    const r = parseGoDuration(text);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toContain(fragment);
  });
});

describe('durationFromString (DurationString, e.g. metric interval)', () => {
  it('gives milliseconds, keeping sub-millisecond parts', () => {
    expect(durationFromString('5m')).toEqual({ kind: 'ok', ms: 300_000 });
    expect(durationFromString('1500us')).toEqual({ kind: 'ok', ms: 1.5 });
  });
  it('does not accept a bare number (no unit), unlike pause durations', () => {
    expect(durationFromString('10').kind).toBe('error');
  });
});

describe('pauseDurationSeconds (RolloutPause.DurationSeconds)', () => {
  it.each([
    [undefined, 0],
    [null, 0],
    [10, 10],
    [0, 0],
    [-5, -5],
    ['10', 10],
    ['+10', 10],
    ['-10', -10],
    ['0', 0],
    ['10s', 10],
    ['1m', 60],
    ['1h', 3600],
    ['1.9s', 1],
    ['500ms', 0],
    ['-0.5s', 0],
    ['-2s', -2],
    ['10x', -1],
    ['', -1],
    ['abc', -1],
    ['2147483648', -1], // beyond int32: ParseInt fails, then ParseDuration ("missing unit")
    ['1000000h', -1], // beyond int32 seconds
    [1.5, -1],
    [true, -1],
  ])('%j → %d', (value, seconds) => {
    expect(pauseDurationSeconds(value)).toBe(seconds);
  });
});

describe('durationFromPause', () => {
  it.each([
    [10, 10_000],
    ['10', 10_000],
    ['1m30s', 90_000],
    ['1.5s', 1_000],
    [0, 0],
  ])('%j → %d ms', (value, ms) => {
    expect(durationFromPause(value)).toEqual({ kind: 'ok', ms });
  });
  it.each([[-1], ['-5s'], ['10x'], [''], [1.5], [{}], [undefined]])('%j is an error', (value) => {
    expect(durationFromPause(value).kind).toBe('error');
  });
  it('uses Argo message for negative durations', () => {
    expect(durationFromPause(-3)).toEqual({
      kind: 'error',
      message: 'Duration needs to be greater than 0',
    });
  });
});

describe('durationFromScenario', () => {
  it.each([
    [10, 10_000],
    ['10', 10_000],
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['2h', 7_200_000],
    ['1.5s', 1_500],
  ])('%j → %d ms', (value, ms) => {
    expect(durationFromScenario(value)).toEqual({ kind: 'ok', ms });
  });
  it.each([[-1], [1.5], ['-10s'], ['10us'], ['10x'], [''], [null], ['1d']])(
    '%j is an error',
    (value) => {
      expect(durationFromScenario(value).kind).toBe('error');
    },
  );
});
