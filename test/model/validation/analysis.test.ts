// AnalysisTemplate / ClusterAnalysisTemplate rules (utils/analysis ValidateMetrics, ValidateMetric,
// flattenArgs, validateDryRunMetrics, GetDryRunMetrics and the measurement-retention twins).
import { describe } from 'vitest';
import { ISSUE_CODES } from '../../../src/model/validation';
import type { Doc, RuleCase } from './helpers';
import { analysisTemplate, metric, runRuleCases } from './helpers';

const M = 'spec.metrics[0]';

function withMetric(extra: Doc): Doc {
  return analysisTemplate('t', [metric(extra)]);
}

const cases: RuleCase[] = [
  {
    name: 'no metrics',
    bad: [analysisTemplate('t', [])],
    good: [analysisTemplate('t', [metric()])],
    path: 'spec.metrics',
    code: ISSUE_CODES.metricsMissing,
    message: 'no metrics specified',
  },
  {
    name: 'duplicate metric name',
    bad: [analysisTemplate('t', [metric(), metric()])],
    good: [analysisTemplate('t', [metric(), metric({ name: 'other' })])],
    path: 'spec.metrics[1].name',
    code: ISSUE_CODES.metricNameDuplicate,
    message: "metrics[1]: duplicate name 'ok'",
  },
  {
    name: 'count below failureLimit + consecutiveSuccessLimit',
    bad: [withMetric({ count: 3, interval: '1m', failureLimit: 2, consecutiveSuccessLimit: 2 })],
    good: [withMetric({ count: 4, interval: '1m', failureLimit: 2, consecutiveSuccessLimit: 2 })],
    path: `${M}.count`,
    code: ISSUE_CODES.metricCountBelowLimits,
    message:
      'metrics[0]: count (3) must be >= failureLimit + consecutiveSuccessLimit (2 + 2) if both >= 0',
  },
  {
    name: 'count below consecutiveSuccessLimit with failureLimit disabled',
    bad: [withMetric({ count: 2, interval: '1m', failureLimit: -1, consecutiveSuccessLimit: 3 })],
    good: [withMetric({ count: 3, interval: '1m', failureLimit: -1, consecutiveSuccessLimit: 3 })],
    path: `${M}.count`,
    code: ISSUE_CODES.metricCountBelowLimits,
    message: 'count must be >= consecutiveSuccessLimit',
  },
  {
    name: 'count below inconclusiveLimit',
    bad: [withMetric({ count: 2, interval: '1m', inconclusiveLimit: 3 })],
    good: [withMetric({ count: '3', interval: '1m', inconclusiveLimit: 3 })],
    path: `${M}.count`,
    code: ISSUE_CODES.metricCountBelowLimits,
    message: 'count must be >= inconclusiveLimit',
  },
  {
    name: 'count > 1 without interval',
    bad: [withMetric({ count: 2 })],
    good: [withMetric({ count: 1 })],
    path: `${M}.interval`,
    code: ISSUE_CODES.metricIntervalRequired,
    message: 'metrics[0]: interval must be specified when count > 1',
  },
  {
    name: 'unparseable interval',
    bad: [withMetric({ interval: '5' })],
    good: [withMetric({ interval: '5s' })],
    path: `${M}.interval`,
    code: ISSUE_CODES.metricIntervalInvalid,
    message: 'metrics[0]: invalid interval string: time: missing unit in duration',
  },
  {
    name: 'unparseable initialDelay',
    bad: [withMetric({ initialDelay: '1d' })],
    good: [withMetric({ initialDelay: '{{args.delay}}' })],
    path: `${M}.initialDelay`,
    code: ISSUE_CODES.metricInitialDelayInvalid,
    message: 'metrics[0]: invalid startDelay string',
  },
  {
    name: 'failureLimit below -1',
    bad: [withMetric({ failureLimit: -2 })],
    good: [withMetric({ failureLimit: -1, consecutiveSuccessLimit: 1 })],
    path: `${M}.failureLimit`,
    code: ISSUE_CODES.metricFailureLimitInvalid,
    message: 'failureLimit must be >= 0, or -1 to be disabled',
  },
  {
    name: 'failureLimit and consecutiveSuccessLimit both disabled',
    bad: [withMetric({ failureLimit: -1 })],
    good: [withMetric({ failureLimit: 0 })],
    path: `${M}.failureLimit`,
    code: ISSUE_CODES.metricLimitsBothDisabled,
    message: 'failureLimit and consecutiveSuccessLimit cannot both be disabled',
  },
  {
    name: 'negative inconclusiveLimit',
    bad: [withMetric({ inconclusiveLimit: -1 })],
    good: [withMetric({ inconclusiveLimit: 0 })],
    path: `${M}.inconclusiveLimit`,
    code: ISSUE_CODES.metricInconclusiveLimitNegative,
    message: 'inconclusiveLimit must be >= 0',
  },
  {
    name: 'negative consecutiveErrorLimit',
    bad: [withMetric({ consecutiveErrorLimit: '-1' })],
    good: [withMetric({ consecutiveErrorLimit: 0 })],
    path: `${M}.consecutiveErrorLimit`,
    code: ISSUE_CODES.metricConsecutiveErrorLimitNegative,
    message: 'consecutiveErrorLimit must be >= 0',
  },
  {
    name: 'negative consecutiveSuccessLimit',
    bad: [withMetric({ consecutiveSuccessLimit: -1 })],
    good: [withMetric({ consecutiveSuccessLimit: 2 })],
    path: `${M}.consecutiveSuccessLimit`,
    code: ISSUE_CODES.metricConsecutiveSuccessLimitNegative,
    message: 'consecutiveSuccessLimit must be >= 0',
  },
  {
    name: 'no provider',
    bad: [withMetric({ provider: {} })],
    good: [withMetric({ provider: { plugin: { 'argoproj-labs/sample': {} } } })],
    path: `${M}.provider`,
    code: ISSUE_CODES.metricProviderMissing,
    message: 'metrics[0]: no provider specified',
  },
  {
    name: 'two providers',
    bad: [withMetric({ provider: { web: { url: 'http://x' }, prometheus: { query: 'up' } } })],
    good: [withMetric({ provider: { prometheus: { query: 'up' } } })],
    path: `${M}.provider`,
    code: ISSUE_CODES.metricProviderMultiple,
    message: 'metrics[0]: multiple providers specified',
  },
  {
    name: 'dryRun rule twice',
    bad: [
      analysisTemplate('t', [metric()], { dryRun: [{ metricName: 'ok' }, { metricName: 'ok' }] }),
    ],
    good: [analysisTemplate('t', [metric()], { dryRun: [{ metricName: 'o.*' }] })],
    path: 'spec.dryRun[1].metricName',
    code: ISSUE_CODES.dryRunDuplicate,
    message: "two Dry-Run metric rules have the same name 'ok'",
  },
  {
    name: 'dryRun rule matching no metric',
    bad: [analysisTemplate('t', [metric()], { dryRun: [{ metricName: 'latency' }] })],
    good: [analysisTemplate('t', [metric()], { dryRun: [{ metricName: '.*' }] })],
    path: 'spec.dryRun[0].metricName',
    code: ISSUE_CODES.dryRunNoMatch,
    message: "dryRun[0]: Rule didn't match any metric name(s)",
  },
  {
    name: 'measurementRetention rule twice',
    bad: [
      analysisTemplate('t', [metric()], {
        measurementRetention: [
          { metricName: 'ok', limit: 5 },
          { metricName: 'ok', limit: 6 },
        ],
      }),
    ],
    good: [
      analysisTemplate('t', [metric()], { measurementRetention: [{ metricName: 'ok', limit: 5 }] }),
    ],
    path: 'spec.measurementRetention[1].metricName',
    code: ISSUE_CODES.measurementRetentionDuplicate,
    message: "two Measurement Retention metric rules have the same name 'ok'",
  },
  {
    name: 'measurementRetention rule matching no metric',
    bad: [
      analysisTemplate('t', [metric()], {
        measurementRetention: [{ metricName: 'nope', limit: 5 }],
      }),
    ],
    good: [
      analysisTemplate('t', [metric()], { measurementRetention: [{ metricName: 'k', limit: 5 }] }),
    ],
    path: 'spec.measurementRetention[0].metricName',
    code: ISSUE_CODES.measurementRetentionNoMatch,
    message: "measurementRetention[0]: Rule didn't match any metric name(s)",
  },
  {
    name: 'argument given twice with different values',
    bad: [
      analysisTemplate('t', [metric()], {
        args: [
          { name: 'a', value: '1' },
          { name: 'a', value: '2' },
        ],
      }),
    ],
    good: [
      analysisTemplate('t', [metric()], {
        args: [{ name: 'a' }, { name: 'a', value: '2' }],
      }),
    ],
    path: 'spec.args[1].value',
    code: ISSUE_CODES.argConflict,
    message: "Argument `a` specified multiple times with different values: '1', '2'",
  },
  {
    name: 'argument with value and valueFrom',
    bad: [
      analysisTemplate('t', [metric()], {
        args: [{ name: 'a', value: '1', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      }),
    ],
    good: [
      analysisTemplate('t', [metric()], {
        args: [{ name: 'a', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      }),
    ],
    path: 'spec.args[0]',
    code: ISSUE_CODES.argValueAndValueFrom,
    message: "arg 'a' has both Value and ValueFrom fields",
  },
];

const clusterCases: RuleCase[] = [
  {
    name: 'ClusterAnalysisTemplate metric with two providers',
    bad: [
      {
        ...withMetric({ provider: { web: { url: 'u' }, job: { spec: {} } } }),
        kind: 'ClusterAnalysisTemplate',
      },
    ],
    good: [{ ...withMetric({}), kind: 'ClusterAnalysisTemplate' }],
    path: `${M}.provider`,
    code: ISSUE_CODES.metricProviderMultiple,
    message: 'multiple providers specified',
  },
];

describe('AnalysisTemplate rules', () => runRuleCases(cases));
describe('ClusterAnalysisTemplate rules', () => runRuleCases(clusterCases));
