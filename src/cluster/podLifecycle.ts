/**
 * The pod lifecycle engine: watches Pods and walks each through the stage table of podStages.ts,
 * one clock timer per pod. Counterpart: kwok's stage controller (a fake kubelet). Rule: every
 * delay is a virtual-clock timer; jitter comes from one named rng stream, drawn only when > 0.
 */
import type { Pod } from '../model/k8s';
import type { ClusterClock, ClusterRng } from './ports';
import { POD_STAGES, forcePodReady, isPodReady, isTerminating, selectStage } from './podStages';
import type { ImageBehaviour, PodStage, StageContext } from './podStages';
import type { ObjectStore } from './store';
import type { WatchEvent } from './types';

/** PodLifecycleOptions configures {@link createPodLifecycle}. */
export interface PodLifecycleOptions {
  store: ObjectStore;
  clock: ClusterClock;
  /** rng draws stage jitter. */
  rng: ClusterRng;
  /** behaviourOf returns the current behaviour of an image. */
  behaviourOf(image: string): ImageBehaviour;
  /** podStartupMs is the default Pending-to-Ready time. */
  podStartupMs: number;
  /** podStartupJitterMs is the ± uniform jitter of the startup time. */
  podStartupJitterMs: number;
  /** readinessDelayOf returns a Ready-stage override for a pod (setReadinessDelay), if any. */
  readinessDelayOf(pod: Pod): number | undefined;
  /** stages replaces the default table (tests). */
  stages?: readonly PodStage[];
}

/** PodLifecycle is the running engine. */
export interface PodLifecycle {
  /**
   * refresh re-plans the pods `filter` selects: idle pods look for a stage again (a behaviour
   * change may have unblocked them); with `retime`, a pending stage's delay is recomputed as if
   * it had been scheduled with the new settings when it started.
   */
  refresh(filter: (pod: Pod) => boolean, options?: { retime?: boolean }): void;
  /** forceReady makes a not-ready, non-terminating pod Ready now; false when it could not. */
  forceReady(namespace: string, name: string): boolean;
  /** pendingStage names the stage a pod is waiting for, and when it is due (tests, UI). */
  pendingStage(namespace: string, name: string): { stage: string; dueAt: number } | undefined;
  /** dispose stops watching and cancels every timer. */
  dispose(): void;
}

interface Pending {
  stage: PodStage;
  timer: unknown;
  since: number;
  dueAt: number;
}

interface PodMemo {
  namespace: string;
  name: string;
  startupMs: number;
  podIP: string;
  hostIP: string;
  forcedReady: boolean;
  stageCounts: Record<string, number>;
  pending?: Pending;
}

function imageOf(pod: Pod): string {
  return pod.spec?.containers?.[0]?.image ?? '';
}

/** podIPFromIndex returns the n-th pod address (n ≥ 1): 10.244.0.1 … 10.244.0.254, 10.244.1.1 … */
export function podIPFromIndex(n: number): string {
  const i = n - 1;
  return `10.244.${Math.floor(i / 254) % 256}.${(i % 254) + 1}`;
}

/** createPodLifecycle starts the engine on `options.store`. */
export function createPodLifecycle(options: PodLifecycleOptions): PodLifecycle {
  const { store, clock, rng } = options;
  const stages = options.stages ?? POD_STAGES;
  const memos = new Map<string, PodMemo>();
  const nodeIPs = new Map<string, string>();
  let ipCounter = 0;

  function memoFor(pod: Pod): PodMemo {
    const uid = pod.metadata?.uid ?? '';
    let memo = memos.get(uid);
    if (memo === undefined) {
      const node = pod.spec?.nodeName ?? '';
      let hostIP = nodeIPs.get(node);
      if (hostIP === undefined) {
        hostIP = `172.18.0.${nodeIPs.size + 2}`;
        nodeIPs.set(node, hostIP);
      }
      memo = {
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        // Fixed at creation: a later startup change affects only new pods.
        startupMs: options.behaviourOf(imageOf(pod)).startupMs ?? options.podStartupMs,
        podIP: podIPFromIndex(++ipCounter),
        hostIP,
        forcedReady: false,
        stageCounts: {},
      };
      memos.set(uid, memo);
    }
    return memo;
  }

  const timestamp = (ms: number): string => store.timestamp(ms);
  function contextFor(pod: Pod, memo: PodMemo): StageContext {
    return {
      now: clock.now(),
      timestamp,
      behaviour: options.behaviourOf(imageOf(pod)),
      startupMs: memo.startupMs,
      startupJitterMs: options.podStartupJitterMs,
      readinessDelayMs: options.readinessDelayOf(pod),
      podIP: memo.podIP,
      hostIP: memo.hostIP,
      forcedReady: memo.forcedReady,
      stageCounts: memo.stageCounts,
    };
  }

  function drawDelay(stage: PodStage, pod: Pod, ctx: StageContext): number {
    const { ms, jitterMs } = stage.delay(pod, ctx);
    const jitter = jitterMs > 0 ? (2 * rng.next() - 1) * jitterMs : 0;
    return Math.max(0, Math.round(ms + jitter));
  }

  function cancel(memo: PodMemo): void {
    if (memo.pending !== undefined) clock.clearTimeout(memo.pending.timer);
    memo.pending = undefined;
  }

  function schedule(
    uid: string,
    memo: PodMemo,
    stage: PodStage,
    since: number,
    delayMs: number,
  ): void {
    const dueAt = Math.max(clock.now(), since + delayMs);
    const timer = clock.setTimeout(() => fire(uid), dueAt - clock.now());
    memo.pending = { stage, timer, since, dueAt };
  }

  /** plan makes sure the pod waits for the stage that applies now (keeping a pending one). */
  function plan(pod: Pod, retime = false): void {
    const uid = pod.metadata?.uid ?? '';
    const memo = memoFor(pod);
    const ctx = contextFor(pod, memo);
    const stage = selectStage(pod, ctx, stages);
    const pending = memo.pending;
    if (pending !== undefined && pending.stage === stage) {
      if (!retime) return;
      cancel(memo);
      schedule(uid, memo, stage, pending.since, drawDelay(stage, pod, ctx));
      return;
    }
    cancel(memo);
    if (stage !== undefined) schedule(uid, memo, stage, clock.now(), drawDelay(stage, pod, ctx));
  }

  function fire(uid: string): void {
    const memo = memos.get(uid);
    if (memo === undefined) return;
    const stage = memo.pending?.stage;
    memo.pending = undefined;
    const pod = store.peek('Pod', memo.namespace, memo.name);
    if (pod === undefined || pod.metadata?.uid !== uid || stage === undefined) return;
    const ctx = contextFor(pod, memo);
    if (!stage.when(pod, ctx)) {
      // The world moved on while we waited (a behaviour change): pick the stage that fits now.
      plan(pod);
      return;
    }
    const next = stage.next(pod, ctx);
    memo.stageCounts[stage.name] = (memo.stageCounts[stage.name] ?? 0) + 1;
    store.updateStatusShared(next);
    // The MODIFIED event re-plans; this covers a write that changed nothing.
    const after = store.peek('Pod', memo.namespace, memo.name);
    if (after !== undefined) plan(after);
  }

  const unwatch = store.watch('Pod', (event: WatchEvent) => {
    const pod = event.object as Pod;
    const uid = pod.metadata?.uid ?? '';
    if (event.type === 'DELETED') {
      const memo = memos.get(uid);
      if (memo !== undefined) cancel(memo);
      memos.delete(uid);
      return;
    }
    // A Job metric's pod follows its measurement, which the world writes (scenario/jobPods.ts).
    if (pod.metadata?.ownerReferences?.some((r) => r.controller === true && r.kind === 'Job'))
      return;
    // Plan against the latest state: a later event in the queue may already be stored.
    const latest = store.peek('Pod', pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
    if (latest !== undefined && latest.metadata?.uid === uid) plan(latest);
  });

  return {
    refresh(filter, opts = {}) {
      for (const pod of store.peekList('Pod')) {
        if (filter(pod)) plan(pod, opts.retime === true);
      }
    },
    forceReady(namespace, name) {
      const pod = store.peek('Pod', namespace, name);
      if (pod === undefined || isTerminating(pod) || isPodReady(pod)) return false;
      const memo = memoFor(pod);
      memo.forcedReady = true;
      cancel(memo);
      store.updateStatusShared(forcePodReady(pod, contextFor(pod, memo)));
      return true;
    },
    pendingStage(namespace, name) {
      const pod = store.peek('Pod', namespace, name);
      const pending = pod === undefined ? undefined : memos.get(pod.metadata?.uid ?? '')?.pending;
      return pending === undefined
        ? undefined
        : { stage: pending.stage.name, dueAt: pending.dueAt };
    },
    dispose() {
      unwatch();
      for (const memo of memos.values()) cancel(memo);
      memos.clear();
    },
  };
}
