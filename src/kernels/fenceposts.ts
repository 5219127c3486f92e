// Mirrors argo-rollouts utils/replicaset/replicaset.go: resolveFenceposts, MaxSurge and
// MaxUnavailable — turning maxSurge/maxUnavailable (int or percent of spec.replicas) into pods.
import type { IntOrString } from './intstr';
import type { Rollout } from '../model/k8s';
import { getValueFromIntOrPercent } from './intstr';
import { getMaxSurgeOrDefault, getMaxUnavailableOrDefault, getReplicasOrDefault } from './defaults';

/** Resolved surge / unavailable pod counts, plus the parse error if a value was malformed. */
export interface Fenceposts {
  readonly surge: number;
  readonly unavailable: number;
  /** Set when either value could not be parsed; both counts are then 0 (as in Argo). */
  readonly error?: string;
}

/**
 * ResolveFenceposts resolves maxSurge (rounded up) and maxUnavailable (rounded down) against
 * `desired` replicas in one go; when both come out as 0, maxUnavailable becomes 1 so the
 * rollout can still make progress. An undefined value counts as 0.
 *
 * Example: desired 5, defaults "25"/"25" → surge ceil(1.25) = 2, unavailable floor(1.25) = 1;
 * desired 10, "0%"/"0%" → surge 0, unavailable 0 → {surge: 0, unavailable: 1}.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): Fenceposts {
  let surge: number;
  let unavailable: number;
  try {
    surge = getValueFromIntOrPercent(maxSurge ?? 0, desired, true);
    unavailable = getValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  } catch (err) {
    return { surge: 0, unavailable: 0, error: err instanceof Error ? err.message : String(err) };
  }
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/**
 * MaxSurge returns how many pods above `spec.replicas` a canary rollout may run; 0 for
 * blue-green. Malformed values (rejected by validation) resolve to 0.
 *
 * Example: R=5 with the default "25" → ceil(1.25) = 2; R=10, maxSurge "20%" → 2; R=10,
 * maxSurge 3 → 3.
 */
export function maxSurge(rollout: Rollout): number {
  if (!rollout.spec.strategy?.canary) return 0;
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  return resolveFenceposts(
    getMaxSurgeOrDefault(rollout),
    getMaxUnavailableOrDefault(rollout),
    replicas,
  ).surge;
}

/**
 * MaxUnavailable returns how many of the `spec.replicas` pods may be unavailable: canary uses
 * the fencepost rule (both zero ⇒ 1), blue-green just floors its own maxUnavailable; the result
 * is capped at `spec.replicas` and is 0 when there are no replicas.
 *
 * Example: R=5 canary defaults → floor(1.25) = 1; R=10, maxSurge 0, maxUnavailable "0%" → 1
 * (both-zero rule); R=2, maxUnavailable 5 → capped to 2; R=0 → 0.
 */
export function maxUnavailable(rollout: Rollout): number {
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  if (replicas === 0) return 0;
  let unavailable: number;
  if (rollout.spec.strategy?.canary) {
    unavailable = resolveFenceposts(
      getMaxSurgeOrDefault(rollout),
      getMaxUnavailableOrDefault(rollout),
      replicas,
    ).unavailable;
  } else {
    try {
      unavailable = getValueFromIntOrPercent(getMaxUnavailableOrDefault(rollout), replicas, false);
    } catch {
      unavailable = 0;
    }
  }
  return Math.min(unavailable, replicas);
}
