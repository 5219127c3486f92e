import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../src/model/k8s';
import {
  getScaledValueFromIntOrPercent,
  getValueFromIntOrPercent,
  maxSurge,
  maxUnavailable,
  resolveFenceposts,
} from '../../src/kernels';
import { rolloutFrom } from './harness';

function canary(replicas: number | undefined, fields: object = {}): Rollout {
  return rolloutFrom({
    spec: { ...(replicas === undefined ? {} : { replicas }), strategy: { canary: fields } },
  });
}

describe('getValueFromIntOrPercent (lenient, as Argo uses it)', () => {
  it('treats every string as a percentage, "%" or not', () => {
    expect(getValueFromIntOrPercent('25', 10, true)).toBe(3);
    expect(getValueFromIntOrPercent('25%', 10, false)).toBe(2);
    expect(getValueFromIntOrPercent(4, 10, true)).toBe(4);
    expect(getValueFromIntOrPercent('0%', 10, true)).toBe(0);
  });
  it('rejects non-integers and undefined', () => {
    expect(() => getValueFromIntOrPercent('1.5%', 10, true)).toThrow(/invalid value/);
    expect(() => getValueFromIntOrPercent('abc', 10, true)).toThrow(/invalid value/);
    expect(() => getValueFromIntOrPercent(undefined, 10, true)).toThrow(/nil value/);
  });
});

describe('getScaledValueFromIntOrPercent (strict)', () => {
  it('requires a trailing %', () => {
    expect(getScaledValueFromIntOrPercent('10%', 5, false)).toBe(0);
    expect(getScaledValueFromIntOrPercent('10%', 5, true)).toBe(1);
    expect(() => getScaledValueFromIntOrPercent('10', 5, true)).toThrow(/not a percentage/);
  });
});

describe('resolveFenceposts', () => {
  it('rounds surge up and unavailable down; both zero ⇒ unavailable 1', () => {
    expect(resolveFenceposts('25', '25', 5)).toEqual({ surge: 2, unavailable: 1 });
    expect(resolveFenceposts('0%', '0%', 10)).toEqual({ surge: 0, unavailable: 1 });
    expect(resolveFenceposts(undefined, undefined, 10)).toEqual({ surge: 0, unavailable: 1 });
  });
  it('reports malformed values as an error with zero counts', () => {
    expect(resolveFenceposts('x', 1, 10)).toMatchObject({ surge: 0, unavailable: 0 });
    expect(resolveFenceposts('x', 1, 10).error).toMatch(/invalid value/);
  });
});

describe('maxSurge / maxUnavailable (digest §7.1)', () => {
  it.each([
    [5, 2, 1],
    [10, 3, 2],
    [1, 1, 0],
    [4, 1, 1],
  ])('defaults 25%%/25%% with R=%i ⇒ surge %i, unavailable %i', (r, surge, unavailable) => {
    expect(maxSurge(canary(r))).toBe(surge);
    expect(maxUnavailable(canary(r))).toBe(unavailable);
  });

  it('spec.replicas unset counts as 1', () => {
    expect(maxSurge(canary(undefined))).toBe(1);
    expect(maxUnavailable(canary(undefined))).toBe(0);
  });

  it('caps maxUnavailable at R and returns 0 for R=0', () => {
    expect(maxUnavailable(canary(2, { maxUnavailable: 5 }))).toBe(2);
    expect(maxUnavailable(canary(0, { maxUnavailable: 5 }))).toBe(0);
  });

  it('"10%" of R=5 floors to 0 but surge still ceils to 1', () => {
    const r = canary(5, { maxSurge: '10%', maxUnavailable: '10%' });
    expect(maxSurge(r)).toBe(1);
    expect(maxUnavailable(r)).toBe(0);
  });

  it('blue-green: no surge; maxUnavailable floors its own value without the both-zero rule', () => {
    const bg = rolloutFrom({
      spec: { replicas: 10, strategy: { blueGreen: { activeService: 'a', maxUnavailable: '0%' } } },
    });
    expect(maxSurge(bg)).toBe(0);
    expect(maxUnavailable(bg)).toBe(0);
    const bgDefault = rolloutFrom({
      spec: { replicas: 10, strategy: { blueGreen: { activeService: 'a' } } },
    });
    expect(maxUnavailable(bgDefault)).toBe(2);
  });
});
