/**
 * The one view model of a rollout (Argo's `RolloutInfo`) and its `get rollout` text rendering.
 * Built only from Kubernetes-shaped objects, so the CLI, the store and live mode share it.
 * Rule: pure; time arrives as epoch ms; imports only `model` types.
 */
export type {
  AnalysisRunInfo,
  ContainerInfo,
  ExperimentInfo,
  ImageInfo,
  InfoObjectMeta,
  JobInfo,
  NonJobInfo,
  PodInfo,
  ReplicaSetInfo,
  RolloutInfo,
} from './types';
export type { RolloutObjects, PhaseAndMessage } from './rolloutInfo';
export {
  calculateRolloutPhase,
  currentCanaryStep,
  currentSetWeight,
  rolloutIcon,
  rolloutImages,
  rolloutInfo,
  rolloutPhase,
  rolloutRevisions,
} from './rolloutInfo';
export {
  replicaSetHealth,
  replicaSetIcon,
  replicaSetInfos,
  scaleDownDelay,
} from './replicaSetInfo';
export { podIcon, podInfoFromPod, podStatusSummary } from './podInfo';
export type { JobLike } from './analysisRunInfo';
export { analysisIcon, analysisRunInfos } from './analysisRunInfo';
export type { ExperimentSources } from './experimentInfo';
export { experimentImages, experimentInfoFromExperiment, experimentInfos } from './experimentInfo';
export { ageOf, epochMsFromRfc3339, humanDuration } from './humanDuration';
export { ICON, INFO_TAG } from './common';
export type { OwnerKey } from './common';
export { isOwnedBy, ownerKeyOf } from './common';
export { mergeImageAndTags } from './images';
export type { TabwriterOptions } from './tabwriter';
export { alignTabs, displayWidth } from './tabwriter';
export type { RenderOptions } from './getRolloutTree';
export { ANSI_COLOR, KIND_ICON, renderRolloutTree } from './getRolloutTree';
