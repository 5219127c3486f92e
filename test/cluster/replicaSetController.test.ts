import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/model/k8s';
import { compareActivePods, isPodReady, podDisplayStatus } from '../../src/cluster';
import { podsWithHash, replicaSet, scale, ts, world } from './support';

const HASH = '6f646bf7b7';

describe('ReplicaSet controller', () => {
  it('scales 0→3: pods are created at once and Ready at exactly the startup time', () => {
    const { clock, store } = world();
    store.create(replicaSet('web-6f646bf7b7', HASH, 0));
    expect(podsWithHash(store, HASH)).toHaveLength(0);
    expect(store.get('ReplicaSet', 'default', 'web-6f646bf7b7')?.status).toEqual({
      replicas: 0,
      observedGeneration: 1,
    });

    scale(store, 'web-6f646bf7b7', 3);
    const pods = podsWithHash(store, HASH);
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata?.name).toMatch(/^web-6f646bf7b7-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata?.labels?.['rollouts-pod-template-hash']).toBe(HASH);
      expect(pod.metadata?.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'ReplicaSet', name: 'web-6f646bf7b7', controller: true }),
      ]);
      expect(pod.spec?.nodeName).toMatch(/^node-\d$/);
    }
    expect(store.get('ReplicaSet', 'default', 'web-6f646bf7b7')?.status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      observedGeneration: 2,
    });

    clock.advanceBy(0);
    expect(podsWithHash(store, HASH).map(podDisplayStatus)).toEqual(
      Array(3).fill('ContainerCreating'),
    );
    clock.advanceBy(1000);
    expect(podsWithHash(store, HASH).map(podDisplayStatus)).toEqual(Array(3).fill('Running'));
    clock.advanceBy(999);
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(0);
    expect(
      store.get('ReplicaSet', 'default', 'web-6f646bf7b7')?.status?.readyReplicas,
    ).toBeUndefined();

    clock.advanceBy(1);
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(3);
    expect(store.get('ReplicaSet', 'default', 'web-6f646bf7b7')?.status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 2,
    });
  });

  it('scales 3→1 deleting the pods Ready for the least time first', () => {
    const { clock, store } = world();
    store.create(replicaSet('web', HASH, 1));
    const first = podsWithHash(store, HASH)[0].metadata!.name!;
    clock.advanceBy(500);
    scale(store, 'web', 2);
    const second = podsWithHash(store, HASH).find((p) => p.metadata?.name !== first)!.metadata!
      .name!;
    clock.advanceBy(3500);
    scale(store, 'web', 3);
    const third = podsWithHash(store, HASH).find((p) => !isPodReady(p))!.metadata!.name!;
    clock.advanceBy(2000); // Ready at 2000, 2500 and 6000
    expect(podsWithHash(store, HASH).filter(isPodReady)).toHaveLength(3);

    scale(store, 'web', 1);
    const terminating = podsWithHash(store, HASH).filter((p) => p.metadata?.deletionTimestamp);
    expect(terminating.map((p) => p.metadata?.name).sort()).toEqual([second, third].sort());
    expect(terminating.map(podDisplayStatus)).toEqual(['Terminating', 'Terminating']);
    expect(store.get('ReplicaSet', 'default', 'web')?.status).toMatchObject({
      replicas: 1,
      readyReplicas: 1,
    });
    clock.advanceBy(1000);
    expect(podsWithHash(store, HASH).map((p) => p.metadata?.name)).toEqual([first]);
  });

  it('scale-down prefers pods still starting over Ready ones', () => {
    const { clock, store } = world();
    store.create(replicaSet('web', HASH, 1));
    clock.advanceBy(2000);
    const readyName = podsWithHash(store, HASH)[0].metadata?.name;
    scale(store, 'web', 3);
    clock.advanceBy(1000); // two more Running, not ready
    scale(store, 'web', 1);
    clock.advanceBy(1000);
    expect(podsWithHash(store, HASH).map((p) => p.metadata?.name)).toEqual([readyName]);
  });

  it('availableReplicas waits minReadySeconds after Ready', () => {
    const { clock, store } = world();
    store.create(replicaSet('web', HASH, 2, { minReadySeconds: 10 }));
    clock.advanceBy(2000);
    const status = () => store.get('ReplicaSet', 'default', 'web')?.status;
    expect(status()).toMatchObject({ readyReplicas: 2 });
    expect(status()?.availableReplicas).toBeUndefined();
    clock.advanceBy(9_999);
    expect(status()?.availableReplicas).toBeUndefined();
    clock.advanceBy(1);
    expect(status()).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it('recreates pods that are deleted, and counts only non-terminating pods', () => {
    const { clock, store } = world();
    store.create(replicaSet('web', HASH, 2));
    clock.advanceBy(2000);
    const victim = podsWithHash(store, HASH)[0].metadata!.name!;
    store.delete('Pod', 'default', victim, { gracePeriodMs: 1000 });
    expect(podsWithHash(store, HASH)).toHaveLength(2); // not yet: the controller reacts after the change
    clock.advanceBy(0);
    const pods = podsWithHash(store, HASH);
    expect(pods).toHaveLength(3);
    expect(store.get('ReplicaSet', 'default', 'web')?.status).toMatchObject({
      replicas: 2,
      readyReplicas: 1,
    });
  });

  it('deleting a ReplicaSet garbage-collects its pods', () => {
    const { clock, store } = world();
    store.create(replicaSet('web', HASH, 2));
    store.delete('ReplicaSet', 'default', 'web');
    expect(podsWithHash(store, HASH).every((p) => p.metadata?.deletionTimestamp)).toBe(true);
    clock.advanceBy(1000);
    expect(podsWithHash(store, HASH)).toHaveLength(0);
  });
});

describe('compareActivePods (k8s ActivePods order)', () => {
  const pod = (
    name: string,
    o: {
      node?: string;
      phase?: string;
      readyAt?: number;
      restarts?: number;
      created?: number;
      cost?: string;
    },
  ): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      creationTimestamp: ts(o.created ?? 0),
      ...(o.cost === undefined
        ? {}
        : { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } }),
    },
    spec: { nodeName: o.node ?? 'node-1', containers: [] },
    status: {
      phase: (o.phase ?? 'Running') as 'Running',
      conditions:
        o.readyAt === undefined
          ? []
          : [{ type: 'Ready', status: 'True', lastTransitionTime: ts(o.readyAt) }],
      containerStatuses: [
        {
          name: 'c',
          image: 'i',
          imageID: '',
          ready: o.readyAt !== undefined,
          restartCount: o.restarts ?? 0,
        },
      ],
    },
  });

  it.each<[string, Pod, Pod]>([
    ['unassigned before assigned', pod('a', { node: '' }), pod('b', {})],
    ['Pending before Running', pod('a', { phase: 'Pending' }), pod('b', {})],
    ['Unknown before Running', pod('a', { phase: 'Unknown' }), pod('b', {})],
    ['not ready before ready', pod('a', {}), pod('b', { readyAt: 0 })],
    ['lower deletion cost first', pod('a', { readyAt: 0, cost: '-5' }), pod('b', { readyAt: 0 })],
    ['ready more recently first', pod('a', { readyAt: 5000 }), pod('b', { readyAt: 1000 })],
    ['more restarts first', pod('a', { restarts: 3 }), pod('b', { restarts: 1 })],
    ['newer first', pod('a', { created: 2000 }), pod('b', { created: 1000 })],
    ['name as the last tie-break', pod('a', {}), pod('b', {})],
  ])('%s', (_name, first, second) => {
    expect(compareActivePods(first, second)).toBeLessThan(0);
    expect(compareActivePods(second, first)).toBeGreaterThan(0);
  });
});
