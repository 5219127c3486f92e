/**
 * The Job provider: a Kubernetes Job whose pod runs the metric's image; the measurement succeeds
 * when the Job completes and fails when it fails. Counterpart: metricproviders/job/job.go.
 * Providers never hold the cluster, so the Job's fate is planned at start from how its image
 * behaves (`signals.jobOutcome`: exit code, run time, pull error) and the JobSpec's backoffLimit
 * and activeDeadlineSeconds, and reached on resume. Terminate deletes the Job and is Successful,
 * as in Argo. Rule: measurements have no value (Argo never sets one); the provider decides the phase,
 * conditions are ignored.
 */
import type { InFlight, MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import { fail, rec, str } from './common';

/** JOB_NAME_KEY is the measurement metadata key holding the Job's name. */
export const JOB_NAME_KEY = 'job-name';

/** Kubernetes' default Job backoffLimit. */
const DEFAULT_BACKOFF_LIMIT = 6;
/** The Job controller's pod-failure back-off: 10 s doubling, capped at 6 minutes. */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;
/** How long a kubelet takes to report ErrImagePull for an image that cannot be pulled. */
const PULL_FAILURE_MS = 2_000;

type Phase = 'Successful' | 'Failed' | 'Inconclusive';

/** JobPlan is when and how the Job ends. */
export interface JobPlan {
  readonly endsAfterMs: number;
  readonly phase: Phase;
  readonly message?: string;
}

/** jobLimits reads a JobSpec's retry limit (Kubernetes' default 6) and deadline. */
export function jobLimits(spec: Readonly<Record<string, unknown>>): {
  backoffLimit: number;
  activeDeadlineMs: number | undefined;
} {
  return {
    backoffLimit: typeof spec.backoffLimit === 'number' ? spec.backoffLimit : DEFAULT_BACKOFF_LIMIT,
    activeDeadlineMs:
      typeof spec.activeDeadlineSeconds === 'number'
        ? spec.activeDeadlineSeconds * 1000
        : undefined,
  };
}

/** JobAttempt is one pod of a Job: when it runs (ms after the Job starts) and whether it failed. */
export interface JobAttempt {
  readonly startMs: number;
  readonly endMs: number;
  readonly failed: boolean;
}

/**
 * jobAttempts lays out a Job's pods, as the Job controller runs them: exit 0 → one pod that
 * completes after `runForMs`; a non-zero exit → a new pod after each failure, with the controller's
 * back-off (10 s doubling, capped at 6 minutes), `backoffLimit` retries in all;
 * `activeDeadlineSeconds` ends the pod running at the deadline and starts no more. An unpullable
 * image → one pod that never runs (endMs = Infinity).
 */
export function jobAttempts(
  outcome: { exitCode: number; runForMs: number; imagePullError?: boolean },
  backoffLimit: number,
  activeDeadlineMs: number | undefined,
): JobAttempt[] {
  if (outcome.imagePullError) return [{ startMs: 0, endMs: Infinity, failed: true }];
  const run = Math.max(0, outcome.runForMs);
  if (outcome.exitCode === 0) {
    const endMs = activeDeadlineMs === undefined ? run : Math.min(run, activeDeadlineMs);
    return [{ startMs: 0, endMs, failed: endMs < run }];
  }
  const attempts: JobAttempt[] = [];
  let start = 0;
  for (let i = 0; i <= Math.max(0, backoffLimit); i++) {
    if (activeDeadlineMs !== undefined && start >= activeDeadlineMs) break;
    const end =
      activeDeadlineMs === undefined ? start + run : Math.min(start + run, activeDeadlineMs);
    attempts.push({ startMs: start, endMs: end, failed: true });
    start = start + run + Math.min(BACKOFF_BASE_MS * 2 ** i, BACKOFF_MAX_MS);
  }
  return attempts;
}

/**
 * planJob decides how a Job ends (from {@link jobAttempts}): exit 0 → Complete after `runForMs`;
 * a non-zero exit retries `backoffLimit` times before Failed (BackoffLimitExceeded);
 * `activeDeadlineSeconds` cuts either short (DeadlineExceeded); an unpullable image is
 * Inconclusive once the pod reports ErrImagePull, as Argo's Resume does.
 */
export function planJob(
  outcome: { exitCode: number; runForMs: number; imagePullError?: boolean },
  backoffLimit: number,
  activeDeadlineMs: number | undefined,
): JobPlan {
  if (outcome.imagePullError) {
    return {
      endsAfterMs: PULL_FAILURE_MS,
      phase: 'Inconclusive',
      message: 'job pod is waiting with reason ErrImagePull',
    };
  }
  // Past the deadline: every pod stopped, no more attempts.
  if (activeDeadlineMs !== undefined && fullPlanMs(outcome, backoffLimit) > activeDeadlineMs) {
    return {
      endsAfterMs: activeDeadlineMs,
      phase: 'Failed',
      message: 'Job was active longer than specified deadline',
    };
  }
  const last = fullPlanMs(outcome, backoffLimit);
  if (outcome.exitCode === 0) return { endsAfterMs: last, phase: 'Successful' };
  return {
    endsAfterMs: last,
    phase: 'Failed',
    message: 'Job has reached the specified backoff limit',
  };
}

/** fullPlanMs is how long a Job would take without a deadline. */
function fullPlanMs(outcome: { exitCode: number; runForMs: number }, backoffLimit: number): number {
  const attempts = jobAttempts(outcome, backoffLimit, undefined);
  return attempts[attempts.length - 1].endMs;
}

function start(metric: MetricOf<'job'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const spec = rec(c.spec);
  if (Object.keys(spec).length === 0) return fail('job spec is required');
  const containers = rec(rec(spec.template).spec).containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return fail('spec.template.spec.containers: Required value');
  }
  const image = str(rec(containers[0]).image);
  const outcome = env.signals.jobOutcome?.(image) ?? { exitCode: 0, runForMs: 0 };
  const { backoffLimit, activeDeadlineMs } = jobLimits(spec);
  const plan = planJob(outcome, backoffLimit, activeDeadlineMs);
  // newJobName: `<run uid>.<metric>.<count + error + 1>` (a new Job per measurement).
  const jobName = `${env.runUid || env.runName}.${metric.name}.${(env.measurementsTaken ?? 0) + 1}`;
  return {
    status: 'inFlight',
    inFlight: {
      jobName,
      image,
      endsAt: env.now + plan.endsAfterMs,
      phase: plan.phase,
      ...(plan.message ? { message: plan.message } : {}),
    },
    resumeAfterMs: plan.endsAfterMs,
    wakeOnly: true,
    metadata: { [JOB_NAME_KEY]: jobName },
  };
}

function resume(_metric: MetricOf<'job'>, inFlight: InFlight, env: MeasureEnv): MeasureStep {
  const jobName = str(inFlight.jobName);
  if (jobName === '') return fail('job metadata reference missing');
  const endsAt = typeof inFlight.endsAt === 'number' ? inFlight.endsAt : env.now;
  if (env.now < endsAt) {
    return {
      status: 'inFlight',
      inFlight,
      resumeAfterMs: endsAt - env.now,
      wakeOnly: true,
      metadata: { [JOB_NAME_KEY]: jobName },
    };
  }
  const phase = (str(inFlight.phase) || 'Successful') as Phase;
  const message = str(inFlight.message);
  return {
    status: 'done',
    value: undefined, // Argo's Job measurements carry no value
    phase,
    metadata: { [JOB_NAME_KEY]: jobName },
    ...(message && phase !== 'Successful' ? { message } : {}),
  };
}

function terminate(_metric: MetricOf<'job'>, inFlight: InFlight): MeasureStep {
  const jobName = str(inFlight.jobName);
  if (jobName === '') return fail('job metadata reference missing');
  // Argo's Job provider deletes the Job and marks the measurement Successful (the analysis
  // controller then adds "Metric Terminated"). The digest's "Inconclusive" comes from the unit
  // tests' provider mock, not from the provider.
  return {
    status: 'done',
    value: undefined, // Argo's Job measurements carry no value
    phase: 'Successful',
    metadata: { [JOB_NAME_KEY]: jobName },
  };
}

/** job is the Job metric provider. */
export const job: MetricProviderImpl<'job'> = { kind: 'job', start, resume, terminate };
