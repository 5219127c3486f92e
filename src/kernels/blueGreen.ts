// Mirrors the blue-green ReplicaSet sizing of argo-rollouts utils/replicaset/replicaset.go
// (NewRSNewReplicas), utils/replicaset/bluegreen.go (ReadyForPause), utils/annotations
// (IsSaturated) and the scale-down rules of rollout/bluegreen.go + rollout/replicaset.go.
import type { ReplicaSet, Rollout, TrafficWeights } from '../model/k8s';
import type { MaybeReplicaSet } from './replicaSets';
import { getReplicasOrDefault, getScaleDownDelaySecondsOrDefault } from './defaults';
import { getAbortScaleDownDelaySecondsOrDefault } from './defaults';
import { calculateReplicaCountsForCanary } from './replicaCounts';
import {
  availableReplicas,
  getOtherRSs,
  getPodTemplateHash,
  getReplicaSetByTemplateHash,
  getReplicaSetRevision,
  getStableRS,
  isSameReplicaSet,
  specReplicas,
} from './replicaSets';
import { parseRfc3339 } from './rfc3339';

/** Annotation recording `spec.replicas` at the time the ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'rollout.argoproj.io/desired-replicas';
/** Annotation holding the RFC 3339 time after which a ReplicaSet is scaled to 0. */
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';

/**
 * NewRSNewReplicas (blue-green part) returns the replica target of the new ReplicaSet: the full
 * `spec.replicas`, except that with `previewReplicaCount` set the preview runs at that size until
 * it becomes active, a full promotion is requested, or the rollout resumed past the preview
 * scale-up checkpoint.
 *
 * Example: R=5, previewReplicaCount 1, active selector on the old RS, not promoted → 1; after
 * promote (unpaused, scaleUpPreviewCheckPoint true) → 5; without previewReplicaCount → 5.
 */
export function newRSNewReplicasForBlueGreen(
  rollout: Rollout,
  allRSs: readonly MaybeReplicaSet[],
  newRS: MaybeReplicaSet,
): number {
  const desired = getReplicasOrDefault(rollout.spec.replicas);
  const previewReplicaCount = rollout.spec.strategy?.blueGreen?.previewReplicaCount;
  if (previewReplicaCount === undefined) return desired;
  const status = rollout.status;
  const active = getReplicaSetByTemplateHash(allRSs, status?.blueGreen?.activeSelector ?? '').match;
  if (!active || isSameReplicaSet(active, newRS)) return desired;
  if (status?.promoteFull) return desired;
  if (getPodTemplateHash(newRS) !== (status?.currentPodHash ?? '')) return previewReplicaCount;
  const notPaused = !rollout.spec.paused && (status?.pauseConditions?.length ?? 0) === 0;
  if (notPaused && status?.blueGreen?.scaleUpPreviewCheckPoint) return desired;
  return previewReplicaCount;
}

/**
 * NewRSNewReplicas returns the replica target of the new ReplicaSet for either strategy:
 * blue-green per {@link newRSNewReplicasForBlueGreen}; canary per the canary replica kernels
 * (stable and other RSs are looked up in `allRSs`).
 *
 * Example: blue-green R=3, no previewReplicaCount → 3; basic canary R=10 at setWeight 20 with
 * maxSurge 2, maxUnavailable 0 and a 10-pod stable → 2.
 */
export function newRSNewReplicas(
  rollout: Rollout,
  allRSs: readonly MaybeReplicaSet[],
  newRS: MaybeReplicaSet,
  weights?: TrafficWeights | null,
): number {
  if (rollout.spec.strategy?.blueGreen) return newRSNewReplicasForBlueGreen(rollout, allRSs, newRS);
  if (rollout.spec.strategy?.canary) {
    const stableRS = getStableRS(rollout, newRS, allRSs);
    const others = getOtherRSs(newRS, stableRS, allRSs);
    return calculateReplicaCountsForCanary(rollout, newRS, stableRS, others, weights).canary;
  }
  throw new Error('no rollout strategy provided');
}

/**
 * ReadyForPause reports whether the new ReplicaSet is sized to its target and fully available,
 * so the blue-green pause may begin.
 *
 * Example: R=5, previewReplicaCount 2, new RS spec 2 with 2 available → true; 1 available →
 * false.
 */
export function readyForPause(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  allRSs: readonly MaybeReplicaSet[],
): boolean {
  if (!newRS) return false;
  const target = newRSNewReplicas(rollout, allRSs, newRS);
  return specReplicas(newRS) === target && availableReplicas(newRS) === target;
}

/**
 * IsSaturated reports whether a ReplicaSet is fully scaled for the rollout: `spec.replicas`, the
 * desired-replicas annotation and the available count all equal the rollout's `spec.replicas`.
 *
 * Example: R=3, RS spec 3, annotation "3", 3 available → true; annotation missing → false.
 */
export function isSaturated(rollout: Rollout, rs: MaybeReplicaSet): boolean {
  if (!rs) return false;
  const text = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return false;
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  return (
    specReplicas(rs) === replicas &&
    Number.parseInt(text, 10) === replicas &&
    availableReplicas(rs) === replicas
  );
}

/** Desired blue-green sizes of the new and the stable ReplicaSet (see A.4.1–A.4.2). */
export interface BlueGreenReplicaCounts {
  /** Target of the new (preview, later active) ReplicaSet. */
  readonly newRS: number;
  /** Target of the stable (active) ReplicaSet; undefined when there is no distinct stable RS. */
  readonly stableRS: number | undefined;
}

/**
 * Returns the blue-green replica targets: the stable ReplicaSet always keeps `spec.replicas`
 * (the old version stays at full capacity for the whole update), and the new ReplicaSet gets
 * {@link newRSNewReplicasForBlueGreen}. Abort scale-down is decided separately by
 * {@link blueGreenAbortScaleDown}.
 *
 * Example: R=4, previewReplicaCount 1, update in flight → {newRS: 1, stableRS: 4}; first deploy
 * (no stable) → {newRS: 4, stableRS: undefined}.
 */
export function calculateReplicaCountsForBlueGreen(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  allRSs: readonly MaybeReplicaSet[],
): BlueGreenReplicaCounts {
  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  const distinctStable = !!stableRS && !isSameReplicaSet(stableRS, newRS);
  return {
    newRS: newRSNewReplicasForBlueGreen(rollout, allRSs, newRS),
    stableRS: distinctStable ? replicas : undefined,
  };
}

/** What to do with an aborted rollout's new ReplicaSet (see {@link blueGreenAbortScaleDown}). */
export type AbortScaleDownAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'annotate'; readonly deadlineMs: number }
  | { readonly kind: 'wait'; readonly untilMs: number }
  | { readonly kind: 'scaleToZero' };

/**
 * Decides the abort scale-down of the new ReplicaSet (blue-green, and TR canary): once the stable
 * RS has `spec.replicas` available, the new RS is annotated with now + abortScaleDownDelaySeconds
 * (default 30 s) and keeps its size; when that deadline passes it is scaled to 0. Not aborted, no
 * stable RS, or an explicit `abortScaleDownDelaySeconds: 0` ⇒ `none` (keep the desired size).
 *
 * Example: R=3, aborted, stable 3 available, no annotation, now 1000 → annotate 31000; later at
 * now 40000 with that annotation → scaleToZero; stable only 2 available → none.
 */
export function blueGreenAbortScaleDown(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  nowMs: number,
): AbortScaleDownAction {
  if (!rollout.status?.abort || !stableRS || !newRS) return { kind: 'none' };
  const delay = getAbortScaleDownDelaySecondsOrDefault(rollout).seconds;
  if (delay === undefined) return { kind: 'none' };
  const text = newRS.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
  if (!text) {
    const replicas = getReplicasOrDefault(rollout.spec.replicas);
    if (availableReplicas(stableRS) >= replicas) {
      return { kind: 'annotate', deadlineMs: nowMs + delay * 1000 };
    }
    return { kind: 'none' };
  }
  const deadline = parseRfc3339(text);
  if (deadline !== undefined && deadline > nowMs) return { kind: 'wait', untilMs: deadline };
  return { kind: 'scaleToZero' };
}

/** One decision of {@link planBlueGreenOldReplicaSetScaleDown}. */
export type OldReplicaSetAction =
  | { readonly rs: ReplicaSet; readonly kind: 'annotate'; readonly deadlineMs: number }
  | {
      readonly rs: ReplicaSet;
      readonly kind: 'wait';
      readonly untilMs: number;
      readonly replicas: number;
    }
  | { readonly rs: ReplicaSet; readonly kind: 'scaleToZero' };

/** Extra inputs of {@link planBlueGreenOldReplicaSetScaleDown} that live outside the Rollout. */
export interface OldReplicaSetScaleDownOptions {
  /** Hashes currently in the active/preview Service selectors (never scaled down). */
  readonly serviceSelectorHashes?: readonly string[];
  /**
   * True when post-promotion analysis is configured, scaleDownDelaySeconds is unset, the analysis
   * is not skipped and its run is missing or not Successful — the whole scale-down then waits.
   */
  readonly postPromotionAnalysisPending?: boolean;
}

/**
 * Plans the blue-green scale-down of old ReplicaSets (digest A.4.5): RSs with replicas that are
 * not stable/current/active/preview are visited newest revision first; each gets a
 * `scale-down-deadline` of now + scaleDownDelaySeconds (default 30 s) while fewer than
 * scaleDownDelayRevisionLimit are waiting, otherwise (or once its deadline passed) it is scaled to
 * 0; a waiting RS follows `spec.replicas`. Nothing happens under an InconclusiveAnalysisRun pause
 * or while post-promotion analysis is pending.
 *
 * Example: R=3, old RS v1 with 3 pods and no annotation, now 0 → [annotate v1 at 30000]; at
 * now 31000 with that annotation → [scaleToZero v1]; scaleDownDelayRevisionLimit 0 → scale to 0
 * at once.
 */
export function planBlueGreenOldReplicaSetScaleDown(
  rollout: Rollout,
  otherRSs: readonly MaybeReplicaSet[],
  nowMs: number,
  options: OldReplicaSetScaleDownOptions = {},
): OldReplicaSetAction[] {
  const status = rollout.status;
  const inconclusive = (status?.pauseConditions ?? []).some(
    (c) => c.reason === 'InconclusiveAnalysisRun',
  );
  if (inconclusive || options.postPromotionAnalysisPending) return [];

  const protectedHashes = new Set(
    [
      status?.stableRS,
      status?.currentPodHash,
      status?.blueGreen?.activeSelector,
      status?.blueGreen?.previewSelector,
      ...(options.serviceSelectorHashes ?? []),
    ].filter((h): h is string => !!h),
  );
  const candidates = otherRSs
    .filter((rs): rs is ReplicaSet => !!rs && specReplicas(rs) > 0)
    .filter((rs) => !protectedHashes.has(getPodTemplateHash(rs)))
    .map((rs, order) => ({ rs, order, revision: getReplicaSetRevision(rs) }))
    .sort((a, b) => b.revision - a.revision || a.order - b.order)
    .map((c) => c.rs);

  const replicas = getReplicasOrDefault(rollout.spec.replicas);
  const delayMs = getScaleDownDelaySecondsOrDefault(rollout) * 1000;
  const limit = rollout.spec.strategy?.blueGreen?.scaleDownDelayRevisionLimit ?? Infinity;
  const actions: OldReplicaSetAction[] = [];
  let waiting = 0;
  for (const rs of candidates) {
    const text = rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
    if (!text) {
      if (waiting < limit) {
        waiting++;
        actions.push({ rs, kind: 'annotate', deadlineMs: nowMs + delayMs });
      } else {
        actions.push({ rs, kind: 'scaleToZero' });
      }
      continue;
    }
    waiting++;
    const deadline = parseRfc3339(text);
    if (waiting > limit || deadline === undefined || deadline <= nowMs) {
      actions.push({ rs, kind: 'scaleToZero' });
    } else {
      actions.push({ rs, kind: 'wait', untilMs: deadline, replicas });
    }
  }
  return actions;
}
