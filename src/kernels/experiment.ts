// Pure helpers of the Experiment controller: termination, durations, replica counts, status
// lookups, worst-of rankings, `{{templates.x.podTemplateHash}}` args, spec checks and history.
// Argo counterparts: utils/experiment/{experiment,filter}.go, utils/conditions/experiments.go
// (VerifyExperimentSpec, ExperimentProgressing) and utils/template (ResolveExperimentArgsValue).
import type { Experiment, ReplicaSet } from '../model';
import { durationFromString } from '../model';
import { isCompletedPhase, isWorse } from './analysis';
import type { Result } from './analysisTemplates';
import { ROLLOUT_POD_TEMPLATE_HASH_LABEL } from './defaults';
import { formatRfc3339, parseRfc3339 } from './rfc3339';

/** Annotation naming the Experiment on its ReplicaSets and Services. */
export const EXPERIMENT_NAME_ANNOTATION = 'experiment.argoproj.io/name';
/** Annotation naming the experiment template on its ReplicaSets and Services. */
export const EXPERIMENT_TEMPLATE_NAME_ANNOTATION = 'experiment.argoproj.io/template-name';
/** Experiment spec.progressDeadlineSeconds when unset. */
export const DEFAULT_EXPERIMENT_PROGRESS_DEADLINE_SECONDS = 600;
/** Experiment spec.scaleDownDelaySeconds when unset. */
export const DEFAULT_EXPERIMENT_SCALE_DOWN_DELAY_SECONDS = 30;
/** Message of an experiment concluded by its required analyses. */
export const REQUIRED_ANALYSIS_COMPLETED_MESSAGE = 'Required AnalysisRuns completed';

/** The Experiment's spec, status and their parts, as the generated types declare them. */
export type ExperimentSpec = Experiment['spec'];
export type ExperimentStatus = NonNullable<Experiment['status']>;
export type ExperimentTemplate = ExperimentSpec['templates'][number];
export type ExperimentTemplateStatus = NonNullable<ExperimentStatus['templateStatuses']>[number];
export type ExperimentAnalysisRef = NonNullable<ExperimentSpec['analyses']>[number];
export type ExperimentAnalysisRunStatus = NonNullable<ExperimentStatus['analysisRuns']>[number];
export type ExperimentCondition = NonNullable<ExperimentStatus['conditions']>[number];

/** TemplateStatusCode is a template's `status` (Argo's TemplateStatusCode). */
export type TemplateStatusCode = 'Progressing' | 'Running' | 'Successful' | 'Failed' | 'Error';

/** Template statuses from best to worst (Argo's templateStatusOrder). */
export const TEMPLATE_STATUS_ORDER: readonly TemplateStatusCode[] = [
  'Successful',
  'Running',
  'Progressing',
  'Error',
  'Failed',
];

/** templateStatusCompleted: Successful, Failed and Error never change again. */
export function templateStatusCompleted(code: string | undefined): boolean {
  return code === 'Successful' || code === 'Failed' || code === 'Error';
}

/** experimentHasFinished: the experiment's phase is completed (HasFinished). */
export function experimentHasFinished(ex: Experiment): boolean {
  return isCompletedPhase(ex.status?.phase);
}

/** hasRequiredAnalysisRuns: some analysis is `requiredForCompletion`. */
export function hasRequiredAnalysisRuns(ex: Experiment): boolean {
  return (ex.spec.analyses ?? []).some((a) => a.requiredForCompletion === true);
}

/** getExperimentAnalysisRunStatus finds an analysis' entry in `status.analysisRuns` by name. */
export function getExperimentAnalysisRunStatus(
  status: ExperimentStatus | undefined,
  name: string,
): ExperimentAnalysisRunStatus | undefined {
  return status?.analysisRuns?.find((r) => r.name === name);
}

/** setExperimentAnalysisRunStatus replaces (or appends) an analysis' entry in `status`. */
export function setExperimentAnalysisRunStatus(
  status: ExperimentStatus,
  entry: ExperimentAnalysisRunStatus,
): void {
  const list = [...(status.analysisRuns ?? [])];
  const i = list.findIndex((r) => r.name === entry.name);
  if (i < 0) list.push(entry);
  else list[i] = entry;
  status.analysisRuns = list;
}

/** getTemplateStatus finds a template's entry in `status.templateStatuses` by name. */
export function getTemplateStatus(
  status: ExperimentStatus | undefined,
  name: string,
): ExperimentTemplateStatus | undefined {
  return status?.templateStatuses?.find((t) => t.name === name);
}

/** setTemplateStatus replaces (or appends) a template's entry in `status`. */
export function setTemplateStatus(status: ExperimentStatus, entry: ExperimentTemplateStatus): void {
  const list = [...(status.templateStatuses ?? [])];
  const i = list.findIndex((t) => t.name === entry.name);
  if (i < 0) list.push(entry);
  else list[i] = entry;
  status.templateStatuses = list;
}

/**
 * requiredAnalysisRunsSuccessful: at least one analysis is required for completion and every
 * required one is Successful in `status`.
 */
export function requiredAnalysisRunsSuccessful(
  ex: Experiment,
  status: ExperimentStatus | undefined,
): boolean {
  if (!status) return false;
  const required = (ex.spec.analyses ?? []).filter((a) => a.requiredForCompletion === true);
  return (
    required.length > 0 &&
    required.every((a) => getExperimentAnalysisRunStatus(status, a.name)?.phase === 'Successful')
  );
}

/**
 * isExperimentTerminating ports IsTerminating: spec.terminate, a completed phase, a Failed/Error
 * template, a Failed/Error/Inconclusive analysis, or all required analyses Successful.
 */
export function isExperimentTerminating(ex: Experiment): boolean {
  if (ex.spec.terminate) return true;
  if (experimentHasFinished(ex)) return true;
  for (const ts of ex.status?.templateStatuses ?? []) {
    if (ts.status === 'Failed' || ts.status === 'Error') return true;
  }
  for (const run of ex.status?.analysisRuns ?? []) {
    if (run.phase === 'Failed' || run.phase === 'Error' || run.phase === 'Inconclusive')
      return true;
  }
  return requiredAnalysisRunsSuccessful(ex, ex.status);
}

/** experimentDurationMs: spec.duration in ms, or undefined when unset or not a Go duration. */
export function experimentDurationMs(ex: Experiment): number | undefined {
  const text = ex.spec.duration;
  if (text === undefined || text === '') return undefined;
  const parsed = durationFromString(String(text));
  return parsed.kind === 'ok' ? parsed.ms : undefined;
}

/** The outcome of {@link passedDuration}. */
export interface PassedDuration {
  /** now is strictly after availableAt + duration. */
  readonly passed: boolean;
  /** availableAt + duration − now (0 when there is no duration or no availableAt). */
  readonly remainingMs: number;
}

/**
 * passedDuration ports PassedDurations: whether the experiment ran longer than `spec.duration`
 * since `status.availableAt`. Example: availableAt 10:00:00, duration 30s → at 10:00:30 not
 * passed (remaining 0), at 10:00:30.001 passed.
 */
export function passedDuration(ex: Experiment, nowMs: number): PassedDuration {
  const duration = experimentDurationMs(ex);
  const availableAt = ex.status?.availableAt
    ? parseRfc3339(String(ex.status.availableAt))
    : undefined;
  if (duration === undefined || availableAt === undefined) return { passed: false, remainingMs: 0 };
  const expires = availableAt + duration;
  return { passed: nowMs > expires, remainingMs: expires - nowMs };
}

/** experimentProgressDeadlineSeconds: spec.progressDeadlineSeconds or 600. */
export function experimentProgressDeadlineSeconds(ex: Experiment): number {
  return ex.spec.progressDeadlineSeconds ?? DEFAULT_EXPERIMENT_PROGRESS_DEADLINE_SECONDS;
}

/** experimentScaleDownDelaySeconds: spec.scaleDownDelaySeconds or 30. */
export function experimentScaleDownDelaySeconds(ex: Experiment): number {
  return ex.spec.scaleDownDelaySeconds ?? DEFAULT_EXPERIMENT_SCALE_DOWN_DELAY_SECONDS;
}

/**
 * calculateTemplateReplicasCount ports CalculateTemplateReplicasCount: 0 once the experiment
 * finished or is terminating, or the template's status is completed; otherwise `replicas` (default 1).
 */
export function calculateTemplateReplicasCount(
  ex: Experiment,
  template: ExperimentTemplate,
): number {
  if (experimentHasFinished(ex) || isExperimentTerminating(ex)) return 0;
  if (templateStatusCompleted(getTemplateStatus(ex.status, template.name)?.status)) return 0;
  return template.replicas ?? 1;
}

function templateRank(code: string | undefined): number {
  const i = TEMPLATE_STATUS_ORDER.indexOf(code as TemplateStatusCode);
  return i < 0 ? 0 : i;
}

/** templateIsWorse ports TemplateIsWorse: whether `candidate` ranks worse than `current`. */
export function templateIsWorse(
  current: string | undefined,
  candidate: string | undefined,
): boolean {
  return templateRank(candidate) > templateRank(current);
}

/** worstTemplateStatus ports Worst: the worse of two template statuses (left on a tie). */
export function worstTemplateStatus(
  left: string | undefined,
  right: string | undefined,
): string | undefined {
  return templateIsWorse(left, right) ? right : left;
}

/** A phase and message, as assessTemplates / assessAnalysisRuns return them. */
export interface PhaseAssessment {
  readonly phase: string;
  readonly message: string;
}

/**
 * assessTemplates ports experimentContext.assessTemplates over `status`: the worst template
 * status (a template without status counts as Progressing) as an experiment phase —
 * Progressing → Pending, Running → Running, Successful/Failed/Error as is — with its message.
 */
export function assessTemplates(ex: Experiment, status: ExperimentStatus): PhaseAssessment {
  let worstCode: string | undefined = 'Successful';
  let message = '';
  for (const template of ex.spec.templates ?? []) {
    const ts = getTemplateStatus(status, template.name);
    if (!ts) worstCode = worstTemplateStatus(worstCode, 'Progressing');
    else if (templateIsWorse(worstCode, ts.status)) {
      worstCode = ts.status;
      message = ts.message ?? '';
    }
  }
  switch (worstCode) {
    case 'Progressing':
      return { phase: 'Pending', message };
    case 'Failed':
    case 'Error':
    case 'Successful':
      return { phase: worstCode, message };
    default:
      return { phase: 'Running', message };
  }
}

/**
 * assessAnalysisRuns ports experimentContext.assessAnalysisRuns: the worst analysis phase (none ⇒
 * Successful); "Required AnalysisRuns completed" when every required run succeeded and nothing is
 * worse than Successful; Pending is reported as Running.
 */
export function assessAnalysisRuns(ex: Experiment, status: ExperimentStatus): PhaseAssessment {
  let worstPhase = 'Successful';
  let message = '';
  for (const a of ex.spec.analyses ?? []) {
    const run = getExperimentAnalysisRunStatus(status, a.name);
    if (isWorse(worstPhase, run?.phase)) {
      worstPhase = run?.phase ?? '';
      message = run?.message ?? '';
    }
  }
  if (requiredAnalysisRunsSuccessful(ex, status) && isWorse(worstPhase, 'Running')) {
    return { phase: 'Successful', message: REQUIRED_ANALYSIS_COMPLETED_MESSAGE };
  }
  return { phase: worstPhase === 'Pending' ? 'Running' : worstPhase, message };
}

/**
 * calculateExperimentPhase ports the phase part of experimentContext.calculateStatus: "" ⇒
 * Pending; while Pending/Running the templates' and analyses' assessments decide (see Part E.4);
 * a completed phase never changes. Returns the phase, message and whether availableAt starts now.
 */
export function calculateExperimentPhase(
  ex: Experiment,
  status: ExperimentStatus,
): {
  readonly phase: string;
  readonly message: string | undefined;
  readonly markAvailable: boolean;
} {
  const phase = status.phase ?? '';
  if (phase === '') return { phase: 'Pending', message: status.message, markAvailable: false };
  if (phase !== 'Pending' && phase !== 'Running')
    return { phase, message: status.message, markAvailable: false };
  const templates = assessTemplates(ex, status);
  const analyses = assessAnalysisRuns(ex, status);
  const markAvailable = templates.phase === 'Running' && !status.availableAt;
  let chosen: PhaseAssessment;
  if (isCompletedPhase(templates.phase)) {
    const deferToAnalyses = isCompletedPhase(analyses.phase) || hasRequiredAnalysisRuns(ex);
    chosen = templates.phase === 'Successful' && deferToAnalyses ? analyses : templates;
  } else if (isCompletedPhase(analyses.phase) && analyses.phase !== 'Successful') {
    chosen = analyses;
  } else if (requiredAnalysisRunsSuccessful(ex, status)) {
    chosen = analyses;
  } else {
    chosen = templates;
  }
  return { phase: chosen.phase, message: chosen.message, markAvailable };
}

/**
 * experimentProgressing ports ExperimentProgressing: a template status appeared, or a template's
 * replica counters changed between `prev` and `next`.
 */
export function experimentProgressing(
  prev: ExperimentStatus | undefined,
  next: ExperimentStatus,
): boolean {
  const before = prev?.templateStatuses ?? [];
  const after = next.templateStatuses ?? [];
  if (new Set(before.map((t) => t.name)).size < new Set(after.map((t) => t.name)).size) return true;
  return before.some((old) => {
    const now = after.find((t) => t.name === old.name);
    return (
      !!now &&
      (old.replicas !== now.replicas ||
        old.updatedReplicas !== now.updatedReplicas ||
        old.readyReplicas !== now.readyReplicas ||
        old.availableReplicas !== now.availableReplicas)
    );
  });
}

/**
 * calculateEnqueueDelayMs ports calculateEnqueueDuration for the experiment with its new status:
 * none while terminating; otherwise the sooner of availableAt + duration and, for templates still
 * short of their replicas, lastTransitionTime + progressDeadlineSeconds. Deadlines are strict
 * ("after"), so the delay is 1 ms past them.
 */
export function calculateEnqueueDelayMs(ex: Experiment, nowMs: number): number | undefined {
  if (isExperimentTerminating(ex)) return undefined;
  let candidate: number | undefined;
  const consider = (ms: number) => {
    const at = Math.max(0, ms) + 1;
    if (candidate === undefined || at < candidate) candidate = at;
  };
  if (ex.status?.availableAt && experimentDurationMs(ex) !== undefined) {
    const d = passedDuration(ex, nowMs);
    if (!d.passed) consider(d.remainingMs);
  }
  const deadlineMs = experimentProgressDeadlineSeconds(ex) * 1000;
  for (const template of ex.spec.templates ?? []) {
    const ts = getTemplateStatus(ex.status, template.name);
    if (!ts || (ts.status !== 'Progressing' && ts.status !== 'Running')) continue;
    const desired = calculateTemplateReplicasCount(ex, template);
    const from = ts.lastTransitionTime ? parseRfc3339(String(ts.lastTransitionTime)) : undefined;
    if (ts.availableReplicas !== desired && from !== undefined) consider(from + deadlineMs - nowMs);
  }
  return candidate;
}

/**
 * resolveExperimentArgsValue ports ResolveExperimentArgsValue: `{{templates.<t>.podTemplateHash}}`
 * and `{{templates.<t>.replicaset.name}}` of the templates that have a ReplicaSet,
 * `{{experiment.availableAt}}` and `{{experiment.finishedAt}}` (availableAt + duration) once
 * available. An unknown tag resolves to "" and is reported as "failed to resolve {{tag}}".
 */
export function resolveExperimentArgsValue(
  text: string,
  ex: Experiment,
  templateRSs: Readonly<Record<string, ReplicaSet | undefined>>,
): Result<string> {
  const values = new Map<string, string>();
  const availableAt = ex.status?.availableAt
    ? parseRfc3339(String(ex.status.availableAt))
    : undefined;
  if (availableAt !== undefined) {
    values.set('experiment.availableAt', formatRfc3339(availableAt));
    if (ex.spec.duration) {
      const parsed = durationFromString(String(ex.spec.duration));
      if (parsed.kind === 'error') return { kind: 'error', message: parsed.message };
      values.set('experiment.finishedAt', formatRfc3339(availableAt + parsed.ms));
    }
  }
  for (const template of ex.spec.templates ?? []) {
    const rs = templateRSs[template.name];
    if (!rs) continue;
    values.set(
      `templates.${template.name}.podTemplateHash`,
      rs.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL] ?? '',
    );
    values.set(`templates.${template.name}.replicaset.name`, rs.metadata?.name ?? '');
  }
  let unresolved: string | undefined;
  let out = '';
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) break;
    const tag = rest.slice(open + 2, close);
    const value = values.get(tag.trim());
    if (value === undefined) unresolved = `failed to resolve {{${tag}}}`;
    out += rest.slice(0, open) + (value ?? '');
    rest = rest.slice(close + 2);
  }
  out += rest;
  return unresolved ? { kind: 'error', message: unresolved } : { kind: 'ok', value: out };
}

/**
 * verifyExperimentSpec ports VerifyExperimentSpec: the first problem of the templates (missing or
 * empty selector, minReadySeconds over the progress deadline, empty or repeated name), or undefined.
 */
export function verifyExperimentSpec(ex: Experiment): string | undefined {
  const name = ex.metadata?.name ?? '';
  const seen = new Set<string>();
  const templates = ex.spec.templates ?? [];
  for (let i = 0; i < templates.length; i++) {
    const t = templates[i];
    if (!t.selector) return `Rollout has missing field '.Spec.Templates[${i}].Selector'`;
    const sel = t.selector as { matchLabels?: object; matchExpressions?: unknown[] };
    if (
      Object.keys(sel.matchLabels ?? {}).length === 0 &&
      (sel.matchExpressions ?? []).length === 0
    )
      return `This experiment is selecting all pods at index ${i}. A non-empty selector is required.`;
    if ((t.minReadySeconds ?? 0) > experimentProgressDeadlineSeconds(ex))
      return `MinReadySeconds cannot be longer than ProgressDeadlineSeconds. Check template index ${i}`;
    if (!t.name) return `Experiment ${name} has empty template name at index ${i}`;
    if (seen.has(t.name))
      return `Experiment ${name} has repeated template name '${t.name}' in templates`;
    seen.add(t.name);
  }
  return undefined;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** isExperimentSemanticallyEqual ports IsSemanticallyEqual: equal specs, ignoring `terminate`. */
export function isExperimentSemanticallyEqual(
  left: ExperimentSpec,
  right: ExperimentSpec,
): boolean {
  return (
    stableJson({ ...left, terminate: undefined }) === stableJson({ ...right, terminate: undefined })
  );
}

function creationMs(ex: Experiment): number {
  return parseRfc3339(String(ex.metadata?.creationTimestamp ?? '')) ?? 0;
}

/**
 * filterExperimentsToDelete ports FilterExperimentsToDelete: experiments without a pod-hash label,
 * or whose ReplicaSet is gone or being deleted, go; of the rest (newest first) `limitSuccessful`
 * Successful and `limitUnsuccessful` Failed/Error/Inconclusive are kept; running ones always stay.
 */
export function filterExperimentsToDelete(
  exs: readonly Experiment[],
  replicaSets: readonly ReplicaSet[],
  limitSuccessful: number,
  limitUnsuccessful: number,
): Experiment[] {
  const deleting = new Map<string, boolean>();
  for (const rs of replicaSets) {
    const hash = rs.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL];
    if (hash !== undefined) deleting.set(hash, !!rs.metadata?.deletionTimestamp);
  }
  const sorted = [...exs].sort(
    (a, b) =>
      creationMs(b) - creationMs(a) ||
      String(b.metadata?.name ?? '').localeCompare(String(a.metadata?.name ?? '')),
  );
  let keptSuccessful = 0;
  let keptUnsuccessful = 0;
  const out: Experiment[] = [];
  for (const ex of sorted) {
    const hash = ex.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL];
    if (hash === undefined || !deleting.has(hash) || deleting.get(hash)) {
      out.push(ex);
      continue;
    }
    const phase = ex.status?.phase;
    if (phase === 'Successful') {
      if (keptSuccessful < limitSuccessful) keptSuccessful++;
      else out.push(ex);
    } else if (phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive') {
      if (keptUnsuccessful < limitUnsuccessful) keptUnsuccessful++;
      else out.push(ex);
    }
  }
  return out;
}
