/**
 * The SMI router: creates (or merge-patches) the TrafficSplit `<rollout>` (or trafficSplitName)
 * whose backends are the canary, the experiment services and the stable Service, under the root
 * Service. Argo counterpart: rollout/trafficrouting/smi/smi.go. Rule: the rollout owns the split.
 */
import type { Rollout } from '../model';
import type { TrafficRouter, WeightDestination } from './router';
import type { RouterObject } from './common';
import {
  attempt,
  canaryOf,
  controllerRef,
  fail,
  isControlledBy,
  mergePatchDiff,
  nameOf,
  namespaceOf,
  sumWeights,
  trafficRoutingOf,
} from './common';
import { withDataPlane } from './dataPlane';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** SMI_TYPE is Argo's smi.Type. */
export const SMI_TYPE = 'SMI';
/** DEFAULT_SMI_API_VERSION is the TrafficSplit version Argo writes by default (v1alpha1). */
export const DEFAULT_SMI_API_VERSION = 'split.smi-spec.io/v1alpha1';

/** SmiRouterOptions adds the TrafficSplit API version to {@link RouterOptions}. */
export interface SmiRouterOptions extends RouterOptions {
  /** apiVersion of the TrafficSplit (Argo's `--traffic-split-api-version`); default v1alpha1. */
  readonly apiVersion?: string;
}

/** trafficSplitName returns trafficRouting.smi.trafficSplitName, defaulting to the rollout name. */
export function trafficSplitName(rollout: Rollout): string {
  return trafficRoutingOf(rollout).smi?.trafficSplitName || nameOf(rollout);
}

/**
 * buildTrafficSplit returns the TrafficSplit Argo desires at `weight`: backends canary (weight),
 * each additional destination, then stable (100 minus the others); spec.service is the root
 * Service (default: the stable Service).
 */
export function buildTrafficSplit(
  rollout: Rollout,
  weight: number,
  additional: readonly WeightDestination[] = [],
  apiVersion = DEFAULT_SMI_API_VERSION,
): RouterObject {
  const canary = canaryOf(rollout);
  const rootService = trafficRoutingOf(rollout).smi?.rootService || (canary.stableService ?? '');
  return {
    apiVersion,
    kind: 'TrafficSplit',
    metadata: {
      name: trafficSplitName(rollout),
      namespace: namespaceOf(rollout),
      ownerReferences: [controllerRef(rollout)],
    },
    spec: {
      service: rootService,
      backends: [
        { service: canary.canaryService ?? '', weight },
        ...additional.map((d) => ({ service: d.serviceName, weight: d.weight })),
        { service: canary.stableService ?? '', weight: 100 - weight - sumWeights(additional) },
      ],
    },
  };
}

/** createSmiRouter returns the SMI router of a rollout (TrafficSplitCreated on first write). */
export function createSmiRouter(options: SmiRouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const ns = namespaceOf(rollout);
  const { dataPlane, delayMs } = resolveDataPlane(options, 'SMI');

  const setWeight = (weight: number, additional: readonly WeightDestination[]): void => {
    const desired = buildTrafficSplit(rollout, weight, additional, options.apiVersion);
    const name = desired.metadata!.name!;
    const existing = client.get('TrafficSplit', ns, name);
    if (!existing) {
      client.create(desired);
      return;
    }
    if (!isControlledBy(existing, rollout)) fail(`Rollout does not own TrafficSplit \`${name}\``);
    const patch = mergePatchDiff({ spec: existing.spec }, { spec: desired.spec });
    if (patch !== undefined) client.patch('TrafficSplit', ns, name, patch);
  };

  return withDataPlane(
    {
      type: SMI_TYPE,
      updateHash: () => ({ ok: true }),
      setWeight: (weight, additional) => attempt(() => setWeight(weight, additional)),
      setHeaderRoute: () => ({ ok: true }),
      setMirrorRoute: () => ({ ok: true }),
      removeManagedRoutes: () => ({ ok: true }),
      verifyPolicy: () => 'unsupported',
    },
    rollout,
    dataPlane,
    delayMs,
  );
}
