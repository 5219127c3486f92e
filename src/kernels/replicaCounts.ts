// Mirrors the replica arithmetic of argo-rollouts utils/replicaset/canary.go:
// CalculateReplicaCountsForBasicCanary / ...ForTrafficRoutedCanary, GetReplicasForScaleDown,
// CheckMinPodsPerReplicaSet, ReplicaProgressThresholdMet and AtDesiredReplicaCountsForCanary.
import type { CanaryStrategy, Rollout, TrafficWeights } from '../model/k8s';
import type { MaybeReplicaSet } from './replicaSets';
import type { CanaryStableCounts } from './weights';
import { getMaxTrafficWeight, getReplicasOrDefault } from './defaults';
import { maxSurge, maxUnavailable } from './fenceposts';
import {
  availableReplicas,
  checkStableRSExists,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  specReplicas,
  statusReplicas,
} from './replicaSets';
import { getCanaryReplicasOrWeight } from './steps';
import {
  approximateWeightedCanaryStableReplicaCounts,
  getDesiredCanaryWeight,
  trafficWeightToReplicas,
} from './weights';

/** `spec.strategy.canary.replicaProgressThreshold` as written in YAML. */
export type ReplicaProgressThreshold = NonNullable<CanaryStrategy['replicaProgressThreshold']>;

/**
 * GetReplicasForScaleDown returns how many of a ReplicaSet's pods count toward availability when
 * deciding a scale-down: `spec.replicas` if that is below the available count (surplus pods are
 * about to go) or when availability is ignored, else the available count; 0 for no RS.
 *
 * Example: spec 3, available 5 → 3; spec 3, available 2 → 2, or 3 when ignoring availability.
 */
export function getReplicasForScaleDown(rs: MaybeReplicaSet, ignoreAvailability: boolean): number {
  if (!rs) return 0;
  const spec = specReplicas(rs);
  if (spec < availableReplicas(rs)) return spec;
  return ignoreAvailability ? spec : availableReplicas(rs);
}

/** Drains `drainRS` toward `desired`, using at most `scaleDownCount` of the budget. */
function calculateScaleDownReplicaCount(
  drainRS: MaybeReplicaSet,
  desired: number,
  scaleDownCount: number,
  current: number,
): number {
  if (drainRS && specReplicas(drainRS) > desired) {
    return Math.max(desired, specReplicas(drainRS) - scaleDownCount);
  }
  return current;
}

/**
 * Pulls the adjusted side back under the surge cap, gives back pods it needs to stay above the
 * minimum availability, and takes any remaining overshoot from the drained side.
 * Returns [drainCount, adjustCount].
 */
function adjustReplicaWithinLimits(
  drainRS: MaybeReplicaSet,
  adjustRS: MaybeReplicaSet,
  drainCount: number,
  adjustCount: number,
  maxReplicaCountAllowed: number,
  minAvailableReplicaCount: number,
): [number, number] {
  let overTheLimit = Math.max(0, adjustCount + drainCount - maxReplicaCountAllowed);
  let totalAvailable = 0;
  if (drainRS) totalAvailable += Math.min(availableReplicas(drainRS), drainCount);
  if (adjustRS) {
    adjustCount -= overTheLimit;
    totalAvailable += Math.min(availableReplicas(adjustRS), adjustCount);
    const lostAvailability = Math.max(0, availableReplicas(adjustRS) - adjustCount);
    const stillNeeded = Math.max(0, minAvailableReplicaCount - totalAvailable);
    adjustCount += Math.min(lostAvailability, stillNeeded);
    overTheLimit = Math.max(0, adjustCount + drainCount - maxReplicaCountAllowed);
    drainCount -= overTheLimit;
  }
  return [drainCount, adjustCount];
}

/**
 * CalculateReplicaCountsForBasicCanary returns the next {canary, stable} `spec.replicas` for a
 * canary without traffic routing. Targets come from
 * {@link approximateWeightedCanaryStableReplicaCounts}; scale-ups (stable first) stay within
 * R + maxSurge; nothing shrinks while older ReplicaSets still have replicas; scale-downs keep at
 * least R − maxUnavailable pods available. Without a distinct stable RS the target is {R, 0}.
 *
 * Example: R=5, setWeight 20, default 25 %/25 % → surge 2, unavailable 1, target 1/4; from
 * canary 0, stable 5: room 7 − 5 = 2 → canary 0→1; 6 available > minimum 4 → stable 5→4 →
 * {canary: 1, stable: 4}.
 */
export function calculateReplicaCountsForBasicCanary(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  olderRSs: readonly MaybeReplicaSet[],
): CanaryStableCounts {
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  const { weight } = getCanaryReplicasOrWeight(rollout);
  const surge = maxSurge(rollout);
  const target = approximateWeightedCanaryStableReplicaCounts(
    replicas,
    weight,
    getMaxTrafficWeight(rollout),
    surge,
  );
  let desiredNew = target.canary;
  let desiredStable = target.stable;

  const currentNew = newRS ? specReplicas(newRS) : 0;
  const scaleStable = checkStableRSExists(newRS, stableRS);
  const currentStable = scaleStable && stableRS ? specReplicas(stableRS) : 0;
  if (!scaleStable) {
    desiredNew = replicas;
    desiredStable = 0;
  }
  let nextNew = currentNew;
  let nextStable = currentStable;

  const maxReplicaCountAllowed = replicas + surge;
  const counted = [...olderRSs, newRS, ...(scaleStable ? [stableRS] : [])];
  let scaleUpCount = maxReplicaCountAllowed - getReplicaCountForReplicaSets(counted);

  if (scaleStable && currentStable < desiredStable && scaleUpCount > 0) {
    if (currentStable + scaleUpCount < desiredStable) {
      nextStable = currentStable + scaleUpCount;
      scaleUpCount = 0;
    } else {
      nextStable = desiredStable;
      scaleUpCount -= desiredStable - currentStable;
    }
  }
  if (newRS && currentNew < desiredNew && scaleUpCount > 0) {
    nextNew = Math.min(desiredNew, currentNew + scaleUpCount);
  }

  if (getReplicaCountForReplicaSets(olderRSs) > 0) {
    return { canary: nextNew, stable: nextStable };
  }

  const minAvailable = replicas - maxUnavailable(rollout);
  const isIncreasing = !newRS || desiredNew >= currentNew;
  const countable =
    getReplicasForScaleDown(newRS, !isIncreasing) + getReplicasForScaleDown(stableRS, isIncreasing);
  if (countable <= minAvailable) return { canary: nextNew, stable: nextStable };

  const scaleDownCount = countable - minAvailable;
  if (!isIncreasing) {
    nextNew = calculateScaleDownReplicaCount(newRS, desiredNew, scaleDownCount, nextNew);
    [nextNew, nextStable] = adjustReplicaWithinLimits(
      newRS,
      stableRS,
      nextNew,
      nextStable,
      maxReplicaCountAllowed,
      minAvailable,
    );
  } else if (scaleStable) {
    nextStable = calculateScaleDownReplicaCount(
      stableRS,
      desiredStable,
      scaleDownCount,
      nextStable,
    );
    [nextStable, nextNew] = adjustReplicaWithinLimits(
      stableRS,
      newRS,
      nextStable,
      nextNew,
      maxReplicaCountAllowed,
      minAvailable,
    );
  }
  return { canary: nextNew, stable: nextStable };
}

/**
 * CheckMinPodsPerReplicaSet lifts a non-zero pod count to `canary.minPodsPerReplicaSet` (capped
 * at `spec.replicas`); it only applies with traffic routing.
 *
 * Example: TR, minPodsPerReplicaSet 2, R=10, count 1 → 2; R=1 → min(2, 1) = 1; count 0 → 0.
 */
export function checkMinPodsPerReplicaSet(rollout: Rollout, count: number): number {
  if (count === 0) return count;
  const canary = rollout.spec.strategy?.canary;
  const minPods = canary?.minPodsPerReplicaSet;
  if (minPods === undefined || !canary?.trafficRouting) return count;
  return Math.max(count, Math.min(minPods, getReplicasOrDefault(rollout.spec.replicas)));
}

/**
 * CalculateReplicaCountsForTrafficRoutedCanary returns the desired {canary, stable} pods with
 * traffic routing. The canary is sized to the weight (rounded up) or to setCanaryScale, ignoring
 * maxSurge/maxUnavailable; the stable stays at R unless dynamicStableScale, where it covers the
 * larger of the desired and the recorded stable weight — while aborting, the desired side is the
 * next rung of the abort ladder and the canary keeps what its recorded weight needs.
 *
 * Example: R=10, setWeight 10 → {canary: ceil(1) = 1, stable: 10}; dynamic, setWeight 20,
 * recorded weights 10/90 → canary 2, stable max(ceil(8), ceil(9)) = 9 → {canary: 2, stable: 9}.
 */
export function calculateReplicaCountsForTrafficRoutedCanary(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  weights?: TrafficWeights | null,
): CanaryStableCounts {
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  const maxWeight = getMaxTrafficWeight(rollout);
  const desired = getCanaryReplicasOrWeight(rollout);
  let canary =
    desired.replicas ??
    checkMinPodsPerReplicaSet(
      rollout,
      trafficWeightToReplicas(replicas, desired.weight, maxWeight),
    );
  if (!rollout.spec.strategy?.canary?.dynamicStableScale) {
    return { canary, stable: replicas };
  }

  const aborted = rollout.status?.abort === true;
  let stableSideCanaryWeight = desired.weight;
  if (aborted && weights) {
    stableSideCanaryWeight = getDesiredCanaryWeight(rollout, newRS, stableRS);
  }
  let stable = trafficWeightToReplicas(replicas, maxWeight - stableSideCanaryWeight, maxWeight);
  if (weights) {
    stable = Math.max(stable, trafficWeightToReplicas(replicas, weights.stable.weight, maxWeight));
    if (aborted) {
      canary = Math.max(
        canary,
        trafficWeightToReplicas(replicas, weights.canary.weight, maxWeight),
      );
    }
  }
  return {
    canary: checkMinPodsPerReplicaSet(rollout, canary),
    stable: checkMinPodsPerReplicaSet(rollout, stable),
  };
}

/**
 * CalculateReplicaCountsForCanary dispatches to the traffic-routed or basic calculation,
 * depending on whether `canary.trafficRouting` is set.
 *
 * Example: basic canary R=10, setWeight 20, maxSurge 2, maxUnavailable 0, stable 10, canary 0 →
 * {canary: 2, stable: 10}; the same with trafficRouting → {canary: 2, stable: 10} (no surge cap).
 */
export function calculateReplicaCountsForCanary(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  olderRSs: readonly MaybeReplicaSet[],
  weights?: TrafficWeights | null,
): CanaryStableCounts {
  if (rollout.spec.strategy?.canary?.trafficRouting) {
    return calculateReplicaCountsForTrafficRoutedCanary(rollout, newRS, stableRS, weights);
  }
  return calculateReplicaCountsForBasicCanary(rollout, newRS, stableRS, olderRSs);
}

/**
 * AllDesiredAreAvailable reports whether a ReplicaSet is sized to `desired` and has exactly
 * that many available pods (missing `spec.replicas` counts as 1).
 *
 * Example: spec 10, available 10, desired 10 → true; available 9 → false; no RS → false.
 */
export function allDesiredAreAvailable(rs: MaybeReplicaSet, desired: number): boolean {
  return !!rs && desired === specReplicas(rs) && desired === availableReplicas(rs);
}

/**
 * AllDesiredAreCreated reports whether a ReplicaSet is sized to `desired` and has exactly that
 * many pods (`status.replicas`, ready or not).
 *
 * Example: spec 1, status.replicas 1, available 0, desired 1 → true; status.replicas 3 → false.
 */
export function allDesiredAreCreated(rs: MaybeReplicaSet, desired: number): boolean {
  return !!rs && desired === specReplicas(rs) && desired === statusReplicas(rs);
}

/**
 * ReplicaProgressThresholdMet reports whether a ReplicaSet made enough progress toward
 * `desired`: without a threshold (or with a negative value) all desired pods must be available
 * at the desired size; type Pods needs `available ≥ value`; type Percent needs
 * available/desired ≥ value % (always met when desired is 0). No ReplicaSet → false.
 *
 * Example: {Percent, 90}, 9 of 10 available → true; {Pods, 8}, 7 available → false; no
 * threshold, spec 5, available 10, desired 10 → false.
 */
export function replicaProgressThresholdMet(
  threshold: ReplicaProgressThreshold | null | undefined,
  rs: MaybeReplicaSet,
  desired: number,
): boolean {
  if (!rs) return false;
  if (!threshold || threshold.value < 0) return allDesiredAreAvailable(rs, desired);
  const available = availableReplicas(rs);
  switch (threshold.type) {
    case 'Pods':
    case 'Pod':
      return available >= threshold.value;
    case 'Percent':
    case 'Percentage':
      // Integer comparison of available/desired·100 ≥ value, free of float rounding.
      return desired === 0 || available * 100 >= threshold.value * desired;
    default:
      return allDesiredAreAvailable(rs, desired);
  }
}

/**
 * AtDesiredReplicaCountsForCanary reports whether a setWeight/setCanaryScale step has converged:
 * the canary meets the replica progress threshold at its desired count; the stable has exactly
 * its desired pods (skipped for traffic routing with dynamicStableScale); and, for basic canary,
 * older ReplicaSets have no available pods.
 *
 * Example: basic, R=4, setWeight 75, surge 1, unavailable 1 → desired 3/1; canary 3/3 available,
 * stable spec 1 with 1 pod (0 available) → true; canary with only 1 of 2 available → false.
 */
export function atDesiredReplicaCountsForCanary(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  olderRSs: readonly MaybeReplicaSet[],
  weights?: TrafficWeights | null,
): boolean {
  const canaryStrategy = rollout.spec.strategy?.canary;
  const trafficRouted = !!canaryStrategy?.trafficRouting;
  const desired = trafficRouted
    ? calculateReplicaCountsForTrafficRoutedCanary(rollout, newRS, stableRS, weights)
    : calculateReplicaCountsForBasicCanary(rollout, newRS, stableRS, olderRSs);
  if (
    !replicaProgressThresholdMet(canaryStrategy?.replicaProgressThreshold, newRS, desired.canary)
  ) {
    return false;
  }
  if (!trafficRouted || !canaryStrategy?.dynamicStableScale) {
    if (!allDesiredAreCreated(stableRS, desired.stable)) return false;
  }
  if (!trafficRouted && getAvailableReplicaCountForReplicaSets(olderRSs) !== 0) return false;
  return true;
}
