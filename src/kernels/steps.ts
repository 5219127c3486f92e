// Mirrors the step-resolution helpers of argo-rollouts utils/replicaset/canary.go:
// GetCurrentCanaryStep, GetCurrentSetWeight, UseSetCanaryScale, GetCanaryReplicasOrWeight,
// GetCurrentExperimentStep and BeforeStartingStep.
import type { CanaryStepYaml, Rollout } from '../model/k8s';
import { getAbortScaleDownDelaySecondsOrDefault, getMaxTrafficWeight } from './defaults';

/** `spec.strategy.canary.steps[i].setCanaryScale` as written in YAML. */
export type SetCanaryScale = NonNullable<CanaryStepYaml['setCanaryScale']>;
/** `spec.strategy.canary.steps[i].experiment` as written in YAML. */
export type ExperimentStep = NonNullable<CanaryStepYaml['experiment']>;

/** The current canary step and its index (see {@link getCurrentCanaryStep}). */
export interface CurrentCanaryStep {
  /** The step at the index, or undefined once the index is past the last step. */
  readonly step: CanaryStepYaml | undefined;
  /** `status.currentStepIndex` (missing counts as 0), or undefined when there are no steps. */
  readonly index: number | undefined;
}

function canarySteps(rollout: Rollout): readonly CanaryStepYaml[] {
  return rollout.spec.strategy?.canary?.steps ?? [];
}

/**
 * GetCurrentCanaryStep returns the step at `status.currentStepIndex` (missing ⇒ 0). With no
 * canary steps both parts are undefined; past the end the step is undefined but the index is kept.
 *
 * Example: steps [pause {}], index unset → {step: pause, index: 0}; index 1 → {step: undefined,
 * index: 1}; no steps → {step: undefined, index: undefined}.
 */
export function getCurrentCanaryStep(rollout: Rollout): CurrentCanaryStep {
  const steps = canarySteps(rollout);
  if (steps.length === 0) return { step: undefined, index: undefined };
  const index = rollout.status?.currentStepIndex ?? 0;
  return { step: index < steps.length ? steps[index] : undefined, index };
}

/**
 * GetCurrentSetWeight returns the setWeight in force: 0 when aborted, MAXW when there is no
 * current step (no steps, or all done), otherwise the nearest setWeight at or before the current
 * index (0 if none).
 *
 * Example: steps [setWeight 10, pause, setWeight 40] at index 1 → 10; index 3 → 100; aborted → 0.
 */
export function getCurrentSetWeight(rollout: Rollout): number {
  if (rollout.status?.abort) return 0;
  const { step, index } = getCurrentCanaryStep(rollout);
  if (step === undefined || index === undefined) return getMaxTrafficWeight(rollout);
  const steps = canarySteps(rollout);
  for (let i = index; i >= 0; i--) {
    const weight = steps[i]?.setWeight;
    if (weight !== undefined) return weight;
  }
  return 0;
}

/**
 * UseSetCanaryScale returns the setCanaryScale in force, or undefined. It needs traffic routing;
 * the nearest setCanaryScale at or before the current index wins unless it says
 * `matchTrafficWeight`; an abort disables it unless `abortScaleDownDelaySeconds` is explicitly 0.
 *
 * Example: TR, steps [setWeight 10, setCanaryScale {replicas: 5}, pause] at index 2 →
 * {replicas: 5}; the same without trafficRouting → undefined.
 */
export function useSetCanaryScale(rollout: Rollout): SetCanaryScale | undefined {
  if (!rollout.spec.strategy?.canary?.trafficRouting) return undefined;
  if (rollout.status?.abort) {
    if (getAbortScaleDownDelaySecondsOrDefault(rollout).seconds !== undefined) return undefined;
  }
  const { step, index } = getCurrentCanaryStep(rollout);
  if (step === undefined || index === undefined) return undefined;
  const steps = canarySteps(rollout);
  for (let i = index; i >= 0; i--) {
    const scale = steps[i]?.setCanaryScale;
    if (scale === undefined) continue;
    if (scale.matchTrafficWeight) return undefined;
    return scale;
  }
  return undefined;
}

/** What the canary should be sized to: an explicit pod count, or a traffic weight. */
export interface CanaryReplicasOrWeight {
  /** Explicit canary pod count from setCanaryScale.replicas, or undefined. */
  readonly replicas: number | undefined;
  /** Target weight out of MAXW (0 when `replicas` is set). */
  readonly weight: number;
}

/**
 * GetCanaryReplicasOrWeight returns either a fixed canary pod count or the target weight:
 * MAXW when fully promoting, before the first stable exists, or once stable == current;
 * otherwise a setCanaryScale in force, else the current setWeight.
 *
 * Example: status.promoteFull → {weight: 100}; TR with setCanaryScale {replicas: 5} in force →
 * {replicas: 5, weight: 0}; setCanaryScale {weight: 20} → {weight: 20}.
 */
export function getCanaryReplicasOrWeight(rollout: Rollout): CanaryReplicasOrWeight {
  const status = rollout.status;
  const stableRS = status?.stableRS ?? '';
  if (status?.promoteFull || stableRS === '' || (status?.currentPodHash ?? '') === stableRS) {
    return { replicas: undefined, weight: getMaxTrafficWeight(rollout) };
  }
  const scale = useSetCanaryScale(rollout);
  if (scale?.replicas !== undefined) return { replicas: scale.replicas, weight: 0 };
  if (scale?.weight !== undefined) return { replicas: undefined, weight: scale.weight };
  return { replicas: undefined, weight: getCurrentSetWeight(rollout) };
}

/**
 * GetCurrentExperimentStep returns the nearest experiment step at or before the current index,
 * or undefined (also once the steps are finished).
 *
 * Example: steps [experiment, pause] at index 1 → the experiment; at index 2 → undefined.
 */
export function getCurrentExperimentStep(rollout: Rollout): ExperimentStep | undefined {
  const { step, index } = getCurrentCanaryStep(rollout);
  if (step === undefined || index === undefined) return undefined;
  const steps = canarySteps(rollout);
  for (let i = index; i >= 0; i--) {
    const experiment = steps[i]?.experiment;
    if (experiment !== undefined) return experiment;
  }
  return undefined;
}

/**
 * BeforeStartingStep reports whether background analysis should still wait: true only when
 * `canary.analysis.startingStep` is set and the current step index is below it.
 *
 * Example: startingStep 1, steps [setWeight 1, pause], index 0 → true; index 1 → false; no
 * startingStep, or no steps → false. (Past the last step the index is still compared.)
 */
export function beforeStartingStep(rollout: Rollout): boolean {
  const startingStep = rollout.spec.strategy?.canary?.analysis?.startingStep;
  if (startingStep === undefined) return false;
  const { index } = getCurrentCanaryStep(rollout);
  if (index === undefined) return false;
  return index < startingStep;
}
