import { describe, expect, it } from 'vitest';
import {
  MANAGED_BY_ROLLOUTS,
  removeServiceSelectorHash,
  setServiceSelectorHash,
} from '../../src/cluster';
import type { Endpoints } from '../../src/cluster';
import { podsWithHash, replicaSet, service, world } from './support';

const addresses = (ep: Endpoints | undefined) => ({
  ready: (ep?.subsets?.[0]?.addresses ?? []).map((a) => a.targetRef?.name),
  notReady: (ep?.subsets?.[0]?.notReadyAddresses ?? []).map((a) => a.targetRef?.name),
});

describe('Services and Endpoints', () => {
  it('Endpoints list only ready pods as addresses, with the resolved target port', () => {
    const { clock, store, cluster } = world();
    store.create(service('web', { app: 'demo' }));
    expect(store.get('Endpoints', 'default', 'web')).toMatchObject({ kind: 'Endpoints' });
    expect(store.get('Endpoints', 'default', 'web')?.subsets).toBeUndefined();

    store.create(replicaSet('web-a', 'aaa', 2));
    clock.advanceBy(1000); // Running with IPs, not ready
    const names = podsWithHash(store, 'aaa').map((p) => p.metadata?.name);
    expect(addresses(store.get('Endpoints', 'default', 'web'))).toEqual({
      ready: [],
      notReady: names,
    });

    clock.advanceBy(1000);
    const ep = store.get('Endpoints', 'default', 'web');
    expect(addresses(ep)).toEqual({ ready: names, notReady: [] });
    expect(ep?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual(['10.244.0.1', '10.244.0.2']);
    expect(ep?.subsets?.[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);

    cluster.killPods('aaa', 1);
    expect(addresses(store.get('Endpoints', 'default', 'web')).ready).toHaveLength(1);
  });

  it('a pod that becomes ready keeps its stored address object (moved, not copied)', () => {
    const { clock, store } = world();
    store.create(service('web', { app: 'demo' }));
    store.create(replicaSet('web-a', 'aaa', 1));
    clock.advanceBy(1000);
    const before = store.peek('Endpoints', 'default', 'web')!;
    const notReady = before.subsets![0].notReadyAddresses![0];
    const ports = before.subsets![0].ports;
    clock.advanceBy(1000);
    const after = store.peek('Endpoints', 'default', 'web')!;
    expect(after).not.toBe(before);
    expect(after.subsets![0].addresses![0]).toBe(notReady);
    expect(after.subsets![0].ports).toBe(ports);
    expect(after.subsets![0].notReadyAddresses).toBeUndefined();
  });

  it('a pod that arrives already running and ready, or a member leaving, changes the Endpoints', () => {
    const { clock, store } = world();
    store.create(service('web', { app: 'demo' }));
    store.create(replicaSet('web-a', 'aaa', 1));
    clock.advanceBy(2000);
    const managed = podsWithHash(store, 'aaa').map((p) => p.metadata?.name);
    expect(addresses(store.get('Endpoints', 'default', 'web')).ready).toEqual(managed);
    // A pod written with its status (no lifecycle to go through): in the list at once.
    store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a-manual', labels: { app: 'demo' } },
      spec: { containers: [{ name: 'c', image: 'x' }] },
      status: {
        phase: 'Running',
        podIP: '10.9.9.9',
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
    // Sorted by IP: 10.9.9.9 comes before the cluster's 10.244.0.x.
    expect(addresses(store.get('Endpoints', 'default', 'web')).ready).toEqual([
      'a-manual',
      ...managed,
    ]);
    store.delete('Pod', 'default', 'a-manual');
    expect(addresses(store.get('Endpoints', 'default', 'web')).ready).toEqual(managed);
  });

  it('setServiceSelectorHash injects the hash selector and managed-by annotation as a logged patch', () => {
    const { clock, store } = world();
    store.create(service('stable', { app: 'demo' }));
    store.create(replicaSet('web-a', 'aaa', 1));
    store.create(replicaSet('web-b', 'bbb', 1));
    clock.advanceBy(2000);
    expect(addresses(store.get('Endpoints', 'default', 'stable')).ready).toHaveLength(2);

    const seq = store.actions().length;
    const svc = setServiceSelectorHash(store, 'default', 'stable', 'bbb', 'web');
    expect(svc.spec?.selector).toEqual({ app: 'demo', 'rollouts-pod-template-hash': 'bbb' });
    expect(svc.metadata?.annotations).toEqual({ [MANAGED_BY_ROLLOUTS]: 'web' });
    const patch = store.actions(seq)[0];
    expect(patch).toMatchObject({ verb: 'patch', kind: 'Service', name: 'stable', t: 2000 });
    expect(patch.diff).toEqual([
      { path: `metadata.annotations["${MANAGED_BY_ROLLOUTS}"]`, to: 'web' },
      { path: 'spec.selector["rollouts-pod-template-hash"]', to: 'bbb' },
    ]);
    expect(addresses(store.get('Endpoints', 'default', 'stable')).ready).toEqual(
      podsWithHash(store, 'bbb').map((p) => p.metadata?.name),
    );

    // Same hash again: nothing is written.
    const n = store.actions().length;
    setServiceSelectorHash(store, 'default', 'stable', 'bbb', 'web');
    expect(store.actions()).toHaveLength(n);

    removeServiceSelectorHash(store, 'default', 'stable');
    expect(store.get('Service', 'default', 'stable')?.spec?.selector).toEqual({ app: 'demo' });
  });

  it('deleting a Service deletes its Endpoints; selector-less Services are left alone', () => {
    const { store } = world();
    store.create(service('web', { app: 'demo' }));
    store.delete('Service', 'default', 'web');
    expect(store.get('Endpoints', 'default', 'web')).toBeUndefined();
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'manual' },
      spec: { ports: [{ port: 80 }] },
    });
    expect(store.get('Endpoints', 'default', 'manual')).toBeUndefined();
  });
});
