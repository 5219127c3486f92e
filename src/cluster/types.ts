/**
 * Shapes shared by the fake cluster and its ports: objects, watch events, action-log entries.
 * Counterparts: k8s.io/apimachinery `watch.Event`, client-go `testing.Action`. Rule: plain JSON
 * only (no classes, no functions), so every value here can be snapshotted and replayed.
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  ConfigMap,
  Deployment,
  Experiment,
  Ingress,
  ObjectMeta,
  Pod,
  ReplicaSet,
  Rollout,
  Secret,
  Service,
} from '../model/k8s';

/** KubeObject is any Kubernetes-shaped object: `{apiVersion, kind, metadata, ...}` as in YAML. */
export interface KubeObject {
  apiVersion?: string;
  kind: string;
  metadata?: ObjectMeta;
}

/** EndpointAddress is one address of an {@link Endpoints} subset (core/v1 `EndpointAddress`). */
export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace: string; name: string; uid: string };
}

/** EndpointPort is one port of an {@link Endpoints} subset (core/v1 `EndpointPort`). */
export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: string;
}

/** Endpoints is core/v1 `Endpoints`: the pod addresses behind a Service, written by the cluster. */
export interface Endpoints {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata?: ObjectMeta;
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: EndpointPort[];
  }[];
}

/** KindMap maps the kinds the simulator knows to their object types. */
export interface KindMap {
  Pod: Pod;
  ReplicaSet: ReplicaSet;
  Deployment: Deployment;
  Service: Service;
  Endpoints: Endpoints;
  Rollout: Rollout;
  AnalysisRun: AnalysisRun;
  AnalysisTemplate: AnalysisTemplate;
  Experiment: Experiment;
  Ingress: Ingress;
  ConfigMap: ConfigMap;
  Secret: Secret;
}

/** ObjectOfKind is the object type of kind `K`, or {@link KubeObject} for kinds not in {@link KindMap}. */
export type ObjectOfKind<K extends string> = K extends keyof KindMap ? KindMap[K] : KubeObject;

/** LabelSelectorRequirement is one `matchExpressions` entry of a metav1 `LabelSelector`. */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | (string & {});
  values?: string[];
}

/** LabelSelector is metav1 `LabelSelector` (ReplicaSet, Deployment and Rollout `spec.selector`). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * SelectorLike is either a metav1 {@link LabelSelector} or a Service-style plain map
 * (`spec.selector: {app: web}`), told apart by their values: a plain map holds only strings.
 */
export type SelectorLike = LabelSelector | Readonly<Record<string, string>>;

/** ListOptions narrows `list`: a namespace and/or a label selector. */
export interface ListOptions {
  /** namespace restricts the list to one namespace; omitted means all namespaces. */
  namespace?: string;
  /** labelSelector keeps objects whose labels match; omitted means every object. */
  labelSelector?: SelectorLike;
}

/** DeleteOptions tunes `delete`. */
export interface DeleteOptions {
  /**
   * gracePeriodMs > 0 makes the deletion graceful: the object gets `metadata.deletionTimestamp`
   * (= now + grace) and `deletionGracePeriodSeconds`, stays visible as Terminating, and is removed
   * when the grace period ends. 0 or omitted removes it at once.
   */
  gracePeriodMs?: number;
}

/** WatchEventType is the type of a {@link WatchEvent}, as in k8s.io/apimachinery `watch.EventType`. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** WatchEvent is one change delivered to a watcher. `object` is frozen: clone it before editing. */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
}

/** WatchHandler receives {@link WatchEvent}s synchronously, in mutation order. */
export type WatchHandler = (event: WatchEvent) => void;

/** Unsubscribe stops a watch; calling it twice is harmless. */
export type Unsubscribe = () => void;

/** FieldChange is one changed leaf field; `from`/`to` are omitted where the field is absent. */
export interface FieldChange {
  /** path is JS-style: `spec.replicas`, `status.conditions[0].status`, `metadata.labels["a/b"]`. */
  path: string;
  from?: unknown;
  to?: unknown;
}

/** ClusterVerb is the verb of a {@link ClusterAction}, as client-go's fake clientset records it. */
export type ClusterVerb = 'create' | 'update' | 'patch' | 'delete';

/**
 * ClusterAction is one entry of the action log: who changed what, when, and how. Like client-go's
 * `testing.Action` behind Argo's `expectPatchRolloutAction`, it lets tests assert on writes.
 */
export interface ClusterAction {
  /** seq numbers actions from 1, in the order they happened. */
  seq: number;
  /** t is the virtual time (ms) of the mutation. */
  t: number;
  verb: ClusterVerb;
  kind: string;
  namespace: string;
  name: string;
  /** subresource is `'status'` for status writes (`updateStatus`, status patches). */
  subresource?: 'status';
  /** resourceVersion is the object's resourceVersion after the write ('' once removed). */
  resourceVersion: string;
  /**
   * diff lists changed leaf fields (resourceVersion excluded). A create lists every leaf of the
   * new object; the final removal of a delete lists none; a graceful delete lists the deletion
   * fields it sets.
   */
  diff: FieldChange[];
}
