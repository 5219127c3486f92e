import { describe, expect, it } from 'vitest';
import { cloneJson, deepFreeze, diffJson, jsonEqual, mergePatch } from '../../src/cluster';

describe('mergePatch (RFC 7386 appendix A)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, result) => {
    const frozen = deepFreeze(cloneJson(target));
    expect(mergePatch(frozen, patch)).toEqual(result);
  });
});

describe('diffJson', () => {
  it('lists changed leaves with JS paths', () => {
    const a = {
      metadata: { labels: { app: 'x' }, annotations: { 'argo-rollouts.argoproj.io/x': '1' } },
      spec: { replicas: 1, selector: { app: 'x' } },
      status: { conditions: [{ type: 'Ready', status: 'False' }] },
    };
    const b = {
      metadata: { labels: { app: 'x', tier: 'web' }, annotations: {} },
      spec: { replicas: 3, selector: { app: 'x' } },
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'X', status: 'True' },
        ],
      },
    };
    expect(diffJson(a, b)).toEqual([
      { path: 'metadata.annotations["argo-rollouts.argoproj.io/x"]', from: '1' },
      { path: 'metadata.annotations', to: {} },
      { path: 'metadata.labels.tier', to: 'web' },
      { path: 'spec.replicas', from: 1, to: 3 },
      { path: 'status.conditions[0].status', from: 'False', to: 'True' },
      { path: 'status.conditions[1].status', to: 'True' },
      { path: 'status.conditions[1].type', to: 'X' },
    ]);
  });

  it('expands a changed shape into leaves and skips paths', () => {
    expect(diffJson({ a: 1, m: { rv: '1' } }, { a: { b: 2 }, m: { rv: '2' } }, ['m.rv'])).toEqual([
      { path: 'a', from: 1 },
      { path: 'a.b', to: 2 },
    ]);
    expect(diffJson({ x: [1, 2] }, { x: [1] })).toEqual([{ path: 'x[1]', from: 2 }]);
    expect(diffJson({ x: 1 }, { x: 1 })).toEqual([]);
  });

  it('jsonEqual ignores key order and undefined', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(
      true,
    );
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
  });
});
