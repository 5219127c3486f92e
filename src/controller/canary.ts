/**
 * The canary strategy's reconcile body, in Argo's order: reset on a template or steps change,
 * revision sync, services, traffic routing, ReplicaSet scaling (stable, new, then others, one
 * scale per reconcile), pause steps, then the status. Mirrors rollout/canary.go.
 * Simplified: no step plugins, pod restarts, ephemeral metadata or ping-pong yet (refused at load).
 */
import type { ReplicaSet } from '../model';
import { pauseDurationSeconds } from '../model';
import {
  atDesiredReplicaCountsForCanary,
  calculateReplicaCountsForCanary,
  calculateReplicaCountsForTrafficRoutedCanary,
  getAbortScaleDownDelaySecondsOrDefault,
  getAvailableReplicaCountForReplicaSets,
  getCurrentCanaryStep,
  getPodTemplateHash,
  getReplicaCountForReplicaSets,
  getReplicaSetRevision,
  getScaleDownDelaySecondsOrDefault,
  maxUnavailable,
} from '../kernels';
import { epochMsFromRfc3339 } from '../sim';
import { PauseReason, Reason, SCALE_DOWN_DEADLINE_ANNOTATION } from './constants';
import {
  addPauseCondition,
  hasAddPause,
  clearPauseConditions,
  completedCanaryPauseStep,
  getPauseCondition,
  isAborted,
  removeAbort,
  removePauseCondition,
} from './pauseContext';
import {
  addScaleDownDelay,
  calculateBaseStatus,
  calculateRolloutConditions,
  createDesiredReplicaSet,
  hasScaleDownDeadline,
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
import { reconcileEphemeralMetadata, reconcileRevisionHistoryLimit } from './history';
import { reconcilePodRestarts } from './restart';
import { currentRunsOf, reconcileAnalysisRuns } from './rolloutAnalysis';
import {
  completedExperimentStep,
  keepCurrentExperiment,
  reconcileExperiments,
} from './rolloutExperiment';
import { ensureSVCTargets } from './services';
import { canaryStepString } from './stepString';
import {
  isDynamicallyRollingBackToStable,
  isFullyPromoted,
  reconcileTrafficRouting,
} from './trafficRouting';

/** podTemplateOrStepsChanged: the template or the steps differ from what the status recorded. */
export function podTemplateOrStepsChanged(ctx: RolloutContext): boolean {
  const status = ctx.rollout.status ?? {};
  const canary = ctx.rollout.spec.strategy?.canary;
  if (
    status.currentStepHash &&
    canary &&
    ctx.ports.hashSteps(canary.steps ?? []) !== status.currentStepHash
  ) {
    return true;
  }
  if (!status.currentPodHash) return false;
  const hash = ctx.newRS
    ? getPodTemplateHash(ctx.newRS)
    : ctx.ports.hashPodTemplate(ctx.rollout.spec.template, status.collisionCount);
  return status.currentPodHash !== hash;
}

/** rolloutCanary runs one canary reconcile (Argo's rolloutCanary). */
export function rolloutCanary(ctx: RolloutContext): void {
  if (podTemplateOrStepsChanged(ctx)) {
    syncReplicaSetRevision(ctx);
    syncRolloutStatusCanary(ctx);
    return;
  }
  syncReplicaSetRevision(ctx);
  if (!ctx.newRS) {
    createDesiredReplicaSet(ctx, (rs) => {
      const stable = ctx.stableRS;
      return calculateReplicaCountsForCanary(
        ctx.rollout,
        rs,
        stable,
        ctx.otherRSs,
        ctx.newStatus.canary?.weights,
      ).canary;
    });
  }
  if (reconcilePodRestarts(ctx)) return;
  reconcileEphemeralMetadata(ctx);
  reconcileRevisionHistoryLimit(ctx);
  reconcileStableAndCanaryService(ctx);
  if (!reconcileTrafficRouting(ctx)) return;
  reconcileExperiments(ctx);
  reconcileAnalysisRuns(ctx);
  if (hasAddPause(ctx.pause)) {
    // An inconclusive analysis just paused the rollout: persist that before anything scales.
    syncRolloutStatusCanary(ctx);
    return;
  }
  if (reconcileCanaryReplicaSets(ctx)) {
    syncRolloutStatusCanary(ctx);
    return;
  }
  reconcileCanaryPause(ctx);
  syncRolloutStatusCanary(ctx);
}

/** syncReplicasOnly: while paused or on a scaling event only replicas, services and status move. */
export function syncReplicasOnlyCanary(ctx: RolloutContext, isScaling: boolean): void {
  syncReplicaSetRevision(ctx);
  if (reconcilePodRestarts(ctx)) return;
  if (isScaling) reconcileCanaryReplicaSets(ctx);
  reconcileAnalysisRuns(ctx);
  reconcileCanaryPause(ctx);
  reconcileStableAndCanaryService(ctx);
  reconcileTrafficRouting(ctx);
  keepCurrentExperiment(ctx);
  syncRolloutStatusCanary(ctx);
}

function reconcileStableAndCanaryService(ctx: RolloutContext): void {
  const canary = ctx.rollout.spec.strategy?.canary;
  if (!canary) return;
  ensureSVCTargets(ctx, canary.stableService, ctx.stableRS, true);
  if (isDynamicallyRollingBackToStable(ctx) !== undefined) return;
  if (isAborted(ctx.pause) && !canary.trafficRouting) {
    ensureSVCTargets(ctx, canary.canaryService, ctx.stableRS, true);
    return;
  }
  ensureSVCTargets(ctx, canary.canaryService, ctx.newRS, true);
}

/** haltProgress: spec.paused or an inconclusive analysis stops all canary/stable scaling. */
function haltProgress(ctx: RolloutContext): boolean {
  return (
    ctx.rollout.spec.paused === true ||
    !!getPauseCondition(ctx.rollout, PauseReason.InconclusiveAnalysisRun)
  );
}

/** reconcileCanaryReplicaSets scales stable, then new, then other ReplicaSets, stopping at the first change. */
function reconcileCanaryReplicaSets(ctx: RolloutContext): boolean {
  if (haltProgress(ctx)) return false;
  removeScaleDownDeadlines(ctx);
  if (reconcileCanaryStableReplicaSet(ctx)) return true;
  if (reconcileNewReplicaSet(ctx)) return true;
  return reconcileOtherReplicaSets(ctx);
}

function removeScaleDownDeadlines(ctx: RolloutContext): void {
  const toRemove: ReplicaSet[] = [];
  if (ctx.newRS && !shouldDelayScaleDownOnAbort(ctx)) toRemove.push(ctx.newRS);
  if (
    ctx.stableRS &&
    (toRemove.length === 0 || ctx.stableRS.metadata?.name !== ctx.newRS?.metadata?.name)
  ) {
    toRemove.push(ctx.stableRS);
  }
  for (const rs of toRemove) removeScaleDownDelay(ctx, rs);
}

function reconcileCanaryStableReplicaSet(ctx: RolloutContext): boolean {
  const { newRS, stableRS } = ctx;
  if (!stableRS || !newRS || getPodTemplateHash(stableRS) === getPodTemplateHash(newRS))
    return false;
  const tr = !!ctx.rollout.spec.strategy?.canary?.trafficRouting;
  // With traffic routing the *recorded* weights are used, so the stable follows traffic one reconcile later.
  const desired = tr
    ? calculateReplicaCountsForTrafficRoutedCanary(
        ctx.rollout,
        newRS,
        stableRS,
        ctx.rollout.status?.canary?.weights,
      ).stable
    : calculateReplicaCountsForCanary(ctx.rollout, newRS, stableRS, ctx.otherRSs).stable;
  return scaleReplicaSetAndRecordEvent(ctx, stableRS, desired);
}

/** shouldDelayScaleDownOnAbort: aborted, a stable exists, traffic-routed, and an abort delay applies. */
function shouldDelayScaleDownOnAbort(ctx: RolloutContext): boolean {
  if (!isAborted(ctx.pause) || !ctx.stableRS) return false;
  const canary = ctx.rollout.spec.strategy?.canary;
  if (canary && !canary.trafficRouting) return false;
  const delay = getAbortScaleDownDelaySecondsOrDefault(ctx.rollout);
  if (delay.seconds === undefined) return false;
  if (canary?.dynamicStableScale && !delay.wasSet) return false;
  return true;
}

function reconcileNewReplicaSet(ctx: RolloutContext): boolean {
  let newRS = ctx.newRS;
  if (!newRS && ctx.rollout.status?.currentPodHash !== ctx.rollout.status?.stableRS) {
    newRS = ctx.allRSs.find((rs) => getPodTemplateHash(rs) === ctx.rollout.status?.currentPodHash);
  }
  if (!newRS) return false;
  let count = calculateReplicaCountsForCanary(
    ctx.rollout,
    newRS,
    ctx.stableRS,
    ctx.otherRSs,
    ctx.newStatus.canary?.weights,
  ).canary;
  if (shouldDelayScaleDownOnAbort(ctx)) {
    const delay = getAbortScaleDownDelaySecondsOrDefault(ctx.rollout).seconds!;
    const remaining = timeRemainingBeforeScaleDown(ctx, newRS);
    if (remaining !== undefined) {
      if (remaining > 0) {
        requeueAfter(ctx, remaining);
        return false;
      }
      count = 0;
    } else {
      if ((ctx.stableRS?.status?.availableReplicas ?? 0) === rolloutReplicas(ctx)) {
        addScaleDownDelay(ctx, newRS, delay);
        requeueAfter(ctx, delay * 1000);
      }
      return false;
    }
  }
  return scaleReplicaSetAndRecordEvent(ctx, newRS, count);
}

function isReplicaSetReferenced(ctx: RolloutContext, rs: ReplicaSet): boolean {
  const hash = getPodTemplateHash(rs);
  const s = ctx.rollout.status ?? {};
  if (hash === s.stableRS || hash === s.currentPodHash) return true;
  const w = s.canary?.weights;
  if (w && (w.canary?.podTemplateHash === hash || w.stable?.podTemplateHash === hash)) return true;
  const canary = ctx.rollout.spec.strategy?.canary;
  for (const name of [canary?.canaryService, canary?.stableService]) {
    if (!name) continue;
    const svc = ctx.ports.client.get(
      'Service',
      ctx.rollout.metadata?.namespace ?? 'default',
      name,
    ) as { spec?: { selector?: Record<string, string> } } | undefined;
    if (svc?.spec?.selector?.['rollouts-pod-template-hash'] === hash) return true;
  }
  return false;
}

/** cleanupUnhealthyReplicas first shrinks old ReplicaSets to their available pods. */
function cleanupUnhealthyReplicas(ctx: RolloutContext, oldRSs: ReplicaSet[]): number {
  let total = 0;
  const sorted = [...oldRSs].sort(byCreation);
  for (const rs of sorted) {
    const spec = rs.spec?.replicas ?? 0;
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    scaleReplicaSetAndRecordEvent(ctx, rs, available);
    total += spec - available;
  }
  return total;
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = epochMsFromRfc3339(String(a.metadata?.creationTimestamp ?? '')) ?? 0;
  const tb = epochMsFromRfc3339(String(b.metadata?.creationTimestamp ?? '')) ?? 0;
  return ta - tb || String(a.metadata?.name).localeCompare(String(b.metadata?.name));
}

function reconcileOtherReplicaSets(ctx: RolloutContext): boolean {
  const active = ctx.otherRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  if (getReplicaCountForReplicaSets(active) === 0) return false;
  return scaleDownOldReplicaSetsForCanary(ctx, active) > 0;
}

/** scaleDownOldReplicaSetsForCanary drains old ReplicaSets within the availability budget (§16). */
function scaleDownOldReplicaSetsForCanary(ctx: RolloutContext, initial: ReplicaSet[]): number {
  let totalScaledDown = cleanupUnhealthyReplicas(ctx, initial);
  const names = new Set(initial.map((rs) => rs.metadata?.name));
  const oldRSs = ctx.allRSs.filter((rs) => names.has(rs.metadata?.name));
  const availablePods = getAvailableReplicaCountForReplicaSets(ctx.allRSs);
  const minAvailable = rolloutReplicas(ctx) - maxUnavailable(ctx.rollout);
  let maxScaleDown = availablePods - minAvailable;
  if (maxScaleDown <= 0) return totalScaledDown;
  oldRSs.sort((a, b) => getReplicaSetRevision(b) - getReplicaSetRevision(a));
  const tr = !!ctx.rollout.spec.strategy?.canary?.trafficRouting;
  let annotated = 0;
  for (const rs of oldRSs) {
    if (tr && isReplicaSetReferenced(ctx, rs)) continue;
    if (maxScaleDown <= 0) break;
    const spec = rs.spec?.replicas ?? 0;
    if (spec === 0) continue;
    let desired = 0;
    if (!tr) {
      if (spec > maxScaleDown) desired = spec - maxScaleDown;
    } else if (isFullyPromoted(ctx.rollout) || hasScaleDownDeadline(rs)) {
      if (!ctx.rollout.spec.strategy?.canary?.dynamicStableScale) {
        [annotated, desired] = scaleDownDelayHelper(ctx, rs, annotated, spec);
      }
    }
    if (spec === desired) continue;
    scaleReplicaSetAndRecordEvent(ctx, rs, desired);
    maxScaleDown -= spec - desired;
    totalScaledDown += spec - desired;
  }
  return totalScaledDown;
}

/** scaleDownDelayHelper adds or honours the scale-down-deadline of an old RS (§16.2). */
function scaleDownDelayHelper(
  ctx: RolloutContext,
  rs: ReplicaSet,
  annotated: number,
  replicas: number,
): [number, number] {
  const limit =
    ctx.rollout.spec.strategy?.canary?.scaleDownDelayRevisionLimit ?? Number.MAX_SAFE_INTEGER;
  let desired = 0;
  if (!hasScaleDownDeadline(rs) && (rs.spec?.replicas ?? 0) > 0) {
    if (annotated < limit) {
      annotated++;
      desired = rs.spec?.replicas ?? 0;
      const delay = getScaleDownDelaySecondsOrDefault(ctx.rollout);
      addScaleDownDelay(ctx, rs, delay);
      requeueAfter(ctx, delay * 1000);
    }
  } else if (hasScaleDownDeadline(rs)) {
    annotated++;
    if (annotated <= limit) {
      const remaining = timeRemainingBeforeScaleDown(ctx, rs);
      if (remaining !== undefined && remaining > 0) {
        requeueAfter(ctx, remaining);
        desired = replicas;
      }
    }
  }
  return [annotated, desired];
}

/** reconcileCanaryPause adds the CanaryPauseStep condition on a pause step, and requeues for its expiry. */
function reconcileCanaryPause(ctx: RolloutContext): boolean {
  const ro = ctx.rollout;
  if (ro.spec.paused || ro.status?.promoteFull) return false;
  const steps = ro.spec.strategy?.canary?.steps ?? [];
  if (steps.length === 0) return false;
  const { step, index } = getCurrentCanaryStep(ro);
  if (index === undefined || index >= steps.length || !step?.pause) return false;
  const cond = getPauseCondition(ro, PauseReason.CanaryPauseStep);
  if (!cond) {
    if (!ro.status?.controllerPause) addPauseCondition(ctx.pause, PauseReason.CanaryPauseStep);
    return true;
  }
  const seconds = pauseSeconds(step.pause.duration);
  if (seconds === undefined) return true;
  const start = epochMsFromRfc3339(String(cond.startTime));
  if (start !== undefined) {
    const expiry = start + seconds * 1000;
    // Argo completes a timed pause strictly after the deadline; wake just past it.
    if (expiry >= ctx.nowMs) requeueAfter(ctx, expiry - ctx.nowMs + 1);
  }
  return true;
}

/** The pause step's duration in seconds (model's port of RolloutPause.DurationSeconds); undefined = indefinite. */
function pauseSeconds(duration: unknown): number | undefined {
  return duration === undefined || duration === null
    ? undefined
    : Math.max(0, pauseDurationSeconds(duration));
}

function completedCurrentCanaryStep(ctx: RolloutContext): boolean {
  const ro = ctx.rollout;
  if (ro.spec.paused) return false;
  const { step } = getCurrentCanaryStep(ro);
  if (!step) return false;
  if (step.pause) {
    return completedCanaryPauseStep(
      ctx.pause,
      pauseSeconds(step.pause.duration),
      ctx.nowMs,
      epochMsFromRfc3339,
    );
  }
  const weights = ctx.newStatus.canary?.weights;
  if (step.setCanaryScale)
    return atDesiredReplicaCountsForCanary(ro, ctx.newRS, ctx.stableRS, ctx.otherRSs, weights);
  if (step.setWeight !== undefined) {
    if (!atDesiredReplicaCountsForCanary(ro, ctx.newRS, ctx.stableRS, ctx.otherRSs, weights))
      return false;
    return weights?.verified !== false;
  }
  if (step.setHeaderRoute || step.setMirrorRoute) return true;
  if (step.analysis) return currentRunsOf(ctx).step?.status?.phase === 'Successful';
  if (step.experiment) return completedExperimentStep(ctx);
  return false;
}

function isRollbackWithinWindow(ctx: RolloutContext): boolean {
  const { newRS, stableRS } = ctx;
  const revisions = ctx.rollout.spec.rollbackWindow?.revisions ?? 0;
  if (!newRS || !stableRS || revisions <= 0) return false;
  const t = (rs: ReplicaSet) =>
    epochMsFromRfc3339(String(rs.metadata?.creationTimestamp ?? '')) ?? 0;
  if (!(t(newRS) < t(stableRS))) return false;
  const window = ctx.allRSs.filter(
    (rs) =>
      !rs.metadata?.annotations?.['experiment.argoproj.io/name'] &&
      t(rs) < t(stableRS) &&
      t(newRS) < t(rs),
  ).length;
  return window < revisions;
}

/** syncRolloutStatusCanary computes and persists the canary status (Argo's syncRolloutStatusCanary). */
export function syncRolloutStatusCanary(ctx: RolloutContext): void {
  const ro = ctx.rollout;
  const s = calculateBaseStatus(ctx);
  s.availableReplicas = getAvailableReplicaCountForReplicaSets(ctx.allRSs);
  s.HPAReplicas = s.replicas;
  s.selector = formatLabelSelector(ro.spec.selector);
  const steps = ro.spec.strategy?.canary?.steps ?? [];
  const stepCount = steps.length;
  const { step: currentStep } = getCurrentCanaryStep(ro);
  let currentStepIndex = getCurrentCanaryStep(ro).index;
  if (ro.status?.stableRS) s.stableRS = ro.status.stableRS;
  s.currentStepHash = ctx.ports.hashSteps(steps);

  if (podTemplateOrStepsChanged(ctx)) {
    resetRolloutStatus(ctx, s);
    if (ctx.newRS && stepCount > 0) {
      if (ro.status?.stableRS === getPodTemplateHash(ctx.newRS)) {
        record(ctx, Reason.SkipSteps, 'Rollback to stable ReplicaSets');
        s.currentStepIndex = stepCount;
      } else if (isRollbackWithinWindow(ctx) && (ctx.newRS.spec?.replicas ?? 0) > 0) {
        record(ctx, Reason.SkipSteps, 'Rollback to active ReplicaSets within RollbackWindow');
        s.currentStepIndex = stepCount;
      }
    }
    persistRolloutStatus(ctx, calculateRolloutConditions(ctx, s));
    return;
  }

  if (ro.status?.promoteFull || isRollbackWithinWindow(ctx)) {
    clearPauseConditions(ctx.pause);
    removeAbort(ctx.pause);
    if (stepCount > 0) currentStepIndex = stepCount;
  }

  const reason = shouldFullPromote(ctx, currentStepIndex);
  if (reason) {
    promoteStable(ctx, s, reason);
    persistRolloutStatus(ctx, calculateRolloutConditions(ctx, s));
    return;
  }

  if (isAborted(ctx.pause)) {
    if (stepCount > 0) s.currentStepIndex = s.stableRS === s.currentPodHash ? stepCount : 0;
    persistRolloutStatus(ctx, calculateRolloutConditions(ctx, s));
    return;
  }

  if (currentStep && completedCurrentCanaryStep(ctx)) {
    const text = canaryStepString(currentStep);
    currentStepIndex = (currentStepIndex ?? 0) + 1;
    if (s.canary) delete s.canary.currentStepAnalysisRunStatus;
    record(
      ctx,
      Reason.RolloutStepCompleted,
      `Rollout step ${currentStepIndex}/${stepCount} completed (${text})`,
    );
    removePauseCondition(ctx.pause, PauseReason.CanaryPauseStep);
  }
  if (currentStepIndex !== undefined) s.currentStepIndex = currentStepIndex;
  else delete s.currentStepIndex;
  persistRolloutStatus(ctx, calculateRolloutConditions(ctx, s));
}

function resetRolloutStatus(
  ctx: RolloutContext,
  s: NonNullable<RolloutContext['newStatus']>,
): void {
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
  if (s.canary) {
    delete s.canary.currentStepAnalysisRunStatus;
    delete s.canary.currentBackgroundAnalysisRunStatus;
  }
  const steps = ctx.rollout.spec.strategy?.canary?.steps ?? [];
  if (steps.length > 0) s.currentStepIndex = 0;
  else delete s.currentStepIndex;
}

function shouldFullPromote(ctx: RolloutContext, currentStepIndex: number | undefined): string {
  if (!ctx.stableRS) return 'Initial deploy';
  if (isAborted(ctx.pause)) return '';
  if (!ctx.newRS || (ctx.newRS.status?.availableReplicas ?? 0) !== rolloutReplicas(ctx)) return '';
  if (ctx.rollout.status?.promoteFull) return 'Full promotion requested';
  if (isRollbackWithinWindow(ctx)) return 'Rollback within window';
  const stepCount = ctx.rollout.spec.strategy?.canary?.steps?.length ?? 0;
  if (stepCount === 0 || currentStepIndex === stepCount)
    return `Completed all ${stepCount} canary steps`;
  return '';
}

function promoteStable(
  ctx: RolloutContext,
  s: NonNullable<RolloutContext['newStatus']>,
  reason: string,
): void {
  clearPauseConditions(ctx.pause);
  removeAbort(ctx.pause);
  delete s.promoteFull;
  const stepCount = ctx.rollout.spec.strategy?.canary?.steps?.length ?? 0;
  if (stepCount > 0) s.currentStepIndex = stepCount;
  else delete s.currentStepIndex;
  if (s.stableRS !== s.currentPodHash) {
    s.stableRS = s.currentPodHash;
    record(
      ctx,
      Reason.RolloutCompleted,
      `Rollout completed update to revision ${rolloutRevision(ctx)} (${s.currentPodHash}): ${reason}`,
    );
  }
}

/** formatLabelSelector renders a LabelSelector as kubectl does (`app=demo`, `tier in (a,b)`). */
export function formatLabelSelector(
  selector:
    | {
        matchLabels?: Record<string, string>;
        matchExpressions?: { key: string; operator: string; values?: string[] }[];
      }
    | undefined,
): string {
  if (!selector) return '';
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${selector.matchLabels![k]}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

export { SCALE_DOWN_DEADLINE_ANNOTATION };
