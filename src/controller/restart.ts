/**
 * The pod restarter behind `kubectl argo rollouts restart`: once now ≥ spec.restartAt, pods older
 * than restartAt are evicted a few at a time within the availability budget, and status.restartedAt
 * is set when none is left. Mirrors rollout/restart.go (RolloutPodRestarter.Reconcile).
 */
import {
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
} from '../kernels';
import { epochMsFromRfc3339 } from '../sim';
import { requeueAfter, rolloutReplicas, type RolloutContext } from './rolloutContext';

/** How often the restarter looks again while old pods remain (Argo's 30 s). */
export const RESTART_RECHECK_MS = 30_000;

/** reconcilePodRestarts evicts old pods; returns true when it evicted any (the reconcile then stops). */
export function reconcilePodRestarts(ctx: RolloutContext): boolean {
  const restartAt = ctx.rollout.spec.restartAt;
  if (!restartAt) return false;
  const at = epochMsFromRfc3339(String(restartAt));
  if (at === undefined) return false;
  if (ctx.rollout.status?.restartedAt === restartAt || ctx.newStatus.restartedAt === restartAt)
    return false;
  if (ctx.nowMs < at) {
    requeueAfter(ctx, at - ctx.nowMs);
    return false;
  }
  const ns = ctx.rollout.metadata?.namespace ?? 'default';
  const rsNames = new Set(ctx.allRSs.map((rs) => rs.metadata?.name));
  const oldPods = ctx.ports.client.list('Pod', ns).filter((pod) => {
    const owner = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet');
    if (!owner || !rsNames.has(owner.name) || pod.metadata.deletionTimestamp) return false;
    const created = epochMsFromRfc3339(String(pod.metadata.creationTimestamp ?? ''));
    return created !== undefined && created < at;
  });
  if (oldPods.length === 0) {
    ctx.newStatus.restartedAt = restartAt;
    return false;
  }
  const replicas = rolloutReplicas(ctx);
  const total = Math.max(replicas, getReplicaCountForReplicaSets(ctx.allRSs));
  const budget =
    getAvailableReplicaCountForReplicaSets(ctx.allRSs) -
    (total - Math.max(maxUnavailable(ctx.rollout), 1));
  requeueAfter(ctx, RESTART_RECHECK_MS);
  if (budget <= 0) return false;
  for (const pod of oldPods.slice(0, budget)) ctx.ports.client.delete('Pod', ns, pod.metadata.name);
  return true;
}
