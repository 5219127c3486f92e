// Mirrors the weight arithmetic of argo-rollouts utils/replicaset/canary.go
// (approximateWeightedCanaryStableReplicaCounts, trafficWeightToReplicas, GetDesiredCanaryWeight)
// and the abort weight of rollout/trafficrouting.go (calculateDesiredWeightOnAbortOrStableRollback).
import type { Rollout } from '../model/k8s';
import type { MaybeReplicaSet } from './replicaSets';
import {
  getAbortScaleDownDelaySecondsOrDefault,
  getMaxTrafficWeight,
  getReplicasOrDefault,
} from './defaults';
import { availableReplicas } from './replicaSets';

/** A canary / stable pod-count pair: the shape every replica-count kernel returns. */
export interface CanaryStableCounts {
  readonly canary: number;
  readonly stable: number;
}

/** Go's math.Modf fractional part for non-negative inputs. */
function fraction(x: number): number {
  return x - Math.trunc(x);
}

/** True when `total` pods split at `weight` land exactly half-way between two pod counts. */
function floorCeilingTied(weight: number, total: number, maxWeight: number): boolean {
  return fraction(total * (weight / maxWeight)) === 0.5;
}

/** Distance between the weight `canary` of `total` pods represents and the desired weight. */
function weightDelta(weight: number, canary: number, total: number, maxWeight: number): number {
  return Math.abs((canary * maxWeight) / total - weight);
}

/**
 * ApproximateWeightedCanaryStableReplicaCounts picks the canary/stable pod split that best
 * approximates `weight` out of `maxWeight`. Candidates are ceil/floor of R·w/MAXW over R pods
 * and, when `maxSurge` > 0, over R+1 pods; the closest wins, earlier candidates win ties, a
 * half-way split rounds up, and for 0 < w < MAXW neither side is rounded to 0 once 2+ pods are
 * in play.
 *
 * Example: R=10, w=45, surge 0 → 4.5 is a tie → {canary: 5, stable: 5}; with surge 1 the option
 * 5 of 11 (45.5 %) is closer → {canary: 5, stable: 6}; R=1, w=49, surge 0 → {canary: 0, stable: 1}.
 */
export function approximateWeightedCanaryStableReplicaCounts(
  replicas: number,
  weight: number,
  maxWeight: number,
  maxSurge: number,
): CanaryStableCounts {
  if (replicas === 0) return { canary: 0, stable: 0 };
  const ceilCount = Math.ceil((replicas * weight) / maxWeight);
  const floorCount = Math.floor((replicas * weight) / maxWeight);
  const zeroAllowed = weight === maxWeight || weight === 0 || (replicas === 1 && maxSurge === 0);
  const floorAllowed = floorCount !== 0 || zeroAllowed;

  const options: { canary: number; total: number }[] = [];
  if (ceilCount < replicas || zeroAllowed) options.push({ canary: ceilCount, total: replicas });
  if (!floorCeilingTied(weight, replicas, maxWeight) && floorAllowed) {
    options.push({ canary: floorCount, total: replicas });
  }
  if (maxSurge > 0) {
    options.push({ canary: ceilCount, total: replicas + 1 });
    if (!floorCeilingTied(weight, replicas + 1, maxWeight) && floorAllowed) {
      options.push({ canary: floorCount, total: replicas + 1 });
    }
  }
  const first = options[0];
  if (first === undefined) return { canary: 0, stable: replicas };

  let best = first;
  let bestDelta = weightDelta(weight, best.canary, best.total, maxWeight);
  for (const option of options.slice(1)) {
    const delta = weightDelta(weight, option.canary, option.total, maxWeight);
    if (delta < bestDelta) {
      best = option;
      bestDelta = delta;
    }
  }
  return { canary: best.canary, stable: best.total - best.canary };
}

/**
 * TrafficWeightToReplicas converts a traffic weight into pods, rounding up:
 * ceil(replicas · weight / maxWeight).
 *
 * Example: R=10, weight 25 of 100 → ceil(2.5) = 3; R=10, weight 0 → 0; R=23, weight 1e8 of
 * 1e8 → 23.
 */
export function trafficWeightToReplicas(
  replicas: number,
  weight: number,
  maxWeight: number,
): number {
  return Math.ceil((weight * replicas) / maxWeight);
}

/**
 * GetDesiredCanaryWeight returns the next rung of the abort "ladder" used by dynamic stable
 * scaling: scanning setWeight steps from last to first, the first weight whose pod count
 * (rounded up) is below what still needs covering — max(R − stableAvailable, canaryAvailable),
 * or only R − stableAvailable when a non-zero abortScaleDownDelaySeconds is set explicitly.
 * No match, or a missing canary or stable ReplicaSet, gives 0.
 *
 * Example: R=10, steps [setWeight 10, setWeight 50], canary 5 available, stable 9 available,
 * no explicit delay → need max(1, 5) = 5; 50 % = 5 pods is not below 5, 10 % = 1 pod is → 10.
 * With abortScaleDownDelaySeconds 30 the need is 1 → nothing is below 1 → 0.
 */
export function getDesiredCanaryWeight(
  rollout: Rollout,
  canaryRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
): number {
  if (!canaryRS || !stableRS) return 0;
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  const maxWeight = getMaxTrafficWeight(rollout);
  const uncovered = replicas - availableReplicas(stableRS);
  const delay = getAbortScaleDownDelaySecondsOrDefault(rollout);
  const explicitDelay = delay.wasSet && delay.seconds !== undefined;
  const needed = explicitDelay ? uncovered : Math.max(uncovered, availableReplicas(canaryRS));
  const steps = rollout.spec.strategy?.canary?.steps ?? [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const weight = steps[i]?.setWeight;
    if (weight === undefined) continue;
    if (trafficWeightToReplicas(replicas, weight, maxWeight) < needed) return weight;
  }
  return 0;
}

/**
 * CalculateDesiredWeightOnAbortOrStableRollback returns the canary traffic weight while aborting
 * (or rolling back to stable): 0 at once without dynamicStableScale; with it, the weight steps
 * down the setWeight ladder ({@link getDesiredCanaryWeight}) but never below what the stable's
 * available pods cannot yet absorb, and never above the recorded weight.
 *
 * Example: dynamic, R=10, steps [10, 50], recorded weight 50, canary 5/5, stable 9 available →
 * expected = 100 − floor(100·9/10) = 10, ladder 10, stable 9 ≥ ceil(10·90/100) = 9 →
 * min(10, 50) = 10. Not dynamic → 0.
 */
export function calculateDesiredWeightOnAbortOrStableRollback(
  rollout: Rollout,
  canaryRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  recordedCanaryWeight?: number,
): number {
  if (!rollout.spec.strategy?.canary?.dynamicStableScale) return 0;
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  if (replicas === 0) return 0;
  const maxWeight = getMaxTrafficWeight(rollout);
  const stableAvailable = stableRS ? availableReplicas(stableRS) : 0;
  const expected = Math.max(0, maxWeight - Math.floor((maxWeight * stableAvailable) / replicas));
  const stepWeight = getDesiredCanaryWeight(rollout, canaryRS, stableRS);
  if (recordedCanaryWeight === undefined) return Math.max(expected, stepWeight);
  if (stepWeight <= 0) return Math.min(expected, recordedCanaryWeight);
  if (stableAvailable < trafficWeightToReplicas(replicas, maxWeight - stepWeight, maxWeight)) {
    return recordedCanaryWeight;
  }
  return Math.min(stepWeight, recordedCanaryWeight);
}
