/**
 * The one interface the controller knows for traffic routers (architecture.md section 8).
 * Mirrors rollout/trafficrouting/trafficroutingutil.go TrafficRoutingReconciler, with a named
 * tri-state in place of Argo's *bool for weight verification. Rule: synchronous, idempotent.
 */

/** An extra traffic destination (an experiment's service), as in status.canary.weights.additional. */
export interface WeightDestination {
  readonly serviceName: string;
  readonly podTemplateHash: string;
  readonly weight: number;
}

/** A header route (setHeaderRoute step); `match` empty means delete the route. */
export interface HeaderRoute {
  readonly name: string;
  readonly match: readonly unknown[];
}

/** A mirror route (setMirrorRoute step); `match` empty means delete the route. */
export interface MirrorRoute {
  readonly name: string;
  readonly match: readonly unknown[];
  readonly percentage?: number;
}

export type RouterResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export type WeightVerification = 'verified' | 'pending' | 'unsupported';

/** What one router's data plane does right now, for the traffic model and the UI. */
export interface ObservedSplit {
  /** Percent of traffic the canary destination receives (0..maxWeight). */
  readonly canaryWeight: number;
  readonly canaryHash: string;
  readonly stableHash: string;
  readonly additional: readonly WeightDestination[];
}

export interface TrafficRouter {
  /** Argo's router type name (`Nginx`, `Istio`, `SMI`, ...). */
  readonly type: string;
  /** Points routes at the canary and stable pod-template hashes. */
  updateHash(
    canaryHash: string,
    stableHash: string,
    additional: readonly WeightDestination[],
  ): RouterResult;
  /** Desired state: the canary receives `weight` percent. */
  setWeight(weight: number, additional: readonly WeightDestination[]): RouterResult;
  setHeaderRoute(route: HeaderRoute): RouterResult;
  setMirrorRoute(route: MirrorRoute): RouterResult;
  /** Has the data plane converged on `weight`? */
  verifyWeight(weight: number, additional: readonly WeightDestination[]): WeightVerification;
  removeManagedRoutes(): RouterResult;
  observedSplit(): ObservedSplit;
}
