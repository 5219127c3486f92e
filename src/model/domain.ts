/**
 * Normalised domain types the simulator's engine uses: one-of YAML structs become unions keyed by
 * `kind`, durations become VirtualMs, int-or-percent values are parsed, defaults are applied.
 * Argo counterpart: the controller's view of v1alpha1.Rollout after utils/defaults. Rule: plain
 * data only; deep provider/router settings keep their CRD shape in `config` (from k8s.ts).
 */
import type { AbortScaleDownDelay } from './defaults';
import type { IntOrPercent } from './intOrPercent';
import type {
  ALBTrafficRouting,
  AmbassadorTrafficRouting,
  AnalysisRunArgument,
  AnalysisRunMetadata,
  AntiAffinity,
  ApisixTrafficRouting,
  AppMeshTrafficRouting,
  CloudWatchMetric,
  DatadogMetric,
  DryRun,
  GraphiteMetric,
  HeaderRoutingMatch,
  InfluxdbMetric,
  IstioTrafficRouting,
  JobMetric,
  KayentaMetric,
  MeasurementRetention,
  NewRelicMetric,
  NginxTrafficRouting,
  ObjectRef,
  PingPongSpec,
  PodTemplateMetadata,
  PodTemplateSpec,
  PrometheusMetric,
  ReplicaProgressThreshold,
  RolloutExperimentStepAnalysisTemplateRef,
  RolloutExperimentTemplate,
  RouteMatch,
  SMITrafficRouting,
  SkyWalkingMetric,
  TraefikTrafficRouting,
  WavefrontMetric,
  WebMetric,
} from './k8s';
import type { ReplicaCount, VirtualMs, Weight } from './units';

/** AnalysisTemplateReference names one (Cluster)AnalysisTemplate. */
export interface AnalysisTemplateReference {
  readonly templateName: string;
  readonly clusterScope: boolean;
}

/** AnalysisSpec is a rollout's request for an AnalysisRun (step, background, pre/post promotion). */
export interface AnalysisSpec {
  readonly templates: readonly AnalysisTemplateReference[];
  readonly args: readonly AnalysisRunArgument[];
  readonly dryRun: readonly DryRun[];
  readonly measurementRetention: readonly MeasurementRetention[];
  readonly analysisRunMetadata?: AnalysisRunMetadata;
}

/** BackgroundAnalysisSpec is canary.analysis: an AnalysisSpec that starts at `startingStep`. */
export interface BackgroundAnalysisSpec extends AnalysisSpec {
  readonly startingStep: number;
}

/** ExperimentStepSpec is an `experiment` step with its duration parsed. */
export interface ExperimentStepSpec {
  readonly templates: readonly RolloutExperimentTemplate[];
  readonly analyses: readonly RolloutExperimentStepAnalysisTemplateRef[];
  /** Absent = runs until terminated or an analysis fails. */
  readonly durationMs?: VirtualMs;
  /** The duration as written, for event strings. */
  readonly durationText?: string;
  readonly scaleDownDelaySeconds?: number;
  readonly dryRun: readonly DryRun[];
  readonly analysisRunMetadata?: AnalysisRunMetadata;
}

/** CanaryStep is one normalised canary step; exactly one kind per step. */
export type CanaryStep =
  | { readonly kind: 'setWeight'; readonly weight: Weight }
  | {
      readonly kind: 'pause';
      /** Absent = pause until promoted. Whole seconds, as Argo truncates ("1.5s" → 1000). */
      readonly durationMs?: VirtualMs;
      /** The duration as written (`10`, `"1m"`), for the event string `pause: <text>`. */
      readonly durationText?: string;
    }
  | {
      readonly kind: 'setCanaryScale';
      readonly weight?: Weight;
      readonly replicas?: ReplicaCount;
      readonly matchTrafficWeight: boolean;
    }
  | {
      readonly kind: 'setHeaderRoute';
      readonly name: string;
      /** Empty = delete the route. */
      readonly match: readonly HeaderRoutingMatch[];
    }
  | {
      readonly kind: 'setMirrorRoute';
      readonly name: string;
      /** Empty = delete the route. */
      readonly match: readonly RouteMatch[];
      readonly percentage?: number;
    }
  | { readonly kind: 'analysis'; readonly analysis: AnalysisSpec }
  | { readonly kind: 'experiment'; readonly experiment: ExperimentStepSpec }
  | { readonly kind: 'plugin'; readonly name: string; readonly config: unknown };

/** CanaryStepKind is the `kind` of a CanaryStep, which is also its YAML key. */
export type CanaryStepKind = CanaryStep['kind'];

/** GATEWAY_API_PLUGIN is the plugin name Argo's Gateway API traffic router registers under. */
export const GATEWAY_API_PLUGIN = 'argoproj-labs/gatewayAPI';

/** TrafficRouter is one configured traffic router; the CRD sub-object is kept as `config`. */
export type TrafficRouter =
  | { readonly kind: 'nginx'; readonly config: NginxTrafficRouting }
  | { readonly kind: 'alb'; readonly config: ALBTrafficRouting }
  | { readonly kind: 'istio'; readonly config: IstioTrafficRouting }
  | { readonly kind: 'smi'; readonly config: SMITrafficRouting }
  | { readonly kind: 'traefik'; readonly config: TraefikTrafficRouting }
  | { readonly kind: 'apisix'; readonly config: ApisixTrafficRouting }
  | { readonly kind: 'ambassador'; readonly config: AmbassadorTrafficRouting }
  | { readonly kind: 'appMesh'; readonly config: AppMeshTrafficRouting }
  /** The Gateway API plugin (`plugins: {argoproj-labs/gatewayAPI: …}`), singled out for teaching. */
  | { readonly kind: 'gatewayAPI'; readonly name: string; readonly config: unknown }
  | { readonly kind: 'plugin'; readonly name: string; readonly config: unknown };

/** TrafficRouting is canary.trafficRouting: routers (Argo allows several at once) and shared settings. */
export interface TrafficRouting {
  readonly routers: readonly TrafficRouter[];
  /** Default 100. */
  readonly maxTrafficWeight: number;
  /** Names from managedRoutes, in precedence order. */
  readonly managedRoutes: readonly string[];
}

/** MetricProvider is a metric's one provider; the CRD sub-object is kept as `config`. */
export type MetricProvider =
  | { readonly kind: 'prometheus'; readonly config: PrometheusMetric }
  | { readonly kind: 'datadog'; readonly config: DatadogMetric }
  | { readonly kind: 'newRelic'; readonly config: NewRelicMetric }
  | { readonly kind: 'wavefront'; readonly config: WavefrontMetric }
  | { readonly kind: 'graphite'; readonly config: GraphiteMetric }
  | { readonly kind: 'influxdb'; readonly config: InfluxdbMetric }
  | { readonly kind: 'kayenta'; readonly config: KayentaMetric }
  | { readonly kind: 'web'; readonly config: WebMetric }
  | { readonly kind: 'job'; readonly config: JobMetric }
  | { readonly kind: 'cloudWatch'; readonly config: CloudWatchMetric }
  | { readonly kind: 'skywalking'; readonly config: SkyWalkingMetric }
  | { readonly kind: 'plugin'; readonly name: string; readonly config: unknown };

/** MetricProviderKind is the `kind` of a MetricProvider, which is also its YAML key. */
export type MetricProviderKind = MetricProvider['kind'];

/** MetricSpec is one analysis metric after argument substitution, with Argo's defaults applied. */
export interface MetricSpec {
  readonly name: string;
  /** Absent = no repetition. */
  readonly intervalMs?: VirtualMs;
  /** Absent = no initial delay. */
  readonly initialDelayMs?: VirtualMs;
  /** As written (IntValue; 0 when absent): see effectiveCount. */
  readonly count: number;
  /** Effective count (B.4.3): undefined = unbounded. */
  readonly effectiveCount: number | undefined;
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly failureLimit: number;
  readonly inconclusiveLimit: number;
  readonly consecutiveErrorLimit: number;
  readonly consecutiveSuccessLimit: number;
  readonly provider: MetricProvider;
}

/** CanaryStrategy is spec.strategy.canary with defaults applied. */
export interface CanaryStrategy {
  readonly kind: 'canary';
  readonly steps: readonly CanaryStep[];
  readonly maxSurge: IntOrPercent;
  readonly maxUnavailable: IntOrPercent;
  readonly canaryService?: string;
  readonly stableService?: string;
  /** Absent = basic canary (weights approximated with pod counts). */
  readonly trafficRouting?: TrafficRouting;
  /** 30 with traffic routing, 0 (not applicable) without. */
  readonly scaleDownDelaySeconds: number;
  readonly scaleDownDelayRevisionLimit: number;
  readonly abortScaleDownDelay: AbortScaleDownDelay;
  readonly dynamicStableScale: boolean;
  readonly minPodsPerReplicaSet?: number;
  readonly replicaProgressThreshold?: ReplicaProgressThreshold;
  readonly analysis?: BackgroundAnalysisSpec;
  readonly canaryMetadata?: PodTemplateMetadata;
  readonly stableMetadata?: PodTemplateMetadata;
  readonly antiAffinity?: AntiAffinity;
  readonly pingPong?: PingPongSpec;
}

/** BlueGreenStrategy is spec.strategy.blueGreen with defaults applied. */
export interface BlueGreenStrategy {
  readonly kind: 'blueGreen';
  readonly activeService: string;
  readonly previewService?: string;
  /** Absent = preview RS runs at full size. */
  readonly previewReplicaCount?: number;
  readonly autoPromotionEnabled: boolean;
  readonly autoPromotionSeconds: number;
  readonly scaleDownDelaySeconds: number;
  readonly scaleDownDelayRevisionLimit: number;
  readonly abortScaleDownDelay: AbortScaleDownDelay;
  readonly prePromotionAnalysis?: AnalysisSpec;
  readonly postPromotionAnalysis?: AnalysisSpec;
  readonly maxUnavailable: IntOrPercent;
  readonly antiAffinity?: AntiAffinity;
  readonly activeMetadata?: PodTemplateMetadata;
  readonly previewMetadata?: PodTemplateMetadata;
}

/** Strategy is a rollout's deployment strategy. */
export type Strategy = CanaryStrategy | BlueGreenStrategy;

/** RolloutModel is a normalised Rollout spec: every default applied, every unit parsed. */
export interface RolloutModel {
  readonly name: string;
  readonly namespace?: string;
  readonly replicas: ReplicaCount;
  readonly strategy: Strategy;
  readonly minReadySeconds: number;
  readonly progressDeadlineSeconds: number;
  readonly progressDeadlineAbort: boolean;
  readonly revisionHistoryLimit: number;
  readonly paused: boolean;
  readonly successfulRunHistoryLimit: number;
  readonly unsuccessfulRunHistoryLimit: number;
  /** Absent when the rollout uses workloadRef. */
  readonly template?: PodTemplateSpec;
  readonly workloadRef?: ObjectRef;
  /** spec.rollbackWindow.revisions, when set. */
  readonly rollbackWindowRevisions?: number;
}
