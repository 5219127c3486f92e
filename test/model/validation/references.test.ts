// Cross-object rules (validation_references.go, lint.go reference matching, the controller's
// "managed by another Rollout" check): Services, Ingresses, VirtualServices, AnalysisTemplates.
import { describe } from 'vitest';
import { ISSUE_CODES } from '../../../src/model/validation';
import type { Doc, RuleCase } from './helpers';
import {
  analysisTemplate,
  baseBlueGreen,
  canaryWith,
  metric,
  runRuleCases,
  service,
} from './helpers';

const S = 'spec.strategy.canary';

function withServices(tr?: Doc, mutate: (c: Doc) => void = () => undefined): Doc {
  return canaryWith((c) => {
    c.canaryService = 'demo-canary';
    c.stableService = 'demo-stable';
    if (tr) c.trafficRouting = tr;
    mutate(c);
  });
}

function ingress(name: string, backend: string): Doc {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name },
    spec: {
      rules: [
        {
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: backend, port: { name: 'use-annotation' } } },
              },
            ],
          },
        },
      ],
    },
  };
}

function virtualService(name: string, spec: Doc): Doc {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'VirtualService',
    metadata: { name },
    spec,
  };
}

const route = (hosts: string[], name = 'primary'): Doc => ({
  name,
  route: hosts.map((host, i) => ({ destination: { host }, weight: i === 0 ? 100 : 0 })),
});

const istioTr = { istio: { virtualService: { name: 'vs', routes: ['primary'] } } };

function stepAnalysis(templateName: string, extra: Doc = {}): Doc {
  return canaryWith(
    (c) =>
      (c.steps = [{ setWeight: 10 }, { analysis: { templates: [{ templateName }], ...extra } }]),
  );
}

const cases: RuleCase[] = [
  {
    name: 'Service selector label the template does not carry',
    bad: [withServices(), service('demo-canary', { app: 'other' }), service('demo-stable')],
    good: [withServices(), service('demo-canary'), service('demo-stable')],
    path: `${S}.canaryService`,
    code: ISSUE_CODES.serviceSelectorMismatch,
    message: 'Service "demo-canary" has unmatch label "app" in rollout',
  },
  {
    name: 'Service selector label allowed by stableMetadata',
    bad: [withServices(), service('demo-stable', { app: 'demo', role: 'stable' })],
    good: [
      withServices(undefined, (c) => (c.stableMetadata = { labels: { role: 'stable' } })),
      service('demo-stable', { app: 'demo', role: 'stable', 'rollouts-pod-template-hash': 'x' }),
    ],
    path: `${S}.stableService`,
    code: ISSUE_CODES.serviceSelectorMismatch,
    message: 'has unmatch label "role"',
  },
  {
    name: 'blue-green active Service selector mismatch',
    bad: [baseBlueGreen(), service('demo-active', { app: 'nope' })],
    good: [baseBlueGreen(), service('demo-active'), service('demo-preview')],
    path: 'spec.strategy.blueGreen.activeService',
    code: ISSUE_CODES.serviceSelectorMismatch,
    message: 'Service "demo-active" has unmatch label "app" in rollout',
  },
  {
    name: 'Service already managed by another Rollout (annotation)',
    bad: [
      withServices(),
      {
        ...service('demo-stable'),
        metadata: {
          name: 'demo-stable',
          annotations: { 'argo-rollouts.argoproj.io/managed-by-rollouts': 'someone-else' },
        },
      },
    ],
    good: [
      withServices(),
      {
        ...service('demo-stable'),
        metadata: {
          name: 'demo-stable',
          annotations: { 'argo-rollouts.argoproj.io/managed-by-rollouts': 'demo' },
        },
      },
    ],
    path: `${S}.stableService`,
    code: ISSUE_CODES.serviceManagedByOtherRollout,
    message: 'Service "demo-stable" is managed by another Rollout',
  },
  {
    name: 'two Rollouts sharing one Service',
    bad: [
      withServices(),
      { ...withServices(), metadata: { name: 'demo2' } },
      service('demo-stable'),
    ],
    good: [
      withServices(),
      {
        ...withServices(undefined, (c) => {
          c.canaryService = 'demo2-canary';
          c.stableService = 'demo2-stable';
        }),
        metadata: { name: 'demo2' },
      },
      service('demo-stable'),
      service('demo2-stable'),
    ],
    path: `${S}.stableService`,
    code: ISSUE_CODES.serviceManagedByOtherRollout,
    message: 'is managed by another Rollout',
  },
  {
    name: 'nginx stable Ingress without a rule for the stable Service',
    bad: [withServices({ nginx: { stableIngress: 'ing' } }), ingress('ing', 'demo-canary')],
    good: [withServices({ nginx: { stableIngress: 'ing' } }), ingress('ing', 'demo-stable')],
    path: `${S}.trafficRouting.nginx.stableIngress`,
    code: ISSUE_CODES.ingressMissingServiceRule,
    message: 'ingress `ing` has no rules using service demo-stable backend',
  },
  {
    name: 'ALB Ingress without a rule for the root Service',
    bad: [
      withServices({ alb: { ingress: 'ing', rootService: 'root' } }),
      ingress('ing', 'demo-stable'),
    ],
    good: [withServices({ alb: { ingress: 'ing', rootService: 'root' } }), ingress('ing', 'root')],
    path: `${S}.trafficRouting.alb.ingress`,
    code: ISSUE_CODES.ingressMissingServiceRule,
    message: 'ingress `ing` has no rules using service root backend',
  },
  {
    name: 'VirtualService route missing the canary host',
    bad: [
      withServices(istioTr),
      virtualService('vs', { http: [route(['demo-stable', 'somewhere-else'])] }),
    ],
    good: [
      withServices(istioTr),
      virtualService('vs', {
        http: [route(['demo-stable.default.svc.cluster.local', 'demo-canary'])],
      }),
    ],
    path: `${S}.trafficRouting.istio.virtualService.name`,
    code: ISSUE_CODES.virtualServiceInvalidRoutes,
    message:
      "Istio VirtualService has invalid HTTP routes. Error: Canary Service 'demo-canary' not found in route",
  },
  {
    name: 'VirtualService without the named route',
    bad: [
      withServices({ istio: { virtualServices: [{ name: 'vs', routes: ['primary'] }] } }),
      virtualService('vs', { http: [route(['demo-stable', 'demo-canary'], 'secondary')] }),
    ],
    good: [
      withServices({ istio: { virtualServices: [{ name: 'vs', routes: ['primary'] }] } }),
      virtualService('vs', { http: [route(['demo-stable', 'demo-canary'])] }),
    ],
    path: `${S}.trafficRouting.istio.virtualServices[0].name`,
    code: ISSUE_CODES.virtualServiceInvalidRoutes,
    message: "HTTP Route 'primary' is not found in the defined Virtual Service.",
  },
  {
    name: 'VirtualService with several routes and no route names',
    bad: [
      withServices({ istio: { virtualService: { name: 'vs' } } }),
      virtualService('vs', {
        http: [route(['demo-stable', 'demo-canary'], ''), route(['a', 'b'], 'other')],
      }),
    ],
    good: [
      withServices({ istio: { virtualService: { name: 'vs' } } }),
      virtualService('vs', { http: [route(['demo-stable', 'demo-canary'], '')] }),
    ],
    path: `${S}.trafficRouting.istio.virtualService.name`,
    code: ISSUE_CODES.virtualServiceInvalidRoutes,
    message: 'must have exactly one route when omitting',
  },
  {
    name: 'VirtualService TLS route missing the stable host',
    bad: [
      withServices({
        istio: { virtualService: { name: 'vs', tlsRoutes: [{ port: 443, sniHosts: ['a.com'] }] } },
      }),
      virtualService('vs', {
        tls: [{ match: [{ port: 443, sniHosts: ['a.com'] }], ...route(['demo-canary', 'x']) }],
      }),
    ],
    good: [
      withServices({
        istio: { virtualService: { name: 'vs', tlsRoutes: [{ port: 443, sniHosts: ['a.com'] }] } },
      }),
      virtualService('vs', {
        tls: [
          { match: [{ port: 443, sniHosts: ['a.com'] }], ...route(['demo-canary', 'demo-stable']) },
        ],
      }),
    ],
    path: `${S}.trafficRouting.istio.virtualService.name`,
    code: ISSUE_CODES.virtualServiceInvalidRoutes,
    message: "invalid TLS routes. Error: Stable Service 'demo-stable' not found in route",
  },
  {
    name: 'VirtualService without any routes',
    bad: [withServices(istioTr), virtualService('vs', { hosts: ['x'] })],
    good: [
      withServices(istioTr),
      virtualService('vs', { http: [route(['demo-stable', 'demo-canary'])] }),
    ],
    path: `${S}.trafficRouting.istio.virtualService.name`,
    code: ISSUE_CODES.virtualServiceNoRoutes,
    message: 'Unable to get any of the HTTP, TCP or TLS routes',
  },
  {
    name: 'step analysis metric that runs indefinitely',
    bad: [stepAnalysis('t'), analysisTemplate('t', [metric({ interval: '1m' })])],
    good: [stepAnalysis('t'), analysisTemplate('t', [metric({ interval: '1m', count: 3 })])],
    path: `${S}.steps[1].analysis.templates`,
    code: ISSUE_CODES.analysisMetricRunsIndefinitely,
    message:
      'AnalysisTemplate t has metric ok which runs indefinitely. Invalid value for count: <nil>',
  },
  {
    name: 'pre-promotion metric that runs indefinitely (background analysis may)',
    bad: [
      {
        ...baseBlueGreen(),
        spec: {
          ...baseBlueGreen().spec,
          strategy: {
            blueGreen: {
              activeService: 'a',
              prePromotionAnalysis: { templates: [{ templateName: 't' }] },
            },
          },
        },
      },
      analysisTemplate('t', [metric({ interval: '1m', count: 0 })]),
    ],
    good: [
      canaryWith((c) => (c.analysis = { templates: [{ templateName: 't' }] })),
      analysisTemplate('t', [metric({ interval: '1m' })]),
    ],
    path: 'spec.strategy.blueGreen.prePromotionAnalysis.templates',
    code: ISSUE_CODES.analysisMetricRunsIndefinitely,
    message: 'Invalid value for count: 0',
  },
  {
    name: 'template argument without a value the Rollout does not supply',
    bad: [stepAnalysis('t'), analysisTemplate('t', [metric()], { args: [{ name: 'svc' }] })],
    good: [
      stepAnalysis('t', { args: [{ name: 'svc', value: 'demo' }] }),
      analysisTemplate('t', [metric()], { args: [{ name: 'svc' }] }),
    ],
    path: `${S}.steps[1].analysis.templates`,
    code: ISSUE_CODES.analysisArgUnresolved,
    message: 'args.svc was not resolved',
  },
  {
    name: 'two referenced templates with the same metric name',
    bad: [
      canaryWith(
        (c) =>
          (c.analysis = {
            templates: [{ templateName: 'a' }, { templateName: 'b', clusterScope: true }],
          }),
      ),
      analysisTemplate('a', [metric()]),
      { ...analysisTemplate('b', [metric()]), kind: 'ClusterAnalysisTemplate' },
    ],
    good: [
      canaryWith(
        (c) =>
          (c.analysis = {
            templates: [{ templateName: 'a' }, { templateName: 'b', clusterScope: true }],
          }),
      ),
      analysisTemplate('a', [metric()]),
      { ...analysisTemplate('b', [metric({ name: 'other' })]), kind: 'ClusterAnalysisTemplate' },
    ],
    path: `${S}.analysis.templates`,
    code: ISSUE_CODES.analysisTemplatesInvalid,
    message: "two metrics have the same name 'ok'",
  },
  {
    name: 'Rollout dryRun rule matching no metric of its templates',
    bad: [
      stepAnalysis('t', { dryRun: [{ metricName: 'latency' }] }),
      analysisTemplate('t', [metric()]),
    ],
    good: [
      stepAnalysis('t', { dryRun: [{ metricName: 'ok' }] }),
      analysisTemplate('t', [metric()]),
    ],
    path: `${S}.steps[1].analysis.dryRun[0].metricName`,
    code: ISSUE_CODES.dryRunNoMatch,
    message: "dryRun[0]: Rule didn't match any metric name(s)",
  },
];

describe('referenced-resource rules', () => runRuleCases(cases));
