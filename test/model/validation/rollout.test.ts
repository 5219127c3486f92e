// Rollout-level and blue-green rules (validation.go ValidateRolloutSpec, ValidateRolloutStrategy,
// ValidateRolloutStrategyBlueGreen, ValidateRolloutStrategyAntiAffinity).
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../../src/model/validation';
import type { Doc, RuleCase } from './helpers';
import {
  baseBlueGreen,
  baseCanary,
  runRuleCases,
  summary,
  validateDocs,
  validateYaml,
} from './helpers';

function rollout(mutate: (spec: Doc, r: Doc) => void, base: () => Doc = baseCanary): Doc {
  const r = base();
  mutate(r.spec, r);
  return r;
}

const rolloutCases: RuleCase[] = [
  {
    name: 'negative replicas',
    bad: [rollout((s) => (s.replicas = -1))],
    good: [rollout((s) => (s.replicas = 0))],
    path: 'spec.replicas',
    code: ISSUE_CODES.replicasNegative,
    message: 'must be greater than or equal to 0',
  },
  {
    name: 'missing selector',
    bad: [rollout((s) => delete s.selector)],
    good: [rollout(() => undefined)],
    path: 'spec.selector',
    code: ISSUE_CODES.selectorMissing,
    message: "Rollout has missing field '.spec.selector'",
  },
  {
    name: 'empty selector',
    bad: [rollout((s) => (s.selector = { matchLabels: {} }))],
    good: [
      rollout(
        (s) =>
          (s.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['demo'] }] }),
      ),
    ],
    path: 'spec.selector',
    code: ISSUE_CODES.selectorEmpty,
    message: 'empty selector is invalid for deployment',
  },
  {
    name: 'selector expression without values',
    bad: [
      rollout(
        (s) =>
          (s.selector = {
            matchLabels: { app: 'demo' },
            matchExpressions: [{ key: 'tier', operator: 'In', values: [] }],
          }),
      ),
    ],
    good: [
      rollout(
        (s) =>
          (s.selector = {
            matchLabels: { app: 'demo' },
            matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }],
          }),
      ),
    ],
    path: 'spec.selector.matchExpressions[0].values',
    code: ISSUE_CODES.selectorInvalid,
    message: "must be specified when `operator` is 'In' or 'NotIn'",
  },
  {
    name: 'selector does not match template labels',
    bad: [rollout((s) => (s.selector.matchLabels = { app: 'other' }))],
    good: [rollout((s) => (s.template.metadata.labels = { app: 'demo', extra: 'yes' }))],
    path: 'spec.template.metadata.labels',
    code: ISSUE_CODES.selectorTemplateMismatch,
    message: '`selector` does not match template `labels`',
  },
  {
    name: 'selector label key that is not a qualified name',
    bad: [
      rollout((s) => {
        s.selector.matchLabels = { 'my app': 'demo' };
        s.template.metadata.labels = { 'my app': 'demo' };
      }),
    ],
    good: [
      rollout((s) => {
        s.selector.matchLabels = { 'app.kubernetes.io/name': 'demo' };
        s.template.metadata.labels = { 'app.kubernetes.io/name': 'demo' };
      }),
    ],
    path: 'spec.selector.matchLabels',
    code: ISSUE_CODES.selectorInvalid,
    message:
      "Invalid value: \"my app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  },
  {
    name: 'selector expression key with an upper-case prefix',
    bad: [
      rollout(
        (s) => (s.selector.matchExpressions = [{ key: 'Example.com/tier', operator: 'Exists' }]),
      ),
    ],
    good: [
      rollout(
        (s) =>
          (s.selector.matchExpressions = [{ key: 'example.com/tier', operator: 'DoesNotExist' }]),
      ),
    ],
    path: 'spec.selector.matchExpressions[0].key',
    code: ISSUE_CODES.selectorInvalid,
    message:
      "Invalid value: \"Example.com/tier\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  },
  {
    name: 'template label value too long and with a space',
    bad: [rollout((s) => (s.template.metadata.labels = { app: 'demo', note: 'two words' }))],
    good: [rollout((s) => (s.template.metadata.labels = { app: 'demo', note: 'two_words' }))],
    path: 'spec.template.metadata.labels',
    code: ISSUE_CODES.templateLabelsInvalid,
    message:
      "Invalid value: \"two words\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  },
  {
    name: 'container without an image',
    bad: [rollout((s) => delete s.template.spec.containers[0].image)],
    good: [rollout(() => undefined)],
    path: 'spec.template.spec.containers[0].image',
    code: ISSUE_CODES.templateContainerImageRequired,
    message: 'Required value',
  },
  {
    name: 'container port out of range',
    bad: [rollout((s) => (s.template.spec.containers[0].ports = [{ containerPort: 70000 }]))],
    good: [rollout((s) => (s.template.spec.containers[0].ports = [{ containerPort: 8080 }]))],
    path: 'spec.template.spec.containers[0].ports[0].containerPort',
    code: ISSUE_CODES.templatePortInvalid,
    message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'port name with upper case and too long',
    bad: [
      rollout(
        (s) => (s.template.spec.containers[0].ports = [{ name: 'HTTP', containerPort: 8080 }]),
      ),
    ],
    good: [
      rollout(
        (s) => (s.template.spec.containers[0].ports = [{ name: 'http', containerPort: 8080 }]),
      ),
    ],
    path: 'spec.template.spec.containers[0].ports[0].name',
    code: ISSUE_CODES.templatePortInvalid,
    message:
      'Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  },
  {
    name: 'two ports with the same name',
    bad: [
      rollout(
        (s) =>
          (s.template.spec.containers[0].ports = [
            { name: 'http', containerPort: 8080 },
            { name: 'http', containerPort: 9090 },
          ]),
      ),
    ],
    good: [
      rollout(
        (s) =>
          (s.template.spec.containers[0].ports = [
            { name: 'http', containerPort: 8080 },
            { name: 'metrics', containerPort: 9090 },
          ]),
      ),
    ],
    path: 'spec.template.spec.containers[0].ports[1].name',
    code: ISSUE_CODES.templatePortInvalid,
    message: 'Duplicate value: "http"',
  },
  {
    name: 'the same containerPort twice (the CRD list-map key, protocol TCP by default)',
    bad: [
      rollout(
        (s) =>
          (s.template.spec.containers[0].ports = [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 8080 },
          ]),
      ),
    ],
    good: [
      rollout(
        (s) =>
          (s.template.spec.containers[0].ports = [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'dns', containerPort: 8080, protocol: 'UDP' },
          ]),
      ),
    ],
    path: 'spec.template.spec.containers[0].ports[1]',
    code: ISSUE_CODES.templatePortInvalid,
    message: 'Duplicate value: map[string]interface {}{"containerPort":8080, "protocol":"TCP"}',
  },
  {
    name: 'unsupported port protocol',
    bad: [
      rollout(
        (s) => (s.template.spec.containers[0].ports = [{ containerPort: 8080, protocol: 'HTTP' }]),
      ),
    ],
    good: [
      rollout(
        (s) => (s.template.spec.containers[0].ports = [{ containerPort: 8080, protocol: 'SCTP' }]),
      ),
    ],
    path: 'spec.template.spec.containers[0].ports[0].protocol',
    code: ISSUE_CODES.templatePortInvalid,
    message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    name: 'workloadRef together with a template',
    bad: [
      rollout((s) => {
        s.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo' };
      }),
    ],
    good: [
      rollout((s) => {
        s.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo' };
        delete s.template;
        delete s.selector;
      }),
    ],
    path: 'spec.template',
    code: ISSUE_CODES.workloadRefWithTemplate,
    message: 'template must be empty for workload reference rollout',
  },
  {
    name: 'neither template nor workloadRef',
    bad: [rollout((s) => delete s.template.spec)],
    good: [rollout(() => undefined)],
    path: 'spec.template.spec.containers',
    code: ISSUE_CODES.templateContainersRequired,
    message: 'Required value',
  },
  {
    name: 'duplicate container name',
    bad: [rollout((s) => s.template.spec.containers.push({ name: 'app', image: 'sidecar:1' }))],
    good: [
      rollout((s) => s.template.spec.containers.push({ name: 'sidecar', image: 'sidecar:1' })),
    ],
    path: 'spec.template.spec.containers[1].name',
    code: ISSUE_CODES.templateContainerNameDuplicate,
    message: 'Duplicate value: "app"',
  },
  {
    name: 'container without a name',
    bad: [rollout((s) => delete s.template.spec.containers[0].name)],
    good: [rollout(() => undefined)],
    path: 'spec.template.spec.containers[0].name',
    code: ISSUE_CODES.templateContainerNameRequired,
    message: 'Required value',
  },
  {
    name: 'restartPolicy other than Always',
    bad: [rollout((s) => (s.template.spec.restartPolicy = 'Never'))],
    good: [rollout((s) => (s.template.spec.restartPolicy = 'Always'))],
    path: 'spec.template.spec.restartPolicy',
    code: ISSUE_CODES.templateRestartPolicy,
    message: 'supported values: "Always"',
  },
  {
    name: 'activeDeadlineSeconds in the template',
    bad: [rollout((s) => (s.template.spec.activeDeadlineSeconds = 30))],
    good: [rollout(() => undefined)],
    path: 'spec.template.spec.activeDeadlineSeconds',
    code: ISSUE_CODES.templateActiveDeadlineSeconds,
    message: 'activeDeadlineSeconds in ReplicaSet is not Supported',
  },
  {
    name: 'negative minReadySeconds',
    bad: [rollout((s) => (s.minReadySeconds = -5))],
    good: [rollout((s) => (s.minReadySeconds = 5))],
    path: 'spec.minReadySeconds',
    code: ISSUE_CODES.minReadySecondsNegative,
    message: 'must be greater than or equal to 0',
  },
  {
    name: 'negative revisionHistoryLimit',
    bad: [rollout((s) => (s.revisionHistoryLimit = -1))],
    good: [rollout((s) => (s.revisionHistoryLimit = 0))],
    path: 'spec.revisionHistoryLimit',
    code: ISSUE_CODES.revisionHistoryLimitNegative,
    message: 'must be greater than or equal to 0',
  },
  {
    name: 'negative progressDeadlineSeconds',
    bad: [rollout((s) => (s.progressDeadlineSeconds = -1))],
    good: [rollout((s) => (s.progressDeadlineSeconds = 1))],
    path: 'spec.progressDeadlineSeconds',
    code: ISSUE_CODES.progressDeadlineNegative,
    message: 'must be greater than or equal to 0',
  },
  {
    name: 'progressDeadlineSeconds not above minReadySeconds (default 600)',
    bad: [rollout((s) => (s.minReadySeconds = 600))],
    good: [rollout((s) => (s.minReadySeconds = 599))],
    path: 'spec.progressDeadlineSeconds',
    code: ISSUE_CODES.progressDeadlineNotAfterMinReady,
    message: 'must be greater than minReadySeconds',
  },
  {
    name: 'no strategy',
    bad: [rollout((s) => (s.strategy = {}))],
    good: [rollout(() => undefined)],
    path: 'spec.strategy',
    code: ISSUE_CODES.strategyMissing,
    message: "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'",
  },
  {
    name: 'both strategies',
    bad: [rollout((s) => (s.strategy.blueGreen = { activeService: 'a' }))],
    good: [baseBlueGreen()],
    path: 'spec.strategy',
    code: ISSUE_CODES.strategyMultiple,
    message: 'Multiple Strategies can not be listed',
  },
  {
    name: 'anti-affinity with both modes',
    bad: [
      rollout(
        (s) =>
          (s.strategy.canary.antiAffinity = {
            preferredDuringSchedulingIgnoredDuringExecution: { weight: 10 },
            requiredDuringSchedulingIgnoredDuringExecution: {},
          }),
      ),
    ],
    good: [
      rollout(
        (s) =>
          (s.strategy.canary.antiAffinity = {
            requiredDuringSchedulingIgnoredDuringExecution: {},
          }),
      ),
    ],
    path: 'spec.strategy.canary.antiAffinity',
    code: ISSUE_CODES.antiAffinityExactlyOne,
    message: 'AntiAffinity must have exactly one strategy listed',
  },
  {
    name: 'anti-affinity with neither mode',
    bad: [rollout((s) => (s.strategy.blueGreen.antiAffinity = {}), baseBlueGreen)],
    good: [
      rollout(
        (s) =>
          (s.strategy.blueGreen.antiAffinity = {
            preferredDuringSchedulingIgnoredDuringExecution: { weight: 100 },
          }),
        baseBlueGreen,
      ),
    ],
    path: 'spec.strategy.blueGreen.antiAffinity',
    code: ISSUE_CODES.antiAffinityExactlyOne,
    message: 'AntiAffinity must have exactly one strategy listed',
  },
  {
    name: 'anti-affinity weight out of 1..100',
    bad: [
      rollout(
        (s) =>
          (s.strategy.canary.antiAffinity = {
            preferredDuringSchedulingIgnoredDuringExecution: { weight: 0 },
          }),
      ),
    ],
    good: [
      rollout(
        (s) =>
          (s.strategy.canary.antiAffinity = {
            preferredDuringSchedulingIgnoredDuringExecution: { weight: 1 },
          }),
      ),
    ],
    path: 'spec.strategy.canary.antiAffinity.preferredDuringSchedulingIgnoredDuringExecution.weight',
    code: ISSUE_CODES.antiAffinityWeight,
    message: 'AntiAffinity weight must be between 1-100',
  },
];

const blueGreenCases: RuleCase[] = [
  {
    name: 'active and preview service are the same',
    bad: [rollout((s) => (s.strategy.blueGreen.previewService = 'demo-active'), baseBlueGreen)],
    good: [rollout((s) => delete s.strategy.blueGreen.previewService, baseBlueGreen)],
    path: 'spec.strategy.blueGreen.activeService',
    code: ISSUE_CODES.activePreviewServiceSame,
    message: 'the same service for the active and preview services',
  },
  {
    name: 'activeService missing',
    bad: [rollout((s) => delete s.strategy.blueGreen.activeService, baseBlueGreen)],
    good: [baseBlueGreen()],
    path: 'spec.strategy.blueGreen.activeService',
    code: ISSUE_CODES.activeServiceMissing,
    message: "Rollout has missing field '.spec.strategy.blueGreen.activeService'",
  },
  {
    name: 'scaleDownDelayRevisionLimit above revisionHistoryLimit',
    bad: [
      rollout((s) => {
        s.revisionHistoryLimit = 2;
        s.strategy.blueGreen.scaleDownDelayRevisionLimit = 3;
      }, baseBlueGreen),
    ],
    good: [
      rollout((s) => {
        s.revisionHistoryLimit = 2;
        s.strategy.blueGreen.scaleDownDelayRevisionLimit = 2;
      }, baseBlueGreen),
    ],
    path: 'spec.strategy.blueGreen.scaleDownDelayRevisionLimit',
    code: ISSUE_CODES.scaleDownDelayRevisionLimit,
    message: "revision history limit can not be smaller than the rollout's scale down limit",
  },
];

describe('Rollout spec rules', () => runRuleCases(rolloutCases));
describe('blue-green rules', () => runRuleCases(blueGreenCases));

describe('reporting', () => {
  it('reports every problem, not just the first', () => {
    const issues = validateDocs(
      rollout((s) => {
        s.replicas = -1;
        s.revisionHistoryLimit = -1;
        s.strategy.canary.maxSurge = 0;
        s.strategy.canary.maxUnavailable = 0;
        s.strategy.canary.steps = [{ setWeight: 120 }, {}];
      }),
    );
    expect(summary(issues).map((s) => s.split(' ')[0])).toEqual([
      'spec.replicas',
      'spec.revisionHistoryLimit',
      'spec.strategy.canary.maxSurge',
      'spec.strategy.canary.steps[0].setWeight',
      'spec.strategy.canary.steps[1]',
    ]);
  });

  it('positions an issue on the offending line and names the object', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      '  name: demo',
      'spec:',
      '  replicas: -2',
      '  selector: {matchLabels: {app: demo}}',
      '  template:',
      '    metadata: {labels: {app: demo}}',
      '    spec: {containers: [{name: app, image: x}]}',
      '  strategy: {canary: {}}',
    ].join('\n');
    const [issue] = validateYaml(text);
    expect(issue).toMatchObject({
      path: 'spec.replicas',
      line: 6,
      object: 'Rollout/demo',
      severity: 'error',
    });
  });
});
