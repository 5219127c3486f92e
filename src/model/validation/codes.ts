/**
 * Stable codes and Argo's wording for every problem src/model/validation reports.
 * Argo counterpart: validation.go message constants, validation_references.go and utils/analysis errors.
 * Rule: codes never change once published; tests and the editor match on codes, never on prose.
 */

/** ISSUE_CODES names each validation rule. Values are `validation.<group>.<rule>`. */
export const ISSUE_CODES = {
  // Rollout spec (ValidateRolloutSpec, ValidateRolloutStrategy)
  replicasNegative: 'validation.rollout.replicasNegative',
  selectorMissing: 'validation.rollout.selectorMissing',
  selectorEmpty: 'validation.rollout.selectorEmpty',
  selectorInvalid: 'validation.rollout.selectorInvalid',
  selectorTemplateMismatch: 'validation.rollout.selectorTemplateMismatch',
  templateLabelsInvalid: 'validation.rollout.templateLabelsInvalid',
  templateContainerImageRequired: 'validation.rollout.templateContainerImageRequired',
  templatePortInvalid: 'validation.rollout.templatePortInvalid',
  workloadRefWithTemplate: 'validation.rollout.workloadRefWithTemplate',
  templateContainersRequired: 'validation.rollout.templateContainersRequired',
  templateContainerNameRequired: 'validation.rollout.templateContainerNameRequired',
  templateContainerNameDuplicate: 'validation.rollout.templateContainerNameDuplicate',
  templateRestartPolicy: 'validation.rollout.templateRestartPolicy',
  templateActiveDeadlineSeconds: 'validation.rollout.templateActiveDeadlineSeconds',
  minReadySecondsNegative: 'validation.rollout.minReadySecondsNegative',
  revisionHistoryLimitNegative: 'validation.rollout.revisionHistoryLimitNegative',
  progressDeadlineNegative: 'validation.rollout.progressDeadlineNegative',
  progressDeadlineNotAfterMinReady: 'validation.rollout.progressDeadlineNotAfterMinReady',
  strategyMissing: 'validation.rollout.strategyMissing',
  strategyMultiple: 'validation.rollout.strategyMultiple',
  antiAffinityExactlyOne: 'validation.rollout.antiAffinityExactlyOne',
  antiAffinityWeight: 'validation.rollout.antiAffinityWeight',

  // Canary (ValidateRolloutStrategyCanary)
  maxSurgeMaxUnavailableZero: 'validation.canary.maxSurgeMaxUnavailableZero',
  intOrPercentInvalid: 'validation.canary.intOrPercentInvalid',
  canaryStableServiceSame: 'validation.canary.canaryStableServiceSame',
  pingPongAlbOnly: 'validation.canary.pingPongAlbOnly',
  pingPongServiceMissing: 'validation.canary.pingPongServiceMissing',
  pingPongServiceSame: 'validation.canary.pingPongServiceSame',
  albRootServiceMissing: 'validation.canary.albRootServiceMissing',
  scaleDownDelayWithoutTrafficRouting: 'validation.canary.scaleDownDelayWithoutTrafficRouting',
  dynamicStableScaleWithoutTrafficRouting:
    'validation.canary.dynamicStableScaleWithoutTrafficRouting',
  dynamicStableScaleWithScaleDownDelay: 'validation.canary.dynamicStableScaleWithScaleDownDelay',
  stepMultipleTypes: 'validation.canary.stepMultipleTypes',
  stepNoType: 'validation.canary.stepNoType',
  setWeightOutOfRange: 'validation.canary.setWeightOutOfRange',
  pauseDurationInvalid: 'validation.canary.pauseDurationInvalid',
  setCanaryScaleWithoutTrafficRouting: 'validation.canary.setCanaryScaleWithoutTrafficRouting',
  experimentWeightWithoutTrafficRouting: 'validation.canary.experimentWeightWithoutTrafficRouting',
  experimentWeightUnsupportedRouter: 'validation.canary.experimentWeightUnsupportedRouter',
  analysisArgFieldRefInvalid: 'validation.canary.analysisArgFieldRefInvalid',

  // Traffic routing (validation.go traffic-routing parts, validation_references.go config checks)
  trafficRoutingServicesRequired: 'validation.trafficRouting.servicesRequired',
  maxTrafficWeightUnsupported: 'validation.trafficRouting.maxTrafficWeightUnsupported',
  setHeaderRouteUnsupported: 'validation.trafficRouting.setHeaderRouteUnsupported',
  setMirrorRouteUnsupported: 'validation.trafficRouting.setMirrorRouteUnsupported',
  stringMatchMultiple: 'validation.trafficRouting.stringMatchMultiple',
  stringMatchMissing: 'validation.trafficRouting.stringMatchMissing',
  albHeaderMatchExactOnly: 'validation.trafficRouting.albHeaderMatchExactOnly',
  managedRoutesMissing: 'validation.trafficRouting.managedRoutesMissing',
  routeNotInManagedRoutes: 'validation.trafficRouting.routeNotInManagedRoutes',
  istioVirtualServiceConfig: 'validation.trafficRouting.istioVirtualServiceConfig',
  nginxIngressConfig: 'validation.trafficRouting.nginxIngressConfig',
  albIngressConfig: 'validation.trafficRouting.albIngressConfig',

  // Blue-green (ValidateRolloutStrategyBlueGreen)
  activeServiceMissing: 'validation.blueGreen.activeServiceMissing',
  activePreviewServiceSame: 'validation.blueGreen.activePreviewServiceSame',
  scaleDownDelayRevisionLimit: 'validation.blueGreen.scaleDownDelayRevisionLimit',

  // AnalysisTemplate / ClusterAnalysisTemplate (utils/analysis ValidateMetrics, flatten/merge)
  metricsMissing: 'validation.analysis.metricsMissing',
  metricNameDuplicate: 'validation.analysis.metricNameDuplicate',
  metricCountBelowLimits: 'validation.analysis.metricCountBelowLimits',
  metricIntervalRequired: 'validation.analysis.metricIntervalRequired',
  metricIntervalInvalid: 'validation.analysis.metricIntervalInvalid',
  metricInitialDelayInvalid: 'validation.analysis.metricInitialDelayInvalid',
  metricFailureLimitInvalid: 'validation.analysis.metricFailureLimitInvalid',
  metricInconclusiveLimitNegative: 'validation.analysis.metricInconclusiveLimitNegative',
  metricConsecutiveErrorLimitNegative: 'validation.analysis.metricConsecutiveErrorLimitNegative',
  metricConsecutiveSuccessLimitNegative:
    'validation.analysis.metricConsecutiveSuccessLimitNegative',
  metricLimitsBothDisabled: 'validation.analysis.metricLimitsBothDisabled',
  metricProviderMissing: 'validation.analysis.metricProviderMissing',
  metricProviderMultiple: 'validation.analysis.metricProviderMultiple',
  dryRunDuplicate: 'validation.analysis.dryRunDuplicate',
  dryRunNoMatch: 'validation.analysis.dryRunNoMatch',
  measurementRetentionDuplicate: 'validation.analysis.measurementRetentionDuplicate',
  measurementRetentionNoMatch: 'validation.analysis.measurementRetentionNoMatch',
  argConflict: 'validation.analysis.argConflict',
  argValueAndValueFrom: 'validation.analysis.argValueAndValueFrom',

  // Referenced resources (ValidateRolloutReferencedResources and lint's matching)
  serviceSelectorMismatch: 'validation.references.serviceSelectorMismatch',
  serviceManagedByOtherRollout: 'validation.references.serviceManagedByOtherRollout',
  ingressMissingServiceRule: 'validation.references.ingressMissingServiceRule',
  virtualServiceNoRoutes: 'validation.references.virtualServiceNoRoutes',
  virtualServiceInvalidRoutes: 'validation.references.virtualServiceInvalidRoutes',
  analysisTemplatesInvalid: 'validation.references.analysisTemplatesInvalid',
  analysisMetricRunsIndefinitely: 'validation.references.analysisMetricRunsIndefinitely',
  analysisArgUnresolved: 'validation.references.analysisArgUnresolved',
  backgroundAnalysisArgMissing: 'validation.references.backgroundAnalysisArgMissing',
} as const;

/** IssueCode is one of the values of ISSUE_CODES. */
export type IssueCode = (typeof ISSUE_CODES)[keyof typeof ISSUE_CODES];

/** ARGO_MESSAGES holds Argo's fixed messages verbatim (validation.go constants). */
export const ARGO_MESSAGES = {
  invalidSetCanaryScaleTrafficPolicy: 'SetCanaryScale requires TrafficRouting to be set',
  invalidSetHeaderRouteTrafficPolicy:
    'SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix',
  invalidSetMirrorRouteTrafficPolicy: 'SetMirrorRoute requires TrafficRouting, supports Istio only',
  invalidStringMatchMultipleValuePolicy:
    'StringMatch match value must have exactly one of the following: exact, regex, prefix',
  invalidStringMatchMissedValuePolicy:
    'StringMatch value missed, match value must have one of the following: exact, regex, prefix',
  invalidSetHeaderRouteAlbValuePolicy:
    "SetHeaderRoute match value invalid. ALB supports 'exact' value only",
  invalidDuration: 'Duration needs to be greater than 0',
  invalidMaxSurgeMaxUnavailable: 'MaxSurge and MaxUnavailable both can not be zero',
  invalidStep:
    'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause',
  invalidStrategy: 'Multiple Strategies can not be listed',
  duplicatedServicesBlueGreen:
    'This rollout uses the same service for the active and preview services, but two different services are required.',
  duplicatedServicesCanary:
    'This rollout uses the same service for the stable and canary services, but two different services are required.',
  invalidAntiAffinityStrategy: 'AntiAffinity must have exactly one strategy listed',
  invalidAntiAffinityWeight: 'AntiAffinity weight must be between 1-100',
  scaleDownLimitLargerThanRevisionLimit:
    "This rollout's revision history limit can not be smaller than the rollout's scale down limit",
  invalidTrafficRouting: 'Canary service and Stable service must to be set to use Traffic Routing',
  invalidAnalysisArgs:
    'Analyses arguments must refer to valid object metadata supported by downwardAPI',
  invalidCanaryScaleDownDelay: 'Canary scaleDownDelaySeconds can only be used with traffic routing',
  invalidCanaryDynamicStableScale:
    'Canary dynamicStableScale can only be used with traffic routing',
  invalidCanaryDynamicStableScaleWithScaleDownDelay:
    'Canary dynamicStableScale cannot be used with scaleDownDelaySeconds',
  invalidCanaryMaxWeightOnlySupportInNginxAndPlugins:
    'Canary maxTrafficWeight in traffic routing only support in Nginx and Plugins',
  invalidPingPongProvided: 'Ping service and Pong service must to be set to use Ping-Pong feature',
  duplicatedPingPongServices:
    'This rollout uses the same service for the ping and pong services, but two different services are required.',
  missedAlbRootService:
    'Root service field is required for the configuration with ALB and ping-pong feature enabled',
  pingPongWithAlbOnly: 'Ping-pong feature works with the ALB traffic routing only',
  stepRouteNotInManagedRoutes:
    'Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes',
  experimentWeightWithoutTrafficRouting:
    'Experiment template weight cannot be set unless TrafficRouting is enabled',
  experimentWeightUnsupportedRouter:
    'Experiment template weight is only available for TrafficRouting with SMI, ALB, and Istio at this time',
} as const;

/** missingFieldMessage renders Argo's MissingFieldMessage: `Rollout has missing field '<f>'`. */
export function missingFieldMessage(fieldName: string): string {
  return `Rollout has missing field '${fieldName}'`;
}

/** invalidSetWeightMessage renders Argo's InvalidSetWeightMessage for the effective max weight. */
export function invalidSetWeightMessage(maxWeight: number): string {
  return `SetWeight needs to be between 0 and ${maxWeight}`;
}
