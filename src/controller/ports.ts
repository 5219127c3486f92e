/**
 * What the controller needs from the world, as ports (architecture.md section 2, rule 3): a
 * Kubernetes-like client over plain JSON objects, the virtual clock, hashing, validation and the
 * traffic routers. The scenario wires fakes in; tests wire their own. Rule: synchronous only.
 */
import type { TrafficRouter } from '../traffic';

/** Any Kubernetes-shaped object, as in YAML. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: {
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
    }[];
    creationTimestamp?: string;
    deletionTimestamp?: string;
    [key: string]: unknown;
  };
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

/** The cluster as the controller sees it: list, get, create, update, merge-patch, delete. */
export interface ControllerClient {
  get(kind: string, namespace: string, name: string): KubeObject | undefined;
  list(kind: string, namespace: string): KubeObject[];
  create(obj: KubeObject): KubeObject;
  update(obj: KubeObject): KubeObject;
  /** RFC 7386 JSON merge patch; `subresource: 'status'` patches only the status. */
  patch(
    kind: string,
    namespace: string,
    name: string,
    patch: unknown,
    subresource?: 'status',
  ): KubeObject;
  delete(kind: string, namespace: string, name: string): void;
}

/** A Kubernetes event the controller records (reason and message verbatim from Argo). */
export interface RecordedEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

export interface ControllerPorts {
  readonly client: ControllerClient;
  /** Current virtual time as epoch milliseconds. */
  nowMs(): number;
  /** Pod-template hash of a template (Argo's ComputeHash). */
  hashPodTemplate(template: unknown, collisionCount?: number): string;
  /** Hash of the canary steps (Argo's ComputeStepHash). */
  hashSteps(steps: unknown): string;
  /** Argo's validation of one Rollout: the first field error as `path: Invalid value: v: msg`, or undefined. */
  validateRollout(rollout: KubeObject): string | undefined;
  /** The traffic routers configured for a rollout (none for a basic canary). */
  routersFor(rollout: KubeObject): readonly TrafficRouter[];
}
