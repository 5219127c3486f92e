/**
 * The one interface the analysis engine knows for metric providers (architecture.md section 7).
 * Mirrors metric/provider.go (Run / Resume / Terminate) with Flagger's small size; latency is data,
 * not a Promise, so the virtual clock can schedule it. Rule: synchronous, no I/O, no wall time.
 */
import type { MetricProvider, MetricProviderKind, MetricSpec } from '../model';

/** A value a provider returns, in the same shape Argo's provider gives for that kind. */
export type MetricValue = unknown;

/** Provider state kept between start and resume (plain JSON, so runs can be saved and scrubbed). */
export type InFlight = Readonly<Record<string, unknown>>;

/** One step of one measurement. */
export type MeasureStep =
  | {
      readonly status: 'done';
      readonly value: MetricValue;
      readonly metadata?: Readonly<Record<string, string>>;
      /**
       * Set only by providers that decide the phase themselves (Job, Kayenta; Argo ignores the
       * conditions for them). Absent: the phase comes from evaluating the conditions on `value`.
       */
      readonly phase?: 'Successful' | 'Failed' | 'Inconclusive';
      /** A message for the measurement (e.g. why a Job ended Inconclusive). */
      readonly message?: string;
    }
  | {
      readonly status: 'inFlight';
      readonly inFlight: InFlight;
      readonly resumeAfterMs: number;
      /**
       * The measurement carries no resumeAt (Argo's Job provider sets none: the Job informer wakes
       * the run when the Job changes, and every pass resumes it, or terminates it). The run still
       * wakes after resumeAfterMs, standing in for that informer event.
       */
      readonly wakeOnly?: boolean;
      readonly metadata?: Readonly<Record<string, string>>;
    }
  | {
      readonly status: 'error';
      readonly message: string;
      readonly metadata?: Readonly<Record<string, string>>;
    };

/** A deterministic source of random numbers (src/sim's Rng satisfies it). */
export interface MetricRng {
  next(): number;
}

/** One labelled time series sample set, as a real TSDB would hold it. */
export interface SeriesSample {
  readonly labels: Readonly<Record<string, string>>;
  /** [virtual ms, value] pairs, oldest first. */
  readonly points: readonly (readonly [number, number])[];
}

/**
 * The read-only telemetry a provider may query: the simulated time series (counters and
 * histograms named as a real cluster would have them) and, for Web/Job providers, the world.
 */
export interface SignalView {
  /** Series whose name is `name` (e.g. `http_requests_total`), all label sets. */
  series(name: string): readonly SeriesSample[];
  /** Names of all series present. */
  seriesNames(): readonly string[];
  /** HTTP GET against a simulated in-cluster URL (`http://<svc>.<ns>.svc/...`), or undefined when not in the world. */
  httpGet?(
    url: string,
    headers: Readonly<Record<string, string>>,
  ): { status: number; body: string } | undefined;
  /**
   * How a Job pod running `image` ends (scenario `versions:` exitCode / runFor / imagePullError),
   * for the Job provider. Absent, or undefined for an image: exit 0 at once.
   */
  jobOutcome?(image: string): JobOutcome | undefined;
}

/** How a Job's pod ends: its exit code after `runForMs`, or an image that cannot be pulled. */
export interface JobOutcome {
  readonly exitCode: number;
  readonly runForMs: number;
  readonly imagePullError?: boolean;
}

export interface MeasureEnv {
  /** Current virtual time (ms since the world started). */
  readonly now: number;
  readonly rng: MetricRng;
  readonly signals: SignalView;
  readonly args: Readonly<Record<string, string>>;
  /** Namespace of the AnalysisRun. */
  readonly namespace: string;
  /** Name of the AnalysisRun. */
  readonly runName: string;
  /** The AnalysisRun's uid (the Job provider names its Jobs after it); runName when it has none. */
  readonly runUid?: string;
  /**
   * Measurements this metric has counted so far (its result's count + error): the Job provider's
   * Job for a new measurement is `<run uid>.<metric>.<taken + 1>`.
   */
  readonly measurementsTaken?: number;
}

/** The provider-specific config of a metric of kind K. */
export type MetricOf<K extends MetricProviderKind> = MetricSpec & {
  readonly provider: Extract<MetricProvider, { kind: K }>;
};

export interface MetricProviderImpl<K extends MetricProviderKind = MetricProviderKind> {
  readonly kind: K;
  /** Starts one measurement. Never blocks: finishes now or says when to look again. */
  start(metric: MetricOf<K>, env: MeasureEnv): MeasureStep;
  /** Continues an in-flight measurement (Job-like providers). */
  resume(metric: MetricOf<K>, inFlight: InFlight, env: MeasureEnv): MeasureStep;
  /** Stops an in-flight measurement because the run was terminated. */
  terminate(metric: MetricOf<K>, inFlight: InFlight, env: MeasureEnv): MeasureStep;
}
