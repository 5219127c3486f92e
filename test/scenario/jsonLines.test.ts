/**
 * The --json recorder reports a rollout's record when it changed, and only then. Stored objects
 * are frozen and replaced on every write, so the recorder may skip states in which none of the
 * objects a record reads (Rollout, ReplicaSet, Service, AnalysisRun) was replaced; these tests
 * pin both sides of that shortcut.
 */
import { describe, expect, it } from 'vitest';
import { createRolloutRecorder, type KubeObject } from '../../src/scenario';
import { basicCanary, blueGreen, service } from './kubeFixtures';

/** deepFreeze freezes a fixture as the store freezes what it hands out. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const frozen = (objects: KubeObject[]): readonly KubeObject[] =>
  Object.freeze(objects.map((o) => deepFreeze(structuredClone(o))));

/** replace returns a new frozen list with `index` replaced by `next` (a new stored version). */
function replace(objects: readonly KubeObject[], index: number, next: KubeObject) {
  const out = [...objects];
  out[index] = deepFreeze(next);
  return Object.freeze(out);
}

const indexOf = (objects: readonly KubeObject[], kind: string) =>
  objects.findIndex((o) => o.kind === kind);

function withStatus(o: KubeObject, status: Record<string, unknown>): KubeObject {
  return { ...o, status: { ...(o.status as object), ...status } };
}

describe('createRolloutRecorder', () => {
  it('reports every rollout on the first call', () => {
    const rec = createRolloutRecorder();
    const records = rec.record(frozen(basicCanary()), 0);
    expect(records.map((r) => r.name)).toEqual(['demo', 'other']);
  });

  it('reports nothing when only pods changed (a new pod version, a new pod)', () => {
    const rec = createRolloutRecorder();
    const s0 = frozen(basicCanary());
    rec.record(s0, 0);
    const p = indexOf(s0, 'Pod');
    const s1 = replace(s0, p, withStatus(s0[p], { phase: 'Failed' }));
    expect(rec.record(s1, 1000)).toEqual([]);
    const s2 = Object.freeze([...s1, deepFreeze({ ...s1[p], metadata: { name: 'extra' } })]);
    expect(rec.record(s2, 2000)).toEqual([]);
  });

  it('reports the rollout when its status changed, with the new time', () => {
    const rec = createRolloutRecorder();
    const s0 = frozen(basicCanary());
    rec.record(s0, 0);
    const r = indexOf(s0, 'Rollout');
    const s1 = replace(s0, r, withStatus(s0[r], { message: 'something new' }));
    const records = rec.record(s1, 5000);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ t: 5000, message: 'something new' });
  });

  it('reports a ReplicaSet counter change', () => {
    const rec = createRolloutRecorder();
    const s0 = frozen(basicCanary());
    const before = rec.record(s0, 0)[0];
    const i = s0.findIndex((o) => o.metadata?.name === 'demo-aaa');
    const s1 = replace(s0, i, withStatus(s0[i], { readyReplicas: 0, availableReplicas: 0 }));
    const after = rec.record(s1, 1000);
    expect(after).toHaveLength(1);
    expect(after[0].replicaSets).not.toEqual(before.replicaSets);
  });

  it('reports a blue-green role change when only a Service selector moved', () => {
    const rec = createRolloutRecorder();
    const s0 = frozen(blueGreen());
    const before = rec.record(s0, 0)[0];
    expect(before.replicaSets.map((rs) => rs.role)).toEqual(['preview', 'active']);
    // Promotion as the Services see it: bg-active now selects the new hash.
    const active = s0.findIndex((o) => o.kind === 'Service' && o.metadata?.name === 'bg-active');
    const s1 = replace(s0, active, service('bg-active', 'bbb'));
    const after = rec.record(s1, 1000);
    expect(after).toHaveLength(1);
    expect(after[0].replicaSets.map((rs) => rs.role)).toEqual(['active', 'old']);
  });

  it('reports nothing for a new version with the same content (records compare by value)', () => {
    const rec = createRolloutRecorder();
    const s0 = frozen(basicCanary());
    rec.record(s0, 0);
    const r = indexOf(s0, 'Rollout');
    const s1 = replace(s0, r, structuredClone(s0[r]));
    expect(rec.record(s1, 1000)).toEqual([]);
  });

  it('compares lists that are not frozen by value, every time', () => {
    const rec = createRolloutRecorder();
    const s0 = basicCanary();
    expect(rec.record(s0, 0)).toHaveLength(2);
    expect(rec.record(s0, 1000)).toEqual([]);
    const r = indexOf(s0, 'Rollout');
    // A caller's own (unfrozen) list may be edited in place: no identity shortcut applies.
    (s0[r].status as Record<string, unknown>).message = 'edited in place';
    expect(rec.record(s0, 2000)).toHaveLength(1);
  });
});
