/**
 * Housekeeping of old ReplicaSets and ephemeral pod metadata.
 * Mirrors rollout/sync.go reconcileRevisionHistoryLimit and rollout/ephemeralmetadata.go.
 * Rule: only ReplicaSets with no pods are deleted; metadata changes reach existing pods too.
 */
import type { ReplicaSet } from '../model';
import { epochMsFromRfc3339 } from '../sim';
import { POD_TEMPLATE_HASH_LABEL } from './constants';
import { classifyReplicaSets, type RolloutContext } from './rolloutContext';
import { isFullyPromoted } from './trafficRouting';

const EPHEMERAL_ANNOTATION = 'rollout.argoproj.io/ephemeral-metadata';

/** reconcileRevisionHistoryLimit deletes the oldest empty other-RSs beyond revisionHistoryLimit (default 10). */
export function reconcileRevisionHistoryLimit(ctx: RolloutContext): void {
  const limit = ctx.rollout.spec.revisionHistoryLimit ?? 10;
  const cleanable = ctx.otherRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const created = (rs: ReplicaSet) =>
    epochMsFromRfc3339(String(rs.metadata?.creationTimestamp ?? '')) ?? 0;
  cleanable.sort(
    (a, b) =>
      created(a) - created(b) || String(a.metadata?.name).localeCompare(String(b.metadata?.name)),
  );
  const ns = ctx.rollout.metadata?.namespace ?? 'default';
  let deleted = false;
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 0) !== 0) continue;
    if ((rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.ports.client.delete('ReplicaSet', ns, rs.metadata!.name!);
    deleted = true;
  }
  if (deleted) {
    const names = new Set(ctx.ports.client.list('ReplicaSet', ns).map((o) => o.metadata.name));
    ctx.allRSs = ctx.allRSs.filter((rs) => names.has(rs.metadata!.name!));
    classifyReplicaSets(ctx);
  }
}

interface PodMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** syncEphemeralMetadata makes `rs` (its template and its live pods) carry exactly `desired` as ephemeral metadata. */
function syncEphemeralMetadata(
  ctx: RolloutContext,
  rs: ReplicaSet | undefined,
  desired: PodMetadata | undefined,
): void {
  if (!rs) return;
  const want: PodMetadata = {
    labels: { ...(desired?.labels ?? {}) },
    annotations: { ...(desired?.annotations ?? {}) },
  };
  const previousText = rs.metadata?.annotations?.[EPHEMERAL_ANNOTATION];
  const previous: PodMetadata = previousText ? (JSON.parse(previousText) as PodMetadata) : {};
  const wantText =
    Object.keys(want.labels!).length + Object.keys(want.annotations!).length
      ? JSON.stringify(want)
      : undefined;
  if (wantText === previousText) return;
  const patchMap = (prev: Record<string, string> | undefined, next: Record<string, string>) => {
    const out: Record<string, string | null> = {};
    for (const key of Object.keys(prev ?? {}))
      if (!(key in next) && key !== POD_TEMPLATE_HASH_LABEL) out[key] = null;
    for (const [k, v] of Object.entries(next)) out[k] = v;
    return out;
  };
  const meta = {
    labels: patchMap(previous.labels, want.labels!),
    annotations: patchMap(previous.annotations, want.annotations!),
  };
  const ns = rs.metadata?.namespace ?? 'default';
  ctx.ports.client.patch('ReplicaSet', ns, rs.metadata!.name!, {
    metadata: { annotations: { [EPHEMERAL_ANNOTATION]: wantText ?? null } },
    spec: { template: { metadata: meta } },
  });
  for (const pod of ctx.ports.client.list('Pod', ns)) {
    const owner = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet');
    if (owner?.name !== rs.metadata?.name || pod.metadata.deletionTimestamp) continue;
    ctx.ports.client.patch('Pod', ns, pod.metadata.name, { metadata: meta });
  }
}

/** reconcileEphemeralMetadata: canaryMetadata on the canary's pods, stableMetadata on the stable's. */
export function reconcileEphemeralMetadata(ctx: RolloutContext): void {
  const canary = ctx.rollout.spec.strategy?.canary;
  const bg = ctx.rollout.spec.strategy?.blueGreen;
  const [forNew, forStable] = canary
    ? [canary.canaryMetadata, canary.stableMetadata]
    : [bg?.previewMetadata, bg?.activeMetadata];
  if (!forNew && !forStable) return;
  if (isFullyPromoted(ctx.rollout) || !ctx.stableRS) {
    syncEphemeralMetadata(ctx, ctx.newRS, forStable);
  } else {
    syncEphemeralMetadata(ctx, ctx.newRS, forNew);
    syncEphemeralMetadata(ctx, ctx.stableRS, forStable);
  }
}
