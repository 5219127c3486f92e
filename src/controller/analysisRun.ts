/**
 * reconcileAnalysisRun: one pass of the analysis controller over a plain AnalysisRun object —
 * resolve args, validate, take/resume/terminate due measurements, assess metrics and the run, trim
 * history, and say when to look again. Argo counterpart: analysis/analysis.go (reconcileAnalysisRun,
 * runMeasurements). Rule: synchronous; providers are ports; time is `env.nowMs`, never read.
 */
import {
  METRIC_TERMINATED_MESSAGE,
  assessRunStatus,
  calculateNextReconcileTime,
  generateMetricTasks,
  getDryRunMetrics,
  getMeasurementRetentionMetrics,
  getResult,
  isCompletedPhase,
  isTerminating,
  recordMeasurement,
  redactSecrets,
  resolveMetricArgs,
  resolveMetricsWithoutSecrets,
  resolveSecretArgs,
  setResult,
  timestampFromEpochMs,
  trimMeasurementHistory,
  validateMetrics,
} from '../kernels';
import type {
  AnalysisMetric,
  AnalysisPhase,
  Measurement,
  MetricResult,
  MetricTask,
} from '../kernels';
import type {
  InFlight,
  MeasureEnv,
  MeasureStep,
  MetricProviderImpl,
  MetricRng,
  SignalView,
} from '../metrics';
// evaluateMeasurement / formatMetricValue are not exported by src/metrics/index.ts yet (owned by
// the providers' engineer); import the module directly until they are.
import { evaluateMeasurement, formatMetricValue } from '../metrics/evaluate';
import type { MeasurementPhase } from '../metrics/evaluate';
import { normaliseMetric } from '../model';
import type { AnalysisRun, MetricProviderKind, MetricSpec, Secret } from '../model';
import { DEFAULT_EPOCH_MS } from '../sim';

/** ProviderRegistry returns the provider for a metric kind (Argo's newProvider). */
export type ProviderRegistry = (kind: MetricProviderKind) => MetricProviderImpl | undefined;

/**
 * ScriptedOutcome is a scenario's `analysis:` entry for one metric: `values` are returned in
 * order (the last repeats), `value` every time, or `phase` is reached directly; `afterMs` makes
 * each measurement stay in flight that long after it starts.
 */
export interface ScriptedOutcome {
  readonly value?: unknown;
  readonly values?: readonly unknown[];
  readonly phase?: MeasurementPhase;
  readonly afterMs?: number;
}

/** AnalysisRunEnv is the world one reconcile pass sees. */
export interface AnalysisRunEnv {
  /** Current time as epoch ms (epochMs + virtual ms), as the rollout controller uses. */
  readonly nowMs: number;
  /** Epoch ms of virtual time 0 (default DEFAULT_EPOCH_MS); providers get virtual time. */
  readonly epochMs?: number;
  /** Secrets visible for `valueFrom.secretKeyRef` args. */
  readonly secrets?: readonly Secret[];
  /** Telemetry for providers (default: no series). */
  readonly signals?: SignalView;
  /** A random stream per metric (default: a constant 0.5). */
  readonly rng?: (metricName: string) => MetricRng;
  /** Scripted outcomes that replace the provider for a metric. */
  readonly scripted?: (metricName: string) => ScriptedOutcome | undefined;
}

/** RecordedMeasurement names a measurement written in this pass. */
export interface RecordedMeasurement {
  readonly metric: string;
  readonly measurement: Measurement;
}

/** AnalysisRunReconcileResult is the run after one pass, and when to run the next one. */
export interface AnalysisRunReconcileResult {
  readonly run: AnalysisRun;
  /** Milliseconds until the next timed pass; absent when only a change can make progress. */
  readonly nextReconcileInMs?: number;
  /** Measurements started, resumed or finished in this pass, in metric order. */
  readonly measurements: readonly RecordedMeasurement[];
}

/** MeasureStepWithPhase lets providers that decide phases themselves (Job, Kayenta) say so. */
export type MeasureStepWithPhase = MeasureStep & {
  readonly phase?: MeasurementPhase;
  readonly message?: string;
};

/** IN_FLIGHT_METADATA_KEY holds a measurement's in-flight provider state (JSON) between passes. */
export const IN_FLIGHT_METADATA_KEY = 'rollout-lab/in-flight';

const EMPTY_SIGNALS: SignalView = { series: () => [], seriesNames: () => [] };
const HALF_RNG: MetricRng = { next: () => 0.5 };

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function failRun(run: AnalysisRun, message: string, nowMs: number): AnalysisRunReconcileResult {
  const status = { ...(run.status ?? { phase: '' }) };
  status.phase = 'Error';
  status.message = message;
  status.completedAt ??= timestampFromEpochMs(nowMs);
  return { run: { ...run, status }, measurements: [] };
}

interface InFlightState {
  readonly provider?: InFlight;
  readonly scripted?: { readonly value?: unknown; readonly phase?: MeasurementPhase };
  /** For a measurement without resumeAt (wakeOnly): when the run should look again (epoch ms). */
  readonly wakeAt?: number;
}

function inFlightOf(m: Measurement): InFlightState {
  const text = m.metadata?.[IN_FLIGHT_METADATA_KEY];
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as InFlightState;
  } catch {
    return {};
  }
}

function withoutInFlight(
  metadata: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (!metadata) return undefined;
  const out = { ...metadata };
  delete out[IN_FLIGHT_METADATA_KEY];
  return Object.keys(out).length > 0 ? out : undefined;
}

interface MeasureContext {
  readonly metricYaml: AnalysisMetric;
  readonly task: MetricTask;
  readonly result: MetricResult | undefined;
  readonly terminating: boolean;
  readonly providers: ProviderRegistry;
  readonly env: AnalysisRunEnv;
  readonly measureEnv: MeasureEnv;
}

/** The measurement a step of the provider (or script) turns into. */
function measurementFromStep(
  step: MeasureStepWithPhase,
  spec: MetricSpec | undefined,
  startedAt: string,
  nowMs: number,
  virtualNow: number,
  epochMs: number,
  scriptedState?: InFlightState['scripted'],
): Measurement {
  if (step.status === 'error') {
    const m: Measurement = { phase: 'Error', message: step.message, startedAt };
    const meta = withoutInFlight(step.metadata);
    if (meta) m.metadata = meta;
    return m;
  }
  if (step.status === 'inFlight') {
    const dueMs = epochMs + virtualNow + step.resumeAfterMs;
    const state: InFlightState = scriptedState
      ? { scripted: scriptedState }
      : step.wakeOnly
        ? { provider: step.inFlight, wakeAt: dueMs }
        : { provider: step.inFlight };
    return {
      phase: 'Running',
      startedAt,
      ...(step.wakeOnly && !scriptedState ? {} : { resumeAt: timestampFromEpochMs(dueMs) }),
      metadata: { ...(step.metadata ?? {}), [IN_FLIGHT_METADATA_KEY]: JSON.stringify(state) },
    };
  }
  const assessed =
    step.phase !== undefined
      ? { phase: step.phase, ...(step.message !== undefined ? { message: step.message } : {}) }
      : evaluateMeasurement(step.value, spec ?? {});
  const m: Measurement = {
    phase: assessed.phase,
    startedAt,
    finishedAt: timestampFromEpochMs(nowMs),
  };
  if (step.value !== undefined) m.value = formatMetricValue(step.value);
  if (assessed.message) m.message = assessed.message;
  const meta = withoutInFlight(step.metadata);
  if (meta) m.metadata = meta;
  return m;
}

function scriptedStep(
  outcome: ScriptedOutcome,
  index: number,
): { step: MeasureStepWithPhase; state: InFlightState['scripted'] } {
  const value =
    outcome.values && outcome.values.length > 0
      ? outcome.values[Math.min(index, outcome.values.length - 1)]
      : outcome.value;
  const state = {
    ...(value !== undefined ? { value } : {}),
    ...(outcome.phase !== undefined ? { phase: outcome.phase } : {}),
  };
  if (outcome.afterMs !== undefined && outcome.afterMs > 0) {
    return { step: { status: 'inFlight', inFlight: {}, resumeAfterMs: outcome.afterMs }, state };
  }
  return { step: completeScripted(state), state };
}

function completeScripted(state: InFlightState['scripted']): MeasureStepWithPhase {
  const s = state ?? {};
  if (s.phase === 'Error') return { status: 'error', message: 'scripted measurement error' };
  if (s.phase !== undefined) return { status: 'done', value: s.value, phase: s.phase };
  return { status: 'done', value: s.value ?? null };
}

function callProvider(fn: () => MeasureStep): MeasureStepWithPhase {
  try {
    return fn();
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

function takeMeasurement(ctx: MeasureContext): Measurement {
  const { env, task, measureEnv } = ctx;
  const epochMs = env.epochMs ?? DEFAULT_EPOCH_MS;
  const virtualNow = env.nowMs - epochMs;
  const normalised = normaliseMetric(ctx.metricYaml);
  const spec = normalised.value;
  const incomplete = task.incompleteMeasurement;
  const startedAt = incomplete?.startedAt ?? timestampFromEpochMs(env.nowMs);
  const build = (step: MeasureStepWithPhase, scripted?: InFlightState['scripted']) =>
    measurementFromStep(step, spec, startedAt, env.nowMs, virtualNow, epochMs, scripted);

  if (incomplete) {
    const state = inFlightOf(incomplete);
    if (
      state.scripted !== undefined ||
      (state.provider === undefined && ctx.env.scripted?.(task.name))
    ) {
      if (!ctx.terminating) return build(completeScripted(state.scripted), state.scripted);
      // A scripted Job is deleted (Inconclusive); other scripted measurements stay as they are.
      if (spec?.provider.kind === 'job') {
        return build({ status: 'done', value: undefined, phase: 'Inconclusive' });
      }
      return incomplete;
    }
    if (!spec)
      return {
        ...incomplete,
        phase: 'Error',
        message: normalised.issues[0]?.message ?? 'invalid metric',
      };
    const provider = ctx.providers(spec.provider.kind);
    if (!provider)
      return {
        ...incomplete,
        phase: 'Error',
        message: `unsupported provider: ${spec.provider.kind}`,
      };
    const inFlight = state.provider ?? {};
    if (ctx.terminating) {
      const step = callProvider(() => provider.terminate(spec, inFlight, measureEnv));
      if (step.status === 'inFlight') return incomplete;
      return build(step);
    }
    return build(callProvider(() => provider.resume(spec, inFlight, measureEnv)));
  }

  const outcome = env.scripted?.(task.name);
  if (outcome) {
    const index = (ctx.result?.count ?? 0) + (ctx.result?.error ?? 0);
    const { step, state } = scriptedStep(outcome, index);
    return build(step, state);
  }
  if (!spec) {
    return {
      phase: 'Error',
      message: normalised.issues[0]?.message ?? 'invalid metric',
      startedAt,
    };
  }
  const provider = ctx.providers(spec.provider.kind);
  if (!provider) {
    return { phase: 'Error', message: `unsupported provider: ${spec.provider.kind}`, startedAt };
  }
  return build(callProvider(() => provider.start(spec, measureEnv)));
}

/**
 * reconcileAnalysisRun ports reconcileAnalysisRun on a plain object and returns the new run:
 * a completed run is returned unchanged; argument resolution, validation and dry-run/retention
 * rules that fail make the run Error ("Unable to resolve metric arguments: …", "Analysis spec
 * invalid: …"); otherwise the due measurements are taken (new ones via provider.start, in-flight
 * ones via resume, or terminate when the run is terminating; a scripted outcome replaces the
 * provider), counters updated, metrics and the run assessed (phase, message, startedAt,
 * completedAt, runSummary, dryRunSummary), history trimmed, and the next timed pass computed.
 */
export function reconcileAnalysisRun(
  origRun: AnalysisRun,
  providers: ProviderRegistry,
  env: AnalysisRunEnv,
): AnalysisRunReconcileResult {
  if (isCompletedPhase(origRun.status?.phase)) return { run: origRun, measurements: [] };
  const nowMs = env.nowMs;
  let run = clone(origRun);
  run.status = { ...(run.status ?? { phase: '' }), metricResults: run.status?.metricResults ?? [] };
  const args = run.spec.args;

  const resolved = resolveMetricsWithoutSecrets(run.spec.metrics, args);
  if (resolved.kind === 'error') {
    return failRun(run, `Unable to resolve metric arguments: ${resolved.message}`, nowMs);
  }
  const metrics = resolved.value;
  const invalid = validateMetrics(metrics);
  if (invalid) return failRun(run, `Analysis spec invalid: ${invalid}`, nowMs);
  const dryRun = getDryRunMetrics(run.spec.dryRun, metrics);
  if (dryRun.kind === 'error')
    return failRun(run, `Analysis spec invalid: ${dryRun.message}`, nowMs);
  const retention = getMeasurementRetentionMetrics(run.spec.measurementRetention, metrics);
  if (retention.kind === 'error') {
    return failRun(run, `Analysis spec invalid: ${retention.message}`, nowMs);
  }

  const tasks = generateMetricTasks(run, metrics, nowMs);
  const namespace = run.metadata?.namespace ?? 'default';
  const secretArgs = resolveSecretArgs(args, namespace, env.secrets ?? []);
  if (secretArgs.kind === 'error') {
    return failRun(run, `Unable to resolve metric arguments: ${secretArgs.message}`, nowMs);
  }
  const resolvedTasks: { task: MetricTask; metric: AnalysisMetric }[] = [];
  for (const task of tasks) {
    const r = resolveMetricArgs(run.spec.metrics[task.metricIndex], secretArgs.value.args);
    if (r.kind === 'error')
      return failRun(run, `Unable to resolve metric arguments: ${r.message}`, nowMs);
    resolvedTasks.push({ task, metric: r.value });
  }

  const terminating = isTerminating(run);
  const argValues: Record<string, string> = {};
  for (const a of secretArgs.value.args) if (a.value !== undefined) argValues[a.name] = a.value;
  const recorded: RecordedMeasurement[] = [];
  let results = run.status.metricResults ?? [];
  for (const { task, metric } of resolvedTasks) {
    const existing = getResult(run, task.name);
    const measureEnv: MeasureEnv = {
      now: nowMs - (env.epochMs ?? DEFAULT_EPOCH_MS),
      rng: env.rng?.(task.name) ?? HALF_RNG,
      signals: env.signals ?? EMPTY_SIGNALS,
      args: argValues,
      namespace,
      runName: run.metadata?.name ?? '',
      runUid: run.metadata?.uid ?? '',
      measurementsTaken: (existing?.count ?? 0) + (existing?.error ?? 0),
    };
    let measurement = takeMeasurement({
      metricYaml: metric,
      task,
      result: existing,
      terminating,
      providers,
      env,
      measureEnv,
    });
    const terminated = task.incompleteMeasurement !== undefined && terminating;
    if (
      terminated &&
      (measurement.phase === 'Successful' || measurement.phase === 'Inconclusive')
    ) {
      measurement = { ...measurement, message: METRIC_TERMINATED_MESSAGE };
    }
    if (measurement.message !== undefined) {
      measurement = {
        ...measurement,
        message: redactSecrets(measurement.message, secretArgs.value.secretValues),
      };
    }
    let result: MetricResult = existing ?? { name: task.name, phase: 'Running' };
    if (!existing) {
      if (dryRun.matched[task.name]) result = { ...result, dryRun: true };
      const meta = withoutInFlight(measurement.metadata);
      if (meta) result = { ...result, metadata: meta };
    }
    result = recordMeasurement(
      result,
      measurement,
      task.incompleteMeasurement !== undefined,
      nowMs,
    );
    results = setResult(results, result);
    run = { ...run, status: { ...run.status!, metricResults: results } };
    const recordedMeasurement = result.measurements?.[result.measurements.length - 1];
    if (recordedMeasurement) recorded.push({ metric: task.name, measurement: recordedMeasurement });
  }

  const assessment = assessRunStatus(run, metrics, dryRun.matched, nowMs);
  const status = { ...assessment.status };
  if (assessment.phase !== status.phase) {
    status.phase = assessment.phase;
    if (assessment.message !== '') status.message = assessment.message;
    else delete status.message;
    if (isCompletedPhase(assessment.phase)) status.completedAt ??= timestampFromEpochMs(nowMs);
  }
  status.metricResults = trimMeasurementHistory(status.metricResults ?? [], retention.matched);
  run = { ...run, status };

  const next = earliest(calculateNextReconcileTime(run, metrics, nowMs), wakeTime(run));
  const out: AnalysisRunReconcileResult = { run, measurements: recorded };
  return next === undefined ? out : { ...out, nextReconcileInMs: Math.max(0, next - nowMs) };
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/**
 * wakeTime is the earliest wake-up of in-flight measurements without resumeAt (Job): the moment
 * their Job changes, when Argo's Job informer would requeue the run.
 */
function wakeTime(run: AnalysisRun): number | undefined {
  let at: number | undefined;
  for (const result of run.status?.metricResults ?? []) {
    const last = result.measurements?.[result.measurements.length - 1];
    if (!last || last.finishedAt || last.resumeAt) continue;
    at = earliest(at, inFlightOf(last).wakeAt);
  }
  return at;
}

/** analysisRunPhase returns a run's phase ('' before its first pass). */
export function analysisRunPhase(run: AnalysisRun): AnalysisPhase | '' {
  return (run.status?.phase ?? '') as AnalysisPhase | '';
}
