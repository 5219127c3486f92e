import { describe, expect, it } from 'vitest';
import {
  analysisRunView,
  parseThreshold,
  pointOf,
  selectAnalysisRuns,
} from '../../src/store/selectorsAnalysis';
import { record } from '../../stories/traffic/recorded';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kubernetes objects are walked as plain JSON
type Json = Record<string, any>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('selectAnalysisRuns', () => {
  const { frame } = record('canary-analysis-rollback');

  it('builds the background run of canary-analysis-rollback from the AnalysisRun object', () => {
    const [run, ...rest] = selectAnalysisRuns(frame, 'guarded');
    expect(rest).toEqual([]);
    expect(run).toMatchObject({
      kind: 'Background',
      phase: 'Failed',
      revision: 2,
      message: 'Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)',
      nowMs: frame.nowMs,
    });
    expect(run.startedAt).toBe(Date.parse('2026-01-01T00:00:02Z'));
    const [m] = run.metrics;
    expect(m).toMatchObject({
      name: 'success-rate',
      phase: 'Failed',
      provider: 'prometheus',
      successCondition: 'result[0] >= 0.95',
      successThreshold: { subject: 'result[0]', op: '>=', value: 0.95 },
      failureThreshold: null,
      interval: '10s',
      intervalMs: 10_000,
      count: null,
      failureLimit: 1,
      inconclusiveLimit: 0,
      consecutiveErrorLimit: 4,
      failed: 2,
      error: 1,
    });
    expect(m.measurements.map((x) => x.phase)).toEqual(['Error', 'Failed', 'Failed']);
    expect(m.measurements[0]).toMatchObject({ value: '[]', point: null });
    expect(m.measurements[0].message).toContain('no data returned');
    expect(m.measurements[1].point).toBeLessThan(0.95);
    expect(m.measurements[1].point).toBe(JSON.parse(m.measurements[1].value)[0]);
  });

  it('takes the frame first rollout by default, and a list of objects as well as a frame', () => {
    expect(selectAnalysisRuns(frame)).toEqual(selectAnalysisRuns(frame, 'guarded'));
    const fromObjects = selectAnalysisRuns(frame.objects);
    expect(fromObjects.map((r) => r.name)).toEqual(['guarded-764bfbf888-2']);
    expect(fromObjects[0].nowMs).toBeNull();
  });

  it('keeps only runs owned by the rollout, newest first', () => {
    const run = (frame.objects as Json[]).find((o) => o.kind === 'AnalysisRun')!;
    const newer = clone(run);
    newer.metadata.name = 'guarded-764bfbf888-3';
    newer.metadata.creationTimestamp = '2026-01-01T00:01:00Z';
    const other = clone(run);
    other.metadata.name = 'other-1';
    other.metadata.ownerReferences[0].name = 'other';
    const objects = [...frame.objects, newer, other];
    expect(selectAnalysisRuns(objects, 'guarded').map((r) => r.name)).toEqual([
      'guarded-764bfbf888-3',
      'guarded-764bfbf888-2',
    ]);
    expect(selectAnalysisRuns(objects, 'other').map((r) => r.name)).toEqual(['other-1']);
  });

  it('reads step, pre-promotion, web and job runs', () => {
    const step = selectAnalysisRuns(record('canary-analysis-step').frame)[0];
    expect(step).toMatchObject({ kind: 'Step', phase: 'Successful' });
    expect(step.metrics[0]).toMatchObject({
      count: 3,
      intervalMs: 5000,
      successThreshold: { subject: 'result', op: '>=', value: 0.95 },
    });
    expect(step.metrics[0].measurements.every((m) => m.point !== null)).toBe(true);

    const web = selectAnalysisRuns(record('analysis-web').frame)[0].metrics[0];
    expect(web.successThreshold).toBeNull();
    expect(web.measurements[0]).toMatchObject({ value: '"ok"', point: null });

    const pre = selectAnalysisRuns(record('bluegreen-prepromotion-fail').frame)[0];
    expect(pre).toMatchObject({ kind: 'PrePromotion', phase: 'Failed' });
    expect(pre.metrics[0]).toMatchObject({ provider: 'job', count: 1 });
  });

  it('marks dry-run metrics', () => {
    const run = clone((frame.objects as Json[]).find((o) => o.kind === 'AnalysisRun')!);
    run.spec.dryRun = [{ metricName: 'success-.*' }];
    expect(analysisRunView(run).metrics[0].dryRun).toBe(true);
  });
});

describe('parseThreshold', () => {
  it.each([
    ['result[0] >= 0.95', { subject: 'result[0]', op: '>=', value: 0.95 }],
    ['result < 0.8', { subject: 'result', op: '<', value: 0.8 }],
    ['  result [ 0 ]<=100 ', { subject: 'result[0]', op: '<=', value: 100 }],
    ['0.9 < result', { subject: 'result', op: '>', value: 0.9 }],
    ['result == 1e-3', { subject: 'result', op: '==', value: 0.001 }],
    ['result != -2', { subject: 'result', op: '!=', value: -2 }],
  ])('%s', (text, expected) => {
    expect(parseThreshold(text)).toEqual(expected);
  });

  it.each([
    'result == "ok"',
    'result[0] >= 0.95 && result[0] < 2',
    'len(result) > 0',
    'result.successRate > 0.9',
    'result[1] > 3',
    'asFloat(result) > 0.5',
  ])('%s is not simple', (text) => {
    expect(parseThreshold(text)).toBeNull();
  });
});

describe('pointOf', () => {
  it('plots numbers and the first number of arrays, nothing else', () => {
    expect(pointOf('0.99')).toBe(0.99);
    expect(pointOf('[0.76, 3]')).toBe(0.76);
    expect(pointOf('[]')).toBeNull();
    expect(pointOf('"ok"')).toBeNull();
    expect(pointOf('{"a":1}')).toBeNull();
    expect(pointOf('not json')).toBeNull();
    expect(pointOf('')).toBeNull();
  });
});
