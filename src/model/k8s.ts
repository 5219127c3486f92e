/**
 * Kubernetes-shaped object types, exactly as they appear in YAML.
 * Generated upstream: @kubernetes-models/argo-rollouts is generated from Argo Rollouts' Go types
 * (pkg/apis/rollouts/v1alpha1) and kubernetes-models from the Kubernetes OpenAPI spec; nothing here
 * is retyped by hand. Rule: type-only re-exports, so importing this module costs nothing at run time.
 */
export type { IRollout as Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
export type { IRolloutSpec as RolloutSpec } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutSpec';
export type { IRolloutStatus as RolloutStatus } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutStatus';
export type { ICanaryStrategy as CanaryStrategy } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/CanaryStrategy';
export type { IBlueGreenStrategy as BlueGreenStrategy } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/BlueGreenStrategy';
export type { ICanaryStep as CanaryStepYaml } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/CanaryStep';
export type { ITrafficWeights as TrafficWeights } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/TrafficWeights';
export type { IAnalysisTemplate as AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
export type { IClusterAnalysisTemplate as ClusterAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/ClusterAnalysisTemplate';
export type { IAnalysisRun as AnalysisRun } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisRun';
export type { IExperiment as Experiment } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Experiment';
export type { IReplicaSet as ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
export type { IDeployment as Deployment } from 'kubernetes-models/apps/v1/Deployment';
export type { IPod as Pod } from 'kubernetes-models/v1/Pod';
export type { IService as Service } from 'kubernetes-models/v1/Service';
export type { ISecret as Secret } from 'kubernetes-models/v1/Secret';
export type { IConfigMap as ConfigMap } from 'kubernetes-models/v1/ConfigMap';
export type { IIngress as Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
export type { IPodTemplateSpec as PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
export type { IObjectMeta as ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
export type { IMetric as Metric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Metric';
export type { IMetricProvider as MetricProviderYaml } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/MetricProvider';
export type { IRolloutTrafficRouting as RolloutTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutTrafficRouting';
export type { IRolloutAnalysis as RolloutAnalysis } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutAnalysis';
export type { IRolloutAnalysisBackground as RolloutAnalysisBackground } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutAnalysisBackground';
export type { IRolloutExperimentStep as RolloutExperimentStep } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutExperimentStep';
export type { IAnalysisTemplateSpec as AnalysisTemplateSpec } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplateSpec';
export type { IExperimentSpec as ExperimentSpec } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/ExperimentSpec';
export type { INginxTrafficRouting as NginxTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/NginxTrafficRouting';
export type { IALBTrafficRouting as ALBTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/ALBTrafficRouting';
export type { IIstioTrafficRouting as IstioTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/IstioTrafficRouting';
export type { ISMITrafficRouting as SMITrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/SMITrafficRouting';
export type { ITraefikTrafficRouting as TraefikTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/TraefikTrafficRouting';
export type { IApisixTrafficRouting as ApisixTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/ApisixTrafficRouting';
export type { IAppMeshTrafficRouting as AppMeshTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AppMeshTrafficRouting';
export type { IAmbassadorTrafficRouting as AmbassadorTrafficRouting } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AmbassadorTrafficRouting';
export type { IHeaderRoutingMatch as HeaderRoutingMatch } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/HeaderRoutingMatch';
export type { IRouteMatch as RouteMatch } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RouteMatch';
export type { IAnalysisRunArgument as AnalysisRunArgument } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisRunArgument';
export type { IAnalysisTemplateRef as AnalysisTemplateRef } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplateRef';
export type { IPrometheusMetric as PrometheusMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/PrometheusMetric';
export type { IJobMetric as JobMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/JobMetric';
export type { IWebMetric as WebMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/WebMetric';
export type { IDatadogMetric as DatadogMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/DatadogMetric';
export type { INewRelicMetric as NewRelicMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/NewRelicMetric';
export type { IWavefrontMetric as WavefrontMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/WavefrontMetric';
export type { IGraphiteMetric as GraphiteMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/GraphiteMetric';
export type { IInfluxdbMetric as InfluxdbMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/InfluxdbMetric';
export type { IKayentaMetric as KayentaMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/KayentaMetric';
export type { ICloudWatchMetric as CloudWatchMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/CloudWatchMetric';
export type { ISkyWalkingMetric as SkyWalkingMetric } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/SkyWalkingMetric';
export type { IPingPongSpec as PingPongSpec } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/PingPongSpec';
export type { IAntiAffinity as AntiAffinity } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AntiAffinity';
export type { IPodTemplateMetadata as PodTemplateMetadata } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/PodTemplateMetadata';
export type { IReplicaProgressThreshold as ReplicaProgressThreshold } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/ReplicaProgressThreshold';
export type { IMeasurementRetention as MeasurementRetention } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/MeasurementRetention';
export type { IDryRun as DryRun } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/DryRun';
export type { IAnalysisRunMetadata as AnalysisRunMetadata } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisRunMetadata';
export type { IRolloutExperimentTemplate as RolloutExperimentTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutExperimentTemplate';
export type { IRolloutExperimentStepAnalysisTemplateRef as RolloutExperimentStepAnalysisTemplateRef } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/RolloutExperimentStepAnalysisTemplateRef';
export type { IObjectRef as ObjectRef } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/ObjectRef';
