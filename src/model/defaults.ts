/**
 * Every default Argo Rollouts applies when a field is absent, in one place.
 * Argo counterpart: utils/defaults/defaults.go (plus the few defaults that live next to the code
 * that uses them, noted per constant). Rule: constants and pure getters over CRD-shaped specs only.
 */
import { intValueOfIntOrString } from './intOrPercent';
import type { Metric, RolloutSpec } from './k8s';

/** DEFAULT_REPLICAS is spec.replicas when nil (the controller also writes it back). */
export const DEFAULT_REPLICAS = 1;
/** DEFAULT_REVISION_HISTORY_LIMIT is spec.revisionHistoryLimit when nil. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
/** DEFAULT_PROGRESS_DEADLINE_SECONDS is spec.progressDeadlineSeconds (and Experiment's) when nil. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/** DEFAULT_MIN_READY_SECONDS is spec.minReadySeconds when nil. */
export const DEFAULT_MIN_READY_SECONDS = 0;
/** DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT is spec.analysis.successfulRunHistoryLimit when nil. */
export const DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT = 5;
/** DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT is spec.analysis.unsuccessfulRunHistoryLimit when nil. */
export const DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT = 5;

/**
 * DEFAULT_MAX_SURGE is canary.maxSurge when nil: the STRING "25", which Argo's int-or-percent
 * resolver reads as 25 % (every string is a percentage; see intOrPercent.ts). Resolved against
 * spec.replicas it rounds up. If maxSurge and maxUnavailable both resolve to 0 the replica
 * arithmetic (src/kernels) uses maxUnavailable = 1; validation rejects both written as 0.
 */
export const DEFAULT_MAX_SURGE = '25';
/** DEFAULT_MAX_UNAVAILABLE is canary/blueGreen maxUnavailable when nil: "25" = 25 %, rounded down. */
export const DEFAULT_MAX_UNAVAILABLE = '25';

/** DEFAULT_SCALE_DOWN_DELAY_SECONDS applies to blue-green and to traffic-routed canaries (not basic canary). */
export const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
/** DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS applies to blue-green and traffic-routed canaries; explicit 0 = never. */
export const DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;
/** DEFAULT_AUTO_PROMOTION_ENABLED is blueGreen.autoPromotionEnabled when nil. */
export const DEFAULT_AUTO_PROMOTION_ENABLED = true;
/** DEFAULT_AUTO_PROMOTION_SECONDS is blueGreen.autoPromotionSeconds when absent (0 = no timed promotion). */
export const DEFAULT_AUTO_PROMOTION_SECONDS = 0;
/** DEFAULT_MAX_TRAFFIC_WEIGHT is trafficRouting.maxTrafficWeight when nil (rollout/trafficrouting.go). */
export const DEFAULT_MAX_TRAFFIC_WEIGHT = 100;
/** DEFAULT_SCALE_DOWN_DELAY_REVISION_LIMIT stands for "unlimited" (Argo: math.MaxInt32 when nil). */
export const DEFAULT_SCALE_DOWN_DELAY_REVISION_LIMIT = 2_147_483_647;
/** DEFAULT_CANARY_ANALYSIS_STARTING_STEP is canary.analysis.startingStep when nil. */
export const DEFAULT_CANARY_ANALYSIS_STARTING_STEP = 0;
/** DEFAULT_CANARY_INGRESS_ANNOTATION_PREFIX is trafficRouting.nginx.annotationPrefix when empty. */
export const DEFAULT_CANARY_INGRESS_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io';
/** DEFAULT_ROLLOUT_VERIFY_RETRY_INTERVAL_SECONDS is how often a failed weight verification is retried. */
export const DEFAULT_ROLLOUT_VERIFY_RETRY_INTERVAL_SECONDS = 10;

/** DEFAULT_METRIC_COUNT: an absent/0 count means 1 measurement without interval, unbounded with one (B.4.3). */
export const DEFAULT_METRIC_COUNT = 0;
/** DEFAULT_METRIC_FAILURE_LIMIT: the first Failed measurement fails the metric (strict "greater than"). */
export const DEFAULT_METRIC_FAILURE_LIMIT = 0;
/** DEFAULT_METRIC_INCONCLUSIVE_LIMIT: the first Inconclusive measurement makes the metric Inconclusive. */
export const DEFAULT_METRIC_INCONCLUSIVE_LIMIT = 0;
/** DEFAULT_CONSECUTIVE_ERROR_LIMIT: the 5th consecutive Error errors the metric. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
/** DEFAULT_CONSECUTIVE_SUCCESS_LIMIT: 0 = disabled. */
export const DEFAULT_CONSECUTIVE_SUCCESS_LIMIT = 0;
/** DEFAULT_ERROR_RETRY_INTERVAL_SECONDS: after an Error measurement the next one comes this soon, whatever the interval (analysis/analysis.go). */
export const DEFAULT_ERROR_RETRY_INTERVAL_SECONDS = 10;

/** DEFAULT_EXPERIMENT_TEMPLATE_REPLICAS is experiment templates[].replicas when nil. */
export const DEFAULT_EXPERIMENT_TEMPLATE_REPLICAS = 1;
/** DEFAULT_EXPERIMENT_SCALE_DOWN_DELAY_SECONDS is Experiment spec.scaleDownDelaySeconds when nil. */
export const DEFAULT_EXPERIMENT_SCALE_DOWN_DELAY_SECONDS = 30;

/** DEFAULT_PROMETHEUS_TIMEOUT_SECONDS is prometheus.timeout when absent. */
export const DEFAULT_PROMETHEUS_TIMEOUT_SECONDS = 30;
/** DEFAULT_DATADOG_API_VERSION is datadog.apiVersion when absent (CRD default). */
export const DEFAULT_DATADOG_API_VERSION = 'v1';
/** DEFAULT_DATADOG_INTERVAL is datadog.interval (the look-back window) when absent. */
export const DEFAULT_DATADOG_INTERVAL = '5m';
/** DEFAULT_DATADOG_AGGREGATOR is datadog.aggregator (v2) when empty. */
export const DEFAULT_DATADOG_AGGREGATOR = 'last';
/** DEFAULT_DATADOG_REQUEST_TIMEOUT is datadog.requestTimeout when absent. */
export const DEFAULT_DATADOG_REQUEST_TIMEOUT = '10s';
/** DEFAULT_NEW_RELIC_PROFILE is newRelic.profile (a Secret name) when empty. */
export const DEFAULT_NEW_RELIC_PROFILE = 'newrelic';
/** DEFAULT_NEW_RELIC_TIMEOUT_SECONDS is newRelic.timeout when absent. */
export const DEFAULT_NEW_RELIC_TIMEOUT_SECONDS = 5;
/** DEFAULT_INFLUXDB_PROFILE is influxdb.profile (a Secret name) when empty. */
export const DEFAULT_INFLUXDB_PROFILE = 'influxdb';
/** DEFAULT_WEB_METHOD is web.method when empty. */
export const DEFAULT_WEB_METHOD = 'GET';
/** DEFAULT_WEB_TIMEOUT_SECONDS is web.timeoutSeconds when ≤ 0. */
export const DEFAULT_WEB_TIMEOUT_SECONDS = 10;
/** DEFAULT_WEB_JSON_PATH is web.jsonPath when empty: the whole document. */
export const DEFAULT_WEB_JSON_PATH = '{$}';
/** DEFAULT_CLOUDWATCH_INTERVAL is cloudWatch.interval (look-back) when absent. */
export const DEFAULT_CLOUDWATCH_INTERVAL = '5m';
/** DEFAULT_KAYENTA_POLL_SECONDS is how long a Kayenta measurement waits before the next poll. */
export const DEFAULT_KAYENTA_POLL_SECONDS = 15;

/** getRolloutReplicasOrDefault ports GetReplicasOrDefault(spec.replicas): nil → 1. */
export function getRolloutReplicasOrDefault(spec: RolloutSpec | undefined): number {
  return spec?.replicas ?? DEFAULT_REPLICAS;
}

/** getRevisionHistoryLimitOrDefault returns spec.revisionHistoryLimit or 10. */
export function getRevisionHistoryLimitOrDefault(spec: RolloutSpec | undefined): number {
  return spec?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
}

/** getProgressDeadlineSecondsOrDefault returns spec.progressDeadlineSeconds or 600. */
export function getProgressDeadlineSecondsOrDefault(spec: RolloutSpec | undefined): number {
  return spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
}

/** getMinReadySecondsOrDefault returns spec.minReadySeconds or 0. */
export function getMinReadySecondsOrDefault(spec: RolloutSpec | undefined): number {
  return spec?.minReadySeconds ?? DEFAULT_MIN_READY_SECONDS;
}

/** getAnalysisRunSuccessfulHistoryLimitOrDefault returns spec.analysis.successfulRunHistoryLimit or 5. */
export function getAnalysisRunSuccessfulHistoryLimitOrDefault(
  spec: RolloutSpec | undefined,
): number {
  return spec?.analysis?.successfulRunHistoryLimit ?? DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT;
}

/** getAnalysisRunUnsuccessfulHistoryLimitOrDefault returns spec.analysis.unsuccessfulRunHistoryLimit or 5. */
export function getAnalysisRunUnsuccessfulHistoryLimitOrDefault(
  spec: RolloutSpec | undefined,
): number {
  return (
    spec?.analysis?.unsuccessfulRunHistoryLimit ?? DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT
  );
}

/** getMaxSurgeOrDefault returns canary.maxSurge as written, else the string "25" (= 25 %). */
export function getMaxSurgeOrDefault(spec: RolloutSpec | undefined): number | string {
  return spec?.strategy?.canary?.maxSurge ?? DEFAULT_MAX_SURGE;
}

/**
 * getMaxUnavailableOrDefault returns blueGreen.maxUnavailable, else canary.maxUnavailable (Argo
 * checks blue-green first), else the string "25" (= 25 %).
 */
export function getMaxUnavailableOrDefault(spec: RolloutSpec | undefined): number | string {
  return (
    spec?.strategy?.blueGreen?.maxUnavailable ??
    spec?.strategy?.canary?.maxUnavailable ??
    DEFAULT_MAX_UNAVAILABLE
  );
}

/**
 * getScaleDownDelaySecondsOrDefault ports GetScaleDownDelaySecondsOrDefault: blue-green → the field
 * or 30; canary with trafficRouting → the field or 30; basic canary → 0 (the field does not apply).
 */
export function getScaleDownDelaySecondsOrDefault(spec: RolloutSpec | undefined): number {
  const strategy = spec?.strategy;
  let seconds = 0;
  if (strategy?.blueGreen) {
    seconds = strategy.blueGreen.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
  }
  if (strategy?.canary?.trafficRouting) {
    seconds = strategy.canary.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
  }
  return seconds;
}

/** AbortScaleDownDelay is the answer of getAbortScaleDownDelaySecondsOrDefault. */
export interface AbortScaleDownDelay {
  /** Seconds to wait before scaling the canary/preview down on abort; undefined = never (explicit 0). */
  readonly seconds: number | undefined;
  /** True when the user wrote abortScaleDownDelaySeconds (Argo's second return value). */
  readonly wasSet: boolean;
}

/**
 * getAbortScaleDownDelaySecondsOrDefault ports GetAbortScaleDownDelaySecondsOrDefault: blue-green
 * and traffic-routed canaries default to 30 s; an explicit 0 means "do not scale down" (seconds
 * undefined); a basic canary gets 0 (scale down at once) and wasSet false.
 */
export function getAbortScaleDownDelaySecondsOrDefault(
  spec: RolloutSpec | undefined,
): AbortScaleDownDelay {
  const strategy = spec?.strategy;
  let field: number | undefined;
  if (strategy?.blueGreen) field = strategy.blueGreen.abortScaleDownDelaySeconds;
  else if (strategy?.canary?.trafficRouting) field = strategy.canary.abortScaleDownDelaySeconds;
  else return { seconds: 0, wasSet: false };
  if (field === undefined || field === null) {
    return { seconds: DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS, wasSet: false };
  }
  return { seconds: field === 0 ? undefined : field, wasSet: true };
}

/** getAutoPromotionEnabledOrDefault returns blueGreen.autoPromotionEnabled or true. */
export function getAutoPromotionEnabledOrDefault(spec: RolloutSpec | undefined): boolean {
  return spec?.strategy?.blueGreen?.autoPromotionEnabled ?? DEFAULT_AUTO_PROMOTION_ENABLED;
}

/** getMaxTrafficWeightOrDefault returns trafficRouting.maxTrafficWeight or 100. */
export function getMaxTrafficWeightOrDefault(spec: RolloutSpec | undefined): number {
  return spec?.strategy?.canary?.trafficRouting?.maxTrafficWeight ?? DEFAULT_MAX_TRAFFIC_WEIGHT;
}

/**
 * getScaleDownDelayRevisionLimitOrDefault returns the strategy's scaleDownDelayRevisionLimit, or
 * int32 max ("unlimited") when nil.
 */
export function getScaleDownDelayRevisionLimitOrDefault(spec: RolloutSpec | undefined): number {
  const strategy = spec?.strategy;
  return (
    strategy?.blueGreen?.scaleDownDelayRevisionLimit ??
    strategy?.canary?.scaleDownDelayRevisionLimit ??
    DEFAULT_SCALE_DOWN_DELAY_REVISION_LIMIT
  );
}

/** getCanaryIngressAnnotationPrefixOrDefault returns nginx.annotationPrefix or "nginx.ingress.kubernetes.io". */
export function getCanaryIngressAnnotationPrefixOrDefault(spec: RolloutSpec | undefined): string {
  const prefix = spec?.strategy?.canary?.trafficRouting?.nginx?.annotationPrefix;
  return prefix ? prefix : DEFAULT_CANARY_INGRESS_ANNOTATION_PREFIX;
}

/**
 * getConsecutiveErrorLimitOrDefault ports GetConsecutiveErrorLimitOrDefault: the field's
 * IntValue() (a non-integer string counts as 0) or 4 when absent.
 */
export function getConsecutiveErrorLimitOrDefault(
  metric: Pick<Metric, 'consecutiveErrorLimit'>,
): number {
  const value = metric.consecutiveErrorLimit;
  if (value === undefined || value === null) return DEFAULT_CONSECUTIVE_ERROR_LIMIT;
  return intValueOfIntOrString(value);
}
