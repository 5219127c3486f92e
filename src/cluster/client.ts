/**
 * ClusterClient: the port through which the rollout controller and traffic routers talk to a cluster,
 * the fake one here or (later) a real one. Counterpart: client-go's typed clientsets + informers.
 * Rule: synchronous, plain JSON in and out; reads return copies the caller may edit.
 */
import type {
  DeleteOptions,
  KubeObject,
  ListOptions,
  ObjectOfKind,
  Unsubscribe,
  WatchHandler,
} from './types';

/** PatchOptions tunes `patch`. */
export interface PatchOptions {
  /** subresource `'status'` applies the patch to `.status` only (and leaves generation alone). */
  subresource?: 'status';
}

/** ClusterClient is the narrow cluster API the controller and routers depend on. */
export interface ClusterClient {
  /** get returns a copy of the object, or undefined when it does not exist. */
  get<K extends string>(kind: K, namespace: string, name: string): ObjectOfKind<K> | undefined;
  /** list returns copies of the matching objects, sorted by namespace then name. */
  list<K extends string>(kind: K, options?: ListOptions): ObjectOfKind<K>[];
  /**
   * create stores a new object (filling uid, resourceVersion, creationTimestamp, generation and,
   * from `generateName`, the name) and returns the stored copy.
   * @throws ClusterError `AlreadyExists`.
   */
  create<T extends KubeObject>(object: T): T;
  /**
   * update replaces an object. A status it carries replaces the stored one; an object without
   * `status` keeps the stored status. A stale `metadata.resourceVersion` is rejected, as the API
   * server does.
   * @throws ClusterError `NotFound` or `Conflict`.
   */
  update<T extends KubeObject>(object: T): T;
  /** updateStatus replaces only `.status` of the stored object (the status subresource). */
  updateStatus<T extends KubeObject>(object: T): T;
  /** patch applies an RFC 7386 JSON merge patch. @throws ClusterError `NotFound`. */
  patch<K extends string>(
    kind: K,
    namespace: string,
    name: string,
    patch: unknown,
    options?: PatchOptions,
  ): ObjectOfKind<K>;
  /** delete removes an object (gracefully with `gracePeriodMs`); false when it did not exist. */
  delete(kind: string, namespace: string, name: string, options?: DeleteOptions): boolean;
  /** watch subscribes to changes of one kind (or `'*'` for all); events arrive synchronously. */
  watch(kind: string, handler: WatchHandler): Unsubscribe;
}
