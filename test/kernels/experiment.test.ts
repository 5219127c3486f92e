/**
 * Pure experiment helpers (src/kernels/experiment.ts): termination, durations, phase roll-up,
 * experiment args, spec checks and history. Argo: utils/experiment/*_test.go, experiments/experiment_test.go.
 */
import { describe, expect, it } from 'vitest';
import type { Experiment, ReplicaSet } from '../../src/model';
import {
  calculateEnqueueDelayMs,
  calculateExperimentPhase,
  calculateTemplateReplicasCount,
  filterExperimentsToDelete,
  isExperimentTerminating,
  passedDuration,
  resolveExperimentArgsValue,
  verifyExperimentSpec,
  type ExperimentStatus,
} from '../../src/kernels';

const T0 = Date.UTC(2026, 0, 1);
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');

function ex(spec: Partial<Experiment['spec']> = {}, status: ExperimentStatus = {}): Experiment {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    metadata: { name: 'ex' },
    spec: {
      templates: [
        { name: 'a', selector: { matchLabels: { app: 'a' } }, template: {} },
        { name: 'b', selector: { matchLabels: { app: 'b' } }, template: {} },
      ],
      ...spec,
    },
    status,
  };
}

const ts = (name: string, status: string, available = 1) =>
  ({
    name,
    status,
    replicas: 1,
    updatedReplicas: 1,
    readyReplicas: 1,
    availableReplicas: available,
  }) as NonNullable<ExperimentStatus['templateStatuses']>[number];
const run = (name: string, phase: string, message?: string) => ({
  name,
  analysisRun: `ex-${name}`,
  phase,
  ...(message ? { message } : {}),
});

describe('isExperimentTerminating', () => {
  it('is true for terminate, a completed phase, a failed template, a failed analysis or all required analyses done', () => {
    expect(isExperimentTerminating(ex())).toBe(false);
    expect(isExperimentTerminating(ex({ terminate: true }))).toBe(true);
    expect(isExperimentTerminating(ex({}, { phase: 'Successful' }))).toBe(true);
    expect(isExperimentTerminating(ex({}, { templateStatuses: [ts('a', 'Error')] }))).toBe(true);
    expect(isExperimentTerminating(ex({}, { analysisRuns: [run('x', 'Inconclusive')] }))).toBe(
      true,
    );
    expect(isExperimentTerminating(ex({}, { analysisRuns: [run('x', 'Successful')] }))).toBe(false);
    const required = { analyses: [{ name: 'x', templateName: 't', requiredForCompletion: true }] };
    expect(isExperimentTerminating(ex(required, { analysisRuns: [run('x', 'Successful')] }))).toBe(
      true,
    );
    expect(isExperimentTerminating(ex(required, { analysisRuns: [run('x', 'Running')] }))).toBe(
      false,
    );
  });

  it('drives the template replica count to 0, as does a completed template status', () => {
    const t = { name: 'a', replicas: 3, selector: {}, template: {} };
    expect(calculateTemplateReplicasCount(ex(), t)).toBe(3);
    expect(calculateTemplateReplicasCount(ex({ terminate: true }), t)).toBe(0);
    expect(
      calculateTemplateReplicasCount(ex({}, { templateStatuses: [ts('a', 'Successful')] }), t),
    ).toBe(0);
    expect(calculateTemplateReplicasCount(ex(), { ...t, replicas: undefined })).toBe(1);
  });
});

describe('passedDuration and the requeue', () => {
  it('passes strictly after availableAt + duration', () => {
    const e = ex({ duration: '30s' }, { availableAt: at(0) });
    expect(passedDuration(e, T0 + 30_000)).toEqual({ passed: false, remainingMs: 0 });
    expect(passedDuration(e, T0 + 30_001).passed).toBe(true);
    expect(passedDuration(ex({ duration: '30s' }), T0 + 99_000).passed).toBe(false);
    expect(calculateEnqueueDelayMs(e, T0 + 10_000)).toBe(20_001);
  });

  it('requeues at the progress deadline of a template short of replicas, and not while terminating', () => {
    const e = ex(
      { progressDeadlineSeconds: 60 },
      { templateStatuses: [{ ...ts('a', 'Progressing', 0), lastTransitionTime: at(0) }] },
    );
    expect(calculateEnqueueDelayMs(e, T0 + 15_000)).toBe(45_001);
    expect(
      calculateEnqueueDelayMs({ ...e, spec: { ...e.spec, terminate: true } }, T0),
    ).toBeUndefined();
  });
});

describe('calculateExperimentPhase (Part E.4)', () => {
  const analyses = (required = false) => ({
    analyses: [{ name: 'x', templateName: 't', requiredForCompletion: required }],
  });
  const phase = (e: Experiment) => {
    const r = calculateExperimentPhase(e, e.status!);
    return [r.phase, r.message ?? ''];
  };

  it('"" becomes Pending; a completed phase is kept', () => {
    expect(phase(ex({}, {}))).toEqual(['Pending', '']);
    expect(
      phase(
        ex({}, { phase: 'Failed', templateStatuses: [ts('a', 'Running'), ts('b', 'Running')] }),
      )[0],
    ).toBe('Failed');
  });

  it('templates decide while analyses are fine; Progressing reads as Pending and marks nothing available', () => {
    const e = ex(
      {},
      { phase: 'Pending', templateStatuses: [ts('a', 'Running'), ts('b', 'Progressing', 0)] },
    );
    expect(phase(e)).toEqual(['Pending', '']);
    expect(calculateExperimentPhase(e, e.status!).markAvailable).toBe(false);
    const running = ex(
      {},
      { phase: 'Pending', templateStatuses: [ts('a', 'Running'), ts('b', 'Running')] },
    );
    expect(calculateExperimentPhase(running, running.status!)).toMatchObject({
      phase: 'Running',
      markAvailable: true,
    });
  });

  it('a failed analysis fails the experiment while templates run', () => {
    const e = ex(analyses(), {
      phase: 'Running',
      templateStatuses: [ts('a', 'Running'), ts('b', 'Running')],
      analysisRuns: [run('x', 'Failed', 'bad')],
    });
    expect(phase(e)).toEqual(['Failed', 'bad']);
  });

  it('templates Successful: non-required running analyses do not hold the experiment, required ones do', () => {
    const status = {
      phase: 'Running' as const,
      templateStatuses: [ts('a', 'Successful'), ts('b', 'Successful')],
      analysisRuns: [run('x', 'Running')],
    };
    expect(phase(ex(analyses(false), status))[0]).toBe('Successful');
    expect(phase(ex(analyses(true), status))[0]).toBe('Running');
  });

  it('all required analyses Successful conclude the experiment early', () => {
    const e = ex(analyses(true), {
      phase: 'Running',
      templateStatuses: [ts('a', 'Running'), ts('b', 'Running')],
      analysisRuns: [run('x', 'Successful')],
    });
    expect(phase(e)).toEqual(['Successful', 'Required AnalysisRuns completed']);
  });

  it('a failed template wins over everything else', () => {
    const e = ex(analyses(), {
      phase: 'Running',
      templateStatuses: [ts('a', 'Failed'), ts('b', 'Running')],
      analysisRuns: [run('x', 'Running')],
    });
    expect(phase(e)[0]).toBe('Failed');
  });
});

describe('resolveExperimentArgsValue', () => {
  const rs = (name: string, hash: string) =>
    ({
      metadata: { name, labels: { 'rollouts-pod-template-hash': hash } },
    }) as unknown as ReplicaSet;

  it('substitutes template hashes, ReplicaSet names and times', () => {
    const e = ex({ duration: '1m' }, { availableAt: at(0) });
    const rss = { a: rs('ex-a', 'h1'), b: rs('ex-b', 'h2') };
    expect(
      resolveExperimentArgsValue(
        '{{templates.a.podTemplateHash}}/{{ templates.b.replicaset.name }}',
        e,
        rss,
      ),
    ).toEqual({ kind: 'ok', value: 'h1/ex-b' });
    expect(
      resolveExperimentArgsValue('{{experiment.availableAt}}..{{experiment.finishedAt}}', e, rss),
    ).toEqual({
      kind: 'ok',
      value: `${at(0)}..${at(60)}`,
    });
  });

  it('reports an unknown tag', () => {
    expect(resolveExperimentArgsValue('x{{templates.c.podTemplateHash}}', ex(), {})).toEqual({
      kind: 'error',
      message: 'failed to resolve {{templates.c.podTemplateHash}}',
    });
  });
});

describe('verifyExperimentSpec', () => {
  it('names the first problem', () => {
    const t = (o: Record<string, unknown>) => ({
      name: 'a',
      selector: { matchLabels: { app: 'a' } },
      template: {},
      ...o,
    });
    expect(verifyExperimentSpec(ex())).toBeUndefined();
    expect(verifyExperimentSpec(ex({ templates: [t({ selector: undefined })] }))).toBe(
      "Rollout has missing field '.Spec.Templates[0].Selector'",
    );
    expect(verifyExperimentSpec(ex({ templates: [t({}), t({})] }))).toBe(
      "Experiment ex has repeated template name 'a' in templates",
    );
    expect(verifyExperimentSpec(ex({ templates: [t({ name: '' })] }))).toBe(
      'Experiment ex has empty template name at index 0',
    );
    expect(
      verifyExperimentSpec(
        ex({ progressDeadlineSeconds: 5, templates: [t({ minReadySeconds: 6 })] }),
      ),
    ).toBe('MinReadySeconds cannot be longer than ProgressDeadlineSeconds. Check template index 0');
  });
});

describe('filterExperimentsToDelete', () => {
  it('deletes experiments of missing ReplicaSets and beyond the history limits, newest kept first', () => {
    const mk = (name: string, hash: string | undefined, phase: string, s: number) =>
      ({
        metadata: {
          name,
          creationTimestamp: at(s),
          labels: hash ? { 'rollouts-pod-template-hash': hash } : {},
        },
        spec: { templates: [] },
        status: { phase },
      }) as unknown as Experiment;
    const rss = [
      { metadata: { labels: { 'rollouts-pod-template-hash': 'h1' } } } as unknown as ReplicaSet,
    ];
    const exs = [
      mk('old-ok', 'h1', 'Successful', 1),
      mk('new-ok', 'h1', 'Successful', 2),
      mk('running', 'h1', 'Running', 0),
      mk('orphan', 'gone', 'Running', 3),
      mk('nolabel', undefined, 'Successful', 4),
    ];
    expect(
      filterExperimentsToDelete(exs, rss, 1, 1)
        .map((e) => e.metadata?.name)
        .sort(),
    ).toEqual(['nolabel', 'old-ok', 'orphan']);
  });
});
