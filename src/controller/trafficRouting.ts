/**
 * Decides the canary traffic weight for this reconcile and drives every configured router to it,
 * recording status.canary.weights. Mirrors rollout/trafficrouting.go (reconcileTrafficRouting,
 * calculateDesiredWeightOnAbortOrStableRollback, calculateWeightStatus). Rule: routers are ports.
 */
import type { Rollout } from '../model';
import {
  atDesiredReplicaCountsForCanary,
  getCurrentCanaryStep,
  getCurrentSetWeight,
  getMaxTrafficWeight,
  getPodTemplateHash,
} from '../kernels';
import type { RouterResult, WeightDestination } from '../traffic';
import { Reason } from './constants';
import { isAborted } from './pauseContext';
import { experimentWeightDestinations } from './rolloutExperiment';
import { ensureSVCTargets } from './services';
import {
  record,
  requeueAfter,
  rolloutReplicas,
  rolloutRevision,
  type RolloutContext,
} from './rolloutContext';

type Weights = NonNullable<NonNullable<NonNullable<Rollout['status']>['canary']>['weights']>;

/** How often an unverified weight is re-checked (Argo's default verify retry interval). */
export const VERIFY_RETRY_INTERVAL_MS = 10_000;

export function isFullyPromoted(rollout: Rollout): boolean {
  const s = rollout.status;
  return !!s?.stableRS && s.stableRS === s.currentPodHash;
}

/** isDynamicallyRollingBackToStable: fully promoted back to stable while the old canary still holds traffic. */
export function isDynamicallyRollingBackToStable(ctx: RolloutContext): string | undefined {
  const ro = ctx.rollout;
  const canary = ro.spec.strategy?.canary;
  if (!isFullyPromoted(ro) || !canary?.trafficRouting || !canary.dynamicStableScale)
    return undefined;
  const weights = ro.status?.canary?.weights;
  if (!weights || !ctx.newRS) return undefined;
  const curr = weights.canary?.podTemplateHash ?? '';
  if (
    curr !== getPodTemplateHash(ctx.newRS) &&
    (ctx.newRS.status?.availableReplicas ?? 0) < rolloutReplicas(ctx)
  ) {
    return curr;
  }
  return undefined;
}

function desiredWeightOnAbortOrStableRollback(ctx: RolloutContext): number {
  const ro = ctx.rollout;
  if (!ro.spec.strategy?.canary?.dynamicStableScale) return 0;
  const maxW = getMaxTrafficWeight(ro);
  const stableAvailable = ctx.stableRS?.status?.availableReplicas ?? 0;
  let weight = maxW - Math.floor((maxW * stableAvailable) / rolloutReplicas(ctx));
  const recorded = ro.status?.canary?.weights?.canary?.weight;
  if (recorded !== undefined) weight = Math.min(weight, recorded);
  return weight;
}

function weightsEqual(a: Weights | undefined, b: Weights): boolean {
  if (!a) return false;
  const dest = (
    d: { weight?: number; podTemplateHash?: string; serviceName?: string } | undefined,
  ) => `${d?.weight ?? 0}|${d?.podTemplateHash ?? ''}|${d?.serviceName ?? ''}`;
  return (
    dest(a.canary) === dest(b.canary) &&
    dest(a.stable) === dest(b.stable) &&
    JSON.stringify(a.additional ?? []) === JSON.stringify(b.additional ?? [])
  );
}

/**
 * reconcileTrafficRouting sets the routers' weight; status goes to ctx.newStatus. Returns false when
 * a router refused (Argo then records TrafficRoutingError and ends the reconcile; it is retried).
 */
export function reconcileTrafficRouting(ctx: RolloutContext): boolean {
  const ro = ctx.rollout;
  const canary = ro.spec.strategy?.canary;
  const routers = canary?.trafficRouting ? ctx.ports.routersFor(ro as never) : [];
  if (!canary || routers.length === 0) {
    if (ctx.newStatus.canary) delete ctx.newStatus.canary.weights;
    return true;
  }
  const maxW = getMaxTrafficWeight(ro);
  const steps = canary.steps ?? [];
  const { step: currentStep, index } = getCurrentCanaryStep(ro);
  const stableHash = ctx.stableRS ? getPodTemplateHash(ctx.stableRS) : '';
  let canaryHash = ctx.newRS ? getPodTemplateHash(ctx.newRS) : '';
  let desiredWeight = 0;
  const destinations: WeightDestination[] = [];
  let removeRoutes = false;

  const rollingBackFrom = isDynamicallyRollingBackToStable(ctx);
  if (rollingBackFrom !== undefined) {
    desiredWeight = desiredWeightOnAbortOrStableRollback(ctx);
    canaryHash = rollingBackFrom;
  } else if (isFullyPromoted(ro)) {
    removeRoutes = true;
  } else if (isAborted(ctx.pause)) {
    desiredWeight = desiredWeightOnAbortOrStableRollback(ctx);
    if (!canary.dynamicStableScale || desiredWeight === 0) {
      ensureSVCTargets(ctx, canary.canaryService, ctx.stableRS, false);
    }
    removeRoutes = true;
  } else if (!ctx.newRS || (ctx.newRS.status?.availableReplicas ?? 0) === 0) {
    // never weight to a canary without available pods
    destinations.push(...experimentWeightDestinations(ctx));
  } else if (ro.status?.promoteFull) {
    if (canary.dynamicStableScale) {
      desiredWeight = Math.floor(
        (maxW * (ctx.newRS.status?.availableReplicas ?? 0)) / rolloutReplicas(ctx),
      );
    } else {
      desiredWeight = ro.status?.canary?.weights?.canary?.weight ?? 0;
    }
    removeRoutes = true;
  } else if (index !== undefined) {
    const atDesired = atDesiredReplicaCountsForCanary(
      ro,
      ctx.newRS,
      ctx.stableRS,
      ctx.otherRSs,
      null,
    );
    if (!atDesired) {
      for (let i = index - 1; i >= 0; i--) {
        const w = steps[i]?.setWeight;
        if (w !== undefined) {
          desiredWeight = w;
          break;
        }
      }
      destinations.push(...experimentWeightDestinations(ctx));
    } else if (index !== steps.length) {
      desiredWeight = getCurrentSetWeight(ro);
      destinations.push(...experimentWeightDestinations(ctx));
    } else {
      desiredWeight = maxW;
    }
  }

  let verification: 'verified' | 'pending' | 'unsupported' = 'unsupported';
  const failed = (result: RouterResult): boolean => {
    if (result.ok) return false;
    record(ctx, 'TrafficRoutingError', result.reason, 'Warning');
    requeueAfter(ctx, VERIFY_RETRY_INTERVAL_MS);
    return true;
  };
  for (const router of routers) {
    if (removeRoutes && failed(router.removeManagedRoutes())) return false;
    if (currentStep && rolloutRevision(ctx) > 1) {
      if (currentStep.setHeaderRoute) {
        const r = router.setHeaderRoute({
          name: currentStep.setHeaderRoute.name ?? '',
          match: currentStep.setHeaderRoute.match ?? [],
        });
        if (failed(r)) return false;
      }
      if (currentStep.setMirrorRoute) {
        const r = router.setMirrorRoute({
          name: currentStep.setMirrorRoute.name ?? '',
          match: currentStep.setMirrorRoute.match ?? [],
          ...(currentStep.setMirrorRoute.percentage !== undefined
            ? { percentage: currentStep.setMirrorRoute.percentage }
            : {}),
        });
        if (failed(r)) return false;
      }
    }
    if (failed(router.updateHash(canaryHash, stableHash, destinations))) return false;
    if (failed(router.setWeight(desiredWeight, destinations))) return false;
    const v = router.verifyWeight(desiredWeight, destinations);
    if (v === 'pending' || (v === 'verified' && verification === 'unsupported')) verification = v;
  }

  const next: Weights = {
    canary: {
      weight: desiredWeight,
      podTemplateHash: canaryHash,
      serviceName: canary.canaryService ?? '',
    },
    stable: {
      weight: maxW - desiredWeight - destinations.reduce((n, d) => n + d.weight, 0),
      podTemplateHash: stableHash,
      serviceName: canary.stableService ?? '',
    },
    ...(destinations.length ? { additional: destinations.map((d) => ({ ...d })) } : {}),
  };
  const prev = ro.status?.canary?.weights;
  ctx.newStatus.canary = { ...(ctx.newStatus.canary ?? {}) };
  if (!weightsEqual(prev, next)) {
    const detail = !prev
      ? `to ${next.canary.weight}`
      : prev.canary?.weight !== next.canary.weight
        ? `from ${prev.canary?.weight ?? 0} to ${next.canary.weight}`
        : '';
    record(ctx, Reason.TrafficWeightUpdated, `Traffic weight updated ${detail}`.trimEnd());
    ctx.newStatus.canary.weights = next;
  } else {
    ctx.newStatus.canary.weights = {
      ...prev!,
      canary: { ...prev!.canary },
      stable: { ...prev!.stable },
    };
  }
  const weights = ctx.newStatus.canary.weights;
  if (verification === 'unsupported') delete weights.verified;
  else weights.verified = verification === 'verified';
  if (verification === 'pending') requeueAfter(ctx, VERIFY_RETRY_INTERVAL_MS);
  return true;
}
