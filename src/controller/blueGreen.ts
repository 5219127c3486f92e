/**
 * The blue-green reconcile body: preview Service, ReplicaSet sizing, BlueGreenPause, active switch,
 * status. Mirrors rollout/bluegreen.go, rollout/service.go (preview/active Services) and the
 * blue-green branches of rollout/sync.go (shouldFullPromote, promoteStable). No analysis yet (TODOs).
 */
import type { ReplicaSet, Rollout, RolloutStatus } from '../model';
import {
  blueGreenAbortScaleDown,
  getAbortScaleDownDelaySecondsOrDefault,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getPodTemplateHash,
  getReplicaCountForReplicaSets,
  getScaleDownDelaySecondsOrDefault,
  isSaturated,
  newRSNewReplicasForBlueGreen,
  planBlueGreenOldReplicaSetScaleDown,
  readyForPause,
} from '../kernels';
import { epochMsFromRfc3339 } from '../sim';
import { formatLabelSelector } from './canary';
import { reconcileEphemeralMetadata, reconcileRevisionHistoryLimit } from './history';
import {
  MANAGED_BY_ROLLOUTS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  PauseReason,
  Reason,
} from './constants';
import {
  addPauseCondition,
  clearPauseConditions,
  getPauseCondition,
  hasAddPause,
  isAborted,
  removeAbort,
  removePauseCondition,
} from './pauseContext';
import type { KubeObject } from './ports';
import { reconcilePodRestarts } from './restart';
import { currentRunsOf, keepCurrentAnalysisRuns, reconcileAnalysisRuns } from './rolloutAnalysis';
import {
  addScaleDownDelay,
  calculateBaseStatus,
  calculateRolloutConditions,
  createDesiredReplicaSet,
  currentTemplateHash,
  persistRolloutStatus,
  record,
  removeScaleDownDelay,
  requeueAfter,
  rolloutReplicas,
  rolloutRevision,
  scaleReplicaSetAndRecordEvent,
  syncReplicaSetRevision,
  timeRemainingBeforeScaleDown,
  type RolloutContext,
} from './rolloutContext';
import { switchServiceSelector } from './services';

interface ServiceLike extends KubeObject {
  spec?: { selector?: Record<string, string> };
}

/** Per-pass blue-green state that Argo keeps on its rolloutContext. */
interface BlueGreenPass {
  readonly ctx: RolloutContext;
  readonly activeName: string;
  readonly previewName: string | undefined;
  /** newRS carried a scale-down deadline still in the future when the pass started (fast rollback). */
  readonly newRSWithinDelay: boolean;
}

/**
 * rolloutBlueGreen runs one full blue-green reconcile (Argo's rolloutBlueGreen): find or create the
 * new ReplicaSet, point the preview Service at it, then — unless the template just changed —
 * size the ReplicaSets, manage the BlueGreenPause, switch the active Service, and persist the status.
 */
export function rolloutBlueGreen(ctx: RolloutContext): void {
  const pass = beginPass(ctx);
  if (!pass) return;
  syncReplicaSetRevision(ctx);
  if (!ctx.newRS) {
    createDesiredReplicaSet(ctx, (rs) =>
      newRSNewReplicasForBlueGreen(ctx.rollout, [...ctx.allRSs, rs], rs),
    );
  }
  // Argo: "must happen right after the new replicaset is created".
  reconcilePreviewService(pass);
  if (podSpecChanged(ctx)) {
    syncRolloutStatusBlueGreen(pass);
    return;
  }
  if (reconcilePodRestarts(ctx)) return;
  reconcileBlueGreenReplicaSets(pass);
  reconcileBlueGreenPause(pass);
  reconcileActiveService(pass);
  // ALB TargetGroup verification (awsVerifyTargetGroups) is not simulated: targets count as verified.
  reconcileAnalysisRuns(ctx);
  reconcileEphemeralMetadata(ctx);
  syncRolloutStatusBlueGreen(pass);
}

/**
 * syncReplicasOnlyBlueGreen is Argo's syncReplicasOnly for blue-green (paused rollouts, scaling
 * events, InconclusiveAnalysisRun pauses): ReplicaSets are still sized, Services and the pause are
 * left alone, and the status is recomputed. `isScaling` is unused by blue-green, as in Argo.
 */
export function syncReplicasOnlyBlueGreen(ctx: RolloutContext, _isScaling: boolean): void {
  const pass = beginPass(ctx);
  if (!pass) return;
  syncReplicaSetRevision(ctx);
  keepCurrentAnalysisRuns(ctx);
  if (reconcilePodRestarts(ctx)) return;
  reconcileBlueGreenReplicaSets(pass);
  syncRolloutStatusBlueGreen(pass);
}

// ---------------------------------------------------------------------------------------------
// Pass setup, Services and shared predicates

/**
 * beginPass does the blue-green part of Argo's context setup: a fully promoted rollout drops a
 * stale abort, and the new RS's pending scale-down deadline is remembered before anything removes
 * it. Returns undefined when the active Service is missing (Argo's reconcile errors out there;
 * the missing reference itself is reported by validation).
 */
function beginPass(ctx: RolloutContext): BlueGreenPass | undefined {
  const bg = ctx.rollout.spec.strategy?.blueGreen;
  if (!bg?.activeService) return undefined;
  if (!getService(ctx, bg.activeService)) return undefined;
  if (bg.previewService && !getService(ctx, bg.previewService)) return undefined;
  const s = ctx.rollout.status;
  if (s?.abort && s.stableRS && s.stableRS === s.currentPodHash) removeAbort(ctx.pause);
  const remaining = ctx.newRS ? timeRemainingBeforeScaleDown(ctx, ctx.newRS) : undefined;
  return {
    ctx,
    activeName: bg.activeService,
    previewName: bg.previewService || undefined,
    newRSWithinDelay: remaining !== undefined && remaining > 0,
  };
}

function getService(ctx: RolloutContext, name: string): ServiceLike | undefined {
  return ctx.ports.client.get('Service', ctx.rollout.metadata?.namespace ?? 'default', name) as
    ServiceLike | undefined;
}

/** The hash in a Service's selector, or undefined when the selector has no hash key. */
function selectorHash(svc: ServiceLike | undefined): string | undefined {
  return svc?.spec?.selector?.[POD_TEMPLATE_HASH_LABEL];
}

function activeService(pass: BlueGreenPass): ServiceLike | undefined {
  return getService(pass.ctx, pass.activeName);
}

function previewService(pass: BlueGreenPass): ServiceLike | undefined {
  return pass.previewName ? getService(pass.ctx, pass.previewName) : undefined;
}

/** switchSelector: Argo's switchServiceSelector, a no-op when the hash and managed-by mark are in place. */
function switchSelector(ctx: RolloutContext, svc: ServiceLike, hash: string): void {
  const managed = svc.metadata.annotations?.[MANAGED_BY_ROLLOUTS_ANNOTATION] !== undefined;
  if (selectorHash(svc) === hash && managed) return;
  switchServiceSelector(ctx, svc, hash);
}

const hashOf = (rs: ReplicaSet | undefined): string => (rs ? getPodTemplateHash(rs) : '');

/** haltProgress: spec.paused or an InconclusiveAnalysisRun pause freezes Services and the pause logic. */
function haltProgress(ctx: RolloutContext): boolean {
  return (
    ctx.rollout.spec.paused === true ||
    !!getPauseCondition(ctx.rollout, PauseReason.InconclusiveAnalysisRun)
  );
}

/** CheckPodSpecChange: the status names a pod hash and the current template's hash differs. */
function podSpecChanged(ctx: RolloutContext): boolean {
  const recorded = ctx.rollout.status?.currentPodHash;
  if (!recorded) return false;
  return recorded !== (ctx.newRS ? getPodTemplateHash(ctx.newRS) : currentTemplateHash(ctx));
}

function creationMs(rs: ReplicaSet): number {
  return epochMsFromRfc3339(String(rs.metadata?.creationTimestamp ?? '')) ?? 0;
}

/** isRollback: the new RS is the stable one, or was created before it. */
function isRollback(ctx: RolloutContext): boolean {
  const { newRS, stableRS } = ctx;
  if (!newRS || !stableRS) return false;
  return hashOf(newRS) === hashOf(stableRS) || creationMs(newRS) < creationMs(stableRS);
}

/** isRollbackWithinWindow: rolling back to an RS at most rollbackWindow.revisions behind stable. */
function isRollbackWithinWindow(ctx: RolloutContext): boolean {
  const { newRS, stableRS } = ctx;
  const revisions = ctx.rollout.spec.rollbackWindow?.revisions ?? 0;
  if (!newRS || !stableRS || revisions <= 0) return false;
  if (!(creationMs(newRS) < creationMs(stableRS))) return false;
  const between = ctx.allRSs.filter(
    (rs) =>
      !rs.metadata?.annotations?.['experiment.argoproj.io/name'] &&
      creationMs(rs) < creationMs(stableRS) &&
      creationMs(newRS) < creationMs(rs),
  ).length;
  return between < revisions;
}

/**
 * isFastRollback (digest A.15): a rollback to the stable RS, to an RS still waiting out its
 * scale-down delay, or within the rollback window. Also true whenever fully promoted.
 */
function isFastRollback(pass: BlueGreenPass): boolean {
  const { ctx } = pass;
  if (!isRollback(ctx)) return false;
  return (
    hashOf(ctx.newRS) === hashOf(ctx.stableRS) ||
    pass.newRSWithinDelay ||
    isRollbackWithinWindow(ctx)
  );
}

/** isBlueGreenFastTracked: skip the pause and switch as soon as the new RS is saturated. */
function isBlueGreenFastTracked(pass: BlueGreenPass): boolean {
  const { ctx } = pass;
  if (isFastRollback(pass)) return true;
  if (ctx.rollout.status?.promoteFull) return true;
  const active = selectorHash(activeService(pass));
  return active === undefined || active === hashOf(ctx.newRS);
}

/** needsBlueGreenControllerPause: autoPromotionEnabled false, or autoPromotionSeconds > 0. */
function needsBlueGreenControllerPause(ro: Rollout): boolean {
  const bg = ro.spec.strategy?.blueGreen;
  return bg?.autoPromotionEnabled === false || (bg?.autoPromotionSeconds ?? 0) > 0;
}

/** completedPrePromotionAnalysis: none configured, or the current pre-promotion run is Successful. */
function completedPrePromotionAnalysis(ctx: RolloutContext): boolean {
  if (!ctx.rollout.spec.strategy?.blueGreen?.prePromotionAnalysis) return true;
  return currentRunsOf(ctx).prePromotion?.status?.phase === 'Successful';
}

/** The phase of the current post-promotion AnalysisRun. */
function currentPostPromotionRunPhase(ctx: RolloutContext): string | undefined {
  return currentRunsOf(ctx).postPromotion?.status?.phase;
}

/** skipPostPromotionAnalysisRun (digest A.11.2), without the ALB-verification clause. */
function skipPostPromotionAnalysis(ctx: RolloutContext): boolean {
  const s = ctx.rollout.status ?? {};
  const hash = hashOf(ctx.newRS);
  return !hash || s.stableRS === hash || s.blueGreen?.activeSelector !== hash;
}

/**
 * CompletedBlueGreenPause (digest A.7.3): never in the pass that adds the pause; true past the
 * preview checkpoint or without a controller pause; with auto-promotion, strictly after
 * startTime + autoPromotionSeconds; without it, once a human removed the pause condition.
 */
function completedBlueGreenPause(ctx: RolloutContext): boolean {
  const ro = ctx.rollout;
  if (hasAddPause(ctx.pause)) return false;
  if (ro.status?.blueGreen?.scaleUpPreviewCheckPoint) return true;
  if (!needsBlueGreenControllerPause(ro)) return true;
  const bg = ro.spec.strategy?.blueGreen;
  const cond = getPauseCondition(ro, PauseReason.BlueGreenPause);
  if (bg?.autoPromotionEnabled !== false) {
    const seconds = bg?.autoPromotionSeconds ?? 0;
    if (seconds === 0) return true;
    if (!cond) return false;
    const start = epochMsFromRfc3339(String(cond.startTime ?? ''));
    return start !== undefined && ctx.nowMs > start + seconds * 1000;
  }
  return ro.status?.controllerPause === true && !cond;
}

// ---------------------------------------------------------------------------------------------
// Services

/** reconcilePreviewService: unless progress is halted, the preview Service follows the new RS. */
function reconcilePreviewService(pass: BlueGreenPass): void {
  const { ctx } = pass;
  const svc = previewService(pass);
  if (!svc || !ctx.newRS || haltProgress(ctx)) return;
  switchSelector(ctx, svc, hashOf(ctx.newRS));
}

/**
 * reconcileActiveService: once the new RS is ready and saturated, the active Service moves to it
 * when fast-tracked or when the pause (and pre-promotion analysis) completed; an aborted rollout
 * points it back at the stable RS.
 */
function reconcileActiveService(pass: BlueGreenPass): void {
  const { ctx } = pass;
  const svc = activeService(pass);
  const newRS = ctx.newRS;
  if (!svc || !newRS || haltProgress(ctx)) return;
  if (!readyForPause(ctx.rollout, newRS, ctx.allRSs) || !isSaturated(ctx.rollout, newRS)) return;
  let target = selectorHash(svc) ?? '';
  if (isBlueGreenFastTracked(pass)) target = hashOf(newRS);
  if (completedBlueGreenPause(ctx) && completedPrePromotionAnalysis(ctx)) target = hashOf(newRS);
  if (ctx.rollout.status?.abort) target = ctx.rollout.status.stableRS ?? '';
  switchSelector(ctx, svc, target);
}

// ---------------------------------------------------------------------------------------------
// ReplicaSets

/** reconcileBlueGreenReplicaSets: deadlines, active RS, new RS, old RSs, then revision history. */
function reconcileBlueGreenReplicaSets(pass: BlueGreenPass): void {
  removeScaleDownDeadlines(pass.ctx);
  reconcileActiveReplicaSet(pass);
  reconcileNewReplicaSet(pass.ctx);
  reconcileOtherReplicaSets(pass);
  reconcileRevisionHistoryLimit(pass.ctx);
}

/** shouldDelayScaleDownOnAbort (blue-green): aborted, a stable RS exists, and the abort delay is not 0. */
function shouldDelayScaleDownOnAbort(ctx: RolloutContext): boolean {
  if (!isAborted(ctx.pause) || !ctx.stableRS) return false;
  return getAbortScaleDownDelaySecondsOrDefault(ctx.rollout).seconds !== undefined;
}

/** removeScaleDownDeadlines: moving back to an RS that is waiting out its delay cancels the scale-down. */
function removeScaleDownDeadlines(ctx: RolloutContext): void {
  const names: string[] = [];
  const newName = ctx.newRS?.metadata?.name;
  if (ctx.newRS && !shouldDelayScaleDownOnAbort(ctx)) names.push(newName!);
  const stableName = ctx.stableRS?.metadata?.name;
  if (stableName && (names.length === 0 || stableName !== newName)) names.push(stableName);
  for (const name of names) {
    const rs = ctx.allRSs.find((r) => r.metadata?.name === name);
    if (rs) removeScaleDownDelay(ctx, rs);
  }
}

/** The RS the active Service selects is kept at spec.replicas (Argo's reconcileBlueGreenStableReplicaSet). */
function reconcileActiveReplicaSet(pass: BlueGreenPass): void {
  const { ctx } = pass;
  const hash = selectorHash(activeService(pass));
  if (hash === undefined) return;
  const activeRS = ctx.allRSs.find((rs) => getPodTemplateHash(rs) === hash);
  if (!activeRS) return;
  scaleReplicaSetAndRecordEvent(ctx, activeRS, rolloutReplicas(ctx));
}

/** reconcileNewReplicaSet: size the new RS (A.4.2), or run the abort scale-down delay (A.4.3). */
function reconcileNewReplicaSet(ctx: RolloutContext): void {
  const newRS = ctx.newRS;
  if (!newRS) return;
  let count = newRSNewReplicasForBlueGreen(ctx.rollout, ctx.allRSs, newRS);
  if (shouldDelayScaleDownOnAbort(ctx)) {
    const action = blueGreenAbortScaleDown(ctx.rollout, newRS, ctx.stableRS, ctx.nowMs);
    switch (action.kind) {
      case 'annotate': {
        const seconds = getAbortScaleDownDelaySecondsOrDefault(ctx.rollout).seconds ?? 0;
        addScaleDownDelay(ctx, newRS, seconds);
        requeueAfter(ctx, action.deadlineMs - ctx.nowMs);
        return;
      }
      case 'wait':
        requeueAfter(ctx, action.untilMs - ctx.nowMs);
        return;
      case 'none':
        // leave the preview RS at its size until the stable RS is fully available and it is annotated
        return;
      case 'scaleToZero':
        count = 0;
        break;
    }
  }
  scaleReplicaSetAndRecordEvent(ctx, newRS, count);
}

/** The hashes the active and preview Services select right now (never scaled down). */
function serviceSelectorHashes(pass: BlueGreenPass): string[] {
  return [selectorHash(activeService(pass)), selectorHash(previewService(pass))].filter(
    (h): h is string => !!h,
  );
}

/**
 * reconcileOtherReplicaSets / scaleDownOldReplicaSetsForBlueGreen: old RSs wait out
 * scaleDownDelaySeconds (at most scaleDownDelayRevisionLimit of them) and are then scaled to 0.
 */
function reconcileOtherReplicaSets(pass: BlueGreenPass): void {
  const { ctx } = pass;
  const active = ctx.otherRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  if (getReplicaCountForReplicaSets(active) === 0) return;
  const bg = ctx.rollout.spec.strategy?.blueGreen;
  const postPromotionAnalysisPending =
    !!bg?.postPromotionAnalysis &&
    bg.scaleDownDelaySeconds === undefined &&
    !skipPostPromotionAnalysis(ctx) &&
    currentPostPromotionRunPhase(ctx) !== 'Successful';
  const actions = planBlueGreenOldReplicaSetScaleDown(ctx.rollout, active, ctx.nowMs, {
    serviceSelectorHashes: serviceSelectorHashes(pass),
    postPromotionAnalysisPending,
  });
  const delaySeconds = getScaleDownDelaySecondsOrDefault(ctx.rollout);
  for (const action of actions) {
    const rs = ctx.allRSs.find((r) => r.metadata?.name === action.rs.metadata?.name) ?? action.rs;
    switch (action.kind) {
      case 'annotate':
        // Argo's addScaleDownDelay with 0 s writes nothing, so such an RS keeps its pods (argo-rollouts#1992).
        addScaleDownDelay(ctx, rs, delaySeconds);
        if (delaySeconds > 0) requeueAfter(ctx, delaySeconds * 1000);
        break;
      case 'wait':
        requeueAfter(ctx, action.untilMs - ctx.nowMs);
        if ((rs.spec?.replicas ?? 0) !== action.replicas)
          scaleReplicaSetAndRecordEvent(ctx, rs, action.replicas);
        break;
      case 'scaleToZero':
        scaleReplicaSetAndRecordEvent(ctx, rs, 0);
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Pause

/** reconcileBlueGreenPause (digest A.7.2): add, keep, or remove the BlueGreenPause condition. */
function reconcileBlueGreenPause(pass: BlueGreenPass): void {
  const { ctx } = pass;
  const ro = ctx.rollout;
  const newRS = ctx.newRS;
  if (ro.status?.abort) return;
  if (!newRS || !readyForPause(ro, newRS, ctx.allRSs)) return;
  if (haltProgress(ctx)) return;
  const remove = () => removePauseCondition(ctx.pause, PauseReason.BlueGreenPause);
  if (isBlueGreenFastTracked(pass)) return remove();
  if (selectorHash(activeService(pass)) === hashOf(newRS)) return remove();
  if (ro.status?.blueGreen?.scaleUpPreviewCheckPoint) return remove();
  if (!needsBlueGreenControllerPause(ro)) return remove();
  // The pause only starts once pre-promotion analysis (if any) succeeded.
  if (!completedPrePromotionAnalysis(ctx)) return;
  const cond = getPauseCondition(ro, PauseReason.BlueGreenPause);
  if (cond) {
    if (completedBlueGreenPause(ctx)) return remove();
    const seconds = ro.spec.strategy?.blueGreen?.autoPromotionSeconds ?? 0;
    const start = epochMsFromRfc3339(String(cond.startTime ?? ''));
    if (seconds > 0 && start !== undefined) {
      const expiry = start + seconds * 1000;
      // The pause completes strictly after the deadline; wake just past it.
      if (expiry >= ctx.nowMs) requeueAfter(ctx, expiry - ctx.nowMs + 1);
    }
    return;
  }
  // No condition while controllerPause is set means a human resumed (promote): do not pause again.
  if (!ro.status?.controllerPause) addPauseCondition(ctx.pause, PauseReason.BlueGreenPause);
}

// ---------------------------------------------------------------------------------------------
// Status

/** resetRolloutStatus: a new template starts a fresh update (digest A.3.5). */
function resetRolloutStatus(ctx: RolloutContext, s: RolloutStatus): void {
  clearPauseConditions(ctx.pause);
  removeAbort(ctx.pause);
  const restartAt = ctx.rollout.spec.restartAt;
  if (restartAt) s.restartedAt = restartAt;
  delete s.promoteFull;
  if (s.blueGreen) {
    delete s.blueGreen.prePromotionAnalysisRunStatus;
    delete s.blueGreen.postPromotionAnalysisRunStatus;
    delete s.blueGreen.scaleUpPreviewCheckPoint;
  }
}

/** shouldFullPromote, blue-green branch (digest A.8): the reason to mark the new RS stable, or ''. */
function shouldFullPromote(pass: BlueGreenPass, s: RolloutStatus): string {
  const { ctx } = pass;
  if (!ctx.stableRS) return 'Initial deploy';
  const active = s.blueGreen?.activeSelector ?? '';
  // Initial deploys only move the active selector once stable is set (chicken and egg).
  if (!active) return 'Initial deploy';
  if (active !== s.currentPodHash) return '';
  if (ctx.rollout.status?.promoteFull) return 'Full promotion requested';
  if (isFastRollback(pass))
    return isRollbackWithinWindow(ctx) ? 'Rollback within window' : 'Fast rollback';
  if (isAborted(ctx.pause)) return '';
  if (
    ctx.rollout.spec.strategy?.blueGreen?.postPromotionAnalysis &&
    currentPostPromotionRunPhase(ctx) !== 'Successful'
  ) {
    return '';
  }
  return 'Completed blue-green update';
}

/** promoteStable: the new RS becomes stable; pauses, abort, promoteFull and the checkpoint are cleared. */
function promoteStable(ctx: RolloutContext, s: RolloutStatus, reason: string): void {
  clearPauseConditions(ctx.pause);
  removeAbort(ctx.pause);
  delete s.promoteFull;
  if (s.blueGreen) delete s.blueGreen.scaleUpPreviewCheckPoint;
  if (s.stableRS !== s.currentPodHash) {
    s.stableRS = s.currentPodHash;
    record(
      ctx,
      Reason.RolloutCompleted,
      `Rollout completed update to revision ${rolloutRevision(ctx)} (${s.currentPodHash}): ${reason}`,
    );
  }
}

/**
 * calculateScaleUpPreviewCheckPoint (digest A.9): a one-way trip-wire, set once the preview RS has
 * previewReplicaCount available and the pause (and pre-promotion analysis) completed.
 */
function calculateScaleUpPreviewCheckPoint(ctx: RolloutContext): boolean {
  const previewReplicaCount = ctx.rollout.spec.strategy?.blueGreen?.previewReplicaCount;
  if (previewReplicaCount === undefined) return false;
  if (ctx.rollout.status?.blueGreen?.scaleUpPreviewCheckPoint) return true;
  if (!completedPrePromotionAnalysis(ctx) || !completedBlueGreenPause(ctx)) return false;
  return (
    getAvailableReplicaCountForReplicaSets(ctx.newRS ? [ctx.newRS] : []) === previewReplicaCount
  );
}

/** syncRolloutStatusBlueGreen computes and persists the blue-green status (digest A.8, A.9, A.18). */
function syncRolloutStatusBlueGreen(pass: BlueGreenPass): void {
  const { ctx } = pass;
  const ro = ctx.rollout;
  const s = calculateBaseStatus(ctx);
  if (ro.status?.stableRS) s.stableRS = ro.status.stableRS;
  s.blueGreen = { ...(s.blueGreen ?? {}) };
  if (podSpecChanged(ctx)) resetRolloutStatus(ctx, s);
  if (ro.status?.promoteFull || isRollbackWithinWindow(ctx)) {
    clearPauseConditions(ctx.pause);
    removeAbort(ctx.pause);
  }

  const previewSelector = selectorHash(previewService(pass)) ?? '';
  if (previewSelector) s.blueGreen.previewSelector = previewSelector;
  else delete s.blueGreen.previewSelector;
  const activeSelector = selectorHash(activeService(pass)) ?? '';
  if (activeSelector) s.blueGreen.activeSelector = activeSelector;
  else delete s.blueGreen.activeSelector;

  const reason = shouldFullPromote(pass, s);
  if (reason) promoteStable(ctx, s, reason);
  else if (calculateScaleUpPreviewCheckPoint(ctx)) s.blueGreen.scaleUpPreviewCheckPoint = true;
  else delete s.blueGreen.scaleUpPreviewCheckPoint;

  const activeRS = activeSelector
    ? ctx.allRSs.find((rs) => getPodTemplateHash(rs) === activeSelector)
    : undefined;
  if (activeRS) {
    s.HPAReplicas = activeRS.status?.replicas ?? 0;
    s.selector = formatLabelSelector(activeRS.spec?.selector);
    s.availableReplicas = activeRS.status?.availableReplicas ?? 0;
    s.readyReplicas = activeRS.status?.readyReplicas ?? 0;
  } else {
    // Without an active RS the accounting is over every RS and the rollout's own selector.
    s.HPAReplicas = getActualReplicaCountForReplicaSets(ctx.allRSs);
    s.selector = formatLabelSelector(ro.spec.selector);
    s.availableReplicas = getAvailableReplicaCountForReplicaSets(ctx.allRSs);
  }
  persistRolloutStatus(ctx, calculateRolloutConditions(ctx, s));
}
