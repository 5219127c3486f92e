/**
 * The Gateway API router (plugin `argoproj-labs/gatewayAPI`): canary/stable backendRef weights of
 * each HTTPRoute, header routes as extra rules indexed in a ConfigMap. Counterpart: argoproj-labs/
 * rollouts-plugin-trafficrouter-gatewayapi pkg/plugin/{plugin,httproute}.go.
 * Rule: verifyWeight answers 'verified' at once, as the plugin does.
 */
import type { Rollout } from '../model';
import type { HeaderRoute, TrafficRouter } from './router';
import type { RouterObject } from './common';
import {
  attempt,
  canaryOf,
  clone,
  fail,
  headerMatchOf,
  isRecord,
  managedRouteNames,
  namespaceOf,
  recordsOf,
  trafficRoutingOf,
} from './common';
import { withDataPlane } from './dataPlane';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** GATEWAY_API_TYPE is the plugin's Type(). */
export const GATEWAY_API_TYPE = 'GatewayAPI';
/** GATEWAY_API_PLUGIN is the plugin's name under trafficRouting.plugins. */
export const GATEWAY_API_PLUGIN = 'argoproj-labs/gatewayAPI';
/** GATEWAY_API_CONFIG_MAP is the plugin's default ConfigMap for managed routes. */
export const GATEWAY_API_CONFIG_MAP = 'argo-gatewayapi-configmap';
/** HTTP_MANAGED_ROUTES_KEY is the ConfigMap key of the HTTPRoute managed-route index. */
export const HTTP_MANAGED_ROUTES_KEY = 'httpManagedRoutes';

/** GatewayApiConfig is the plugin's configuration block (the HTTPRoute part of it). */
export interface GatewayApiConfig {
  readonly httpRoute?: string;
  readonly httpRoutes?: readonly { readonly name: string; readonly useHeaderRoutes?: boolean }[];
  readonly grpcRoute?: string;
  readonly tcpRoute?: string;
  readonly tlsRoute?: string;
  readonly namespace?: string;
  readonly configMap?: string;
}

/** gatewayApiConfig returns the plugin's configuration from trafficRouting.plugins. */
export function gatewayApiConfig(rollout: Rollout): GatewayApiConfig {
  const plugins = trafficRoutingOf(rollout).plugins as Record<string, unknown> | undefined;
  const cfg = plugins?.[GATEWAY_API_PLUGIN];
  return isRecord(cfg) ? cfg : {};
}

// insertGatewayAPIRouteLists: the single `httpRoute` joins the list and carries header routes.
function httpRoutesOf(cfg: GatewayApiConfig): { name: string; useHeaderRoutes: boolean }[] {
  const list = (cfg.httpRoutes ?? []).map((r) => ({
    name: r.name,
    useHeaderRoutes: !!r.useHeaderRoutes,
  }));
  if (cfg.httpRoute) list.push({ name: cfg.httpRoute, useHeaderRoutes: true });
  return list;
}

/** ManagedRouteMap is the plugin's index: header route name → HTTPRoute name → rule index. */
type ManagedRouteMap = Record<string, Record<string, number>>;

function headerMatches(match: readonly unknown[]): Record<string, unknown>[] {
  return match.map((m) => {
    const hm = headerMatchOf(m);
    const v = hm.headerValue ?? {};
    const name = hm.headerName ?? '';
    if (v.exact) return { name, type: 'Exact', value: v.exact };
    if (v.prefix) return { name, type: 'RegularExpression', value: `${v.prefix}.*` };
    if (v.regex) return { name, type: 'RegularExpression', value: v.regex };
    return fail('Invalid header match type');
  });
}

function backendRefs(rule: Record<string, unknown>): Record<string, unknown>[] {
  return recordsOf(rule.backendRefs);
}

/** createGatewayApiRouter returns the Gateway API plugin router of a rollout (HTTPRoutes only). */
export function createGatewayApiRouter(options: RouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const { dataPlane, delayMs } = resolveDataPlane(options, 'GatewayAPI');
  const cfg = gatewayApiConfig(rollout);
  const ns = cfg.namespace || namespaceOf(rollout);
  const configMapName = cfg.configMap || GATEWAY_API_CONFIG_MAP;
  const canary = canaryOf(rollout);
  const canarySvc = canary.canaryService ?? '';
  const stableSvc = canary.stableService ?? '';

  const routes = (): { name: string; useHeaderRoutes: boolean }[] => {
    const list = httpRoutesOf(cfg);
    if (list.length === 0) {
      if (cfg.grpcRoute || cfg.tcpRoute || cfg.tlsRoute) {
        fail('Rollout Lab simulates only HTTPRoutes of the Gateway API plugin');
      }
      fail('httpRoute field is empty. It has to be set to set weight');
    }
    return list;
  };

  const getRoute = (name: string): RouterObject => {
    const route = client.get('HTTPRoute', ns, name);
    if (!route) fail(`httproutes.gateway.networking.k8s.io "${name}" not found`);
    return clone(route);
  };

  const rulesOf = (route: RouterObject): Record<string, unknown>[] =>
    isRecord(route.spec) ? recordsOf(route.spec.rules) : [];

  // GetOrCreateConfigMap + GetConfigMapData.
  const readManaged = (): ManagedRouteMap => {
    let cm = client.get('ConfigMap', ns, configMapName);
    if (!cm) {
      cm = client.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: configMapName, namespace: ns },
      });
    }
    const data = isRecord(cm.data) ? cm.data : {};
    const raw = data[HTTP_MANAGED_ROUTES_KEY];
    if (typeof raw !== 'string' || raw === '') return {};
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? (parsed as ManagedRouteMap) : {};
  };

  const writeManaged = (map: ManagedRouteMap): void => {
    client.patch('ConfigMap', ns, configMapName, {
      data: { [HTTP_MANAGED_ROUTES_KEY]: JSON.stringify(map) },
    });
  };

  const setWeight = (weight: number): void => {
    const managed = readManaged();
    for (const { name } of routes()) {
      const route = getRoute(name);
      const managedIdx = new Set(Object.values(managed).map((m) => m[name]));
      const rules = rulesOf(route);
      const canaryRefs = rules
        .filter((_, i) => !managedIdx.has(i))
        .flatMap((r) => backendRefs(r).filter((b) => b.name === canarySvc));
      const stableRefs = rules.flatMap((r) => backendRefs(r).filter((b) => b.name === stableSvc));
      if (canaryRefs.length === 0 || stableRefs.length === 0) {
        fail('backendRef was not found in httpRoute');
      }
      for (const ref of canaryRefs) ref.weight = weight;
      for (const ref of stableRefs) ref.weight = 100 - weight;
      client.update(route);
    }
  };

  const removeManaged = (routeName: string, names: readonly string[]): void => {
    const managed = readManaged();
    const route = getRoute(routeName);
    let rules = rulesOf(route);
    let changed = false;
    for (const name of names) {
      const idx = managed[name]?.[routeName];
      if (idx === undefined) continue;
      changed = true;
      delete managed[name][routeName];
      if (Object.keys(managed[name]).length === 0) delete managed[name];
      for (const m of Object.values(managed)) {
        if (m[routeName] !== undefined && m[routeName] > idx) m[routeName] -= 1;
      }
      rules = rules.filter((_, i) => i !== idx);
    }
    if (!changed) return;
    (route.spec as Record<string, unknown>).rules = rules;
    client.update(route);
    writeManaged(managed);
  };

  const setHeaderRoute = (header: HeaderRoute): void => {
    for (const { name: routeName, useHeaderRoutes } of routes()) {
      if (!useHeaderRoutes) continue;
      if (header.match.length === 0) {
        removeManaged(routeName, [header.name]);
        continue;
      }
      const headers = headerMatches(header.match);
      const managed = readManaged();
      const route = getRoute(routeName);
      const rules = rulesOf(route);
      // getRouteRule: the first rule with backendRefs; the canary backendRef gives the port.
      const base = rules.find((r) => backendRefs(r).length > 0);
      const canaryRef = base && backendRefs(base).find((b) => b.name === canarySvc);
      if (!base || !canaryRef) fail('backendRef was not found in httpRoute');
      // An API server defaults an empty match list to `PathPrefix /`; keep the header match then.
      const baseMatches = recordsOf(base.matches);
      const matches = (baseMatches.length > 0 ? baseMatches : [{}]).map((m) => {
        const out: Record<string, unknown> = {};
        if (m.path !== undefined) out.path = clone(m.path);
        out.headers = clone(headers);
        if (m.queryParams !== undefined) out.queryParams = clone(m.queryParams);
        return out;
      });
      const ref: Record<string, unknown> = { group: '', kind: 'Service', name: canarySvc };
      if (canaryRef.port !== undefined) ref.port = canaryRef.port;
      const rule = { matches, backendRefs: [ref] };
      // Re-applying the same header route replaces its rule instead of adding a second one.
      const existing = managed[header.name]?.[routeName];
      if (existing !== undefined && existing < rules.length) rules[existing] = rule;
      else {
        rules.push(rule);
        managed[header.name] = { ...(managed[header.name] ?? {}), [routeName]: rules.length - 1 };
      }
      (route.spec as Record<string, unknown>).rules = rules;
      client.update(route);
      writeManaged(managed);
    }
  };

  const removeManagedRoutes = (): void => {
    const names = managedRouteNames(rollout);
    for (const { name, useHeaderRoutes } of routes()) {
      if (useHeaderRoutes) removeManaged(name, names);
    }
  };

  return withDataPlane(
    {
      type: GATEWAY_API_TYPE,
      updateHash: () => ({ ok: true }),
      setWeight: (weight) => attempt(() => setWeight(weight)),
      setHeaderRoute: (route) => attempt(() => setHeaderRoute(route)),
      setMirrorRoute: () => ({ ok: true }),
      removeManagedRoutes: () => attempt(removeManagedRoutes),
      routeSupport: { header: 'all' },
      verifyPolicy: () => 'alwaysVerified',
    },
    rollout,
    dataPlane,
    delayMs,
  );
}
