import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReplicaSet } from '../../src/model/k8s';
import { controllerOf, isTerminating } from '../../src/cluster';
import { replicaSet, world } from './support';

type Op =
  | { kind: 'scale'; rs: number; replicas: number }
  | { kind: 'kill'; rs: number; n: number }
  | { kind: 'ready'; rs: number; n: number }
  | { kind: 'advance'; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('scale' as const),
    rs: fc.integer({ min: 0, max: 1 }),
    replicas: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('kill' as const),
    rs: fc.integer({ min: 0, max: 1 }),
    n: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('ready' as const),
    rs: fc.integer({ min: 0, max: 1 }),
    n: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 5000 }) }),
);

const COUNTERS = [
  'replicas',
  'fullyLabeledReplicas',
  'readyReplicas',
  'availableReplicas',
] as const;

describe('ReplicaSet invariants under random scale/kill/advance', () => {
  it('never negative counters; after settling status.replicas = non-terminating owned pods (seed 20260101)', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        (ops, seed) => {
          const { clock, store, cluster } = world({
            seed,
            behaviour: { 'demo:flaky': { crashLoop: true } },
            config: { podStartupJitterMs: 400 },
          });
          const hashes = ['aaa', 'bbb'];
          store.create(replicaSet('rs-a', 'aaa', 2, { revision: 1, minReadySeconds: 3 }));
          store.create(replicaSet('rs-b', 'bbb', 1, { revision: 2, image: 'demo:flaky' }));
          const ownedActive = (rs: ReplicaSet) =>
            store
              .peekList('Pod')
              .filter((p) => controllerOf(p)?.uid === rs.metadata?.uid && !isTerminating(p));
          const check = () => {
            for (const rs of store.peekList('ReplicaSet')) {
              for (const key of COUNTERS) expect(rs.status?.[key] ?? 0).toBeGreaterThanOrEqual(0);
              const s = rs.status!;
              expect(s.availableReplicas ?? 0).toBeLessThanOrEqual(s.readyReplicas ?? 0);
              expect(s.readyReplicas ?? 0).toBeLessThanOrEqual(s.replicas);
              // The fake controller reacts at the same virtual instant (pod events are coalesced
              // into one sync per instant), so these hold after every op once that instant settles.
              expect(s.replicas).toBe(ownedActive(rs).length);
              expect(s.replicas).toBe(rs.spec?.replicas);
            }
          };
          for (const o of ops) {
            if (o.kind === 'scale')
              store.patch('ReplicaSet', 'default', ['rs-a', 'rs-b'][o.rs], {
                spec: { replicas: o.replicas },
              });
            else if (o.kind === 'kill') cluster.killPods(hashes[o.rs], o.n);
            else if (o.kind === 'ready') cluster.markPodsReady(hashes[o.rs], o.n);
            else clock.advanceBy(o.ms);
            clock.advanceBy(0);
            check();
          }
          clock.advanceBy(10_000); // longer than startup + termination + minReadySeconds
          check();
          for (const rs of store.peekList('ReplicaSet')) {
            const owned = ownedActive(rs);
            expect(rs.status?.replicas).toBe(owned.length);
            expect(owned.length).toBe(rs.spec?.replicas);
            expect(rs.status?.observedGeneration).toBe(rs.metadata?.generation);
          }
          const stable = store.peek('ReplicaSet', 'default', 'rs-a')!;
          expect(stable.status?.availableReplicas ?? 0).toBe(stable.spec?.replicas);
        },
      ),
      { seed: 20260101, numRuns: 60 },
    );
  });
});
