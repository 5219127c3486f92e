import { describe, expect, it } from 'vitest';
import {
  job,
  jobAttempts,
  kayenta,
  kayentaPhase,
  KAYENTA_RESUME_DELAY_MS,
  planJob,
} from '../../src/metrics';
import type { InFlight, MeasureStep } from '../../src/metrics';
import { appTraffic, envOf, metricOf, syntheticSignals } from './synthetic';

const kayentaConfig = (experiment: string, extra: Record<string, unknown> = {}) => ({
  address: 'http://kayenta.example.com',
  application: 'demo',
  canaryConfigName: 'demo-config',
  metricsAccountName: 'prometheus',
  configurationAccountName: 'config',
  storageAccountName: 'storage',
  threshold: { pass: 90, marginal: 75 },
  scopes: [
    {
      name: 'default',
      controlScope: { scope: 'rollouts-pod-template-hash=stable', step: 60 },
      experimentScope: { scope: experiment, step: 60 },
    },
  ],
  ...extra,
});

const signals = syntheticSignals([
  ...appTraffic({ rollouts_pod_template_hash: 'stable' }, 40, 0.4),
  ...appTraffic({ rollouts_pod_template_hash: 'good' }, 10, 0.1),
  ...appTraffic(
    { rollouts_pod_template_hash: 'bad' },
    10,
    3,
    { '0.1': 1, '0.25': 3, '0.5': 6, '+Inf': 10 },
    10 * 0.45,
  ),
]);

const inFlightOf = (s: MeasureStep): InFlight => {
  if (s.status !== 'inFlight') throw new Error(JSON.stringify(s));
  return s.inFlight;
};

describe('kayenta provider', () => {
  it('starts asynchronously and is judged 15 s later', () => {
    const metric = metricOf('kayenta', kayentaConfig('rollouts-pod-template-hash=good'), {
      intervalMs: 300_000,
    });
    const started = kayenta.start(metric, envOf(signals, 585_000));
    expect(started).toMatchObject({ status: 'inFlight', resumeAfterMs: KAYENTA_RESUME_DELAY_MS });
    const result = kayenta.resume(metric, inFlightOf(started), envOf(signals, 600_000));
    expect(result).toMatchObject({ status: 'done', value: 100, phase: 'Successful' });
  });

  it('a canary with more errors and slower responses fails', () => {
    const metric = metricOf('kayenta', kayentaConfig('rollouts-pod-template-hash=bad'), {
      intervalMs: 300_000,
    });
    const result = kayenta.resume(
      metric,
      inFlightOf(kayenta.start(metric, envOf(signals))),
      envOf(signals),
    );
    // Error rate and mean and p95 latency regress; p99 is capped by the histogram's last bound for both.
    expect(result).toMatchObject({ status: 'done', value: 25, phase: 'Failed' });
  });

  it("phase from the score as Argo's evaluateResult", () => {
    expect(kayentaPhase(90, 90, 75)).toBe('Successful');
    expect(kayentaPhase(80, 90, 75)).toBe('Inconclusive');
    expect(kayentaPhase(74, 90, 75)).toBe('Failed');
  });

  it('validates required fields', () => {
    const { address: _a, ...noAddress } = kayentaConfig('x');
    expect(kayenta.start(metricOf('kayenta', noAddress), envOf(signals))).toEqual({
      status: 'error',
      message: 'kayenta: address is required',
    });
    expect(
      kayenta.start(metricOf('kayenta', kayentaConfig('x', { threshold: {} })), envOf(signals)),
    ).toMatchObject({ status: 'error' });
    expect(
      kayenta.start(metricOf('kayenta', kayentaConfig('x', { scopes: [] })), envOf(signals)),
    ).toEqual({ status: 'error', message: 'kayenta: scopes are required' });
  });
});

describe('job provider', () => {
  const jobMetric = (image: string, spec: Record<string, unknown> = {}) =>
    metricOf(
      'job',
      {
        spec: {
          template: { spec: { containers: [{ name: 'smoke', image }], restartPolicy: 'Never' } },
          ...spec,
        },
      },
      { name: 'smoke' },
    );
  const outcomes: Record<string, { exitCode: number; runForMs: number; imagePullError?: boolean }> =
    {
      'smoke:ok': { exitCode: 0, runForMs: 20_000 },
      'smoke:fails': { exitCode: 1, runForMs: 5_000 },
      'smoke:missing': { exitCode: 0, runForMs: 0, imagePullError: true },
    };
  const env = (now: number) =>
    envOf(syntheticSignals([], 0, { jobOutcome: (image: string) => outcomes[image] }), now);

  it('runs for runFor and completes Successful without a value', () => {
    const m = jobMetric('smoke:ok');
    const started = job.start(m, env(1000));
    expect(started).toMatchObject({
      status: 'inFlight',
      resumeAfterMs: 20_000,
      metadata: { 'job-name': 'run-1.smoke.1' },
    });
    expect(job.resume(m, inFlightOf(started), env(11_000))).toMatchObject({
      status: 'inFlight',
      resumeAfterMs: 10_000,
    });
    expect(job.resume(m, inFlightOf(started), env(21_000))).toEqual({
      status: 'done',
      value: undefined,
      phase: 'Successful',
      metadata: { 'job-name': 'run-1.smoke.1' },
    });
  });

  it('names the Job <run uid>.<metric>.<measurements taken + 1> and records no resumeAt', () => {
    const m = jobMetric('smoke:ok');
    const started = job.start(m, { ...env(0), runUid: 'u-1', measurementsTaken: 4 });
    expect(started).toMatchObject({
      status: 'inFlight',
      wakeOnly: true,
      metadata: { 'job-name': 'u-1.smoke.5' },
    });
  });

  it('jobAttempts: a pod per attempt with 10 s·2ⁿ back-off; the deadline stops the running one', () => {
    expect(jobAttempts({ exitCode: 0, runForMs: 5_000 }, 6, undefined)).toEqual([
      { startMs: 0, endMs: 5_000, failed: false },
    ]);
    expect(jobAttempts({ exitCode: 2, runForMs: 5_000 }, 2, undefined)).toEqual([
      { startMs: 0, endMs: 5_000, failed: true },
      { startMs: 15_000, endMs: 20_000, failed: true },
      { startMs: 40_000, endMs: 45_000, failed: true },
    ]);
    // Deadline 18 s: the second pod is stopped at 18 s and no third one starts.
    expect(jobAttempts({ exitCode: 2, runForMs: 5_000 }, 2, 18_000)).toEqual([
      { startMs: 0, endMs: 5_000, failed: true },
      { startMs: 15_000, endMs: 18_000, failed: true },
    ]);
    // The plan ends when the last attempt does.
    expect(planJob({ exitCode: 2, runForMs: 5_000 }, 2, undefined).endsAfterMs).toBe(45_000);
  });

  it('a failing pod is retried backoffLimit times before the Job fails', () => {
    const m = jobMetric('smoke:fails', { backoffLimit: 2 });
    const started = job.start(m, env(0));
    // 3 runs of 5 s plus back-offs of 10 s and 20 s.
    expect(started).toMatchObject({ status: 'inFlight', resumeAfterMs: 45_000 });
    expect(job.resume(m, inFlightOf(started), env(45_000))).toMatchObject({
      status: 'done',
      phase: 'Failed',
    });
    expect(planJob({ exitCode: 1, runForMs: 5_000 }, 6, 30_000)).toEqual({
      endsAfterMs: 30_000,
      phase: 'Failed',
      message: 'Job was active longer than specified deadline',
    });
  });

  it('an image that cannot be pulled is Inconclusive; terminate is Successful (the Job is deleted)', () => {
    const m = jobMetric('smoke:missing');
    const started = job.start(m, env(0));
    expect(job.resume(m, inFlightOf(started), env(60_000))).toMatchObject({
      phase: 'Inconclusive',
    });
    expect(
      job.terminate(m, inFlightOf(job.start(jobMetric('smoke:ok'), env(0))), env(1)),
    ).toMatchObject({ status: 'done', phase: 'Successful' });
  });

  it('defaults to exit 0 at once without jobOutcome, and requires a spec', () => {
    const m = jobMetric('anything');
    expect(job.start(m, envOf(syntheticSignals([])))).toMatchObject({
      status: 'inFlight',
      resumeAfterMs: 0,
    });
    expect(job.start(metricOf('job', {}), envOf(syntheticSignals([])))).toEqual({
      status: 'error',
      message: 'job spec is required',
    });
  });
});
