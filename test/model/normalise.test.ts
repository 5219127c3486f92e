import { describe, expect, it } from 'vitest';
import {
  MODEL_ISSUE_CODES,
  MSG_MULTIPLE_STEP_TYPES,
  hasMultipleStepsType,
  loadManifests,
  normaliseMetric,
  normaliseRollout,
  normaliseStep,
  positionIssues,
} from '../../src/model/index';

describe('normaliseStep', () => {
  it.each([
    [{ setWeight: 20 }, { kind: 'setWeight', weight: 20 }],
    [{ pause: {} }, { kind: 'pause' }],
    [{ pause: { duration: 10 } }, { kind: 'pause', durationMs: 10_000, durationText: '10' }],
    [{ pause: { duration: '1m' } }, { kind: 'pause', durationMs: 60_000, durationText: '1m' }],
    [
      { setCanaryScale: { replicas: 3 } },
      { kind: 'setCanaryScale', replicas: 3, matchTrafficWeight: false },
    ],
    [
      { setCanaryScale: { weight: 25 } },
      { kind: 'setCanaryScale', weight: 25, matchTrafficWeight: false },
    ],
    [
      { setCanaryScale: { matchTrafficWeight: true } },
      { kind: 'setCanaryScale', matchTrafficWeight: true },
    ],
    [
      { setHeaderRoute: { name: 'h', match: [{ headerName: 'x', headerValue: { exact: 'y' } }] } },
      {
        kind: 'setHeaderRoute',
        name: 'h',
        match: [{ headerName: 'x', headerValue: { exact: 'y' } }],
      },
    ],
    [{ setHeaderRoute: { name: 'h' } }, { kind: 'setHeaderRoute', name: 'h', match: [] }],
    [
      { setMirrorRoute: { name: 'm', percentage: 50, match: [{ method: { exact: 'GET' } }] } },
      { kind: 'setMirrorRoute', name: 'm', percentage: 50, match: [{ method: { exact: 'GET' } }] },
    ],
    [
      { analysis: { templates: [{ templateName: 'sr' }], args: [{ name: 'a', value: 'b' }] } },
      {
        kind: 'analysis',
        analysis: {
          templates: [{ templateName: 'sr', clusterScope: false }],
          args: [{ name: 'a', value: 'b' }],
          dryRun: [],
          measurementRetention: [],
        },
      },
    ],
    [
      { experiment: { duration: '5m', templates: [{ name: 'c', specRef: 'canary' }] } },
      {
        kind: 'experiment',
        experiment: {
          durationMs: 300_000,
          durationText: '5m',
          templates: [{ name: 'c', specRef: 'canary' }],
          analyses: [],
          dryRun: [],
        },
      },
    ],
    [
      { plugin: { name: 'org/p', config: { a: 1 } } },
      { kind: 'plugin', name: 'org/p', config: { a: 1 } },
    ],
  ])('%j', (step, expected) => {
    expect(normaliseStep(step, ['steps', 0])).toEqual({ value: expected, issues: [] });
  });

  it('rejects a step with no type, with Argo message', () => {
    expect(normaliseStep({}, ['spec', 'strategy', 'canary', 'steps', 3])).toEqual({
      value: undefined,
      issues: [
        {
          path: 'spec.strategy.canary.steps[3]',
          code: MODEL_ISSUE_CODES.stepTypes,
          message: MSG_MULTIPLE_STEP_TYPES,
          severity: 'error',
        },
      ],
    });
  });

  it('rejects several of setWeight/pause/experiment/analysis (hasMultipleStepsType)', () => {
    const step = { setWeight: 10, pause: {} };
    expect(hasMultipleStepsType(step)).toBe(true);
    const r = normaliseStep(step, ['steps', 1]);
    expect(r.value).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({
        path: 'steps[1]',
        code: MODEL_ISSUE_CODES.stepTypes,
        severity: 'error',
      }),
    ]);
  });

  it('warns about combinations Argo accepts, keeping the first kind', () => {
    const step = { setWeight: 10, setCanaryScale: { replicas: 1 } };
    expect(hasMultipleStepsType(step)).toBe(false);
    const r = normaliseStep(step, ['steps', 0]);
    expect(r.value).toEqual({ kind: 'setWeight', weight: 10 });
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: MODEL_ISSUE_CODES.stepTypes }),
    ]);
  });

  it('rejects bad pause durations at the duration path', () => {
    const r = normaliseStep({ pause: { duration: '10x' } }, ['steps', 0]);
    expect(r.value).toBeUndefined();
    expect(r.issues[0]).toMatchObject({
      path: 'steps[0].pause.duration',
      code: MODEL_ISSUE_CODES.invalidValue,
    });
  });
});

describe('normaliseRollout', () => {
  it('applies canary defaults', () => {
    const r = normaliseRollout({
      metadata: { name: 'r' },
      spec: { strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } } },
    });
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({
      name: 'r',
      replicas: 1,
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      progressDeadlineAbort: false,
      revisionHistoryLimit: 10,
      paused: false,
      successfulRunHistoryLimit: 5,
      unsuccessfulRunHistoryLimit: 5,
      strategy: {
        kind: 'canary',
        steps: [{ kind: 'setWeight', weight: 50 }, { kind: 'pause' }],
        maxSurge: { kind: 'percent', percent: 25 },
        maxUnavailable: { kind: 'percent', percent: 25 },
        scaleDownDelaySeconds: 0,
        abortScaleDownDelay: { seconds: 0, wasSet: false },
        dynamicStableScale: false,
      },
    });
    expect(r.value?.strategy).not.toHaveProperty('trafficRouting');
  });

  it('reads traffic routers, including the Gateway API plugin', () => {
    const r = normaliseRollout({
      spec: {
        replicas: 4,
        strategy: {
          canary: {
            canaryService: 'c',
            stableService: 's',
            trafficRouting: {
              nginx: { stableIngress: 'i' },
              plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'h' }, 'org/other': {} },
              managedRoutes: [{ name: 'header' }],
            },
            analysis: { templates: [{ templateName: 'bg' }], startingStep: 2 },
          },
        },
      },
    });
    expect(r.issues).toEqual([]);
    const strategy = r.value?.strategy;
    expect(strategy?.kind).toBe('canary');
    if (strategy?.kind !== 'canary') return;
    expect(strategy.trafficRouting).toEqual({
      routers: [
        { kind: 'nginx', config: { stableIngress: 'i' } },
        { kind: 'gatewayAPI', name: 'argoproj-labs/gatewayAPI', config: { httpRoute: 'h' } },
        { kind: 'plugin', name: 'org/other', config: {} },
      ],
      maxTrafficWeight: 100,
      managedRoutes: ['header'],
    });
    expect(strategy.scaleDownDelaySeconds).toBe(30);
    expect(strategy.abortScaleDownDelay).toEqual({ seconds: 30, wasSet: false });
    expect(strategy.analysis?.startingStep).toBe(2);
  });

  it('applies blue-green defaults', () => {
    const r = normaliseRollout({
      spec: { replicas: 3, strategy: { blueGreen: { activeService: 'a', previewService: 'p' } } },
    });
    expect(r.value?.strategy).toMatchObject({
      kind: 'blueGreen',
      activeService: 'a',
      previewService: 'p',
      autoPromotionEnabled: true,
      autoPromotionSeconds: 0,
      scaleDownDelaySeconds: 30,
      abortScaleDownDelay: { seconds: 30, wasSet: false },
      maxUnavailable: { kind: 'percent', percent: 25 },
    });
  });

  it('fails with paths on bad strategies and steps', () => {
    expect(normaliseRollout({ spec: {} }).issues[0]?.path).toBe('spec.strategy');
    expect(
      normaliseRollout({ spec: { strategy: { canary: {}, blueGreen: { activeService: 'a' } } } })
        .value,
    ).toBeUndefined();
    const r = normaliseRollout({
      spec: { strategy: { canary: { steps: [{ setWeight: 1 }, { setWeight: 2, pause: {} }] } } },
    });
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => i.path)).toEqual(['spec.strategy.canary.steps[1]']);
    expect(normaliseRollout(null).value).toBeUndefined();
  });

  it('positions issues in the source file', () => {
    const text =
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary:\n      steps:\n      - setWeight: 1\n        pause: {}\n';
    const [obj] = loadManifests(text, 'r.yaml').objects;
    if (!obj) throw new Error('no object');
    const issues = positionIssues(obj, normaliseRollout(obj.object).issues);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'r.yaml',
        line: 8,
        column: 9,
        path: 'spec.strategy.canary.steps[0]',
      }),
    ]);
  });
});

describe('normaliseMetric', () => {
  it('applies Argo metric defaults and the effective count', () => {
    const r = normaliseMetric({
      name: 'sr',
      interval: '30s',
      provider: { prometheus: { query: 'q' } },
    });
    expect(r.value).toEqual({
      name: 'sr',
      intervalMs: 30_000,
      count: 0,
      effectiveCount: undefined,
      failureLimit: 0,
      inconclusiveLimit: 0,
      consecutiveErrorLimit: 4,
      consecutiveSuccessLimit: 0,
      provider: { kind: 'prometheus', config: { query: 'q' } },
    });
    expect(
      normaliseMetric({ name: 'once', provider: { web: { url: 'u' } } }).value?.effectiveCount,
    ).toBe(1);
    expect(
      normaliseMetric({
        name: 'n',
        count: '3',
        failureLimit: 'x',
        interval: '1m',
        provider: { job: { spec: {} } },
      }).value,
    ).toMatchObject({
      count: 3,
      effectiveCount: 3,
      failureLimit: 0,
    });
  });

  it('reports provider and duration problems', () => {
    expect(normaliseMetric({ name: 'a', provider: {} }, ['spec', 'metrics', 0]).issues).toEqual([
      expect.objectContaining({
        path: 'spec.metrics[0].provider',
        message: 'no provider specified',
      }),
    ]);
    expect(
      normaliseMetric({ name: 'a', provider: { web: {}, plugin: { 'x/y': {} } } }).issues[0]
        ?.message,
    ).toBe('multiple providers specified');
    expect(
      normaliseMetric({ name: 'a', interval: '10', provider: { web: {} } }).issues[0]?.message,
    ).toContain('invalid interval string');
    expect(
      normaliseMetric({ name: 'a', provider: { plugin: { 'org/p': { k: 1 } } } }).value?.provider,
    ).toEqual({ kind: 'plugin', name: 'org/p', config: { k: 1 } });
  });
});
