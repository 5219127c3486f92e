/**
 * The ReplicaSet controller: pod count at `spec.replicas`, status counters current. Counterparts:
 * kubernetes `pkg/controller/replicaset/replica_set.go` and `pkg/controller/controller_utils.go`
 * (ActivePods). Rule: reacts synchronously to store watches; only minReadySeconds uses the clock.
 */
import type { Pod, ReplicaSet } from '../model/k8s';
import { cloneJson, jsonEqual } from './json';
import type { ClusterClock } from './ports';
import { isPodReady, isTerminating, podRestarts } from './podStages';
import { objectKey } from './store';
import type { ObjectStore } from './store';
import { parseRfc3339 } from './time';
import type { WatchEvent } from './types';

/** POD_DELETION_COST is the annotation that orders deletion among otherwise equal pods. */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;

/** isPodActive reports whether a pod counts towards its ReplicaSet (k8s `IsPodActive`). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !isTerminating(pod);
}

// parseRfc3339 is pure; a sort of 1,000 pods would otherwise parse each timestamp ~20 times.
const instantCache = new Map<string, number | undefined>();

/** Absolute ms of a timestamp (epoch-independent, for ordering), or undefined when empty. */
function instant(ts: string | undefined): number | undefined {
  if (ts === undefined) return undefined;
  if (instantCache.has(ts)) return instantCache.get(ts);
  const ms = parseRfc3339(ts, 0);
  if (instantCache.size >= 10_000) instantCache.clear();
  instantCache.set(ts, ms);
  return ms;
}

/** readyTime returns when the pod's Ready condition last became True (absolute ms). */
function readyTime(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? instant(ready.lastTransitionTime) : undefined;
}

/**
 * afterOrZero is k8s' tie-break helper: an empty time sorts first, otherwise the later time does.
 * Returns < 0 when `a` goes first.
 */
function afterOrZero(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return b - a;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: Pod): number {
  const raw = pod.metadata?.annotations?.[POD_DELETION_COST];
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}

/**
 * compareActivePods orders pods so that the ones to delete first come first, porting k8s
 * `ActivePods.Less`: unassigned < assigned; Pending < Unknown < Running; not ready < ready;
 * lower `pod-deletion-cost` first; both ready: ready for less time first (empty first); more
 * restarts first; newer first (empty creation time first). Ties fall back to the name so the
 * order is total and deterministic.
 */
export function compareActivePods(a: Pod, b: Pod): number {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (ra && rb) {
    const byReady = afterOrZero(readyTime(a), readyTime(b));
    if (byReady !== 0) return byReady;
  }
  const restarts = podRestarts(b) - podRestarts(a);
  if (restarts !== 0) return restarts;
  const byAge = afterOrZero(
    instant(a.metadata?.creationTimestamp),
    instant(b.metadata?.creationTimestamp),
  );
  if (byAge !== 0) return byAge;
  const an = a.metadata?.name ?? '';
  const bn = b.metadata?.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/**
 * sortActivePods returns `pods` sorted by {@link compareActivePods}, computing each pod's sort
 * keys once instead of in every comparison (the comparator is total, so the order is the same).
 */
function sortActivePods(pods: readonly Pod[]): Pod[] {
  const keyed = pods.map((pod) => {
    const ready = isPodReady(pod);
    return {
      pod,
      node: pod.spec?.nodeName ?? '',
      phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
      ready,
      cost: deletionCost(pod),
      readyAt: ready ? readyTime(pod) : undefined,
      restarts: podRestarts(pod),
      created: instant(pod.metadata?.creationTimestamp),
      name: pod.metadata?.name ?? '',
    };
  });
  keyed.sort((a, b) => {
    if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '' ? -1 : 1;
    if (a.phase !== b.phase) return a.phase - b.phase;
    if (a.ready !== b.ready) return a.ready ? 1 : -1;
    if (a.cost !== b.cost) return a.cost - b.cost;
    if (a.ready && b.ready) {
      const byReady = afterOrZero(a.readyAt, b.readyAt);
      if (byReady !== 0) return byReady;
    }
    const restarts = b.restarts - a.restarts;
    if (restarts !== 0) return restarts;
    const byAge = afterOrZero(a.created, b.created);
    if (byAge !== 0) return byAge;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return keyed.map((k) => k.pod);
}

/**
 * isPodAvailable reports whether a pod is ready and has been for `minReadySeconds` (k8s
 * `podutil.IsPodAvailable`). Kubernetes compares with a strict "before" on second-precision
 * times and re-checks a moment later; with exact virtual time we count the pod available at
 * exactly readyTime + minReadySeconds.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowAbsMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readyTime(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= nowAbsMs;
}

function labelsMatch(
  labels: Record<string, string> | undefined,
  want: readonly (readonly [string, string])[],
): boolean {
  for (const [k, v] of want) if (labels?.[k] !== v) return false;
  return true;
}

/**
 * calculateReplicaSetStatus returns the status the RS controller writes for `rs` owning `pods`
 * at absolute time `nowAbsMs` (k8s `calculateStatus`): counters over active pods only, zero
 * counters omitted as Go's `omitempty` does (`replicas` always present), existing conditions kept.
 */
export function calculateReplicaSetStatus(
  rs: ReplicaSet,
  pods: readonly Pod[],
  nowAbsMs: number,
): ReplicaSetStatus {
  const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let replicas = 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (!isPodActive(pod)) continue;
    replicas++;
    if (labelsMatch(pod.metadata?.labels, templateLabels)) fullyLabeled++;
    // isPodAvailable, with the readiness check done once.
    if (!isPodReady(pod)) continue;
    ready++;
    if (minReadySeconds <= 0) available++;
    else {
      const since = readyTime(pod);
      if (since !== undefined && since + minReadySeconds * 1000 <= nowAbsMs) available++;
    }
  }
  return statusFromCounts(rs, { replicas, fullyLabeled, ready, available });
}

/**
 * statusFromCounts builds the status from the summed counters: zero counters omitted (Go's
 * `omitempty`, `replicas` always present), generation observed, existing conditions kept.
 */
function statusFromCounts(
  rs: ReplicaSet,
  counts: { replicas: number; fullyLabeled: number; ready: number; available: number },
): ReplicaSetStatus {
  const status: ReplicaSetStatus = { replicas: counts.replicas };
  if (counts.fullyLabeled > 0) status.fullyLabeledReplicas = counts.fullyLabeled;
  if (counts.ready > 0) status.readyReplicas = counts.ready;
  if (counts.available > 0) status.availableReplicas = counts.available;
  const generation = rs.metadata?.generation;
  if (generation !== undefined && generation > 0) status.observedGeneration = generation;
  if (rs.status?.conditions !== undefined && rs.status.conditions.length > 0) {
    status.conditions = cloneJson(rs.status.conditions);
  }
  return status;
}

/** controllerOf returns a pod's controller ownerReference (k8s `metav1.GetControllerOf`). */
export function controllerOf(obj: {
  metadata?: {
    ownerReferences?: { controller?: boolean; kind: string; name: string; uid: string }[];
  };
}) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** ReplicaSetControllerOptions configures {@link createReplicaSetController}. */
export interface ReplicaSetControllerOptions {
  store: ObjectStore;
  clock: ClusterClock;
  /** epochMs converts virtual time to the absolute time timestamps are written in. */
  epochMs: number;
  /** podTerminationMs is the grace period of pods deleted on scale-down. */
  podTerminationMs: number;
  /** nodes are assigned to new pods round-robin. */
  nodes: readonly string[];
}

/** ReplicaSetController is the running controller. */
export interface ReplicaSetController {
  /** reconcile syncs one ReplicaSet now (it also runs on every relevant watch event). */
  reconcile(namespace: string, name: string): void;
  /** dispose stops watching and cancels timers. */
  dispose(): void;
}

/** HASH_LABEL is the label Argo Rollouts puts on ReplicaSets, their selectors and pods. */
const HASH_LABEL = 'rollouts-pod-template-hash';

/**
 * createReplicaSetController starts the controller on `options.store`. It syncs a ReplicaSet on
 * every change to it or to one of its pods: creates missing pods (`generateName: <rs>-`, template
 * labels plus the hash label, controller ownerReference, a node round-robin), deletes surplus ones
 * in {@link compareActivePods} order with the termination grace, and writes
 * {@link calculateReplicaSetStatus} when it changed.
 *
 * Simplifications: no orphan adoption or release, no expectations cache (the store is
 * synchronous, so there is nothing to wait for), no ReplicaFailure condition, no node-colocation
 * rank in the deletion order, and the pod spec is the template's as written (no API defaults).
 */
export function createReplicaSetController(
  options: ReplicaSetControllerOptions,
): ReplicaSetController {
  const { store, clock } = options;
  const nodes = options.nodes.length > 0 ? options.nodes : ['node-1'];
  const availabilityTimers = new Map<string, { timer: unknown; dueAt: number }>();
  let nodeCursor = 0;

  function newPod(rs: ReplicaSet): Pod {
    const template = rs.spec?.template ?? {};
    const labels = { ...(template.metadata?.labels ?? {}) };
    const hash = rs.metadata?.labels?.[HASH_LABEL];
    if (hash !== undefined && labels[HASH_LABEL] === undefined) labels[HASH_LABEL] = hash;
    const annotations = template.metadata?.annotations;
    const nodeName = nodes[nodeCursor++ % nodes.length];
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata?.name ?? ''}-`,
        namespace: rs.metadata?.namespace,
        labels,
        ...(annotations === undefined ? {} : { annotations: { ...annotations } }),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rs.metadata?.name ?? '',
            uid: rs.metadata?.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      // The template is the stored, frozen one: the pod shares its subtrees (the store copies
      // only what is not frozen), which is the same JSON as a deep copy.
      spec: { ...(template.spec ?? { containers: [] }), nodeName },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    };
  }

  // Pods by their controlling ReplicaSet's uid, kept from watch events, so a sync reads only its
  // own pods instead of scanning every pod (which made a 1,000-pod rollout quadratic). Each entry
  // keeps its pod names sorted, computed when a pod came or went, so a sync does not sort.
  interface Owned {
    byKey: Map<string, string>;
    /** The pod names, sorted, each with the store key a peek of it in the RS's namespace uses. */
    sorted: { namespace: string; keys: string[] } | null;
    /** Names of the pods with a watch event since the counts were last brought up to date. */
    changed: Set<string>;
    /** The pod counters (see countPods), kept up to date from `changed`. */
    counts: PodCounts | undefined;
  }
  const podKeyNamespace = (namespace: string): string =>
    store.isNamespaced('Pod') ? namespace || 'default' : '';
  const podsByOwner = new Map<string, Owned>();
  const NO_POD_LIST: readonly Pod[] = Object.freeze([]);
  let indexVersion = 0;
  for (const pod of store.peekList('Pod')) indexPod(pod, 'ADDED');

  function indexPod(pod: Pod, type: WatchEvent['type']): void {
    const uid = controllerOf(pod)?.uid;
    if (uid === undefined) return;
    const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    let owned = podsByOwner.get(uid);
    const name = pod.metadata?.name ?? '';
    if (type === 'DELETED') {
      if (owned?.byKey.delete(key)) {
        owned.sorted = null;
        indexVersion++;
      }
      owned?.changed.add(name);
      if (owned?.byKey.size === 0) podsByOwner.delete(uid);
      return;
    }
    if (!owned) {
      owned = {
        byKey: new Map<string, string>(),
        sorted: null,
        changed: new Set(),
        counts: undefined,
      };
      podsByOwner.set(uid, owned);
    }
    owned.changed.add(name);
    if (owned.byKey.get(key) !== name) {
      owned.byKey.set(key, name);
      owned.sorted = null;
      indexVersion++;
    }
  }

  function ownedPods(rs: ReplicaSet): Pod[] {
    const owned = podsByOwner.get(rs.metadata?.uid ?? '');
    if (!owned) return [];
    const namespace = rs.metadata?.namespace ?? '';
    if (owned.sorted === null || owned.sorted.namespace !== namespace) {
      const ns = podKeyNamespace(namespace);
      owned.sorted = {
        namespace,
        keys: [...owned.byKey.values()].sort().map((name) => objectKey('Pod', ns, name)),
      };
    }
    const pods: Pod[] = [];
    for (const key of owned.sorted.keys) {
      const pod = store.peekKey(key) as Pod | undefined;
      if (pod !== undefined) pods.push(pod);
    }
    return pods;
  }

  function scheduleAvailabilityCheck(rs: ReplicaSet, pods: readonly Pod[], nowAbs: number): void {
    const key = `${rs.metadata?.namespace ?? ''}/${rs.metadata?.name ?? ''}`;
    const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
    let due: number | undefined;
    if (minReadySeconds > 0) {
      for (const pod of pods) {
        if (!isPodActive(pod) || isPodAvailable(pod, minReadySeconds, nowAbs)) continue;
        const since = readyTime(pod);
        if (since === undefined) continue;
        const at = since + minReadySeconds * 1000 - options.epochMs;
        due = due === undefined ? at : Math.min(due, at);
      }
    }
    const current = availabilityTimers.get(key);
    if (current !== undefined && current.dueAt === due) return;
    if (current !== undefined) clock.clearTimeout(current.timer);
    availabilityTimers.delete(key);
    if (due === undefined) return;
    const [namespace, name] = [rs.metadata?.namespace ?? '', rs.metadata?.name ?? ''];
    const timer = clock.setTimeout(
      () => {
        availabilityTimers.delete(key);
        reconcile(namespace, name);
      },
      Math.max(0, due - clock.now()),
    );
    availabilityTimers.set(key, { timer, dueAt: due });
  }

  // A small work queue, like the controller's workqueue: a sync that triggers another (through a
  // watch event delivered outside a dispatch) queues it instead of nesting, so no sync ever runs
  // on a count that an outer sync is still changing.
  /**
   * Pod counters per ReplicaSet (calculateReplicaSetStatus's counters; available = ready without
   * minReadySeconds), kept on the owner index and brought up to date from the pods that had a
   * watch event since: a sync costs the pods that changed, not every pod of the ReplicaSet (a
   * 1,000-pod ReplicaSet is synced after each of its pods' steps).
   */
  interface PodCounts {
    labels: unknown;
    namespace: string;
    /** Each counted pod's bits, by name. */
    bits: Map<string, number>;
    replicas: number;
    fullyLabeled: number;
    ready: number;
  }
  const NO_PODS: Readonly<Pick<PodCounts, 'replicas' | 'fullyLabeled' | 'ready'>> = Object.freeze({
    replicas: 0,
    fullyLabeled: 0,
    ready: 0,
  });
  const ACTIVE = 1;
  const LABELED = 2;
  const READY = 4;

  function podBits(pod: Pod, templateLabels: readonly (readonly [string, string])[]): number {
    if (!isPodActive(pod)) return 0;
    let bits = ACTIVE;
    if (labelsMatch(pod.metadata?.labels, templateLabels)) bits |= LABELED;
    if (isPodReady(pod)) bits |= READY;
    return bits;
  }

  function tally(c: PodCounts, bits: number, sign: number): void {
    if (bits & ACTIVE) c.replicas += sign;
    if (bits & LABELED) c.fullyLabeled += sign;
    if (bits & READY) c.ready += sign;
  }

  /** countPods counts the pods {@link ownedPods} returns for `rs`. */
  function countPods(
    rs: ReplicaSet,
  ): Readonly<Pick<PodCounts, 'replicas' | 'fullyLabeled' | 'ready'>> {
    const owned = podsByOwner.get(rs.metadata?.uid ?? '');
    if (owned === undefined) return NO_PODS;
    const labels = rs.spec?.template?.metadata?.labels;
    const namespace = rs.metadata?.namespace ?? '';
    let c = owned.counts;
    if (c === undefined || c.labels !== labels || c.namespace !== namespace) {
      const templateLabels = Object.entries(labels ?? {});
      c = { labels, namespace, bits: new Map(), replicas: 0, fullyLabeled: 0, ready: 0 };
      for (const pod of ownedPods(rs)) {
        const bits = podBits(pod, templateLabels);
        c.bits.set(pod.metadata?.name ?? '', bits);
        tally(c, bits, 1);
      }
      owned.counts = c;
      owned.changed.clear();
      return c;
    }
    if (owned.changed.size > 0) {
      let templateLabels: [string, string][] | undefined;
      const ns = podKeyNamespace(namespace);
      for (const name of owned.changed) {
        // Counted as ownedPods would list it: indexed under this owner, and in the store.
        const pod = owned.byKey.has(`${namespace}/${name}`)
          ? (store.peekKey(objectKey('Pod', ns, name)) as Pod | undefined)
          : undefined;
        const before = c.bits.get(name);
        if (before !== undefined) tally(c, before, -1);
        if (pod === undefined) {
          c.bits.delete(name);
          continue;
        }
        templateLabels ??= Object.entries(labels ?? {});
        const bits = podBits(pod, templateLabels);
        c.bits.set(name, bits);
        tally(c, bits, 1);
      }
      owned.changed.clear();
    }
    return c;
  }

  const queue = new Set<string>();
  let syncing = false;

  function reconcile(namespace: string, name: string): void {
    queue.add(`${namespace}/${name}`);
    if (syncing) return;
    syncing = true;
    try {
      while (queue.size > 0) {
        const key: string = queue.values().next().value!;
        queue.delete(key);
        const slash = key.indexOf('/');
        sync(key.slice(0, slash), key.slice(slash + 1));
      }
    } finally {
      syncing = false;
    }
  }

  // A sync is a pure function of the store, the owned-pod index, the clock and the availability
  // timer. When none of them changed since the last sync of a ReplicaSet (typically: the MODIFIED
  // event of the status that sync wrote comes back), syncing again would write nothing and
  // schedule nothing, so it is skipped. `indexVersion` counts changes of the owned-pod index.
  const settled = new Map<
    string,
    { resourceVersion: string; now: number; index: number; timer: unknown }
  >();

  // The skip also needs the index to be caught up with the store: a ReplicaSet event that is the
  // store's latest write was delivered after every earlier event (delivery is in order), pod
  // events included. caughtUpAt holds the resourceVersion of such a moment per ReplicaSet.
  const caughtUpAt = new Map<string, string>();

  function sync(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const last = settled.get(key);
    const caughtUp = caughtUpAt.get(key);
    caughtUpAt.delete(key);
    if (
      last !== undefined &&
      caughtUp === store.resourceVersion() &&
      last.resourceVersion === store.resourceVersion() &&
      last.now === clock.now() &&
      last.index === indexVersion &&
      last.timer === availabilityTimers.get(key)
    ) {
      return;
    }
    settled.delete(key);
    const rs = store.peek('ReplicaSet', namespace, name);
    if (rs === undefined) return;
    if (rs.metadata?.deletionTimestamp === undefined) {
      // The active pods are the status' replicas counter.
      const diff = countPods(rs).replicas - (rs.spec?.replicas ?? 1);
      if (diff < 0) {
        for (let i = 0; i < -diff; i++) store.createShared(newPod(rs));
      } else if (diff > 0) {
        // getPodsToDelete: the pods earliest in ActivePods order go first.
        const victims = sortActivePods(ownedPods(rs).filter(isPodActive)).slice(0, diff);
        const owned = podsByOwner.get(rs.metadata?.uid ?? '');
        for (const pod of victims) {
          store.delete('Pod', namespace, pod.metadata?.name ?? '', {
            gracePeriodMs: options.podTerminationMs,
          });
          // Counted again below: inside a watch delivery (a sync run by a ReplicaSet event), the
          // deleted pods' own events come only after this sync returns.
          owned?.changed.add(pod.metadata?.name ?? '');
        }
      }
    }
    const podsIndex = indexVersion;
    const nowAbs = clock.now() + options.epochMs;
    // Without minReadySeconds a ready pod is available, so the kept counters give the status;
    // with it, availability depends on each pod's ready time and the clock.
    const minReady = (rs.spec?.minReadySeconds ?? 0) > 0;
    const pods = minReady ? ownedPods(rs) : NO_POD_LIST;
    let status: ReplicaSetStatus;
    if (minReady) status = calculateReplicaSetStatus(rs, pods, nowAbs);
    else {
      const counts = countPods(rs);
      status = statusFromCounts(rs, {
        replicas: counts.replicas,
        fullyLabeled: counts.fullyLabeled,
        ready: counts.ready,
        available: counts.ready,
      });
    }
    const latest = store.peek('ReplicaSet', namespace, name);
    if (latest !== undefined && !jsonEqual(latest.status, status)) {
      store.updateStatusShared({ ...latest, status });
    }
    scheduleAvailabilityCheck(rs, pods, nowAbs);
    settled.set(key, {
      resourceVersion: store.resourceVersion(),
      now: clock.now(),
      index: podsIndex,
      timer: availabilityTimers.get(key),
    });
  }

  const unwatchRs = store.watch('ReplicaSet', (event: WatchEvent) => {
    const rs = event.object as ReplicaSet;
    const namespace = rs.metadata?.namespace ?? '';
    const name = rs.metadata?.name ?? '';
    if (event.type === 'DELETED') {
      const key = `${namespace}/${name}`;
      settled.delete(key);
      caughtUpAt.delete(key);
      const current = availabilityTimers.get(key);
      if (current !== undefined) clock.clearTimeout(current.timer);
      availabilityTimers.delete(key);
      return;
    }
    if (rs.metadata?.resourceVersion === store.resourceVersion()) {
      caughtUpAt.set(`${namespace}/${name}`, store.resourceVersion());
    }
    reconcile(namespace, name);
  });

  // Pod changes are coalesced per instant: every pod of a ReplicaSet that changes at the same
  // virtual time causes one sync (at that same time, after the current dispatch), like the real
  // controller's workqueue collapses repeated keys. ReplicaSet changes still sync at once.
  const dirty = new Set<string>();
  let flushTimer: unknown;
  function flushDirty(): void {
    flushTimer = undefined;
    const keys = [...dirty];
    dirty.clear();
    for (const key of keys) {
      const slash = key.indexOf('/');
      reconcile(key.slice(0, slash), key.slice(slash + 1));
    }
  }

  const unwatchPods = store.watch('Pod', (event: WatchEvent) => {
    indexPod(event.object as Pod, event.type);
    const ref = controllerOf(event.object);
    if (ref === undefined || ref.kind !== 'ReplicaSet') return;
    const namespace = event.object.metadata?.namespace ?? '';
    const rs = store.peek('ReplicaSet', namespace, ref.name);
    if (rs === undefined || rs.metadata?.uid !== ref.uid) return;
    dirty.add(`${namespace}/${ref.name}`);
    flushTimer ??= clock.setTimeout(flushDirty, 0);
  });

  return {
    reconcile,
    dispose() {
      unwatchRs();
      unwatchPods();
      if (flushTimer !== undefined) clock.clearTimeout(flushTimer);
      for (const { timer } of availabilityTimers.values()) clock.clearTimeout(timer);
      availabilityTimers.clear();
    },
  };
}
