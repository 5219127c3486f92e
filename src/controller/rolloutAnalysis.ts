/**
 * The Rollout side of analysis: which AnalysisRuns a rollout needs (inline steps, background,
 * blue-green pre/post promotion), creating them from templates, terminating the ones no longer
 * current, pausing on Inconclusive and aborting on Failed/Error, and recording them in status.
 * Mirrors rollout/analysis.go. The runs themselves are measured by their own actors
 * (analysisRunMachine), as Argo's separate analysis controller does.
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  ClusterAnalysisTemplate,
  RolloutStatus,
} from '../model';
import {
  beforeStartingStep,
  filterAnalysisRunsToDelete,
  getCurrentCanaryStep,
  nameForNewAnalysisRun,
  newAnalysisRunFromRollout,
  skipPostPromotionAnalysisRun,
  skipPrePromotionAnalysisRun,
  type AnalysisRunKind,
  type RolloutAnalysisSpec,
} from '../kernels';
import { PauseReason } from './constants';
import { addAbort, addPauseCondition, getPauseCondition, isAborted } from './pauseContext';
import type { KubeObject } from './ports';
import { record, type RolloutContext } from './rolloutContext';
import { isFullyPromoted } from './trafficRouting';

type RunStatus = NonNullable<NonNullable<RolloutStatus['canary']>['currentStepAnalysisRunStatus']>;

/** The runs currently referenced by the rollout's status, by kind. */
export interface CurrentAnalysisRuns {
  step?: AnalysisRun | undefined;
  background?: AnalysisRun | undefined;
  prePromotion?: AnalysisRun | undefined;
  postPromotion?: AnalysisRun | undefined;
}

const COMPLETED = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);
const phaseOf = (run: AnalysisRun | undefined) => run?.status?.phase ?? '';

const ABORT_MESSAGE: Record<AnalysisRunKind, string> = {
  step: 'Step-based analysis phase error/failed',
  background: 'Background analysis phase error/failed',
  prePromotion: 'Blue/green pre-promotion analysis phase error/failed',
  postPromotion: 'Blue/green post-promotion analysis phase error/failed',
};

const EVENT_TYPE: Record<AnalysisRunKind, string> = {
  step: 'Step',
  background: 'Background',
  prePromotion: 'PrePromotion',
  postPromotion: 'PostPromotion',
};

function namespaceOf(ctx: RolloutContext): string {
  return ctx.rollout.metadata?.namespace ?? 'default';
}

/** analysisRunsOf lists the AnalysisRuns the rollout controls. */
export function analysisRunsOf(ctx: RolloutContext): AnalysisRun[] {
  const uid = ctx.rollout.metadata?.uid;
  const name = ctx.rollout.metadata?.name;
  return ctx.ports.client
    .list('AnalysisRun', namespaceOf(ctx))
    .filter((run) =>
      (run.metadata.ownerReferences ?? []).some(
        (ref) =>
          ref.controller && ref.kind === 'Rollout' && (uid ? ref.uid === uid : ref.name === name),
      ),
    ) as unknown as AnalysisRun[];
}

/** currentAnalysisRuns finds the runs named in status (Argo's FilterCurrentRolloutAnalysisRuns). */
export function currentAnalysisRuns(
  ctx: RolloutContext,
  runs: readonly AnalysisRun[],
): CurrentAnalysisRuns {
  const s = ctx.rollout.status;
  return {
    step: runNamed(runs, s?.canary?.currentStepAnalysisRunStatus),
    background: runNamed(runs, s?.canary?.currentBackgroundAnalysisRunStatus),
    prePromotion: runNamed(runs, s?.blueGreen?.prePromotionAnalysisRunStatus),
    postPromotion: runNamed(runs, s?.blueGreen?.postPromotionAnalysisRunStatus),
  };
}

/** runNamed is the run a status entry names, if it is among `runs`. */
function runNamed(
  runs: readonly AnalysisRun[],
  status: RunStatus | undefined,
): AnalysisRun | undefined {
  const name = status?.name;
  if (!name) return undefined;
  for (const r of runs) if (r.metadata?.name === name) return r;
  return undefined;
}

function cancelAnalysisRuns(ctx: RolloutContext, runs: readonly (AnalysisRun | undefined)[]): void {
  for (const run of runs) {
    if (!run || run.spec?.terminate || COMPLETED.has(phaseOf(run))) continue;
    ctx.ports.client.patch('AnalysisRun', namespaceOf(ctx), run.metadata!.name!, {
      spec: { terminate: true },
    });
  }
}

/** needsNewAnalysisRun: no current run, a resumed Inconclusive run, or a retry after an abort. */
function needsNewAnalysisRun(ctx: RolloutContext, current: AnalysisRun | undefined): boolean {
  if (!current) return true;
  const ro = ctx.rollout;
  if (
    ro.status?.controllerPause &&
    !getPauseCondition(ro, PauseReason.CanaryPauseStep) &&
    !getPauseCondition(ro, PauseReason.BlueGreenPause)
  ) {
    return phaseOf(current) === 'Inconclusive';
  }
  return !!ro.status?.abortedAt;
}

function templatesIn(ctx: RolloutContext): {
  templates: AnalysisTemplate[];
  clusterTemplates: ClusterAnalysisTemplate[];
} {
  return {
    templates: ctx.ports.client.list(
      'AnalysisTemplate',
      namespaceOf(ctx),
    ) as unknown as AnalysisTemplate[],
    clusterTemplates: ctx.ports.client.list(
      'ClusterAnalysisTemplate',
      '',
    ) as unknown as ClusterAnalysisTemplate[],
  };
}

/** createAnalysisRun builds a run from the rollout's analysis block and creates (or adopts) it. */
function createAnalysisRun(
  ctx: RolloutContext,
  analysis: RolloutAnalysisSpec,
  kind: AnalysisRunKind,
  stepIndex?: number,
): AnalysisRun | undefined {
  const { templates, clusterTemplates } = templatesIn(ctx);
  const built = newAnalysisRunFromRollout({
    rollout: ctx.rollout,
    analysis,
    kind,
    ...(stepIndex !== undefined ? { stepIndex } : {}),
    templates,
    clusterTemplates,
    newRS: ctx.newRS,
    stableRS: ctx.stableRS,
  });
  if (built.kind === 'error') {
    record(
      ctx,
      'AnalysisRunError',
      `Failed to create ${EVENT_TYPE[kind]} AnalysisRun: ${built.message}`,
      'Warning',
    );
    return undefined;
  }
  const run = built.value;
  run.metadata = {
    ...run.metadata,
    labels: { ...(run.metadata?.labels ?? {}), ...(ctx.rollout.spec.selector?.matchLabels ?? {}) },
  };
  const decision = nameForNewAnalysisRun(run, analysisRunsOf(ctx));
  if (decision.kind === 'error') return undefined;
  if (decision.value.kind === 'adopt') return decision.value.run;
  run.metadata = { ...run.metadata, name: decision.value.name };
  const created = ctx.ports.client.create(run as unknown as KubeObject) as unknown as AnalysisRun;
  record(
    ctx,
    'AnalysisRunCreated',
    `Created ${EVENT_TYPE[kind]} AnalysisRun '${created.metadata?.name}'`,
  );
  return created;
}

function pauseOrAbort(
  ctx: RolloutContext,
  run: AnalysisRun | undefined,
  kind: AnalysisRunKind,
): void {
  if (!run) return;
  const phase = phaseOf(run);
  if (phase === 'Inconclusive') addPauseCondition(ctx.pause, PauseReason.InconclusiveAnalysisRun);
  else if (phase === 'Error' || phase === 'Failed') {
    const message = run.status?.message;
    addAbort(ctx.pause, message ? `${ABORT_MESSAGE[kind]}: ${message}` : ABORT_MESSAGE[kind]);
  }
}

function reconcileStepBasedAnalysisRun(
  ctx: RolloutContext,
  current: AnalysisRun | undefined,
): AnalysisRun | undefined {
  const { step, index } = getCurrentCanaryStep(ctx.rollout);
  if ((ctx.rollout.status?.pauseConditions?.length ?? 0) > 0 || ctx.rollout.status?.abort)
    return current;
  const fromPreviousStep =
    !!step?.analysis && !!current && current.metadata?.labels?.['step-index'] !== String(index);
  if (!step?.analysis || index === undefined || fromPreviousStep) {
    cancelAnalysisRuns(ctx, [current]);
    return undefined;
  }
  if (needsNewAnalysisRun(ctx, current))
    return createAnalysisRun(ctx, step.analysis, 'step', index);
  pauseOrAbort(ctx, current, 'step');
  return current;
}

function reconcileBackgroundAnalysisRun(
  ctx: RolloutContext,
  current: AnalysisRun | undefined,
): AnalysisRun | undefined {
  const analysis = ctx.rollout.spec.strategy?.canary?.analysis;
  if (!analysis || !(analysis.templates?.length ?? 0)) {
    cancelAnalysisRuns(ctx, [current]);
    return undefined;
  }
  const s = ctx.rollout.status;
  if (
    isFullyPromoted(ctx.rollout) ||
    !s?.stableRS ||
    !s.currentPodHash ||
    beforeStartingStep(ctx.rollout)
  ) {
    return undefined;
  }
  if (getPauseCondition(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return current;
  if (needsNewAnalysisRun(ctx, current)) return createAnalysisRun(ctx, analysis, 'background');
  pauseOrAbort(ctx, current, 'background');
  return current;
}

function reconcilePromotionAnalysisRun(
  ctx: RolloutContext,
  current: AnalysisRun | undefined,
  kind: 'prePromotion' | 'postPromotion',
): AnalysisRun | undefined {
  const bg = ctx.rollout.spec.strategy?.blueGreen;
  const analysis = kind === 'prePromotion' ? bg?.prePromotionAnalysis : bg?.postPromotionAnalysis;
  if (!analysis) {
    cancelAnalysisRuns(ctx, [current]);
    return undefined;
  }
  const skip = kind === 'prePromotion' ? skipPrePromotionAnalysisRun : skipPostPromotionAnalysisRun;
  if (skip(ctx.rollout, ctx.newRS, current)) {
    cancelAnalysisRuns(ctx, [current]);
    return current;
  }
  if (getPauseCondition(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return current;
  if (needsNewAnalysisRun(ctx, current)) return createAnalysisRun(ctx, analysis, kind);
  return current;
}

function runStatus(run: AnalysisRun | undefined): RunStatus | undefined {
  if (!run) return undefined;
  const status: RunStatus = { name: run.metadata?.name ?? '', status: phaseOf(run) };
  if (run.status?.message) status.message = run.status.message;
  return status;
}

/** setCurrentAnalysisRuns records the current runs in the new status (Argo's SetCurrentAnalysisRuns). */
function setCurrentAnalysisRuns(ctx: RolloutContext, current: CurrentAnalysisRuns): void {
  const s = ctx.newStatus;
  if (ctx.rollout.spec.strategy?.canary) {
    const canary = { ...(s.canary ?? {}) };
    const step = runStatus(current.step);
    const background = runStatus(current.background);
    if (step) canary.currentStepAnalysisRunStatus = step;
    else delete canary.currentStepAnalysisRunStatus;
    if (background) canary.currentBackgroundAnalysisRunStatus = background;
    else delete canary.currentBackgroundAnalysisRunStatus;
    s.canary = canary;
  } else {
    const blueGreen = { ...(s.blueGreen ?? {}) };
    const pre = runStatus(current.prePromotion);
    const post = runStatus(current.postPromotion);
    if (pre) blueGreen.prePromotionAnalysisRunStatus = pre;
    else delete blueGreen.prePromotionAnalysisRunStatus;
    if (post) blueGreen.postPromotionAnalysisRunStatus = post;
    else delete blueGreen.postPromotionAnalysisRunStatus;
    s.blueGreen = blueGreen;
  }
}

function emitStatusChanges(
  ctx: RolloutContext,
  prev: RunStatus | undefined,
  run: AnalysisRun | undefined,
  kind: AnalysisRunKind,
): void {
  const phase = phaseOf(run);
  if (!run || phase === '') return;
  if (!prev || (prev.name === run.metadata?.name && prev.status !== phase)) {
    const previous = prev?.status ?? 'NoPreviousStatus';
    const type = phase === 'Failed' || phase === 'Error' ? 'Warning' : 'Normal';
    record(
      ctx,
      `AnalysisRun${phase}`,
      `${EVENT_TYPE[kind]} Analysis Run '${run.metadata?.name}' Status New: '${phase}' Previous: '${previous}'`,
      type,
    );
  }
}

/**
 * currentRunsOf: the runs of this reconcile, for step completion and blue-green promotion checks.
 * Before reconcileAnalysisRuns ran they are the runs named in status, as in Argo's context.
 */
export function currentRunsOf(ctx: RolloutContext): CurrentAnalysisRuns {
  ctx.currentArs ??= currentAnalysisRuns(ctx, analysisRunsOf(ctx));
  return ctx.currentArs;
}

/** keepCurrentAnalysisRuns: while only replicas are synced, the status keeps the current runs. */
export function keepCurrentAnalysisRuns(ctx: RolloutContext): void {
  setCurrentAnalysisRuns(ctx, currentRunsOf(ctx));
}

/**
 * reconcileAnalysisRuns: Argo's reconcileAnalysisRuns. Skips (terminating every run) while
 * aborted, promoting fully, on the initial deploy, or rolling back into a scale-down delay.
 */
export function reconcileAnalysisRuns(ctx: RolloutContext): void {
  const all = analysisRunsOf(ctx);
  const current = currentAnalysisRuns(ctx, all);
  const currentList = [
    current.step,
    current.background,
    current.prePromotion,
    current.postPromotion,
  ].filter((r): r is AnalysisRun => !!r);
  const others = all.filter((r) => !currentList.includes(r));
  const rollbackToDelay = !!ctx.newRS?.metadata?.annotations?.['scale-down-deadline'];
  if (
    isAborted(ctx.pause) ||
    ctx.rollout.status?.promoteFull ||
    rollbackToDelay ||
    !ctx.rollout.status?.stableRS
  ) {
    ctx.currentArs = current;
    setCurrentAnalysisRuns(ctx, ctx.rollout.spec.strategy?.canary ? {} : current);
    cancelAnalysisRuns(ctx, [...currentList, ...others]);
    return;
  }
  const next: CurrentAnalysisRuns = {};
  if (ctx.rollout.spec.strategy?.canary) {
    next.step = reconcileStepBasedAnalysisRun(ctx, current.step);
    next.background = reconcileBackgroundAnalysisRun(ctx, current.background);
  } else {
    next.prePromotion = reconcilePromotionAnalysisRun(ctx, current.prePromotion, 'prePromotion');
    pauseOrAbort(ctx, next.prePromotion, 'prePromotion');
    next.postPromotion = reconcilePromotionAnalysisRun(ctx, current.postPromotion, 'postPromotion');
    pauseOrAbort(ctx, next.postPromotion, 'postPromotion');
  }
  ctx.currentArs = next;
  setCurrentAnalysisRuns(ctx, next);
  const nextNames = new Set(
    [next.step, next.background, next.prePromotion, next.postPromotion]
      .map((r) => r?.metadata?.name)
      .filter(Boolean),
  );
  const stale = others.filter((r) => !nextNames.has(r.metadata?.name));
  cancelAnalysisRuns(ctx, stale);
  const keepSucceeded = ctx.rollout.spec.analysis?.successfulRunHistoryLimit ?? 5;
  const keepFailed = ctx.rollout.spec.analysis?.unsuccessfulRunHistoryLimit ?? 5;
  for (const run of filterAnalysisRunsToDelete(stale, ctx.allRSs, keepSucceeded, keepFailed)) {
    if (!run.metadata?.deletionTimestamp)
      ctx.ports.client.delete('AnalysisRun', namespaceOf(ctx), run.metadata!.name!);
  }
  const prev = ctx.rollout.status;
  emitStatusChanges(
    ctx,
    prev?.blueGreen?.postPromotionAnalysisRunStatus,
    next.postPromotion,
    'postPromotion',
  );
  emitStatusChanges(
    ctx,
    prev?.blueGreen?.prePromotionAnalysisRunStatus,
    next.prePromotion,
    'prePromotion',
  );
  emitStatusChanges(ctx, prev?.canary?.currentStepAnalysisRunStatus, next.step, 'step');
  emitStatusChanges(
    ctx,
    prev?.canary?.currentBackgroundAnalysisRunStatus,
    next.background,
    'background',
  );
}
