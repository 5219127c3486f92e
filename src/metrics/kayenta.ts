/**
 * The Kayenta provider: an automated canary analysis that compares the experiment (canary) scope
 * with the control (baseline/stable) scope on error rate and latency, scores it 0–100 and judges
 * it against `threshold.pass` / `threshold.marginal`. Counterpart: metricproviders/kayenta/
 * kayenta.go (Run starts a judgement, Resume polls it 15 s later). Rule: asynchronous like Argo;
 * the value is the integer score and the provider decides the phase itself (conditions ignored).
 */
import type { InFlight, MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import type { LabelFilter } from './measures';
import { measureOne } from './measures';
import { errorMessage, fail, rec, str } from './common';

/** KAYENTA_RESUME_DELAY_MS is Argo's resumeDelay between Run and the score poll. */
export const KAYENTA_RESUME_DELAY_MS = 15_000;

/** KAYENTA_SCOPE_LABELS maps `key=value` scope terms to labels of the simulated series. */
export const KAYENTA_SCOPE_LABELS: Readonly<Record<string, string>> = {
  'rollouts-pod-template-hash': 'rollouts_pod_template_hash',
  rollouts_pod_template_hash: 'rollouts_pod_template_hash',
  pod_template_hash: 'rollouts_pod_template_hash',
  version: 'version',
  service: 'service',
  app: 'rollout',
  rollout: 'rollout',
  namespace: 'namespace',
  role: 'role',
};

/**
 * The judge: each canary metric passes when the experiment is no worse than the control by more
 * than its tolerance; the score is the share of passing metrics, in percent (Kayenta's
 * NetflixACAJudge scores the same way, with equal weights here).
 */
export const KAYENTA_METRICS = [
  { name: 'error rate', kind: 'errorRate', relative: 0.1, absolute: 0.01 },
  { name: 'mean latency', kind: 'latencyAvg', relative: 0.2, absolute: 0.005 },
  { name: 'p95 latency', kind: 'p95', relative: 0.2, absolute: 0.01 },
  { name: 'p99 latency', kind: 'p99', relative: 0.25, absolute: 0.02 },
] as const;

function scopeFilters(scope: string): LabelFilter[] {
  const out: LabelFilter[] = [];
  for (const term of scope
    .split(/\s+and\s+|,/i)
    .map((t) => t.trim())
    .filter((t) => t !== '')) {
    const m = /^([\w.-]+)\s*(?:=|==|:)\s*['"]?([^'"]*)['"]?$/.exec(term);
    if (!m) {
      // A bare scope is a pod-template hash or a version, as Argo's examples pass them.
      out.push({ label: 'rollouts_pod_template_hash', op: '=', value: term });
      continue;
    }
    const label = KAYENTA_SCOPE_LABELS[m[1]];
    if (!label)
      throw new Error(
        `unsupported Kayenta scope key ${JSON.stringify(m[1])} (simulated: ${Object.keys(KAYENTA_SCOPE_LABELS).join(', ')})`,
      );
    out.push({ label, op: '=', value: m[2] });
  }
  return out;
}

function stats(env: MeasureEnv, filters: LabelFilter[], windowMs: number): Record<string, number> {
  const base = { filters, windowMs };
  const requests = measureOne(env.signals, env.now, { ...base, kind: 'requests' });
  const errors = measureOne(env.signals, env.now, { ...base, kind: 'errors' });
  return {
    requests,
    errorRate: requests > 0 ? errors / requests : NaN,
    latencyAvg: measureOne(env.signals, env.now, { ...base, kind: 'latencyAvg' }),
    p95: measureOne(env.signals, env.now, { ...base, kind: 'latencyQuantile', quantile: 0.95 }),
    p99: measureOne(env.signals, env.now, { ...base, kind: 'latencyQuantile', quantile: 0.99 }),
  };
}

/** kayentaScore returns the 0–100 score of experiment vs control statistics (NaN metrics fail). */
export function kayentaScore(
  control: Record<string, number>,
  experiment: Record<string, number>,
): number {
  let pass = 0;
  for (const m of KAYENTA_METRICS) {
    const c = control[m.kind];
    const e = experiment[m.kind];
    if (Number.isNaN(c) || Number.isNaN(e)) continue;
    if (e <= c * (1 + m.relative) + m.absolute) pass++;
  }
  return Math.floor((100 * pass) / KAYENTA_METRICS.length);
}

/** kayentaPhase is Argo's evaluateResult: ≥ pass Successful, ≥ marginal Inconclusive, else Failed. */
export function kayentaPhase(
  score: number,
  pass: number,
  marginal: number,
): 'Successful' | 'Inconclusive' | 'Failed' {
  if (score >= pass) return 'Successful';
  if (score >= marginal) return 'Inconclusive';
  return 'Failed';
}

const REQUIRED = [
  'address',
  'application',
  'canaryConfigName',
  'metricsAccountName',
  'configurationAccountName',
  'storageAccountName',
];

function validate(c: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of REQUIRED) if (str(c[key]) === '') return `kayenta: ${key} is required`;
  const t = rec(c.threshold);
  if (typeof t.pass !== 'number' || typeof t.marginal !== 'number')
    return 'kayenta: threshold.pass and threshold.marginal are required';
  if (!Array.isArray(c.scopes) || c.scopes.length === 0) return 'kayenta: scopes are required';
  for (const s0 of c.scopes) {
    const s = rec(s0);
    const control = rec(s.controlScope);
    const experiment = rec(s.experimentScope);
    if (str(control.scope) === '' || str(experiment.scope) === '')
      return 'kayenta: every scope needs controlScope.scope and experimentScope.scope';
    const set = (x: Readonly<Record<string, unknown>>): boolean =>
      str(x.start) !== '' && str(x.end) !== '';
    if (set(control) !== set(experiment))
      return 'kayenta: start and end must be set in both controlScope and experimentScope, or in neither';
  }
  return undefined;
}

function start(metric: MetricOf<'kayenta'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const problem = validate(c);
  if (problem) return fail(problem);
  return {
    status: 'inFlight',
    inFlight: { canaryExecutionId: `${env.runName}-${metric.name}-${env.now}`, startedAt: env.now },
    resumeAfterMs: KAYENTA_RESUME_DELAY_MS,
    metadata: { canaryExecutionId: `${env.runName}-${metric.name}-${env.now}` },
  };
}

function resume(metric: MetricOf<'kayenta'>, inFlight: InFlight, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const problem = validate(c);
  if (problem) return fail(problem);
  try {
    // The scopes' window: the metric interval before the poll (Argo: now − interval … now).
    const windowMs = metric.intervalMs ?? 5 * 60 * 1000;
    const scores: number[] = [];
    for (const s0 of c.scopes as unknown[]) {
      const s = rec(s0);
      const control = stats(env, scopeFilters(str(rec(s.controlScope).scope)), windowMs);
      const experiment = stats(env, scopeFilters(str(rec(s.experimentScope).scope)), windowMs);
      scores.push(kayentaScore(control, experiment));
    }
    const score = Math.floor(scores.reduce((a, b) => a + b, 0) / scores.length);
    const t = rec(c.threshold);
    const metadata = { canaryExecutionId: str(inFlight.canaryExecutionId) };
    return {
      status: 'done',
      value: score,
      phase: kayentaPhase(score, Number(t.pass), Number(t.marginal)),
      metadata,
    };
  } catch (e) {
    return fail(errorMessage(e));
  }
}

/** kayenta is the Kayenta metric provider. */
export const kayenta: MetricProviderImpl<'kayenta'> = {
  kind: 'kayenta',
  start,
  resume,
  // Argo's Kayenta Terminate only logs a warning and leaves the measurement as it is.
  terminate: (_metric, inFlight) => ({ status: 'inFlight', inFlight, resumeAfterMs: 0 }),
};
