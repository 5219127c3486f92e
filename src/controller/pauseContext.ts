/**
 * Collects the pause and abort decisions made during one reconcile and folds them into the new
 * status at the end, so earlier steps of the reconcile still see the old status.
 * Mirrors rollout/pause.go (pauseContext, CalculatePauseStatus, CompletedCanaryPauseStep).
 */
import type { Rollout, RolloutStatus } from '../model';
import { PauseReason, type PauseReasonName } from './constants';

type PauseCondition = NonNullable<RolloutStatus['pauseConditions']>[number];

export interface PauseContext {
  readonly rollout: Rollout;
  addPauseReasons: PauseReasonName[];
  removePauseReasons: PauseReasonName[];
  clearPauseConditions: boolean;
  addAbort: boolean;
  removeAbort: boolean;
  abortMessage: string;
}

/** createPauseContext starts an empty set of decisions for one reconcile of `rollout`. */
export function createPauseContext(rollout: Rollout): PauseContext {
  return {
    rollout,
    addPauseReasons: [],
    removePauseReasons: [],
    clearPauseConditions: false,
    addAbort: false,
    removeAbort: false,
    abortMessage: '',
  };
}

/** isAborted: an abort requested this reconcile, or one already in status and not removed. */
export function isAborted(p: PauseContext): boolean {
  if (p.removeAbort) return false;
  return p.addAbort || p.rollout.status?.abort === true;
}

export function addAbort(p: PauseContext, message = ''): void {
  p.addAbort = true;
  if (message && !p.abortMessage) p.abortMessage = message;
}

export function removeAbort(p: PauseContext): void {
  p.removeAbort = true;
}

export function addPauseCondition(p: PauseContext, reason: PauseReasonName): void {
  if (!p.addPauseReasons.includes(reason)) p.addPauseReasons.push(reason);
}

export function removePauseCondition(p: PauseContext, reason: PauseReasonName): void {
  if (!p.removePauseReasons.includes(reason)) p.removePauseReasons.push(reason);
}

export function clearPauseConditions(p: PauseContext): void {
  p.clearPauseConditions = true;
}

export function hasAddPause(p: PauseContext): boolean {
  return p.addPauseReasons.length > 0;
}

/** getPauseCondition returns the rollout's (pre-reconcile) pause condition with that reason. */
export function getPauseCondition(
  rollout: Rollout,
  reason: PauseReasonName,
): PauseCondition | undefined {
  return rollout.status?.pauseConditions?.find((c) => c.reason === reason);
}

/**
 * calculatePauseStatus writes abort, abortedAt, pauseConditions and controllerPause into
 * `newStatus`. An abort wipes the pause list; an existing reason keeps its original startTime;
 * controllerPause is true only while some pause condition exists (or a new one was added).
 */
export function calculatePauseStatus(p: PauseContext, newStatus: RolloutStatus, now: string): void {
  const prev = p.rollout.status ?? {};
  if (p.addAbort || (!p.removeAbort && prev.abort === true)) {
    newStatus.abort = true;
    newStatus.abortedAt = prev.abortedAt ?? now;
    delete newStatus.pauseConditions;
    delete newStatus.controllerPause;
    return;
  }
  delete newStatus.abort;
  delete newStatus.abortedAt;
  delete newStatus.pauseConditions;
  delete newStatus.controllerPause;
  if (p.clearPauseConditions) return;

  let controllerPause = prev.controllerPause === true;
  const next: PauseCondition[] = [];
  const existing = new Set<string>();
  for (const cond of prev.pauseConditions ?? []) {
    if (!p.removePauseReasons.includes(cond.reason as PauseReasonName)) next.push(cond);
    existing.add(cond.reason);
  }
  for (const reason of p.addPauseReasons) {
    if (!existing.has(reason)) {
      next.push({ reason, startTime: now });
      controllerPause = true;
    }
  }
  if (next.length === 0) return;
  newStatus.pauseConditions = next;
  if (controllerPause) newStatus.controllerPause = true;
}

/**
 * completedCanaryPauseStep: a timed pause completes strictly after startTime + duration; any pause
 * completes once a user removed the CanaryPauseStep condition while controllerPause is still true.
 */
export function completedCanaryPauseStep(
  p: PauseContext,
  durationSeconds: number | undefined,
  nowMs: number,
  parseTime: (t: string) => number | undefined,
): boolean {
  const cond = getPauseCondition(p.rollout, PauseReason.CanaryPauseStep);
  if (p.rollout.status?.controllerPause === true && !cond) return true;
  if (durationSeconds !== undefined && cond) {
    const start = parseTime(String(cond.startTime));
    if (start !== undefined && nowMs > start + durationSeconds * 1000) return true;
  }
  return false;
}
