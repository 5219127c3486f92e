/**
 * createFakeCluster: the object store plus the controllers a real cluster would run under Argo
 * Rollouts (ReplicaSet controller, pod lifecycle, endpoints, garbage collector) and Argo's e2e
 * levers (markPodsReady, killPods, setReadinessDelay). Counterpart: argo-rollouts `test/fixtures`
 * against a kind/k3d cluster. Rule: synchronous, deterministic; time only through the clock.
 */
import type { Pod } from '../model/k8s';
import type { ClusterClient } from './client';
import { createPodLifecycle } from './podLifecycle';
import type { ImageBehaviour } from './podStages';
import { isPodReady, isTerminating } from './podStages';
import { CLUSTER_RNG_STREAMS, rngStream } from './ports';
import type { ClusterClock, ClusterRng, ClusterRngStreams } from './ports';
import { createReplicaSetController, isPodActive } from './replicaSetController';
import { createEndpointsController, ROLLOUTS_POD_TEMPLATE_HASH } from './services';
import { createObjectStore } from './store';
import type { ObjectStore } from './store';
import { DEFAULT_EPOCH_MS, parseRfc3339 } from './time';
import type { ClusterAction, KubeObject, WatchEvent } from './types';

/** ClusterConfig holds the scenario's `cluster:` settings, in milliseconds. */
export interface ClusterConfig {
  /** podStartupMs is the Pending-to-Ready time of a healthy pod (scenario `podStartup`, 2 s). */
  podStartupMs: number;
  /** podStartupJitterMs is the ± uniform jitter on it (scenario `podStartupJitter`, 0). */
  podStartupJitterMs: number;
  /** podTerminationMs is how long a deleted pod lingers as Terminating (`podTermination`, 1 s). */
  podTerminationMs: number;
  /** epochMs is the Unix time (ms) of virtual time 0, for timestamps (2026-01-01T00:00:00Z). */
  epochMs: number;
  /** nodes are the node names pods are spread over, round-robin (`node-1` … `node-3`). */
  nodes: readonly string[];
}

/** DEFAULT_CLUSTER_CONFIG is the configuration a scenario without `cluster:` gets. */
export const DEFAULT_CLUSTER_CONFIG: Readonly<ClusterConfig> = Object.freeze({
  podStartupMs: 2000,
  podStartupJitterMs: 0,
  podTerminationMs: 1000,
  epochMs: DEFAULT_EPOCH_MS,
  nodes: Object.freeze(['node-1', 'node-2', 'node-3']),
});

/** DEFAULT_IMAGE_BEHAVIOUR is how an image without a `versions:` entry behaves: healthy, 50 ms. */
export const DEFAULT_IMAGE_BEHAVIOUR: Readonly<ImageBehaviour> = Object.freeze({
  errorRate: 0,
  latencyMs: 50,
});

/** FakeClusterOptions configures {@link createFakeCluster}. */
export interface FakeClusterOptions {
  /** clock is the world's virtual clock (src/sim `createVirtualClock()`). */
  clock: ClusterClock;
  /**
   * rng is the world's rng. Given named streams (src/sim `createRng(seed)`), the cluster draws
   * from `cluster.uids`, `cluster.names` and `cluster.podStartup`; given one stream, from it alone.
   */
  rng: ClusterRng | ClusterRngStreams;
  /** behaviour maps images to their behaviour (the scenario's `versions:`). */
  behaviour?: Readonly<Record<string, ImageBehaviour>>;
  /** config overrides {@link DEFAULT_CLUSTER_CONFIG} field by field. */
  config?: Partial<ClusterConfig>;
}

/** RevisionOrHash names a group of pods: a revision number, or a pod-template hash. */
export type RevisionOrHash = number | string;

/** FakeCluster is a running simulated cluster. */
export interface FakeCluster {
  /** store is the object store: the full API, including the action log and snapshots. */
  readonly store: ObjectStore;
  /** client is the narrow port the controller and routers should use. */
  readonly client: ClusterClient;
  /** config is the effective configuration. */
  readonly config: Readonly<ClusterConfig>;
  /**
   * apply creates the object or, when it exists, replaces it keeping its status unless the new
   * object carries one (like `kubectl apply` of a manifest). Returns the stored object (frozen).
   */
  apply<T extends KubeObject>(object: T): T;
  /**
   * markPodsReady makes up to `n` (default: all) not-ready, non-terminating pods of a revision or
   * hash Ready now, oldest first, whatever their stage or faults. Returns their names.
   */
  markPodsReady(revisionOrHash: RevisionOrHash, n?: number): string[];
  /**
   * killPods deletes up to `n` non-terminating pods of a revision or hash, oldest first, with the
   * cluster's termination grace; their ReplicaSet recreates them under new names.
   */
  killPods(revisionOrHash: RevisionOrHash, n: number): string[];
  /**
   * setReadinessDelay makes pods of a revision or hash take `ms` from Running to Ready
   * (undefined restores the default share). Pods already waiting are re-timed from when they
   * started waiting.
   */
  setReadinessDelay(revisionOrHash: RevisionOrHash, ms: number | undefined): void;
  /**
   * setBehaviour merges `behaviour` into an image's entry. `startupMs` affects pods created from
   * now on; faults (crashLoop, neverReady, imagePullError) affect existing pods at their next
   * stage, and idle pods (Ready, or stuck not ready) are re-examined at once.
   */
  setBehaviour(image: string, behaviour: ImageBehaviour): void;
  /** behaviourOf returns an image's effective behaviour (defaults filled in). */
  behaviourOf(image: string): ImageBehaviour;
  /** resolveHash turns a revision number or hash into the pod-template hash, if one matches. */
  resolveHash(revisionOrHash: RevisionOrHash): string | undefined;
  /** podsOf returns the frozen pods carrying a hash, sorted by name. */
  podsOf(revisionOrHash: RevisionOrHash): Pod[];
  /** actions returns the action log (see ObjectStore.actions). */
  actions(afterSeq?: number): readonly ClusterAction[];
  /** snapshot returns every object, frozen, sorted by key. */
  snapshot(): KubeObject[];
  /** dispose stops every controller and timer of this cluster. */
  dispose(): void;
}

const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';

function hashOf(obj: KubeObject): string | undefined {
  const labels = obj.metadata?.labels;
  return labels?.[ROLLOUTS_POD_TEMPLATE_HASH] ?? labels?.['pod-template-hash'];
}

function byAgeThenName(a: Pod, b: Pod): number {
  const ca = parseRfc3339(a.metadata?.creationTimestamp ?? '', 0) ?? 0;
  const cb = parseRfc3339(b.metadata?.creationTimestamp ?? '', 0) ?? 0;
  if (ca !== cb) return ca - cb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * createFakeCluster returns a running fake cluster. Watchers run in this order on every change:
 * pod lifecycle, ReplicaSet controller, endpoints controller, garbage collector, then any watch
 * added later (the controller's informers).
 *
 * @example
 * const cluster = createFakeCluster({ clock, rng: createRng(1) });
 * cluster.apply(replicaSet); // pods appear at once, Ready 2 s later
 * clock.advanceBy(2000);
 */
export function createFakeCluster(options: FakeClusterOptions): FakeCluster {
  const { clock } = options;
  const config: Readonly<ClusterConfig> = Object.freeze({
    ...DEFAULT_CLUSTER_CONFIG,
    ...options.config,
  });
  const behaviours = new Map<string, ImageBehaviour>(Object.entries(options.behaviour ?? {}));
  const readinessDelays = new Map<string, number>();
  const store = createObjectStore({ clock, rng: options.rng, epochMs: config.epochMs });

  const behaviourOf = (image: string): ImageBehaviour => ({
    ...DEFAULT_IMAGE_BEHAVIOUR,
    ...behaviours.get(image),
  });

  const lifecycle = createPodLifecycle({
    store,
    clock,
    rng: rngStream(options.rng, CLUSTER_RNG_STREAMS.podStartup),
    behaviourOf,
    podStartupMs: config.podStartupMs,
    podStartupJitterMs: config.podStartupJitterMs,
    readinessDelayOf: (pod) => {
      const hash = hashOf(pod);
      return hash === undefined ? undefined : readinessDelays.get(hash);
    },
  });
  const replicaSets = createReplicaSetController({
    store,
    clock,
    epochMs: config.epochMs,
    podTerminationMs: config.podTerminationMs,
    nodes: config.nodes,
  });
  const endpoints = createEndpointsController(store);

  // Garbage collector (background cascading deletion): when an owner goes, so do its dependents
  // whose every owner is gone. Pods get the termination grace, other objects go at once.
  const unwatchGc = store.watch('*', (event: WatchEvent) => {
    if (event.type !== 'DELETED') return;
    const uid = event.object.metadata?.uid;
    if (uid === undefined) return;
    // Most deleted objects (pods) own nothing: look the dependents up before building `live`.
    const dependents = store.ownedBy(uid);
    if (dependents.length === 0) return;
    const live = new Set(store.snapshot().map((o) => o.metadata?.uid));
    for (const dependent of dependents) {
      const refs = dependent.metadata?.ownerReferences ?? [];
      if (refs.some((r) => live.has(r.uid))) continue;
      store.delete(
        dependent.kind,
        dependent.metadata?.namespace ?? '',
        dependent.metadata?.name ?? '',
        {
          gracePeriodMs: dependent.kind === 'Pod' ? config.podTerminationMs : 0,
        },
      );
    }
  });

  function resolveHash(revisionOrHash: RevisionOrHash): string | undefined {
    const replicaSets = store.peekList('ReplicaSet');
    if (typeof revisionOrHash === 'string') {
      if (replicaSets.some((rs) => hashOf(rs) === revisionOrHash)) return revisionOrHash;
      if (!/^\d+$/.test(revisionOrHash)) return revisionOrHash;
    }
    const revision = String(revisionOrHash);
    const rs = replicaSets.find((r) => r.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
    return rs === undefined ? undefined : hashOf(rs);
  }

  function podsOf(revisionOrHash: RevisionOrHash): Pod[] {
    const hash = resolveHash(revisionOrHash);
    if (hash === undefined) return [];
    return store.peekList('Pod').filter((p) => hashOf(p) === hash);
  }

  return {
    store,
    client: store,
    config,
    apply<T extends KubeObject>(object: T): T {
      const meta = object.metadata ?? {};
      const existing = meta.name
        ? store.peek(object.kind, meta.namespace ?? 'default', meta.name)
        : undefined;
      if (existing === undefined) return store.createShared(object);
      const next = { ...object, metadata: { ...meta, resourceVersion: undefined } } as T & {
        status?: unknown;
      };
      if (next.status === undefined) next.status = (existing as { status?: unknown }).status;
      return store.updateShared(next);
    },
    markPodsReady(revisionOrHash, n = Number.POSITIVE_INFINITY) {
      const candidates = podsOf(revisionOrHash)
        .filter((p) => !isTerminating(p) && isPodActive(p) && !isPodReady(p))
        .sort(byAgeThenName);
      const marked: string[] = [];
      for (const pod of candidates) {
        if (marked.length >= n) break;
        const name = pod.metadata?.name ?? '';
        if (lifecycle.forceReady(pod.metadata?.namespace ?? '', name)) marked.push(name);
      }
      return marked;
    },
    killPods(revisionOrHash, n) {
      const victims = podsOf(revisionOrHash)
        .filter((p) => !isTerminating(p))
        .sort(byAgeThenName)
        .slice(0, Math.max(0, n));
      for (const pod of victims) {
        store.delete('Pod', pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', {
          gracePeriodMs: config.podTerminationMs,
        });
      }
      return victims.map((p) => p.metadata?.name ?? '');
    },
    setReadinessDelay(revisionOrHash, ms) {
      const hash = resolveHash(revisionOrHash);
      if (hash === undefined) return;
      if (ms === undefined) readinessDelays.delete(hash);
      else readinessDelays.set(hash, ms);
      lifecycle.refresh((pod) => hashOf(pod) === hash, { retime: true });
    },
    setBehaviour(image, behaviour) {
      behaviours.set(image, { ...behaviours.get(image), ...behaviour });
      lifecycle.refresh((pod) => (pod.spec?.containers ?? []).some((c) => c.image === image));
    },
    behaviourOf,
    resolveHash,
    podsOf,
    actions: (afterSeq) => store.actions(afterSeq),
    snapshot: () => store.snapshot(),
    dispose() {
      unwatchGc();
      endpoints.dispose();
      replicaSets.dispose();
      lifecycle.dispose();
    },
  };
}
