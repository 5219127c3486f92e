// Named tests for src/kernels/analysis.ts, one per case of Argo's analysis/analysis_test.go and
// utils/analysis/{helpers,factory}_test.go (tables in ./tables/analysis.ts).
import { describe, expect, it } from 'vitest';
import {
  assessMetricFailureInconclusiveOrError,
  assessMetricStatus,
  assessRunStatus,
  calculateNextReconcileTime,
  generateMetricTasks,
  getDryRunMetrics,
  getMeasurementRetentionMetrics,
  isTerminating,
  isWorse,
  shouldDeleteForTtl,
  trimMeasurementHistory,
  validateMetrics,
  worst,
} from '../../src/kernels';
import type { MetricResult } from '../../src/kernels';
import type { AnalysisRun } from '../../src/model';
import {
  dryRunAndRetentionCases,
  failureInconclusiveOrErrorCases,
  isTerminatingCases,
  measurementSchedulingCases,
  measurementTrimmingCases,
  metricPhaseAssessmentCases,
  metricValidationCases,
  nextReconcileTimeCases,
  phaseOrderingCases,
  runPhaseAssessmentCases,
  ttlGarbageCollectionCases,
} from './tables/analysis';
import { NOW, ago, metricFrom, resultFrom, runFrom } from './tables/analysisHarness';

describe('assessMetricStatus (TestAssessMetricStatus*)', () => {
  for (const c of metricPhaseAssessmentCases) {
    for (const [key, expected] of Object.entries(c.expected as Record<string, string>)) {
      it(`${c.name} ${key}`, () => {
        const terminating = key === 'terminating=true';
        expect(assessMetricStatus(metricFrom(c.metric), resultFrom(c.result), terminating)).toBe(
          expected,
        );
      });
    }
  }
});

describe('assessMetricFailureInconclusiveOrError', () => {
  it.each(failureInconclusiveOrErrorCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const result = resultFrom(c.result);
    expect(
      assessMetricFailureInconclusiveOrError(metricFrom({ name: 'm', ...c.metric }), result),
    ).toEqual({
      phase: c.expectedPhase,
      message: c.expectedMessage,
    });
    if (c['assessMetricStatus(terminating=true)']) {
      expect(assessMetricStatus(metricFrom({ name: 'm', ...c.metric }), result, true)).toBe(
        c['assessMetricStatus(terminating=true)'],
      );
    }
  });
});

describe('assessRunStatus (TestAssessRunStatus*)', () => {
  it.each(runPhaseAssessmentCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const run = runFrom(c.run.spec.metrics, c.run.status, { dryRun: c.run.spec.dryRun });
    const out = assessRunStatus(run, run.spec.metrics, c.dryRunMetrics, NOW);
    expect(out.phase).toBe(c.expectedPhase);
    expect(out.message).toBe(c.expectedMessage);
    if (c.expectedDryRunSummary) expect(out.status.dryRunSummary).toEqual(c.expectedDryRunSummary);
    for (const [name, phase] of Object.entries(
      (c.expectedMetricResultPhases ?? {}) as Record<string, string>,
    )) {
      expect(out.status.metricResults?.find((r) => r.name === name)?.phase).toBe(phase);
    }
    expect(out.status.startedAt).toBe(ago(0));
  });
});

describe('generateMetricTasks (TestGenerateMetricTasks*)', () => {
  it.each(measurementSchedulingCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const status = { ...c.status, metricResults: c.status.metricResults ?? undefined };
    const run = runFrom(c.metrics, status);
    const tasks = generateMetricTasks(run, run.spec.metrics, NOW);
    expect(tasks).toHaveLength(c.expectedTaskCount);
    if (c.taskHasIncompleteMeasurement) expect(tasks[0]?.incompleteMeasurement).toBeDefined();
    if (c.expectedTaskMetrics) expect(tasks.map((t) => t.name)).toEqual(c.expectedTaskMetrics);
  });
});

describe('calculateNextReconcileTime (TestCalculateNextReconcile*)', () => {
  it.each(nextReconcileTimeCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const run = runFrom(c.metrics, c.status);
    const next = calculateNextReconcileTime(run, run.spec.metrics, NOW);
    if (c.expectedSecondsFromNow === null) expect(next).toBeUndefined();
    else expect(next).toBe(NOW + c.expectedSecondsFromNow * 1000);
  });
});

describe('trimMeasurementHistory (TestTrimMeasurementHistory, TestGarbageCollectArgResolution)', () => {
  it.each(measurementTrimmingCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const input: Record<string, string[]> = c.input ?? { metric1: ['1'], metric2: ['2', '3'] };
    const results: MetricResult[] = Object.entries(input).map(([name, values]) => ({
      name,
      phase: 'Running',
      measurements: values.map((value) => ({ phase: 'Successful', value, finishedAt: ago(0) })),
    }));
    const trimmed = trimMeasurementHistory(results, c.retentionRules, c.defaultLimit);
    const got = Object.fromEntries(
      trimmed.map((r) => [r.name, (r.measurements ?? []).map((m) => m.value)]),
    );
    expect(got).toEqual(c.expected);
  });
  it('keeps 10 measurements by default', () => {
    const ms = Array.from({ length: 12 }, (_, i) => ({ phase: 'Successful', value: String(i) }));
    const [r] = trimMeasurementHistory([{ name: 'm', phase: 'Running', measurements: ms }], {});
    expect(r?.measurements?.map((m) => m.value)).toEqual([
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
  });
});

describe('TTL garbage collection (TestExceededTtlChecked, TestMaybeGarbageCollectAnalysisRun*)', () => {
  const ttlRun = (
    ttl: unknown,
    phase: string,
    completedSecondsAgo?: number,
    deleting = false,
  ): AnalysisRun => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: { name: 'run', ...(deleting ? { deletionTimestamp: ago(0) } : {}) },
    spec: { metrics: [], ...(ttl ? { ttlStrategy: ttl } : {}) },
    status: {
      phase,
      ...(completedSecondsAgo !== undefined ? { completedAt: ago(completedSecondsAgo) } : {}),
    },
  });
  it.each(ttlGarbageCollectionCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    if (c.kept) {
      expect(
        shouldDeleteForTtl(
          ttlRun(c.ttlStrategy, c.deleted.phase, c.deleted.completedSecondsAgo),
          NOW,
        ),
      ).toBe(true);
      expect(
        shouldDeleteForTtl(ttlRun(c.ttlStrategy, c.kept.phase, c.kept.completedSecondsAgo), NOW),
      ).toBe(false);
      return;
    }
    const completed = c.completedAt === null ? undefined : (c.completedSecondsAgo ?? 0);
    const run = ttlRun(c.ttlStrategy, c.phase, completed, c.deletionTimestampSet === true);
    expect(shouldDeleteForTtl(run, NOW)).toBe(c.deleted);
  });
});

describe('phase ordering (TestIsWorst, TestWorst)', () => {
  it.each(phaseOrderingCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    if (c.function === 'IsWorse') expect(isWorse(c.current, c.new)).toBe(c.expected);
    else expect(worst(c.left, c.right)).toBe(c.expected);
  });
});

describe('isTerminating (TestIsTerminating, TestIsFastFailTerminating)', () => {
  it.each(isTerminatingCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const run = runFrom([], { metricResults: c.metricResults }, { terminate: c['spec.terminate'] });
    expect(isTerminating(run)).toBe(c.expected);
  });
});

describe('validateMetrics (TestValidateMetrics)', () => {
  it.each(metricValidationCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = validateMetrics(c.metrics.map(metricFrom));
    if (c.expectedError === null) expect(got).toBeUndefined();
    else if (typeof c.expectedError === 'string') expect(got).toBe(c.expectedError);
    else expect(got).toMatch(new RegExp(c.expectedError.regexp));
  });
});

describe('dry-run and retention rules (TestGetDryRunMetrics, TestGetMeasurementRetentionMetrics)', () => {
  it.each(dryRunAndRetentionCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const metrics = (c.metrics as string[]).map((name) => ({ name }));
    const got =
      c.kind === 'dryRun'
        ? getDryRunMetrics(c.rules, metrics)
        : getMeasurementRetentionMetrics(c.rules, metrics);
    if (c.expectedError) {
      expect(got).toMatchObject({ kind: 'error', message: c.expectedError });
    } else {
      expect(got.kind).toBe('ok');
      expect(Object.keys(got.matched).sort()).toEqual([...c.expectedMatched].sort());
    }
  });
  it('rules are unanchored regular expressions; an invalid one matches nothing', () => {
    const metrics = [{ name: 'success-rate' }, { name: 'error-rate' }, { name: 'latency' }];
    const got = getDryRunMetrics([{ metricName: 'rate' }], metrics);
    expect(got.kind === 'ok' && Object.keys(got.matched)).toEqual(['success-rate', 'error-rate']);
    expect(getDryRunMetrics([{ metricName: '*' }], metrics).kind).toBe('error');
  });
});

describe('dryRun / measurementRetention metric names are Go regexps', () => {
  it('matches with RE2 syntax (flag groups, POSIX classes), unanchored, as regexp.MatchString', () => {
    const metrics = [{ name: 'error-rate' }, { name: 'latency-p99' }];
    expect(getDryRunMetrics([{ metricName: '(?i)ERROR' }], metrics)).toEqual({
      kind: 'ok',
      matched: { 'error-rate': true },
    });
    expect(getDryRunMetrics([{ metricName: 'p[[:digit:]]+' }], metrics)).toEqual({
      kind: 'ok',
      matched: { 'latency-p99': true },
    });
    // A lookahead is not RE2: the rule matches nothing, which is an error.
    expect(getDryRunMetrics([{ metricName: '(?=error).*' }], metrics).kind).toBe('error');
  });
});
