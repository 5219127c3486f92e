// Mirrors the ReplicaSet helpers of argo-rollouts utils/replicaset/replicaset.go, canary.go and
// bluegreen.go: reading counts off ReplicaSets and telling new, stable and "other" RSs apart by
// their rollouts-pod-template-hash label (falling back to the name when a label is missing).
import type { ReplicaSet, Rollout } from '../model/k8s';
import { ROLLOUT_POD_TEMPLATE_HASH_LABEL } from './defaults';

/** A ReplicaSet slot that may be empty, as Go's `*appsv1.ReplicaSet` may be nil. */
export type MaybeReplicaSet = ReplicaSet | null | undefined;

/**
 * GetPodTemplateHash returns the `rollouts-pod-template-hash` label of a ReplicaSet, or "".
 *
 * Example: RS labelled `rollouts-pod-template-hash: 6f646bf7b7` → "6f646bf7b7"; no labels → "".
 */
export function getPodTemplateHash(rs: MaybeReplicaSet): string {
  return rs?.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL] ?? '';
}

/**
 * Returns `rs.spec.replicas`, defaulting a missing value to 1 as the API server does.
 *
 * Example: `{spec: {replicas: 3}}` → 3; `{spec: {}}` → 1.
 */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1;
}

/**
 * Returns `rs.status.availableReplicas`, or 0 when unset.
 *
 * Example: `{status: {replicas: 3, availableReplicas: 2}}` → 2; no status → 0.
 */
export function availableReplicas(rs: ReplicaSet): number {
  return rs.status?.availableReplicas ?? 0;
}

/**
 * Returns `rs.status.replicas` (pods that exist, ready or not), or 0 when unset.
 *
 * Example: `{status: {replicas: 3, availableReplicas: 2}}` → 3.
 */
export function statusReplicas(rs: ReplicaSet): number {
  return rs.status?.replicas ?? 0;
}

/**
 * Reports whether two ReplicaSets are the same object as far as Argo is concerned: equal
 * pod-template-hash labels when both carry one, otherwise equal names.
 *
 * Example: two RSs both labelled "abc" → true; unlabelled RSs named "newRS" and "stableRS" →
 * false; unlabelled RSs both named "stable" → true.
 */
export function isSameReplicaSet(a: MaybeReplicaSet, b: MaybeReplicaSet): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const hashA = getPodTemplateHash(a);
  const hashB = getPodTemplateHash(b);
  if (hashA !== '' && hashB !== '') return hashA === hashB;
  const nameA = a.metadata?.name ?? '';
  return nameA !== '' && nameA === (b.metadata?.name ?? '');
}

/**
 * CheckStableRSExists reports whether a stable ReplicaSet exists and differs from the new one.
 *
 * Example: stable undefined → false; new undefined, stable present → true; new and stable are
 * the same RS (first deploy, or fast rollback) → false.
 */
export function checkStableRSExists(newRS: MaybeReplicaSet, stableRS: MaybeReplicaSet): boolean {
  if (!stableRS) return false;
  if (!newRS) return true;
  return !isSameReplicaSet(newRS, stableRS);
}

/**
 * GetReplicaCountForReplicaSets sums `spec.replicas` over the given ReplicaSets (empty slots
 * are skipped).
 *
 * Example: specs [3, undefined-slot, 2] → 5.
 */
export function getReplicaCountForReplicaSets(replicaSets: readonly MaybeReplicaSet[]): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += specReplicas(rs);
  return total;
}

/**
 * GetAvailableReplicaCountForReplicaSets sums `status.availableReplicas` over the ReplicaSets.
 *
 * Example: available [3, 0, 2] → 5.
 */
export function getAvailableReplicaCountForReplicaSets(
  replicaSets: readonly MaybeReplicaSet[],
): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += availableReplicas(rs);
  return total;
}

/**
 * GetActualReplicaCountForReplicaSets sums `status.replicas` (existing pods) over the RSs.
 *
 * Example: status.replicas [4, 1] → 5.
 */
export function getActualReplicaCountForReplicaSets(
  replicaSets: readonly MaybeReplicaSet[],
): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += statusReplicas(rs);
  return total;
}

/**
 * GetStableRS finds the ReplicaSet whose hash label equals `status.stableRS` (checking newRS
 * first); undefined when `status.stableRS` is empty or no RS matches.
 *
 * Example: status.stableRS "abc", RSs labelled ["abc", "def"] → the "abc" RS.
 */
export function getStableRS(
  rollout: Rollout,
  newRS: MaybeReplicaSet,
  rsList: readonly MaybeReplicaSet[],
): ReplicaSet | undefined {
  const stableHash = rollout.status?.stableRS ?? '';
  if (stableHash === '') return undefined;
  if (newRS && getPodTemplateHash(newRS) === stableHash) return newRS;
  for (const rs of rsList) {
    if (rs && getPodTemplateHash(rs) === stableHash) return rs;
  }
  return undefined;
}

/**
 * GetOtherRSs returns every ReplicaSet that is neither the new nor the stable one (empty slots
 * dropped), keeping the input order.
 *
 * Example: [v1 (stable), v2, v3 (new)] → [v2].
 */
export function getOtherRSs(
  newRS: MaybeReplicaSet,
  stableRS: MaybeReplicaSet,
  allRSs: readonly MaybeReplicaSet[],
): ReplicaSet[] {
  const others: ReplicaSet[] = [];
  for (const rs of allRSs) {
    if (!rs) continue;
    if (isSameReplicaSet(rs, stableRS) || isSameReplicaSet(rs, newRS)) continue;
    others.push(rs);
  }
  return others;
}

/**
 * GetReplicaSetByTemplateHash splits `allRSs` into the RS whose hash label equals
 * `podTemplateHash` and the other labelled RSs; an empty hash matches nothing.
 *
 * Example: hash "b", RSs labelled ["a", "b", "c"] → {match: "b", others: ["a", "c"]}.
 */
export function getReplicaSetByTemplateHash(
  allRSs: readonly MaybeReplicaSet[],
  podTemplateHash: string,
): { match: ReplicaSet | undefined; others: ReplicaSet[] } {
  if (podTemplateHash === '') {
    return { match: undefined, others: allRSs.filter((rs): rs is ReplicaSet => !!rs) };
  }
  let match: ReplicaSet | undefined;
  const others: ReplicaSet[] = [];
  for (const rs of allRSs) {
    if (!rs) continue;
    const hash = rs.metadata?.labels?.[ROLLOUT_POD_TEMPLATE_HASH_LABEL];
    if (hash === undefined) continue;
    if (hash === podTemplateHash) match = rs;
    else others.push(rs);
  }
  return { match, others };
}

/**
 * Returns the revision number from the `rollout.argoproj.io/revision` annotation, or 0 when
 * the annotation is missing (as Argo's `Revision`), or -1 when it is not an integer.
 *
 * Example: annotation "3" → 3; no annotation → 0; "x" → -1.
 */
export function getReplicaSetRevision(rs: ReplicaSet): number {
  const text = rs.metadata?.annotations?.['rollout.argoproj.io/revision'];
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number.parseInt(text, 10) : -1;
}
