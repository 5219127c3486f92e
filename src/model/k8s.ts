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
