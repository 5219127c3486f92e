import { describe, expect, it } from 'vitest';
import { replicaSet, service, world } from './support';

/** A busy little script: scale, kill, faults, services, jitter. */
function run(seed: number) {
  const w = world({
    seed,
    behaviour: { 'demo:crash': { crashLoop: true } },
    config: { podStartupJitterMs: 700 },
  });
  const { clock, store, cluster } = w;
  store.create(service('web', { app: 'demo' }));
  store.create(replicaSet('web-a', 'aaa', 3, { revision: 1 }));
  clock.advanceBy(3000);
  store.create(replicaSet('web-b', 'bbb', 2, { revision: 2, image: 'demo:crash' }));
  clock.advanceBy(5000);
  cluster.killPods(1, 2);
  store.patch('ReplicaSet', 'default', 'web-a', { spec: { replicas: 5 } });
  clock.advanceBy(15_000);
  cluster.markPodsReady(2, 1);
  store.patch('ReplicaSet', 'default', 'web-a', { spec: { replicas: 1 } });
  clock.advanceBy(60_000);
  return { snapshot: store.snapshot(), actions: store.actions() };
}

describe('determinism', () => {
  it('same seed ⇒ identical snapshots and action log (seed 11)', () => {
    const a = run(11);
    const b = run(11);
    expect(JSON.stringify(a.snapshot)).toBe(JSON.stringify(b.snapshot));
    expect(JSON.stringify(a.actions)).toBe(JSON.stringify(b.actions));
    expect(a.actions.length).toBeGreaterThan(50);
  });

  it('a different seed gives different names', () => {
    const names = (seed: number) =>
      run(seed)
        .snapshot.filter((o) => o.kind === 'Pod')
        .map((o) => o.metadata?.name);
    expect(names(11)).not.toEqual(names(12));
  });
});
