/**
 * The object store: Kubernetes-shaped objects by `kind/namespace/name`, resourceVersion, uid,
 * generation, an action log, synchronous watches. Counterparts: the API server registry, client-go
 * fake `ObjectTracker`. Rule: ids from the rng, time from the clock; stored objects are frozen.
 */
import type { ClusterClient, PatchOptions } from './client';
import { cloneJson, deepFreeze, diffJson, isPlainObject, jsonEqual } from './json';
import { CLUSTER_RNG_STREAMS, rngStream } from './ports';
import type { ClusterClock, ClusterRng, ClusterRngStreams } from './ports';
import { matchesSelector } from './selectors';
import { DEFAULT_EPOCH_MS, rfc3339 } from './time';
import type {
  ClusterAction,
  ClusterVerb,
  DeleteOptions,
  FieldChange,
  KubeObject,
  ListOptions,
  ObjectOfKind,
  Unsubscribe,
  WatchEvent,
  WatchEventType,
  WatchHandler,
} from './types';

/** ClusterErrorCode names API-server failures the store reproduces. */
export type ClusterErrorCode = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid';

/** ClusterError is thrown by store writes, carrying the API server's status reason as `code`. */
export class ClusterError extends Error {
  /** code is the Kubernetes `StatusReason` (`NotFound`, `AlreadyExists`, `Conflict`, `Invalid`). */
  readonly code: ClusterErrorCode;
  constructor(code: ClusterErrorCode, message: string) {
    super(message);
    this.name = 'ClusterError';
    this.code = code;
  }
}

/** Kinds without a namespace; their key is `Kind//name`. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'ClusterAnalysisTemplate',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'PersistentVolume',
  'StorageClass',
]);

/** Kinds the API server does not give a `metadata.generation`. */
const NO_GENERATION = new Set([
  'Service',
  'Endpoints',
  'ConfigMap',
  'Secret',
  'Event',
  'Namespace',
  'Node',
]);

/** Top-level keys that are not "spec": writing only these never bumps generation. */
const NON_SPEC_KEYS = new Set(['apiVersion', 'kind', 'metadata', 'status']);

const DIFF_SKIP = ['metadata.resourceVersion'];
const GENERATE_NAME_ATTEMPTS = 100;

/** ObjectStoreOptions configures {@link createObjectStore}. */
export interface ObjectStoreOptions {
  /** clock stamps actions and timestamps and times graceful deletions. */
  clock: ClusterClock;
  /** rng draws uids and generateName suffixes (streams `cluster.uids`, `cluster.names`). */
  rng: ClusterRng | ClusterRngStreams;
  /** epochMs is the Unix time of virtual 0 for timestamps; defaults to 2026-01-01T00:00:00Z. */
  epochMs?: number;
}

/** ObjectStore is the fake API server: a {@link ClusterClient} plus log, snapshot and zero-copy reads. */
export interface ObjectStore extends ClusterClient {
  /** peek returns the stored, frozen object (no copy), or undefined. Never mutate it. */
  peek<K extends string>(kind: K, namespace: string, name: string): ObjectOfKind<K> | undefined;
  /** peekList is `list` without copies: frozen stored objects, sorted by key. */
  peekList<K extends string>(kind: K, options?: ListOptions): ObjectOfKind<K>[];
  /** ownedBy returns the frozen objects with an ownerReference to `uid`, sorted by key. */
  ownedBy(uid: string): KubeObject[];
  /** actions returns the action log (frozen entries), optionally only those with seq > `afterSeq`. */
  actions(afterSeq?: number): readonly ClusterAction[];
  /** snapshot returns every object, frozen, sorted by `kind/namespace/name` (for frames). */
  snapshot(): KubeObject[];
  /** resourceVersion returns the store's latest resourceVersion ('0' before any write). */
  resourceVersion(): string;
  /** timestamp returns the RFC 3339 form of virtual time `ms` (default now) in this store's epoch. */
  timestamp(ms?: number): string;
  /** isNamespaced reports whether objects of `kind` live in a namespace. */
  isNamespaced(kind: string): boolean;
}

/** objectKey returns the store key `kind/namespace/name` ('' namespace for cluster-scoped kinds). */
export function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

function hexWord(rng: ClusterRng): string {
  return Math.floor(rng.next() * 4294967296)
    .toString(16)
    .padStart(8, '0');
}

/** uidFrom draws a UUID-v4-shaped uid from `rng`. */
function uidFrom(rng: ClusterRng): string {
  const h = hexWord(rng) + hexWord(rng) + hexWord(rng) + hexWord(rng);
  const variant = '89ab'[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function specPart(obj: KubeObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!NON_SPEC_KEYS.has(k)) out[k] = v;
  return out;
}

interface Watcher {
  kind: string;
  handler: WatchHandler;
  active: boolean;
}

/**
 * createObjectStore returns an empty {@link ObjectStore}.
 *
 * Watch delivery: every mutation queues one event; the outermost mutation drains the queue before
 * returning, handing each event to every watcher in subscription order. A handler that writes
 * (a controller reacting) queues further events, delivered after the current one, so every
 * watcher sees events in mutation order. A throwing handler does not stop delivery; the first
 * error is re-thrown once the queue is empty.
 */
export function createObjectStore(options: ObjectStoreOptions): ObjectStore {
  const { clock } = options;
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const uidRng = rngStream(options.rng, CLUSTER_RNG_STREAMS.uids);
  const nameRng = rngStream(options.rng, CLUSTER_RNG_STREAMS.names);

  const objects = new Map<string, KubeObject>();
  // Per-kind key index with a lazily sorted key list: lists touch only their kind, and sort only
  // after an object of that kind was added or removed.
  const kinds = new Map<string, { keys: Set<string>; sorted: string[] | null }>();

  // Structural sharing: every object the store has frozen is remembered, and a new version of an
  // object reuses the frozen subtrees it did not change. Writes then copy only what changed,
  // diffs skip shared subtrees at once, and recorded frames share memory.
  const owned = new WeakSet<object>();

  /** own freezes `value` deeply and marks it (and everything in it) as the store's. */
  function own<T>(value: T): T {
    if (typeof value === 'object' && value !== null && !owned.has(value)) {
      owned.add(value);
      Object.freeze(value);
      for (const v of Object.values(value as object)) own(v);
    }
    return value;
  }

  /** adopt copies what the caller still holds and keeps the store's frozen subtrees as they are. */
  function adopt<T>(value: T): T {
    if (typeof value !== 'object' || value === null || owned.has(value)) return value;
    if (Array.isArray(value)) return value.map((v: unknown) => adopt(v)) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = adopt(v);
    return out as T;
  }

  /** mergeShared is RFC 7386 merge patch that shares the target's untouched subtrees. */
  function mergeShared(target: unknown, patch: unknown): unknown {
    if (!isPlainObject(patch)) return patch;
    const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
    for (const [k, p] of Object.entries(patch)) {
      if (p === undefined) continue;
      if (p === null) delete out[k];
      else out[k] = mergeShared(out[k], p);
    }
    return out;
  }

  function put(key: string, obj: KubeObject): void {
    if (!objects.has(key)) {
      let entry = kinds.get(obj.kind);
      if (entry === undefined) kinds.set(obj.kind, (entry = { keys: new Set(), sorted: null }));
      entry.keys.add(key);
      entry.sorted = null;
    }
    objects.set(key, obj);
  }

  function drop(key: string, kind: string): void {
    objects.delete(key);
    const entry = kinds.get(kind);
    if (entry !== undefined && entry.keys.delete(key)) entry.sorted = null;
  }

  let snapshotCache: { rv: number; list: KubeObject[] } | undefined;

  function sortedKeys(kind: string): string[] {
    const entry = kinds.get(kind);
    if (entry === undefined) return [];
    return (entry.sorted ??= [...entry.keys].sort());
  }
  const log: ClusterAction[] = [];
  const watchers: Watcher[] = [];
  const queue: WatchEvent[] = [];
  let dispatching = false;
  let rv = 0;

  const timestamp = (ms: number = clock.now()): string => rfc3339(ms, epochMs);
  const isNamespaced = (kind: string): boolean => !CLUSTER_SCOPED.has(kind);
  const nsOf = (kind: string, namespace: string | undefined): string =>
    isNamespaced(kind) ? namespace || 'default' : '';

  function emit(type: WatchEventType, object: KubeObject): void {
    queue.push({ type, object });
    if (dispatching) return;
    dispatching = true;
    let firstError: unknown;
    let failed = false;
    try {
      for (let i = 0; i < queue.length; i++) {
        const event = queue[i];
        for (const w of watchers.slice()) {
          if (!w.active || (w.kind !== '*' && w.kind !== event.object.kind)) continue;
          try {
            w.handler(event);
          } catch (error) {
            if (!failed) [failed, firstError] = [true, error];
          }
        }
      }
    } finally {
      queue.length = 0;
      dispatching = false;
    }
    if (failed) throw firstError;
  }

  function record(
    verb: ClusterVerb,
    obj: KubeObject,
    diff: FieldChange[],
    subresource?: 'status',
    resourceVersion = obj.metadata?.resourceVersion ?? '',
  ): void {
    const action: ClusterAction = {
      seq: log.length + 1,
      t: clock.now(),
      verb,
      kind: obj.kind,
      namespace: obj.metadata?.namespace ?? '',
      name: obj.metadata?.name ?? '',
      ...(subresource === undefined ? {} : { subresource }),
      resourceVersion,
      diff,
    };
    log.push(deepFreeze(action));
  }

  function keyOf(obj: KubeObject): string {
    return objectKey(obj.kind, obj.metadata?.namespace ?? '', obj.metadata?.name ?? '');
  }

  function mustGet(kind: string, namespace: string, name: string): KubeObject {
    const found = objects.get(objectKey(kind, nsOf(kind, namespace), name));
    if (found === undefined) {
      throw new ClusterError('NotFound', `${kind} "${name}" not found in namespace "${namespace}"`);
    }
    return found;
  }

  /** commit stores `next` (replacing `prev`), logs the write and emits MODIFIED; no-op writes vanish. */
  function commit(
    prev: KubeObject,
    incoming: KubeObject,
    verb: ClusterVerb,
    subresource?: 'status',
  ): KubeObject {
    const next: KubeObject = { ...incoming, metadata: { ...incoming.metadata } };
    const meta = next.metadata!;
    // Identity is the server's, whatever the caller sent.
    const pm = prev.metadata ?? {};
    meta.name = pm.name;
    meta.namespace = pm.namespace;
    meta.uid = pm.uid;
    meta.creationTimestamp = pm.creationTimestamp;
    if (pm.deletionTimestamp !== undefined) {
      meta.deletionTimestamp = pm.deletionTimestamp;
      meta.deletionGracePeriodSeconds = pm.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (pm.generation === undefined) delete meta.generation;
    else meta.generation = pm.generation + (jsonEqual(specPart(prev), specPart(next)) ? 0 : 1);
    meta.resourceVersion = pm.resourceVersion;
    if (jsonEqual(prev, next)) return prev;
    meta.resourceVersion = String(++rv);
    const stored = own(adopt(next));
    put(keyOf(stored), stored);
    record(verb, stored, diffJson(prev, stored, DIFF_SKIP), subresource);
    emit('MODIFIED', stored);
    return stored;
  }

  function remove(key: string): void {
    const prev = objects.get(key);
    if (prev === undefined) return;
    drop(key, prev.kind);
    const frozen = own(
      adopt({ ...prev, metadata: { ...prev.metadata, resourceVersion: String(++rv) } }),
    );
    record('delete', frozen, [], undefined, '');
    emit('DELETED', frozen);
  }

  function select(kind: string, opts: ListOptions = {}): KubeObject[] {
    const namespace = opts.namespace === undefined ? undefined : nsOf(kind, opts.namespace);
    const out: KubeObject[] = [];
    for (const key of sortedKeys(kind)) {
      const obj = objects.get(key)!;
      if (namespace !== undefined && (obj.metadata?.namespace ?? '') !== namespace) continue;
      if (
        opts.labelSelector !== undefined &&
        !matchesSelector(obj.metadata?.labels, opts.labelSelector)
      ) {
        continue;
      }
      out.push(obj);
    }
    return out;
  }

  const store: ObjectStore = {
    get<K extends string>(kind: K, namespace: string, name: string) {
      const found = objects.get(objectKey(kind, nsOf(kind, namespace), name));
      return (found === undefined ? undefined : cloneJson(found)) as ObjectOfKind<K> | undefined;
    },
    peek<K extends string>(kind: K, namespace: string, name: string) {
      return objects.get(objectKey(kind, nsOf(kind, namespace), name)) as
        ObjectOfKind<K> | undefined;
    },
    list<K extends string>(kind: K, opts?: ListOptions) {
      return select(kind, opts).map((o) => cloneJson(o)) as ObjectOfKind<K>[];
    },
    peekList<K extends string>(kind: K, opts?: ListOptions) {
      return select(kind, opts) as ObjectOfKind<K>[];
    },

    create<T extends KubeObject>(object: T): T {
      const obj: KubeObject = { ...object, metadata: { ...object.metadata } };
      if (typeof obj.kind !== 'string' || obj.kind === '') {
        throw new ClusterError('Invalid', 'create: object has no kind');
      }
      const meta = obj.metadata ?? (obj.metadata = {});
      const namespace = nsOf(obj.kind, meta.namespace);
      if (namespace === '') delete meta.namespace;
      else meta.namespace = namespace;
      if (!meta.name) {
        if (!meta.generateName) {
          throw new ClusterError(
            'Invalid',
            `create ${obj.kind}: metadata.name or generateName is required`,
          );
        }
        // Like the API server's generateName: a random 5-character suffix, retried on collision.
        for (let i = 0; i < GENERATE_NAME_ATTEMPTS && !meta.name; i++) {
          const candidate = meta.generateName + nameRng.suffix(5);
          if (!objects.has(objectKey(obj.kind, namespace, candidate))) meta.name = candidate;
        }
        if (!meta.name) {
          throw new ClusterError(
            'AlreadyExists',
            `create ${obj.kind}: no free name for ${meta.generateName}`,
          );
        }
      }
      const key = objectKey(obj.kind, namespace, meta.name);
      if (objects.has(key)) {
        throw new ClusterError('AlreadyExists', `${obj.kind} "${meta.name}" already exists`);
      }
      meta.uid = uidFrom(uidRng);
      meta.creationTimestamp = timestamp();
      meta.resourceVersion = String(++rv);
      if (NO_GENERATION.has(obj.kind)) delete meta.generation;
      else meta.generation = 1;
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
      const stored = own(adopt(obj));
      put(key, stored);
      record('create', stored, diffJson(undefined, stored, DIFF_SKIP));
      emit('ADDED', stored);
      return cloneJson(stored) as T;
    },

    update<T extends KubeObject>(object: T): T {
      const name = object.metadata?.name ?? '';
      const prev = mustGet(object.kind, object.metadata?.namespace ?? '', name);
      const sent = object.metadata?.resourceVersion;
      if (sent !== undefined && sent !== '' && sent !== prev.metadata?.resourceVersion) {
        throw new ClusterError(
          'Conflict',
          `Operation cannot be fulfilled on ${object.kind} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        );
      }
      const next = { ...object } as KubeObject & { status?: unknown };
      // An object sent without status keeps the stored one (a spec-only update never wipes it).
      const prevStatus = (prev as KubeObject & { status?: unknown }).status;
      if (next.status === undefined && prevStatus !== undefined) next.status = prevStatus;
      return cloneJson(commit(prev, next, 'update')) as T;
    },

    updateStatus<T extends KubeObject>(object: T): T {
      const prev = mustGet(
        object.kind,
        object.metadata?.namespace ?? '',
        object.metadata?.name ?? '',
      );
      const next = { ...prev } as KubeObject & { status?: unknown };
      const status = (object as KubeObject & { status?: unknown }).status;
      if (status === undefined) delete next.status;
      else next.status = status;
      return cloneJson(commit(prev, next, 'update', 'status')) as T;
    },

    patch<K extends string>(
      kind: K,
      namespace: string,
      name: string,
      patch: unknown,
      opts: PatchOptions = {},
    ) {
      const prev = mustGet(kind, namespace, name);
      if (!isPlainObject(patch))
        throw new ClusterError('Invalid', 'patch: a merge patch must be an object');
      let next: KubeObject;
      if (opts.subresource === 'status') {
        next = { ...prev };
        const merged = mergeShared(prev, { status: patch.status ?? null }) as { status?: unknown };
        const withStatus = next as KubeObject & { status?: unknown };
        if (merged.status === undefined) delete withStatus.status;
        else withStatus.status = merged.status;
      } else {
        next = mergeShared(prev, patch) as KubeObject;
        next.kind = prev.kind;
      }
      return cloneJson(commit(prev, next, 'patch', opts.subresource)) as ObjectOfKind<K>;
    },

    delete(kind: string, namespace: string, name: string, opts: DeleteOptions = {}): boolean {
      const key = objectKey(kind, nsOf(kind, namespace), name);
      const prev = objects.get(key);
      if (prev === undefined) return false;
      const grace = opts.gracePeriodMs ?? 0;
      if (prev.metadata?.deletionTimestamp !== undefined) {
        // Already terminating: a graceful repeat changes nothing; grace 0 removes at once.
        if (grace <= 0) remove(key);
        return true;
      }
      if (grace <= 0) {
        remove(key);
        return true;
      }
      const next: KubeObject = { ...prev, metadata: { ...prev.metadata } };
      const meta = next.metadata!;
      meta.deletionTimestamp = timestamp(clock.now() + grace);
      meta.deletionGracePeriodSeconds = Math.ceil(grace / 1000);
      // The API server bumps generation when a graceful deletion starts.
      if (meta.generation !== undefined) meta.generation += 1;
      meta.resourceVersion = String(++rv);
      const stored = own(adopt(next));
      put(key, stored);
      record('delete', stored, diffJson(prev, stored, DIFF_SKIP));
      const uid = meta.uid;
      clock.setTimeout(() => {
        if (objects.get(key)?.metadata?.uid === uid) remove(key);
      }, grace);
      emit('MODIFIED', stored);
      return true;
    },

    watch(kind: string, handler: WatchHandler): Unsubscribe {
      const w: Watcher = { kind, handler, active: true };
      watchers.push(w);
      return () => {
        if (!w.active) return;
        w.active = false;
        watchers.splice(watchers.indexOf(w), 1);
      };
    },

    ownedBy(uid: string): KubeObject[] {
      const out: [string, KubeObject][] = [];
      for (const [key, obj] of objects) {
        if (obj.metadata?.ownerReferences?.some((ref) => ref.uid === uid)) out.push([key, obj]);
      }
      out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      return out.map(([, o]) => o);
    },
    actions(afterSeq = 0) {
      return afterSeq <= 0 ? log.slice() : log.slice(afterSeq);
    },
    snapshot() {
      // Objects are frozen and every write bumps the resourceVersion, so an unchanged store can
      // hand out the same (frozen) array: observers that run after every clock step stay cheap.
      if (snapshotCache === undefined || snapshotCache.rv !== rv) {
        snapshotCache = {
          rv,
          list: Object.freeze(
            [...objects.keys()].sort().map((k) => objects.get(k)!),
          ) as KubeObject[],
        };
      }
      return snapshotCache.list;
    },
    resourceVersion: () => String(rv),
    timestamp,
    isNamespaced,
  };
  return store;
}
