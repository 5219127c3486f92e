// How a Rollout's `experiment` step becomes an Experiment object: name, labels, owner, templates
// from the canary/stable ReplicaSets, analyses with Rollout-side args. Argo counterpart:
// rollout/experiment.go (GetExperimentFromTemplate). Rule: pure; the caller creates the object.
import type { Experiment, ReplicaSet, Rollout } from '../model';
import { buildArgumentsForRolloutAnalysisRun, type Result } from './analysisTemplates';
import { CONTROLLER_INSTANCE_ID_LABEL, REVISION_ANNOTATION } from './analysisRollout';
import { ROLLOUT_POD_TEMPLATE_HASH_LABEL } from './defaults';
import type { ExperimentTemplate } from './experiment';
import { getCurrentCanaryStep, getCurrentExperimentStep } from './steps';

/** NewExperimentFromRolloutInput is what newExperimentFromRollout needs. */
export interface NewExperimentFromRolloutInput {
  readonly rollout: Rollout;
  readonly stableRS: ReplicaSet | null | undefined;
  readonly newRS: ReplicaSet | null | undefined;
  /** The pod-template hash of the rollout's current template (ComputePodTemplateHash). */
  readonly podHash: string;
  /** Controller instance id label, when the controller runs with one. */
  readonly instanceID?: string;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * experimentNameForRollout: `<rollout>-<podHash>-<revision>-<stepIndex>`.
 * Example: ('guestbook', '6c4f8b', '2', 1) → "guestbook-6c4f8b-2-1".
 */
export function experimentNameForRollout(
  rolloutName: string,
  podHash: string,
  revision: string,
  stepIndex: number,
): string {
  return `${rolloutName}-${podHash}-${revision}-${stepIndex}`;
}

/**
 * newExperimentFromRollout ports GetExperimentFromTemplate: for the current experiment step
 * (undefined when there is none) an Experiment named by {@link experimentNameForRollout}, labelled
 * with the rollout's labels plus the pod-template hash, annotated with the revision, owned by the
 * rollout. Each template copies the pod template, minReadySeconds and (unless given) selector of
 * the canary (`specRef: canary`) or stable ReplicaSet, adds `metadata` labels to both pod labels
 * and selector, and gets a Service when `weight` or `service` is set. Analyses get their args
 * built as for a Rollout analysis run (hashes, field refs).
 */
export function newExperimentFromRollout(
  input: NewExperimentFromRolloutInput,
): Result<Experiment | undefined> {
  const { rollout } = input;
  const step = getCurrentExperimentStep(rollout);
  if (!step) return { kind: 'ok', value: undefined };
  const index = getCurrentCanaryStep(rollout).index ?? 0;
  const revision = rollout.metadata?.annotations?.[REVISION_ANNOTATION] ?? '';
  const labels: Record<string, string> = {
    ...(rollout.metadata?.labels ?? {}),
    [ROLLOUT_POD_TEMPLATE_HASH_LABEL]: input.podHash,
  };
  if (input.instanceID) labels[CONTROLLER_INSTANCE_ID_LABEL] = input.instanceID;
  const spec: Experiment['spec'] = { templates: [] };
  if (step.duration !== undefined && step.duration !== '') spec.duration = step.duration;
  if (rollout.spec.progressDeadlineSeconds !== undefined)
    spec.progressDeadlineSeconds = rollout.spec.progressDeadlineSeconds;
  if (step.dryRun) spec.dryRun = clone(step.dryRun);
  if (step.analysisRunMetadata) spec.analysisRunMetadata = clone(step.analysisRunMetadata);

  for (const ts of step.templates ?? []) {
    let source: ReplicaSet | null | undefined;
    if (ts.specRef === 'canary') source = input.newRS;
    else if (ts.specRef === 'stable') source = input.stableRS;
    else
      return { kind: 'error', message: 'Invalid template step SpecRef: must be canary or stable' };
    const template = clone<ExperimentTemplate['template']>(source?.spec?.template ?? {});
    const selector = clone<ExperimentTemplate['selector']>(
      ts.selector ?? source?.spec?.selector ?? {},
    );
    const out: ExperimentTemplate = { name: ts.name, selector, template };
    if (ts.replicas !== undefined) out.replicas = ts.replicas;
    if (source?.spec?.minReadySeconds) out.minReadySeconds = source.spec.minReadySeconds;
    if (ts.weight !== undefined || ts.service !== undefined) {
      out.service = ts.service?.name ? { name: ts.service.name } : {};
    }
    const extraLabels = ts.metadata?.labels;
    if (extraLabels) {
      template.metadata = { ...(template.metadata ?? {}) };
      template.metadata.labels = { ...(template.metadata.labels ?? {}), ...extraLabels };
      selector.matchLabels = { ...(selector.matchLabels ?? {}), ...extraLabels };
    }
    const extraAnnotations = ts.metadata?.annotations;
    if (extraAnnotations) {
      template.metadata = { ...(template.metadata ?? {}) };
      template.metadata.annotations = {
        ...(template.metadata.annotations ?? {}),
        ...extraAnnotations,
      };
    }
    spec.templates.push(out);
  }

  for (const analysis of step.analyses ?? []) {
    const args = buildArgumentsForRolloutAnalysisRun(
      analysis.args,
      input.stableRS,
      input.newRS,
      rollout,
    );
    if (args.kind === 'error') return args;
    const ref: NonNullable<Experiment['spec']['analyses']>[number] = {
      name: analysis.name,
      templateName: analysis.templateName,
    };
    if (analysis.clusterScope) ref.clusterScope = true;
    if (args.value.length > 0) ref.args = args.value;
    if (analysis.requiredForCompletion) ref.requiredForCompletion = true;
    (spec.analyses ??= []).push(ref);
  }

  const experiment: Experiment = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    metadata: {
      name: experimentNameForRollout(rollout.metadata?.name ?? '', input.podHash, revision, index),
      namespace: rollout.metadata?.namespace ?? 'default',
      labels,
      annotations: { [REVISION_ANNOTATION]: revision },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          name: rollout.metadata?.name ?? '',
          uid: rollout.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  };
  return { kind: 'ok', value: experiment };
}
