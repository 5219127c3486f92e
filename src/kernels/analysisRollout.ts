/**
 * How a Rollout names, labels, creates, skips and garbage-collects its AnalysisRuns.
 * Argo counterparts: rollout/analysis.go (newAnalysisRunFromRollout, skip checks),
 * utils/analysis/{factory,filter,helpers}.go. Rule: pure; the caller creates/deletes the objects.
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  ClusterAnalysisTemplate,
  ReplicaSet,
  Rollout,
} from '../model';
import { isCompletedPhase } from './analysis';
import type { DryRunRule, MeasurementRetentionRule } from './analysis';
import {
  buildArgumentsForRolloutAnalysisRun,
  isSemanticallyEqual,
  newAnalysisRunFromTemplates,
  resolveTemplateRefs,
} from './analysisTemplates';
import type { Result, RolloutArgument, TemplateRef } from './analysisTemplates';
import { isSaturated } from './blueGreen';
import { ROLLOUT_POD_TEMPLATE_HASH_LABEL } from './defaults';
import { availableReplicas, getPodTemplateHash, specReplicas } from './replicaSets';

/** ROLLOUT_TYPE_LABEL tells which kind of analysis created a run. */
export const ROLLOUT_TYPE_LABEL = 'rollout-type';
/** ROLLOUT_CANARY_STEP_INDEX_LABEL carries the step index of an inline analysis run. */
export const ROLLOUT_CANARY_STEP_INDEX_LABEL = 'step-index';
/** CONTROLLER_INSTANCE_ID_LABEL scopes objects to one controller instance. */
export const CONTROLLER_INSTANCE_ID_LABEL = 'argo-rollouts.argoproj.io/controller-instance-id';
/** REVISION_ANNOTATION is the rollout revision stamped on runs. */
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';

/** AnalysisRunKind is which analysis of a Rollout a run belongs to. */
export type AnalysisRunKind = 'background' | 'step' | 'prePromotion' | 'postPromotion';

const ROLLOUT_TYPE: Readonly<Record<AnalysisRunKind, string>> = {
  background: 'Background',
  step: 'Step',
  prePromotion: 'PrePromotion',
  postPromotion: 'PostPromotion',
};

/**
 * analysisRunLabels ports BackgroundLabels / StepLabels / PrePromotionLabels / PostPromotionLabels:
 * the pod-template hash, `rollout-type`, `step-index` for steps, and the controller instance id
 * when one is set.
 */
export function analysisRunLabels(
  kind: AnalysisRunKind,
  podHash: string,
  instanceID = '',
  stepIndex?: number,
): Record<string, string> {
  const labels: Record<string, string> = {
    [ROLLOUT_POD_TEMPLATE_HASH_LABEL]: podHash,
    [ROLLOUT_TYPE_LABEL]: ROLLOUT_TYPE[kind],
  };
  if (kind === 'step') labels[ROLLOUT_CANARY_STEP_INDEX_LABEL] = String(stepIndex ?? 0);
  if (instanceID !== '') labels[CONTROLLER_INSTANCE_ID_LABEL] = instanceID;
  return labels;
}

/**
 * analysisRunName builds `<rollout>-<hash>-<revision>` plus `-<stepIndex>` for a step, `-pre` /
 * `-post` for blue-green promotion analyses and nothing for background analysis.
 * Example: ('guestbook', '6c4f8b', '2', 'step', 1) → "guestbook-6c4f8b-2-1".
 */
export function analysisRunName(
  rolloutName: string,
  podHash: string,
  revision: string,
  kind: AnalysisRunKind,
  stepIndex?: number,
): string {
  const parts = [rolloutName, podHash, revision];
  if (kind === 'step') parts.push(String(stepIndex ?? 0));
  if (kind === 'prePromotion') parts.push('pre');
  if (kind === 'postPromotion') parts.push('post');
  return parts.join('-');
}

/** RolloutAnalysisSpec is the part of a Rollout that asks for a run (step, background, pre/post). */
export interface RolloutAnalysisSpec {
  readonly templates?: readonly TemplateRef[] | undefined;
  readonly args?: readonly RolloutArgument[] | undefined;
  readonly dryRun?: readonly DryRunRule[] | undefined;
  readonly measurementRetention?: readonly MeasurementRetentionRule[] | undefined;
  readonly analysisRunMetadata?:
    | {
        readonly labels?: Readonly<Record<string, string>> | undefined;
        readonly annotations?: Readonly<Record<string, string>> | undefined;
      }
    | undefined;
}

/** NewRunFromRolloutInput is everything newAnalysisRunFromRollout needs. */
export interface NewRunFromRolloutInput {
  readonly rollout: Rollout;
  /** The step's `analysis`, `canary.analysis`, or blue-green pre/post promotion analysis. */
  readonly analysis: RolloutAnalysisSpec;
  readonly kind: AnalysisRunKind;
  /** Required for kind 'step'. */
  readonly stepIndex?: number;
  /** All AnalysisTemplates visible (filtered by the Rollout's namespace here). */
  readonly templates: readonly AnalysisTemplate[];
  readonly clusterTemplates: readonly ClusterAnalysisTemplate[];
  readonly newRS: ReplicaSet | null | undefined;
  readonly stableRS: ReplicaSet | null | undefined;
  /** Controller instance id label, when the controller runs with one. */
  readonly instanceID?: string;
}

/**
 * newAnalysisRunFromRollout ports rolloutContext.newAnalysisRunFromRollout: resolves the template
 * references, builds the Rollout-side args (hashes, field refs), merges everything into a run named
 * by {@link analysisRunName}, labelled by {@link analysisRunLabels} plus analysisRunMetadata, with
 * the revision annotation and a controller owner reference to the Rollout. The result is ready to
 * be created (see {@link nameForNewAnalysisRun} for the `.1`, `.2` collision rule).
 */
export function newAnalysisRunFromRollout(input: NewRunFromRolloutInput): Result<AnalysisRun> {
  const { rollout, analysis, kind } = input;
  const namespace = rollout.metadata?.namespace ?? 'default';
  const podHash = getPodTemplateHash(input.newRS);
  const revision = rollout.metadata?.annotations?.[REVISION_ANNOTATION] ?? '';
  const args = buildArgumentsForRolloutAnalysisRun(
    analysis.args,
    input.stableRS,
    input.newRS,
    rollout,
  );
  if (args.kind === 'error') return args;
  const resolved = resolveTemplateRefs(
    analysis.templates,
    namespace,
    input.templates,
    input.clusterTemplates,
  );
  if (resolved.kind === 'error') return resolved;
  const labels = {
    ...analysisRunLabels(kind, podHash, input.instanceID ?? '', input.stepIndex),
    ...(analysis.analysisRunMetadata?.labels ?? {}),
  };
  const annotations = {
    [REVISION_ANNOTATION]: revision,
    ...(analysis.analysisRunMetadata?.annotations ?? {}),
  };
  const run = newAnalysisRunFromTemplates(
    resolved.value.templates,
    resolved.value.clusterTemplates,
    args.value,
    analysis.dryRun,
    analysis.measurementRetention,
    {
      name: analysisRunName(rollout.metadata?.name ?? '', podHash, revision, kind, input.stepIndex),
      namespace,
      labels,
      annotations,
    },
  );
  if (run.kind === 'error') return run;
  const owner = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: rollout.metadata?.name ?? '',
    uid: rollout.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
  return {
    kind: 'ok',
    value: { ...run.value, metadata: { ...run.value.metadata, ownerReferences: [owner] } },
  };
}

/** NameDecision says whether to create the run under a (possibly suffixed) name or adopt one. */
export type NameDecision =
  | { readonly kind: 'create'; readonly name: string }
  | { readonly kind: 'adopt'; readonly run: AnalysisRun };

function controllerUid(run: AnalysisRun): string | undefined {
  return run.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
}

/**
 * nameForNewAnalysisRun ports CreateWithCollisionCounter against the runs that already exist:
 * while the name is taken, an existing run that is not completed, has a semantically equal spec
 * and the same controller is adopted (a stale-cache re-create); otherwise the next name
 * `<base>.1`, `<base>.2`, … is tried. A run without a controller owner reference is an error.
 */
export function nameForNewAnalysisRun(
  run: AnalysisRun,
  existing: readonly AnalysisRun[],
): Result<NameDecision> {
  const uid = controllerUid(run);
  if (uid === undefined)
    return { kind: 'error', message: 'Supplied run does not have an owner reference' };
  const namespace = run.metadata?.namespace;
  const base = run.metadata?.name ?? '';
  let name = base;
  for (let counter = 1; ; counter++) {
    const taken = existing.find(
      (r) =>
        r.metadata?.name === name &&
        (namespace === undefined || r.metadata?.namespace === namespace),
    );
    if (!taken) return { kind: 'ok', value: { kind: 'create', name } };
    if (
      !isCompletedPhase(taken.status?.phase) &&
      isSemanticallyEqual(run.spec, taken.spec) &&
      controllerUid(taken) === uid
    ) {
      return { kind: 'ok', value: { kind: 'adopt', run: taken } };
    }
    name = `${base}.${counter}`;
  }
}

/**
 * filterAnalysisRunsToDelete ports FilterAnalysisRunsToDelete: runs without a pod-hash label, or
 * whose ReplicaSet is gone or being deleted, are deleted; the rest, newest first, keep
 * `limitSuccessful` Successful and `limitUnsuccessful` Failed/Error/Inconclusive runs. Runs still
 * in progress are never deleted by the limits.
 */
export function filterAnalysisRunsToDelete(
  runs: readonly AnalysisRun[],
  replicaSets: readonly (ReplicaSet | null | undefined)[],
  limitSuccessful: number,
  limitUnsuccessful: number,
): AnalysisRun[] {
  const rsAlive = new Map<string, boolean>();
  for (const rs of replicaSets) {
    const hash = rs?.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL];
    if (rs && hash !== undefined) rsAlive.set(hash, !rs.metadata?.deletionTimestamp);
  }
  const sorted = runs
    .map((r, i) => ({ r, i, created: r.metadata?.creationTimestamp ?? '' }))
    .sort((a, b) => (a.created === b.created ? a.i - b.i : a.created > b.created ? -1 : 1))
    .map((x) => x.r);
  let keptSuccessful = 0;
  let keptUnsuccessful = 0;
  const out: AnalysisRun[] = [];
  for (const run of sorted) {
    const hash = run.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL];
    if (hash === undefined || rsAlive.get(hash) !== true) {
      out.push(run);
      continue;
    }
    const phase = run.status?.phase;
    if (phase === 'Successful') {
      if (keptSuccessful < limitSuccessful) keptSuccessful++;
      else out.push(run);
    } else if (isCompletedPhase(phase)) {
      if (keptUnsuccessful < limitUnsuccessful) keptUnsuccessful++;
      else out.push(run);
    }
  }
  return out;
}

function previewReplicaCount(rollout: Rollout): number | undefined {
  return rollout.spec.strategy?.blueGreen?.previewReplicaCount ?? undefined;
}

function newRSReadyForAnalysis(rollout: Rollout, newRS: ReplicaSet | null | undefined): boolean {
  const preview = previewReplicaCount(rollout);
  if (preview !== undefined && preview !== null) {
    return !!newRS && specReplicas(newRS) === preview && availableReplicas(newRS) === preview;
  }
  return isSaturated(rollout, newRS);
}

/**
 * skipPrePromotionAnalysisRun ports skipPrePromotionAnalysisRun: no pre-promotion run when the new
 * ReplicaSet is already stable or active, when there is no active selector yet (initial deploy),
 * when the new RS has no hash, or — unless a run already exists — while the new RS is not yet
 * saturated (at previewReplicaCount when that is set).
 */
export function skipPrePromotionAnalysisRun(
  rollout: Rollout,
  newRS: ReplicaSet | null | undefined,
  currentRun: AnalysisRun | null | undefined,
): boolean {
  const hash = getPodTemplateHash(newRS);
  const status = rollout.status;
  const active = status?.blueGreen?.activeSelector ?? '';
  if (status?.stableRS === hash || active === '' || active === hash || hash === '') return true;
  if (currentRun) return false;
  return !newRSReadyForAnalysis(rollout, newRS);
}

/**
 * skipPostPromotionAnalysisRun ports skipPostPromotionAnalysisRun: no post-promotion run when the
 * new ReplicaSet is already stable, is not yet the active one, has no hash, or — unless a run
 * already exists — is not saturated.
 */
export function skipPostPromotionAnalysisRun(
  rollout: Rollout,
  newRS: ReplicaSet | null | undefined,
  currentRun: AnalysisRun | null | undefined,
): boolean {
  const hash = getPodTemplateHash(newRS);
  const status = rollout.status;
  const active = status?.blueGreen?.activeSelector ?? '';
  if (status?.stableRS === hash || active !== hash || hash === '') return true;
  if (currentRun) return false;
  return !isSaturated(rollout, newRS);
}
