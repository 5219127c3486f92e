/**
 * The Istio router: destination weights of the named http/tls/tcp routes of each VirtualService,
 * DestinationRule subsets pointed at pod-template hashes, header and mirror routes on top of
 * spec.http. Argo counterpart: rollout/trafficrouting/istio/istio.go.
 * Rule: the VirtualService and DestinationRule are edited as JSON and written with update.
 */
import type { Rollout } from '../model';
import type { HeaderRoute, MirrorRoute, TrafficRouter, WeightDestination } from './router';
import type { RouterObject } from './common';
import {
  asArray,
  attempt,
  canaryOf,
  clone,
  fail,
  headerMatchOf,
  isRecord,
  jsonEqual,
  MANAGED_BY_ROLLOUTS_KEY,
  managedRouteNames,
  nameOf,
  namespaceOf,
  recordsOf,
  ROLLOUT_UNIQUE_LABEL_KEY,
  routeMatchOf,
  sumWeights,
  trafficRoutingOf,
} from './common';
import { withDataPlane } from './dataPlane';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** ISTIO_TYPE is Argo's istio.Type. */
export const ISTIO_TYPE = 'Istio';

type Route = Record<string, unknown>;
type IstioVirtualServiceRef = NonNullable<
  NonNullable<ReturnType<typeof trafficRoutingOf>['istio']>['virtualService']
>;

/** istioVirtualServices returns the configured VirtualService refs (virtualServices wins). */
export function istioVirtualServices(rollout: Rollout): IstioVirtualServiceRef[] {
  const istio = trafficRoutingOf(rollout).istio;
  if (istio?.virtualServices) return istio.virtualServices;
  return istio?.virtualService ? [istio.virtualService] : [];
}

/** splitVirtualServiceName mirrors istioutil.GetVirtualServiceNamespaceName (`name.namespace`). */
export function splitVirtualServiceName(ref: string): { name: string; namespace: string } {
  const dot = ref.indexOf('.');
  return dot < 0
    ? { name: ref, namespace: '' }
    : { name: ref.slice(0, dot), namespace: ref.slice(dot + 1) };
}

// getHost: the short service name of a destination host (`svc.ns.svc.cluster.local` → `svc`).
function hostOf(destination: Route): string {
  const d = isRecord(destination.destination) ? destination.destination : {};
  const host = typeof d.host === 'string' ? d.host : '';
  const dot = host.indexOf('.');
  return dot > 0 ? host.slice(0, dot) : dot < 0 ? host : '';
}

function subsetOf(destination: Route): string {
  const d = isRecord(destination.destination) ? destination.destination : {};
  return typeof d.subset === 'string' ? d.subset : '';
}

function routesOf(vsvc: RouterObject, type: 'http' | 'tls' | 'tcp'): Route[] | undefined {
  const spec = isRecord(vsvc.spec) ? vsvc.spec : {};
  return Array.isArray(spec[type]) ? recordsOf(spec[type]) : undefined;
}

function httpRouteIndexes(names: readonly string[], http: readonly Route[]): number[] {
  if (names.length === 0) {
    const i = http.findIndex((r) => !r.name);
    return i < 0 ? [] : [i];
  }
  return names.map((name) => {
    const i = http.findIndex((r) => r.name === name);
    if (i < 0) fail(`HTTP Route '${name}' is not found in the defined Virtual Service.`);
    return i;
  });
}

function portSniOf(route: Route): { ports: Set<number>; sni: Set<string> } {
  const ports = new Set<number>();
  const sni = new Set<string>();
  for (const m of recordsOf(route.match)) {
    ports.add(typeof m.port === 'number' ? m.port : 0);
    for (const h of asArray(m.sniHosts)) if (typeof h === 'string') sni.add(h);
  }
  return { ports, sni };
}

function l4RouteIndexes(
  wanted: readonly { port?: number; sniHosts?: string[] }[] | undefined,
  routes: readonly Route[],
  kind: 'TLS' | 'TCP',
): number[] {
  if (!wanted || wanted.length === 0) return [0];
  const out: number[] = [];
  for (const w of wanted) {
    const found: number[] = [];
    routes.forEach((route, i) => {
      const { ports, sni } = portSniOf(route);
      if (ports.size > 1) return;
      const port = ports.size === 1 ? [...ports][0] : 0;
      if (port !== (w.port ?? 0)) return;
      if (kind === 'TLS') {
        const want = [...(w.sniHosts ?? [])].sort();
        if (!jsonEqual(want, [...sni].sort())) return;
      }
      found.push(i);
    });
    if (found.length === 0)
      fail(`No matching ${kind} routes found in the defined Virtual Service.`);
    out.push(...found);
  }
  return out;
}

/**
 * createIstioRouter returns the Istio router of a rollout. setWeight updates the destination
 * weights of the routes named in trafficRouting.istio (canary host or subset → weight, stable →
 * the rest of 100, experiment services added or removed); updateHash rewrites the DestinationRule.
 */
export function createIstioRouter(options: RouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const { dataPlane, delayMs } = resolveDataPlane(options, 'Istio');
  const canary = canaryOf(rollout);
  const istio = trafficRoutingOf(rollout).istio ?? {};
  const dRule = istio.destinationRule;
  const canarySvc = canary.canaryService ?? '';
  const stableSvc = canary.stableService ?? '';
  const managed = managedRouteNames(rollout);

  const getVirtualService = (ref: IstioVirtualServiceRef): RouterObject => {
    const { name, namespace } = splitVirtualServiceName(ref.name);
    const vsvc = client.get('VirtualService', namespace || namespaceOf(rollout), name);
    if (!vsvc) fail(`VirtualService \`${name}\` not found`);
    return vsvc;
  };

  const getDestinationRule = (): RouterObject | undefined => {
    if (!dRule) return undefined;
    const obj = client.get('DestinationRule', namespaceOf(rollout), dRule.name);
    if (!obj) fail(`DestinationRule \`${dRule.name}\` not found`);
    return obj;
  };

  const validateDestinations = (route: Route): void => {
    const dests = recordsOf(route.route);
    if (dRule) {
      if (!dests.some((d) => subsetOf(d) === dRule.canarySubsetName)) {
        fail(`Canary DestinationRule subset '${dRule.canarySubsetName}' not found in route`);
      }
      if (!dests.some((d) => subsetOf(d) === dRule.stableSubsetName)) {
        fail(`Stable DestinationRule subset '${dRule.stableSubsetName}' not found in route`);
      }
      return;
    }
    if (!dests.some((d) => canarySvc !== '' && hostOf(d) === canarySvc)) {
      fail(`Canary Service '${canarySvc}' not found in route`);
    }
    if (!dests.some((d) => stableSvc !== '' && hostOf(d) === stableSvc)) {
      fail(`Stable Service '${stableSvc}' not found in route`);
    }
  };

  // processRoutes: rewrite one route's destination list in place; returns whether it changed.
  const weighRoute = (
    route: Route,
    weight: number,
    additional: readonly WeightDestination[],
  ): boolean => {
    const before = clone(route.route);
    const extra = new Map(additional.map((d) => [d.serviceName, d]));
    const stableWeight = 100 - weight - sumWeights(additional);
    const kept: Route[] = [];
    for (const dest of recordsOf(route.route)) {
      const host = hostOf(dest);
      const subset = subsetOf(dest);
      if (host === '') {
        kept.push(dest);
      } else if (host === canarySvc || (subset !== '' && subset === dRule?.canarySubsetName)) {
        kept.push({ ...dest, weight });
      } else if (host === stableSvc || (subset !== '' && subset === dRule?.stableSubsetName)) {
        kept.push({ ...dest, weight: stableWeight });
      } else if (extra.has(host)) {
        kept.push({ ...dest, weight: extra.get(host)!.weight });
        extra.delete(host);
      }
      // any other destination is dropped, as Argo deletes stale experiment destinations
    }
    for (const d of extra.values())
      kept.push({ destination: { host: d.serviceName }, weight: d.weight });
    route.route = kept;
    return !jsonEqual(before, kept);
  };

  // orderRoutes: managed routes first (in managedRoutes order), then every other route.
  const orderRoutes = (vsvc: RouterObject): void => {
    const http = routesOf(vsvc, 'http');
    if (!http || managed.length === 0) return;
    const first = managed.flatMap((m) => http.filter((r) => r.name === m));
    const rest = http.filter((r) => typeof r.name !== 'string' || !managed.includes(r.name));
    (vsvc.spec as Record<string, unknown>).http = [...first, ...rest];
  };

  const setWeightOne = (
    ref: IstioVirtualServiceRef,
    weight: number,
    additional: readonly WeightDestination[],
  ): void => {
    const vsvc = clone(getVirtualService(ref));
    let modified = false;
    const http = routesOf(vsvc, 'http');
    if (http) {
      const names = [...(ref.routes ?? [])];
      // Mirror routes listed in managedRoutes follow setWeight too.
      for (const r of http) {
        if (r.mirror !== undefined && typeof r.name === 'string' && managed.includes(r.name)) {
          names.push(r.name);
        }
      }
      const indexes = httpRouteIndexes(ref.routes ?? [], http);
      for (const i of indexes) validateDestinations(http[i]);
      const unmanaged = http.filter((r) => typeof r.name !== 'string' || !managed.includes(r.name));
      if ((ref.routes ?? []).length === 0 && unmanaged.length > 1) {
        fail(
          'spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes',
        );
      }
      for (const i of httpRouteIndexes(names, http)) {
        modified = weighRoute(http[i], weight, additional) || modified;
      }
    }
    for (const [type, wanted, kind] of [
      ['tls', ref.tlsRoutes, 'TLS'],
      ['tcp', ref.tcpRoutes, 'TCP'],
    ] as const) {
      const routes = routesOf(vsvc, type);
      if (!routes) continue;
      const indexes = l4RouteIndexes(wanted, routes, kind);
      for (const i of indexes) if (routes[i]) validateDestinations(routes[i]);
      if ((wanted ?? []).length === 0 && routes.length > 1) {
        fail(
          `spec.${type}[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.${type}Routes`,
        );
      }
      for (const i of indexes) {
        if (routes[i]) modified = weighRoute(routes[i], weight, additional) || modified;
      }
    }
    if (!modified) return;
    orderRoutes(vsvc);
    client.update(vsvc);
  };

  const updateHash = (
    canaryHash: string,
    stableHash: string,
    additional: readonly WeightDestination[],
  ): void => {
    const obj = getDestinationRule();
    if (!obj || !dRule) return;
    const next = clone(obj);
    next.metadata = {
      ...next.metadata,
      annotations: {
        ...(next.metadata?.annotations ?? {}),
        [MANAGED_BY_ROLLOUTS_KEY]: nameOf(rollout),
      },
    };
    const spec = isRecord(next.spec) ? next.spec : {};
    const extra = new Map(additional.map((d) => [d.serviceName, d]));
    const keep = new Set(dRule.additionalSubsetNames ?? []);
    const withHash = (subset: Route, hash: string): Route => {
      const labels = {
        ...(isRecord(subset.labels) ? (subset.labels as Record<string, string>) : {}),
      };
      if (hash) labels[ROLLOUT_UNIQUE_LABEL_KEY] = hash;
      else delete labels[ROLLOUT_UNIQUE_LABEL_KEY];
      return { ...subset, labels };
    };
    const subsets: Route[] = [];
    for (const subset of recordsOf(spec.subsets)) {
      const name = typeof subset.name === 'string' ? subset.name : '';
      if (name === dRule.canarySubsetName) subsets.push(withHash(subset, canaryHash));
      else if (name === dRule.stableSubsetName) subsets.push(withHash(subset, stableHash));
      else if (extra.has(name)) {
        subsets.push(withHash(subset, extra.get(name)!.podTemplateHash));
        extra.delete(name);
      } else if (keep.has(name)) subsets.push(subset);
      // other subsets are dropped, as Argo's UpdateHash does
    }
    for (const d of extra.values()) {
      subsets.push({
        name: d.serviceName,
        labels: { [ROLLOUT_UNIQUE_LABEL_KEY]: d.podTemplateHash },
      });
    }
    next.spec = { ...spec, subsets };
    if (!jsonEqual(next, obj)) client.update(next);
  };

  // The canary destination of managed routes: the DestinationRule host (with the canary subset)
  // when one is used, else the canary Service.
  const canaryTarget = (): { host: string; subset: string } => {
    const dr = getDestinationRule();
    const drHost = dr && isRecord(dr.spec) && typeof dr.spec.host === 'string' ? dr.spec.host : '';
    return { host: drHost || canarySvc, subset: dRule?.canarySubsetName ?? '' };
  };

  const setWeightRoute = (ref: IstioVirtualServiceRef, vsvc: RouterObject): Route[] => {
    const http = routesOf(vsvc, 'http') ?? [];
    const [i] = httpRouteIndexes(ref.routes ?? [], http);
    return i === undefined ? [] : recordsOf(clone(http[i].route));
  };

  const portOf = (dests: readonly Route[]): number | undefined => {
    const d = dests[0] && isRecord(dests[0].destination) ? dests[0].destination : undefined;
    const port = d && isRecord(d.port) ? d.port.number : undefined;
    return typeof port === 'number' && port > 0 ? port : undefined;
  };

  const removeNamed = (vsvc: RouterObject, name: string): void => {
    const http = routesOf(vsvc, 'http');
    if (!http) fail('spec.http not found');
    (vsvc.spec as Record<string, unknown>).http = http.filter((r) => r.name !== name);
  };

  const setHeaderRouteOne = (ref: IstioVirtualServiceRef, route: HeaderRoute): void => {
    const target = canaryTarget();
    const vsvc = clone(getVirtualService(ref));
    removeNamed(vsvc, route.name);
    if (route.match.length > 0) {
      const port = portOf(setWeightRoute(ref, vsvc));
      const match = route.match.map((m) => {
        const hm = headerMatchOf(m);
        const value: Record<string, string> = {};
        if (hm.headerValue?.exact) value.exact = hm.headerValue.exact;
        if (hm.headerValue?.regex) value.regex = hm.headerValue.regex;
        if (hm.headerValue?.prefix) value.prefix = hm.headerValue.prefix;
        return { headers: { [hm.headerName ?? '']: value } };
      });
      const destination: Record<string, unknown> = { host: target.host };
      if (port !== undefined) destination.port = { number: port };
      if (target.subset) destination.subset = target.subset;
      const http = routesOf(vsvc, 'http')!;
      http.push({ name: route.name, match, route: [{ destination, weight: 100 }] });
      (vsvc.spec as Record<string, unknown>).http = http;
    }
    orderRoutes(vsvc);
    client.update(vsvc);
  };

  const setMirrorRouteOne = (ref: IstioVirtualServiceRef, route: MirrorRoute): void => {
    const target = canaryTarget();
    const vsvc = clone(getVirtualService(ref));
    removeNamed(vsvc, route.name);
    if (route.match.length > 0) {
      const dests = setWeightRoute(ref, vsvc);
      const mirror: Record<string, unknown> = { host: target.host };
      if (target.subset) mirror.subset = target.subset;
      const port = portOf(dests);
      if (port !== undefined) mirror.port = { number: port };
      const match = route.match.map((m) => {
        const rm = routeMatchOf(m);
        const out: Record<string, unknown> = {};
        if (rm.method) out.method = clone(rm.method);
        if (rm.path) out.uri = clone(rm.path);
        if (rm.headers) out.headers = clone(rm.headers);
        return out;
      });
      const mirrorRoute: Route = {
        name: route.name,
        match,
        route: dests,
        mirror,
        mirrorPercentage: { value: route.percentage ?? 100 },
      };
      (vsvc.spec as Record<string, unknown>).http = [mirrorRoute, ...routesOf(vsvc, 'http')!];
    }
    orderRoutes(vsvc);
    client.update(vsvc);
  };

  const removeManagedRoutes = (): void => {
    for (const ref of istioVirtualServices(rollout)) {
      const vsvc = clone(getVirtualService(ref));
      const http = routesOf(vsvc, 'http');
      // Only tls/tcp routes: nothing managed to remove (Argo returns here, for every service).
      if (!http || managed.length === 0) return;
      const kept = http.filter((r) => typeof r.name !== 'string' || !managed.includes(r.name));
      if (kept.length === http.length) return;
      (vsvc.spec as Record<string, unknown>).http = kept;
      client.update(vsvc);
    }
  };

  const each = (fn: (ref: IstioVirtualServiceRef) => void) =>
    attempt(() => {
      const refs = istioVirtualServices(rollout);
      if (refs.length === 0) fail('trafficRouting.istio has no virtualService');
      for (const ref of refs) fn(ref);
    });

  return withDataPlane(
    {
      type: ISTIO_TYPE,
      updateHash: (c, s, additional) => attempt(() => updateHash(c, s, additional)),
      setWeight: (weight, additional) => each((ref) => setWeightOne(ref, weight, additional)),
      setHeaderRoute: (route) => each((ref) => setHeaderRouteOne(ref, route)),
      setMirrorRoute: (route) => each((ref) => setMirrorRouteOne(ref, route)),
      removeManagedRoutes: () => attempt(removeManagedRoutes),
      routeSupport: { header: 'any', mirror: true },
      verifyPolicy: () => 'unsupported',
    },
    rollout,
    dataPlane,
    delayMs,
  );
}
