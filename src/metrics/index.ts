// Public surface of src/metrics: the provider interface the analysis engine knows, the simulated
// providers (one per Argo provider) and their registry, and the query helpers they share.
// Rule: explicit named exports only; imports model and sim, nothing else of the project.
export type {
  InFlight,
  JobOutcome,
  MeasureEnv,
  MeasureStep,
  MetricOf,
  MetricProviderImpl,
  MetricRng,
  MetricValue,
  SeriesSample,
  SignalView,
} from './provider';

export { isSupportedKind, metricProviders, providerFor } from './registry';
export type { SupportedKind } from './registry';

export {
  prometheus,
  prometheusResultMetadata,
  prometheusValue,
  RESOLVED_PROMETHEUS_QUERY,
} from './prometheus';
export { datadog, DATADOG_METRICS, DATADOG_TAGS } from './datadog';
export { newRelic, NEWRELIC_ATTRIBUTES } from './newRelic';
export { wavefront, WAVEFRONT_METRICS, WAVEFRONT_TAGS } from './wavefront';
export { graphite, GRAPHITE_PATH } from './graphite';
export { influxdb, INFLUX_MEASUREMENTS, INFLUX_TAGS } from './influxdb';
export { cloudWatch, CLOUDWATCH_DIMENSIONS, CLOUDWATCH_METRICS } from './cloudWatch';
export {
  kayenta,
  kayentaPhase,
  kayentaScore,
  KAYENTA_METRICS,
  KAYENTA_RESUME_DELAY_MS,
  KAYENTA_SCOPE_LABELS,
} from './kayenta';
export { jsonPathFromKubernetes, NOT_IN_WORLD, web } from './web';
export { job, jobAttempts, jobLimits, JOB_NAME_KEY, planJob } from './job';
export type { JobAttempt, JobPlan } from './job';

export {
  evaluatePromQL,
  extrapolatedRate,
  histogramQuantile,
  parsePromDuration,
  PromQLError,
  regexFrom,
} from './promql';
export type {
  PromLabels,
  PromQLOptions,
  PromRangeSeries,
  PromResult,
  PromSample,
  PromValue,
} from './promql';
export { globToRegex, measure, measureOne, promqlFor } from './measures';
export type { LabelFilter, MeasureKind, MeasureQuery, MeasureValue } from './measures';
export { evaluateArith, parseArith, refsOf } from './arith';
export type { ArithEnv, ArithExpr, ArithParse } from './arith';

export {
  evaluateCondition,
  evaluateMeasurement,
  evaluateResult,
  evaluateTime,
  evaluateValue,
  formatMetricValue,
} from './evaluate';
export type { MeasurementPhase } from './evaluate';
