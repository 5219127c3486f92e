/**
 * The AnalysisRun arithmetic: which metrics measure now, how counters become a metric phase, how
 * metric phases become the run phase, when to look again, what to trim and when to delete.
 * Argo counterparts: analysis/analysis.go and utils/analysis/{helpers,factory}.go.
 * Rule: pure functions over CRD-shaped objects; time is an argument (epoch ms), never read.
 */
import {
  durationFromString,
  getConsecutiveErrorLimitOrDefault,
  intValueOfIntOrString,
} from '../model';
import { goRegexpMatches, type AnalysisRun } from '../model';
import { formatRfc3339, parseRfc3339 } from './rfc3339';

/** AnalysisPhase is the phase vocabulary of runs, metric results and measurements. */
export type AnalysisPhase =
  'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';
/** AnalysisRunSpec is `AnalysisRun.spec` as written. */
export type AnalysisRunSpec = AnalysisRun['spec'];
/** AnalysisRunStatus is `AnalysisRun.status`. */
export type AnalysisRunStatus = NonNullable<AnalysisRun['status']>;
/** MetricResult is one entry of `status.metricResults`. */
export type MetricResult = NonNullable<AnalysisRunStatus['metricResults']>[number];
/** Measurement is one entry of `metricResults[].measurements`. */
export type Measurement = NonNullable<MetricResult['measurements']>[number];
/** AnalysisMetric is one metric of an AnalysisRun/AnalysisTemplate spec, as written. */
export type AnalysisMetric = AnalysisRunSpec['metrics'][number];
/** AnalysisArgument is one `spec.args` entry of a run or template. */
export type AnalysisArgument = NonNullable<AnalysisRunSpec['args']>[number];
/** DryRunRule is one `spec.dryRun` entry. */
export type DryRunRule = NonNullable<AnalysisRunSpec['dryRun']>[number];
/** MeasurementRetentionRule is one `spec.measurementRetention` entry. */
export type MeasurementRetentionRule = NonNullable<AnalysisRunSpec['measurementRetention']>[number];
/** RunSummary is `status.runSummary` / `status.dryRunSummary`. */
export type RunSummary = NonNullable<AnalysisRunStatus['runSummary']>;

/** DEFAULT_MEASUREMENT_HISTORY_LIMIT is how many measurements per metric are kept by default. */
export const DEFAULT_MEASUREMENT_HISTORY_LIMIT = 10;
/** DEFAULT_ERROR_RETRY_INTERVAL_MS is the spacing after an Error measurement, whatever the interval. */
export const DEFAULT_ERROR_RETRY_INTERVAL_MS = 10_000;
/** RUN_TERMINATED_MESSAGE is the run message when `spec.terminate` ended it. */
export const RUN_TERMINATED_MESSAGE = 'Run Terminated';
/** METRIC_TERMINATED_MESSAGE marks a terminated in-flight measurement that came back passing. */
export const METRIC_TERMINATED_MESSAGE = 'Metric Terminated';

/**
 * ANALYSIS_PHASE_ORDER lists phases from best to worst (Argo's analysisStatusOrder). Phases not
 * listed (including "") rank like the first.
 */
export const ANALYSIS_PHASE_ORDER: readonly AnalysisPhase[] = [
  'Successful',
  'Running',
  'Pending',
  'Inconclusive',
  'Error',
  'Failed',
];

/** isCompletedPhase tells whether a phase is final: Successful, Failed, Error or Inconclusive. */
export function isCompletedPhase(phase: string | undefined): boolean {
  return (
    phase === 'Successful' || phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive'
  );
}

function severity(phase: string | undefined): number {
  const i = ANALYSIS_PHASE_ORDER.indexOf(phase as AnalysisPhase);
  return i < 0 ? 0 : i;
}

/**
 * isWorse ports IsWorse: whether `candidate` ranks worse than `current`.
 * Example: isWorse('Inconclusive', 'Error') → true; isWorse('Failed', 'Error') → false.
 */
export function isWorse(current: string | undefined, candidate: string | undefined): boolean {
  return severity(candidate) > severity(current);
}

/** worst ports Worst: the worse of two phases (the left one on a tie). */
export function worst(left: string | undefined, right: string | undefined): string | undefined {
  return isWorse(left, right) ? right : left;
}

// ---------------------------------------------------------------------------------------------
// Metric fields

const present = (v: unknown) => v !== undefined && v !== null;

/** MetricLimits are a metric's limits after Argo's defaults (IntValue of int-or-string fields). */
export interface MetricLimits {
  /** 0 when absent; -1 disables the failure check. */
  readonly failureLimit: number;
  readonly inconclusiveLimit: number;
  /** 4 when absent. */
  readonly consecutiveErrorLimit: number;
  /** 0 (disabled) when absent. */
  readonly consecutiveSuccessLimit: number;
}

/** metricLimits reads a metric's four limits with Argo's defaults. */
export function metricLimits(metric: AnalysisMetric): MetricLimits {
  return {
    failureLimit: present(metric.failureLimit) ? intValueOfIntOrString(metric.failureLimit) : 0,
    inconclusiveLimit: present(metric.inconclusiveLimit)
      ? intValueOfIntOrString(metric.inconclusiveLimit)
      : 0,
    consecutiveErrorLimit: getConsecutiveErrorLimitOrDefault(metric),
    consecutiveSuccessLimit: present(metric.consecutiveSuccessLimit)
      ? intValueOfIntOrString(metric.consecutiveSuccessLimit)
      : 0,
  };
}

/**
 * effectiveCount ports Metric.EffectiveCount: count unset or 0 → 1 without interval, unbounded
 * (undefined) with one; otherwise count. Example: {interval: '1m'} → undefined; {} → 1.
 */
export function effectiveCount(metric: AnalysisMetric): number | undefined {
  const count = present(metric.count) ? intValueOfIntOrString(metric.count) : 0;
  if (count === 0) return metric.interval ? undefined : 1;
  return count;
}

function durationMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const parsed = durationFromString(text);
  return parsed.kind === 'ok' ? parsed.ms : undefined;
}

const timeOf = (t: string | undefined): number | undefined =>
  t === undefined ? undefined : parseRfc3339(t);

/** timestampFromEpochMs formats epoch ms the way the API server stores metav1.Time (whole seconds). */
export function timestampFromEpochMs(epochMs: number): string {
  return formatRfc3339(epochMs);
}

// ---------------------------------------------------------------------------------------------
// Run helpers (utils/analysis/helpers.go)

/** getResult returns the metric result by name (GetResult). */
export function getResult(run: AnalysisRun, name: string): MetricResult | undefined {
  return run.status?.metricResults?.find((r) => r.name === name);
}

/** lastMeasurement returns the newest measurement of a metric (LastMeasurement). */
export function lastMeasurement(run: AnalysisRun, name: string): Measurement | undefined {
  const ms = getResult(run, name)?.measurements;
  return ms && ms.length > 0 ? ms[ms.length - 1] : undefined;
}

/** metricCompleted tells whether a metric's result phase is completed (MetricCompleted). */
export function metricCompleted(run: AnalysisRun, name: string): boolean {
  return isCompletedPhase(getResult(run, name)?.phase);
}

/** setResult returns a copy of the results list with `result` replaced or appended (SetResult). */
export function setResult(results: readonly MetricResult[], result: MetricResult): MetricResult[] {
  const i = results.findIndex((r) => r.name === result.name);
  if (i < 0) return [...results, result];
  return results.map((r, j) => (j === i ? result : r));
}

/**
 * isTerminating ports IsTerminating: `spec.terminate`, or any non-dry-run metric result already
 * Failed, Error or Inconclusive (fail-fast).
 */
export function isTerminating(run: AnalysisRun): boolean {
  if (run.spec.terminate) return true;
  return (run.status?.metricResults ?? []).some(
    (r) => !r.dryRun && (r.phase === 'Failed' || r.phase === 'Error' || r.phase === 'Inconclusive'),
  );
}

/** RuleMatchResult is a metric-name map from dry-run or retention rules, or the rule error. */
export type RuleMatchResult<T> =
  | { readonly kind: 'ok'; readonly matched: Readonly<Record<string, T>> }
  | {
      readonly kind: 'error';
      readonly message: string;
      readonly matched: Readonly<Record<string, T>>;
    };

function matchRules<R extends { metricName: string }, T>(
  rules: readonly R[] | undefined,
  metrics: readonly { name: string }[],
  label: string,
  valueOf: (rule: R) => T,
): RuleMatchResult<T> {
  const matched: Record<string, T> = {};
  for (const [index, rule] of (rules ?? []).entries()) {
    let count = 0;
    for (const m of metrics) {
      if (goRegexpMatches(rule.metricName, m.name)) {
        matched[m.name] = valueOf(rule);
        count++;
      }
    }
    if (count < 1) {
      return {
        kind: 'error',
        message: `${label}[${index}]: Rule didn't match any metric name(s)`,
        matched,
      };
    }
  }
  return { kind: 'ok', matched };
}

/**
 * getDryRunMetrics ports GetDryRunMetrics: each rule's metricName is an unanchored regular
 * expression; a rule matching no metric is an error "dryRun[i]: Rule didn't match any metric name(s)".
 */
export function getDryRunMetrics(
  rules: readonly DryRunRule[] | undefined,
  metrics: readonly { name: string }[],
): RuleMatchResult<boolean> {
  return matchRules(rules, metrics, 'dryRun', () => true);
}

/** getMeasurementRetentionMetrics ports GetMeasurementRetentionMetrics (same matching as dry-run). */
export function getMeasurementRetentionMetrics(
  rules: readonly MeasurementRetentionRule[] | undefined,
  metrics: readonly { name: string }[],
): RuleMatchResult<MeasurementRetentionRule> {
  return matchRules(rules, metrics, 'measurementRetention', (r) => r);
}

// ---------------------------------------------------------------------------------------------
// Validation (utils/analysis/factory.go ValidateMetrics)

function countProviders(provider: unknown): number {
  if (provider === null || typeof provider !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(provider as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (key === 'plugin') n += typeof value === 'object' ? Object.keys(value).length : 0;
    else n++;
  }
  return n;
}

/** validateMetric ports ValidateMetric: the first problem of one metric, or undefined. */
export function validateMetric(metric: AnalysisMetric): string | undefined {
  const count = present(metric.count) ? intValueOfIntOrString(metric.count) : 0;
  const { failureLimit, inconclusiveLimit, consecutiveSuccessLimit } = metricLimits(metric);
  if (count > 0) {
    if (failureLimit >= 0 && count < failureLimit + consecutiveSuccessLimit) {
      return `count (${count}) must be >= failureLimit + consecutiveSuccessLimit (${failureLimit} + ${consecutiveSuccessLimit}) if both >= 0`;
    }
    if (failureLimit < 0 && count < consecutiveSuccessLimit) {
      return 'count must be >= consecutiveSuccessLimit';
    }
    if (count < inconclusiveLimit) return 'count must be >= inconclusiveLimit';
  }
  if (count > 1 && !metric.interval) return 'interval must be specified when count > 1';
  if (metric.interval) {
    const parsed = durationFromString(metric.interval);
    if (parsed.kind === 'error') return `invalid interval string: ${parsed.message}`;
  }
  if (metric.initialDelay) {
    const parsed = durationFromString(metric.initialDelay);
    if (parsed.kind === 'error') return `invalid startDelay string: ${parsed.message}`;
  }
  if (failureLimit < -1) return 'failureLimit must be >= 0, or -1 to be disabled';
  if (consecutiveSuccessLimit < 0) return 'consecutiveSuccessLimit must be >= 0';
  if (failureLimit === -1 && consecutiveSuccessLimit === 0) {
    return 'failureLimit and consecutiveSuccessLimit cannot both be disabled';
  }
  if (inconclusiveLimit < 0) return 'inconclusiveLimit must be >= 0';
  if (
    present(metric.consecutiveErrorLimit) &&
    intValueOfIntOrString(metric.consecutiveErrorLimit) < 0
  ) {
    return 'consecutiveErrorLimit must be >= 0';
  }
  const providers = countProviders(metric.provider);
  if (providers === 0) return 'no provider specified';
  if (providers > 1) return 'multiple providers specified';
  return undefined;
}

/**
 * validateMetrics ports ValidateMetrics: "no metrics specified", "metrics[i]: duplicate name 'n'",
 * or "metrics[i]: <problem>" for the first invalid metric; undefined when all are valid.
 */
export function validateMetrics(metrics: readonly AnalysisMetric[]): string | undefined {
  if (metrics.length === 0) return 'no metrics specified';
  const seen = new Set<string>();
  for (const [i, metric] of metrics.entries()) {
    if (seen.has(metric.name)) return `metrics[${i}]: duplicate name '${metric.name}'`;
    seen.add(metric.name);
    const problem = validateMetric(metric);
    if (problem) return `metrics[${i}]: ${problem}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Assessment (analysis/analysis.go)

/** LimitAssessment is the outcome of the limit check: a phase and its message, or nothing. */
export interface LimitAssessment {
  readonly phase: 'Failed' | 'Inconclusive' | 'Error' | undefined;
  readonly message: string;
}

/**
 * assessMetricFailureInconclusiveOrError ports the limit check. The checks run failed →
 * inconclusive → consecutive errors and a later one overrides an earlier one, so inside one
 * metric Error beats Inconclusive beats Failed. Limits are strict "greater than".
 * Example: failed 1 with default failureLimit 0 → Failed, "failed (1) > failureLimit (0)".
 */
export function assessMetricFailureInconclusiveOrError(
  metric: AnalysisMetric,
  result: MetricResult,
): LimitAssessment {
  const limits = metricLimits(metric);
  let phase: LimitAssessment['phase'];
  let message = '';
  const failed = result.failed ?? 0;
  const inconclusive = result.inconclusive ?? 0;
  const consecutiveError = result.consecutiveError ?? 0;
  if (limits.failureLimit >= 0 && failed > limits.failureLimit) {
    phase = 'Failed';
    message = `failed (${failed}) > failureLimit (${limits.failureLimit})`;
  }
  if (inconclusive > limits.inconclusiveLimit) {
    phase = 'Inconclusive';
    message = `inconclusive (${inconclusive}) > inconclusiveLimit (${limits.inconclusiveLimit})`;
  }
  if (consecutiveError > limits.consecutiveErrorLimit) {
    phase = 'Error';
    message = `consecutiveErrors (${consecutiveError}) > consecutiveErrorLimit (${limits.consecutiveErrorLimit})`;
  }
  return { phase, message };
}

/**
 * assessMetricStatus ports assessMetricStatus: a completed phase is sticky; no measurement →
 * Pending (Successful when terminating); an in-flight last measurement → Running; then the limit
 * check; then consecutiveSuccessLimit reached → Successful; then the effective count reached →
 * Successful (Inconclusive when both failure and success limits apply, Failed when only the
 * success limit does); then terminating → Successful; else Running.
 */
export function assessMetricStatus(
  metric: AnalysisMetric,
  result: MetricResult,
  terminating: boolean,
): AnalysisPhase {
  if (isCompletedPhase(result.phase)) return result.phase as AnalysisPhase;
  const measurements = result.measurements ?? [];
  const last = measurements[measurements.length - 1];
  if (!last) return terminating ? 'Successful' : 'Pending';
  if (!isCompletedPhase(last.phase)) return 'Running';
  const limit = assessMetricFailureInconclusiveOrError(metric, result);
  if (limit.phase) return limit.phase;
  const limits = metricLimits(metric);
  if (
    limits.consecutiveSuccessLimit > 0 &&
    (result.consecutiveSuccess ?? 0) >= limits.consecutiveSuccessLimit
  ) {
    return 'Successful';
  }
  const n = effectiveCount(metric);
  if (n !== undefined && (result.count ?? 0) >= n) {
    const failureApplicable = !present(metric.failureLimit) || limits.failureLimit >= 0;
    const successApplicable = limits.consecutiveSuccessLimit > 0;
    if (failureApplicable && successApplicable) return 'Inconclusive';
    if (successApplicable) return 'Failed';
    return 'Successful';
  }
  if (terminating) return 'Successful';
  return 'Running';
}

/** RunAssessment is what assessRunStatus decides in one pass. */
export interface RunAssessment {
  readonly phase: AnalysisPhase;
  readonly message: string;
  /** The run status with metric phases/messages, summaries and startedAt updated. */
  readonly status: AnalysisRunStatus;
}

const emptySummary = (): {
  count: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
} => ({
  count: 0,
  successful: 0,
  failed: 0,
  inconclusive: 0,
  error: 0,
});

/**
 * assessRunStatus ports assessRunStatus. `terminating` is computed from the phases stored before
 * this pass, so a metric that fails now makes the run complete only on the next pass. Each metric
 * phase is re-assessed (its message becomes the last measurement's when the phase changes); the run
 * takes the worst completed non-dry-run phase, with the limit message of the metric that set it.
 * Dry-run metrics only feed `dryRunSummary` and never make the run worse than Successful.
 */
export function assessRunStatus(
  run: AnalysisRun,
  metrics: readonly AnalysisMetric[],
  dryRunMetrics: Readonly<Record<string, boolean>>,
  nowMs: number,
): RunAssessment {
  const terminating = isTerminating(run);
  const prior = run.status ?? { phase: '' };
  let results: MetricResult[] = [...(prior.metricResults ?? [])];
  let worstPhase: AnalysisPhase | undefined;
  let worstMessage = run.spec.terminate ? RUN_TERMINATED_MESSAGE : '';
  let everythingCompleted = true;
  const runSummary = emptySummary();
  const dryRunSummary = emptySummary();

  for (const metric of metrics) {
    const dry = dryRunMetrics[metric.name] === true;
    if (dry) dryRunSummary.count++;
    else runSummary.count++;
    let result = results.find((r) => r.name === metric.name);
    if (!result) {
      // Not started yet (for example still within initialDelay).
      everythingCompleted = false;
      continue;
    }
    const phase = assessMetricStatus(metric, result, terminating);
    if (result.phase !== phase) {
      const ms = result.measurements ?? [];
      const last = ms[ms.length - 1];
      result = { ...result, phase, ...(last ? { message: last.message ?? '' } : {}) };
      if (result.message === '') delete (result as { message?: string }).message;
      results = setResult(results, result);
    }
    if (!isCompletedPhase(phase)) {
      everythingCompleted = false;
      continue;
    }
    const limit = assessMetricFailureInconclusiveOrError(metric, result);
    const summary = dry ? dryRunSummary : runSummary;
    switch (limit.phase) {
      case 'Error':
        summary.error++;
        break;
      case 'Failed':
        summary.failed++;
        break;
      case 'Inconclusive':
        summary.inconclusive++;
        break;
      default:
        summary.successful++;
    }
    if (!dry) {
      if (worstPhase === undefined || isWorse(worstPhase, phase)) {
        worstPhase = phase;
        if (limit.message !== '') {
          worstMessage = `Metric "${metric.name}" assessed ${phase} due to ${limit.message}`;
          if (result.message) worstMessage += `: "Error Message: ${result.message}"`;
        }
      }
    } else {
      if (worstPhase === undefined) worstPhase = 'Successful';
      if (limit.message !== '') {
        result = { ...result, message: `Metric assessed ${phase} due to ${limit.message}` };
        results = setResult(results, result);
      }
    }
  }
  worstMessage = worstMessage.trim();
  const status: AnalysisRunStatus = {
    ...prior,
    metricResults: results,
    startedAt: prior.startedAt ?? timestampFromEpochMs(nowMs),
    runSummary,
    dryRunSummary,
  };
  if (terminating) return { phase: worstPhase ?? 'Successful', message: worstMessage, status };
  if (!everythingCompleted || worstPhase === undefined)
    return { phase: 'Running', message: '', status };
  return { phase: worstPhase, message: worstMessage, status };
}

// ---------------------------------------------------------------------------------------------
// Scheduling

/** MetricTask is one metric to measure in this pass (a new measurement, or resume/terminate one). */
export interface MetricTask {
  /** Index into `run.spec.metrics` (and the resolved metrics list). */
  readonly metricIndex: number;
  readonly name: string;
  /** Present when the newest measurement is still in flight. */
  readonly incompleteMeasurement?: Measurement;
}

/**
 * generateMetricTasks ports generateMetricTasks: for each metric not yet completed, resume (or,
 * when terminating, terminate) an in-flight measurement once its resumeAt has come; otherwise,
 * unless terminating, start the first measurement once `startedAt + initialDelay` has come (never
 * before startedAt is set; never with an unparsable delay), or the next one when the count is not
 * reached and `lastFinishedAt + interval` has come (10 s after an Error, whatever the interval).
 *
 * Deliberate difference: Argo measures when `now` is strictly after the deadline; a real requeue
 * always lands a little after it. The virtual clock fires exactly at the deadline, so the deadline
 * instant itself counts as due here (otherwise the wake-up would find nothing to do).
 */
export function generateMetricTasks(
  run: AnalysisRun,
  metrics: readonly AnalysisMetric[],
  nowMs: number,
): MetricTask[] {
  const tasks: MetricTask[] = [];
  const terminating = isTerminating(run);
  const startedAt = timeOf(run.status?.startedAt);
  for (const [metricIndex, metric] of metrics.entries()) {
    const name = metric.name;
    if (metricCompleted(run, name)) continue;
    const last = lastMeasurement(run, name);
    if (last && !last.finishedAt) {
      const resumeAt = timeOf(last.resumeAt);
      if (resumeAt !== undefined && resumeAt > nowMs) continue;
      tasks.push({ metricIndex, name, incompleteMeasurement: last });
      continue;
    }
    if (terminating) continue;
    if (!last) {
      if (metric.initialDelay) {
        if (startedAt === undefined) continue;
        const delay = durationMs(metric.initialDelay);
        if (delay === undefined) continue;
        if (startedAt + delay > nowMs) continue;
      }
      tasks.push({ metricIndex, name });
      continue;
    }
    const n = effectiveCount(metric);
    if (n !== undefined && (getResult(run, name)?.count ?? 0) >= n) continue;
    let interval = DEFAULT_ERROR_RETRY_INTERVAL_MS;
    if (last.phase !== 'Error' && metric.interval) {
      const parsed = durationMs(metric.interval);
      if (parsed === undefined) continue;
      interval = parsed;
    }
    const finishedAt = timeOf(last.finishedAt) ?? nowMs;
    if (nowMs >= finishedAt + interval) tasks.push({ metricIndex, name });
  }
  return tasks;
}

/**
 * calculateNextReconcileTime ports calculateNextReconcileTime: the earliest, over metrics not yet
 * completed, of startedAt (or now) + initialDelay for metrics never measured, resumeAt of in-flight
 * measurements, and lastFinishedAt + interval (10 s after an Error) while the count is not reached.
 * Returns epoch ms, or undefined when nothing needs a timed wake-up.
 */
export function calculateNextReconcileTime(
  run: AnalysisRun,
  metrics: readonly AnalysisMetric[],
  nowMs: number,
): number | undefined {
  let next: number | undefined;
  const consider = (t: number) => {
    if (next === undefined || t < next) next = t;
  };
  for (const metric of metrics) {
    if (metricCompleted(run, metric.name)) continue;
    const last = lastMeasurement(run, metric.name);
    if (!last) {
      if (metric.initialDelay) {
        const delay = durationMs(metric.initialDelay);
        if (delay === undefined) continue;
        consider((timeOf(run.status?.startedAt) ?? nowMs) + delay);
      }
      continue;
    }
    if (!last.finishedAt) {
      const resumeAt = timeOf(last.resumeAt);
      if (resumeAt !== undefined) consider(resumeAt);
      continue;
    }
    const n = effectiveCount(metric);
    if (n !== undefined && (getResult(run, metric.name)?.count ?? 0) >= n) continue;
    let interval: number;
    if (last.phase === 'Error') interval = DEFAULT_ERROR_RETRY_INTERVAL_MS;
    else if (metric.interval) {
      const parsed = durationMs(metric.interval);
      if (parsed === undefined) continue;
      interval = parsed;
    } else continue;
    consider((timeOf(last.finishedAt) ?? nowMs) + interval);
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Recording

/**
 * recordMeasurement applies one measurement to a metric result (runMeasurements' bookkeeping):
 * a completed measurement gets finishedAt = now when unset and updates the counters — Successful,
 * Failed and Inconclusive count toward `count` and reset consecutiveError; Successful adds to
 * consecutiveSuccess, the others reset it; Error adds to `error` and consecutiveError only. A new
 * measurement is appended; a resumed or terminated one replaces the last.
 */
export function recordMeasurement(
  result: MetricResult,
  measurement: Measurement,
  replacesLast: boolean,
  nowMs: number,
): MetricResult {
  let m = measurement;
  const next = { ...result };
  if (isCompletedPhase(m.phase)) {
    if (!m.finishedAt) m = { ...m, finishedAt: timestampFromEpochMs(nowMs) };
    switch (m.phase) {
      case 'Successful':
        next.successful = (next.successful ?? 0) + 1;
        next.count = (next.count ?? 0) + 1;
        next.consecutiveError = 0;
        next.consecutiveSuccess = (next.consecutiveSuccess ?? 0) + 1;
        break;
      case 'Failed':
        next.failed = (next.failed ?? 0) + 1;
        next.count = (next.count ?? 0) + 1;
        next.consecutiveError = 0;
        next.consecutiveSuccess = 0;
        break;
      case 'Inconclusive':
        next.inconclusive = (next.inconclusive ?? 0) + 1;
        next.count = (next.count ?? 0) + 1;
        next.consecutiveError = 0;
        next.consecutiveSuccess = 0;
        break;
      default:
        next.error = (next.error ?? 0) + 1;
        next.consecutiveError = (next.consecutiveError ?? 0) + 1;
        next.consecutiveSuccess = 0;
    }
  }
  const list = [...(result.measurements ?? [])];
  if (replacesLast && list.length > 0) list[list.length - 1] = m;
  else list.push(m);
  next.measurements = list;
  return next;
}

/**
 * trimMeasurementHistory ports the trimming of garbageCollectMeasurements: each metric keeps its
 * newest `limit` measurements (10 by default), or the limit of its measurementRetention rule when
 * that is > 0. Counters are never trimmed.
 */
export function trimMeasurementHistory(
  results: readonly MetricResult[],
  retention: Readonly<Record<string, { readonly limit: number } | undefined>>,
  limit = DEFAULT_MEASUREMENT_HISTORY_LIMIT,
): MetricResult[] {
  return results.map((r) => {
    const rule = retention[r.name];
    const keep = rule && rule.limit > 0 ? rule.limit : limit;
    const ms = r.measurements ?? [];
    return ms.length > keep ? { ...r, measurements: ms.slice(ms.length - keep) } : r;
  });
}

// ---------------------------------------------------------------------------------------------
// TTL (analysis/controller.go maybeGarbageCollectAnalysisRun)

/**
 * ttlSecondsFor returns the TTL that applies to a completed run: secondsAfterSuccess for a
 * Successful run, secondsAfterFailure for a Failed one, else secondsAfterCompletion; undefined
 * when none applies.
 */
export function ttlSecondsFor(run: AnalysisRun): number | undefined {
  const ttl = run.spec.ttlStrategy;
  if (!ttl) return undefined;
  const phase = run.status?.phase;
  if (phase === 'Successful' && present(ttl.secondsAfterSuccess)) return ttl.secondsAfterSuccess;
  if (phase === 'Failed' && present(ttl.secondsAfterFailure)) return ttl.secondsAfterFailure;
  return present(ttl.secondsAfterCompletion) ? ttl.secondsAfterCompletion : undefined;
}

/**
 * shouldDeleteForTtl tells whether a completed run has outlived its TTL: it needs a completed
 * phase, completedAt, no deletionTimestamp and whole seconds since completedAt > TTL.
 */
export function shouldDeleteForTtl(run: AnalysisRun, nowMs: number): boolean {
  if (!isCompletedPhase(run.status?.phase)) return false;
  if (run.metadata?.deletionTimestamp) return false;
  const completedAt = timeOf(run.status?.completedAt);
  if (completedAt === undefined) return false;
  const ttl = ttlSecondsFor(run);
  if (ttl === undefined) return false;
  return Math.trunc((nowMs - completedAt) / 1000) > ttl;
}

/**
 * ttlExpiresAt returns the epoch ms from which shouldDeleteForTtl holds, for scheduling the GC
 * wake-up; undefined when the run never expires.
 */
export function ttlExpiresAt(run: AnalysisRun): number | undefined {
  if (!isCompletedPhase(run.status?.phase)) return undefined;
  const completedAt = timeOf(run.status?.completedAt);
  const ttl = ttlSecondsFor(run);
  if (completedAt === undefined || ttl === undefined) return undefined;
  return completedAt + (ttl + 1) * 1000;
}
