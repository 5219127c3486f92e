/**
 * Turns CRD-shaped objects (as loaded from YAML or read from a cluster) into the domain types of
 * domain.ts: one kind per step, parsed durations and int-or-percents, defaults from defaults.ts.
 * Argo counterpart: the controller's reading of v1alpha1 types plus hasMultipleStepsType
 * (pkg/apis/rollouts/validation). Rule: never throws; problems are returned as path-keyed issues.
 */
import { MODEL_ISSUE_CODES, MSG_MULTIPLE_STEP_TYPES } from './codes';
import {
  DEFAULT_AUTO_PROMOTION_SECONDS,
  DEFAULT_CANARY_ANALYSIS_STARTING_STEP,
  DEFAULT_CONSECUTIVE_SUCCESS_LIMIT,
  DEFAULT_METRIC_FAILURE_LIMIT,
  DEFAULT_METRIC_INCONCLUSIVE_LIMIT,
  getAbortScaleDownDelaySecondsOrDefault,
  getAnalysisRunSuccessfulHistoryLimitOrDefault,
  getAnalysisRunUnsuccessfulHistoryLimitOrDefault,
  getAutoPromotionEnabledOrDefault,
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
import type {
  AnalysisSpec,
  BlueGreenStrategy,
  CanaryStep,
  CanaryStepKind,
  CanaryStrategy,
  ExperimentStepSpec,
  MetricProvider,
  MetricSpec,
  RolloutModel,
  Strategy,
  TrafficRouter,
  TrafficRouting,
} from './domain';
import { GATEWAY_API_PLUGIN } from './domain';
import { durationFromPause, durationFromString } from './duration';
import { intValueOfIntOrString, parseIntOrPercent } from './intOrPercent';
import type { IntOrPercent } from './intOrPercent';
import type { IssueSeverity, ValidationIssue } from './issues';
import type { RolloutSpec } from './k8s';
import type { LoadedObject, PathSegment } from './load';
import { pathToString } from './load';
import type { ReplicaCount, VirtualMs, Weight } from './units';

/** NormaliseIssue is a problem found while normalising: a field path, code and message, no position. */
export interface NormaliseIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly severity: IssueSeverity;
}

/** NormaliseResult is a normalised value (absent when an error was found) plus every issue. */
export interface NormaliseResult<T> {
  readonly value: T | undefined;
  readonly issues: readonly NormaliseIssue[];
}

type Json = Record<string, unknown>;

function rec(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

class Collector {
  readonly issues: NormaliseIssue[] = [];
  error(path: readonly PathSegment[], code: string, message: string): void {
    this.issues.push({ path: pathToString(path), code, message, severity: 'error' });
  }
  warn(path: readonly PathSegment[], code: string, message: string): void {
    this.issues.push({ path: pathToString(path), code, message, severity: 'warning' });
  }
  get failed(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
}

/** STEP_KINDS lists the step keys in the order normalisation prefers them when several are set. */
export const STEP_KINDS: readonly CanaryStepKind[] = [
  'setWeight',
  'pause',
  'setCanaryScale',
  'setHeaderRoute',
  'setMirrorRoute',
  'analysis',
  'experiment',
  'plugin',
];

/** The step types Argo's hasMultipleStepsType refuses to combine. */
const EXCLUSIVE_STEP_KINDS: ReadonlySet<CanaryStepKind> = new Set([
  'setWeight',
  'pause',
  'experiment',
  'analysis',
]);

/**
 * hasMultipleStepsType ports Argo's check: true when more than one of setWeight, pause,
 * experiment and analysis is set on a step (other combinations pass Argo's validation).
 */
export function hasMultipleStepsType(step: unknown): boolean {
  const s = rec(step) ?? {};
  return [...EXCLUSIVE_STEP_KINDS].filter((k) => present(s[k])).length > 1;
}

function normaliseAnalysis(value: unknown): AnalysisSpec {
  const a = rec(value) ?? {};
  const metadata = rec(a.analysisRunMetadata);
  return {
    templates: list(a.templates).map((t) => ({
      templateName: str(rec(t)?.templateName) ?? '',
      clusterScope: rec(t)?.clusterScope === true,
    })),
    args: list(a.args) as AnalysisSpec['args'],
    dryRun: list(a.dryRun) as AnalysisSpec['dryRun'],
    measurementRetention: list(a.measurementRetention) as AnalysisSpec['measurementRetention'],
    ...(metadata ? { analysisRunMetadata: metadata } : {}),
  };
}

function normaliseExperiment(
  value: unknown,
  path: PathSegment[],
  c: Collector,
): ExperimentStepSpec {
  const e = rec(value) ?? {};
  const metadata = rec(e.analysisRunMetadata);
  let durationMs: VirtualMs | undefined;
  const durationText = str(e.duration);
  if (durationText !== undefined && durationText !== '') {
    const parsed = durationFromString(durationText);
    if (parsed.kind === 'ok') durationMs = parsed.ms;
    else c.error([...path, 'duration'], MODEL_ISSUE_CODES.invalidValue, parsed.message);
  }
  const scaleDown = num(e.scaleDownDelaySeconds);
  return {
    templates: list(e.templates) as ExperimentStepSpec['templates'],
    analyses: list(e.analyses) as ExperimentStepSpec['analyses'],
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(durationText === undefined || durationText === '' ? {} : { durationText }),
    ...(scaleDown === undefined ? {} : { scaleDownDelaySeconds: scaleDown }),
    dryRun: list(e.dryRun) as ExperimentStepSpec['dryRun'],
    ...(metadata ? { analysisRunMetadata: metadata } : {}),
  };
}

/**
 * normaliseStep turns one CRD canary step into a CanaryStep. A step with none of the eight keys,
 * or with several of setWeight/pause/experiment/analysis, is an error with Argo's message; other
 * combinations (Argo accepts them) are a warning and the first key in STEP_KINDS order is used.
 */
export function normaliseStep(
  step: unknown,
  path: readonly PathSegment[] = [],
): NormaliseResult<CanaryStep> {
  const c = new Collector();
  const value = stepFrom(step, path, c);
  return { value: c.failed ? undefined : value, issues: c.issues };
}

function stepFrom(
  step: unknown,
  path: readonly PathSegment[],
  c: Collector,
): CanaryStep | undefined {
  const s = rec(step) ?? {};
  const here = [...path];
  const kinds = STEP_KINDS.filter((k) => present(s[k]));
  if (kinds.length === 0) {
    c.error(here, MODEL_ISSUE_CODES.stepTypes, MSG_MULTIPLE_STEP_TYPES);
    return undefined;
  }
  if (hasMultipleStepsType(s)) {
    c.error(here, MODEL_ISSUE_CODES.stepTypes, MSG_MULTIPLE_STEP_TYPES);
    return undefined;
  }
  const kind = kinds[0];
  if (kinds.length > 1) {
    c.warn(
      here,
      MODEL_ISSUE_CODES.stepTypes,
      `step sets ${kinds.join(' and ')}: the simulator runs it as ${kind} only; write one step per action`,
    );
  }
  const value = s[kind];
  const at = [...here, kind];
  switch (kind) {
    case 'setWeight': {
      const weight = num(value);
      if (weight === undefined || !Number.isInteger(weight)) {
        c.error(at, MODEL_ISSUE_CODES.invalidValue, 'setWeight must be an integer');
        return undefined;
      }
      return { kind, weight: weight as Weight };
    }
    case 'pause': {
      const duration = rec(value)?.duration;
      if (!present(duration)) return { kind };
      const parsed = durationFromPause(duration);
      if (parsed.kind === 'error') {
        c.error([...at, 'duration'], MODEL_ISSUE_CODES.invalidValue, parsed.message);
        return undefined;
      }
      return { kind, durationMs: parsed.ms, durationText: String(duration) };
    }
    case 'setCanaryScale': {
      const v = rec(value) ?? {};
      const weight = num(v.weight);
      const replicas = num(v.replicas);
      return {
        kind,
        ...(weight === undefined ? {} : { weight: weight as Weight }),
        ...(replicas === undefined ? {} : { replicas: replicas as ReplicaCount }),
        matchTrafficWeight: v.matchTrafficWeight === true,
      };
    }
    case 'setHeaderRoute': {
      const v = rec(value) ?? {};
      return { kind, name: str(v.name) ?? '', match: list(v.match) as never[] };
    }
    case 'setMirrorRoute': {
      const v = rec(value) ?? {};
      const percentage = num(v.percentage);
      return {
        kind,
        name: str(v.name) ?? '',
        match: list(v.match) as never[],
        ...(percentage === undefined ? {} : { percentage }),
      };
    }
    case 'analysis':
      return { kind, analysis: normaliseAnalysis(value) };
    case 'experiment':
      return { kind, experiment: normaliseExperiment(value, at, c) };
    case 'plugin': {
      const v = rec(value) ?? {};
      return { kind, name: str(v.name) ?? '', config: v.config ?? null };
    }
  }
}

/** trafficRoutersFrom lists the routers configured in canary.trafficRouting, in YAML key order. */
export function trafficRoutersFrom(trafficRouting: unknown): TrafficRouter[] {
  const tr = rec(trafficRouting) ?? {};
  const routers: TrafficRouter[] = [];
  for (const [key, value] of Object.entries(tr)) {
    if (!present(value)) continue;
    switch (key) {
      case 'nginx':
      case 'alb':
      case 'istio':
      case 'smi':
      case 'traefik':
      case 'apisix':
      case 'ambassador':
      case 'appMesh':
        routers.push({ kind: key, config: value } as TrafficRouter);
        break;
      case 'plugins':
        for (const [name, config] of Object.entries(rec(value) ?? {})) {
          routers.push({
            kind: name === GATEWAY_API_PLUGIN ? 'gatewayAPI' : 'plugin',
            name,
            config,
          });
        }
        break;
      default:
        break;
    }
  }
  return routers;
}

function normaliseTrafficRouting(spec: RolloutSpec, value: unknown): TrafficRouting | undefined {
  if (!present(value)) return undefined;
  const tr = rec(value) ?? {};
  return {
    routers: trafficRoutersFrom(tr),
    maxTrafficWeight: getMaxTrafficWeightOrDefault(spec),
    managedRoutes: list(tr.managedRoutes)
      .map((r) => str(rec(r)?.name))
      .filter((n): n is string => n !== undefined),
  };
}

function intOrPercentOf(value: unknown, path: PathSegment[], c: Collector): IntOrPercent {
  const parsed = parseIntOrPercent(value);
  if (parsed.kind === 'ok') return parsed.value;
  c.error(path, MODEL_ISSUE_CODES.invalidValue, parsed.message);
  return { kind: 'int', value: 0 };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function normaliseCanary(spec: RolloutSpec, c: Collector): CanaryStrategy {
  const base: PathSegment[] = ['spec', 'strategy', 'canary'];
  const canary = rec(spec.strategy?.canary) ?? {};
  const steps: CanaryStep[] = [];
  list(canary.steps).forEach((step, i) => {
    const normalised = stepFrom(step, [...base, 'steps', i], c);
    if (normalised) steps.push(normalised);
  });
  const background = rec(canary.analysis);
  const trafficRouting = normaliseTrafficRouting(spec, canary.trafficRouting);
  return {
    kind: 'canary',
    steps,
    maxSurge: intOrPercentOf(getMaxSurgeOrDefault(spec), [...base, 'maxSurge'], c),
    maxUnavailable: intOrPercentOf(
      getMaxUnavailableOrDefault(spec),
      [...base, 'maxUnavailable'],
      c,
    ),
    ...optional('canaryService', str(canary.canaryService) || undefined),
    ...optional('stableService', str(canary.stableService) || undefined),
    ...optional('trafficRouting', trafficRouting),
    scaleDownDelaySeconds: getScaleDownDelaySecondsOrDefault(spec),
    scaleDownDelayRevisionLimit: getScaleDownDelayRevisionLimitOrDefault(spec),
    abortScaleDownDelay: getAbortScaleDownDelaySecondsOrDefault(spec),
    dynamicStableScale: canary.dynamicStableScale === true,
    ...optional('minPodsPerReplicaSet', num(canary.minPodsPerReplicaSet)),
    ...optional('replicaProgressThreshold', rec(canary.replicaProgressThreshold) as never),
    ...optional(
      'analysis',
      background
        ? {
            ...normaliseAnalysis(background),
            startingStep: num(background.startingStep) ?? DEFAULT_CANARY_ANALYSIS_STARTING_STEP,
          }
        : undefined,
    ),
    ...optional('canaryMetadata', rec(canary.canaryMetadata) as never),
    ...optional('stableMetadata', rec(canary.stableMetadata) as never),
    ...optional('antiAffinity', rec(canary.antiAffinity) as never),
    ...optional('pingPong', rec(canary.pingPong) as never),
  };
}

function normaliseBlueGreen(spec: RolloutSpec, c: Collector): BlueGreenStrategy {
  const base: PathSegment[] = ['spec', 'strategy', 'blueGreen'];
  const bg = rec(spec.strategy?.blueGreen) ?? {};
  const activeService = str(bg.activeService) ?? '';
  if (activeService === '') {
    c.error(
      [...base, 'activeService'],
      MODEL_ISSUE_CODES.invalidValue,
      'activeService is required',
    );
  }
  return {
    kind: 'blueGreen',
    activeService,
    ...optional('previewService', str(bg.previewService) || undefined),
    ...optional('previewReplicaCount', num(bg.previewReplicaCount)),
    autoPromotionEnabled: getAutoPromotionEnabledOrDefault(spec),
    autoPromotionSeconds: num(bg.autoPromotionSeconds) ?? DEFAULT_AUTO_PROMOTION_SECONDS,
    scaleDownDelaySeconds: getScaleDownDelaySecondsOrDefault(spec),
    scaleDownDelayRevisionLimit: getScaleDownDelayRevisionLimitOrDefault(spec),
    abortScaleDownDelay: getAbortScaleDownDelaySecondsOrDefault(spec),
    ...optional(
      'prePromotionAnalysis',
      present(bg.prePromotionAnalysis) ? normaliseAnalysis(bg.prePromotionAnalysis) : undefined,
    ),
    ...optional(
      'postPromotionAnalysis',
      present(bg.postPromotionAnalysis) ? normaliseAnalysis(bg.postPromotionAnalysis) : undefined,
    ),
    maxUnavailable: intOrPercentOf(
      getMaxUnavailableOrDefault(spec),
      [...base, 'maxUnavailable'],
      c,
    ),
    ...optional('antiAffinity', rec(bg.antiAffinity) as never),
    ...optional('activeMetadata', rec(bg.activeMetadata) as never),
    ...optional('previewMetadata', rec(bg.previewMetadata) as never),
  };
}

/**
 * normaliseRollout turns a CRD-shaped Rollout object into a RolloutModel with every default
 * applied. `value` is undefined when an error was found (no or several strategies, a step with
 * no or several types, an unparseable duration or int-or-percent); issues carry field paths.
 */
export function normaliseRollout(rollout: unknown): NormaliseResult<RolloutModel> {
  const c = new Collector();
  const obj = rec(rollout) ?? {};
  const metadata = rec(obj.metadata) ?? {};
  const spec = (rec(obj.spec) ?? {}) as RolloutSpec;
  const strategyYaml = rec(spec.strategy) ?? {};
  const hasCanary = present(strategyYaml.canary);
  const hasBlueGreen = present(strategyYaml.blueGreen);
  let strategy: Strategy | undefined;
  if (hasCanary && hasBlueGreen) {
    c.error(
      ['spec', 'strategy'],
      MODEL_ISSUE_CODES.invalidValue,
      'Multiple Strategies can not be listed',
    );
  } else if (hasCanary) {
    strategy = normaliseCanary(spec, c);
  } else if (hasBlueGreen) {
    strategy = normaliseBlueGreen(spec, c);
  } else {
    c.error(
      ['spec', 'strategy'],
      MODEL_ISSUE_CODES.invalidValue,
      'a strategy is required: canary or blueGreen',
    );
  }
  if (!strategy || c.failed) return { value: undefined, issues: c.issues };
  const namespace = str(metadata.namespace);
  const rollbackWindow = num(rec(spec.rollbackWindow)?.revisions);
  const value: RolloutModel = {
    name: str(metadata.name) ?? '',
    ...optional('namespace', namespace),
    replicas: getRolloutReplicasOrDefault(spec) as ReplicaCount,
    strategy,
    minReadySeconds: getMinReadySecondsOrDefault(spec),
    progressDeadlineSeconds: getProgressDeadlineSecondsOrDefault(spec),
    progressDeadlineAbort: spec.progressDeadlineAbort === true,
    revisionHistoryLimit: getRevisionHistoryLimitOrDefault(spec),
    paused: spec.paused === true,
    successfulRunHistoryLimit: getAnalysisRunSuccessfulHistoryLimitOrDefault(spec),
    unsuccessfulRunHistoryLimit: getAnalysisRunUnsuccessfulHistoryLimitOrDefault(spec),
    ...optional('template', rec(spec.template) as never),
    ...optional('workloadRef', rec(spec.workloadRef) as never),
    ...optional('rollbackWindowRevisions', rollbackWindow),
  };
  return { value, issues: c.issues };
}

/** METRIC_PROVIDER_KINDS are the provider keys of a metric, in Argo's MetricProvider field order. */
export const METRIC_PROVIDER_KINDS: readonly Exclude<MetricProvider['kind'], 'plugin'>[] = [
  'prometheus',
  'kayenta',
  'web',
  'datadog',
  'wavefront',
  'newRelic',
  'job',
  'cloudWatch',
  'graphite',
  'influxdb',
  'skywalking',
];

/**
 * metricProvidersFrom lists every provider set on a metric's `provider` (each plugin key counts
 * once); Argo requires exactly one.
 */
export function metricProvidersFrom(provider: unknown): MetricProvider[] {
  const p = rec(provider) ?? {};
  const out: MetricProvider[] = [];
  for (const kind of METRIC_PROVIDER_KINDS) {
    if (present(p[kind])) out.push({ kind, config: p[kind] } as MetricProvider);
  }
  for (const [name, config] of Object.entries(rec(p.plugin) ?? {})) {
    out.push({ kind: 'plugin', name, config });
  }
  return out;
}

/**
 * normaliseMetric turns one analysis metric (after `{{args.x}}` substitution, which can touch any
 * string field) into a MetricSpec: Go-duration interval/initialDelay, IntValue limits with Argo's
 * defaults (failureLimit 0, inconclusiveLimit 0, consecutiveErrorLimit 4, consecutiveSuccessLimit
 * 0), and the effective count (no count and no interval → 1; interval without count → unbounded).
 */
export function normaliseMetric(
  metric: unknown,
  path: readonly PathSegment[] = [],
): NormaliseResult<MetricSpec> {
  const c = new Collector();
  const m = rec(metric) ?? {};
  const at = [...path];
  const durationField = (key: 'interval' | 'initialDelay'): VirtualMs | undefined => {
    const text = str(m[key]);
    if (text === undefined || text === '') return undefined;
    const parsed = durationFromString(text);
    if (parsed.kind === 'ok') return parsed.ms;
    const label = key === 'interval' ? 'invalid interval string' : 'invalid startDelay string';
    c.error([...at, key], MODEL_ISSUE_CODES.invalidValue, `${label}: ${parsed.message}`);
    return undefined;
  };
  const intervalMs = durationField('interval');
  const initialDelayMs = durationField('initialDelay');
  const limit = (key: string, fallback: number): number =>
    present(m[key]) ? intValueOfIntOrString(m[key]) : fallback;
  const count = limit('count', 0);
  const providers = metricProvidersFrom(m.provider);
  if (providers.length === 0)
    c.error([...at, 'provider'], MODEL_ISSUE_CODES.invalidValue, 'no provider specified');
  if (providers.length > 1)
    c.error([...at, 'provider'], MODEL_ISSUE_CODES.invalidValue, 'multiple providers specified');
  const provider = providers[0];
  if (c.failed || !provider) return { value: undefined, issues: c.issues };
  const hasInterval = str(m.interval) !== undefined && m.interval !== '';
  const successCondition = str(m.successCondition) || undefined;
  const failureCondition = str(m.failureCondition) || undefined;
  return {
    value: {
      name: str(m.name) ?? '',
      ...optional('intervalMs', intervalMs),
      ...optional('initialDelayMs', initialDelayMs),
      count,
      effectiveCount: count > 0 ? count : hasInterval ? undefined : 1,
      ...optional('successCondition', successCondition),
      ...optional('failureCondition', failureCondition),
      failureLimit: limit('failureLimit', DEFAULT_METRIC_FAILURE_LIMIT),
      inconclusiveLimit: limit('inconclusiveLimit', DEFAULT_METRIC_INCONCLUSIVE_LIMIT),
      consecutiveErrorLimit: getConsecutiveErrorLimitOrDefault(m),
      consecutiveSuccessLimit: limit('consecutiveSuccessLimit', DEFAULT_CONSECUTIVE_SUCCESS_LIMIT),
      provider,
    },
    issues: c.issues,
  };
}

/**
 * positionIssues attaches file, line and column to normalisation issues using the loaded
 * object's locate().
 */
export function positionIssues(
  obj: LoadedObject,
  issues: readonly NormaliseIssue[],
): ValidationIssue[] {
  return issues.map((i) => {
    const pos = obj.locate(i.path);
    return {
      file: obj.file,
      line: pos.line,
      column: pos.column,
      path: i.path,
      code: i.code,
      message: i.message,
      severity: i.severity,
      object: `${obj.kind}/${obj.name}`,
    };
  });
}
