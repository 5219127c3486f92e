import { describe, expect, it } from 'vitest';
import { isPodReady, podDisplayStatus, podRestarts } from '../../src/cluster';
import { IMAGE, podsWithHash, replicaSet, world } from './support';

const HASH = 'abc123';
const BAD = 'example/bad:v2';

describe('faults', () => {
  it('crashLoop: Running, then CrashLoopBackOff with kubelet back-off; never Ready', () => {
    const { clock, store, cluster } = world({ behaviour: { [BAD]: { crashLoop: true } } });
    store.create(replicaSet('bad', HASH, 1, { image: BAD }));
    const pod = () => podsWithHash(store, HASH)[0];
    const trace: [number, string, number][] = [];
    const unwatch = store.watch('Pod', () => {
      const p = pod();
      const entry: [number, string, number] = [clock.now(), podDisplayStatus(p), podRestarts(p)];
      const last = trace.at(-1);
      if (last === undefined || last[1] !== entry[1] || last[2] !== entry[2]) trace.push(entry);
    });
    clock.advanceBy(200_000);
    unwatch();
    expect(trace).toEqual([
      [0, 'ContainerCreating', 0],
      [1000, 'Running', 0],
      [2000, 'CrashLoopBackOff', 0],
      [12_000, 'Running', 1], // back-off 10 s
      [13_000, 'CrashLoopBackOff', 1],
      [33_000, 'Running', 2], // 20 s
      [34_000, 'CrashLoopBackOff', 2],
      [74_000, 'Running', 3], // 40 s
      [75_000, 'CrashLoopBackOff', 3],
      [155_000, 'Running', 4], // 80 s
      [156_000, 'CrashLoopBackOff', 4],
    ]);
    expect(store.get('ReplicaSet', 'default', 'bad')?.status?.readyReplicas).toBeUndefined();
    expect(pod().status?.containerStatuses?.[0].lastState?.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });

    // Fixing the image: the pod recovers at its next restart.
    cluster.setBehaviour(BAD, { crashLoop: false });
    clock.advanceBy(160_000 + 1000);
    expect(isPodReady(pod())).toBe(true);
    expect(podRestarts(pod())).toBe(5);
  });

  it('image pull error: ErrImagePull, then ImagePullBackOff, retried with back-off', () => {
    const { clock, store, cluster } = world({ behaviour: { [BAD]: { imagePullError: true } } });
    store.create(replicaSet('bad', HASH, 1, { image: BAD }));
    const status = () => podDisplayStatus(podsWithHash(store, HASH)[0]);
    clock.advanceBy(1000);
    expect(status()).toBe('ErrImagePull');
    clock.advanceBy(999);
    expect(status()).toBe('ErrImagePull');
    clock.advanceBy(1);
    expect(status()).toBe('ImagePullBackOff');
    clock.advanceBy(10_000);
    expect(status()).toBe('ErrImagePull'); // retried after 10 s, failed again
    clock.advanceBy(1000);
    expect(status()).toBe('ImagePullBackOff');
    expect(
      cluster.store.peek('Pod', 'default', podsWithHash(store, HASH)[0].metadata!.name!)?.status
        ?.phase,
    ).toBe('Pending');

    // The pull works again: next retry (20 s) → ContainerCreating → Running → Ready.
    cluster.setBehaviour(BAD, { imagePullError: false });
    clock.advanceBy(20_000);
    expect(status()).toBe('ContainerCreating');
    clock.advanceBy(2000);
    expect(isPodReady(podsWithHash(store, HASH)[0])).toBe(true);
  });

  it('`pullable: false` is an alias of imagePullError', () => {
    const { clock, store } = world({ behaviour: { [BAD]: { pullable: false } } });
    store.create(replicaSet('bad', HASH, 1, { image: BAD }));
    clock.advanceBy(2000);
    expect(podDisplayStatus(podsWithHash(store, HASH)[0])).toBe('ImagePullBackOff');
  });

  it('neverReady: Running but never Ready; markPodsReady overrides it', () => {
    const { clock, store, cluster } = world({ behaviour: { [BAD]: { neverReady: true } } });
    store.create(replicaSet('bad', HASH, 3, { image: BAD, revision: 2 }));
    clock.advanceBy(60_000);
    expect(podsWithHash(store, HASH).map(podDisplayStatus)).toEqual([
      'Running',
      'Running',
      'Running',
    ]);
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(0);
    expect(cluster.markPodsReady(2, 2)).toHaveLength(2);
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(2);
    clock.advanceBy(60_000);
    expect(store.get('ReplicaSet', 'default', 'bad')?.status).toMatchObject({ readyReplicas: 2 });
  });

  it('a Ready pod whose image turns neverReady drops out after 30 s', () => {
    const { clock, store, cluster } = world();
    store.create(replicaSet('web', HASH, 1));
    clock.advanceBy(2000);
    cluster.setBehaviour(IMAGE, { neverReady: true });
    clock.advanceBy(29_999);
    expect(isPodReady(podsWithHash(store, HASH)[0])).toBe(true);
    clock.advanceBy(1);
    expect(isPodReady(podsWithHash(store, HASH)[0])).toBe(false);
  });

  it('per-image startupMs and podStartupJitterMs', () => {
    const { clock, store } = world({
      behaviour: { [BAD]: { startupMs: 45_000 } },
      config: { podStartupJitterMs: 500 },
    });
    store.create(replicaSet('slow', HASH, 1, { image: BAD }));
    store.create(replicaSet('fast', 'fff', 20));
    clock.advanceBy(1499);
    expect(podsWithHash(store, 'fff').filter(isPodReady)).toHaveLength(0);
    clock.advanceBy(1001);
    expect(podsWithHash(store, 'fff').filter(isPodReady)).toHaveLength(20);
    clock.advanceBy(45_000 - 2500 - 501);
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(0);
    clock.advanceBy(1002);
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(1);
  });
});

describe('levers', () => {
  it('killPods deletes pods of a revision; the ReplicaSet recreates them under new names', () => {
    const { clock, store, cluster } = world();
    store.create(replicaSet('web', HASH, 3, { revision: 4 }));
    clock.advanceBy(2000);
    const before = podsWithHash(store, HASH).map((p) => p.metadata!.name!);
    const killed = cluster.killPods(4, 2);
    expect(killed).toHaveLength(2);
    clock.advanceBy(0); // the ReplicaSet controller reacts at the same instant
    expect(store.get('ReplicaSet', 'default', 'web')?.status).toMatchObject({
      replicas: 3,
      readyReplicas: 1,
    });
    clock.advanceBy(2000);
    const after = podsWithHash(store, HASH).map((p) => p.metadata!.name!);
    expect(after).toHaveLength(3);
    expect(after.filter((n) => killed.includes(n))).toEqual([]);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(2);
    expect(store.get('ReplicaSet', 'default', 'web')?.status).toMatchObject({ readyReplicas: 3 });
    expect(cluster.resolveHash(4)).toBe(HASH);
    expect(cluster.resolveHash('4')).toBe(HASH);
    expect(cluster.resolveHash(HASH)).toBe(HASH);
  });

  it('setReadinessDelay re-times waiting pods from when they started waiting', () => {
    const { clock, store, cluster } = world();
    store.create(replicaSet('web', HASH, 1));
    clock.advanceBy(1500); // Running since 1000, would be Ready at 2000
    cluster.setReadinessDelay(HASH, 5000);
    clock.advanceBy(4499);
    expect(isPodReady(podsWithHash(store, HASH)[0])).toBe(false);
    clock.advanceBy(1);
    expect(isPodReady(podsWithHash(store, HASH)[0])).toBe(true);
  });

  it('apply creates, then replaces keeping status', () => {
    const { store, cluster } = world();
    cluster.apply(replicaSet('web', HASH, 1));
    const status = store.get('ReplicaSet', 'default', 'web')?.status;
    cluster.apply(replicaSet('web', HASH, 2));
    expect(store.get('ReplicaSet', 'default', 'web')?.spec?.replicas).toBe(2);
    expect(store.get('ReplicaSet', 'default', 'web')?.metadata?.generation).toBe(2);
    expect(status?.replicas).toBe(1);
  });
});
