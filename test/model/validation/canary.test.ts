// Canary rules (validation.go ValidateRolloutStrategyCanary, invalidMaxSurgeMaxUnavailable,
// hasMultipleStepsType) and traffic-routing rules (requireCanaryStableServices, route steps,
// maxTrafficWeight, the controller's router-configuration checks).
import { describe } from 'vitest';
import { ISSUE_CODES } from '../../../src/model/validation';
import type { Doc, RuleCase } from './helpers';
import { canaryWith, runRuleCases } from './helpers';

const S = 'spec.strategy.canary';

/** withTr sets canary/stable services and the given traffic routing. */
function withTr(tr: Doc, mutate: (c: Doc) => void = () => undefined): Doc {
  return canaryWith((c) => {
    c.canaryService = 'demo-canary';
    c.stableService = 'demo-stable';
    c.trafficRouting = tr;
    mutate(c);
  });
}

const istio = { istio: { virtualService: { name: 'vs', routes: ['primary'] } } };
const nginx = { nginx: { stableIngress: 'demo-ingress' } };
const alb = { alb: { ingress: 'demo-ingress' } };

const canaryCases: RuleCase[] = [
  {
    name: 'maxSurge and maxUnavailable both zero',
    bad: [canaryWith((c) => ((c.maxSurge = '0%'), (c.maxUnavailable = 0)))],
    good: [canaryWith((c) => ((c.maxSurge = '0%'), (c.maxUnavailable = 1)))],
    path: `${S}.maxSurge`,
    code: ISSUE_CODES.maxSurgeMaxUnavailableZero,
    message: 'MaxSurge and MaxUnavailable both can not be zero',
  },
  {
    name: 'maxUnavailable is not an int or percentage',
    bad: [canaryWith((c) => (c.maxUnavailable = 'half'))],
    good: [canaryWith((c) => (c.maxUnavailable = '50%'))],
    path: `${S}.maxUnavailable`,
    code: ISSUE_CODES.intOrPercentInvalid,
    message: 'must be an integer or a percentage',
  },
  {
    name: 'canaryService equals stableService',
    bad: [canaryWith((c) => ((c.canaryService = 'svc'), (c.stableService = 'svc')))],
    good: [canaryWith((c) => ((c.canaryService = 'svc-c'), (c.stableService = 'svc')))],
    path: `${S}.stableService`,
    code: ISSUE_CODES.canaryStableServiceSame,
    message: 'the same service for the stable and canary services',
  },
  {
    name: 'scaleDownDelaySeconds without traffic routing',
    bad: [canaryWith((c) => (c.scaleDownDelaySeconds = 30))],
    good: [withTr(istio, (c) => (c.scaleDownDelaySeconds = 30))],
    path: `${S}.scaleDownDelaySeconds`,
    code: ISSUE_CODES.scaleDownDelayWithoutTrafficRouting,
    message: 'Canary scaleDownDelaySeconds can only be used with traffic routing',
  },
  {
    name: 'dynamicStableScale without traffic routing',
    bad: [canaryWith((c) => (c.dynamicStableScale = true))],
    good: [withTr(istio, (c) => (c.dynamicStableScale = true))],
    path: `${S}.dynamicStableScale`,
    code: ISSUE_CODES.dynamicStableScaleWithoutTrafficRouting,
    message: 'Canary dynamicStableScale can only be used with traffic routing',
  },
  {
    name: 'dynamicStableScale with scaleDownDelaySeconds',
    bad: [withTr(istio, (c) => ((c.dynamicStableScale = true), (c.scaleDownDelaySeconds = 5)))],
    good: [withTr(istio, (c) => (c.scaleDownDelaySeconds = 5))],
    path: `${S}.dynamicStableScale`,
    code: ISSUE_CODES.dynamicStableScaleWithScaleDownDelay,
    message: 'Canary dynamicStableScale cannot be used with scaleDownDelaySeconds',
  },
  {
    name: 'step with two kinds',
    bad: [canaryWith((c) => (c.steps = [{ setWeight: 10, pause: {} }]))],
    good: [canaryWith((c) => (c.steps = [{ setWeight: 10 }, { pause: {} }]))],
    path: `${S}.steps[0]`,
    code: ISSUE_CODES.stepMultipleTypes,
    message: 'Step must have one of the following set',
  },
  {
    name: 'step with no kind',
    bad: [canaryWith((c) => (c.steps = [{ setWeight: 10 }, {}]))],
    good: [canaryWith((c) => (c.steps = [{ setWeight: 10 }, { plugin: { name: 'x' } }]))],
    path: `${S}.steps[1]`,
    code: ISSUE_CODES.stepNoType,
    message: 'experiment, setWeight, setCanaryScale, plugin or pause',
  },
  {
    name: 'setWeight above 100',
    bad: [canaryWith((c) => (c.steps = [{ setWeight: 101 }]))],
    good: [canaryWith((c) => (c.steps = [{ setWeight: 100 }, { setWeight: 0 }]))],
    path: `${S}.steps[0].setWeight`,
    code: ISSUE_CODES.setWeightOutOfRange,
    message: 'SetWeight needs to be between 0 and 100',
  },
  {
    name: 'setWeight below 0',
    bad: [canaryWith((c) => (c.steps = [{ setWeight: -1 }]))],
    good: [canaryWith((c) => (c.steps = [{ setWeight: 0 }]))],
    path: `${S}.steps[0].setWeight`,
    code: ISSUE_CODES.setWeightOutOfRange,
    message: 'SetWeight needs to be between 0 and 100',
  },
  {
    name: 'setWeight above maxTrafficWeight',
    bad: [withTr({ ...nginx, maxTrafficWeight: 1000 }, (c) => (c.steps = [{ setWeight: 1001 }]))],
    good: [withTr({ ...nginx, maxTrafficWeight: 1000 }, (c) => (c.steps = [{ setWeight: 500 }]))],
    path: `${S}.steps[0].setWeight`,
    code: ISSUE_CODES.setWeightOutOfRange,
    message: 'SetWeight needs to be between 0 and 1000',
  },
  {
    name: 'negative pause duration',
    bad: [canaryWith((c) => (c.steps = [{ pause: { duration: -5 } }]))],
    good: [
      canaryWith((c) => (c.steps = [{ pause: { duration: 0 } }, { pause: { duration: '1h30m' } }])),
    ],
    path: `${S}.steps[0].pause.duration`,
    code: ISSUE_CODES.pauseDurationInvalid,
    message: 'Duration needs to be greater than 0',
  },
  {
    name: 'unparseable pause duration',
    bad: [canaryWith((c) => (c.steps = [{ pause: { duration: '1d' } }]))],
    good: [canaryWith((c) => (c.steps = [{ pause: { duration: '10' } }]))],
    path: `${S}.steps[0].pause.duration`,
    code: ISSUE_CODES.pauseDurationInvalid,
    message: 'Duration needs to be greater than 0',
  },
  {
    name: 'setCanaryScale without traffic routing',
    bad: [canaryWith((c) => (c.steps = [{ setCanaryScale: { replicas: 1 } }]))],
    good: [withTr(istio, (c) => (c.steps = [{ setCanaryScale: { replicas: 1 } }]))],
    path: `${S}.steps[0].setCanaryScale`,
    code: ISSUE_CODES.setCanaryScaleWithoutTrafficRouting,
    message: 'SetCanaryScale requires TrafficRouting to be set',
  },
  {
    name: 'experiment template weight without traffic routing',
    bad: [
      canaryWith(
        (c) =>
          (c.steps = [
            { experiment: { templates: [{ name: 'a', specRef: 'canary', weight: 5 }] } },
          ]),
      ),
    ],
    good: [
      canaryWith(
        (c) => (c.steps = [{ experiment: { templates: [{ name: 'a', specRef: 'canary' }] } }]),
      ),
    ],
    path: `${S}.steps[0].experiment.templates[0].weight`,
    code: ISSUE_CODES.experimentWeightWithoutTrafficRouting,
    message: 'Experiment template weight cannot be set unless TrafficRouting is enabled',
  },
  {
    name: 'experiment template weight with an unsupported router',
    bad: [
      withTr(
        nginx,
        (c) =>
          (c.steps = [
            { experiment: { templates: [{ name: 'a', specRef: 'canary', weight: 5 }] } },
          ]),
      ),
    ],
    good: [
      withTr(
        istio,
        (c) =>
          (c.steps = [
            { experiment: { templates: [{ name: 'a', specRef: 'canary', weight: 5 }] } },
          ]),
      ),
    ],
    path: `${S}.steps[0].experiment.templates[0].weight`,
    code: ISSUE_CODES.experimentWeightUnsupportedRouter,
    message: 'only available for TrafficRouting with SMI, ALB, and Istio',
  },
  {
    name: 'analysis argument with an unsupported metadata fieldRef',
    bad: [
      canaryWith(
        (c) =>
          (c.steps = [
            {
              analysis: {
                templates: [{ templateName: 't' }],
                args: [
                  { name: 'a', valueFrom: { fieldRef: { fieldPath: 'metadata.generation' } } },
                ],
              },
            },
          ]),
      ),
    ],
    good: [
      canaryWith(
        (c) =>
          (c.steps = [
            {
              analysis: {
                templates: [{ templateName: 't' }],
                args: [
                  { name: 'a', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
                ],
              },
            },
          ]),
      ),
    ],
    path: `${S}.steps[0].analysis.args[0].valueFrom.fieldRef.fieldPath`,
    code: ISSUE_CODES.analysisArgFieldRefInvalid,
    message: 'Analyses arguments must refer to valid object metadata supported by downwardAPI',
  },
  {
    name: 'ping-pong with a router other than ALB',
    bad: [
      canaryWith((c) => {
        c.pingPong = { pingService: 'ping', pongService: 'pong' };
        c.trafficRouting = { smi: {} };
        c.canaryService = 'c';
        c.stableService = 's';
      }),
    ],
    good: [
      canaryWith((c) => {
        c.pingPong = { pingService: 'ping', pongService: 'pong' };
        c.trafficRouting = { alb: { ingress: 'i', rootService: 'root' } };
      }),
    ],
    path: `${S}.trafficRouting.alb`,
    code: ISSUE_CODES.pingPongAlbOnly,
    message: 'Ping-pong feature works with the ALB traffic routing only',
  },
  {
    name: 'ping-pong without pongService',
    bad: [canaryWith((c) => (c.pingPong = { pingService: 'ping' }))],
    good: [canaryWith((c) => (c.pingPong = { pingService: 'ping', pongService: 'pong' }))],
    path: `${S}.pingPong.pongService`,
    code: ISSUE_CODES.pingPongServiceMissing,
    message: 'Ping service and Pong service must to be set',
  },
  {
    name: 'ping-pong with one service for both',
    bad: [canaryWith((c) => (c.pingPong = { pingService: 'p', pongService: 'p' }))],
    good: [canaryWith((c) => (c.pingPong = { pingService: 'p', pongService: 'q' }))],
    path: `${S}.pingPong.pingService`,
    code: ISSUE_CODES.pingPongServiceSame,
    message: 'the same service for the ping and pong services',
  },
  {
    name: 'ping-pong with ALB but no rootService',
    bad: [
      canaryWith((c) => {
        c.pingPong = { pingService: 'ping', pongService: 'pong' };
        c.trafficRouting = { alb: { ingress: 'i' } };
      }),
    ],
    good: [
      canaryWith((c) => {
        c.pingPong = { pingService: 'ping', pongService: 'pong' };
        c.trafficRouting = { alb: { ingress: 'i', rootService: 'root' } };
      }),
    ],
    path: `${S}.trafficRouting.alb.rootService`,
    code: ISSUE_CODES.albRootServiceMissing,
    message: 'Root service field is required',
  },
];

const trafficRoutingCases: RuleCase[] = [
  ...(['smi', 'nginx', 'alb', 'apisix', 'ambassador', 'appMesh', 'traefik', 'istio'] as const).map(
    (router): RuleCase => {
      const config: Doc =
        router === 'nginx'
          ? nginx
          : router === 'alb'
            ? alb
            : router === 'istio'
              ? istio
              : { [router]: {} };
      return {
        name: `${router} needs a canaryService`,
        bad: [canaryWith((c) => ((c.trafficRouting = config), (c.stableService = 'demo-stable')))],
        good: [withTr(config)],
        path: `${S}.canaryService`,
        code: ISSUE_CODES.trafficRoutingServicesRequired,
        message: 'Canary service and Stable service must to be set to use Traffic Routing',
      };
    },
  ),
  {
    name: 'traffic routing needs a stableService',
    bad: [canaryWith((c) => ((c.trafficRouting = { smi: {} }), (c.canaryService = 'demo-canary')))],
    good: [
      canaryWith(
        (c) =>
          (c.trafficRouting = {
            istio: {
              virtualService: { name: 'vs' },
              destinationRule: { name: 'dr', canarySubsetName: 'c', stableSubsetName: 's' },
            },
          }),
      ),
    ],
    path: `${S}.stableService`,
    code: ISSUE_CODES.trafficRoutingServicesRequired,
    message: 'Canary service and Stable service must to be set to use Traffic Routing',
  },
  {
    name: 'maxTrafficWeight with a router other than nginx or plugins',
    bad: [withTr({ ...istio, maxTrafficWeight: 1000 })],
    good: [withTr({ plugins: { 'argoproj-labs/gatewayAPI': {} }, maxTrafficWeight: 1000 })],
    path: `${S}.trafficRouting.maxTrafficWeight`,
    code: ISSUE_CODES.maxTrafficWeightUnsupported,
    message: 'Canary maxTrafficWeight in traffic routing only support in Nginx and Plugins',
  },
  {
    name: 'setHeaderRoute with nginx',
    bad: [
      withTr({ ...nginx, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [{ setHeaderRoute: { name: 'h' } }];
      }),
    ],
    good: [
      withTr({ ...istio, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [{ setHeaderRoute: { name: 'h' } }];
      }),
    ],
    path: `${S}.steps[0].setHeaderRoute`,
    code: ISSUE_CODES.setHeaderRouteUnsupported,
    message: 'SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix',
  },
  {
    name: 'setHeaderRoute without traffic routing',
    bad: [canaryWith((c) => (c.steps = [{ setHeaderRoute: { name: 'h' } }]))],
    good: [canaryWith((c) => (c.steps = [{ setWeight: 5 }]))],
    path: `${S}.steps[0].setHeaderRoute`,
    code: ISSUE_CODES.setHeaderRouteUnsupported,
    message: 'SetHeaderRoute requires TrafficRouting',
  },
  {
    name: 'setMirrorRoute with ALB',
    bad: [
      withTr({ ...alb, managedRoutes: [{ name: 'm' }] }, (c) => {
        c.steps = [{ setMirrorRoute: { name: 'm', percentage: 10 } }];
      }),
    ],
    good: [
      withTr({ ...istio, managedRoutes: [{ name: 'm' }] }, (c) => {
        c.steps = [{ setMirrorRoute: { name: 'm', percentage: 10 } }];
      }),
    ],
    path: `${S}.steps[0].setMirrorRoute`,
    code: ISSUE_CODES.setMirrorRouteUnsupported,
    message: 'SetMirrorRoute requires TrafficRouting, supports Istio only',
  },
  {
    name: 'setHeaderRoute without managedRoutes',
    bad: [withTr(istio, (c) => (c.steps = [{ setHeaderRoute: { name: 'h' } }]))],
    good: [
      withTr({ ...istio, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [{ setHeaderRoute: { name: 'h' } }];
      }),
    ],
    path: `${S}.trafficRouting.managedRoutes`,
    code: ISSUE_CODES.managedRoutesMissing,
    message: "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'",
  },
  {
    name: 'setMirrorRoute name not in managedRoutes',
    bad: [
      withTr({ ...istio, managedRoutes: [{ name: 'other' }] }, (c) => {
        c.steps = [{ setMirrorRoute: { name: 'm' } }];
      }),
    ],
    good: [
      withTr({ ...istio, managedRoutes: [{ name: 'other' }, { name: 'm' }] }, (c) => {
        c.steps = [{ setMirrorRoute: { name: 'm' } }];
      }),
    ],
    path: `${S}.steps[0].setMirrorRoute.name`,
    code: ISSUE_CODES.routeNotInManagedRoutes,
    message: 'Steps define a route that does not exist',
  },
  {
    name: 'header match with two values',
    bad: [
      withTr({ ...istio, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [
          {
            setHeaderRoute: {
              name: 'h',
              match: [{ headerName: 'x', headerValue: { exact: 'a', prefix: 'b' } }],
            },
          },
        ];
      }),
    ],
    good: [
      withTr({ ...istio, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [
          {
            setHeaderRoute: {
              name: 'h',
              match: [{ headerName: 'x', headerValue: { regex: 'a.*' } }],
            },
          },
        ];
      }),
    ],
    path: `${S}.steps[0].setHeaderRoute.match[0].headerValue`,
    code: ISSUE_CODES.stringMatchMultiple,
    message: 'StringMatch match value must have exactly one of the following',
  },
  {
    name: 'mirror match without a value',
    bad: [
      withTr({ ...istio, managedRoutes: [{ name: 'm' }] }, (c) => {
        c.steps = [{ setMirrorRoute: { name: 'm', match: [{ method: {} }] } }];
      }),
    ],
    good: [
      withTr({ ...istio, managedRoutes: [{ name: 'm' }] }, (c) => {
        c.steps = [{ setMirrorRoute: { name: 'm', match: [{ method: { exact: 'GET' } }] } }];
      }),
    ],
    path: `${S}.steps[0].setMirrorRoute.match[0].method`,
    code: ISSUE_CODES.stringMatchMissing,
    message: 'StringMatch value missed',
  },
  {
    name: 'ALB header match with a prefix',
    bad: [
      withTr({ ...alb, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [
          {
            setHeaderRoute: {
              name: 'h',
              match: [{ headerName: 'x', headerValue: { prefix: 'a' } }],
            },
          },
        ];
      }),
    ],
    good: [
      withTr({ ...alb, managedRoutes: [{ name: 'h' }] }, (c) => {
        c.steps = [
          {
            setHeaderRoute: {
              name: 'h',
              match: [{ headerName: 'x', headerValue: { exact: 'a' } }],
            },
          },
        ];
      }),
    ],
    path: `${S}.steps[0].setHeaderRoute.match[0].headerValue`,
    code: ISSUE_CODES.albHeaderMatchExactOnly,
    message: "ALB supports 'exact' value only",
  },
  {
    name: 'istio virtualService and virtualServices both set',
    bad: [
      withTr({
        istio: { virtualService: { name: 'a' }, virtualServices: [{ name: 'b' }] },
      }),
    ],
    good: [withTr({ istio: { virtualServices: [{ name: 'a' }, { name: 'b' }] } })],
    path: `${S}.trafficRouting.istio`,
    code: ISSUE_CODES.istioVirtualServiceConfig,
    message: 'either VirtualService or VirtualServices must be configured',
  },
  {
    name: 'nginx without stableIngress',
    bad: [withTr({ nginx: {} })],
    good: [withTr({ nginx: { stableIngresses: ['a', 'b'] } })],
    path: `${S}.trafficRouting.nginx`,
    code: ISSUE_CODES.nginxIngressConfig,
    message: 'Either StableIngress or StableIngresses must be configured. Neither are configured.',
  },
  {
    name: 'ALB with ingress and ingresses',
    bad: [withTr({ alb: { ingress: 'a', ingresses: ['b'] } })],
    good: [withTr({ alb: { ingresses: ['a', 'b'] } })],
    path: `${S}.trafficRouting.alb`,
    code: ISSUE_CODES.albIngressConfig,
    message: 'Either Ingress or Ingresses must be configured. Both are configured.',
  },
];

describe('canary rules', () => runRuleCases(canaryCases));
describe('traffic-routing rules', () => runRuleCases(trafficRoutingCases));
