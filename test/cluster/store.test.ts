import { describe, expect, it } from 'vitest';
import { ClusterError, createObjectStore } from '../../src/cluster';
import type { KubeObject, WatchEvent } from '../../src/cluster';
import type { ReplicaSet } from '../../src/model/k8s';
import { createRng, createVirtualClock } from '../../src/sim';

function newStore() {
  const clock = createVirtualClock();
  const store = createObjectStore({ clock, rng: createRng(3) });
  return { clock, store };
}

const cm = (
  name: string,
  data: Record<string, string> = {},
): KubeObject & { data: Record<string, string> } => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

const rs = (name: string, replicas = 1): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } } },
});

describe('object store', () => {
  it('create fills identity: namespace, uid, resourceVersion, generation, creationTimestamp', () => {
    const { clock, store } = newStore();
    clock.advanceBy(1500);
    const created = store.create(rs('web'));
    expect(created.metadata).toMatchObject({
      name: 'web',
      namespace: 'default',
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2026-01-01T00:00:01.500Z',
    });
    expect(created.metadata?.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(store.create(cm('c')).metadata).not.toHaveProperty('generation');
    expect(store.resourceVersion()).toBe('2');
    expect(() => store.create(rs('web'))).toThrow(ClusterError);
  });

  it('generateName draws a 5-character suffix from the k8s alphabet', () => {
    const { store } = newStore();
    const a = store.create<KubeObject>({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { generateName: 'web-abc-' },
    });
    expect(a.metadata?.name).toMatch(/^web-abc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('generation follows spec changes, not status or metadata writes', () => {
    const { store } = newStore();
    store.create(rs('web'));
    const u1 = store.update({
      ...store.get('ReplicaSet', 'default', 'web')!,
      status: { replicas: 1 },
    });
    expect(u1.metadata?.generation).toBe(1);
    const u2 = store.patch('ReplicaSet', 'default', 'web', { metadata: { labels: { x: 'y' } } });
    expect(u2.metadata?.generation).toBe(1);
    const u3 = store.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 3 } });
    expect(u3.metadata?.generation).toBe(2);
    const u4 = store.updateStatus({ ...u3, spec: { replicas: 9 }, status: { replicas: 3 } });
    expect(u4.metadata?.generation).toBe(2);
    expect(u4.spec?.replicas).toBe(3); // updateStatus ignores the spec it was given
    expect(u4.status?.replicas).toBe(3);
  });

  it('update without status keeps the stored status', () => {
    const { store } = newStore();
    store.create(rs('web'));
    store.updateStatus({ ...store.get('ReplicaSet', 'default', 'web')!, status: { replicas: 1 } });
    const { status: _dropped, ...specOnly } = store.get('ReplicaSet', 'default', 'web')!;
    store.update({ ...specOnly, spec: { ...specOnly.spec!, replicas: 2 } });
    const out = store.get('ReplicaSet', 'default', 'web');
    expect(out?.status).toEqual({ replicas: 1 });
    expect(out?.spec?.replicas).toBe(2);
  });

  it('rejects a stale resourceVersion and keeps server-owned identity', () => {
    const { store } = newStore();
    const first = store.create(rs('web'));
    store.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 2 } });
    expect(() => store.update(first)).toThrow(/has been modified/);
    const fresh = store.get('ReplicaSet', 'default', 'web')!;
    const out = store.update({ ...fresh, metadata: { ...fresh.metadata, uid: 'forged' } });
    expect(out.metadata?.uid).toBe(first.metadata?.uid);
    expect(() => store.patch('ReplicaSet', 'default', 'nope', {})).toThrow(
      expect.objectContaining({ code: 'NotFound' }),
    );
  });

  it('merge patch: null deletes, objects merge, arrays replace; no-op patches write nothing', () => {
    const { store } = newStore();
    store.create({ ...cm('c', { a: '1', b: '2' }), metadata: { name: 'c', labels: { x: '1' } } });
    const out = store.patch('ConfigMap', 'default', 'c', {
      data: { a: null, c: '3' },
    }) as ReturnType<typeof cm>;
    expect(out.data).toEqual({ b: '2', c: '3' });
    const before = store.actions().length;
    store.patch('ConfigMap', 'default', 'c', { data: { b: '2' } });
    expect(store.actions()).toHaveLength(before);
  });

  it('records every write in the action log with leaf diffs', () => {
    const { clock, store } = newStore();
    store.create(rs('web'));
    clock.advanceBy(10);
    store.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 2 } });
    store.updateStatus({ ...store.get('ReplicaSet', 'default', 'web')!, status: { replicas: 2 } });
    store.delete('ReplicaSet', 'default', 'web');
    const log = store.actions();
    expect(log.map((a) => [a.seq, a.t, a.verb, a.kind, a.name, a.subresource])).toEqual([
      [1, 0, 'create', 'ReplicaSet', 'web', undefined],
      [2, 10, 'patch', 'ReplicaSet', 'web', undefined],
      [3, 10, 'update', 'ReplicaSet', 'web', 'status'],
      [4, 10, 'delete', 'ReplicaSet', 'web', undefined],
    ]);
    expect(log[0].diff).toContainEqual({ path: 'spec.replicas', to: 1 });
    expect(log[0].diff.some((c) => c.path === 'metadata.resourceVersion')).toBe(false);
    expect(log[1].diff).toEqual([
      { path: 'metadata.generation', from: 1, to: 2 },
      { path: 'spec.replicas', from: 1, to: 2 },
    ]);
    expect(log[2].diff).toEqual([{ path: 'status.replicas', to: 2 }]);
    expect(log[3]).toMatchObject({ diff: [], resourceVersion: '' });
    expect(store.actions(3)).toHaveLength(1);
  });

  it('a frozen subtree handed in is stored as it is; an unfrozen one is copied', () => {
    const { store } = newStore();
    const template = store.createShared(rs('web')).spec;
    const copy = store.createShared({ ...rs('copy'), spec: template });
    expect(copy.spec).toBe(template);
    const own = { replicas: 3 };
    const mine = store.createShared({ ...rs('mine'), spec: own });
    expect(mine.spec).not.toBe(own);
    expect(Object.isFrozen(mine.spec)).toBe(true);
    own.replicas = 4;
    expect(store.peek('ReplicaSet', 'default', 'mine')!.spec).toEqual({ replicas: 3 });
  });

  it('action log entries are frozen; a lazy diff is computed once, frozen, and serialised', () => {
    const { store } = newStore();
    store.create(rs('web'));
    store.patch(
      'ReplicaSet',
      'default',
      'web',
      { status: { replicas: 1 } },
      {
        subresource: 'status',
      },
    );
    const [created, patched] = store.actions();
    expect(Object.isFrozen(patched)).toBe(true);
    expect(() => {
      (patched as { name: string }).name = 'other';
    }).toThrow(TypeError);
    const diff = patched.diff;
    expect(diff).toEqual([{ path: 'status.replicas', to: 1 }]);
    expect(patched.diff).toBe(diff);
    expect(Object.isFrozen(diff) && Object.isFrozen(diff[0])).toBe(true);
    // JSON carries every field, diff included, and subresource only when there is one.
    expect(JSON.parse(JSON.stringify(patched))).toEqual({
      seq: 2,
      t: 0,
      verb: 'patch',
      kind: 'ReplicaSet',
      namespace: 'default',
      name: 'web',
      subresource: 'status',
      resourceVersion: '2',
      diff: [{ path: 'status.replicas', to: 1 }],
    });
    expect(Object.keys(JSON.parse(JSON.stringify(created)))).toEqual([
      'seq',
      't',
      'verb',
      'kind',
      'namespace',
      'name',
      'resourceVersion',
      'diff',
    ]);
  });

  it('graceful delete marks deletionTimestamp and removes at the end of the grace period', () => {
    const { clock, store } = newStore();
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    const seen: string[] = [];
    store.watch('Pod', (e) => seen.push(e.type));
    store.delete('Pod', 'default', 'p', { gracePeriodMs: 1000 });
    const p = store.get('Pod', 'default', 'p')!;
    expect(p.metadata).toMatchObject({
      deletionTimestamp: '2026-01-01T00:00:01Z',
      deletionGracePeriodSeconds: 1,
      generation: 2,
    });
    expect(
      store
        .actions()
        .at(-1)
        ?.diff.map((c) => c.path),
    ).toEqual([
      'metadata.deletionGracePeriodSeconds',
      'metadata.deletionTimestamp',
      'metadata.generation',
    ]);
    clock.advanceBy(999);
    expect(store.get('Pod', 'default', 'p')).toBeDefined();
    clock.advanceBy(1);
    expect(store.get('Pod', 'default', 'p')).toBeUndefined();
    expect(seen).toEqual(['MODIFIED', 'DELETED']);
    expect(store.delete('Pod', 'default', 'p')).toBe(false);
  });

  it('reads are copies; stored objects and watch events are frozen', () => {
    const { store } = newStore();
    store.create(rs('web'));
    const copy = store.get('ReplicaSet', 'default', 'web')!;
    copy.spec!.replicas = 99;
    expect(store.get('ReplicaSet', 'default', 'web')?.spec?.replicas).toBe(1);
    const peeked = store.peek('ReplicaSet', 'default', 'web')!;
    expect(Object.isFrozen(peeked.spec)).toBe(true);
    expect(() => {
      (peeked.spec as { replicas: number }).replicas = 5;
    }).toThrow(TypeError);
  });

  it('patchShared writes like patch but returns the stored, frozen object', () => {
    const { store } = newStore();
    store.create(rs('web'));
    const out = store.patchShared('ReplicaSet', 'default', 'web', { spec: { replicas: 3 } });
    expect(out).toBe(store.peek('ReplicaSet', 'default', 'web'));
    expect(out.spec?.replicas).toBe(3);
    expect(Object.isFrozen(out) && Object.isFrozen(out.spec)).toBe(true);
    const status = store.patchShared(
      'ReplicaSet',
      'default',
      'web',
      { status: { replicas: 3 }, spec: { replicas: 9 } },
      { subresource: 'status' },
    );
    expect(status.spec?.replicas).toBe(3);
    expect(status.status?.replicas).toBe(3);
    expect(
      store.actions().map((a) => `${a.verb}${a.subresource ? '/' + a.subresource : ''}`),
    ).toEqual(['create', 'patch', 'patch/status']);
  });

  it('list filters by namespace and selector, sorted by key; ownedBy follows ownerReferences', () => {
    const { store } = newStore();
    const owner = store.create(rs('owner'));
    store.create({ ...cm('b'), metadata: { name: 'b', labels: { tier: 'x' } } });
    store.create({
      ...cm('a'),
      metadata: { name: 'a', namespace: 'other', labels: { tier: 'x' } },
    });
    store.create({
      ...cm('c'),
      metadata: {
        name: 'c',
        labels: { tier: 'y' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'owner', uid: owner.metadata!.uid! },
        ],
      },
    });
    expect(store.list('ConfigMap').map((o) => o.metadata?.name)).toEqual(['b', 'c', 'a']);
    expect(store.list('ConfigMap', { namespace: 'default' }).map((o) => o.metadata?.name)).toEqual([
      'b',
      'c',
    ]);
    expect(
      store
        .list('ConfigMap', {
          labelSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['x'] }] },
        })
        .map((o) => o.metadata?.name),
    ).toEqual(['b', 'a']);
    expect(store.ownedBy(owner.metadata!.uid!).map((o) => o.metadata?.name)).toEqual(['c']);
    expect(store.snapshot().map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'ConfigMap/b',
      'ConfigMap/c',
      'ConfigMap/a',
      'ReplicaSet/owner',
    ]);
  });

  it('watches fire in mutation order, writes from handlers are queued, unsubscribe works', () => {
    const { store } = newStore();
    const log: string[] = [];
    const first = (e: WatchEvent) => {
      log.push(`A:${e.type}:${e.object.kind}/${e.object.metadata?.name}`);
      if (e.object.kind === 'ReplicaSet' && e.type === 'ADDED')
        store.create(cm(`for-${e.object.metadata?.name}`));
    };
    store.watch('*', first);
    const stop = store.watch('ConfigMap', (e) =>
      log.push(`B:${e.type}:${e.object.metadata?.name}`),
    );
    store.create(rs('web'));
    store.create(cm('x'));
    stop();
    stop();
    store.delete('ConfigMap', 'default', 'x');
    expect(log).toEqual([
      'A:ADDED:ReplicaSet/web',
      'A:ADDED:ConfigMap/for-web',
      'B:ADDED:for-web',
      'A:ADDED:ConfigMap/x',
      'B:ADDED:x',
      'A:DELETED:ConfigMap/x',
    ]);
  });

  it('a throwing watcher does not starve the others; the error surfaces', () => {
    const { store } = newStore();
    const seen: string[] = [];
    store.watch('*', () => {
      throw new Error('boom');
    });
    store.watch('*', (e) => seen.push(e.type));
    expect(() => store.create(cm('x'))).toThrow('boom');
    expect(seen).toEqual(['ADDED']);
  });
});
