/**
 * Analysis selectors: the AnalysisRuns of a rollout as the analysis panel draws them (the Argo
 * dashboard's analysis modal: one entry per run, one chart per metric), plus what the dashboard
 * lacks: the success/failure thresholds as numbers when the condition is a simple comparison, and
 * the limits after Argo's defaults so the panel can say in words when a metric passes or fails.
 * Rule: pure functions of plain objects (a frame or a list of Kubernetes-shaped objects).
 */
import { durationFromString, intValueOfIntOrString } from '../model';
import type { Frame } from './frames';

/** The kinds of AnalysisRun a Rollout creates (Argo's `rollout-type` label). */
export type AnalysisRunKindLabel = 'Background' | 'Step' | 'PrePromotion' | 'PostPromotion' | '';

/** Comparison operators a simple condition may use. */
export type ThresholdOp = '>=' | '>' | '<=' | '<' | '==' | '!=';

/** Threshold is a condition of the form `result OP number` or `result[0] OP number`. */
export interface Threshold {
  /** `result` or `result[0]`, as written. */
  readonly subject: 'result' | 'result[0]';
  /** The operator with `result` on the left (`0.95 <= result` is read as `result >= 0.95`). */
  readonly op: ThresholdOp;
  readonly value: number;
}

/** MeasurementView is one measurement, with the number to plot when its value has one. */
export interface MeasurementView {
  /** `Successful`, `Failed`, `Inconclusive`, `Error`, `Running`, `Pending`. */
  readonly phase: string;
  /** Epoch ms, or null when absent. */
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** The value as the provider wrote it (JSON text), '' when absent. */
  readonly value: string;
  /** The plotted number: the value when a number, its first element when an array of numbers, else null. */
  readonly point: number | null;
  readonly message: string;
}

/** MetricView is one metric of a run: its spec (conditions, limits) and its measurements. */
export interface MetricView {
  readonly name: string;
  /** The metric result's phase (`Running` … `Successful`), `Pending` before the first measurement. */
  readonly phase: string;
  readonly message: string;
  /** The provider's key (`prometheus`, `web`, `job`…), '' when none. */
  readonly provider: string;
  /** The query, URL or job image, whichever the provider has ('' when none). */
  readonly query: string;
  readonly successCondition: string;
  readonly failureCondition: string;
  /** The conditions as numbers, when simple comparisons (else null: show the text). */
  readonly successThreshold: Threshold | null;
  readonly failureThreshold: Threshold | null;
  /** `interval` as written ('' when absent) and in ms (null when absent or unreadable). */
  readonly interval: string;
  readonly intervalMs: number | null;
  readonly initialDelay: string;
  /** Measurements to take: Argo's effective count (null: unbounded, until the run is stopped). */
  readonly count: number | null;
  /** Limits after Argo's defaults (failureLimit 0, inconclusiveLimit 0, consecutiveErrorLimit 4). */
  readonly failureLimit: number;
  readonly inconclusiveLimit: number;
  readonly consecutiveErrorLimit: number;
  /** 0: disabled. */
  readonly consecutiveSuccessLimit: number;
  /** True when the run lists the metric under `dryRun` (it never fails the run). */
  readonly dryRun: boolean;
  /** Counters from the metric result. */
  readonly measured: number;
  readonly successful: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly error: number;
  readonly consecutiveError: number;
  /** Oldest first. */
  readonly measurements: readonly MeasurementView[];
}

/** AnalysisRunView is one AnalysisRun of a rollout. */
export interface AnalysisRunView {
  readonly name: string;
  readonly kind: AnalysisRunKindLabel;
  /** The rollout revision it analyses (annotation), or null. */
  readonly revision: number | null;
  /** The pod-template hash it analyses (label), '' when absent. */
  readonly hash: string;
  /** `Pending` when the run has no phase yet. */
  readonly phase: string;
  readonly message: string;
  /** Epoch ms (null when absent): created, started, completed. */
  readonly createdAt: number | null;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  /** The instant the view was taken (the frame's `nowMs`), or null when built from bare objects. */
  readonly nowMs: number | null;
  /** `status.runSummary`. */
  readonly summary: {
    readonly count: number;
    readonly successful: number;
    readonly failed: number;
    readonly inconclusive: number;
    readonly error: number;
  };
  readonly metrics: readonly MetricView[];
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function time(value: unknown): number | null {
  const ms = typeof value === 'string' && value ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

const OPS: readonly ThresholdOp[] = ['>=', '<=', '==', '!=', '>', '<'];
const FLIP: Record<ThresholdOp, ThresholdOp> = {
  '>=': '<=',
  '<=': '>=',
  '>': '<',
  '<': '>',
  '==': '==',
  '!=': '!=',
};
const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const SUBJECT = String.raw`result(?:\s*\[\s*0\s*\])?`;
const OP = String.raw`>=|<=|==|!=|>|<`;
const LEFT = new RegExp(`^\\s*(${SUBJECT})\\s*(${OP})\\s*(${NUMBER})\\s*$`);
const RIGHT = new RegExp(`^\\s*(${NUMBER})\\s*(${OP})\\s*(${SUBJECT})\\s*$`);

/**
 * parseThreshold reads a condition that compares `result` or `result[0]` with a number
 * (`result[0] >= 0.95`, `result < 0.8`, `0.9 < result`); anything else gives null.
 */
export function parseThreshold(condition: string): Threshold | null {
  const subjectOf = (s: string): Threshold['subject'] =>
    s.replace(/\s+/g, '') === 'result' ? 'result' : 'result[0]';
  const left = LEFT.exec(condition);
  if (left) {
    const op = left[2] as ThresholdOp;
    if (!OPS.includes(op)) return null;
    return { subject: subjectOf(left[1]), op, value: Number(left[3]) };
  }
  const right = RIGHT.exec(condition);
  if (right) {
    const op = right[2] as ThresholdOp;
    if (!OPS.includes(op)) return null;
    return { subject: subjectOf(right[3]), op: FLIP[op], value: Number(right[1]) };
  }
  return null;
}

/** pointOf is the number to plot for a measurement's value (JSON text), or null. */
export function pointOf(value: string): number | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed === 'number' && Number.isFinite(parsed)) return parsed;
  if (Array.isArray(parsed) && typeof parsed[0] === 'number' && Number.isFinite(parsed[0]))
    return parsed[0];
  return null;
}

function durationMs(text: string): number | null {
  if (!text) return null;
  const parsed = durationFromString(text);
  return parsed.kind === 'ok' ? parsed.ms : null;
}

function limit(value: unknown, fallback: number): number {
  return present(value) ? intValueOfIntOrString(value) : fallback;
}

function providerOf(provider: Json): { name: string; query: string } {
  const name = Object.keys(provider)[0] ?? '';
  const p = obj(provider[name]);
  if (name === 'job') {
    const containers = arr(obj(obj(obj(obj(p.spec).template).spec)).containers);
    return { name, query: str(obj(containers[0]).image) };
  }
  return { name, query: str(p.query) || str(p.url) || str(p.address) };
}

function metricView(spec: Json, result: Json, dryRun: boolean): MetricView {
  const successCondition = str(spec.successCondition);
  const failureCondition = str(spec.failureCondition);
  const interval = str(spec.interval);
  const countValue = limit(spec.count, 0);
  const { name: provider, query } = providerOf(obj(spec.provider));
  const measurements = arr(result.measurements).map((m): MeasurementView => {
    const j = obj(m);
    const value = str(j.value);
    return {
      phase: str(j.phase) || 'Pending',
      startedAt: time(j.startedAt),
      finishedAt: time(j.finishedAt),
      value,
      point: pointOf(value),
      message: str(j.message),
    };
  });
  return {
    name: str(spec.name) || str(result.name),
    phase: str(result.phase) || 'Pending',
    message: str(result.message),
    provider,
    query,
    successCondition,
    failureCondition,
    successThreshold: successCondition ? parseThreshold(successCondition) : null,
    failureThreshold: failureCondition ? parseThreshold(failureCondition) : null,
    interval,
    intervalMs: durationMs(interval),
    initialDelay: str(spec.initialDelay),
    // Argo's EffectiveCount: unset or 0 → one measurement without an interval, unbounded with one.
    count: countValue === 0 ? (interval ? null : 1) : countValue,
    failureLimit: limit(spec.failureLimit, 0),
    inconclusiveLimit: limit(spec.inconclusiveLimit, 0),
    consecutiveErrorLimit: limit(spec.consecutiveErrorLimit, 4),
    consecutiveSuccessLimit: limit(spec.consecutiveSuccessLimit, 0),
    dryRun,
    measured: int(result.count),
    successful: int(result.successful),
    failed: int(result.failed),
    inconclusive: int(result.inconclusive),
    error: int(result.error),
    consecutiveError: int(result.consecutiveError),
    measurements,
  };
}

function isDryRun(patterns: readonly string[], metric: string): boolean {
  return patterns.some((p) => {
    if (p === metric || p === '*') return true;
    try {
      return new RegExp(`^(?:${p})$`).test(metric);
    } catch {
      return false;
    }
  });
}

/** analysisRunView builds the view of one AnalysisRun object (plain JSON). */
export function analysisRunView(run: unknown, nowMs: number | null = null): AnalysisRunView {
  const o = obj(run);
  const meta = obj(o.metadata);
  const labels = obj(meta.labels);
  const annotations = obj(meta.annotations);
  const spec = obj(o.spec);
  const status = obj(o.status);
  const results = arr(status.metricResults).map(obj);
  const dryRunPatterns = arr(spec.dryRun).map((d) => str(obj(d).metricName));
  const specs = arr(spec.metrics).map(obj);
  const names = new Set(specs.map((s) => str(s.name)));
  // Results without a spec (a template edited later) are still shown.
  const all = [
    ...specs,
    ...results.filter((r) => !names.has(str(r.name))).map((r) => ({ name: r.name })),
  ];
  const kind = str(labels['rollout-type']);
  const revision = Number.parseInt(str(annotations['rollout.argoproj.io/revision']), 10);
  const summary = obj(status.runSummary);
  return {
    name: str(meta.name),
    kind: (['Background', 'Step', 'PrePromotion', 'PostPromotion'].includes(kind)
      ? kind
      : '') as AnalysisRunKindLabel,
    revision: Number.isFinite(revision) ? revision : null,
    hash: str(labels['rollouts-pod-template-hash']),
    phase: str(status.phase) || 'Pending',
    message: str(status.message),
    createdAt: time(meta.creationTimestamp),
    startedAt: time(status.startedAt),
    completedAt: time(status.completedAt),
    nowMs,
    summary: {
      count: int(summary.count),
      successful: int(summary.successful),
      failed: int(summary.failed),
      inconclusive: int(summary.inconclusive),
      error: int(summary.error),
    },
    metrics: all.map((s) =>
      metricView(
        s,
        results.find((r) => str(r.name) === str(s.name)) ?? {},
        isDryRun(dryRunPatterns, str(s.name)),
      ),
    ),
  };
}

function ownedBy(o: Json, rollout: string): boolean {
  return arr(obj(o.metadata).ownerReferences).some(
    (ref) => str(obj(ref).kind) === 'Rollout' && str(obj(ref).name) === rollout,
  );
}

/**
 * selectAnalysisRuns returns the AnalysisRuns owned by the rollout `rolloutName` (default: the
 * frame's first rollout, or the first Rollout among the objects), newest first (creation time,
 * then name). Given a frame, each view carries the frame's `nowMs`.
 */
export function selectAnalysisRuns(
  source: Frame | readonly unknown[],
  rolloutName?: string,
): AnalysisRunView[] {
  const isFrame = !Array.isArray(source);
  const objects: readonly unknown[] = isFrame ? (source as Frame).objects : source;
  const name =
    rolloutName ??
    (isFrame ? (source as Frame).rollouts[0] : undefined) ??
    str(obj(objects.map(obj).find((o) => o.kind === 'Rollout')?.metadata).name);
  const nowMs = isFrame ? (source as Frame).nowMs : null;
  return objects
    .map(obj)
    .filter((o) => o.kind === 'AnalysisRun' && ownedBy(o, name))
    .map((o) => analysisRunView(o, nowMs))
    .sort(
      (a, b) =>
        (b.createdAt ?? 0) - (a.createdAt ?? 0) ||
        b.name.localeCompare(a.name, 'en', { numeric: true }),
    );
}
