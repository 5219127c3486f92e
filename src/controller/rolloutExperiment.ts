/**
 * The Rollout side of experiments: creating the current `experiment` step's Experiment, pausing on
 * Inconclusive and aborting on Failed/Error, terminating experiments that are no longer current,
 * history limits, `status.canary.currentExperiment`, and the traffic destinations of a running
 * experiment. Mirrors rollout/experiment.go and calculateWeightDestinationsFromExperiment in
 * rollout/trafficrouting.go. The experiments themselves run in their own actors (experiment.ts).
 */
import type { Experiment } from '../model';
import {
  experimentHasFinished,
  filterExperimentsToDelete,
  getCurrentCanaryStep,
  getCurrentExperimentStep,
  isExperimentSemanticallyEqual,
  newExperimentFromRollout,
} from '../kernels';
import type { WeightDestination } from '../traffic';
import { PauseReason } from './constants';
import { addAbort, addPauseCondition, getPauseCondition, isAborted } from './pauseContext';
import { currentTemplateHash, record, type RolloutContext } from './rolloutContext';

/** The experiments one reconcile sees: the one named in status and every other owned one. */
type ExperimentState = NonNullable<RolloutContext['experiments']>;

function namespaceOf(ctx: RolloutContext): string {
  return ctx.rollout.metadata?.namespace ?? 'default';
}

/** experimentsOf lists the Experiments the rollout controls (getExperimentsForRollout). */
export function experimentsOf(ctx: RolloutContext): Experiment[] {
  const uid = ctx.rollout.metadata?.uid;
  const name = ctx.rollout.metadata?.name;
  return ctx.ports.client
    .list('Experiment', namespaceOf(ctx))
    .filter((ex) =>
      (ex.metadata.ownerReferences ?? []).some(
        (ref) =>
          ref.controller && ref.kind === 'Rollout' && (uid ? ref.uid === uid : ref.name === name),
      ),
    ) as unknown as Experiment[];
}

function stateOf(ctx: RolloutContext): ExperimentState {
  let state = ctx.experiments;
  if (!state) {
    const all = experimentsOf(ctx);
    const currentName = ctx.rollout.status?.canary?.currentExperiment;
    const current = currentName ? all.find((ex) => ex.metadata?.name === currentName) : undefined;
    state = { current, others: all.filter((ex) => ex !== current), decided: false };
    ctx.experiments = state;
  }
  return state;
}

/**
 * currentExperimentOf: the rollout's current Experiment — the one named in
 * `status.canary.currentExperiment` when the reconcile started, or the one reconcileExperiments
 * created or kept. Step completion checks its phase is Successful.
 */
export function currentExperimentOf(ctx: RolloutContext): Experiment | undefined {
  return stateOf(ctx).current;
}

/** completedExperimentStep: the current step is an experiment step whose Experiment is Successful. */
export function completedExperimentStep(ctx: RolloutContext): boolean {
  return currentExperimentOf(ctx)?.status?.phase === 'Successful';
}

function setCurrentExperimentName(ctx: RolloutContext, name: string | undefined): void {
  const canary = { ...(ctx.newStatus.canary ?? {}) };
  if (name) canary.currentExperiment = name;
  else delete canary.currentExperiment;
  ctx.newStatus.canary = canary;
}

/** setCurrentExperiment ports SetCurrentExperiment: records it in status and rescues it from the others. */
function setCurrentExperiment(ctx: RolloutContext, ex: Experiment): void {
  const state = stateOf(ctx);
  state.current = ex;
  state.others = state.others.filter((o) => o.metadata?.name !== ex.metadata?.name);
  setCurrentExperimentName(ctx, ex.metadata?.name);
}

/**
 * keepCurrentExperiment: on a pass that does not reconcile experiments (replicas only, or an
 * early return), the status keeps naming the current experiment, as Argo's
 * carryOverUnreconciledStatus does.
 */
export function keepCurrentExperiment(ctx: RolloutContext): void {
  const state = stateOf(ctx);
  if (state.decided) return;
  setCurrentExperimentName(ctx, ctx.rollout.status?.canary?.currentExperiment);
}

/** cancelExperiments sets spec.terminate on every experiment not yet terminating or finished. */
function cancelExperiments(ctx: RolloutContext, exs: readonly (Experiment | undefined)[]): void {
  for (const ex of exs) {
    if (!ex || ex.spec?.terminate || experimentHasFinished(ex)) continue;
    ctx.ports.client.patch('Experiment', namespaceOf(ctx), ex.metadata!.name!, {
      spec: { terminate: true },
    });
  }
}

/**
 * createExperimentWithCollisionHandling: create under the base name; when it is taken by our own,
 * unfinished, semantically equal experiment adopt it, otherwise try `<base>-1`, `<base>-2`, ….
 */
function createExperimentWithCollisionHandling(ctx: RolloutContext, ex: Experiment): Experiment {
  const base = ex.metadata?.name ?? '';
  const uid = ctx.rollout.metadata?.uid;
  for (let counter = 1; ; counter++) {
    const name = counter === 1 ? base : `${base}-${counter - 1}`;
    const existing = ctx.ports.client.get('Experiment', namespaceOf(ctx), name) as unknown as
      Experiment | undefined;
    if (!existing) {
      const candidate = { ...ex, metadata: { ...ex.metadata, name } };
      return ctx.ports.client.create(candidate) as unknown as Experiment;
    }
    const owner = existing.metadata?.ownerReferences?.find((r) => r.controller);
    const sameOwner =
      !!owner && (uid ? owner.uid === uid : owner.name === ctx.rollout.metadata?.name);
    if (
      !experimentHasFinished(existing) &&
      isExperimentSemanticallyEqual(ex.spec, existing.spec) &&
      sameOwner
    ) {
      return existing;
    }
  }
}

/**
 * reconcileExperiments ports rolloutContext.reconcileExperiments: aborted or promoting fully ⇒
 * terminate all; an inconclusive analysis pause ⇒ leave them; on an experiment step create the
 * Experiment once a stable ReplicaSet exists (event ExperimentCreated), then Inconclusive ⇒ pause
 * InconclusiveExperiment, Failed/Error ⇒ abort with its message, Successful ⇒ no longer current,
 * otherwise current; leaving the step terminates it; old ones beyond the history limits are deleted.
 */
export function reconcileExperiments(ctx: RolloutContext): void {
  const state = stateOf(ctx);
  if (isAborted(ctx.pause) || ctx.rollout.status?.promoteFull) {
    state.decided = true;
    cancelExperiments(ctx, [...state.others, state.current]);
    return;
  }
  if (getPauseCondition(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return;
  state.decided = true;

  const { step, index } = getCurrentCanaryStep(ctx.rollout);
  let current = state.current;
  if (step?.experiment) {
    if (!current) {
      if (!ctx.stableRS) return;
      const built = newExperimentFromRollout({
        rollout: ctx.rollout,
        stableRS: ctx.stableRS,
        newRS: ctx.newRS,
        podHash: currentTemplateHash(ctx),
      });
      if (built.kind === 'error') {
        record(
          ctx,
          'ExperimentError',
          `Failed to create Experiment for step ${index ?? 0}: ${built.message}`,
          'Warning',
        );
        return;
      }
      if (!built.value) return;
      current = createExperimentWithCollisionHandling(ctx, built.value);
      record(ctx, 'ExperimentCreated', `Created Experiment '${current.metadata?.name}'`);
    }
    switch (current.status?.phase) {
      case 'Inconclusive':
        addPauseCondition(ctx.pause, PauseReason.InconclusiveExperiment);
        break;
      case 'Error':
      case 'Failed':
        addAbort(ctx.pause, current.status?.message ?? '');
        break;
      case 'Successful':
        break;
      default:
        setCurrentExperiment(ctx, current);
    }
  }

  const others = [...state.others];
  if (current && !step?.experiment) others.push(current);
  cancelExperiments(ctx, others);
  const keepSucceeded = ctx.rollout.spec.analysis?.successfulRunHistoryLimit ?? 5;
  const keepFailed = ctx.rollout.spec.analysis?.unsuccessfulRunHistoryLimit ?? 5;
  for (const ex of filterExperimentsToDelete(others, ctx.allRSs, keepSucceeded, keepFailed)) {
    if (!ex.metadata?.deletionTimestamp)
      ctx.ports.client.delete('Experiment', namespaceOf(ctx), ex.metadata!.name!);
  }
}

/**
 * experimentWeightDestinations ports calculateWeightDestinationsFromExperiment: while the current
 * experiment step's Experiment is Running, one destination per template status (service, pod hash)
 * with the step template's `weight`. Templates without a weight are skipped (Argo would dereference nil).
 */
export function experimentWeightDestinations(ctx: RolloutContext): WeightDestination[] {
  const step = getCurrentExperimentStep(ctx.rollout);
  const ex = currentExperimentOf(ctx);
  if (!step || !ex || ex.status?.phase !== 'Running') return [];
  const out: WeightDestination[] = [];
  for (const ts of ex.status?.templateStatuses ?? []) {
    const weight = step.templates?.find((t) => t.name === ts.name)?.weight;
    if (weight === undefined) continue;
    out.push({
      serviceName: ts.serviceName ?? '',
      podTemplateHash: ts.podTemplateHash ?? '',
      weight,
    });
  }
  return out;
}
