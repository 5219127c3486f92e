/**
 * ReplicaSet rows of the view model: health, role flags (stable, canary, active, preview, ping,
 * pong), scale-down delay and pods. Mirrors argo-rollouts pkg/kubectl-argo-rollouts/info/
 * replicaset_info.go and the pod grouping of pod_info.go. Pure: objects and `nowMs` in.
 */
import type { Pod, ReplicaSet, Rollout } from '../model/k8s';
import {
  ICON,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_DESCRIPTION_ANNOTATION,
  SCALE_DOWN_DEADLINE_ANNOTATION,
  TEMPLATE_NAME_ANNOTATION,
  infoMetaOf,
  isOwnedBy,
  ownerKeyOf,
  revisionOf,
} from './common';
import type { OwnerKey } from './common';
import { ageOf, epochMsFromRfc3339, humanDuration } from './humanDuration';
import { podInfoFromPod } from './podInfo';
import type { PodInfo, ReplicaSetInfo } from './types';

/**
 * `replicaSetHealth` returns `Progressing` while the ReplicaSet controller has not observed the
 * latest generation or fewer pods are available than wanted, `ReplicaFailure` when that condition
 * is true, `ScaledDown` at zero desired replicas, and `Healthy` otherwise.
 */
export function replicaSetHealth(rs: ReplicaSet): string {
  const generation = rs.metadata?.generation ?? 0;
  const observed = rs.status?.observedGeneration ?? 0;
  const specReplicas = rs.spec?.replicas;
  if (generation > observed) return 'Progressing';
  const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (failure?.status === 'True') return 'ReplicaFailure';
  if (specReplicas !== undefined && (rs.status?.availableReplicas ?? 0) < specReplicas) {
    return 'Progressing';
  }
  if (specReplicas === 0) return 'ScaledDown';
  return 'Healthy';
}

/** `replicaSetIcon` maps a ReplicaSet health to the plugin's icon (' ' when it has none). */
export function replicaSetIcon(status: string): string {
  switch (status) {
    case 'Progressing':
      return ICON.progressing;
    case 'Healthy':
      return ICON.ok;
    case 'ReplicaFailure':
      return ICON.bad;
    case 'ScaledDown':
      return ICON.neutral;
    default:
      return ' ';
  }
}

/**
 * `scaleDownDelay` is what follows `delay:` for a ReplicaSet carrying a `scale-down-deadline`
 * annotation: `passed` once the deadline is behind `nowMs`, otherwise the time left as a human
 * duration (`3h59m`, `10s`), or '' when the annotation is not RFC 3339.
 */
export function scaleDownDelay(deadline: string, nowMs: number): string {
  const deadlineMs = epochMsFromRfc3339(deadline);
  if (deadlineMs === undefined) return '';
  return deadlineMs < nowMs ? 'passed' : humanDuration(deadlineMs - nowMs);
}

interface Roles {
  stable: boolean;
  canary: boolean;
  active: boolean;
  preview: boolean;
  ping: boolean;
  pong: boolean;
}

/**
 * Roles by pod-template hash. Canary: the stable hash wins over the current hash (they are equal
 * once fully promoted). With ping-pong, the stable RS is `ping` when `status.canary.stablePingPong`
 * is `ping` and `pong` otherwise; the canary takes the other one. Blue-green: `stable` and then
 * `active` or (only if not active) `preview`.
 */
function rolesFor(rollout: Rollout | undefined, hash: string | undefined): Roles {
  const roles: Roles = {
    stable: false,
    canary: false,
    active: false,
    preview: false,
    ping: false,
    pong: false,
  };
  if (!rollout) return roles;
  const status = rollout.status;
  const strategy = rollout.spec.strategy;
  // Go compares strings, so a missing label ('') still matches a missing status field ('').
  const h = hash ?? '';
  if (strategy?.canary) {
    const pingPong = strategy.canary.pingPong !== undefined && strategy.canary.pingPong !== null;
    const stableIsPing = status?.canary?.stablePingPong === 'ping';
    if ((status?.stableRS ?? '') === h) {
      roles.stable = true;
      if (pingPong) {
        roles.ping = stableIsPing;
        roles.pong = !stableIsPing;
      }
    } else if ((status?.currentPodHash ?? '') === h) {
      roles.canary = true;
      if (pingPong) {
        roles.ping = !stableIsPing;
        roles.pong = stableIsPing;
      }
    }
  }
  if (strategy?.blueGreen) {
    if ((status?.stableRS ?? '') === h) roles.stable = true;
    if ((status?.blueGreen?.activeSelector ?? '') === h) roles.active = true;
    else if ((status?.blueGreen?.previewSelector ?? '') === h) roles.preview = true;
  }
  return roles;
}

/** Oldest first, then by name (Go compares creation times, then names). */
function comparePods(a: PodInfo, b: PodInfo): number {
  const ta = epochMsFromRfc3339(a.objectMeta.creationTimestamp ?? '') ?? -Infinity;
  const tb = epochMsFromRfc3339(b.objectMeta.creationTimestamp ?? '') ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.objectMeta.name < b.objectMeta.name ? -1 : a.objectMeta.name > b.objectMeta.name ? 1 : 0;
}

/**
 * `replicaSetInfos` lists the ReplicaSets owned by `owner` (a Rollout or an Experiment), newest
 * revision first and then by name, each with its pods (matched by owner reference) oldest first.
 * Role flags are computed only when `rollout` is given (Experiment ReplicaSets have none).
 *
 * Argo also compares creation times between name and revision, but its comparator forgets to
 * return that result, so the effective order is revision then name; we keep that order.
 */
export function replicaSetInfos(
  owner: OwnerKey,
  rollout: Rollout | undefined,
  replicaSets: readonly ReplicaSet[],
  pods: readonly Pod[],
  nowMs: number,
): ReplicaSetInfo[] {
  const owned = replicaSets.filter((rs) => isOwnedBy(rs.metadata, owner));
  const infos = owned.map((rs) => {
    const annotations = rs.metadata?.annotations ?? {};
    const status = replicaSetHealth(rs);
    const deadline = annotations[SCALE_DOWN_DEADLINE_ANNOTATION] ?? '';
    const rsKey = ownerKeyOf('ReplicaSet', rs.metadata);
    const podInfos = pods
      .filter((p) => isOwnedBy(p.metadata, rsKey))
      .map((p) => podInfoFromPod(p, nowMs))
      .sort(comparePods);
    const info: ReplicaSetInfo = {
      objectMeta: infoMetaOf(rs.metadata),
      age: ageOf(rs.metadata?.creationTimestamp, nowMs),
      status,
      icon: replicaSetIcon(status),
      revision: revisionOf(rs.metadata),
      ...rolesFor(rollout, rs.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL]),
      replicas: rs.status?.replicas ?? 0,
      available: rs.status?.availableReplicas ?? 0,
      template: annotations[TEMPLATE_NAME_ANNOTATION] ?? '',
      scaleDownDeadline: deadline,
      scaleDownDelay: deadline === '' ? '' : scaleDownDelay(deadline, nowMs),
      description: annotations[REVISION_DESCRIPTION_ANNOTATION] ?? '',
      images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
      initContainerImages: (rs.spec?.template?.spec?.initContainers ?? []).map(
        (c) => c.image ?? '',
      ),
      pods: podInfos,
    };
    return info;
  });
  return infos.sort((a, b) =>
    a.revision !== b.revision
      ? b.revision - a.revision
      : a.objectMeta.name < b.objectMeta.name
        ? -1
        : a.objectMeta.name > b.objectMeta.name
          ? 1
          : 0,
  );
}
