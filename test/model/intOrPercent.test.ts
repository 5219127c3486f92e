import { describe, expect, it } from 'vitest';
import {
  intValueOfIntOrString,
  parseIntOrPercent,
  scaledValueFromIntOrPercent,
} from '../../src/model/index';

describe('parseIntOrPercent', () => {
  it.each([
    [10, { kind: 'int', value: 10 }],
    [0, { kind: 'int', value: 0 }],
    ['25%', { kind: 'percent', percent: 25 }],
    ['25', { kind: 'percent', percent: 25 }], // Argo's quirk: every string is a percentage
    ['0%', { kind: 'percent', percent: 0 }],
    ['100%', { kind: 'percent', percent: 100 }],
    ['-10%', { kind: 'percent', percent: -10 }],
  ])('%j', (input, value) => {
    expect(parseIntOrPercent(input)).toEqual({ kind: 'ok', value });
  });
  it.each([[''], ['abc'], ['2.5%'], ['%'], [' 5%'], [1.5], [null], [true], [{}]])(
    '%j is an error',
    (input) => {
      expect(parseIntOrPercent(input).kind).toBe('error');
    },
  );
});

describe('scaledValueFromIntOrPercent (GetScaledValueFromIntOrPercent)', () => {
  it.each([
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['25', 5, true, 2],
    ['25', 5, false, 1],
    ['25', 1, true, 1],
    ['25', 1, false, 0],
    ['10%', 5, false, 0],
    [3, 10, true, 3],
    [3, 10, false, 3],
    ['100%', 7, false, 7],
    ['50%', 0, true, 0],
  ])('%j of %d (roundUp %s) → %d', (value, total, roundUp, expected) => {
    expect(scaledValueFromIntOrPercent(value, total, roundUp)).toEqual({
      kind: 'ok',
      value: expected,
    });
  });
  it('reports invalid strings', () => {
    const r = scaledValueFromIntOrPercent('x%', 10, true);
    expect(r.kind).toBe('error');
  });
});

describe('intValueOfIntOrString (IntOrString.IntValue)', () => {
  it.each([
    [5, 5],
    ['5', 5],
    ['-1', -1],
    ['abc', 0],
    ['5%', 0],
    [undefined, 0],
  ])('%j → %d', (value, expected) => {
    expect(intValueOfIntOrString(value)).toBe(expected);
  });
});
