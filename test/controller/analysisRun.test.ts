// Named tests for src/controller/analysisRun.ts, one per reconcileAnalysisRun case of Argo's
// analysis/analysis_test.go (table in ./tables/analysisRun.ts), plus scripted outcomes.
import { describe, expect, it } from 'vitest';
import { reconcileAnalysisRun } from '../../src/controller/analysisRun';
import type {
  MeasureStepWithPhase,
  ProviderRegistry,
  ScriptedOutcome,
} from '../../src/controller/analysisRun';
import { resolveMetricArgs, resolveSecretArgs } from '../../src/kernels';
import type { MetricProviderImpl } from '../../src/metrics/provider';
import type { AnalysisRun, Secret } from '../../src/model';
import { NOW, ago, runFrom } from '../kernels/tables/analysisHarness';
import { reconcileAnalysisRunCases } from './tables/analysisRun';
import type { Json } from './tables/analysisRun';

/** stepOf turns the digest's provider mock answer ("Successful", {phase, message}) into a step. */
function stepOf(answer: Json, metadata?: Record<string, string>): MeasureStepWithPhase {
  const phase = typeof answer === 'string' ? answer : answer.phase;
  const message = typeof answer === 'string' ? undefined : answer.message;
  const meta = metadata ? { metadata } : {};
  if (phase === 'Error') return { status: 'error', message: message ?? 'provider error', ...meta };
  return { status: 'done', value: 1, phase, ...(message ? { message } : {}), ...meta };
}

function mockRegistry(mock: Json): ProviderRegistry {
  const impl: MetricProviderImpl = {
    kind: 'job',
    start: () => stepOf(mock.Run ?? 'Successful', mock.GetMetadata),
    resume: () => stepOf(mock.Resume ?? 'Successful'),
    terminate: () => stepOf(mock.Terminate ?? 'Inconclusive'),
  };
  return () => impl;
}

function secretsFrom(s: Json): Secret[] {
  return Object.entries((s ?? {}) as Record<string, Record<string, string>>).map(
    ([name, data]) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace: 'default' },
      stringData: data,
    }),
  );
}

function runOf(c: Json, dryRun?: Json): AnalysisRun {
  const s = c.setup;
  if (s.run) {
    const run = runFrom(s.run.spec.metrics, s.run.status, { dryRun: s.run.spec.dryRun });
    for (const [name, patch] of Object.entries((s.mutate ?? {}) as Record<string, Json>)) {
      run.status!.metricResults = run.status!.metricResults!.map((r) =>
        r.name === name ? { ...r, ...patch } : r,
      );
    }
    return run;
  }
  const status = s.status === 'empty' || s.status === undefined ? {} : s.status;
  const spec: Json = {};
  if (s.args) spec.args = s.args;
  if (s.terminate) spec.terminate = true;
  const rules = dryRun ?? s.dryRun;
  if (rules && rules.length > 0) spec.dryRun = rules;
  if (s.measurementRetention) spec.measurementRetention = s.measurementRetention;
  const run = runFrom(s.metrics ?? [], status, spec);
  if (s.status === 'empty' || s.status === undefined) delete run.status;
  return run;
}

describe('reconcileAnalysisRun (analysis/analysis_test.go)', () => {
  for (const c of reconcileAnalysisRunCases) {
    const variants: Json[] = c.setup.dryRunVariants ?? [undefined];
    variants.forEach((variant, i) => {
      const name = variants.length > 1 ? `${c.name} dryRun=${JSON.stringify(variant)}` : c.name;
      it(`${name}${i > 0 ? '' : ''}`, () => {
        const e = c.expected;
        if (e.resolveArgsError || e.resolvedSuccessCondition) {
          const got = resolveSecretArgs(c.setup.args, 'default', secretsFrom(c.setup.secrets));
          if (e.resolveArgsError) {
            expect(got).toEqual({ kind: 'error', message: e.resolveArgsError });
            // In a reconcile this is a run Error (derived).
            const run = runFrom([{ name: 'm', provider: 'job' }], {}, { args: c.setup.args });
            const out = reconcileAnalysisRun(run, mockRegistry({}), {
              nowMs: NOW,
              secrets: secretsFrom(c.setup.secrets),
            });
            expect(out.run.status).toMatchObject({
              phase: 'Error',
              message: `Unable to resolve metric arguments: ${e.resolveArgsError}`,
            });
            return;
          }
          expect(got.kind === 'ok' && got.value.secretValues).toEqual(e.secretsForRedaction);
          const metric = { ...c.setup.metrics[0], provider: { job: {} } };
          const resolved = got.kind === 'ok' ? resolveMetricArgs(metric, got.value.args) : got;
          expect(resolved.kind === 'ok' && resolved.value.successCondition).toBe(
            e.resolvedSuccessCondition,
          );
          return;
        }
        const run = runOf(c, variant);
        const out = reconcileAnalysisRun(run, mockRegistry(c.providerMock), {
          nowMs: NOW,
          secrets: secretsFrom(c.setup.secrets),
        });
        const st = out.run.status!;
        const results = st.metricResults ?? [];
        const first = results[0];
        if (e.runPhase) expect(st.phase).toBe(e.runPhase);
        if (e.message !== undefined) expect(st.message ?? '').toBe(e.message);
        if (e.metricResultPhase) expect(first?.phase).toBe(e.metricResultPhase);
        if (e.measurements !== undefined) expect(first?.measurements).toHaveLength(e.measurements);
        if (e.measurementPhase) expect(first?.measurements?.at(-1)?.phase).toBe(e.measurementPhase);
        if (e.finishedAtSet) expect(first?.measurements?.at(-1)?.finishedAt).toBe(ago(0));
        for (const k of ['consecutiveError', 'error', 'count'] as const) {
          if (e[k] !== undefined) expect(first?.[k]).toBe(e[k]);
        }
        for (const [n, p] of Object.entries(
          (e.metricResultPhases ?? {}) as Record<string, string>,
        )) {
          expect(results.find((r) => r.name === n)?.phase).toBe(p);
        }
        for (const [n, m] of Object.entries(
          (e.metricResultMessages ?? {}) as Record<string, string>,
        )) {
          expect(results.find((r) => r.name === n)?.message).toBe(m);
        }
        const rf = e['run-forever.measurements[0]'];
        if (rf) {
          const m = results.find((r) => r.name === 'run-forever')?.measurements?.[0];
          expect(m).toMatchObject({ phase: rf.phase, message: rf.message, finishedAt: ago(0) });
        }
        if (e['run-forever.message']) {
          expect(results.find((r) => r.name === 'run-forever')?.message).toBe(
            e['run-forever.message'],
          );
        }
        if (e['metricResult.metadata']) expect(first?.metadata).toEqual(e['metricResult.metadata']);
        if (e['measurement.message'])
          expect(first?.measurements?.at(-1)?.message).toBe(e['measurement.message']);
        if (e.dryRunSummary) expect(st.dryRunSummary).toEqual(e.dryRunSummary);
        if (e.completedAt === 'now') expect(st.completedAt).toBe(ago(0));
        if (e.completedAt === null) expect(st.completedAt).toBeUndefined();
      });
    });
  }
});

describe('reconcileAnalysisRun details', () => {
  const prom = { prometheus: { query: 'q' } };
  const registry =
    (value: unknown): ProviderRegistry =>
    () => ({
      kind: 'prometheus',
      start: () => ({ status: 'done', value }),
      resume: () => ({ status: 'done', value }),
      terminate: () => ({ status: 'done', value }),
    });

  it('writes measurements as Argo does: startedAt, finishedAt, value, phase; run startedAt and summaries', () => {
    const run = runFrom([{ name: 'rate', successCondition: 'result[0] >= 0.95', provider: prom }]);
    delete run.status;
    const out = reconcileAnalysisRun(run, registry([0.99]), { nowMs: NOW });
    expect(out.run.status).toEqual({
      phase: 'Successful',
      startedAt: ago(0),
      completedAt: ago(0),
      runSummary: { count: 1, successful: 1, failed: 0, inconclusive: 0, error: 0 },
      dryRunSummary: { count: 0, successful: 0, failed: 0, inconclusive: 0, error: 0 },
      metricResults: [
        {
          name: 'rate',
          phase: 'Successful',
          count: 1,
          successful: 1,
          consecutiveError: 0,
          consecutiveSuccess: 1,
          measurements: [
            { phase: 'Successful', startedAt: ago(0), finishedAt: ago(0), value: '[0.99]' },
          ],
        },
      ],
    });
    expect(out.nextReconcileInMs).toBeUndefined();
  });

  it('an evaluation error is an Error measurement with the condition in its message', () => {
    const run = runFrom([
      { name: 'rate', interval: '1m', successCondition: 'result[0] >= 0.95', provider: prom },
    ]);
    const out = reconcileAnalysisRun(run, registry([]), { nowMs: NOW });
    const m = out.run.status?.metricResults?.[0]?.measurements?.[0];
    expect(m?.phase).toBe('Error');
    expect(m?.message).toBe(
      'could not evaluate successCondition "result[0] >= 0.95": metric result is nil or empty: no data returned from the metric provider',
    );
    expect(out.nextReconcileInMs).toBe(10_000);
  });

  it('an unknown provider kind is an Error measurement', () => {
    const run = runFrom([{ name: 'rate', provider: prom }]);
    const out = reconcileAnalysisRun(run, () => undefined, { nowMs: NOW });
    expect(out.run.status?.metricResults?.[0]?.measurements?.[0]).toMatchObject({
      phase: 'Error',
      message: 'unsupported provider: prometheus',
    });
  });

  it('scripted values are used in order and the last repeats', () => {
    const outcome: ScriptedOutcome = { values: [0.99, 0.5] };
    let run = runFrom([
      {
        name: 'rate',
        interval: '10s',
        count: 3,
        failureLimit: 2,
        successCondition: 'result >= 0.95',
        provider: prom,
      },
    ]);
    const phases: string[] = [];
    for (let t = 0; t <= 20; t += 10) {
      run = reconcileAnalysisRun(run, () => undefined, {
        nowMs: NOW + t * 1000,
        scripted: () => outcome,
      }).run;
      phases.push(run.status!.metricResults![0].measurements!.at(-1)!.phase);
    }
    expect(phases).toEqual(['Successful', 'Failed', 'Failed']);
    expect(run.status?.phase).toBe('Successful');
  });

  it('a scripted phase is reached `after` the measurement start', () => {
    const scripted = () => ({ phase: 'Failed' as const, afterMs: 30_000 });
    let run = runFrom([{ name: 'smoke', provider: { job: {} } }]);
    let out = reconcileAnalysisRun(run, () => undefined, { nowMs: NOW, scripted });
    run = out.run;
    expect(run.status?.metricResults?.[0]?.measurements?.[0]).toMatchObject({
      phase: 'Running',
      resumeAt: ago(-30),
    });
    expect(out.nextReconcileInMs).toBe(30_000);
    out = reconcileAnalysisRun(run, () => undefined, { nowMs: NOW + 29_000, scripted });
    expect(out.run.status?.metricResults?.[0]?.measurements?.[0]?.phase).toBe('Running');
    out = reconcileAnalysisRun(out.run, () => undefined, { nowMs: NOW + 30_000, scripted });
    const m = out.run.status?.metricResults?.[0]?.measurements?.[0];
    expect(m).toMatchObject({ phase: 'Failed', finishedAt: ago(-30) });
    expect(m?.metadata).toBeUndefined();
  });

  it('a wake-only in-flight measurement (Job) has no resumeAt, wakes the run, and is terminated at once', () => {
    const impl: MetricProviderImpl = {
      kind: 'job',
      start: () => ({
        status: 'inFlight',
        inFlight: { n: 1 },
        resumeAfterMs: 60_000,
        wakeOnly: true,
      }),
      resume: (_m, inFlight) => ({
        status: 'inFlight',
        inFlight,
        resumeAfterMs: 50_000,
        wakeOnly: true,
      }),
      terminate: () => ({ status: 'done', value: undefined, phase: 'Successful' }),
    };
    let run = runFrom([{ name: 'smoke', provider: { job: {} } }]);
    let out = reconcileAnalysisRun(run, () => impl, { nowMs: NOW });
    const started = out.run.status?.metricResults?.[0]?.measurements?.[0];
    expect(started?.phase).toBe('Running');
    expect(started?.resumeAt).toBeUndefined();
    expect(out.nextReconcileInMs).toBe(60_000);
    // Argo resumes a measurement without resumeAt on every pass, so termination is not delayed.
    run = { ...out.run, spec: { ...out.run.spec, terminate: true } };
    out = reconcileAnalysisRun(run, () => impl, { nowMs: NOW + 10_000 });
    expect(out.run.status?.metricResults?.[0]?.measurements?.[0]).toMatchObject({
      phase: 'Successful',
      message: 'Metric Terminated',
    });
    expect(out.run.status?.phase).toBe('Successful');
  });

  it('a completed run is returned unchanged', () => {
    const run = runFrom([{ name: 'rate', provider: prom }], { phase: 'Failed' });
    expect(reconcileAnalysisRun(run, registry(1), { nowMs: NOW }).run).toBe(run);
  });
});
