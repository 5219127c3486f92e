/**
 * The view-model shapes shared by the CLI tree, the store and live mode.
 * Mirrors the Argo dashboard's `RolloutInfo` message (pkg/apiclient/rollout/rollout.proto), which
 * the kubectl plugin's info package fills. Plain JSON: no functions, no class instances.
 */
import type { AnalysisRun, CanaryStepYaml } from '../model/k8s';

/** `InfoObjectMeta` is the slice of `metadata` the view model keeps for each object. */
export interface InfoObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  /** RFC 3339 text, as in the object. */
  readonly creationTimestamp?: string;
  readonly resourceVersion?: string;
}

/** `PodInfo` is one pod row: kubectl's status string, its icon, `ready` as "x/y" and restarts. */
export interface PodInfo {
  readonly objectMeta: InfoObjectMeta;
  /** kubectl-style age at the instant the info was built (`7d`, `45s`). */
  readonly age: string;
  readonly status: string;
  readonly icon: string;
  readonly ready: string;
  readonly restarts: number;
}

/** `ReplicaSetInfo` is one ReplicaSet with its health, its roles for the rollout and its pods. */
export interface ReplicaSetInfo {
  readonly objectMeta: InfoObjectMeta;
  readonly age: string;
  /** `Progressing`, `Healthy`, `ScaledDown` or `ReplicaFailure`. */
  readonly status: string;
  readonly icon: string;
  /** The `rollout.argoproj.io/revision` annotation, 0 when absent. */
  readonly revision: number;
  readonly stable: boolean;
  readonly canary: boolean;
  readonly active: boolean;
  readonly preview: boolean;
  readonly ping: boolean;
  readonly pong: boolean;
  /** `status.replicas`. */
  readonly replicas: number;
  /** `status.availableReplicas`. */
  readonly available: number;
  /** Experiment template name (`experiment.argoproj.io/template-name`), or ''. */
  readonly template: string;
  /** The raw `scale-down-deadline` annotation, or ''. */
  readonly scaleDownDeadline: string;
  /** What the plugin prints after `delay:`: a human duration, `passed`, or '' when unreadable. */
  readonly scaleDownDelay: string;
  readonly description: string;
  readonly images: readonly string[];
  readonly initContainerImages: readonly string[];
  /** Oldest first, ties by name. */
  readonly pods: readonly PodInfo[];
}

/** `JobInfo` is a Job the analysis run started, read from a measurement's `job-name` metadata. */
export interface JobInfo {
  readonly objectMeta: InfoObjectMeta;
  readonly age: string;
  readonly status: string;
  readonly icon: string;
  readonly startedAt?: string;
}

/** `NonJobInfo` is one measurement of a non-Job provider (value, phase, start). */
export interface NonJobInfo {
  readonly value?: string;
  readonly status: string;
  readonly startedAt?: string;
}

/** `AnalysisRunInfo` is one AnalysisRun with its measurement counts and Jobs. */
export interface AnalysisRunInfo {
  readonly objectMeta: InfoObjectMeta;
  readonly age: string;
  readonly status: string;
  readonly icon: string;
  readonly revision: number;
  readonly successful: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly error: number;
  /** The first metric's settings, as the dashboard shows them. */
  readonly successCondition: string;
  readonly count: number;
  readonly inconclusiveLimit: number;
  readonly failureLimit: number;
  readonly jobs: readonly JobInfo[];
  readonly nonJobInfo: readonly NonJobInfo[];
  /** The run's full spec and status, which the dashboard's charts read. */
  readonly specAndStatus: {
    readonly spec: AnalysisRun['spec'];
    readonly status?: AnalysisRun['status'];
  };
}

/** `ExperimentInfo` is one Experiment with its own ReplicaSets and AnalysisRuns. */
export interface ExperimentInfo {
  readonly objectMeta: InfoObjectMeta;
  readonly age: string;
  readonly status: string;
  readonly icon: string;
  readonly message: string;
  readonly revision: number;
  readonly replicaSets: readonly ReplicaSetInfo[];
  readonly analysisRuns: readonly AnalysisRunInfo[];
}

/** `ContainerInfo` is a container of the rollout's pod template. */
export interface ContainerInfo {
  readonly name: string;
  readonly image: string;
}

/** `ImageInfo` is a running image and the roles running it (`canary`, `stable`, `Σ:<template>`…). */
export interface ImageInfo {
  readonly image: string;
  readonly tags: readonly string[];
}

/** `RolloutInfo` is the one view model of a rollout (the dashboard's `RolloutInfo`). */
export interface RolloutInfo {
  readonly objectMeta: InfoObjectMeta;
  readonly age: string;
  /** The phase: `Progressing`, `Paused`, `Healthy`, `Degraded` (or whatever status.phase says). */
  readonly status: string;
  readonly message: string;
  readonly icon: string;
  /** `Canary`, `BlueGreen`, or '' when neither strategy is set. */
  readonly strategy: string;
  /** `i/n`, or '' when the step index is unset or there are no steps. */
  readonly step: string;
  /** Canary only (else ''): the desired weight, as text. */
  readonly setWeight: string;
  /** Canary only (else ''): the observed weight, as text. */
  readonly actualWeight: string;
  readonly ready: number;
  readonly current: number;
  readonly desired: number;
  readonly updated: number;
  readonly available: number;
  /** `status.restartedAt`, or `Never`. */
  readonly restartedAt: string;
  /** `status.observedGeneration`. */
  readonly generation: string;
  readonly containers: readonly ContainerInfo[];
  readonly initContainers: readonly ContainerInfo[];
  /** The canary steps, present once the rollout has a step index. */
  readonly steps: readonly CanaryStepYaml[];
  /** Newest revision first, ties by name. */
  readonly replicaSets: readonly ReplicaSetInfo[];
  readonly experiments: readonly ExperimentInfo[];
  readonly analysisRuns: readonly AnalysisRunInfo[];
}
