/**
 * Pod lifecycle as a table of stages, kwok style: when each stage applies, how long it takes, and
 * what the pod looks like afterwards. Counterparts: kwok `kustomize/stage/pod/general`, kubelet
 * back-off, kubectl's pod STATUS column. Rule: stages are pure; podLifecycle.ts owns timers.
 */
import type { Pod } from '../model/k8s';

/**
 * ImageBehaviour is how pods running an image behave (the scenario's `versions:` entry, with
 * durations already converted to ms). Only the lifecycle fields matter to the cluster; the
 * traffic fields are stored for the traffic model.
 */
export interface ImageBehaviour {
  /** errorRate is the share of failed requests (0–1), for the traffic model. */
  errorRate?: number;
  /** latencyMs is the mean request latency, for the traffic model. */
  latencyMs?: number;
  /** startupMs is this image's Pending-to-Ready time; overrides the cluster's `podStartupMs`. */
  startupMs?: number;
  /** crashLoop: the container runs, exits, and restarts with kubelet back-off; never Ready. */
  crashLoop?: boolean;
  /** neverReady: the container runs but its readiness probe never passes. */
  neverReady?: boolean;
  /** imagePullError: the image cannot be pulled (`ErrImagePull`, then `ImagePullBackOff`). */
  imagePullError?: boolean;
  /** pullable: false is accepted as an alias of `imagePullError: true`. */
  pullable?: boolean;
  /** exitCode is the container's exit code when it ends (crash loop, or Job pods with runForMs). */
  exitCode?: number;
  /**
   * runForMs: how long the container runs before it exits. Pods with restartPolicy Never or
   * OnFailure (Job pods) then end Succeeded (exitCode 0) or Failed; crash-looping pods crash
   * after this long (default: the readiness share of the startup time).
   */
  runForMs?: number;
}

/** StageContext is everything a stage may read besides the pod. */
export interface StageContext {
  /** now is the current virtual time (ms). */
  now: number;
  /** timestamp turns virtual ms into the RFC 3339 text written into the pod. */
  timestamp(ms: number): string;
  /** behaviour is the live behaviour of the pod's first container image. */
  behaviour: ImageBehaviour;
  /** startupMs is this pod's Pending-to-Ready time, fixed when the pod was created. */
  startupMs: number;
  /** startupJitterMs is the ± uniform jitter on the image pull stage. */
  startupJitterMs: number;
  /** readinessDelayMs, when set, replaces the Ready stage's delay (`setReadinessDelay`). */
  readinessDelayMs?: number;
  /** podIP is the address this pod gets once its sandbox runs. */
  podIP: string;
  /** hostIP is the address of the pod's node. */
  hostIP: string;
  /** forcedReady: the pod was marked ready by hand (`markPodsReady`); faults leave it alone. */
  forcedReady: boolean;
  /** stageCounts counts how often each stage has already been applied to this pod. */
  stageCounts: Readonly<Record<string, number>>;
}

/** StageDelay is a stage's delay: `ms`, plus or minus a uniform draw of up to `jitterMs`. */
export interface StageDelay {
  ms: number;
  jitterMs: number;
}

/** PodStage is one row of the lifecycle table. The first stage whose `when` holds is next. */
export interface PodStage {
  name: string;
  when(pod: Pod, ctx: StageContext): boolean;
  delay(pod: Pod, ctx: StageContext): StageDelay;
  next(pod: Pod, ctx: StageContext): Pod;
}

type PodStatus = NonNullable<Pod['status']>;
type ContainerStatus = NonNullable<PodStatus['containerStatuses']>[number];
type PodCondition = NonNullable<PodStatus['conditions']>[number];

/** Kubelet's container restart back-off starts at 10 s and doubles up to 5 min. */
export const BACKOFF_INITIAL_MS = 10_000;
/** BACKOFF_MAX_MS caps kubelet's restart and image-pull back-off. */
export const BACKOFF_MAX_MS = 300_000;
/** IMAGE_PULL_ERROR_MS is how long `ErrImagePull` shows before `ImagePullBackOff`. */
export const IMAGE_PULL_ERROR_MS = 1_000;
/**
 * READINESS_LOSS_MS is how long a Ready pod whose image turns `neverReady` stays Ready:
 * the probe defaults, failureThreshold 3 × periodSeconds 10.
 */
export const READINESS_LOSS_MS = 30_000;

/** backOffMs returns kubelet's back-off before the (n+1)-th retry: 10 s · 2ⁿ, capped at 5 min. */
export function backOffMs(n: number): number {
  return Math.min(BACKOFF_INITIAL_MS * 2 ** Math.max(0, n), BACKOFF_MAX_MS);
}

function humanSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 && s % 60 === 0
    ? `${s / 60}m0s`
    : s >= 60
      ? `${Math.floor(s / 60)}m${s % 60}s`
      : `${s}s`;
}

/** pullShareMs is the image-pull share of a startup time (the first half, rounded). */
export function pullShareMs(startupMs: number): number {
  return Math.round(startupMs / 2);
}

/** readinessShareMs is the readiness share of a startup time (what the pull share leaves). */
export function readinessShareMs(startupMs: number): number {
  return startupMs - pullShareMs(startupMs);
}

/** isUnpullable reports whether a behaviour makes image pulls fail. */
export function isUnpullable(b: ImageBehaviour): boolean {
  return b.imagePullError === true || b.pullable === false;
}

/** isTerminating reports whether deletion of the pod has begun. */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined;
}

function condition(pod: Pod, type: string): PodCondition | undefined {
  const conditions = pod.status?.conditions;
  if (conditions === undefined) return undefined;
  // A loop rather than `find`: this runs for every pod on every ReplicaSet sync and stage choice.
  for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

/** isPodReady reports whether the pod's Ready condition is True (k8s `podutil.IsPodReady`). */
export function isPodReady(pod: Pod): boolean {
  return condition(pod, 'Ready')?.status === 'True';
}

function first(pod: Pod): ContainerStatus | undefined {
  return pod.status?.containerStatuses?.[0];
}

function waitingReason(pod: Pod): string | undefined {
  return first(pod)?.state?.waiting?.reason;
}

function isRunning(pod: Pod): boolean {
  return first(pod)?.state?.running !== undefined && pod.status?.phase === 'Running';
}

function restartsAlways(pod: Pod): boolean {
  const policy = pod.spec?.restartPolicy;
  return policy === undefined || policy === 'Always';
}

function imageOf(pod: Pod): string {
  return pod.spec?.containers?.[0]?.image ?? '';
}

/**
 * withConditions returns `conditions` with each given type set to `status`. As the kubelet does,
 * lastTransitionTime changes only when the status does. Missing types are appended in kubelet's
 * order (Initialized, Ready, ContainersReady, PodScheduled).
 */
function withConditions(
  conditions: readonly PodCondition[] | undefined,
  set: Readonly<Record<string, { status: string; reason?: string }>>,
  at: string,
): PodCondition[] {
  const order = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  // Unchanged conditions are the previous (stored, frozen) objects themselves: never edited here,
  // only replaced, so the store shares them instead of copying.
  const out = [...(conditions ?? [])];
  for (const type of order
    .filter((t) => t in set)
    .concat(Object.keys(set).filter((t) => !order.includes(t)))) {
    const want = set[type];
    const i = out.findIndex((c) => c.type === type);
    const next: PodCondition = { type, status: want.status, lastTransitionTime: at };
    if (want.reason !== undefined) next.reason = want.reason;
    if (i < 0) {
      out.push(next);
    } else if (out[i].status !== want.status || out[i].reason !== want.reason) {
      out[i] = {
        ...next,
        lastTransitionTime: out[i].status === want.status ? out[i].lastTransitionTime : at,
      };
    }
  }
  return out;
}

function notReadyConditions(pod: Pod, at: string, reason = 'ContainersNotReady'): PodCondition[] {
  return withConditions(
    pod.status?.conditions,
    { Ready: { status: 'False', reason }, ContainersReady: { status: 'False', reason } },
    at,
  );
}

/** mapContainers returns a copy of the pod with every container status passed through `fn`. */
function mapContainers(pod: Pod, fn: (c: ContainerStatus) => ContainerStatus): ContainerStatus[] {
  return (pod.status?.containerStatuses ?? []).map((c) => fn({ ...c }));
}

function withStatus(pod: Pod, status: PodStatus): Pod {
  return { ...pod, status };
}

/** runningStatus returns the pod with its containers running (not yet ready) and the pod IP set. */
function startContainers(pod: Pod, ctx: StageContext, restart: boolean): Pod {
  const at = ctx.timestamp(ctx.now);
  return withStatus(pod, {
    ...pod.status,
    phase: 'Running',
    podIP: ctx.podIP,
    podIPs: [{ ip: ctx.podIP }],
    conditions: notReadyConditions(pod, at),
    containerStatuses: mapContainers(pod, (c) => ({
      ...c,
      ready: false,
      started: true,
      restartCount: c.restartCount + (restart ? 1 : 0),
      state: { running: { startedAt: at } },
    })),
  });
}

function waiting(pod: Pod, ctx: StageContext, reason: string, message: string): Pod {
  return withStatus(pod, {
    ...pod.status,
    containerStatuses: mapContainers(pod, (c) => ({
      ...c,
      ready: false,
      started: false,
      state: { waiting: { reason, message } },
    })),
    conditions: notReadyConditions(pod, ctx.timestamp(ctx.now)),
  });
}

/**
 * POD_STAGES is the lifecycle table, in priority order. Every stage but Terminating ignores pods
 * being deleted; a Terminating pod is removed by the store when its grace period ends.
 *
 * Timing (startup S = image `startupMs` ?? `podStartupMs`, jitter J = `podStartupJitterMs`):
 *   PodScheduled       0 ms      Pending, on its node, container waiting `ContainerCreating`
 *   ContainerCreating  S/2 ± J   image pull + container start → Running, not ready
 *   Ready              S − S/2   readiness probe passes → Ready (or the setReadinessDelay value)
 * so a pod created at t is Ready at exactly t + S when J = 0. The jitter sits on the image pull
 * alone, so the total stays uniform in S ± J (a draw that would make the pull negative is
 * clamped to 0, which only matters when J > S/2).
 *
 * Faults: unpullable images go ErrImagePull → (1 s) ImagePullBackOff → (back-off 10 s, 20 s …
 * 5 min) retry; crashLoop containers run for `runForMs` (default S − S/2), then CrashLoopBackOff
 * for 10 s · 2^restartCount (cap 5 min), then restart; neverReady pods stay Running, not ready.
 */
export const POD_STAGES: readonly PodStage[] = [
  {
    // The kubelet stops the containers: the pod stops advertising readiness at once.
    name: 'Terminating',
    when: (pod) =>
      isTerminating(pod) &&
      (isPodReady(pod) || (pod.status?.containerStatuses ?? []).some((c) => c.ready)),
    delay: () => ({ ms: 0, jitterMs: 0 }),
    next: (pod, ctx) =>
      withStatus(pod, {
        ...pod.status,
        conditions: notReadyConditions(pod, ctx.timestamp(ctx.now)),
        containerStatuses: mapContainers(pod, (c) => ({ ...c, ready: false })),
      }),
  },
  {
    // Scheduler binding + kubelet admission: the pod is on its node, the sandbox is being made.
    name: 'PodScheduled',
    when: (pod) =>
      !isTerminating(pod) &&
      (pod.status?.phase ?? 'Pending') === 'Pending' &&
      condition(pod, 'PodScheduled') === undefined,
    delay: () => ({ ms: 0, jitterMs: 0 }),
    next: (pod, ctx) => {
      const at = ctx.timestamp(ctx.now);
      return withStatus(pod, {
        ...pod.status,
        phase: 'Pending',
        hostIP: ctx.hostIP,
        hostIPs: [{ ip: ctx.hostIP }],
        startTime: at,
        qosClass: pod.status?.qosClass ?? 'BestEffort',
        conditions: withConditions(
          pod.status?.conditions,
          {
            Initialized: { status: 'True' },
            Ready: { status: 'False', reason: 'ContainersNotReady' },
            ContainersReady: { status: 'False', reason: 'ContainersNotReady' },
            PodScheduled: { status: 'True' },
          },
          at,
        ),
        containerStatuses: (pod.spec?.containers ?? []).map((c) => ({
          name: c.name,
          image: c.image ?? '',
          imageID: '',
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        })),
      });
    },
  },
  {
    // Image pull and container start. Jitter lives here (see the module header).
    name: 'ContainerCreating',
    when: (pod) => !isTerminating(pod) && waitingReason(pod) === 'ContainerCreating',
    delay: (_pod, ctx) => ({ ms: pullShareMs(ctx.startupMs), jitterMs: ctx.startupJitterMs }),
    next: (pod, ctx) =>
      isUnpullable(ctx.behaviour)
        ? waiting(
            pod,
            ctx,
            'ErrImagePull',
            `failed to pull and unpack image "${imageOf(pod)}": not found`,
          )
        : startContainers(pod, ctx, false),
  },
  {
    name: 'ImagePullBackOff',
    when: (pod) => !isTerminating(pod) && waitingReason(pod) === 'ErrImagePull',
    delay: () => ({ ms: IMAGE_PULL_ERROR_MS, jitterMs: 0 }),
    next: (pod, ctx) =>
      waiting(pod, ctx, 'ImagePullBackOff', `Back-off pulling image "${imageOf(pod)}"`),
  },
  {
    // After the back-off the kubelet pulls again; a pull that now works starts over as ContainerCreating.
    name: 'ImagePullRetry',
    when: (pod) => !isTerminating(pod) && waitingReason(pod) === 'ImagePullBackOff',
    delay: (_pod, ctx) => ({
      ms: backOffMs((ctx.stageCounts.ImagePullBackOff ?? 1) - 1),
      jitterMs: 0,
    }),
    next: (pod, ctx) =>
      isUnpullable(ctx.behaviour)
        ? waiting(
            pod,
            ctx,
            'ErrImagePull',
            `failed to pull and unpack image "${imageOf(pod)}": not found`,
          )
        : waiting(pod, ctx, 'ContainerCreating', ''),
  },
  {
    // Job-like pods (restartPolicy Never/OnFailure) with runForMs end for good.
    name: 'Completed',
    when: (pod, ctx) =>
      !isTerminating(pod) &&
      isRunning(pod) &&
      !restartsAlways(pod) &&
      ctx.behaviour.runForMs !== undefined,
    delay: (_pod, ctx) => ({ ms: ctx.behaviour.runForMs ?? 0, jitterMs: 0 }),
    next: (pod, ctx) => {
      const at = ctx.timestamp(ctx.now);
      const exitCode = ctx.behaviour.exitCode ?? 0;
      return withStatus(pod, {
        ...pod.status,
        phase: exitCode === 0 ? 'Succeeded' : 'Failed',
        conditions: notReadyConditions(pod, at, 'PodCompleted'),
        containerStatuses: mapContainers(pod, (c) => ({
          ...c,
          ready: false,
          started: false,
          state: {
            terminated: {
              exitCode,
              reason: exitCode === 0 ? 'Completed' : 'Error',
              startedAt: c.state?.running?.startedAt,
              finishedAt: at,
            },
          },
        })),
      });
    },
  },
  {
    // The container exits; the kubelet waits out the back-off before restarting it.
    name: 'Crash',
    when: (pod, ctx) =>
      !isTerminating(pod) &&
      isRunning(pod) &&
      restartsAlways(pod) &&
      ctx.behaviour.crashLoop === true &&
      !ctx.forcedReady,
    delay: (_pod, ctx) => ({
      ms: ctx.behaviour.runForMs ?? readinessShareMs(ctx.startupMs),
      jitterMs: 0,
    }),
    next: (pod, ctx) => {
      const at = ctx.timestamp(ctx.now);
      const podName = pod.metadata?.name ?? '';
      return withStatus(pod, {
        ...pod.status,
        conditions: notReadyConditions(pod, at),
        containerStatuses: mapContainers(pod, (c) => ({
          ...c,
          ready: false,
          started: false,
          lastState: {
            terminated: {
              exitCode: ctx.behaviour.exitCode ?? 1,
              reason: 'Error',
              startedAt: c.state?.running?.startedAt,
              finishedAt: at,
            },
          },
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off ${humanSeconds(backOffMs(c.restartCount))} restarting failed container=${c.name} pod=${podName}`,
            },
          },
        })),
      });
    },
  },
  {
    name: 'Restart',
    when: (pod) => !isTerminating(pod) && waitingReason(pod) === 'CrashLoopBackOff',
    delay: (pod) => ({ ms: backOffMs(first(pod)?.restartCount ?? 0), jitterMs: 0 }),
    next: (pod, ctx) => startContainers(pod, ctx, true),
  },
  {
    // The readiness probe passes.
    name: 'Ready',
    when: (pod, ctx) =>
      !isTerminating(pod) &&
      isRunning(pod) &&
      !isPodReady(pod) &&
      ctx.behaviour.crashLoop !== true &&
      ctx.behaviour.neverReady !== true,
    delay: (_pod, ctx) => ({
      ms: ctx.readinessDelayMs ?? readinessShareMs(ctx.startupMs),
      jitterMs: 0,
    }),
    next: (pod, ctx) => markReady(pod, ctx),
  },
  {
    // An image switched to neverReady: the probe starts failing and the pod drops out.
    name: 'ReadinessLost',
    when: (pod, ctx) =>
      !isTerminating(pod) &&
      isPodReady(pod) &&
      ctx.behaviour.neverReady === true &&
      !ctx.forcedReady,
    delay: () => ({ ms: READINESS_LOSS_MS, jitterMs: 0 }),
    next: (pod, ctx) =>
      withStatus(pod, {
        ...pod.status,
        conditions: notReadyConditions(pod, ctx.timestamp(ctx.now)),
        containerStatuses: mapContainers(pod, (c) => ({ ...c, ready: false })),
      }),
  },
];

/** markReady returns the pod with Ready/ContainersReady True and every container ready. */
function markReady(pod: Pod, ctx: StageContext): Pod {
  const at = ctx.timestamp(ctx.now);
  return withStatus(pod, {
    ...pod.status,
    conditions: withConditions(
      pod.status?.conditions,
      { Ready: { status: 'True' }, ContainersReady: { status: 'True' } },
      at,
    ),
    containerStatuses: mapContainers(pod, (c) => ({ ...c, ready: true, started: true })),
  });
}

/**
 * forcePodReady returns the pod made Ready at once, whatever stage it was in (the `markPodsReady`
 * lever, like Argo's e2e fixture patching pod readiness): scheduled, running, IP set, ready.
 */
export function forcePodReady(pod: Pod, ctx: StageContext): Pod {
  let p = pod;
  const scheduled = POD_STAGES.find((s) => s.name === 'PodScheduled');
  if (condition(p, 'PodScheduled') === undefined && scheduled) p = scheduled.next(p, ctx);
  if (!isRunning(p)) p = startContainers(p, ctx, false);
  return markReady(p, ctx);
}

/** selectStage returns the first stage of `stages` that applies to the pod, if any. */
export function selectStage(
  pod: Pod,
  ctx: StageContext,
  stages: readonly PodStage[] = POD_STAGES,
): PodStage | undefined {
  return stages.find((s) => s.when(pod, ctx));
}

/**
 * podDisplayStatus returns the STATUS column of `kubectl get pods` (and the pod status in
 * `kubectl argo rollouts get rollout`): the last container's waiting or terminated reason wins
 * over the phase, and a pod being deleted reads `Terminating`.
 */
export function podDisplayStatus(pod: Pod): string {
  const status = pod.status ?? {};
  let reason = status.reason ?? status.phase ?? 'Pending';
  let hasRunning = false;
  const containers = status.containerStatuses ?? [];
  for (let i = containers.length - 1; i >= 0; i--) {
    const c = containers[i];
    const state = c.state ?? {};
    if (state.waiting?.reason) {
      reason = state.waiting.reason;
    } else if (state.terminated !== undefined) {
      const t = state.terminated;
      reason = t.reason ?? (t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`);
    } else if (c.ready && state.running !== undefined) {
      hasRunning = true;
    }
  }
  if (reason === 'Completed' && hasRunning) reason = isPodReady(pod) ? 'Running' : 'NotReady';
  if (isTerminating(pod)) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

/** podRestarts returns the highest container restart count (k8s `maxContainerRestarts`). */
export function podRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount));
}
