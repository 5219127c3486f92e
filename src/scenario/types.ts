/**
 * The normalised, typed form of a scenario file (../shared/design/scenario-format.md): what
 * parseScenario returns and what the runner and createWorld consume. No Argo counterpart (the
 * closest is the e2e fixture's `Given().When().Then()` chain). Rule: plain JSON data, no functions.
 */

/** SCENARIO_KIND is the only accepted value of a scenario file's `kind`. */
export const SCENARIO_KIND = 'Scenario';

/** A plain JSON object as it came out of the YAML (a manifest, a merge patch). */
export type PlainObject = { [key: string]: unknown };

/** LineColumn is a 1-based place in a file. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * ManifestPosition maps one field path inside a manifest (`spec.strategy.canary.steps[0]`, '' for
 * the object itself) to where its value starts in the file.
 */
export interface ManifestPosition {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/**
 * ScenarioManifest is one Kubernetes object given by the scenario, kept raw (the model layer
 * validates it) together with where it came from, so later issues can point into the file.
 */
export interface ScenarioManifest {
  /** The object exactly as written (plain JSON). */
  readonly object: PlainObject;
  /** `kind`, or '' when missing or not a string. */
  readonly kind: string;
  /** `metadata.name`, or '' when missing or not a string. */
  readonly name: string;
  /** The file holding the object: the scenario file, a manifestFiles entry, or an applyFile path. */
  readonly file: string;
  /** Field path of the object inside its file ('manifests[0]', 'script[2].apply[1]'; '' for a document of its own). */
  readonly basePath: string;
  /** Where the object's YAML node starts and ends in `file`. */
  readonly range: { readonly start: LineColumn; readonly end: LineColumn };
  /** Positions of every field of the object, paths relative to the object. */
  readonly positions: readonly ManifestPosition[];
}

/** ClusterSettings are the `cluster:` timings, in virtual milliseconds. */
export interface ClusterSettings {
  /** Pending to Ready (default 2s). */
  readonly podStartupMs: number;
  /** Uniform ± jitter on pod startup from the seeded RNG (default 0). */
  readonly podStartupJitterMs: number;
  /** How long a Terminating pod lingers (default 1s). */
  readonly podTerminationMs: number;
}

/** TrafficHeaderShare is one `traffic.headers` entry: a share of users sending these headers. */
export interface TrafficHeaderShare {
  /** Share of each rollout's offered load, 0..1 (all entries sum to at most 1). */
  readonly share: number;
  /** Headers (name → value) every request of this share carries. */
  readonly set: Readonly<Record<string, string>>;
}

/** TrafficSettings are the `traffic:` settings. */
export interface TrafficSettings {
  /** Offered load through the rollout's services (default 50). */
  readonly requestsPerSecond: number;
  /**
   * Which share of users sends which headers (matched by header and mirror routes); absent when
   * the scenario gives none (every user sends no header).
   */
  readonly headers?: readonly TrafficHeaderShare[];
}

/**
 * VersionBehaviour is how pods running one container image behave. A scenario gives a partial
 * behaviour; DEFAULT_VERSION_BEHAVIOUR fills the rest.
 */
export interface VersionBehaviour {
  /** Share of requests that fail, 0..1. */
  readonly errorRate: number;
  /** Request latency. */
  readonly latencyMs: number;
  /** This image's own Pending-to-Ready time; undefined means `cluster.podStartup`. */
  readonly startupMs?: number;
  /** The container crashes repeatedly (CrashLoopBackOff). */
  readonly crashLoop: boolean;
  /** The container runs but its readiness probe never passes. */
  readonly neverReady: boolean;
  /** The image cannot be pulled (ErrImagePull / ImagePullBackOff). Our extension of the contract. */
  readonly imagePullError: boolean;
  /** For Job pods: the exit code they end with (default 0). */
  readonly exitCode: number;
  /** For Job pods: how long they run before exiting; undefined means at once. */
  readonly runForMs?: number;
}

/** DEFAULT_VERSION_BEHAVIOUR is the behaviour of an image the scenario does not mention: healthy, 50ms. */
export const DEFAULT_VERSION_BEHAVIOUR: VersionBehaviour = {
  errorRate: 0,
  latencyMs: 50,
  crashLoop: false,
  neverReady: false,
  imagePullError: false,
  exitCode: 0,
};

/** The phases a scripted measurement may end in. */
export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** MEASUREMENT_PHASES lists MeasurementPhase values in Argo's order. */
export const MEASUREMENT_PHASES: readonly MeasurementPhase[] = [
  'Successful',
  'Failed',
  'Inconclusive',
  'Error',
];

/**
 * MetricOutcome is a scripted metric outcome (`analysis:` entries and `setMetric`): one value for
 * every measurement, a list consumed in order (the last repeats), or a fixed phase. `afterMs` is
 * when the measurement completes, counted from its start (default 0: at once).
 */
export type MetricOutcome =
  | { readonly kind: 'value'; readonly value: unknown; readonly afterMs: number }
  | { readonly kind: 'values'; readonly values: readonly unknown[]; readonly afterMs: number }
  | { readonly kind: 'phase'; readonly phase: MeasurementPhase; readonly afterMs: number };

/** The rollout phases a `status` condition may name. */
export type RolloutPhase = 'Progressing' | 'Paused' | 'Healthy' | 'Degraded';

/** ROLLOUT_PHASES lists RolloutPhase values. */
export const ROLLOUT_PHASES: readonly RolloutPhase[] = [
  'Progressing',
  'Paused',
  'Healthy',
  'Degraded',
];

/** The AnalysisRun phases a condition may name. */
export type AnalysisPhase =
  'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';

/** ANALYSIS_PHASES lists AnalysisPhase values. */
export const ANALYSIS_PHASES: readonly AnalysisPhase[] = [
  'Pending',
  'Running',
  'Successful',
  'Failed',
  'Error',
  'Inconclusive',
];

/** The kinds of AnalysisRun a rollout creates, as conditions name them. */
export type AnalysisRunKind = 'background' | 'inline' | 'prePromotion' | 'postPromotion';

/** ANALYSIS_RUN_KINDS lists AnalysisRunKind values. */
export const ANALYSIS_RUN_KINDS: readonly AnalysisRunKind[] = [
  'background',
  'inline',
  'prePromotion',
  'postPromotion',
];

/** Condition status strings of Kubernetes conditions. */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** `analysisRun:` condition. */
export interface AnalysisRunCondition {
  readonly kind: AnalysisRunKind;
  readonly phase?: AnalysisPhase;
  readonly count?: number;
}

/** `metric:` condition. */
export interface MetricCondition {
  readonly name: string;
  readonly kind?: AnalysisRunKind;
  readonly phase?: AnalysisPhase;
  readonly measurements?: number;
}

/** `rolloutCondition:` condition. */
export interface RolloutConditionCondition {
  readonly type: string;
  readonly status?: ConditionStatus;
  readonly reason?: string;
}

/** `errorRate:` condition: an exact number, or bounds (`below` and/or `above`, both exclusive). */
export type ErrorRateCondition =
  | { readonly kind: 'equals'; readonly value: number }
  | { readonly kind: 'range'; readonly below?: number; readonly above?: number };

/**
 * Condition is the typed form of a `waitFor` / `expect` body; every given key must hold. Map keys
 * of `revisionPods` and `revisionScaleDownDelay` are canonical revision numbers ("2").
 */
export interface Condition {
  readonly status?: RolloutPhase;
  readonly message?: string;
  readonly step?: number;
  readonly setWeight?: number;
  readonly actualWeight?: number;
  readonly canaryPods?: number;
  readonly stablePods?: number;
  readonly revisionPods?: Readonly<Record<string, number>>;
  readonly replicas?: number;
  readonly availableReplicas?: number;
  readonly readyReplicas?: number;
  readonly updatedReplicas?: number;
  readonly activeRevision?: number;
  readonly previewRevision?: number;
  readonly stableRevision?: number;
  readonly currentRevision?: number;
  readonly canaryWeight?: number;
  readonly stableWeight?: number;
  readonly revisionScaleDownDelay?: Readonly<Record<string, boolean>>;
  readonly abort?: boolean;
  readonly analysisRun?: AnalysisRunCondition;
  readonly metric?: MetricCondition;
  readonly serviceRevision?: Readonly<Record<string, number>>;
  readonly rolloutCondition?: RolloutConditionCondition;
  readonly errorRate?: ErrorRateCondition;
}

/** ConditionKey is one key of Condition. */
export type ConditionKey = keyof Condition;

/** CONDITION_KEYS lists every condition key in the contract's table order (also the check order). */
export const CONDITION_KEYS: readonly ConditionKey[] = [
  'status',
  'message',
  'step',
  'setWeight',
  'actualWeight',
  'canaryPods',
  'stablePods',
  'revisionPods',
  'replicas',
  'availableReplicas',
  'readyReplicas',
  'updatedReplicas',
  'activeRevision',
  'previewRevision',
  'stableRevision',
  'currentRevision',
  'canaryWeight',
  'stableWeight',
  'revisionScaleDownDelay',
  'abort',
  'analysisRun',
  'metric',
  'serviceRevision',
  'rolloutCondition',
  'errorRate',
];

/** Fields every script step carries besides its own. */
interface StepBase {
  /** Index in `script`. */
  readonly index: number;
  /** Where the step starts in the scenario file. */
  readonly line: number;
  readonly column: number;
  /** The step exactly as written (plain JSON), for failure reports. */
  readonly written: unknown;
}

/** Fields of steps that act on a rollout: `rollout: NAME` (default: the only Rollout). */
interface RolloutTarget {
  readonly rollout?: string;
}

/** Actions with no argument besides the optional target rollout. */
export type SimpleActionKind =
  'promote' | 'promoteFull' | 'abort' | 'retry' | 'pause' | 'resume' | 'restart';

/** SIMPLE_ACTION_KINDS lists SimpleActionKind values. */
export const SIMPLE_ACTION_KINDS: readonly SimpleActionKind[] = [
  'promote',
  'promoteFull',
  'abort',
  'retry',
  'pause',
  'resume',
  'restart',
];

/** ScriptStep is one normalised script step, discriminated by `kind` (the step's YAML key). */
export type ScriptStep =
  | (StepBase & { readonly kind: 'apply'; readonly objects: readonly ScenarioManifest[] })
  | (StepBase & {
      readonly kind: 'applyFile';
      /** As written in the step. */
      readonly path: string;
      /** Resolved against the scenario file's folder. */
      readonly resolvedPath: string;
      readonly objects: readonly ScenarioManifest[];
    })
  | (StepBase & RolloutTarget & { readonly kind: 'updateSpec'; readonly patch?: PlainObject })
  | (StepBase &
      RolloutTarget & {
        readonly kind: 'setImage';
        readonly image: string;
        readonly container?: string;
      })
  | (StepBase & RolloutTarget & { readonly kind: 'scale'; readonly replicas: number })
  | (StepBase & RolloutTarget & { readonly kind: SimpleActionKind })
  | (StepBase & RolloutTarget & { readonly kind: 'undo'; readonly toRevision?: number })
  | (StepBase & {
      readonly kind: 'setVersion';
      readonly image: string;
      readonly behaviour: Partial<VersionBehaviour>;
    })
  | (StepBase &
      RolloutTarget & {
        readonly kind: 'killPods';
        readonly revision: number;
        readonly count: number;
      })
  | (StepBase & {
      readonly kind: 'setMetric';
      readonly metric: string;
      readonly outcome: MetricOutcome;
    })
  | (StepBase & { readonly kind: 'wait'; readonly durationMs: number })
  | (StepBase &
      RolloutTarget & {
        readonly kind: 'waitFor';
        readonly condition: Condition;
        readonly timeoutMs: number;
      })
  | (StepBase & RolloutTarget & { readonly kind: 'expect'; readonly condition: Condition });

/** ScriptStepKind is the `kind` of a ScriptStep (the YAML key of a step). */
export type ScriptStepKind = ScriptStep['kind'];

/** DEFAULT_WAIT_FOR_TIMEOUT_MS is `waitFor`'s default timeout: 10 minutes. */
export const DEFAULT_WAIT_FOR_TIMEOUT_MS = 600_000;

/** Scenario is a parsed, validated scenario file with defaults applied and durations in ms. */
export interface Scenario {
  /** The file it was read from, as given to parseScenario. */
  readonly file: string;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  /** Default 1. */
  readonly seed: number;
  /** Default "default". */
  readonly namespace: string;
  /** `manifests:` objects first, then each `manifestFiles` entry's documents, in order. */
  readonly manifests: readonly ScenarioManifest[];
  /** The `manifestFiles` entries as written. */
  readonly manifestFiles: readonly string[];
  readonly cluster: ClusterSettings;
  readonly traffic: TrafficSettings;
  /** Image → the behaviour fields the scenario gave (see DEFAULT_VERSION_BEHAVIOUR for the rest). */
  readonly versions: Readonly<Record<string, Partial<VersionBehaviour>>>;
  /** Metric name → scripted outcome. */
  readonly analysis: Readonly<Record<string, MetricOutcome>>;
  readonly script: readonly ScriptStep[];
}
