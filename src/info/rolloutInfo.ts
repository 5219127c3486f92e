/**
 * The rollout view model builder: phase and message, strategy, step, weights, replica counters,
 * ReplicaSets, Experiments and AnalysisRuns. Mirrors argo-rollouts pkg/kubectl-argo-rollouts/info/
 * rollout_info.go, utils/rollout/rolloututil.go (GetRolloutPhase) and utils/replicaset/canary.go
 * (GetCurrentCanaryStep, GetCurrentSetWeight). Rule: built only from Kubernetes-shaped objects.
 */
import type {
  AnalysisRun,
  CanaryStepYaml,
  Deployment,
  Experiment,
  Pod,
  ReplicaSet,
  Rollout,
} from '../model/k8s';
import type { JobLike } from './analysisRunInfo';
import { analysisRunInfos } from './analysisRunInfo';
import { ICON, INFO_TAG, infoMetaOf, ownerKeyOf } from './common';
import { experimentImages, experimentInfos } from './experimentInfo';
import { ageOf, epochMsFromRfc3339 } from './humanDuration';
import { mergeImageAndTags } from './images';
import { replicaSetInfos } from './replicaSetInfo';
import type { ImageInfo, RolloutInfo } from './types';

/** The objects a rollout's view model is built from (everything in its namespace will do). */
export interface RolloutObjects {
  readonly replicaSets?: readonly ReplicaSet[];
  readonly pods?: readonly Pod[];
  readonly analysisRuns?: readonly AnalysisRun[];
  readonly experiments?: readonly Experiment[];
  /** Only used to date Job rows whose measurement has no start time. */
  readonly jobs?: readonly JobLike[];
  /** The Deployment named by `spec.workloadRef`, whose containers then replace the template's. */
  readonly workloadRef?: Deployment;
}

/** A phase and the message that explains it. */
export interface PhaseAndMessage {
  readonly phase: string;
  readonly message: string;
}

/**
 * `currentCanaryStep` returns the step at `status.currentStepIndex` (0 when unset), or `undefined`
 * when there are no steps or every step has run.
 */
export function currentCanaryStep(rollout: Rollout): CanaryStepYaml | undefined {
  const steps = rollout.spec.strategy?.canary?.steps ?? [];
  if (steps.length === 0) return undefined;
  const index = rollout.status?.currentStepIndex ?? 0;
  return index < steps.length ? steps[index] : undefined;
}

/**
 * `currentSetWeight` is the weight the canary should have now: 0 when aborted, 100 when there is
 * no current step, else the nearest `setWeight` at or before the current step (0 if none).
 *
 * Example: steps [setWeight 20, pause, setWeight 40], index 1 ⇒ 20; index 3 ⇒ 100.
 */
export function currentSetWeight(rollout: Rollout): number {
  if (rollout.status?.abort) return 0;
  const steps = rollout.spec.strategy?.canary?.steps ?? [];
  if (currentCanaryStep(rollout) === undefined) return 100;
  for (let i = rollout.status?.currentStepIndex ?? 0; i >= 0; i--) {
    const weight = steps[i]?.setWeight;
    if (weight !== undefined && weight !== null) return weight;
  }
  return 0;
}

/** Go's `strconv.Atoi`, or `undefined` when the text is not a decimal integer. */
function atoi(text: string | number | undefined): number | undefined {
  if (typeof text === 'number') return text;
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * `calculateRolloutPhase` is the controller-side phase rule, used when `status.phase` is empty
 * (objects written before Argo 1.0, or by hand). First match wins: InvalidSpec or an aborted /
 * timed-out condition ⇒ Degraded; `spec.paused` ⇒ Paused "manually paused"; a pause condition ⇒
 * Paused with its reason; a pending restart, missing updated or available replicas, a pending
 * blue-green cut-over or unfinished canary steps ⇒ Progressing; otherwise Healthy.
 */
export function calculateRolloutPhase(rollout: Rollout): PhaseAndMessage {
  const spec = rollout.spec;
  const status = rollout.status ?? {};
  for (const cond of status.conditions ?? []) {
    if (cond.type === 'InvalidSpec') {
      return { phase: 'Degraded', message: `InvalidSpec: ${cond.message}` };
    }
    if (cond.reason === 'RolloutAborted' || cond.reason === 'ProgressDeadlineExceeded') {
      return { phase: 'Degraded', message: `${cond.reason}: ${cond.message}` };
    }
  }
  if (spec.paused) return { phase: 'Paused', message: 'manually paused' };
  const pause = status.pauseConditions?.[0];
  if (pause) return { phase: 'Paused', message: pause.reason };
  if (spec.restartAt !== undefined && spec.restartAt !== null) {
    const restarted = status.restartedAt;
    const same =
      restarted !== undefined &&
      (epochMsFromRfc3339(spec.restartAt) ?? spec.restartAt) ===
        (epochMsFromRfc3339(restarted) ?? restarted);
    if (!same) return { phase: 'Progressing', message: 'rollout is restarting' };
  }
  const updated = status.updatedReplicas ?? 0;
  if (updated < (spec.replicas ?? 1)) {
    return { phase: 'Progressing', message: 'more replicas need to be updated' };
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return { phase: 'Progressing', message: 'updated replicas are still becoming available' };
  }
  const stableRS = status.stableRS ?? '';
  const fullyPromoted = stableRS === (status.currentPodHash ?? '');
  if (spec.strategy?.blueGreen) {
    const active = status.blueGreen?.activeSelector ?? '';
    if (active === '' || active !== (status.currentPodHash ?? '')) {
      return { phase: 'Progressing', message: 'active service cutover pending' };
    }
    if (stableRS === '' || !fullyPromoted) {
      const post = status.blueGreen?.postPromotionAnalysisRunStatus;
      const completed = ['Successful', 'Failed', 'Error', 'Inconclusive'].includes(
        post?.status ?? '',
      );
      const waiting = Boolean(spec.strategy.blueGreen.postPromotionAnalysis) && !completed;
      return {
        phase: 'Progressing',
        message: waiting
          ? 'waiting for analysis to complete'
          : 'waiting for post-promotion verification to complete',
      };
    }
  } else if (spec.strategy?.canary) {
    // Only basic canary waits for old pods: blue-green and traffic-routed canaries keep the old
    // stack on purpose during their scale-down delay.
    if (!spec.strategy.canary.trafficRouting && (status.replicas ?? 0) > updated) {
      return { phase: 'Progressing', message: 'old replicas are pending termination' };
    }
    if (stableRS === '' || !fullyPromoted) {
      return { phase: 'Progressing', message: 'waiting for all steps to complete' };
    }
  }
  return { phase: 'Healthy', message: '' };
}

/**
 * `rolloutPhase` is the phase and message a client shows (Argo's `GetRolloutPhase`): Progressing
 * while the controller has not observed the latest generation or is still unpausing; else
 * `status.phase`/`status.message` when the controller wrote them; else `calculateRolloutPhase`.
 */
export function rolloutPhase(rollout: Rollout): PhaseAndMessage {
  const status = rollout.status;
  const observed = atoi(status?.observedGeneration);
  const generation = rollout.metadata?.generation ?? 0;
  // A non-numeric observedGeneration (v0.9 hashes) counts as observed, as does a larger one.
  if (observed !== undefined && observed < generation) {
    return { phase: 'Progressing', message: 'waiting for rollout spec update to be observed' };
  }
  if (status?.controllerPause && (status.pauseConditions?.length ?? 0) === 0) {
    return { phase: 'Progressing', message: 'waiting for rollout to unpause' };
  }
  if (status?.phase) return { phase: status.phase, message: status.message ?? '' };
  return calculateRolloutPhase(rollout);
}

/** `rolloutIcon` maps a rollout phase to the plugin's icon (' ' when it has none). */
export function rolloutIcon(phase: string): string {
  switch (phase) {
    case 'Progressing':
      return ICON.progressing;
    case 'Error':
    case 'InvalidSpec':
      return ICON.warning;
    case 'Paused':
      return ICON.paused;
    case 'Healthy':
      return ICON.ok;
    case 'Degraded':
      return ICON.bad;
    case 'Unknown':
      return ICON.unknown;
    case 'ScaledDown':
      return ICON.neutral;
    default:
      return ' ';
  }
}

/**
 * `rolloutInfo` builds the view model of `rollout` from the objects around it at instant `nowMs`
 * (epoch ms; used only for AGE and scale-down delays), as Argo's `NewRolloutInfo` does. Children
 * are those whose owner references point at the rollout (ReplicaSets, Experiments,
 * AnalysisRuns), then at those ReplicaSets (Pods) and Experiments.
 *
 * Weights (canary only): SetWeight is `currentSetWeight`. ActualWeight is 100 once no step is
 * current; 0 while no pod is available; with traffic routing the router's recorded canary weight
 * (`status.canary.weights`, else SetWeight); without it, the canary ReplicaSet's share of
 * available pods, floored: `floor(canary.available * 100 / status.availableReplicas)`.
 */
export function rolloutInfo(rollout: Rollout, objects: RolloutObjects, nowMs: number): RolloutInfo {
  const key = ownerKeyOf('Rollout', rollout.metadata);
  const replicaSets = objects.replicaSets ?? [];
  const pods = objects.pods ?? [];
  const analysisRuns = objects.analysisRuns ?? [];
  const rsInfos = replicaSetInfos(key, rollout, replicaSets, pods, nowMs);
  const expInfos = experimentInfos(
    key,
    objects.experiments ?? [],
    { replicaSets, pods, analysisRuns, jobs: objects.jobs },
    nowMs,
  );
  const arInfos = analysisRunInfos(key, analysisRuns, nowMs, objects.jobs);

  const status = rollout.status ?? {};
  const canary = rollout.spec.strategy?.canary;
  let strategy = '';
  let step = '';
  let steps: readonly CanaryStepYaml[] = [];
  let setWeight = '';
  let actualWeight = '';
  if (canary) {
    strategy = 'Canary';
    const allSteps = canary.steps ?? [];
    if (status.currentStepIndex !== undefined && status.currentStepIndex !== null) {
      if (allSteps.length > 0) {
        step = `${status.currentStepIndex}/${allSteps.length}`;
        steps = allSteps;
      }
    }
    setWeight = String(currentSetWeight(rollout));
    actualWeight = '0';
    const available = status.availableReplicas ?? 0;
    if (currentCanaryStep(rollout) === undefined) {
      actualWeight = '100';
    } else if (available > 0) {
      if (!canary.trafficRouting) {
        for (const rs of rsInfos) {
          if (rs.canary) actualWeight = String(Math.trunc((rs.available * 100) / available));
        }
      } else {
        const weights = status.canary?.weights;
        actualWeight = weights ? String(weights.canary.weight) : setWeight;
      }
    }
  } else if (rollout.spec.strategy?.blueGreen) {
    strategy = 'BlueGreen';
  }

  const { phase, message } = rolloutPhase(rollout);
  const podSpec = objects.workloadRef?.spec?.template?.spec ?? rollout.spec.template?.spec;
  return {
    objectMeta: infoMetaOf(rollout.metadata),
    age: ageOf(rollout.metadata?.creationTimestamp, nowMs),
    status: phase,
    message,
    icon: rolloutIcon(phase),
    strategy,
    step,
    setWeight,
    actualWeight,
    ready: status.readyReplicas ?? 0,
    current: status.replicas ?? 0,
    desired: rollout.spec.replicas ?? 1,
    updated: status.updatedReplicas ?? 0,
    available: status.availableReplicas ?? 0,
    restartedAt: status.restartedAt ?? 'Never',
    generation: String(status.observedGeneration ?? ''),
    containers: (podSpec?.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '' })),
    initContainers: (podSpec?.initContainers ?? []).map((c) => ({
      name: c.name,
      image: c.image ?? '',
    })),
    steps,
    replicaSets: rsInfos,
    experiments: expInfos,
    analysisRuns: arInfos,
  };
}

/**
 * `rolloutImages` lists the images running in ReplicaSets with pods (`status.replicas > 0`), sorted
 * by image, each tagged with the roles running it (`canary`, `stable`, `active`, `preview`,
 * `ping`, `pong`), then the images of the rollout's Experiments tagged `Σ:<template>`.
 */
export function rolloutImages(info: RolloutInfo): ImageInfo[] {
  let images: ImageInfo[] = [];
  for (const rs of info.replicaSets) {
    if (rs.replicas <= 0) continue;
    const tags: string[] = [];
    if (rs.canary) tags.push(INFO_TAG.canary);
    if (rs.stable) tags.push(INFO_TAG.stable);
    if (rs.active) tags.push(INFO_TAG.active);
    if (rs.preview) tags.push(INFO_TAG.preview);
    if (rs.ping) tags.push(INFO_TAG.ping);
    if (rs.pong) tags.push(INFO_TAG.pong);
    for (const image of rs.images) images = mergeImageAndTags({ image, tags }, images);
  }
  for (const exp of info.experiments) {
    for (const image of experimentImages(exp)) images = mergeImageAndTags(image, images);
  }
  return images;
}

/** `rolloutRevisions` lists every revision that has a ReplicaSet, Experiment or run, newest first. */
export function rolloutRevisions(info: RolloutInfo): number[] {
  const revisions = new Set<number>();
  for (const rs of info.replicaSets) revisions.add(rs.revision);
  for (const exp of info.experiments) revisions.add(exp.revision);
  for (const run of info.analysisRuns) revisions.add(run.revision);
  return [...revisions].sort((a, b) => b - a);
}
