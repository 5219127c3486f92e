import { describe, expect, it } from 'vitest';
import { isEmptySelector, matchesSelector } from '../../src/cluster';
import type { SelectorLike } from '../../src/cluster';

const labels = { app: 'web', tier: 'front', 'rollouts-pod-template-hash': 'abc' };

describe('matchesSelector', () => {
  it.each<[string, SelectorLike, boolean]>([
    ['plain map, match', { app: 'web' }, true],
    ['plain map, two keys', { app: 'web', 'rollouts-pod-template-hash': 'abc' }, true],
    ['plain map, wrong value', { app: 'api' }, false],
    ['plain map, missing key', { env: 'prod' }, false],
    ['empty plain map matches everything', {}, true],
    ['matchLabels', { matchLabels: { tier: 'front' } }, true],
    ['matchLabels, mismatch', { matchLabels: { tier: 'back' } }, false],
    ['In', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, true],
    [
      'In, absent key',
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['x'] }] },
      false,
    ],
    ['NotIn', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, false],
    [
      'NotIn, absent key',
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['x'] }] },
      true,
    ],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['Exists, absent', { matchExpressions: [{ key: 'env', operator: 'Exists' }] }, false],
    ['DoesNotExist', { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, true],
    [
      'DoesNotExist, present',
      { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] },
      false,
    ],
    [
      'matchLabels AND matchExpressions',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }],
      },
      false,
    ],
    [
      'unknown operator selects nothing',
      { matchExpressions: [{ key: 'app', operator: 'Gt' }] },
      false,
    ],
    ['empty LabelSelector matches everything', { matchLabels: {} }, true],
  ])('%s', (_name, selector, expected) => {
    expect(matchesSelector(labels, selector)).toBe(expected);
  });

  it('isEmptySelector', () => {
    expect(isEmptySelector(undefined)).toBe(true);
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {} })).toBe(true);
    expect(isEmptySelector({ app: 'x' })).toBe(false);
  });
});
