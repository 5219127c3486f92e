/**
 * Points Services at ReplicaSets by injecting the pod-template-hash into their selectors, with
 * Argo's availability gates. Mirrors rollout/service.go (ensureSVCTargets, switchServiceSelector,
 * reconcileStableAndCanaryService). Rule: writes only through the client port.
 */
import type { ReplicaSet } from '../model';
import { getPodTemplateHash } from '../kernels';
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL, Reason } from './constants';
import type { KubeObject } from './ports';
import { record, type RolloutContext } from './rolloutContext';

interface ServiceLike extends KubeObject {
  spec?: { selector?: Record<string, string> };
}

/** isReplicaSetAvailable: every desired pod is available (and the RS wants some). */
function isReplicaSetAvailable(rs: ReplicaSet): boolean {
  const spec = rs.spec?.replicas ?? 1;
  const available = rs.status?.availableReplicas ?? 0;
  return spec !== 0 && available !== 0 && spec <= available;
}

/** Missing Services are reported by validation of referenced resources; here they are skipped. */
function getService(ctx: RolloutContext, name: string): ServiceLike | undefined {
  return ctx.ports.client.get('Service', ctx.rollout.metadata?.namespace ?? 'default', name) as
    ServiceLike | undefined;
}

/** switchServiceSelector sets the hash selector and the managed-by annotation, with Argo's event. */
export function switchServiceSelector(ctx: RolloutContext, svc: ServiceLike, hash: string): void {
  const current = svc.spec?.selector?.[POD_TEMPLATE_HASH_LABEL] ?? '';
  ctx.ports.client.patch('Service', svc.metadata.namespace ?? 'default', svc.metadata.name, {
    metadata: { annotations: { [MANAGED_BY_ROLLOUTS_ANNOTATION]: ctx.rollout.metadata?.name } },
    spec: { selector: { [POD_TEMPLATE_HASH_LABEL]: hash } },
  });
  record(
    ctx,
    Reason.SwitchService,
    `Switched selector for service '${svc.metadata.name}' from '${current}' to '${hash}'`,
  );
}

/**
 * ensureSVCTargets points Service `svcName` at `rs`. Adopting an unmanaged Service needs the RS
 * fully available; switching needs at least one available pod (when availability is checked).
 */
export function ensureSVCTargets(
  ctx: RolloutContext,
  svcName: string | undefined,
  rs: ReplicaSet | undefined,
  checkRsAvailability: boolean,
): void {
  if (!rs || !svcName) return;
  const svc = getService(ctx, svcName);
  if (!svc) return;
  const current = svc.spec?.selector?.[POD_TEMPLATE_HASH_LABEL] ?? '';
  const desired = getPodTemplateHash(rs);
  if (current === desired) return;
  if (!svc.metadata.annotations?.[MANAGED_BY_ROLLOUTS_ANNOTATION]) {
    if (checkRsAvailability && !isReplicaSetAvailable(rs)) return;
  }
  if (checkRsAvailability && (rs.status?.availableReplicas ?? 0) <= 0) return;
  switchServiceSelector(ctx, svc, desired);
}
