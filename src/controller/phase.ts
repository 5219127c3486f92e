/**
 * Phase and message of a Rollout, computed from its spec and new status on every persist.
 * Mirrors utils/rollout/rolloututil.go CalculateRolloutPhase (controller side); the client-side
 * overrides of the kubectl plugin live in src/info.
 */
import type { Rollout, RolloutStatus } from '../model';
import { ConditionType, Reason } from './constants';

export type RolloutPhase = 'Progressing' | 'Paused' | 'Healthy' | 'Degraded';

/** calculateRolloutPhase returns the first matching phase of digest §19, with its message. */
export function calculateRolloutPhase(
  spec: Rollout['spec'],
  status: RolloutStatus,
  replicas: number,
): { phase: RolloutPhase; message: string } {
  for (const cond of status.conditions ?? []) {
    if (cond.type === ConditionType.InvalidSpec) {
      return { phase: 'Degraded', message: `${Reason.InvalidSpec}: ${cond.message ?? ''}` };
    }
    if (cond.reason === Reason.RolloutAborted || cond.reason === Reason.ProgressDeadlineExceeded) {
      return { phase: 'Degraded', message: `${cond.reason}: ${cond.message ?? ''}` };
    }
  }
  if (spec.paused) return { phase: 'Paused', message: 'manually paused' };
  const firstPause = status.pauseConditions?.[0];
  if (firstPause) return { phase: 'Paused', message: String(firstPause.reason) };
  if (spec.restartAt && spec.restartAt !== status.restartedAt) {
    return { phase: 'Progressing', message: 'rollout is restarting' };
  }
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  if (updated < replicas) {
    return { phase: 'Progressing', message: 'more replicas need to be updated' };
  }
  if (available < updated) {
    return { phase: 'Progressing', message: 'updated replicas are still becoming available' };
  }
  const fullyPromoted = !!status.stableRS && status.stableRS === status.currentPodHash;
  if (spec.strategy?.blueGreen) {
    const active = status.blueGreen?.activeSelector;
    if (!active || active !== status.currentPodHash) {
      return { phase: 'Progressing', message: 'active service cutover pending' };
    }
    if (!fullyPromoted) {
      const post = status.blueGreen?.postPromotionAnalysisRunStatus?.status;
      const postDone =
        post === 'Successful' || post === 'Failed' || post === 'Error' || post === 'Inconclusive';
      if (spec.strategy.blueGreen.postPromotionAnalysis && !postDone) {
        return { phase: 'Progressing', message: 'waiting for analysis to complete' };
      }
      return {
        phase: 'Progressing',
        message: 'waiting for post-promotion verification to complete',
      };
    }
  } else if (spec.strategy?.canary) {
    if (!spec.strategy.canary.trafficRouting && total > updated) {
      return { phase: 'Progressing', message: 'old replicas are pending termination' };
    }
    if (!fullyPromoted) {
      return { phase: 'Progressing', message: 'waiting for all steps to complete' };
    }
  }
  return { phase: 'Healthy', message: '' };
}
