// Test tables re-expressing Argo Rollouts' unit-test cases for the template, argument and Rollout-side analysis kernels
// (rollout/analysis_test.go, utils/analysis/{helpers,factory}_test.go). Times are seconds relative
// to "now" as in the reference digest; the harness turns them into RFC 3339 timestamps.
/* eslint-disable */

export type Json = any;

export const flattenTemplatesCases: readonly Json[] = [
  {
    name: 'TestFlattenTemplates/Handle empty list',
    test: 'TestFlattenTemplates/Handle empty list',
    templates: [],
    clusterTemplates: [],
    expected: { metrics: [], args: [] },
  },
  {
    name: 'TestFlattenTemplates/No changes on single template',
    test: 'TestFlattenTemplates/No changes on single template',
    templates: [
      {
        metrics: [{ name: 'foo', successCondition: '{{args.test}}' }],
        args: [{ name: 'test', value: 'true' }],
      },
    ],
    expected: 'identical to input spec (placeholders are NOT resolved by flattening)',
  },
  {
    name: 'TestFlattenTemplates/Merge multiple metrics successfully',
    test: 'TestFlattenTemplates/Merge multiple metrics successfully',
    templates: [
      {
        metrics: [{ name: 'foo', successCondition: 'true' }],
        dryRun: [{ metricName: 'foo' }],
        measurementRetention: [{ metricName: 'foo' }],
      },
      {
        metrics: [{ name: 'bar', successCondition: 'true' }],
        dryRun: [{ metricName: 'bar' }],
        measurementRetention: [{ metricName: 'bar' }],
      },
    ],
    expected: { metrics: ['foo', 'bar'], args: null },
  },
  {
    name: 'TestFlattenTemplates/Merge analysis templates and cluster templates successfully',
    test: 'TestFlattenTemplates/Merge analysis templates and cluster templates successfully',
    templates: [
      {
        metrics: [{ name: 'foo' }],
        dryRun: [{ metricName: 'foo' }],
        measurementRetention: [{ metricName: 'foo' }],
      },
    ],
    clusterTemplates: [
      {
        metrics: [{ name: 'bar' }],
        dryRun: [{ metricName: 'bar' }],
        measurementRetention: [{ metricName: 'bar' }],
      },
    ],
    expected: { metrics: ['foo', 'bar'], args: null },
  },
  {
    name: 'TestFlattenTemplates/Merge fail with name collision',
    test: 'TestFlattenTemplates/Merge fail with name collision',
    templates: [{ metrics: [{ name: 'foo' }] }, { metrics: [{ name: 'foo' }] }],
    expectedError: "two metrics have the same name 'foo'",
  },
  {
    name: 'TestFlattenTemplates/Merge fail with dry-run name collision',
    test: 'TestFlattenTemplates/Merge fail with dry-run name collision',
    templates: [
      { metrics: [{ name: 'foo' }], dryRun: [{ metricName: 'foo' }] },
      { metrics: [{ name: 'bar' }], dryRun: [{ metricName: 'foo' }] },
    ],
    expectedError: "two Dry-Run metric rules have the same name 'foo'",
  },
  {
    name: 'TestFlattenTemplates/Merge fail with measurement retention metrics name collision',
    test: 'TestFlattenTemplates/Merge fail with measurement retention metrics name collision',
    templates: [
      { metrics: [{ name: 'foo' }], measurementRetention: [{ metricName: 'foo' }] },
      { metrics: [{ name: 'bar' }], measurementRetention: [{ metricName: 'foo' }] },
    ],
    expectedError: "two Measurement Retention metric rules have the same name 'foo'",
  },
  {
    name: 'TestFlattenTemplates/Merge multiple args successfully',
    test: 'TestFlattenTemplates/Merge multiple args successfully',
    templates: [
      { args: [{ name: 'foo', value: 'true' }] },
      { args: [{ name: 'bar', value: 'true' }] },
    ],
    expected: {
      args: [
        { name: 'foo', value: 'true' },
        { name: 'bar', value: 'true' },
      ],
    },
  },
  {
    name: 'TestFlattenTemplates/Merge args with same name but only one has value',
    test: 'TestFlattenTemplates/Merge args with same name but only one has value',
    templates: [{ args: [{ name: 'foo', value: 'true' }] }, { args: [{ name: 'foo' }] }],
    expected: { args: [{ name: 'foo', value: 'true' }] },
  },
  {
    name: 'TestFlattenTemplates/Error: merge args with same name and both have values',
    test: 'TestFlattenTemplates/Error: merge args with same name and both have values',
    templates: [
      { args: [{ name: 'foo', value: 'true' }] },
      { args: [{ name: 'foo', value: 'false' }] },
    ],
    expectedError: "Argument `foo` specified multiple times with different values: 'true', 'false'",
  },
];

export const newAnalysisRunFromTemplatesCases: readonly Json[] = [
  {
    name: 'TestNewAnalysisRunFromTemplates/ok',
    test: 'TestNewAnalysisRunFromTemplates',
    templateArgs: [{ name: 'my-arg' }, { name: 'my-secret' }],
    incomingArgs: [
      { name: 'my-arg', value: 'my-val' },
      { name: 'my-secret', valueFrom: { secretKeyRef: { name: 'name', key: 'key' } } },
    ],
    expected: {
      name: 'foo-run',
      generateName: 'foo-run-generate-',
      namespace: 'my-ns',
      args: [
        { name: 'my-arg', value: 'my-val' },
        { name: 'my-secret', valueFrom: { secretKeyRef: { name: 'name', key: 'key' } } },
      ],
      labels: {},
      annotations: {},
    },
  },
  {
    name: 'TestNewAnalysisRunFromTemplates/args.unresolved was not resolved',
    test: 'TestNewAnalysisRunFromTemplates',
    templateArgs: [{ name: 'my-arg' }, { name: 'my-secret' }, { name: 'unresolved' }],
    incomingArgs: [
      { name: 'my-arg', value: 'my-val' },
      { name: 'my-secret', valueFrom: { secretKeyRef: { name: 'name', key: 'key' } } },
    ],
    expectedError: 'args.unresolved was not resolved',
  },
  {
    name: "TestNewAnalysisRunFromTemplates/two metrics have the same name 'success-rate'",
    test: 'TestNewAnalysisRunFromTemplates',
    templates: 'two templates both defining metric success-rate',
    expectedError: "two metrics have the same name 'success-rate'",
  },
];

export const mergeArgsCases: readonly Json[] = [
  {
    name: 'TestMergeArgs/null+null',
    test: 'TestMergeArgs',
    incoming: null,
    template: null,
    expected: null,
  },
  {
    name: 'TestMergeArgs/null+[]',
    test: 'TestMergeArgs',
    incoming: null,
    template: [],
    expected: [],
  },
  {
    name: 'TestMergeArgs/null+[{"name": "foo", "value": "bar"}, {"name": "my-secret", "valueFrom": {"secretKeyRef": {"name": "name", "key": "key"}}}]',
    test: 'TestMergeArgs',
    incoming: null,
    template: [
      { name: 'foo', value: 'bar' },
      { name: 'my-secret', valueFrom: { secretKeyRef: { name: 'name', key: 'key' } } },
    ],
    expected: [
      { name: 'foo', value: 'bar' },
      { name: 'my-secret', valueFrom: { secretKeyRef: { name: 'name', key: 'key' } } },
    ],
    note: 'template defaults used',
  },
  {
    name: 'TestMergeArgs/[{"name": "foo", "value": "overwrite"}]+[{"name": "foo", "value": "bar"}]',
    test: 'TestMergeArgs',
    incoming: [{ name: 'foo', value: 'overwrite' }],
    template: [{ name: 'foo', value: 'bar' }],
    expected: [{ name: 'foo', value: 'overwrite' }],
  },
  {
    name: 'TestMergeArgs/[{"name": "foo"}]+[{"name": "foo"}]',
    test: 'TestMergeArgs',
    incoming: [{ name: 'foo' }],
    template: [{ name: 'foo' }],
    expectedError: 'args.foo was not resolved',
  },
  {
    name: 'TestMergeArgs/[{"name": "foo", "value": "my-value"}, {"name": "extra-arg", "value": "extra-value"}]+[{"name": "foo"}]',
    test: 'TestMergeArgs',
    incoming: [
      { name: 'foo', value: 'my-value' },
      { name: 'extra-arg', value: 'extra-value' },
    ],
    template: [{ name: 'foo' }],
    expected: [{ name: 'foo', value: 'my-value' }],
    note: 'args not declared by the template are dropped',
  },
];

export const filterUniqueTemplatesCases: readonly Json[] = [
  {
    name: 'TestAnalysisTemplateFiltering/0+0',
    test: 'TestAnalysisTemplateFiltering',
    templates: [],
    clusterTemplates: [],
    expectedCounts: [0, 0],
  },
  {
    name: 'TestAnalysisTemplateFiltering/4+4',
    test: 'TestAnalysisTemplateFiltering',
    templates: ['foo', 'bar', 'foo-2', 'foo-3'],
    clusterTemplates: ['cluster-foo', 'cluster-bar', 'cluster-foo-2', 'cluster-foo-3'],
    expectedCounts: [4, 4],
  },
  {
    name: 'TestAnalysisTemplateFiltering/5+10',
    test: 'TestAnalysisTemplateFiltering',
    templates: ['foo', 'foo', 'foo-2', 'foo-3', 'foo-3'],
    clusterTemplates: [
      'cluster-foo',
      'cluster-foo',
      'cluster-bar',
      'cluster-bar',
      'cluster-bar',
      'cluster-bar',
      'cluster-foo-2',
      'cluster-foo-2',
      'cluster-foo-2',
      'cluster-foo-3',
    ],
    expectedCounts: [3, 4],
  },
];

export const resolveMetricArgsCases: readonly Json[] = [
  {
    name: 'TestResolveMetricArgs/result > {{args.metric-name}}',
    test: 'TestResolveMetricArgs',
    args: [
      { name: 'metric-name', value: 'success-rate' },
      { name: 'metric-name2', value: 'success-rate2' },
    ],
    metric: { successCondition: 'result > {{args.metric-name}}' },
    expectedSuccessCondition: 'result > success-rate',
  },
  {
    name: 'TestResolveMetricArgs/result < {{args.metric-name2}}',
    test: 'TestResolveMetricArgs',
    args: [
      { name: 'metric-name', value: 'success-rate' },
      { name: 'metric-name2', value: 'success-rate2' },
    ],
    metric: { successCondition: 'result < {{args.metric-name2}}' },
    expectedSuccessCondition: 'result < success-rate2',
  },
  {
    name: 'TestResolveMetricArgsWithQuotes/{{args.rate}}',
    test: 'TestResolveMetricArgsWithQuotes',
    args: [{ name: 'rate', value: 'foo "bar" baz' }],
    metric: { successCondition: '{{args.rate}}' },
    expectedSuccessCondition: 'foo "bar" baz',
  },
];

export const semanticEqualityCases: readonly Json[] = [
  {
    name: 'TestIsSemanticallyEqual/True',
    test: 'TestIsSemanticallyEqual',
    left: { metrics: [{ name: 'success-rate' }] },
    right: { metrics: [{ name: 'success-rate' }], terminate: true },
    expected: true,
    note: 'terminate is ignored',
  },
  {
    name: 'TestIsSemanticallyEqual/False',
    test: 'TestIsSemanticallyEqual',
    left: { metrics: [{ name: 'success-rate' }] },
    right: { metrics: [{ name: 'foo' }], terminate: true },
    expected: false,
  },
];

export const createWithCollisionCounterCases: readonly Json[] = [
  {
    name: 'TestCreateWithCollisionCounterNoController',
    test: 'TestCreateWithCollisionCounterNoController',
    ownerReference: false,
    expectedError: 'Supplied run does not have an owner reference',
  },
  {
    name: 'TestCreateWithCollisionCounterError',
    test: 'TestCreateWithCollisionCounterError',
    createError: 'intentional error',
    expectedError: 'intentional error',
  },
  {
    name: 'TestCreateWithCollisionCounterStillRunning',
    test: 'TestCreateWithCollisionCounterStillRunning',
    existing: { name: 'foo', phase: '', sameSpec: true, sameOwner: true },
    expectedName: 'foo',
    note: 'existing incomplete equal run is adopted',
  },
  {
    name: 'TestCreateWithCollisionCounter',
    test: 'TestCreateWithCollisionCounter',
    existing: { name: 'foo', phase: 'Failed', sameSpec: true, sameOwner: true },
    expectedName: 'foo.1',
  },
];

export const extractValueRollout: Json = {
  metadata: { name: 'test', labels: { app: 'app' } },
  status: { pauseConditions: [{ reason: 'test-reason', startTime: 'zero (serialises as null)' }] },
  spec: { template: { metadata: { labels: { version: 'v1' } } } },
};

export const extractValueFromRolloutCases: readonly Json[] = [
  {
    name: 'Test_extractValueFromRollout/should return a simple metadata value',
    test: 'Test_extractValueFromRollout/should return a simple metadata value',
    path: 'metadata.name',
    expected: 'test',
  },
  {
    name: 'Test_extractValueFromRollout/should return a label using dot notation',
    test: 'Test_extractValueFromRollout/should return a label using dot notation',
    path: 'metadata.labels.app',
    expected: 'app',
  },
  {
    name: 'Test_extractValueFromRollout/should fail returning a label using accessor notation',
    test: 'Test_extractValueFromRollout/should fail returning a label using accessor notation',
    path: "metadata.labels['app']",
    expectedError: "invalid path metadata.labels['app'] in rollout",
  },
  {
    name: 'Test_extractValueFromRollout/should return a status value',
    test: 'Test_extractValueFromRollout/should return a status value',
    path: 'status.pauseConditions[0].reason',
    expected: 'test-reason',
  },
  {
    name: 'Test_extractValueFromRollout/should fail when array indexer is not an int',
    test: 'Test_extractValueFromRollout/should fail when array indexer is not an int',
    path: 'status.pauseConditions[blah].reason',
    expectedError: "invalid index 'blah'",
  },
  {
    name: 'Test_extractValueFromRollout/should fail when array indexer is out of range',
    test: 'Test_extractValueFromRollout/should fail when array indexer is out of range',
    path: 'status.pauseConditions[12].reason',
    expectedError: 'index 12 out of range',
  },
  {
    name: 'Test_extractValueFromRollout/should fail when path references an empty field',
    test: 'Test_extractValueFromRollout/should fail when path references an empty field',
    path: 'status.pauseConditions[0].startTime',
    expectedError: 'invalid path status.pauseConditions[0].startTime in rollout',
  },
  {
    name: 'Test_extractValueFromRollout/should fail when path is inavlid',
    test: 'Test_extractValueFromRollout/should fail when path is inavlid',
    path: 'some.invalid[2].non.existing.path',
    expectedError: 'invalid path some.invalid[2].non.existing.path in rollout',
  },
  {
    name: 'Test_extractValueFromRollout/should fail when path references a non-primitive value',
    test: 'Test_extractValueFromRollout/should fail when path references a non-primitive value',
    path: 'status.pauseConditions[0]',
    expectedError: 'path status.pauseConditions[0] in rollout must terminate in a primitive value',
  },
  {
    name: 'Test_extractValueFromRollout/should return a pod template label using dot notation',
    test: 'Test_extractValueFromRollout/should return a pod template label using dot notation',
    path: 'spec.template.metadata.labels.version',
    expected: 'v1',
  },
];

export const buildArgumentsCases: readonly Json[] = [
  {
    name: 'TestBuildArgumentsForRolloutAnalysisRun/hard-coded-value-key',
    arg: { name: 'hard-coded-value-key', value: 'hard-coded-value' },
    expected: 'hard-coded-value',
  },
  {
    name: 'TestBuildArgumentsForRolloutAnalysisRun/stable-key',
    arg: { name: 'stable-key', valueFrom: { podTemplateHashValue: 'Stable' } },
    expected: 'abcdef',
  },
  {
    name: 'TestBuildArgumentsForRolloutAnalysisRun/new-key',
    arg: { name: 'new-key', valueFrom: { podTemplateHashValue: 'Latest' } },
    expected: '123456',
  },
  {
    name: "TestBuildArgumentsForRolloutAnalysisRun/metadata.labels['app']",
    arg: {
      name: "metadata.labels['app']",
      valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } },
    },
    expected: 'app',
  },
  {
    name: "TestBuildArgumentsForRolloutAnalysisRun/metadata.labels['env']",
    arg: {
      name: "metadata.labels['env']",
      valueFrom: { fieldRef: { fieldPath: "metadata.labels['env']" } },
    },
    expected: 'test',
  },
  {
    name: "TestBuildArgumentsForRolloutAnalysisRun/metadata.annotations['rollout.argoproj.io/revision']",
    arg: {
      name: "metadata.annotations['rollout.argoproj.io/revision']",
      valueFrom: {
        fieldRef: { fieldPath: "metadata.annotations['rollout.argoproj.io/revision']" },
      },
    },
    expected: '1',
  },
  {
    name: 'TestBuildArgumentsForRolloutAnalysisRun/status.pauseConditions[0].reason',
    arg: {
      name: 'status.pauseConditions[0].reason',
      valueFrom: { fieldRef: { fieldPath: 'status.pauseConditions[0].reason' } },
    },
    expected: 'test-reason',
  },
];

export const analysisRunLabelsCases: readonly Json[] = [
  {
    name: 'TestPrePromotionLabels',
    test: 'TestPrePromotionLabels',
    podHash: 'abcd123',
    instanceID: 'test',
    expected: {
      'argo-rollouts.argoproj.io/controller-instance-id': 'test',
      'rollout-type': 'PrePromotion',
      'rollouts-pod-template-hash': 'abcd123',
    },
  },
  {
    name: 'TestPostPromotionLabels',
    test: 'TestPostPromotionLabels',
    podHash: 'abcd123',
    instanceID: 'test',
    expected: {
      'argo-rollouts.argoproj.io/controller-instance-id': 'test',
      'rollout-type': 'PostPromotion',
      'rollouts-pod-template-hash': 'abcd123',
    },
  },
  {
    name: 'TestStepLabels',
    test: 'TestStepLabels',
    podHash: 'abcd123',
    instanceID: 'test',
    stepIndex: 1,
    expected: {
      'rollouts-pod-template-hash': 'abcd123',
      'rollout-type': 'Step',
      'step-index': '1',
      'argo-rollouts.argoproj.io/controller-instance-id': 'test',
    },
  },
  {
    name: 'TestBackgroundLabels',
    test: 'TestBackgroundLabels',
    podHash: 'abcd123',
    instanceID: 'test',
    expected: {
      'rollouts-pod-template-hash': 'abcd123',
      'rollout-type': 'Background',
      'argo-rollouts.argoproj.io/controller-instance-id': 'test',
    },
  },
];

export const analysisRunHistoryGCCases: readonly Json[] = [
  {
    name: 'TestFilterAnalysisRunsToDelete/s4u4',
    test: 'TestFilterAnalysisRunsToDelete',
    replicaSets: [{ hash: 'a', deleting: false }, { hash: 'b', deleting: true }, null],
    analysisRuns: [
      { id: 'arNoDeletion', hash: 'a' },
      { id: 'arWithNoPodHash', hash: null },
      { id: 'arWithDeletedRS', hash: 'b' },
      { id: 'arWithNoMatchingRS', hash: 'c' },
    ],
    limitSuccessful: 4,
    limitUnsuccessful: 4,
    expectedDeleted: ['arWithNoPodHash', 'arWithDeletedRS', 'arWithNoMatchingRS'],
    note: "phase '' runs are never deleted by the limit rule",
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s1u0',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 1,
    limitUnsuccessful: 0,
    expectedDeletedCount: 9,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s5u0',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 5,
    limitUnsuccessful: 0,
    expectedDeletedCount: 5,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s10u0',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 10,
    limitUnsuccessful: 0,
    expectedDeletedCount: 5,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s0u1',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 0,
    limitUnsuccessful: 1,
    expectedDeletedCount: 9,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s0u5',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 0,
    limitUnsuccessful: 5,
    expectedDeletedCount: 5,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s0u10',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 0,
    limitUnsuccessful: 10,
    expectedDeletedCount: 5,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s0u0',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 0,
    limitUnsuccessful: 0,
    expectedDeletedCount: 10,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s4u4',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 4,
    limitUnsuccessful: 4,
    expectedDeletedCount: 2,
  },
  {
    name: 'TestFilterAnalysisRunsToDeleteByLimit/s10u10',
    test: 'TestFilterAnalysisRunsToDeleteByLimit',
    analysisRuns: "5 Successful + 5 Failed runs, all hash 'a' with a live RS",
    limitSuccessful: 10,
    limitUnsuccessful: 10,
    expectedDeletedCount: 0,
  },
];

export const skipPrePromotionCases: readonly Json[] = [
  {
    name: 'TestSkipPrePromotionAnalysisRun/should skip when StableRS equals currentPodHash',
    test: 'TestSkipPrePromotionAnalysisRun/should skip when StableRS equals currentPodHash',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: '==newHash', activeSelector: 'different-hash' },
    newRS: { replicas: 2, available: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should skip when activeSelector is empty',
    test: 'TestSkipPrePromotionAnalysisRun/should skip when activeSelector is empty',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: '' },
    newRS: { replicas: 2, available: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should skip when activeSelector equals currentPodHash',
    test: 'TestSkipPrePromotionAnalysisRun/should skip when activeSelector equals currentPodHash',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: '==newHash' },
    newRS: { replicas: 2, available: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should skip when currentPodHash is empty',
    test: 'TestSkipPrePromotionAnalysisRun/should skip when currentPodHash is empty',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: 'some-hash' },
    newRS: { replicas: 2, available: 2, hashLabel: null },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should not skip when currentAr is not nil',
    test: 'TestSkipPrePromotionAnalysisRun/should not skip when currentAr is not nil',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: 'different-hash' },
    newRS: { replicas: 2, available: 1 },
    currentAnalysisRun: 'exists',
    expectedSkip: false,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should skip when currentAr is nil and ReplicaSet is not saturated',
    test: 'TestSkipPrePromotionAnalysisRun/should skip when currentAr is nil and ReplicaSet is not saturated',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: 'different-hash' },
    newRS: { replicas: 2, available: 1, desiredAnnotation: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should not skip when currentAr is nil and ReplicaSet is saturated',
    test: 'TestSkipPrePromotionAnalysisRun/should not skip when currentAr is nil and ReplicaSet is saturated',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: 'different-hash' },
    newRS: { replicas: 2, available: 2, desiredAnnotation: 2 },
    currentAnalysisRun: null,
    expectedSkip: false,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should handle PreviewReplicaCount when currentAr is nil (matches)',
    test: 'TestSkipPrePromotionAnalysisRun/should handle PreviewReplicaCount when currentAr is nil (matches)',
    rolloutSpecReplicas: 2,
    rolloutStatus: {
      stableRS: 'different-hash',
      activeSelector: 'different-hash',
      previewReplicaCount: 3,
    },
    newRS: { replicas: 3, available: 3 },
    currentAnalysisRun: null,
    expectedSkip: false,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should handle PreviewReplicaCount when currentAr is nil (mismatch)',
    test: 'TestSkipPrePromotionAnalysisRun/should handle PreviewReplicaCount when currentAr is nil (mismatch)',
    rolloutSpecReplicas: 2,
    rolloutStatus: {
      stableRS: 'different-hash',
      activeSelector: 'different-hash',
      previewReplicaCount: 3,
    },
    newRS: { replicas: 3, available: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPrePromotionAnalysisRun/should not skip when currentAr is not nil even with PreviewReplicaCount mismatch',
    test: 'TestSkipPrePromotionAnalysisRun/should not skip when currentAr is not nil even with PreviewReplicaCount mismatch',
    rolloutSpecReplicas: 2,
    rolloutStatus: {
      stableRS: 'different-hash',
      activeSelector: 'different-hash',
      previewReplicaCount: 3,
    },
    newRS: { replicas: 3, available: 2 },
    currentAnalysisRun: 'exists',
    expectedSkip: false,
  },
];

export const skipPostPromotionCases: readonly Json[] = [
  {
    name: 'TestSkipPostPromotionAnalysisRun/should skip when StableRS equals currentPodHash',
    test: 'TestSkipPostPromotionAnalysisRun/should skip when StableRS equals currentPodHash',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: '==newHash', activeSelector: '==newHash' },
    newRS: { replicas: 2, available: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPostPromotionAnalysisRun/should skip when activeSelector does not equal currentPodHash',
    test: 'TestSkipPostPromotionAnalysisRun/should skip when activeSelector does not equal currentPodHash',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: 'different-hash' },
    newRS: { replicas: 2, available: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPostPromotionAnalysisRun/should skip when currentPodHash is empty',
    test: 'TestSkipPostPromotionAnalysisRun/should skip when currentPodHash is empty',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'some-hash', activeSelector: 'some-hash' },
    newRS: { replicas: 2, available: 2, hashLabel: null },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPostPromotionAnalysisRun/should not skip when currentAr is not nil',
    test: 'TestSkipPostPromotionAnalysisRun/should not skip when currentAr is not nil',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: '==newHash' },
    newRS: { replicas: 2, available: 1 },
    currentAnalysisRun: 'exists',
    expectedSkip: false,
  },
  {
    name: 'TestSkipPostPromotionAnalysisRun/should skip when currentAr is nil and ReplicaSet is not saturated',
    test: 'TestSkipPostPromotionAnalysisRun/should skip when currentAr is nil and ReplicaSet is not saturated',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: '==newHash' },
    newRS: { replicas: 2, available: 1, desiredAnnotation: 2 },
    currentAnalysisRun: null,
    expectedSkip: true,
  },
  {
    name: 'TestSkipPostPromotionAnalysisRun/should not skip when currentAr is nil and ReplicaSet is saturated',
    test: 'TestSkipPostPromotionAnalysisRun/should not skip when currentAr is nil and ReplicaSet is saturated',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: '==newHash' },
    newRS: { replicas: 2, available: 2, desiredAnnotation: 2 },
    currentAnalysisRun: null,
    expectedSkip: false,
  },
  {
    name: 'TestSkipPostPromotionAnalysisRun/should not skip when currentAr is not nil even if ReplicaSet becomes unsaturated',
    test: 'TestSkipPostPromotionAnalysisRun/should not skip when currentAr is not nil even if ReplicaSet becomes unsaturated',
    rolloutSpecReplicas: 2,
    rolloutStatus: { stableRS: 'different-hash', activeSelector: '==newHash' },
    newRS: { replicas: 2, available: 1 },
    currentAnalysisRun: 'exists',
    expectedSkip: false,
  },
];
