// Named tests for src/kernels/analysisTemplates.ts and src/kernels/analysisRollout.ts, one per case
// of Argo's utils/analysis/{helpers,factory,filter}_test.go and rollout/analysis_test.go
// (tables in ./tables/analysisTemplates.ts).
import { describe, expect, it } from 'vitest';
import {
  analysisRunLabels,
  buildArgumentsForRolloutAnalysisRun,
  extractValueFromRollout,
  filterAnalysisRunsToDelete,
  filterUniqueTemplates,
  flattenTemplates,
  isSemanticallyEqual,
  mergeArgs,
  nameForNewAnalysisRun,
  newAnalysisRunFromRollout,
  newAnalysisRunFromTemplates,
  resolveMetricArgs,
  resolveTemplateRefs,
  skipPostPromotionAnalysisRun,
  skipPrePromotionAnalysisRun,
} from '../../src/kernels';
import type {
  AnalysisRun,
  AnalysisTemplate,
  ClusterAnalysisTemplate,
  ReplicaSet,
  Rollout,
} from '../../src/model';
import {
  analysisRunHistoryGCCases,
  analysisRunLabelsCases,
  buildArgumentsCases,
  createWithCollisionCounterCases,
  extractValueFromRolloutCases,
  extractValueRollout,
  filterUniqueTemplatesCases,
  flattenTemplatesCases,
  mergeArgsCases,
  newAnalysisRunFromTemplatesCases,
  resolveMetricArgsCases,
  semanticEqualityCases,
  skipPostPromotionCases,
  skipPrePromotionCases,
} from './tables/analysisTemplates';
import type { Json } from './tables/analysisTemplates';

const template = (spec: Json, name = 't'): AnalysisTemplate => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AnalysisTemplate',
  metadata: { name, namespace: 'default' },
  spec,
});
const clusterTemplate = (spec: Json, name = 'c'): ClusterAnalysisTemplate => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ClusterAnalysisTemplate',
  metadata: { name },
  spec,
});

describe('flattenTemplates (TestFlattenTemplates)', () => {
  it.each(flattenTemplatesCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = flattenTemplates(
      (c.templates ?? []).map((s: Json) => template(s)),
      (c.clusterTemplates ?? []).map((s: Json) => clusterTemplate(s)),
    );
    if (c.expectedError) {
      expect(got).toEqual({ kind: 'error', message: c.expectedError });
      return;
    }
    expect(got.kind).toBe('ok');
    if (got.kind !== 'ok') return;
    if (typeof c.expected === 'string') {
      // "identical to input spec": placeholders are not resolved by flattening.
      expect(got.value.metrics).toEqual(c.templates[0].metrics);
      expect(got.value.args).toEqual(c.templates[0].args);
      return;
    }
    if (c.expected.metrics) {
      const names = got.value.metrics.map((m) => m.name);
      expect(names).toEqual(
        c.expected.metrics.map((m: Json) => (typeof m === 'string' ? m : m.name)),
      );
      const rules = [...(c.templates ?? []), ...(c.clusterTemplates ?? [])].flatMap(
        (t: Json) => t.dryRun ?? [],
      );
      expect(got.value.dryRun).toEqual(rules);
    }
    if (c.expected.args) expect(got.value.args).toEqual(c.expected.args);
    else expect(got.value.args).toEqual([]);
  });
});

describe('newAnalysisRunFromTemplates (TestNewAnalysisRunFromTemplates)', () => {
  it.each(newAnalysisRunFromTemplatesCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const templates =
      typeof c.templates === 'string'
        ? [
            template({ metrics: [{ name: 'success-rate', provider: { job: {} } }] }, 'a'),
            template({ metrics: [{ name: 'success-rate', provider: { job: {} } }] }, 'b'),
          ]
        : [
            template({
              metrics: [{ name: 'success-rate', provider: { job: {} } }],
              args: c.templateArgs,
            }),
          ];
    const got = newAnalysisRunFromTemplates(templates, [], c.incomingArgs, undefined, undefined, {
      name: 'foo-run',
      generateName: 'foo-run-generate-',
      namespace: 'my-ns',
    });
    if (c.expectedError) {
      expect(got).toEqual({ kind: 'error', message: c.expectedError });
      return;
    }
    expect(got.kind).toBe('ok');
    if (got.kind !== 'ok') return;
    expect(got.value.metadata).toEqual({
      name: c.expected.name,
      generateName: c.expected.generateName,
      namespace: c.expected.namespace,
      labels: c.expected.labels,
      annotations: c.expected.annotations,
    });
    expect(got.value.spec.args).toEqual(c.expected.args);
  });
});

describe('mergeArgs (TestMergeArgs)', () => {
  it.each(mergeArgsCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = mergeArgs(c.incoming ?? undefined, c.template ?? undefined);
    if (c.expectedError) expect(got).toEqual({ kind: 'error', message: c.expectedError });
    else expect(got).toEqual({ kind: 'ok', value: c.expected ?? undefined });
  });
});

describe('filterUniqueTemplates (TestAnalysisTemplateFiltering)', () => {
  it.each(filterUniqueTemplatesCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = filterUniqueTemplates(
      c.templates.map((n: string) => template({}, n)),
      c.clusterTemplates.map((n: string) => clusterTemplate({}, n)),
    );
    expect([got.templates.length, got.clusterTemplates.length]).toEqual(c.expectedCounts);
  });
});

describe('resolveMetricArgs (TestResolveMetricArgs*)', () => {
  it.each(resolveMetricArgsCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = resolveMetricArgs({ name: 'm', provider: {}, ...c.metric }, c.args);
    expect(got.kind === 'ok' && got.value.successCondition).toBe(c.expectedSuccessCondition);
  });
  it('tolerates spaces inside the braces and reports an unknown placeholder', () => {
    const args = [{ name: 'x', value: '1' }];
    expect(
      resolveMetricArgs(
        { name: 'm', provider: {}, successCondition: 'result > {{ args.x }}' },
        args,
      ),
    ).toMatchObject({
      value: { successCondition: 'result > 1' },
    });
    expect(
      resolveMetricArgs({ name: 'm', provider: {}, successCondition: '{{args.y}}' }, args),
    ).toEqual({
      kind: 'error',
      message: 'failed to resolve {{args.y}}',
    });
  });
});

describe('isSemanticallyEqual (TestIsSemanticallyEqual)', () => {
  it.each(semanticEqualityCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(isSemanticallyEqual(c.left, c.right)).toBe(c.expected);
  });
});

describe('nameForNewAnalysisRun (TestCreateWithCollisionCounter*)', () => {
  const owned = (name: string, phase = '', uid = 'ro-uid'): AnalysisRun => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name,
      namespace: 'default',
      ownerReferences: [
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'ro', uid, controller: true },
      ],
    },
    spec: { metrics: [{ name: 'success-rate', provider: { job: { spec: {} as Json } } }] },
    status: { phase },
  });
  it.each(createWithCollisionCounterCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    if (c.ownerReference === false) {
      const run = { ...owned('foo'), metadata: { name: 'foo' } };
      expect(nameForNewAnalysisRun(run, [])).toEqual({ kind: 'error', message: c.expectedError });
      return;
    }
    if (c.createError) {
      // Creating is the caller's job (the fake cluster's client); its error passes through untouched.
      expect(nameForNewAnalysisRun(owned('foo'), [])).toEqual({
        kind: 'ok',
        value: { kind: 'create', name: 'foo' },
      });
      return;
    }
    const existing = owned(c.existing.name, c.existing.phase);
    const got = nameForNewAnalysisRun(owned('foo'), [existing]);
    if (c.expectedName === c.existing.name) {
      expect(got).toEqual({ kind: 'ok', value: { kind: 'adopt', run: existing } });
    } else {
      expect(got).toEqual({ kind: 'ok', value: { kind: 'create', name: c.expectedName } });
    }
  });
  it('counts .1, .2, ... past several completed runs', () => {
    const got = nameForNewAnalysisRun(owned('foo'), [
      owned('foo', 'Failed'),
      owned('foo.1', 'Successful'),
    ]);
    expect(got).toEqual({ kind: 'ok', value: { kind: 'create', name: 'foo.2' } });
  });
});

describe('extractValueFromRollout (Test_extractValueFromRollout)', () => {
  const rollout: Json = JSON.parse(JSON.stringify(extractValueRollout));
  rollout.status.pauseConditions[0].startTime = null; // a zero metav1.Time serialises as null
  it.each(extractValueFromRolloutCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = extractValueFromRollout(rollout, c.path);
    if (c.expectedError) expect(got).toEqual({ kind: 'error', message: c.expectedError });
    else expect(got).toEqual({ kind: 'ok', value: c.expected });
  });
});

const rs = (hash: string | null, extra: Json = {}): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: `rs-${hash}`,
    ...(hash !== null ? { labels: { 'rollouts-pod-template-hash': hash } } : {}),
    ...extra.metadata,
  },
  spec: { replicas: extra.replicas ?? 1, selector: {}, template: {} },
  status: { replicas: extra.replicas ?? 1, availableReplicas: extra.available ?? 0 },
});

describe('buildArgumentsForRolloutAnalysisRun (TestBuildArgumentsForRolloutAnalysisRun)', () => {
  const rollout: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name: 'ro',
      labels: { app: 'app', env: 'test' },
      annotations: { 'rollout.argoproj.io/revision': '1' },
    },
    spec: { selector: {}, template: {} },
    status: {
      pauseConditions: [{ reason: 'test-reason', startTime: '2026-01-01T00:00:00Z' }],
    },
  };
  it.each(buildArgumentsCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const got = buildArgumentsForRolloutAnalysisRun([c.arg], rs('abcdef'), rs('123456'), rollout);
    expect(got).toEqual({ kind: 'ok', value: [{ name: c.arg.name, value: c.expected }] });
  });
});

describe('analysisRunLabels (Test*Labels)', () => {
  const kindOf = (test: string) =>
    test.startsWith('TestPre')
      ? 'prePromotion'
      : test.startsWith('TestPost')
        ? 'postPromotion'
        : test.startsWith('TestStep')
          ? 'step'
          : 'background';
  it.each(analysisRunLabelsCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(analysisRunLabels(kindOf(c.test), c.podHash, c.instanceID, c.stepIndex)).toEqual(
      c.expected,
    );
  });
});

describe('filterAnalysisRunsToDelete (TestFilterAnalysisRunsToDelete*)', () => {
  const run = (id: string, hash: string | null, phase: string, created: string): AnalysisRun => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name: id,
      creationTimestamp: created,
      ...(hash !== null ? { labels: { 'rollouts-pod-template-hash': hash } } : {}),
    },
    spec: { metrics: [] },
    status: { phase },
  });
  it.each(analysisRunHistoryGCCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    if (Array.isArray(c.analysisRuns)) {
      const sets = c.replicaSets.map((r: Json) =>
        r === null
          ? null
          : rs(
              r.hash,
              r.deleting ? { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } } : {},
            ),
      );
      const runs = c.analysisRuns.map((r: Json, i: number) =>
        run(r.id, r.hash, '', `2026-01-01T00:00:0${i}Z`),
      );
      const deleted = filterAnalysisRunsToDelete(
        runs,
        sets,
        c.limitSuccessful,
        c.limitUnsuccessful,
      );
      expect(deleted.map((r) => r.metadata?.name).sort()).toEqual([...c.expectedDeleted].sort());
      return;
    }
    const runs = Array.from({ length: 10 }, (_, i) =>
      run(
        `ar${i}`,
        'a',
        i % 2 === 0 ? 'Successful' : 'Failed',
        `2026-01-01T00:00:${String(10 + i)}Z`,
      ),
    );
    const deleted = filterAnalysisRunsToDelete(
      runs,
      [rs('a')],
      c.limitSuccessful,
      c.limitUnsuccessful,
    );
    expect(deleted).toHaveLength(c.expectedDeletedCount);
  });
});

describe('blue-green analysis skip (TestSkipPrePromotionAnalysisRun, TestSkipPostPromotionAnalysisRun)', () => {
  const NEW = 'newhash';
  const hashOf = (v: string) => (v === '==newHash' ? NEW : v);
  const setup = (c: Json): [Rollout, ReplicaSet, AnalysisRun | null] => {
    const rollout: Rollout = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'ro' },
      spec: {
        replicas: c.rolloutSpecReplicas,
        selector: {},
        template: {},
        strategy: {
          blueGreen: {
            activeService: 'active',
            ...(c.rolloutStatus.previewReplicaCount !== undefined
              ? { previewReplicaCount: c.rolloutStatus.previewReplicaCount }
              : {}),
          },
        },
      },
      status: {
        stableRS: hashOf(c.rolloutStatus.stableRS),
        blueGreen: { activeSelector: hashOf(c.rolloutStatus.activeSelector) },
      },
    };
    const annotations =
      c.newRS.desiredAnnotation !== undefined
        ? { 'rollout.argoproj.io/desired-replicas': String(c.newRS.desiredAnnotation) }
        : {};
    const newRS = rs(c.newRS.hashLabel === null ? null : NEW, {
      replicas: c.newRS.replicas,
      available: c.newRS.available,
      metadata: { annotations },
    });
    if (c.newRS.hashLabel !== null) newRS.metadata!.labels = { 'rollouts-pod-template-hash': NEW };
    const current = c.currentAnalysisRun
      ? ({ metadata: { name: 'ar' }, spec: { metrics: [] } } as Json)
      : null;
    return [rollout, newRS, current];
  };
  it.each(skipPrePromotionCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(skipPrePromotionAnalysisRun(...setup(c))).toBe(c.expectedSkip);
  });
  it.each(skipPostPromotionCases.map((c) => [c.name, c]))('%s', (_n, c) => {
    expect(skipPostPromotionAnalysisRun(...setup(c))).toBe(c.expectedSkip);
  });
});

describe('template references and newAnalysisRunFromRollout', () => {
  const nested = template(
    { templates: [{ templateName: 'leaf' }, { templateName: 'shared', clusterScope: true }] },
    'root',
  );
  const leaf = template(
    { metrics: [{ name: 'leaf-metric', provider: { job: {} } }], args: [{ name: 'svc' }] },
    'leaf',
  );
  const shared = clusterTemplate(
    { metrics: [{ name: 'shared-metric', provider: { job: {} } }] },
    'shared',
  );
  it('expands nested templates, referenced template first, and de-duplicates diamonds', () => {
    const got = resolveTemplateRefs(
      [{ templateName: 'root' }, { templateName: 'leaf' }],
      'default',
      [nested, leaf],
      [shared],
    );
    expect(got.kind === 'ok' && got.value.templates.map((t) => t.metadata?.name)).toEqual([
      'root',
      'leaf',
    ]);
    expect(got.kind === 'ok' && got.value.clusterTemplates.map((t) => t.metadata?.name)).toEqual([
      'shared',
    ]);
  });
  it('a missing template is NotFound', () => {
    expect(resolveTemplateRefs([{ templateName: 'nope' }], 'default', [], [])).toEqual({
      kind: 'error',
      message: 'analysistemplates.argoproj.io "nope" not found',
    });
  });
  it('builds a ready run: name, labels, annotations, owner, args from hashes', () => {
    const rollout: Rollout = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: {
        name: 'guestbook',
        namespace: 'default',
        uid: 'uid-1',
        annotations: { 'rollout.argoproj.io/revision': '2' },
      },
      spec: { selector: {}, template: {} },
    };
    const got = newAnalysisRunFromRollout({
      rollout,
      analysis: {
        templates: [{ templateName: 'root' }],
        args: [{ name: 'svc', valueFrom: { podTemplateHashValue: 'Latest' } }],
      },
      kind: 'step',
      stepIndex: 1,
      templates: [nested, leaf],
      clusterTemplates: [shared],
      newRS: rs('6c4f8b'),
      stableRS: rs('5d9a7c'),
    });
    expect(got.kind).toBe('ok');
    if (got.kind !== 'ok') return;
    expect(got.value.metadata).toMatchObject({
      name: 'guestbook-6c4f8b-2-1',
      namespace: 'default',
      labels: { 'rollouts-pod-template-hash': '6c4f8b', 'rollout-type': 'Step', 'step-index': '1' },
      annotations: { 'rollout.argoproj.io/revision': '2' },
      ownerReferences: [{ kind: 'Rollout', name: 'guestbook', uid: 'uid-1', controller: true }],
    });
    expect(got.value.spec.metrics.map((m) => m.name)).toEqual(['leaf-metric', 'shared-metric']);
    expect(got.value.spec.args).toEqual([{ name: 'svc', value: '6c4f8b' }]);
  });
});
