/**
 * Public surface of src/model: Argo CRD types as they appear in YAML, normalised domain types,
 * loading with source positions, schema and unknown-field checks, defaults, durations, units.
 * Argo counterpart: pkg/apis/rollouts (types, validation) and utils/defaults. Rule: explicit named
 * exports only (no `export *`); everything outside src/model imports from here.
 */

// Issues and codes
export { formatIssue } from './issues';
export type { IssueSeverity, SourcePosition, ValidationIssue } from './issues';
export { MODEL_ISSUE_CODES, MSG_MULTIPLE_STEP_TYPES, MSG_NO_OBJECTS, MSG_TOO_LARGE } from './codes';
export type { ModelIssueCode } from './codes';

// Units
export { replicaCount, virtualMs, virtualMsFromSeconds, weight } from './units';
export type { ReplicaCount, VirtualMs, Weight } from './units';

// Loading
export {
  MAX_MANIFEST_CHARS,
  loadManifests,
  parsePath,
  pathFromJsonPointer,
  pathToString,
} from './load';
export type {
  JsonValue,
  KubeObject,
  LineColumn,
  LoadResult,
  LoadedObject,
  PathSegment,
  SourceSpan,
} from './load';
export { KNOWN_KINDS, findKnownKind, isKnownKindName } from './kinds';
export type { KindFamily, KnownKind } from './kinds';

// Checks
export { checkSchema, checkSchemas, hasSchemaCheck } from './schema';
export {
  checkAllUnknownFields,
  checkUnknownFields,
  hasFieldTree,
  suggestField,
} from './unknownFields';
export { checkObjects, compareIssues, loadAndCheck, sortIssues } from './check';
export type { CheckResult } from './check';
export { ARGO_MESSAGES, ISSUE_CODES, validateObjects } from './validation/index';

// Durations and int-or-percent
export {
  GO_DURATION_UNITS,
  SCENARIO_DURATION_UNITS,
  durationFromPause,
  durationFromScenario,
  durationFromString,
  parseGoDuration,
  pauseDurationSeconds,
} from './duration';
export type { DurationResult, GoDurationResult } from './duration';
export {
  intValueOfIntOrString,
  parseIntOrPercent,
  scaleIntOrPercent,
  scaledValueFromIntOrPercent,
} from './intOrPercent';
export type { IntOrPercent, IntOrPercentResult, ScaledResult } from './intOrPercent';

// Defaults
export {
  DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS,
  DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT,
  DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT,
  DEFAULT_AUTO_PROMOTION_ENABLED,
  DEFAULT_AUTO_PROMOTION_SECONDS,
  DEFAULT_CANARY_ANALYSIS_STARTING_STEP,
  DEFAULT_CANARY_INGRESS_ANNOTATION_PREFIX,
  DEFAULT_CLOUDWATCH_INTERVAL,
  DEFAULT_CONSECUTIVE_ERROR_LIMIT,
  DEFAULT_CONSECUTIVE_SUCCESS_LIMIT,
  DEFAULT_DATADOG_AGGREGATOR,
  DEFAULT_DATADOG_API_VERSION,
  DEFAULT_DATADOG_INTERVAL,
  DEFAULT_DATADOG_REQUEST_TIMEOUT,
  DEFAULT_ERROR_RETRY_INTERVAL_SECONDS,
  DEFAULT_EXPERIMENT_SCALE_DOWN_DELAY_SECONDS,
  DEFAULT_EXPERIMENT_TEMPLATE_REPLICAS,
  DEFAULT_INFLUXDB_PROFILE,
  DEFAULT_KAYENTA_POLL_SECONDS,
  DEFAULT_MAX_SURGE,
  DEFAULT_MAX_TRAFFIC_WEIGHT,
  DEFAULT_MAX_UNAVAILABLE,
  DEFAULT_METRIC_COUNT,
  DEFAULT_METRIC_FAILURE_LIMIT,
  DEFAULT_METRIC_INCONCLUSIVE_LIMIT,
  DEFAULT_MIN_READY_SECONDS,
  DEFAULT_NEW_RELIC_PROFILE,
  DEFAULT_NEW_RELIC_TIMEOUT_SECONDS,
  DEFAULT_PROGRESS_DEADLINE_SECONDS,
  DEFAULT_PROMETHEUS_TIMEOUT_SECONDS,
  DEFAULT_REPLICAS,
  DEFAULT_REVISION_HISTORY_LIMIT,
  DEFAULT_ROLLOUT_VERIFY_RETRY_INTERVAL_SECONDS,
  DEFAULT_SCALE_DOWN_DELAY_REVISION_LIMIT,
  DEFAULT_SCALE_DOWN_DELAY_SECONDS,
  DEFAULT_WEB_JSON_PATH,
  DEFAULT_WEB_METHOD,
  DEFAULT_WEB_TIMEOUT_SECONDS,
  getAbortScaleDownDelaySecondsOrDefault,
  getAnalysisRunSuccessfulHistoryLimitOrDefault,
  getAnalysisRunUnsuccessfulHistoryLimitOrDefault,
  getAutoPromotionEnabledOrDefault,
  getCanaryIngressAnnotationPrefixOrDefault,
  getConsecutiveErrorLimitOrDefault,
  getMaxSurgeOrDefault,
  getMaxTrafficWeightOrDefault,
  getMaxUnavailableOrDefault,
  getMinReadySecondsOrDefault,
  getProgressDeadlineSecondsOrDefault,
  getRevisionHistoryLimitOrDefault,
  getRolloutReplicasOrDefault,
  getScaleDownDelayRevisionLimitOrDefault,
  getScaleDownDelaySecondsOrDefault,
} from './defaults';
export type { AbortScaleDownDelay } from './defaults';

// Domain types and normalisation
export { GATEWAY_API_PLUGIN } from './domain';
export type {
  AnalysisSpec,
  AnalysisTemplateReference,
  BackgroundAnalysisSpec,
  BlueGreenStrategy,
  CanaryStep,
  CanaryStepKind,
  CanaryStrategy,
  ExperimentStepSpec,
  MetricProvider,
  MetricProviderKind,
  MetricSpec,
  RolloutModel,
  Strategy,
  TrafficRouter,
  TrafficRouting,
} from './domain';
export {
  METRIC_PROVIDER_KINDS,
  STEP_KINDS,
  hasMultipleStepsType,
  metricProvidersFrom,
  normaliseMetric,
  normaliseRollout,
  normaliseStep,
  positionIssues,
  trafficRoutersFrom,
} from './normalise';
export type { NormaliseIssue, NormaliseResult } from './normalise';

// CRD-shaped (YAML) types
export type {
  AnalysisRun,
  AnalysisTemplate,
  BlueGreenStrategy as BlueGreenStrategyYaml,
  CanaryStepYaml,
  CanaryStrategy as CanaryStrategyYaml,
  ClusterAnalysisTemplate,
  ConfigMap,
  Deployment,
  Experiment,
  Ingress,
  Metric as MetricYaml,
  MetricProviderYaml,
  ObjectMeta,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  Rollout,
  RolloutSpec,
  RolloutStatus,
  RolloutTrafficRouting,
  Secret,
  Service,
  TrafficWeights,
} from './k8s';
export { RegexError, compileRe2, goRegexpMatches, translateRe2 } from './re2';
