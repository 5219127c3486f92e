/**
 * The simulated data plane behind every router: what the proxies do lags what the router object
 * says by a propagation delay on the virtual clock. No Argo counterpart: it is the world Argo's
 * VerifyWeight looks at. Rule: desired changes at once, observed only when its timer is due, and
 * the state lives here so routers can be rebuilt every reconcile.
 */
import type {
  HeaderRoute,
  MirrorRoute,
  ObservedHeaderMatch,
  ObservedHeaderRoute,
  ObservedMirrorRoute,
  ObservedRouteMatch,
  ObservedSplit,
  ObservedStringMatch,
  RouterResult,
  TrafficRouter,
  WeightDestination,
} from './router';
import type { RouterClock } from './common';
import {
  headerMatchOf,
  isRecord,
  jsonEqual,
  managedRouteNames,
  namespaceOf,
  nameOf,
  routeMatchOf,
} from './common';
import type { Rollout } from '../model';

/** DataPlaneChange is reported to `onChange` whenever an observed split switches. */
export interface DataPlaneChange {
  /** Which router target changed: `<type>/<namespace>/<rollout>`. */
  readonly key: string;
  readonly atMs: number;
  readonly split: ObservedSplit;
}

/**
 * DataPlane keeps, per router target, the desired split (what the router object says) and the
 * observed split (what the proxies do), plus the changes still propagating.
 */
export interface DataPlane {
  /**
   * desire records a new desired split for `key`. With `delayMs` 0 it is observed at once; else
   * it becomes observed exactly `delayMs` later (changes queue, so observed trails desired).
   */
  desire(key: string, split: ObservedSplit, delayMs: number): void;
  /** desired returns the latest desired split for `key` (the initial split when none). */
  desired(key: string): ObservedSplit;
  /** observed returns the split the data plane uses now for `key`. */
  observed(key: string): ObservedSplit;
  /** pendingUntil returns when the last queued change of `key` lands, or undefined when settled. */
  pendingUntil(key: string): number | undefined;
  /** keys lists every known router target, sorted. */
  keys(): string[];
}

/** DataPlaneOptions configures {@link createDataPlane}. */
export interface DataPlaneOptions {
  /** The world's virtual clock; propagation timers are scheduled on it. */
  readonly clock: RouterClock;
  /** Called (synchronously, from the clock's timer) when an observed split switches. */
  readonly onChange?: (change: DataPlaneChange) => void;
}

/** INITIAL_SPLIT is what a data plane does before any router wrote to it: all traffic to stable. */
export const INITIAL_SPLIT: ObservedSplit = Object.freeze({
  canaryWeight: 0,
  canaryHash: '',
  stableHash: '',
  additional: Object.freeze([]),
});

interface Pending {
  readonly dueAt: number;
  split: ObservedSplit;
}

interface Entry {
  observed: ObservedSplit;
  readonly pending: Pending[];
}

/**
 * createDataPlane returns an empty data plane. One instance per simulated world, shared by every
 * router, so that propagation survives routers being rebuilt on each reconcile.
 */
export function createDataPlane(options: DataPlaneOptions): DataPlane {
  const { clock, onChange } = options;
  const entries = new Map<string, Entry>();

  const entry = (key: string): Entry => {
    let e = entries.get(key);
    if (!e) {
      e = { observed: INITIAL_SPLIT, pending: [] };
      entries.set(key, e);
    }
    return e;
  };

  // Applies every queued change that is due. Called lazily on reads and from the timers, so the
  // answer is right at `dueAt` whatever order same-instant timers fire in.
  const settle = (key: string, e: Entry): void => {
    const now = clock.now();
    let changed = false;
    while (e.pending.length > 0 && e.pending[0].dueAt <= now) {
      const next = e.pending.shift()!;
      if (!jsonEqual(next.split, e.observed)) changed = true;
      e.observed = next.split;
    }
    if (changed) onChange?.({ key, atMs: now, split: e.observed });
  };

  return {
    desire(key, split, delayMs) {
      const e = entry(key);
      settle(key, e);
      const last = e.pending.length > 0 ? e.pending[e.pending.length - 1].split : e.observed;
      const frozen = freezeSplit(split);
      if (jsonEqual(last, frozen)) return;
      if (delayMs <= 0) {
        e.pending.length = 0;
        e.observed = frozen;
        onChange?.({ key, atMs: clock.now(), split: frozen });
        return;
      }
      const dueAt = clock.now() + delayMs;
      const tail = e.pending[e.pending.length - 1];
      // Several writes in one instant (updateHash then setWeight) travel as one change.
      if (tail && tail.dueAt === dueAt) {
        tail.split = frozen;
        return;
      }
      e.pending.push({ dueAt, split: frozen });
      clock.setTimeout(() => settle(key, e), delayMs);
    },
    desired(key) {
      const e = entry(key);
      settle(key, e);
      return e.pending.length > 0 ? e.pending[e.pending.length - 1].split : e.observed;
    },
    observed(key) {
      const e = entry(key);
      settle(key, e);
      return e.observed;
    },
    pendingUntil(key) {
      const e = entry(key);
      settle(key, e);
      return e.pending.length > 0 ? e.pending[e.pending.length - 1].dueAt : undefined;
    },
    keys() {
      return [...entries.keys()].sort();
    },
  };
}

function freezeSplit(split: ObservedSplit): ObservedSplit {
  const headerRoutes = split.headerRoutes ?? [];
  const mirrorRoutes = split.mirrorRoutes ?? [];
  // Route lists are present only when non-empty, so a split without routes keeps its old shape.
  return Object.freeze({
    canaryWeight: split.canaryWeight,
    canaryHash: split.canaryHash,
    stableHash: split.stableHash,
    additional: Object.freeze(split.additional.map((d) => Object.freeze({ ...d }))),
    ...(headerRoutes.length > 0 ? { headerRoutes: deepFreeze(headerRoutes) } : {}),
    ...(mirrorRoutes.length > 0 ? { mirrorRoutes: deepFreeze(mirrorRoutes) } : {}),
  });
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** How a router's header/mirror routes steer requests (undefined: they do not). */
export interface RouteSupport {
  /** Header routes: `any` condition matches (Istio) or `all` must match (ALB, Apisix, Gateway API). */
  readonly header?: 'any' | 'all';
  /** Mirror routes copy matching requests to the canary (Istio). */
  readonly mirror?: boolean;
}

function stringMatchOf(v: unknown): ObservedStringMatch | undefined {
  if (!isRecord(v)) return undefined;
  const out: { exact?: string; prefix?: string; regex?: string } = {};
  if (typeof v.exact === 'string') out.exact = v.exact;
  if (typeof v.prefix === 'string') out.prefix = v.prefix;
  if (typeof v.regex === 'string') out.regex = v.regex;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** observedHeaderRoute normalises a setHeaderRoute step's route for the data plane. */
export function observedHeaderRoute(route: HeaderRoute, matchAll: boolean): ObservedHeaderRoute {
  const match: ObservedHeaderMatch[] = [];
  for (const m of route.match) {
    const hm = headerMatchOf(m);
    const headerValue = stringMatchOf(hm.headerValue);
    if (hm.headerName && headerValue) match.push({ headerName: hm.headerName, headerValue });
  }
  return { name: route.name, match, matchAll };
}

/** observedMirrorRoute normalises a setMirrorRoute step's route for the data plane. */
export function observedMirrorRoute(route: MirrorRoute): ObservedMirrorRoute {
  const match: ObservedRouteMatch[] = route.match.map((m) => {
    const rm = routeMatchOf(m);
    const method = stringMatchOf(rm.method);
    const path = stringMatchOf(rm.path);
    const headers: Record<string, ObservedStringMatch> = {};
    for (const [name, value] of Object.entries(isRecord(rm.headers) ? rm.headers : {})) {
      const sm = stringMatchOf(value);
      if (sm) headers[name] = sm;
    }
    return {
      ...(method ? { method } : {}),
      ...(path ? { path } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    };
  });
  return { name: route.name, match, percentage: route.percentage ?? 100 };
}

// Upserts (or, with an empty match, removes) the route `name`, keeping managedRoutes order.
function withRoute<R extends { readonly name: string }>(
  routes: readonly R[] | undefined,
  name: string,
  route: R | undefined,
  order: readonly string[],
): R[] {
  const out = (routes ?? []).filter((r) => r.name !== name);
  if (route) out.push(route);
  const rank = (r: R): number => {
    const i = order.indexOf(r.name);
    return i < 0 ? order.length : i;
  };
  return out.sort((a, b) => rank(a) - rank(b));
}

/** How a router answers verifyWeight. */
export type VerifyPolicy =
  /** Argo's router returns nil: verification is not supported. */
  | 'unsupported'
  /** Argo's router always answers true (the Gateway API plugin). */
  | 'alwaysVerified'
  /** Compare with the data plane's observed weights (ALB's target-group check). */
  | 'dataPlane';

/** RouterWrites are the object-writing halves of one router; the data plane bookkeeping is shared. */
export interface RouterWrites {
  readonly type: string;
  updateHash(
    canaryHash: string,
    stableHash: string,
    additional: readonly WeightDestination[],
  ): RouterResult;
  setWeight(weight: number, additional: readonly WeightDestination[]): RouterResult;
  setHeaderRoute: TrafficRouter['setHeaderRoute'];
  setMirrorRoute: TrafficRouter['setMirrorRoute'];
  removeManagedRoutes: TrafficRouter['removeManagedRoutes'];
  /** verifyPolicy decides, per call, how verifyWeight answers. */
  verifyPolicy(weight: number): VerifyPolicy;
  /**
   * Which managed routes steer requests in the data plane (default none: the router's
   * setHeaderRoute/setMirrorRoute are no-ops, as Argo's NGINX, SMI and Traefik routers).
   */
  readonly routeSupport?: RouteSupport;
}

/** routerKey returns the data-plane key of a router type for a rollout. */
export function routerKey(type: string, rollout: Rollout): string {
  return `${type}/${namespaceOf(rollout)}/${nameOf(rollout)}`;
}

/**
 * withDataPlane wraps a router's writes: a successful write becomes a desired split in the data
 * plane (observed after `delayMs`); `observedSplit` and data-plane verification read it back.
 */
export function withDataPlane(
  writes: RouterWrites,
  rollout: Rollout,
  dataPlane: DataPlane,
  delayMs: number,
): TrafficRouter {
  const key = routerKey(writes.type, rollout);
  const order = (): string[] => managedRouteNames(rollout);
  return {
    type: writes.type,
    updateHash(canaryHash, stableHash, additional) {
      const result = writes.updateHash(canaryHash, stableHash, additional);
      if (result.ok) {
        dataPlane.desire(key, { ...dataPlane.desired(key), canaryHash, stableHash }, delayMs);
      }
      return result;
    },
    setWeight(weight, additional) {
      const result = writes.setWeight(weight, additional);
      if (result.ok) {
        const desired = dataPlane.desired(key);
        const extra = additional.map((d) => ({ ...d }));
        dataPlane.desire(key, { ...desired, canaryWeight: weight, additional: extra }, delayMs);
      }
      return result;
    },
    setHeaderRoute(route) {
      const result = writes.setHeaderRoute(route);
      const mode = writes.routeSupport?.header;
      if (result.ok && mode) {
        const desired = dataPlane.desired(key);
        const next =
          route.match.length > 0 ? observedHeaderRoute(route, mode === 'all') : undefined;
        const headerRoutes = withRoute(desired.headerRoutes, route.name, next, order());
        dataPlane.desire(key, { ...desired, headerRoutes }, delayMs);
      }
      return result;
    },
    setMirrorRoute(route) {
      const result = writes.setMirrorRoute(route);
      if (result.ok && writes.routeSupport?.mirror) {
        const desired = dataPlane.desired(key);
        const next = route.match.length > 0 ? observedMirrorRoute(route) : undefined;
        const mirrorRoutes = withRoute(desired.mirrorRoutes, route.name, next, order());
        dataPlane.desire(key, { ...desired, mirrorRoutes }, delayMs);
      }
      return result;
    },
    removeManagedRoutes() {
      const result = writes.removeManagedRoutes();
      if (result.ok && writes.routeSupport) {
        const desired = dataPlane.desired(key);
        if (desired.headerRoutes?.length || desired.mirrorRoutes?.length) {
          const managed = new Set(order());
          const headerRoutes = (desired.headerRoutes ?? []).filter((r) => !managed.has(r.name));
          const mirrorRoutes = (desired.mirrorRoutes ?? []).filter((r) => !managed.has(r.name));
          dataPlane.desire(key, { ...desired, headerRoutes, mirrorRoutes }, delayMs);
        }
      }
      return result;
    },
    verifyWeight(weight, additional) {
      const policy = writes.verifyPolicy(weight);
      if (policy === 'unsupported') return 'unsupported';
      if (policy === 'alwaysVerified') return 'verified';
      const seen = dataPlane.observed(key);
      if (seen.canaryWeight !== weight) return 'pending';
      for (const d of additional) {
        const o = seen.additional.find((x) => x.serviceName === d.serviceName);
        if (!o || o.weight !== d.weight) return 'pending';
      }
      return 'verified';
    },
    observedSplit: () => dataPlane.observed(key),
  };
}
