import { describe, expect, it } from 'vitest';
import {
  allDesiredAreAvailable,
  allDesiredAreCreated,
  calculateReplicaCountsForBasicCanary,
  calculateReplicaCountsForCanary,
  calculateReplicaCountsForTrafficRoutedCanary,
  checkMinPodsPerReplicaSet,
  getReplicasForScaleDown,
  replicaProgressThresholdMet,
} from '../../src/kernels';
import {
  makeRS,
  makeWeights,
  newRollout,
  runAtDesiredCase,
  runCanaryCountsCase,
  runDynamicScaleCase,
} from './harness';
import { calculateReplicaCountsForCanaryCases } from './tables/calculateReplicaCountsForCanary';
import {
  allDesiredAreAvailableCases,
  atDesiredReplicaCountsCases,
  getReplicasForScaleDownCases,
  replicaProgressThresholdCases,
} from './tables/helpers';
import { dynamicScaleCases } from './tables/trafficRoutingDynamicScale';

function rsOrNull(rs: { spec: number | null; available: number } | null) {
  return rs && makeRS('rs', rs.spec, rs.available);
}

describe('TestCalculateReplicaCountsForCanary', () => {
  it.each(calculateReplicaCountsForCanaryCases)('$name', (c) => {
    expect(runCanaryCountsCase(c)).toEqual(c.expected);
  });
});

describe('TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale', () => {
  it.each(dynamicScaleCases)('$name', (c) => {
    expect(runDynamicScaleCase(c)).toEqual(c.expected);
  });
});

describe('single-assertion replica tests', () => {
  it('TestCalculateReplicaCountsForNewDeployment: same-named new and stable RS ⇒ no stable', () => {
    const rollout = newRollout({ replicas: 10, setWeight: 10, maxSurge: 0, maxUnavailable: 1 });
    const stableRS = makeRS('stable', 10, 0);
    const newRS = makeRS('stable', 10, 0);
    expect(calculateReplicaCountsForBasicCanary(rollout, newRS, stableRS, [])).toEqual({
      canary: 10,
      stable: 0,
    });
  });

  it('TestCalculateReplicaCountsForCanaryTrafficRouting: canary ceil(10%), stable stays R', () => {
    const rollout = newRollout({
      replicas: 10,
      setWeight: 10,
      maxSurge: 0,
      maxUnavailable: 1,
      trafficRouting: true,
    });
    expect(
      calculateReplicaCountsForTrafficRoutedCanary(rollout, undefined, undefined, undefined),
    ).toEqual({ canary: 1, stable: 10 });
  });

  it('TestCalculateReplicaCountsForCanaryStableRSdEdgeCases (call 1): no stable RS', () => {
    const rollout = newRollout({
      replicas: 10,
      setWeight: 10,
      maxSurge: 0,
      maxUnavailable: 1,
      currentPodHash: '',
      stablePodHash: '',
    });
    const newRS = makeRS('stable', 9, 9);
    expect(calculateReplicaCountsForBasicCanary(rollout, newRS, undefined, [])).toEqual({
      canary: 10,
      stable: 0,
    });
  });

  it('TestCalculateReplicaCountsForCanaryStableRSdEdgeCases (call 2): new RS is the stable RS', () => {
    const rollout = newRollout({
      replicas: 10,
      setWeight: 10,
      maxSurge: 0,
      maxUnavailable: 1,
      currentPodHash: '',
      stablePodHash: '',
    });
    const rs = makeRS('stable', 9, 9);
    expect(calculateReplicaCountsForBasicCanary(rollout, rs, rs, [])).toEqual({
      canary: 10,
      stable: 0,
    });
  });

  it("TestGetDesiredCanaryWeightOnAbortWithScaleDownDelay / 'stable scales to spec.Replicas once weight reaches zero'", () => {
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
    canary.abortScaleDownDelaySeconds = 30;
    rollout.status.abort = true;
    const counts = calculateReplicaCountsForTrafficRoutedCanary(
      rollout,
      makeRS('canary', 5, 5),
      makeRS('stable', 9, 9),
      makeWeights(10, 90),
    );
    expect(counts.stable).toBe(10);
    expect(counts.canary).toBe(1); // derived in the digest, not asserted by the Go test
  });
});

describe('calculateReplicaCountsForCanary dispatcher', () => {
  it('uses the basic algorithm without traffic routing and the TR one with it', () => {
    const basic = newRollout({ replicas: 10, setWeight: 30, maxSurge: 0, maxUnavailable: 5 });
    const tr = newRollout({
      replicas: 10,
      setWeight: 30,
      maxSurge: 0,
      maxUnavailable: 5,
      trafficRouting: true,
    });
    const stableRS = makeRS('stable', 10, 10);
    const canaryRS = makeRS('canary', 0, 0);
    expect(calculateReplicaCountsForCanary(basic, canaryRS, stableRS, [])).toEqual({
      canary: 0,
      stable: 7,
    });
    expect(calculateReplicaCountsForCanary(tr, canaryRS, stableRS, [])).toEqual({
      canary: 3,
      stable: 10,
    });
  });

  it('matches the Go doc-comment examples of CalculateReplicaCountsForBasicCanary', () => {
    const run = (r: number, w: number, surge: number, unavail: number) =>
      calculateReplicaCountsForBasicCanary(
        newRollout({ replicas: r, setWeight: w, maxSurge: surge, maxUnavailable: unavail }),
        makeRS('canary', 0, 0),
        makeRS('stable', r, r),
        [],
      );
    expect(run(10, 30, 3, 0)).toEqual({ canary: 3, stable: 10 });
    expect(run(10, 30, 0, 5)).toEqual({ canary: 0, stable: 7 });
    expect(run(1, 5, 1, 0)).toEqual({ canary: 1, stable: 1 });
    expect(run(1, 95, 1, 0)).toEqual({ canary: 1, stable: 1 });
  });
});

describe('checkMinPodsPerReplicaSet', () => {
  it('lifts non-zero counts to the minimum, capped at spec.replicas, only with TR', () => {
    const tr = newRollout({
      replicas: 10,
      setWeight: 5,
      maxSurge: 0,
      maxUnavailable: 1,
      trafficRouting: true,
    });
    const canary = tr.spec.strategy?.canary;
    if (!canary) throw new Error('unreachable');
    canary.minPodsPerReplicaSet = 3;
    expect(checkMinPodsPerReplicaSet(tr, 1)).toBe(3);
    expect(checkMinPodsPerReplicaSet(tr, 0)).toBe(0);
    expect(checkMinPodsPerReplicaSet(tr, 5)).toBe(5);
    tr.spec.replicas = 2;
    expect(checkMinPodsPerReplicaSet(tr, 1)).toBe(2);
    delete canary.trafficRouting;
    expect(checkMinPodsPerReplicaSet(tr, 1)).toBe(1);
  });
});

describe('TestGetReplicasForScaleDown', () => {
  it.each(getReplicasForScaleDownCases)('$name', (c) => {
    expect(getReplicasForScaleDown(rsOrNull(c.rs), c.ignoreAvailability)).toBe(c.want);
  });
});

describe('TestAllReplicaProgressThresholdMet', () => {
  it.each(replicaProgressThresholdCases)('$name', (c) => {
    expect(replicaProgressThresholdMet(c.threshold, rsOrNull(c.rs), c.desired)).toBe(c.want);
  });
});

describe('TestAllDesiredAreAvailable', () => {
  it.each(allDesiredAreAvailableCases)('$name', (c) => {
    expect(allDesiredAreAvailable(rsOrNull(c.rs), c.desired)).toBe(c.want);
  });
});

describe('allDesiredAreCreated', () => {
  it('compares spec and status.replicas, ignoring availability', () => {
    expect(allDesiredAreCreated(makeRS('s', 1, 0, { statusReplicas: 1 }), 1)).toBe(true);
    expect(allDesiredAreCreated(makeRS('s', 2, 2, { statusReplicas: 3 }), 2)).toBe(false);
    expect(allDesiredAreCreated(undefined, 0)).toBe(false);
  });
});

describe('TestAtDesiredReplicaCountsForCanary', () => {
  it.each(atDesiredReplicaCountsCases)('$name', (c) => {
    expect(runAtDesiredCase(c)).toBe(c.want);
  });
});
