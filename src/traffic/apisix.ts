/**
 * The Apache APISIX router: canary/stable backend weights in the ApisixRoute's http rules; a header
 * route is a separate ApisixRoute copied from the main one, owned by the rollout, sending matches to
 * the canary. Argo counterpart: rollout/trafficrouting/apisix/apisix.go.
 * Rule: only ApisixRoutes the rollout controls are updated or deleted.
 */
import type { HeaderRoute, TrafficRouter } from './router';
import type { RouterObject } from './common';
import {
  attempt,
  canaryOf,
  clone,
  controllerRef,
  fail,
  headerMatchOf,
  isControlledBy,
  isRecord,
  managedRouteNames,
  mustGet,
  namespaceOf,
  recordsOf,
  trafficRoutingOf,
} from './common';
import { withDataPlane } from './dataPlane';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** APISIX_TYPE is Argo's apisix.Type. */
export const APISIX_TYPE = 'Apisix';

type HttpRule = Record<string, unknown>;

function httpRules(route: RouterObject): HttpRule[] {
  const spec = isRecord(route.spec) ? route.spec : undefined;
  if (!spec || !Array.isArray(spec.http)) fail('spec.http was not found in Apisix Route manifest');
  return recordsOf(spec.http);
}

function ruleNamed(rules: readonly HttpRule[], name: string): HttpRule {
  const rule = rules.find((r) => r.name === name);
  if (!rule) fail(`Apisix http route rule ${name} not found`);
  return rule;
}

function backendsOf(rule: HttpRule): Record<string, unknown>[] {
  if (!Array.isArray(rule.backends)) fail('Apisix http route backends not found');
  return recordsOf(rule.backends);
}

function setBackendWeight(rule: HttpRule, service: string, weight: number): void {
  const backend = backendsOf(rule).find((b) => b.serviceName === service);
  if (!backend) fail(`apisix route ${service} backend was not found`);
  backend.weight = weight;
}

function exprsOf(match: readonly unknown[]): Record<string, unknown>[] {
  return match.flatMap((m) => {
    const hm = headerMatchOf(m);
    const subject = { scope: 'Header', name: hm.headerName ?? '' };
    const v = hm.headerValue ?? {};
    const out: Record<string, unknown>[] = [];
    if (v.exact) out.push({ subject: { ...subject }, op: 'Equal', value: v.exact });
    if (v.regex) out.push({ subject: { ...subject }, op: 'RegexMatch', value: v.regex });
    if (v.prefix) out.push({ subject: { ...subject }, op: 'RegexMatch', value: `^${v.prefix}.*` });
    return out;
  });
}

/** createApisixRouter returns the APISIX router of a rollout. */
export function createApisixRouter(options: RouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const ns = namespaceOf(rollout);
  const { dataPlane, delayMs } = resolveDataPlane(options, 'Apisix');
  const canary = canaryOf(rollout);
  const routeRef = trafficRoutingOf(rollout).apisix?.route;
  const routeName = routeRef?.name ?? '';
  const ruleNames = routeRef?.rules ?? [routeName];

  const setWeight = (weight: number): void => {
    const route = clone(mustGet(client, 'ApisixRoute', ns, routeName));
    const rules = httpRules(route);
    for (const name of ruleNames) {
      const rule = ruleNamed(rules, name);
      setBackendWeight(rule, canary.canaryService ?? '', weight);
      setBackendWeight(rule, canary.stableService ?? '', 100 - weight);
    }
    client.update(route);
  };

  const setHeaderRoute = (header: HeaderRoute): void => {
    const main = mustGet(client, 'ApisixRoute', ns, routeName);
    const existing = client.get('ApisixRoute', ns, header.name);
    if (existing && !isControlledBy(existing, rollout)) {
      fail(`duplicate ApisixRoute [${header.name}] already exists`);
    }
    if (header.match.length === 0) {
      if (existing) client.delete('ApisixRoute', ns, header.name);
      return;
    }
    const isNew = !existing;
    const route = clone(existing ?? main);
    if (isNew) {
      const meta = { ...(route.metadata ?? {}) };
      delete meta.resourceVersion;
      delete meta.uid;
      delete meta.creationTimestamp;
      delete meta.generation;
      delete meta.managedFields;
      route.metadata = { ...meta, name: header.name, ownerReferences: [controllerRef(rollout)] };
    }
    const rules = httpRules(route);
    for (const name of ruleNames) {
      const rule = ruleNamed(rules, name);
      setBackendWeight(rule, canary.canaryService ?? '', 100);
      rule.backends = backendsOf(rule).filter((b) => b.serviceName !== canary.stableService);
      if (isNew) rule.priority = (typeof rule.priority === 'number' ? rule.priority : 0) + 1;
      rule.match = { ...(isRecord(rule.match) ? rule.match : {}), exprs: exprsOf(header.match) };
    }
    if (isNew) client.create(route);
    else client.update(route);
  };

  const removeManagedRoutes = (): void => {
    for (const name of managedRouteNames(rollout)) {
      const route = client.get('ApisixRoute', ns, name);
      if (route && isControlledBy(route, rollout)) client.delete('ApisixRoute', ns, name);
    }
  };

  return withDataPlane(
    {
      type: APISIX_TYPE,
      updateHash: () => ({ ok: true }),
      setWeight: (weight) => attempt(() => setWeight(weight)),
      setHeaderRoute: (route) => attempt(() => setHeaderRoute(route)),
      setMirrorRoute: () => ({ ok: true }),
      removeManagedRoutes: () => attempt(removeManagedRoutes),
      routeSupport: { header: 'all' },
      verifyPolicy: () => 'unsupported',
    },
    rollout,
    dataPlane,
    delayMs,
  );
}
