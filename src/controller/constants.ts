/**
 * Label, annotation, reason and message strings the controller writes, verbatim from Argo
 * (pkg/apis/rollouts/v1alpha1/types.go, utils/annotations, utils/conditions/conditions.go).
 * Rule: Argo vocabulary is sacred; tests and the UI match these constants, never prose copies.
 */

export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'rollout.argoproj.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'rollout.argoproj.io/desired-replicas';
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
export const MANAGED_BY_ROLLOUTS_ANNOTATION = 'argo-rollouts.argoproj.io/managed-by-rollouts';

export const ConditionType = {
  Progressing: 'Progressing',
  Available: 'Available',
  Paused: 'Paused',
  Healthy: 'Healthy',
  Completed: 'Completed',
  InvalidSpec: 'InvalidSpec',
  ReplicaFailure: 'ReplicaFailure',
} as const;

export const Reason = {
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ReplicaSetNotAvailable: 'ReplicaSetNotAvailable',
  RolloutPaused: 'RolloutPaused',
  RolloutResumed: 'RolloutResumed',
  RolloutRetry: 'RolloutRetry',
  RolloutAborted: 'RolloutAborted',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  Available: 'AvailableReason',
  RolloutHealthy: 'RolloutHealthy',
  RolloutCompleted: 'RolloutCompleted',
  RolloutNotCompleted: 'RolloutNotCompleted',
  InvalidSpec: 'InvalidSpec',
  RolloutStepCompleted: 'RolloutStepCompleted',
  RolloutUpdated: 'RolloutUpdated',
  ScalingReplicaSet: 'ScalingReplicaSet',
  SkipSteps: 'SkipSteps',
  SwitchService: 'SwitchService',
  TrafficWeightUpdated: 'TrafficWeightUpdated',
} as const;

export const Message = {
  newReplicaSet: (rs: string) => `Created new replica set "${rs}"`,
  foundNewRS: (rs: string) => `Found new replica set "${rs}"`,
  replicaSetProgressing: (rs: string) => `ReplicaSet "${rs}" is progressing.`,
  replicaSetCompleted: (rs: string) => `ReplicaSet "${rs}" has successfully progressed.`,
  replicaSetTimeOut: (rs: string) => `ReplicaSet "${rs}" has timed out progressing.`,
  rolloutPaused: 'Rollout is paused',
  rolloutResumed: 'Rollout is resumed',
  rolloutRetry: 'Retrying Rollout after abort',
  rolloutAborted: (revision: number) => `Rollout aborted update to revision ${revision}`,
  available: 'Rollout has minimum availability',
  notAvailable: 'Rollout does not have minimum availability',
  healthy: 'Rollout is healthy',
  notHealthy: 'Rollout is not healthy',
  invalidSpec: (name: string, detail: string) => `The Rollout "${name}" is invalid: ${detail}`,
} as const;

export const PauseReason = {
  CanaryPauseStep: 'CanaryPauseStep',
  BlueGreenPause: 'BlueGreenPause',
  InconclusiveAnalysisRun: 'InconclusiveAnalysisRun',
  InconclusiveExperiment: 'InconclusiveExperiment',
} as const;
export type PauseReasonName = (typeof PauseReason)[keyof typeof PauseReason];
