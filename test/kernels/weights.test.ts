import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../src/model/k8s';
import {
  approximateWeightedCanaryStableReplicaCounts,
  calculateDesiredWeightOnAbortOrStableRollback,
  getDesiredCanaryWeight,
  trafficWeightToReplicas,
} from '../../src/kernels';
import { makeRS, newRollout } from './harness';
import {
  approximateCaseName,
  approximateCases,
} from './tables/approximateWeightedCanaryStableReplicaCounts';
import { abortWeightCases } from './tables/desiredCanaryWeightOnAbort';
import { trafficWeightToReplicasCases } from './tables/helpers';

/** The rollout of TestGetDesiredCanaryWeightOnAbortWithScaleDownDelay. */
function abortRollout(abortDelay: number | undefined): Rollout {
  const rollout = newRollout({
    replicas: 10,
    setWeight: 10,
    maxSurge: 1,
    maxUnavailable: 0,
    trafficRouting: true,
  });
  const canary = rollout.spec.strategy?.canary;
  if (!canary || !rollout.status) throw new Error('unreachable');
  canary.steps = [{ setWeight: 10 }, { setWeight: 50 }];
  canary.dynamicStableScale = true;
  if (abortDelay !== undefined) canary.abortScaleDownDelaySeconds = abortDelay;
  rollout.status.abort = true;
  return rollout;
}

describe('TestApproximateWeightedNewStableReplicaCounts', () => {
  it.each(approximateCases.map((c) => [approximateCaseName(c), c] as const))('%s', (_, c) => {
    const [replicas, weight, maxWeight, maxSurge, canary, stable] = c;
    expect(
      approximateWeightedCanaryStableReplicaCounts(replicas, weight, maxWeight, maxSurge),
    ).toEqual({ canary, stable });
  });

  it('reproduces the digest §7.3 examples', () => {
    const run = (r: number, w: number, surge: number) =>
      approximateWeightedCanaryStableReplicaCounts(r, w, 100, surge);
    expect(run(10, 41, 0)).toEqual({ canary: 4, stable: 6 });
    expect(run(10, 45, 0)).toEqual({ canary: 5, stable: 5 });
    expect(run(10, 45, 1)).toEqual({ canary: 5, stable: 6 });
    expect(run(10, 5, 0)).toEqual({ canary: 1, stable: 9 });
    expect(run(10, 5, 1)).toEqual({ canary: 1, stable: 10 });
    expect(run(5, 50, 0)).toEqual({ canary: 3, stable: 2 });
    expect(run(3, 50, 0)).toEqual({ canary: 2, stable: 1 });
  });

  it('measures weights against maxTrafficWeight', () => {
    expect(approximateWeightedCanaryStableReplicaCounts(10, 200, 1000, 0)).toEqual({
      canary: 2,
      stable: 8,
    });
  });
});

describe('TestTrafficWeightToReplicas', () => {
  it.each(trafficWeightToReplicasCases)(
    'R=%i weight %i of %i → %i',
    (replicas, weight, maxWeight, expected) => {
      expect(trafficWeightToReplicas(replicas, weight, maxWeight)).toBe(expected);
    },
  );
});

describe('TestGetDesiredCanaryWeightOnAbortWithScaleDownDelay', () => {
  it.each(abortWeightCases)('$name', (c) => {
    const rollout = abortRollout(c.abortDelay);
    const canaryRS = makeRS('canary', 5, 5);
    const stableRS = makeRS('stable', c.stableAvailable, c.stableAvailable);
    expect(getDesiredCanaryWeight(rollout, canaryRS, stableRS)).toBe(c.expectedWeight);
  });

  it('returns 0 when either ReplicaSet is missing', () => {
    expect(getDesiredCanaryWeight(abortRollout(undefined), undefined, makeRS('s', 9, 9))).toBe(0);
  });
});

describe('calculateDesiredWeightOnAbortOrStableRollback (digest §9.3)', () => {
  it('is 0 at once without dynamicStableScale', () => {
    const rollout = abortRollout(undefined);
    const canary = rollout.spec.strategy?.canary;
    if (!canary) throw new Error('unreachable');
    canary.dynamicStableScale = false;
    expect(
      calculateDesiredWeightOnAbortOrStableRollback(
        rollout,
        makeRS('canary', 5, 5),
        makeRS('stable', 5, 5),
        50,
      ),
    ).toBe(0);
  });

  it('steps down the ladder but keeps the recorded weight until the stable caught up', () => {
    const rollout = abortRollout(undefined);
    const canaryRS = makeRS('canary', 5, 5);
    // stable 9/9: ladder 10, stable covers 90 % ⇒ min(10, 50) = 10
    expect(
      calculateDesiredWeightOnAbortOrStableRollback(rollout, canaryRS, makeRS('stable', 9, 9), 50),
    ).toBe(10);
    // stable 5/5: ladder 10 (need max(5, 5)), but 5 < ceil(10·90/100) = 9 ⇒ keep 50
    expect(
      calculateDesiredWeightOnAbortOrStableRollback(rollout, canaryRS, makeRS('stable', 5, 5), 50),
    ).toBe(50);
    // no recorded weights ⇒ max(expected 100 − 50 = 50, ladder 10) = 50
    expect(
      calculateDesiredWeightOnAbortOrStableRollback(rollout, canaryRS, makeRS('stable', 5, 5)),
    ).toBe(50);
  });

  it('falls to min(expected, recorded) when the ladder is exhausted, and 0 for R=0', () => {
    const rollout = abortRollout(30);
    const canaryRS = makeRS('canary', 5, 5);
    expect(
      calculateDesiredWeightOnAbortOrStableRollback(rollout, canaryRS, makeRS('stable', 9, 9), 50),
    ).toBe(10);
    rollout.spec.replicas = 0;
    expect(
      calculateDesiredWeightOnAbortOrStableRollback(rollout, canaryRS, makeRS('stable', 0, 0), 50),
    ).toBe(0);
  });
});
