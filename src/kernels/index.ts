// Public surface of src/kernels: pure TypeScript ports of the Argo Rollouts controller's replica
// arithmetic (utils/replicaset/{canary,replicaset,bluegreen}.go, utils/defaults/defaults.go).
// Explicit named exports only (architecture.md 2.5).
export type { IntOrString } from './intstr';
export { getScaledValueFromIntOrPercent, getValueFromIntOrPercent } from './intstr';
export type { AbortScaleDownDelay } from './defaults';
export {
  DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS,
  DEFAULT_MAX_SURGE,
  DEFAULT_MAX_TRAFFIC_WEIGHT,
  DEFAULT_MAX_UNAVAILABLE,
  DEFAULT_REPLICAS,
  DEFAULT_SCALE_DOWN_DELAY_SECONDS,
  ROLLOUT_POD_TEMPLATE_HASH_LABEL,
  getAbortScaleDownDelaySecondsOrDefault,
  getMaxSurgeOrDefault,
  getMaxTrafficWeight,
  getMaxUnavailableOrDefault,
  getReplicasOrDefault,
  getScaleDownDelaySecondsOrDefault,
} from './defaults';
export type { Fenceposts } from './fenceposts';
export { maxSurge, maxUnavailable, resolveFenceposts } from './fenceposts';
export type { MaybeReplicaSet } from './replicaSets';
export {
  availableReplicas,
  checkStableRSExists,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getOtherRSs,
  getPodTemplateHash,
  getReplicaCountForReplicaSets,
  getReplicaSetByTemplateHash,
  getReplicaSetRevision,
  getStableRS,
  isSameReplicaSet,
  specReplicas,
  statusReplicas,
} from './replicaSets';
export type {
  CanaryReplicasOrWeight,
  CurrentCanaryStep,
  ExperimentStep,
  SetCanaryScale,
} from './steps';
export {
  beforeStartingStep,
  getCanaryReplicasOrWeight,
  getCurrentCanaryStep,
  getCurrentExperimentStep,
  getCurrentSetWeight,
  useSetCanaryScale,
} from './steps';
export type { CanaryStableCounts } from './weights';
export {
  approximateWeightedCanaryStableReplicaCounts,
  calculateDesiredWeightOnAbortOrStableRollback,
  getDesiredCanaryWeight,
  trafficWeightToReplicas,
} from './weights';
export type { ReplicaProgressThreshold } from './replicaCounts';
export {
  allDesiredAreAvailable,
  allDesiredAreCreated,
  atDesiredReplicaCountsForCanary,
  calculateReplicaCountsForBasicCanary,
  calculateReplicaCountsForCanary,
  calculateReplicaCountsForTrafficRoutedCanary,
  checkMinPodsPerReplicaSet,
  getReplicasForScaleDown,
  replicaProgressThresholdMet,
} from './replicaCounts';
export type {
  AbortScaleDownAction,
  BlueGreenReplicaCounts,
  OldReplicaSetAction,
  OldReplicaSetScaleDownOptions,
} from './blueGreen';
export {
  DESIRED_REPLICAS_ANNOTATION,
  SCALE_DOWN_DEADLINE_ANNOTATION,
  blueGreenAbortScaleDown,
  calculateReplicaCountsForBlueGreen,
  isSaturated,
  newRSNewReplicas,
  newRSNewReplicasForBlueGreen,
  planBlueGreenOldReplicaSetScaleDown,
  readyForPause,
} from './blueGreen';
export { formatRfc3339, parseRfc3339 } from './rfc3339';
export type {
  AnalysisArgument,
  AnalysisMetric,
  AnalysisPhase,
  AnalysisRunSpec,
  AnalysisRunStatus,
  DryRunRule,
  LimitAssessment,
  Measurement,
  MeasurementRetentionRule,
  MetricLimits,
  MetricResult,
  MetricTask,
  RuleMatchResult,
  RunAssessment,
  RunSummary,
} from './analysis';
export {
  ANALYSIS_PHASE_ORDER,
  DEFAULT_ERROR_RETRY_INTERVAL_MS,
  DEFAULT_MEASUREMENT_HISTORY_LIMIT,
  METRIC_TERMINATED_MESSAGE,
  RUN_TERMINATED_MESSAGE,
  assessMetricFailureInconclusiveOrError,
  assessMetricStatus,
  assessRunStatus,
  calculateNextReconcileTime,
  effectiveCount,
  generateMetricTasks,
  getDryRunMetrics,
  getMeasurementRetentionMetrics,
  getResult,
  isCompletedPhase,
  isTerminating,
  isWorse,
  lastMeasurement,
  metricCompleted,
  metricLimits,
  recordMeasurement,
  setResult,
  shouldDeleteForTtl,
  timestampFromEpochMs,
  trimMeasurementHistory,
  ttlExpiresAt,
  ttlSecondsFor,
  validateMetric,
  validateMetrics,
  worst,
} from './analysis';
export type {
  FlatTemplate,
  NewRunOptions,
  ResolvedTemplates,
  Result as AnalysisResult,
  RolloutArgument,
  SecretArgs,
  TemplateRef,
  TemplateSpec,
} from './analysisTemplates';
export {
  SECRET_PLACEHOLDER,
  buildArgumentsForRolloutAnalysisRun,
  extractFieldPathAsString,
  extractValueFromRollout,
  filterUniqueTemplates,
  flattenTemplates,
  isSemanticallyEqual,
  mergeArgs,
  newAnalysisRunFromTemplates,
  redactSecrets,
  resolveMetricArgs,
  resolveMetricsWithoutSecrets,
  resolveSecretArgs,
  resolveTemplateRefs,
  secretValue,
} from './analysisTemplates';
export type {
  AnalysisRunKind,
  NameDecision,
  NewRunFromRolloutInput,
  RolloutAnalysisSpec,
} from './analysisRollout';
export {
  CONTROLLER_INSTANCE_ID_LABEL,
  REVISION_ANNOTATION,
  ROLLOUT_CANARY_STEP_INDEX_LABEL,
  ROLLOUT_TYPE_LABEL,
  analysisRunLabels,
  analysisRunName,
  filterAnalysisRunsToDelete,
  nameForNewAnalysisRun,
  newAnalysisRunFromRollout,
  skipPostPromotionAnalysisRun,
  skipPrePromotionAnalysisRun,
} from './analysisRollout';
export type {
  ExperimentAnalysisRef,
  ExperimentAnalysisRunStatus,
  ExperimentCondition,
  ExperimentSpec,
  ExperimentStatus,
  ExperimentTemplate,
  ExperimentTemplateStatus,
  PassedDuration,
  PhaseAssessment,
  TemplateStatusCode,
} from './experiment';
export {
  DEFAULT_EXPERIMENT_PROGRESS_DEADLINE_SECONDS,
  DEFAULT_EXPERIMENT_SCALE_DOWN_DELAY_SECONDS,
  EXPERIMENT_NAME_ANNOTATION,
  EXPERIMENT_TEMPLATE_NAME_ANNOTATION,
  REQUIRED_ANALYSIS_COMPLETED_MESSAGE,
  TEMPLATE_STATUS_ORDER,
  assessAnalysisRuns,
  assessTemplates,
  calculateEnqueueDelayMs,
  calculateExperimentPhase,
  calculateTemplateReplicasCount,
  experimentDurationMs,
  experimentHasFinished,
  experimentProgressDeadlineSeconds,
  experimentProgressing,
  experimentScaleDownDelaySeconds,
  filterExperimentsToDelete,
  getExperimentAnalysisRunStatus,
  getTemplateStatus,
  hasRequiredAnalysisRuns,
  isExperimentSemanticallyEqual,
  isExperimentTerminating,
  passedDuration,
  requiredAnalysisRunsSuccessful,
  resolveExperimentArgsValue,
  setExperimentAnalysisRunStatus,
  setTemplateStatus,
  templateIsWorse,
  templateStatusCompleted,
  verifyExperimentSpec,
  worstTemplateStatus,
} from './experiment';
export type { NewExperimentFromRolloutInput } from './experimentRollout';
export { experimentNameForRollout, newExperimentFromRollout } from './experimentRollout';
