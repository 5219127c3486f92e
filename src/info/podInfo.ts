/**
 * Pod rows of the view model: kubectl's pod status string, ready count, restarts and icon.
 * Mirrors argo-rollouts pkg/kubectl-argo-rollouts/info/pod_info.go, itself a copy of kubectl's
 * `printPod` status logic. Pure: Kubernetes-shaped Pods in, plain values out.
 */
import type { Pod } from '../model/k8s';
import { ICON, infoMetaOf } from './common';
import { ageOf } from './humanDuration';
import type { PodInfo } from './types';

/** The pod `status.reason` the node controller sets when a node stops reporting. */
const NODE_UNREACHABLE_REASON = 'NodeLost';

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

/** Status string, ready containers and restarts, as kubectl computes them. */
interface PodStatusSummary {
  readonly status: string;
  readonly readyContainers: number;
  readonly totalContainers: number;
  readonly restarts: number;
}

function terminatedReason(state: ContainerStatus['state'], prefix: string): string | undefined {
  const t = state?.terminated;
  if (!t) return undefined;
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

/**
 * `podStatusSummary` derives what kubectl shows for a pod: `Running`, `Pending`,
 * `ContainerCreating`, `ImagePullBackOff`, `CrashLoopBackOff`, `Completed`, `Init:1/2`,
 * `Init:CrashLoopBackOff`, `ExitCode:1`, `Signal:9`, `Terminating`, `Unknown`…
 *
 * Precedence, as in kubectl: the phase (or `status.reason`) is the default; a failing or pending
 * init container overrides it; otherwise the first container (in spec order) that is waiting or
 * terminated with a reason wins; a deletion timestamp finally turns it into `Terminating`
 * (`Unknown` when the node is lost).
 */
export function podStatusSummary(pod: Pod): PodStatusSummary {
  const spec = pod.spec;
  const status = pod.status;
  let restarts = 0;
  let readyContainers = 0;
  let reason = status?.reason || (status?.phase ?? '');

  const sidecars = new Set(
    (spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  const initCount = spec?.initContainers?.length ?? 0;

  let initializing = false;
  const initStatuses = status?.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    const terminated = c.state?.terminated;
    if (terminated && terminated.exitCode === 0) continue;
    if (terminated) {
      reason = terminatedReason(c.state, 'Init:')!;
      initializing = true;
    } else if (sidecars.has(c.name) && c.started === true) {
      // A started restartable (sidecar) init container: ready ones are done; a not-ready one
      // stops the scan without marking the pod as initializing, exactly as kubectl does.
      if (c.ready) continue;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initCount}`;
      initializing = true;
    }
    break;
  }

  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    const statuses = status?.containerStatuses ?? [];
    // Walk backwards so the first container in spec order has the last word.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      if (c.state?.waiting?.reason) {
        reason = c.state.waiting.reason;
      } else if (c.state?.terminated) {
        reason = terminatedReason(c.state, '')!;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with one container still running is Running, even if another one completed.
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }

  if (pod.metadata?.deletionTimestamp && status?.reason === NODE_UNREACHABLE_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp) {
    reason = 'Terminating';
  }

  return {
    status: reason,
    readyContainers,
    totalContainers: spec?.containers?.length ?? 0,
    restarts,
  };
}

/** `podIcon` maps a pod status string to the plugin's icon (' ' when it has none). */
export function podIcon(status: string): string {
  if (status.startsWith('Init:')) return ICON.progressing;
  if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return ICON.bad;
  // Image and runtime failures (ErrImagePull, CreateContainerConfigError, …) are warnings.
  if (status.endsWith('Error') || status.startsWith('Err')) return ICON.warning;
  switch (status) {
    case 'Pending':
    case 'Terminating':
    case 'ContainerCreating':
      return ICON.progressing;
    case 'Running':
    case 'Completed':
      return ICON.ok;
    case 'Failed':
    case 'InvalidImageName':
    case 'CrashLoopBackOff':
      return ICON.bad;
    case 'ImagePullBackOff':
    case 'RegistryUnavailable':
      return ICON.warning;
    case 'Unknown':
      return ICON.unknown;
    default:
      return ' ';
  }
}

/** `podInfoFromPod` builds one pod row of the view model at instant `nowMs`. */
export function podInfoFromPod(pod: Pod, nowMs: number): PodInfo {
  const summary = podStatusSummary(pod);
  return {
    objectMeta: infoMetaOf(pod.metadata),
    age: ageOf(pod.metadata?.creationTimestamp, nowMs),
    status: summary.status,
    icon: podIcon(summary.status),
    ready: `${summary.readyContainers}/${summary.totalContainers}`,
    restarts: summary.restarts,
  };
}
