// Public surface of src/traffic: the router interface the controller knows, the simulated routers
// (one per Argo router), the data plane that delays what they write, the registry and the
// "no router" split of a basic canary. Rule: explicit named exports only.
export type {
  HeaderRoute,
  MirrorRoute,
  ObservedHeaderMatch,
  ObservedHeaderRoute,
  ObservedMirrorRoute,
  ObservedRouteMatch,
  ObservedSplit,
  ObservedStringMatch,
  RouterResult,
  TrafficRouter,
  WeightDestination,
  WeightVerification,
} from './router';

export type { OwnerReference, RouterClient, RouterClock, RouterObject } from './common';
export {
  createDataPlane,
  INITIAL_SPLIT,
  observedHeaderRoute,
  observedMirrorRoute,
} from './dataPlane';
export type { DataPlane, DataPlaneChange, DataPlaneOptions, RouteSupport } from './dataPlane';
export { DEFAULT_PROPAGATION_DELAY_MS } from './options';
export type { RouterOptions, RouterType } from './options';

export { buildCanaryIngress, createNginxRouter, NGINX_TYPE } from './nginx';
export { albForwardAction, createAlbRouter, shouldVerifyWeight, ALB_TYPE } from './alb';
export type { AlbRouterOptions } from './alb';
export { createIstioRouter, ISTIO_TYPE } from './istio';
export { buildTrafficSplit, createSmiRouter, SMI_TYPE } from './smi';
export type { SmiRouterOptions } from './smi';
export { createTraefikRouter, TRAEFIK_TYPE } from './traefik';
export { createApisixRouter, APISIX_TYPE } from './apisix';
export { createGatewayApiRouter, GATEWAY_API_PLUGIN, GATEWAY_API_TYPE } from './gatewayApi';
export { basicCanarySplit } from './noRouter';
export type { BasicCanarySplitInput } from './noRouter';
export { createRoutersFor, createUnsupportedRouter, unsupportedRouters } from './registry';
export type { RouterDeps } from './registry';
export {
  createTrafficModel,
  DEFAULT_LATENCY_BUCKETS,
  formatLe,
  signalsFromTraffic,
  tagOf,
} from './requests';
export type {
  DestinationRole,
  RequestBehaviour,
  SampledRequest,
  TickSummary,
  TrafficDestination,
  TrafficModel,
  TrafficModelOptions,
  TrafficRng,
  TrafficSignals,
} from './requests';
export { splitFromWorld } from './requestsSplit';
export {
  headerRouteMatches,
  mirrorRouteMatches,
  NOT_ROUTED,
  routedShares,
  stringMatches,
} from './requestsRoutes';
export type { HeaderShare, RoutedShares } from './requestsRoutes';
export type { SplitFromWorldInput } from './requestsSplit';
export {
  binomialFromUniform,
  inverseNormalCdf,
  logNormalBucketMeans,
  logNormalBucketProbabilities,
  multinomialFromUniforms,
  normalCdf,
  poissonFromUniform,
} from './requestsSampling';
export { createSeriesStore, DEFAULT_RETENTION_MS, labelKey } from './series';
export type { SeriesLabels, SeriesStore, SeriesStoreOptions, StoredSeries } from './series';
