/**
 * The object store: Kubernetes-shaped objects by `kind/namespace/name`, resourceVersion, uid,
 * generation, an action log, synchronous watches. Counterparts: the API server registry, client-go
 * fake `ObjectTracker`. Rule: ids from the rng, time from the clock; stored objects are frozen.
 */
import type { ClusterClient, PatchOptions } from './client';
import { cloneJson, deepFreeze, diffJson, isPlainObject, jsonEqual, objectsEqual } from './json';
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
  /** peekKey is `peek` by store key ({@link objectKey} with the namespace as the store files it). */
  peekKey(key: string): KubeObject | undefined;
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
  /**
   * createShared, updateShared and updateStatusShared are `create`, `update` and `updateStatus`
   * returning the stored, frozen object instead of a copy (like `peek`); for the cluster's own
   * controllers, which never edit what they get back. Never mutate the result.
   */
  createShared<T extends KubeObject>(object: T): T;
  /** updateShared: see {@link ObjectStore.createShared}. */
  updateShared<T extends KubeObject>(object: T): T;
  /** updateStatusShared: see {@link ObjectStore.createShared}. */
  updateStatusShared<T extends KubeObject>(object: T): T;
  /** patchShared: `patch` returning the stored, frozen object; see {@link ObjectStore.createShared}. */
  patchShared<K extends string>(
    kind: K,
    namespace: string,
    name: string,
    patch: unknown,
    opts?: PatchOptions,
  ): ObjectOfKind<K>;
}

/** objectKey returns the store key `kind/namespace/name` ('' namespace for cluster-scoped kinds). */
export function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** hexWord draws 32 bits from `rng` as 8 lower-case hex digits. */
function hexWord(rng: ClusterRng): string {
  const n = Math.floor(rng.next() * 4294967296);
  return (
    HEX_BYTE[n >>> 24] + HEX_BYTE[(n >>> 16) & 255] + HEX_BYTE[(n >>> 8) & 255] + HEX_BYTE[n & 255]
  );
}

/** uidFrom draws a UUID-v4-shaped uid from `rng`. */
function uidFrom(rng: ClusterRng): string {
  const h = hexWord(rng) + hexWord(rng) + hexWord(rng) + hexWord(rng);
  const variant = '89ab'[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The metadata keys the API server owns on an update, in the order they are appended when the
 * caller's metadata lacks them (see adoptVersion).
 */
const IDENTITY_KEYS: ReadonlySet<string> = new Set([
  'name',
  'namespace',
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'resourceVersion',
]);
/** The identity keys kept only while a deletion has started. */
const DELETION_KEYS: ReadonlySet<string> = new Set([
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
]);

/** specEqual compares two versions of an object outside the non-spec keys (what bumps generation). */
function specEqual(a: KubeObject, b: KubeObject): boolean {
  return objectsEqual(
    a as unknown as Record<string, unknown>,
    b as unknown as Record<string, unknown>,
    NON_SPEC_KEYS,
  );
}

interface Watcher {
  kind: string;
  handler: WatchHandler;
  active: boolean;
}

/**
 * freezeDiff freezes a diff deeply, as deepFreeze would, without walking the generic way: its
 * values are cloned leaves.
 */
function freezeDiff(diff: FieldChange[]): FieldChange[] {
  for (const c of diff) {
    deepFreeze(c.from);
    deepFreeze(c.to);
    Object.freeze(c);
  }
  return Object.freeze(diff) as FieldChange[];
}

/**
 * LoggedAction is one frozen entry of the action log. Its `diff` is computed on first read when
 * the write handed in a thunk (most diffs are never read, and diffing costs more than writing).
 * A class, not a literal with a getter: a literal with an accessor is a slow dictionary-mode
 * object, built at about 0.5 µs per write. `diff` is read through the prototype; `toJSON` writes
 * it out with the other fields, in the order of {@link ClusterAction}.
 */
class LoggedAction implements ClusterAction {
  readonly seq: number;
  readonly t: number;
  readonly verb: ClusterVerb;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  declare readonly subresource?: 'status';
  readonly resourceVersion: string;
  // Private fields stay writable in a frozen object: the computed diff replaces the thunk.
  #diff: FieldChange[] | (() => FieldChange[]);

  constructor(
    seq: number,
    t: number,
    verb: ClusterVerb,
    kind: string,
    namespace: string,
    name: string,
    subresource: 'status' | undefined,
    resourceVersion: string,
    diff: FieldChange[] | (() => FieldChange[]),
  ) {
    this.seq = seq;
    this.t = t;
    this.verb = verb;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    if (subresource !== undefined) (this as { subresource?: 'status' }).subresource = subresource;
    this.resourceVersion = resourceVersion;
    this.#diff = diff;
    Object.freeze(this);
  }

  get diff(): FieldChange[] {
    const d = this.#diff;
    if (typeof d !== 'function') return d;
    return (this.#diff = freezeDiff(d()));
  }

  toJSON(): ClusterAction {
    const { seq, t, verb, kind, namespace, name, subresource, resourceVersion } = this;
    return subresource === undefined
      ? { seq, t, verb, kind, namespace, name, resourceVersion, diff: this.diff }
      : { seq, t, verb, kind, namespace, name, subresource, resourceVersion, diff: this.diff };
  }
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
  // Per-kind key index, kept sorted as objects come and go (binary insertion): lists touch only
  // their kind and never sort, and snapshots concatenate the kinds in key order.
  const kinds = new Map<string, string[]>();
  let kindOrder: string[] | null = null;
  // Owner index: ownerReference uid → keys of the objects that name it (the garbage collector's
  // lookup, which would otherwise scan every object on every deletion).
  const dependents = new Map<string, Set<string>>();
  // The same objects by kind → namespace → name: point reads (peek, mustGet) look up without
  // building a key string (they run several times per reconcile and per pod step).
  const byKind = new Map<string, Map<string, Map<string, KubeObject>>>();

  // Structural sharing: a new version of an object reuses the frozen subtrees of the previous
  // version it did not change, and everything else is copied into new frozen objects. Writes then
  // copy only what changed, diffs skip shared subtrees at once, and recorded frames share memory.
  // Every stored object is deep-frozen by construction: it is made of the previous version's
  // subtrees (deep-frozen) and new objects frozen as they are built, children first.

  /**
   * adopt copies a value the caller hands in into new, frozen objects (primitives as they are,
   * keys whose value is undefined dropped): the store never keeps what a caller may still change.
   * Frozen subtrees are kept as they are (see {@link adoptShared}).
   */
  function adopt<T>(value: T): T {
    return adoptShared(value, undefined) as T;
  }

  /**
   * adoptShared is `adopt` that reuses the previous version's frozen subtree `prev` (the stored
   * subtree at the same path) wherever the caller's value is that subtree or equals it exactly,
   * key order included, so an update that resends an unchanged subtree (a controller writing back
   * a copy, a merge patch) stores the very same frozen subtree. The result is always the same
   * JSON, byte for byte, as a deep copy of `value`.
   */
  function adoptShared(value: unknown, prev: unknown): unknown {
    if (value === prev || typeof value !== 'object' || value === null) return value;
    // A frozen value is taken as already adopted: deep-frozen JSON, as everything the store hands
    // out is (the convention deepFreeze follows too). A controller that copies a stored subtree
    // into another object (a template into a ReplicaSet, a condition moved in a list) stores
    // that subtree itself instead of a copy.
    if (Object.isFrozen(value)) return value;
    const shareable = typeof prev === 'object' && prev !== null;
    if (Array.isArray(value)) {
      const pa = shareable && Array.isArray(prev) ? (prev as unknown[]) : undefined;
      let same = pa !== undefined && pa.length === value.length;
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const a = adoptShared(value[i], pa === undefined ? undefined : pa[i]);
        if (same && !Object.is(a, pa![i])) same = false;
        out[i] = a;
      }
      return same ? pa : Object.freeze(out);
    }
    const po = shareable && !Array.isArray(prev) ? (prev as Record<string, unknown>) : undefined;
    const pkeys = po === undefined ? undefined : Object.keys(po);
    let same = pkeys !== undefined;
    let i = 0;
    const out: Record<string, unknown> = {};
    const src = value as Record<string, unknown>;
    for (const k in src) {
      if (!Object.prototype.hasOwnProperty.call(src, k)) continue;
      const v = src[k];
      if (v === undefined) continue;
      const pv =
        po !== undefined && Object.prototype.hasOwnProperty.call(po, k) ? po[k] : undefined;
      const a = adoptShared(v, pv);
      out[k] = a;
      if (same && (pkeys![i] !== k || !Object.is(a, pv))) same = false;
      i++;
    }
    return same && i === pkeys!.length ? po : Object.freeze(out);
  }

  /**
   * adoptVersion adopts `incoming` as the next version of the stored `prev`: the metadata keeps
   * the server's identity (name, namespace, uid, creationTimestamp, a started deletion, generation
   * and resourceVersion as `prev` has them, whatever the caller sent), every other subtree is shared
   * with `prev` where unchanged. The root and metadata objects are fresh and not yet frozen (the
   * store still writes into both; {@link sealVersion} freezes them). Key order is the caller's,
   * with identity keys the caller left out appended in {@link IDENTITY_KEYS} order.
   */
  function adoptVersion(incoming: KubeObject, prev: KubeObject): KubeObject {
    const out: Record<string, unknown> = {};
    const p = prev as unknown as Record<string, unknown>;
    const src = incoming as unknown as Record<string, unknown>;
    const pm = (prev.metadata ?? {}) as Record<string, unknown>;
    let sawMetadata = false;
    for (const k in src) {
      if (!Object.prototype.hasOwnProperty.call(src, k)) continue;
      if (k === 'metadata') {
        sawMetadata = true;
        out[k] = adoptMetadata(src[k], pm);
        continue;
      }
      const v = src[k];
      if (v === undefined) continue;
      out[k] = adoptShared(v, Object.prototype.hasOwnProperty.call(p, k) ? p[k] : undefined);
    }
    if (!sawMetadata) out.metadata = adoptMetadata(undefined, pm);
    return out as unknown as KubeObject;
  }

  /** adoptMetadata is {@link adoptVersion}'s metadata: the caller's keys, the server's identity. */
  function adoptMetadata(value: unknown, pm: Record<string, unknown>): Record<string, unknown> {
    const src: Record<string, unknown> = isPlainObject(value) ? value : {};
    const deleting = pm.deletionTimestamp !== undefined;
    const meta: Record<string, unknown> = {};
    for (const mk in src) {
      if (!Object.prototype.hasOwnProperty.call(src, mk)) continue;
      const mv = IDENTITY_KEYS.has(mk)
        ? deleting || !DELETION_KEYS.has(mk)
          ? pm[mk]
          : undefined
        : src[mk];
      if (mv === undefined) continue;
      meta[mk] = adoptShared(mv, Object.prototype.hasOwnProperty.call(pm, mk) ? pm[mk] : undefined);
    }
    for (const mk of IDENTITY_KEYS) {
      if (Object.prototype.hasOwnProperty.call(src, mk)) continue;
      if (!deleting && DELETION_KEYS.has(mk)) continue;
      const mv = pm[mk];
      if (mv !== undefined) meta[mk] = mv;
    }
    return meta;
  }

  /** sealVersion freezes what {@link adoptVersion} left open: the metadata object and the root. */
  function sealVersion(obj: KubeObject): KubeObject {
    if (obj.metadata !== undefined) Object.freeze(obj.metadata);
    return Object.freeze(obj);
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

  /** lowerBound returns the first index of sorted `keys` whose key is not below `key`. */
  function lowerBound(keys: readonly string[], key: string): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function ownerUids(obj: KubeObject | undefined): readonly unknown[] {
    const refs = obj?.metadata?.ownerReferences;
    return refs === undefined || refs.length === 0 ? [] : refs.map((r) => r.uid);
  }

  function indexOwners(key: string, prev: KubeObject | undefined, next: KubeObject | undefined) {
    const before = prev?.metadata?.ownerReferences;
    const after = next?.metadata?.ownerReferences;
    if (before === after) return;
    for (const uid of ownerUids(prev)) {
      if (typeof uid !== 'string') continue;
      const set = dependents.get(uid);
      if (set !== undefined && set.delete(key) && set.size === 0) dependents.delete(uid);
    }
    for (const uid of ownerUids(next)) {
      if (typeof uid !== 'string') continue;
      let set = dependents.get(uid);
      if (set === undefined) dependents.set(uid, (set = new Set()));
      set.add(key);
    }
  }

  function put(key: string, obj: KubeObject): void {
    const prev = objects.get(key);
    if (prev === undefined) {
      let keys = kinds.get(obj.kind);
      if (keys === undefined) {
        kinds.set(obj.kind, (keys = []));
        kindOrder = null;
      }
      keys.splice(lowerBound(keys, key), 0, key);
    }
    indexOwners(key, prev, obj);
    objects.set(key, obj);
    let namespaces = byKind.get(obj.kind);
    if (namespaces === undefined)
      byKind.set(obj.kind, (namespaces = new Map<string, Map<string, KubeObject>>()));
    const ns = obj.metadata?.namespace ?? '';
    let names = namespaces.get(ns);
    if (names === undefined) namespaces.set(ns, (names = new Map<string, KubeObject>()));
    names.set(obj.metadata?.name ?? '', obj);
  }

  /** lookup is `objects.get(objectKey(kind, nsOf(kind, namespace), name))` through {@link byKind}. */
  function lookup(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return byKind.get(kind)?.get(nsOf(kind, namespace))?.get(name);
  }

  function drop(key: string, kind: string): void {
    const prev = objects.get(key);
    if (prev === undefined) return;
    objects.delete(key);
    byKind
      .get(prev.kind)
      ?.get(prev.metadata?.namespace ?? '')
      ?.delete(prev.metadata?.name ?? '');
    indexOwners(key, prev, undefined);
    const keys = kinds.get(kind);
    if (keys === undefined) return;
    const i = lowerBound(keys, key);
    if (keys[i] === key) keys.splice(i, 1);
  }

  let snapshotCache: { rv: number; list: KubeObject[] } | undefined;

  function sortedKeys(kind: string): readonly string[] {
    return kinds.get(kind) ?? [];
  }

  /** allKeysSorted returns every key in sort order (kinds in key order, then each kind's keys). */
  function allKeysSorted(): string[] {
    // `Kind/` prefixes order keys of different kinds exactly as whole keys do, unless a kind
    // itself contains a '/', in which case sort everything.
    if (kindOrder === null) {
      const names = [...kinds.keys()];
      if (names.some((k) => k.includes('/'))) return [...objects.keys()].sort();
      kindOrder = names.sort((a, b) => (`${a}/` < `${b}/` ? -1 : `${a}/` > `${b}/` ? 1 : 0));
    }
    const out: string[] = [];
    for (const kind of kindOrder) for (const key of kinds.get(kind)!) out.push(key);
    return out;
  }
  const log: ClusterAction[] = [];
  const watchers: Watcher[] = [];
  // The watcher list as it was when the current event's delivery started; rebuilt only after a
  // watch was added or removed (delivery must not see watchers added during it).
  let watcherList: Watcher[] | null = null;
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
        const list = (watcherList ??= watchers.slice());
        for (const w of list) {
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

  /**
   * record logs a write. `diff` may be a thunk: it is then computed on first read of the action's
   * `diff` (the objects it compares are frozen, so the result is the one computed eagerly).
   */
  function record(
    verb: ClusterVerb,
    obj: KubeObject,
    diff: FieldChange[] | (() => FieldChange[]),
    subresource?: 'status',
    resourceVersion = obj.metadata?.resourceVersion ?? '',
  ): void {
    log.push(
      new LoggedAction(
        log.length + 1,
        clock.now(),
        verb,
        obj.kind,
        obj.metadata?.namespace ?? '',
        obj.metadata?.name ?? '',
        subresource,
        resourceVersion,
        typeof diff === 'function' ? diff : freezeDiff(diff),
      ),
    );
  }

  function keyOf(obj: KubeObject): string {
    return objectKey(obj.kind, obj.metadata?.namespace ?? '', obj.metadata?.name ?? '');
  }

  function mustGet(kind: string, namespace: string, name: string): KubeObject {
    const found = lookup(kind, namespace, name);
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
    // Identity is the server's, whatever the caller sent. generation keeps its old value here
    // (fixing the key's place) and is bumped below when the spec changed; comparisons run on the
    // adopted version, which shares unchanged subtrees.
    const pm = prev.metadata ?? {};
    const candidate = adoptVersion(incoming, prev);
    const cmeta = candidate.metadata!;
    if (pm.generation !== undefined && !specEqual(prev, candidate)) {
      cmeta.generation = pm.generation + 1;
    }
    if (jsonEqual(prev, candidate)) return prev;
    cmeta.resourceVersion = String(++rv);
    const stored = sealVersion(candidate);
    put(keyOf(stored), stored);
    record(verb, stored, () => diffJson(prev, stored, DIFF_SKIP), subresource);
    emit('MODIFIED', stored);
    return stored;
  }

  function remove(key: string): void {
    const prev = objects.get(key);
    if (prev === undefined) return;
    drop(key, prev.kind);
    const frozen = adoptShared(
      { ...prev, metadata: { ...prev.metadata, resourceVersion: String(++rv) } },
      prev,
    ) as KubeObject;
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

  function createStored(object: KubeObject): KubeObject {
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
    const stored = adopt(obj);
    put(key, stored);
    record('create', stored, () => diffJson(undefined, stored, DIFF_SKIP));
    emit('ADDED', stored);
    return stored;
  }

  function updateStored(object: KubeObject): KubeObject {
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
    return commit(prev, next, 'update');
  }

  function updateStatusStored(object: KubeObject): KubeObject {
    const prev = mustGet(
      object.kind,
      object.metadata?.namespace ?? '',
      object.metadata?.name ?? '',
    );
    const next = { ...prev } as KubeObject & { status?: unknown };
    const status = (object as KubeObject & { status?: unknown }).status;
    if (status === undefined) delete next.status;
    else next.status = status;
    return commit(prev, next, 'update', 'status');
  }

  function patchStored(
    kind: string,
    namespace: string,
    name: string,
    patch: unknown,
    opts: PatchOptions,
  ): KubeObject {
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
    return commit(prev, next, 'patch', opts.subresource);
  }

  const store: ObjectStore = {
    get<K extends string>(kind: K, namespace: string, name: string) {
      const found = lookup(kind, namespace, name);
      return (found === undefined ? undefined : cloneJson(found)) as ObjectOfKind<K> | undefined;
    },
    peek<K extends string>(kind: K, namespace: string, name: string) {
      return lookup(kind, namespace, name) as ObjectOfKind<K> | undefined;
    },
    list<K extends string>(kind: K, opts?: ListOptions) {
      return select(kind, opts).map((o) => cloneJson(o)) as ObjectOfKind<K>[];
    },
    peekKey: (key: string) => objects.get(key),
    peekList<K extends string>(kind: K, opts?: ListOptions) {
      return select(kind, opts) as ObjectOfKind<K>[];
    },

    create<T extends KubeObject>(object: T): T {
      return cloneJson(createStored(object)) as T;
    },
    update<T extends KubeObject>(object: T): T {
      return cloneJson(updateStored(object)) as T;
    },
    updateStatus<T extends KubeObject>(object: T): T {
      return cloneJson(updateStatusStored(object)) as T;
    },
    createShared: <T extends KubeObject>(object: T) => createStored(object) as T,
    updateShared: <T extends KubeObject>(object: T) => updateStored(object) as T,
    updateStatusShared: <T extends KubeObject>(object: T) => updateStatusStored(object) as T,

    patch<K extends string>(
      kind: K,
      namespace: string,
      name: string,
      patch: unknown,
      opts: PatchOptions = {},
    ) {
      return cloneJson(patchStored(kind, namespace, name, patch, opts)) as ObjectOfKind<K>;
    },
    patchShared<K extends string>(
      kind: K,
      namespace: string,
      name: string,
      patch: unknown,
      opts: PatchOptions = {},
    ) {
      return patchStored(kind, namespace, name, patch, opts) as ObjectOfKind<K>;
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
      const stored = adoptShared(next, prev) as KubeObject;
      put(key, stored);
      record('delete', stored, () => diffJson(prev, stored, DIFF_SKIP));
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
      watcherList = null;
      return () => {
        if (!w.active) return;
        w.active = false;
        watchers.splice(watchers.indexOf(w), 1);
        watcherList = null;
      };
    },

    ownedBy(uid: string): KubeObject[] {
      const keys = dependents.get(uid);
      if (keys === undefined) return [];
      return [...keys].sort().map((k) => objects.get(k)!);
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
          list: Object.freeze(allKeysSorted().map((k) => objects.get(k)!)) as KubeObject[],
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
