/**
 * Public surface of the fake cluster (src/cluster). Import from here, never from a sibling file.
 * Rule: explicit named exports only (architecture.md §2.5).
 */
export type { ClusterClient, PatchOptions } from './client';
export { createFakeCluster, DEFAULT_CLUSTER_CONFIG, DEFAULT_IMAGE_BEHAVIOUR } from './cluster';
export type { ClusterConfig, FakeCluster, FakeClusterOptions, RevisionOrHash } from './cluster';
export { cloneJson, deepFreeze, diffJson, jsonEqual, mergePatch } from './json';
export { createPodLifecycle, podIPFromIndex } from './podLifecycle';
export type { PodLifecycle, PodLifecycleOptions } from './podLifecycle';
export {
  BACKOFF_INITIAL_MS,
  BACKOFF_MAX_MS,
  IMAGE_PULL_ERROR_MS,
  POD_STAGES,
  READINESS_LOSS_MS,
  backOffMs,
  forcePodReady,
  isPodReady,
  isTerminating,
  isUnpullable,
  podDisplayStatus,
  podRestarts,
  pullShareMs,
  readinessShareMs,
  selectStage,
} from './podStages';
export type { ImageBehaviour, PodStage, StageContext, StageDelay } from './podStages';
export { CLUSTER_RNG_STREAMS, rngStream } from './ports';
export type { ClusterClock, ClusterRng, ClusterRngStreams } from './ports';
export {
  POD_DELETION_COST,
  calculateReplicaSetStatus,
  compareActivePods,
  controllerOf,
  createReplicaSetController,
  isPodActive,
  isPodAvailable,
} from './replicaSetController';
export type { ReplicaSetController, ReplicaSetControllerOptions } from './replicaSetController';
export { isEmptySelector, isLabelSelector, matchesSelector } from './selectors';
export {
  MANAGED_BY_ROLLOUTS,
  ROLLOUTS_POD_TEMPLATE_HASH,
  createEndpointsController,
  endpointsForService,
  removeServiceSelectorHash,
  setServiceSelectorHash,
} from './services';
export type { EndpointsController } from './services';
export { ClusterError, createObjectStore, objectKey } from './store';
export type { ClusterErrorCode, ObjectStore, ObjectStoreOptions } from './store';
export { DEFAULT_EPOCH_MS, parseRfc3339, rfc3339 } from './time';
export type {
  ClusterAction,
  ClusterVerb,
  DeleteOptions,
  EndpointAddress,
  EndpointPort,
  Endpoints,
  FieldChange,
  KindMap,
  KubeObject,
  LabelSelector,
  LabelSelectorRequirement,
  ListOptions,
  ObjectOfKind,
  SelectorLike,
  Unsubscribe,
  WatchEvent,
  WatchEventType,
  WatchHandler,
} from './types';
