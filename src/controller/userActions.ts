/**
 * The kubectl plugin's verbs as the exact patches it sends (promote, promote --full, abort, retry,
 * pause, restart, undo, set image, scale). Mirrors pkg/kubectl-argo-rollouts/cmd/*. These are the
 * user's side of the API, not the controller: the controller only ever sees their effect.
 */
import { cloneJson } from '../cluster/json';
import type { ReplicaSet, Rollout } from '../model';
import { rfc3339FromEpochMs } from '../sim';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from './constants';
import type { ControllerClient } from './ports';

export type UserAction =
  | { readonly kind: 'promote' }
  | { readonly kind: 'promoteFull' }
  | { readonly kind: 'abort' }
  | { readonly kind: 'retry' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'restart'; readonly atMs?: number }
  | { readonly kind: 'undo'; readonly toRevision?: number }
  | { readonly kind: 'setImage'; readonly image: string; readonly container?: string }
  | { readonly kind: 'scale'; readonly replicas: number }
  | { readonly kind: 'updateSpec'; readonly patch?: unknown };

export type UserActionResult =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly message: string };

interface PatchPlan {
  readonly spec?: unknown;
  readonly status?: unknown;
  readonly message: string;
}

/**
 * promotePatches computes `kubectl argo rollouts promote [--full]`'s patches from the current
 * object (digest §15.1–15.2): an unpause spec patch when paused, and one status patch.
 */
export function promotePatches(ro: Rollout, full: boolean): PatchPlan | { error: string } {
  const name = ro.metadata?.name ?? '';
  const spec = ro.spec.paused ? { paused: false } : undefined;
  const status = ro.status ?? {};
  if (full) {
    if (ro.spec.strategy?.blueGreen || (status.currentPodHash ?? '') !== (status.stableRS ?? '')) {
      const promote =
        (status.currentPodHash ?? '') !== (status.stableRS ?? '')
          ? { promoteFull: true }
          : undefined;
      return { spec, status: promote, message: `rollout '${name}' fully promoted` };
    }
    return { spec, message: `rollout '${name}' fully promoted` };
  }
  const steps = ro.spec.strategy?.canary?.steps ?? [];
  const hasPause = (status.pauseConditions?.length ?? 0) > 0;
  const index = status.currentStepIndex ?? 0;
  const next = Math.min(index + 1, steps.length);
  let statusPatch: unknown;
  const stepAnalysis = status.canary?.currentStepAnalysisRunStatus;
  if (
    ro.spec.strategy?.canary &&
    stepAnalysis?.status === 'Inconclusive' &&
    hasPause &&
    status.controllerPause
  ) {
    statusPatch = { pauseConditions: null, controllerPause: false, currentStepIndex: next };
  } else if (hasPause) {
    statusPatch = { pauseConditions: null };
  } else if (ro.spec.strategy?.canary && steps.length > 0) {
    statusPatch = { pauseConditions: null, currentStepIndex: next };
  }
  return { spec, status: statusPatch, message: `rollout '${name}' promoted` };
}

/** setImagePatch replaces the image of one container (or all with `*`) in init, regular and ephemeral containers. */
function setImage(
  ro: Rollout,
  image: string,
  container: string | undefined,
): Rollout['spec']['template'] | { error: string } {
  const template = cloneJson(ro.spec.template) as { spec?: Record<string, unknown> } | undefined;
  const podSpec = template?.spec as
    Record<string, { name: string; image?: string }[] | undefined> | undefined;
  if (!podSpec) return { error: 'rollout has no pod template' };
  let found = false;
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of podSpec[key] ?? []) {
      const target = container ?? podSpec.containers?.[0]?.name;
      if (container === '*' || c.name === target) {
        c.image = image;
        found = true;
      }
    }
  }
  if (!found) return { error: `unable to find container named "${container ?? ''}"` };
  return template as Rollout['spec']['template'];
}

/** undoTemplate returns the template of the RS of `toRevision` (default: the previous revision). */
function undoTemplate(rss: readonly ReplicaSet[], currentHash: string, toRevision?: number) {
  const rev = (rs: ReplicaSet) => Number(rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0);
  const sorted = [...rss].sort((a, b) => rev(b) - rev(a));
  let target: ReplicaSet | undefined;
  if (toRevision) target = sorted.find((rs) => rev(rs) === toRevision);
  else
    target = sorted.filter(
      (rs) => rs.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL] !== currentHash,
    )[0];
  if (!target) return undefined;
  const template = cloneJson(target.spec?.template) as {
    metadata?: { labels?: Record<string, string> };
  };
  if (template?.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return {
    template,
    revision: rev(target),
    hash: target.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL] ?? '',
  };
}

/**
 * applyUserAction sends the plugin's patches for `action` to the rollout through `client`.
 * `nowMs` is the current virtual epoch time (for restart).
 */
export function applyUserAction(
  client: ControllerClient,
  namespace: string,
  name: string,
  action: UserAction,
  nowMs: number,
): UserActionResult {
  const obj = client.get('Rollout', namespace, name);
  if (!obj) return { ok: false, message: `rollouts.argoproj.io "${name}" not found` };
  const ro = obj as unknown as Rollout;
  const patchSpec = (spec: unknown) => client.patch('Rollout', namespace, name, { spec });
  const patchStatus = (status: unknown) =>
    client.patch('Rollout', namespace, name, { status }, 'status');
  switch (action.kind) {
    case 'promote':
    case 'promoteFull': {
      const plan = promotePatches(ro, action.kind === 'promoteFull');
      if ('error' in plan) return { ok: false, message: plan.error };
      if (plan.spec) patchSpec(plan.spec);
      if (plan.status) patchStatus(plan.status);
      return { ok: true, message: plan.message };
    }
    case 'abort':
      patchStatus({ abort: true });
      return { ok: true, message: `rollout '${name}' aborted` };
    case 'retry':
      patchStatus({ abort: false });
      return { ok: true, message: `rollout '${name}' retried` };
    case 'pause':
      patchSpec({ paused: true });
      return { ok: true, message: `rollout '${name}' paused` };
    case 'resume':
      patchSpec({ paused: null });
      return { ok: true, message: `rollout '${name}' resumed` };
    case 'restart': {
      const at = rfc3339FromEpochMs(action.atMs ?? nowMs);
      patchSpec({ restartAt: at });
      return { ok: true, message: `rollout '${name}' restarts in 0s` };
    }
    case 'setImage': {
      const template = setImage(ro, action.image, action.container);
      if (template && 'error' in template) return { ok: false, message: String(template.error) };
      client.update({ ...obj, spec: { ...ro.spec, template } });
      return { ok: true, message: `rollout "${name}" image updated` };
    }
    case 'scale':
      patchSpec({ replicas: action.replicas });
      return { ok: true, message: `rollout "${name}" scaled` };
    case 'updateSpec': {
      if (action.patch !== undefined) {
        client.patch('Rollout', namespace, name, action.patch);
      } else {
        const annotations = { ...(ro.spec.template?.metadata?.annotations ?? {}) };
        const n = Number(annotations['rollout-lab/update'] ?? '0') + 1;
        patchSpec({ template: { metadata: { annotations: { 'rollout-lab/update': String(n) } } } });
      }
      return { ok: true, message: `rollout "${name}" updated` };
    }
    case 'undo': {
      const rss = client
        .list('ReplicaSet', namespace)
        .filter((rs) =>
          (rs.metadata.ownerReferences ?? []).some((r) => r.kind === 'Rollout' && r.name === name),
        )
        .map((rs) => rs as unknown as ReplicaSet);
      const target = undoTemplate(rss, ro.status?.currentPodHash ?? '', action.toRevision);
      if (!target)
        return {
          ok: false,
          message: `unable to find specified revision ${action.toRevision ?? ''}`.trim(),
        };
      if (target.hash === ro.status?.currentPodHash) {
        return {
          ok: true,
          message: `skipped rollback (current template already matches revision ${target.revision})`,
        };
      }
      client.update({ ...obj, spec: { ...ro.spec, template: target.template } });
      return { ok: true, message: `rollout '${name}' undo` };
    }
  }
}
