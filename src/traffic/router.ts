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

/** A string match as in Argo's StringMatch: exactly one of exact, prefix, regex (RE2, full match). */
export interface ObservedStringMatch {
  readonly exact?: string;
  readonly prefix?: string;
  readonly regex?: string;
}

/** One header condition of a header route (Argo HeaderRoutingMatch). */
export interface ObservedHeaderMatch {
  readonly headerName: string;
  readonly headerValue: ObservedStringMatch;
}

/** A header route the data plane applies: matching requests go 100 % to the canary. */
export interface ObservedHeaderRoute {
  readonly name: string;
  readonly match: readonly ObservedHeaderMatch[];
  /**
   * How the conditions combine: false (Istio) — one `match` entry per condition, any matches;
   * true (ALB, Apisix, Gateway API) — one rule with every condition, all must match.
   */
  readonly matchAll: boolean;
}

/** One condition set of a mirror route (Argo RouteMatch); every given part must match. */
export interface ObservedRouteMatch {
  readonly method?: ObservedStringMatch;
  readonly path?: ObservedStringMatch;
  readonly headers?: Readonly<Record<string, ObservedStringMatch>>;
}

/** A mirror route the data plane applies: matching requests are also copied to the canary. */
export interface ObservedMirrorRoute {
  readonly name: string;
  /** Any entry matching selects the request (Istio `match` entries are ORed). */
  readonly match: readonly ObservedRouteMatch[];
  /** Percent of matching requests copied to the canary (default 100). */
  readonly percentage: number;
}

/** What one router's data plane does right now, for the traffic model and the UI. */
export interface ObservedSplit {
  /** Percent of traffic the canary destination receives (0..maxWeight). */
  readonly canaryWeight: number;
  readonly canaryHash: string;
  readonly stableHash: string;
  readonly additional: readonly WeightDestination[];
  /**
   * Header routes in effect (setHeaderRoute, routers that route by header), in
   * `trafficRouting.managedRoutes` order. Absent or empty: none.
   */
  readonly headerRoutes?: readonly ObservedHeaderRoute[];
  /** Mirror routes in effect (setMirrorRoute, Istio), in managedRoutes order. Absent: none. */
  readonly mirrorRoutes?: readonly ObservedMirrorRoute[];
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
