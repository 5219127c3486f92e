// Test tables re-expressing Argo Rollouts' unit-test cases for the reconcileAnalysisRun controller pass
// (analysis/analysis_test.go). Times are seconds relative
// to "now" as in the reference digest; the harness turns them into RFC 3339 timestamps.
/* eslint-disable */

export type Json = any;

export const reconcileAnalysisRunCases: readonly Json[] = [
  {
    name: 'TestReconcileAnalysisRunInitial/initial/interval60s',
    id: 'initial/interval60s',
    test: 'TestReconcileAnalysisRunInitial',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'success-rate', interval: '60s', provider: 'prometheus' }],
      status: 'empty',
    },
    providerMock: { Run: 'Successful' },
    expected: {
      metricResultPhase: 'Running',
      runPhase: 'Running',
      measurements: 1,
      measurementPhase: 'Successful',
    },
    note: 'indefinite metric keeps running after a successful measurement',
  },
  {
    name: 'TestReconcileAnalysisRunInitial/initial/count1',
    id: 'initial/count1',
    test: 'TestReconcileAnalysisRunInitial',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'success-rate', interval: '60s', count: 1, provider: 'prometheus' }],
      status: 'empty',
    },
    providerMock: { Run: 'Successful' },
    expected: { metricResultPhase: 'Successful', runPhase: 'Successful', measurements: 1 },
  },
  {
    name: 'TestReconcileAnalysisRunInitial/initial/count0NoInterval',
    id: 'initial/count0NoInterval',
    test: 'TestReconcileAnalysisRunInitial',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'success-rate', interval: '', count: 0, provider: 'prometheus' }],
      status: 'empty',
    },
    providerMock: { Run: 'Successful' },
    expected: { metricResultPhase: 'Successful', runPhase: 'Successful', measurements: 1 },
    note: 'count 0 and no interval => effective count 1',
  },
  {
    name: 'TestReconcileAnalysisRunInvalid/invalid/noProvider',
    id: 'invalid/noProvider',
    test: 'TestReconcileAnalysisRunInvalid',
    function: 'reconcileAnalysisRun',
    setup: { metrics: [{ name: 'success-rate' }], status: 'empty' },
    providerMock: {},
    expected: { runPhase: 'Error' },
    note: "message 'Analysis spec invalid: metrics[0]: no provider specified' (derived)",
  },
  {
    name: 'TestReconcileAnalysisRunTerminateSiblingAfterFail/terminateSiblingAfterFailed',
    id: 'terminateSiblingAfterFailed',
    test: 'TestReconcileAnalysisRunTerminateSiblingAfterFail',
    function: 'reconcileAnalysisRun',
    setup: {
      run: {
        spec: {
          metrics: [
            { name: 'run-forever', provider: 'job' },
            { name: 'failed-metric', provider: 'job' },
          ],
          dryRun: [],
        },
        status: {
          phase: 'Running',
          metricResults: [
            {
              name: 'run-forever',
              phase: 'Running',
              dryRun: false,
              measurements: [{ phase: 'Running', finished: false, startedAtSecondsAgo: 60 }],
            },
            {
              name: 'failed-metric',
              phase: 'Failed',
              count: 1,
              dryRun: false,
              measurements: [{ phase: 'Failed', finished: true, finishedAtSecondsAgo: 60 }],
              failed: 1,
            },
          ],
        },
      },
    },
    providerMock: { Terminate: 'Inconclusive' },
    expected: {
      runPhase: 'Failed',
      metricResultPhases: { 'failed-metric': 'Failed', 'run-forever': 'Inconclusive' },
      'run-forever.measurements[0]': {
        phase: 'Inconclusive',
        finishedAtSet: true,
        message: 'Metric Terminated',
      },
      'run-forever.message': 'Metric Terminated',
    },
    note: 'run worst-of: Error beats Inconclusive; the terminated sibling becomes Inconclusive (1 > inconclusiveLimit 0)',
  },
  {
    name: 'TestReconcileAnalysisRunTerminateSiblingAfterFail/terminateSiblingAfterInconclusive',
    id: 'terminateSiblingAfterInconclusive',
    test: 'TestReconcileAnalysisRunTerminateSiblingAfterFail',
    function: 'reconcileAnalysisRun',
    setup: {
      run: {
        spec: {
          metrics: [
            { name: 'run-forever', provider: 'job' },
            { name: 'failed-metric', provider: 'job' },
          ],
          dryRun: [],
        },
        status: {
          phase: 'Running',
          metricResults: [
            {
              name: 'run-forever',
              phase: 'Running',
              dryRun: false,
              measurements: [{ phase: 'Running', finished: false, startedAtSecondsAgo: 60 }],
            },
            {
              name: 'failed-metric',
              phase: 'Inconclusive',
              count: 1,
              dryRun: false,
              measurements: [{ phase: 'Inconclusive', finished: true, finishedAtSecondsAgo: 60 }],
              inconclusive: 1,
            },
          ],
        },
      },
    },
    providerMock: { Terminate: 'Inconclusive' },
    expected: {
      runPhase: 'Inconclusive',
      metricResultPhases: { 'failed-metric': 'Inconclusive', 'run-forever': 'Inconclusive' },
      'run-forever.measurements[0]': {
        phase: 'Inconclusive',
        finishedAtSet: true,
        message: 'Metric Terminated',
      },
      'run-forever.message': 'Metric Terminated',
    },
    note: 'run worst-of: Error beats Inconclusive; the terminated sibling becomes Inconclusive (1 > inconclusiveLimit 0)',
  },
  {
    name: 'TestReconcileAnalysisRunTerminateSiblingAfterFail/terminateSiblingAfterError',
    id: 'terminateSiblingAfterError',
    test: 'TestReconcileAnalysisRunTerminateSiblingAfterFail',
    function: 'reconcileAnalysisRun',
    setup: {
      run: {
        spec: {
          metrics: [
            { name: 'run-forever', provider: 'job' },
            { name: 'failed-metric', provider: 'job' },
          ],
          dryRun: [],
        },
        status: {
          phase: 'Running',
          metricResults: [
            {
              name: 'run-forever',
              phase: 'Running',
              dryRun: false,
              measurements: [{ phase: 'Running', finished: false, startedAtSecondsAgo: 60 }],
            },
            {
              name: 'failed-metric',
              phase: 'Error',
              count: 1,
              dryRun: false,
              measurements: [{ phase: 'Error', finished: true, finishedAtSecondsAgo: 120 }],
              error: 1,
            },
          ],
        },
      },
    },
    providerMock: { Terminate: 'Inconclusive' },
    expected: {
      runPhase: 'Error',
      metricResultPhases: { 'failed-metric': 'Error', 'run-forever': 'Inconclusive' },
      'run-forever.measurements[0]': {
        phase: 'Inconclusive',
        finishedAtSet: true,
        message: 'Metric Terminated',
      },
      'run-forever.message': 'Metric Terminated',
    },
    note: 'run worst-of: Error beats Inconclusive; the terminated sibling becomes Inconclusive (1 > inconclusiveLimit 0)',
  },
  {
    name: 'TestReconcileAnalysisRunResumeInProgress/resumeInProgress',
    id: 'resumeInProgress',
    test: 'TestReconcileAnalysisRunResumeInProgress',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'test', provider: 'job' }],
      status: {
        phase: 'Running',
        metricResults: [
          {
            name: 'test',
            phase: 'Running',
            measurements: [{ phase: 'Running', finished: false, startedAtSecondsAgo: 60 }],
          },
        ],
      },
    },
    providerMock: { Resume: 'Successful' },
    expected: {
      runPhase: 'Successful',
      metricResultPhase: 'Successful',
      measurementPhase: 'Successful',
      finishedAtSet: true,
    },
  },
  {
    name: 'TestRunMeasurementsResetConsecutiveErrorCounter/errorCounters',
    id: 'errorCounters',
    test: 'TestRunMeasurementsResetConsecutiveErrorCounter',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'test', provider: 'job' }],
      status: {
        phase: 'Running',
        metricResults: [
          { name: 'test', phase: 'Running', consecutiveError: 4, count: 4, error: 4 },
        ],
      },
    },
    providerMock: { Run: 'Error' },
    expected: { consecutiveError: 5, error: 5, count: 4 },
    note: 'Error measurement increments error and consecutiveError but not count; (derived) metric then Error because 5 > 4',
  },
  {
    name: 'TestResolveMetricArgsUnableToSubstitute/unresolvedArg',
    id: 'unresolvedArg',
    test: 'TestResolveMetricArgsUnableToSubstitute',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [
        {
          name: 'rate',
          successCondition: '{{args.does-not-exist}}',
          provider: { prometheus: { query: '{{args.metric-name}}' } },
        },
      ],
      dryRunVariants: [[], [{ metricName: '*' }]],
    },
    providerMock: {},
    expected: {
      runPhase: 'Error',
      message: 'Unable to resolve metric arguments: failed to resolve {{args.metric-name}}',
    },
    note: 'dry-run does not help; the last unresolved placeholder in JSON field order is reported',
  },
  {
    name: 'TestGetMetadataIsCalled/metadataStored',
    id: 'metadataStored',
    test: 'TestGetMetadataIsCalled',
    function: 'reconcileAnalysisRun',
    setup: {
      args: [{ name: 'metric-name', value: 'success-rate' }],
      metrics: [
        {
          name: 'rate',
          successCondition: 'result[0] > 0',
          provider: { prometheus: { query: '{{args.metric-name}}' } },
        },
      ],
    },
    providerMock: { Run: 'Successful', GetMetadata: { foo: 'bar' } },
    expected: { runPhase: 'Successful', 'metricResult.metadata': { foo: 'bar' } },
  },
  {
    name: 'TestSecretContentReferenceSuccess/secretArg/success',
    id: 'secretArg/success',
    test: 'TestSecretContentReferenceSuccess',
    function: 'reconcileAnalysisRun',
    setup: {
      secrets: { 'web-metric-secret': { apikey: '12345' } },
      args: [
        {
          name: 'apikey',
          valueFrom: { secretKeyRef: { name: 'web-metric-secret', key: 'apikey' } },
        },
      ],
      metrics: [
        {
          name: 'rate',
          provider: { web: { headers: [{ key: 'apikey', value: '{{args.apikey}}' }] } },
        },
      ],
    },
    providerMock: { Run: 'Successful' },
    expected: { runPhase: 'Successful' },
  },
  {
    name: 'TestSecretContentReferenceProviderError/secretArg/redaction',
    id: 'secretArg/redaction',
    test: 'TestSecretContentReferenceProviderError',
    function: 'reconcileAnalysisRun',
    setup: {
      secrets: { 'web-metric-secret': { apikey: '12345' } },
      args: [
        {
          name: 'secret',
          valueFrom: { secretKeyRef: { name: 'web-metric-secret', key: 'apikey' } },
        },
        { name: 'metric-name', value: 'success-rate' },
      ],
      metrics: [
        {
          name: 'rate',
          successCondition: 'result > {{args.metric-name}}',
          provider: { web: { headers: [{ key: 'apikey', value: '{{args.secret}}' }] } },
        },
      ],
    },
    providerMock: { Run: { phase: 'Error', message: 'Error with Header Value: 12345' } },
    expected: { 'measurement.message': 'Error with Header Value: *****', logsContainSecret: false },
  },
  {
    name: 'TestSecretContentReferenceAndMultipleArgResolutionSuccess/secretArg/secretAndPlainArgs',
    id: 'secretArg/secretAndPlainArgs',
    test: 'TestSecretContentReferenceAndMultipleArgResolutionSuccess',
    function: 'reconcileAnalysisRun',
    setup: {
      secrets: { 'web-metric-secret': { apikey: '12345' } },
      args: [
        {
          name: 'secret',
          valueFrom: { secretKeyRef: { name: 'web-metric-secret', key: 'apikey' } },
        },
        { name: 'metric-name', value: 'success-rate' },
      ],
      metrics: [
        {
          name: 'secret',
          successCondition: 'result > {{args.metric-name}}',
          provider: { web: { headers: [{ key: 'apikey', value: '{{args.secret}}' }] } },
        },
      ],
    },
    providerMock: { Run: 'Successful' },
    expected: { runPhase: 'Successful' },
  },
  {
    name: 'TestSecretNotFound/secretArg/notFound',
    id: 'secretArg/notFound',
    test: 'TestSecretNotFound',
    function: 'reconcileAnalysisRun',
    setup: {
      args: [
        {
          name: 'secret-does-not-exist',
          valueFrom: { secretKeyRef: { name: 'secret-does-not-exist' } },
        },
      ],
    },
    providerMock: {},
    expected: { resolveArgsError: 'secrets "secret-does-not-exist" not found' },
    note: "in reconcile this becomes run Error 'Unable to resolve metric arguments: ...' (derived)",
  },
  {
    name: 'TestKeyNotInSecret/secretArg/keyMissing',
    id: 'secretArg/keyMissing',
    test: 'TestKeyNotInSecret',
    function: 'reconcileAnalysisRun',
    setup: {
      secrets: { 'secret-name': {} },
      args: [
        {
          name: 'secret-wrong-key',
          valueFrom: { secretKeyRef: { name: 'secret-name', key: 'key-name' } },
        },
      ],
    },
    providerMock: {},
    expected: { resolveArgsError: "key 'key-name' does not exist in secret 'secret-name'" },
  },
  {
    name: 'TestSecretResolution/secretArg/resolution',
    id: 'secretArg/resolution',
    test: 'TestSecretResolution',
    function: 'reconcileAnalysisRun',
    setup: {
      secrets: { 'web-metric-secret': { apikey: '12345' } },
      args: [
        {
          name: 'secret',
          valueFrom: { secretKeyRef: { name: 'web-metric-secret', key: 'apikey' } },
        },
      ],
      metrics: [{ name: 'metric-name', successCondition: '{{args.secret}}' }],
    },
    providerMock: {},
    expected: { resolvedSuccessCondition: '12345', secretsForRedaction: ['12345'] },
  },
  {
    name: 'TestAssessRunStatusWithOnlyDryRunMetrics/dryRunOnly',
    id: 'dryRunOnly',
    test: 'TestAssessRunStatusWithOnlyDryRunMetrics',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'success-metric', provider: 'job' }],
      dryRun: [{ metricName: 'success-metric' }],
      status: {
        metricResults: [
          {
            name: 'success-metric',
            count: 1,
            successful: 1,
            dryRun: true,
            phase: 'Successful',
            measurements: [{ phase: 'Successful', finished: true }],
          },
        ],
      },
    },
    providerMock: { Run: 'Failed', Resume: 'Successful' },
    expected: { runPhase: 'Successful' },
  },
  {
    name: 'TestAssessRunStatusWithMixedMetrics/mixedMetrics',
    id: 'mixedMetrics',
    test: 'TestAssessRunStatusWithMixedMetrics',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [
        { name: 'run-forever', provider: 'job' },
        { name: 'success-metric', provider: 'job' },
      ],
      dryRun: [{ metricName: 'success-metric' }],
      status: {
        metricResults: [
          {
            name: 'run-forever',
            inconclusive: 1,
            dryRun: false,
            phase: 'Running',
            measurements: [{ phase: 'Running', finished: false }],
          },
          {
            name: 'success-metric',
            count: 1,
            failed: 1,
            dryRun: true,
            phase: 'Successful',
            measurements: [{ phase: 'Failed', finished: true }],
          },
        ],
      },
    },
    providerMock: { Run: 'Failed', Resume: 'Successful' },
    expected: {
      runPhase: 'Inconclusive',
      message:
        'Metric "run-forever" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0)',
    },
    note: 'the resumed measurement succeeds but the pre-existing inconclusive counter (1 > 0) makes the metric Inconclusive; the dry-run failure is ignored',
  },
  {
    name: 'TestAssessRunStatusWorstMessageInReconcileAnalysisRun/worstMessage',
    id: 'worstMessage',
    test: 'TestAssessRunStatusWorstMessageInReconcileAnalysisRun',
    function: 'reconcileAnalysisRun',
    setup: {
      run: {
        spec: {
          metrics: [
            { name: 'run-forever', provider: 'job' },
            { name: 'failed-metric', provider: 'job' },
          ],
          dryRun: [],
        },
        status: {
          phase: 'Running',
          metricResults: [
            {
              name: 'run-forever',
              phase: 'Running',
              dryRun: false,
              measurements: [{ phase: 'Running', finished: false, startedAtSecondsAgo: 60 }],
            },
            {
              name: 'failed-metric',
              phase: 'Failed',
              count: 1,
              dryRun: false,
              measurements: [{ phase: 'Failed', finished: true, finishedAtSecondsAgo: 60 }],
              failed: 1,
            },
          ],
        },
      },
      mutate: { 'run-forever': { phase: 'Failed', failed: 1 } },
    },
    providerMock: { Run: 'Failed' },
    expected: {
      runPhase: 'Failed',
      message: 'Metric "run-forever" assessed Failed due to failed (1) > failureLimit (0)',
    },
  },
  {
    name: 'TestAssessRunStatusWorstMessageInReconcileAnalysisRunInDryRunMode/worstMessage/dryRun',
    id: 'worstMessage/dryRun',
    test: 'TestAssessRunStatusWorstMessageInReconcileAnalysisRunInDryRunMode',
    function: 'reconcileAnalysisRun',
    setup: {
      run: {
        spec: {
          metrics: [
            { name: 'run-forever', provider: 'job' },
            { name: 'failed-metric', provider: 'job' },
          ],
          dryRun: [{ metricName: 'run-forever' }, { metricName: 'failed-metric' }],
        },
        status: {
          phase: 'Running',
          metricResults: [
            {
              name: 'run-forever',
              phase: 'Running',
              dryRun: true,
              measurements: [{ phase: 'Running', finished: false, startedAtSecondsAgo: 60 }],
            },
            {
              name: 'failed-metric',
              phase: 'Failed',
              count: 1,
              dryRun: true,
              measurements: [{ phase: 'Failed', finished: true, finishedAtSecondsAgo: 60 }],
              failed: 1,
            },
          ],
        },
      },
      mutate: { 'run-forever': { phase: 'Failed', failed: 1 } },
    },
    providerMock: { Run: 'Failed' },
    expected: {
      runPhase: 'Successful',
      message: '',
      dryRunSummary: { count: 2, successful: 0, failed: 2, inconclusive: 0, error: 0 },
      metricResultMessages: {
        'run-forever': 'Metric assessed Failed due to failed (1) > failureLimit (0)',
        'failed-metric': 'Metric assessed Failed due to failed (1) > failureLimit (0)',
      },
    },
  },
  {
    name: 'TestTerminateAnalysisRun/terminate/noMeasurements',
    id: 'terminate/noMeasurements',
    test: 'TestTerminateAnalysisRun',
    function: 'reconcileAnalysisRun',
    setup: {
      terminate: true,
      args: [{ name: 'service', value: 'rollouts-demo-canary.default.svc.cluster.local' }],
      metrics: [
        {
          name: 'success-rate',
          initialDelay: '20s',
          interval: '20s',
          successCondition: 'result[0] > 0.90',
          provider: 'web',
        },
      ],
      status: { startedAt: 'now', phase: 'Running' },
    },
    providerMock: { Run: 'Error' },
    expected: { runPhase: 'Successful', message: 'Run Terminated' },
    note: 'no measurement is ever taken once terminating',
  },
  {
    name: 'TestTerminateAnalysisRunInDryRunMode/terminate/noMeasurements/dryRun',
    id: 'terminate/noMeasurements/dryRun',
    test: 'TestTerminateAnalysisRunInDryRunMode',
    function: 'reconcileAnalysisRun',
    setup: {
      terminate: true,
      args: [{ name: 'service', value: 'rollouts-demo-canary.default.svc.cluster.local' }],
      metrics: [
        {
          name: 'success-rate',
          initialDelay: '20s',
          interval: '20s',
          successCondition: 'result[0] > 0.90',
          provider: 'web',
        },
      ],
      status: { startedAt: 'now', phase: 'Running' },
      dryRun: [{ metricName: 'success-rate' }],
    },
    providerMock: { Run: 'Error' },
    expected: {
      runPhase: 'Successful',
      message: 'Run Terminated',
      dryRunSummary: { count: 1, successful: 0, failed: 0, inconclusive: 0, error: 0 },
    },
  },
  {
    name: 'TestInvalidDryRunConfigThrowsError/invalidDryRunRule',
    id: 'invalidDryRunRule',
    test: 'TestInvalidDryRunConfigThrowsError',
    function: 'reconcileAnalysisRun',
    setup: {
      terminate: true,
      args: [{ name: 'service', value: 'rollouts-demo-canary.default.svc.cluster.local' }],
      metrics: [
        {
          name: 'success-rate',
          initialDelay: '20s',
          interval: '20s',
          successCondition: 'result[0] > 0.90',
          provider: 'web',
        },
      ],
      status: { startedAt: 'now', phase: 'Running' },
      dryRun: [{ metricName: 'error-rate' }],
    },
    providerMock: {},
    expected: {
      runPhase: 'Error',
      message: "Analysis spec invalid: dryRun[0]: Rule didn't match any metric name(s)",
    },
  },
  {
    name: 'TestInvalidMeasurementsRetentionConfigThrowsError/invalidRetentionRule',
    id: 'invalidRetentionRule',
    test: 'TestInvalidMeasurementsRetentionConfigThrowsError',
    function: 'reconcileAnalysisRun',
    setup: {
      terminate: true,
      args: [{ name: 'service', value: 'rollouts-demo-canary.default.svc.cluster.local' }],
      metrics: [
        {
          name: 'success-rate',
          initialDelay: '20s',
          interval: '20s',
          successCondition: 'result[0] > 0.90',
          provider: 'web',
        },
      ],
      status: { startedAt: 'now', phase: 'Running' },
      measurementRetention: [{ metricName: 'error-rate' }],
    },
    providerMock: {},
    expected: {
      runPhase: 'Error',
      message:
        "Analysis spec invalid: measurementRetention[0]: Rule didn't match any metric name(s)",
    },
  },
  {
    name: 'TestTtlNotGCInProgressAnalysisRun/ttl/inProgressNotCompleted',
    id: 'ttl/inProgressNotCompleted',
    test: 'TestTtlNotGCInProgressAnalysisRun',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'metric1', interval: '60s', count: 3, provider: 'job' }],
      status: {
        phase: 'Running',
        startedAt: 'now',
        metricResults: [
          {
            name: 'metric1',
            phase: 'Running',
            count: 1,
            measurements: [{ phase: 'Successful', finished: true, finishedAtSecondsAgo: 60 }],
          },
        ],
      },
    },
    providerMock: {},
    expected: { runPhase: 'Running', completedAt: null, deleted: false },
    note: 'note: only count was recorded (successful counter 0), count 1 < 3',
  },
  {
    name: 'TestCompletedTimeFilled/completedAtFilled',
    id: 'completedAtFilled',
    test: 'TestCompletedTimeFilled',
    function: 'reconcileAnalysisRun',
    setup: {
      metrics: [{ name: 'metric1', interval: '60s', count: 1, provider: 'job' }],
      status: {
        phase: 'Running',
        startedAt: 'now',
        metricResults: [
          {
            name: 'metric1',
            phase: 'Successful',
            count: 1,
            measurements: [{ phase: 'Successful', finished: true, finishedAtSecondsAgo: 60 }],
          },
        ],
      },
    },
    providerMock: {},
    expected: { runPhase: 'Successful', completedAt: 'now' },
  },
];
