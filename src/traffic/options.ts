/**
 * The options every router factory takes, and the default propagation delay of each router type.
 * Argo counterpart: the ReconcilerConfig structs of rollout/trafficrouting/* (rollout + client).
 * Rule: delays are data, chosen per router and overridable by the scenario.
 */
import type { Rollout } from '../model';
import type { RouterClient, RouterClock } from './common';
import type { DataPlane } from './dataPlane';
import { createDataPlane } from './dataPlane';

/** RouterType names the router types Rollout Lab simulates (Argo's reconciler Type() strings). */
export type RouterType = 'Istio' | 'Nginx' | 'ALB' | 'SMI' | 'Traefik' | 'Apisix' | 'GatewayAPI';

/**
 * DEFAULT_PROPAGATION_DELAY_MS is how long each data plane takes, by default, to act on a changed
 * router object. Rough, typical orders of magnitude, chosen to make the lag visible:
 * - Istio 500 ms: istiod debounces config (100 ms) and then pushes xDS to the Envoys.
 * - Nginx 1000 ms: ingress-nginx syncs Ingress changes through a rate-limited queue, then Lua.
 * - SMI 1000 ms: the mesh controller (Linkerd, OSM) watches the TrafficSplit and updates proxies.
 * - Apisix 1000 ms: the ingress controller syncs the ApisixRoute to the APISIX admin API.
 * - GatewayAPI 1000 ms: the Gateway implementation reconciles the HTTPRoute into its proxies.
 * - Traefik 2000 ms: Traefik's providers throttle configuration reloads (2 s by default).
 * - ALB 5000 ms: the AWS Load Balancer Controller reconciles the Ingress and calls the ELB API,
 *   the slow path that made Argo add weight verification for ALB.
 */
export const DEFAULT_PROPAGATION_DELAY_MS: Readonly<Record<RouterType, number>> = {
  Istio: 500,
  Nginx: 1000,
  SMI: 1000,
  Apisix: 1000,
  GatewayAPI: 1000,
  Traefik: 2000,
  ALB: 5000,
};

/** RouterOptions configures one router factory (`createNginxRouter`, `createIstioRouter`, ...). */
export interface RouterOptions {
  /** The rollout as of this reconcile (routers are cheap: rebuild them each reconcile). */
  readonly rollout: Rollout;
  /** Reads and writes the router objects (Ingress, VirtualService, TrafficSplit, ...). */
  readonly client: RouterClient;
  /** The world's virtual clock; propagation is scheduled on it. */
  readonly clock: RouterClock;
  /**
   * How long the data plane takes to act on a write, in virtual ms. Defaults to the router's
   * entry in {@link DEFAULT_PROPAGATION_DELAY_MS}.
   */
  readonly propagationDelayMs?: number;
  /**
   * Where observed state lives. Pass the world's shared data plane so that state survives the
   * router being rebuilt; without it the router keeps a private one (fine for a single instance).
   */
  readonly dataPlane?: DataPlane;
}

/** resolveDataPlane returns the data plane and delay a router of `type` uses. */
export function resolveDataPlane(
  options: RouterOptions,
  type: RouterType,
): { dataPlane: DataPlane; delayMs: number } {
  return {
    dataPlane: options.dataPlane ?? createDataPlane({ clock: options.clock }),
    delayMs: Math.max(0, options.propagationDelayMs ?? DEFAULT_PROPAGATION_DELAY_MS[type]),
  };
}
