/**
 * Rollout conditions: create, find, set and remove, with Argo's rule that a condition whose
 * status and reason did not change is left alone (message and times kept).
 * Mirrors utils/conditions/conditions.go (NewRolloutCondition, SetRolloutCondition, ...).
 */
import type { RolloutStatus } from '../model';

export type RolloutCondition = NonNullable<RolloutStatus['conditions']>[number];
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** newRolloutCondition stamps both times with `now` (an RFC 3339 string), as Argo does. */
export function newRolloutCondition(
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
  now: string,
): RolloutCondition {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/** getRolloutCondition returns the condition of that type, or undefined. */
export function getRolloutCondition(
  status: RolloutStatus | undefined,
  type: string,
): RolloutCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * setRolloutCondition adds or replaces the condition of its type and returns whether anything
 * changed. Same status and reason ⇒ no change at all; same status ⇒ lastTransitionTime is kept.
 * The replaced condition moves to the end of the list, as Argo's filter-and-append does.
 */
export function setRolloutCondition(status: RolloutStatus, condition: RolloutCondition): boolean {
  const current = getRolloutCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) {
    return false;
  }
  // The caller's condition itself (new, or a stored one kept as is), unless lastTransitionTime
  // must be carried over from the current one.
  const next =
    current &&
    current.status === condition.status &&
    condition.lastTransitionTime !== current.lastTransitionTime
      ? { ...condition, lastTransitionTime: current.lastTransitionTime }
      : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
  return true;
}

/** removeRolloutCondition drops the condition of that type. */
export function removeRolloutCondition(status: RolloutStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}
