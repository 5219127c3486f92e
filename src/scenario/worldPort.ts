/**
 * WorldPort: the narrow interface the script runner drives. createWorld (the composition root)
 * implements it over the virtual clock, fake cluster and controller actors; tests use fakes.
 * Argo counterpart: the e2e fixture's `When()` verbs. Rule: synchronous, virtual time only.
 */
import type { ObjectMeta } from '../model';
import type { MetricOutcome, PlainObject, VersionBehaviour } from './types';

/**
 * KubeObject is any Kubernetes-shaped object as plain JSON (Rollout, ReplicaSet, Pod, Service,
 * AnalysisRun …). Conditions and `--json` records are computed from these only.
 */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly [field: string]: unknown;
}

/**
 * RolloutAction is a user action on one rollout: the kubectl argo rollouts commands of the
 * scenario-format table. `updateSpec` without a patch forces a new revision by changing a
 * pod-template annotation; with a patch it applies a JSON merge patch to the Rollout.
 */
export type RolloutAction =
  | { readonly kind: 'promote' }
  | { readonly kind: 'promoteFull' }
  | { readonly kind: 'abort' }
  | { readonly kind: 'retry' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'undo'; readonly toRevision?: number }
  | { readonly kind: 'setImage'; readonly image: string; readonly container?: string }
  | { readonly kind: 'scale'; readonly replicas: number }
  | { readonly kind: 'updateSpec'; readonly patch?: PlainObject };

/** RolloutActionKind is the `kind` of a RolloutAction. */
export type RolloutActionKind = RolloutAction['kind'];

/**
 * WorldPort is what runScript needs from a simulated world. Every method is synchronous and
 * deterministic; time moves only through advanceTo.
 */
export interface WorldPort {
  /** now returns virtual milliseconds since the start of the run. */
  now(): number;
  /** objects returns the current Kubernetes-shaped objects (plain JSON). */
  objects(): readonly KubeObject[];
  /** apply creates or replaces objects, like `kubectl apply`. */
  apply(objects: readonly KubeObject[]): void;
  /** act performs a user action on a rollout (default: the only Rollout). */
  act(action: RolloutAction, rollout?: string): void;
  /** setVersion changes how an image behaves from now on (given fields only). */
  setVersion(image: string, behaviour: Partial<VersionBehaviour>): void;
  /** killPods deletes `count` pods of a revision; their ReplicaSet recreates them. */
  killPods(revision: number, count: number, rollout?: string): void;
  /** setMetric changes a metric's scripted outcome for measurements that start from now on. */
  setMetric(metric: string, outcome: MetricOutcome): void;
  /** advanceTo steps the clock to `t`, firing every timer due on the way (fake-timers `tick`). */
  advanceTo(t: number): void;
  /** nextEventAt returns the due time of the next pending timer, or undefined when idle. */
  nextEventAt(): number | undefined;
  /** settle lets the controller observe the last change: it reconciles at this instant. */
  settle(): void;
  /** errorRate returns the share of failed requests over the last `windowMs`, undefined without traffic. */
  errorRate(windowMs: number): number | undefined;
  /** rolloutChanges drains the world's own list of rollout change records. */
  rolloutChanges(): readonly unknown[];
}
