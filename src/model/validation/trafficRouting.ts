/**
 * Traffic-routing rules: services a router needs, maxTrafficWeight, header/mirror routes, router config.
 * Argo counterpart: requireCanaryStableServices and route checks (validation.go), Validate*Config (validation_references.go).
 * Rule: one function per Argo check, called from canary.ts.
 */
import { DEFAULT_MAX_TRAFFIC_WEIGHT } from '../defaults';
import { ARGO_MESSAGES, ISSUE_CODES, missingFieldMessage } from './codes';
import type { Collector, JsonRecord } from './context';
import { arr, child, isSet, num, rec, report, str, strOrEmpty } from './context';

/** trafficRoutingOf returns `canary.trafficRouting` when it is set. */
export function trafficRoutingOf(canary: JsonRecord): JsonRecord | undefined {
  return rec(canary.trafficRouting);
}

/** hasPlugins mirrors `len(trafficRouting.Plugins) > 0`. */
function hasPlugins(tr: JsonRecord): boolean {
  const plugins = rec(tr.plugins);
  return plugins !== undefined && Object.keys(plugins).length > 0;
}

/**
 * requiresCanaryStableServices mirrors requireCanaryStableServices: ALB without ping-pong, Istio
 * without a destinationRule, SMI, Apisix, Ambassador, Nginx, AppMesh and Traefik all need both.
 */
export function requiresCanaryStableServices(canary: JsonRecord): boolean {
  const tr = trafficRoutingOf(canary);
  if (!tr) return false;
  if (isSet(tr.alb) && !isSet(canary.pingPong)) return true;
  if (isSet(tr.istio) && !isSet(rec(tr.istio)?.destinationRule)) return true;
  return ['smi', 'apisix', 'ambassador', 'nginx', 'appMesh', 'traefik'].some((k) => isSet(tr[k]));
}

/** maxTrafficWeight mirrors weightutil.MaxTrafficWeight: trafficRouting.maxTrafficWeight or 100. */
export function maxTrafficWeight(canary: JsonRecord): number {
  const tr = trafficRoutingOf(canary);
  return (tr && num(tr.maxTrafficWeight)) ?? DEFAULT_MAX_TRAFFIC_WEIGHT;
}

/** validateTrafficRouting runs the strategy-level traffic-routing checks. */
export function validateTrafficRouting(c: Collector, canary: JsonRecord, base: string): void {
  if (requiresCanaryStableServices(canary)) {
    if (strOrEmpty(canary.stableService) === '') {
      report(
        c,
        child(base, 'stableService'),
        ISSUE_CODES.trafficRoutingServicesRequired,
        ARGO_MESSAGES.invalidTrafficRouting,
      );
    }
    if (strOrEmpty(canary.canaryService) === '') {
      report(
        c,
        child(base, 'canaryService'),
        ISSUE_CODES.trafficRoutingServicesRequired,
        ARGO_MESSAGES.invalidTrafficRouting,
      );
    }
  }
  const tr = trafficRoutingOf(canary);
  if (!tr) return;
  const trPath = child(base, 'trafficRouting');
  if (isSet(tr.maxTrafficWeight) && !isSet(tr.nginx) && !hasPlugins(tr)) {
    report(
      c,
      child(trPath, 'maxTrafficWeight'),
      ISSUE_CODES.maxTrafficWeightUnsupported,
      ARGO_MESSAGES.invalidCanaryMaxWeightOnlySupportInNginxAndPlugins,
    );
  }
  validateRouterConfig(c, tr, trPath);
}

/** The controller's "one or the other" checks on nginx, alb and istio configuration. */
function validateRouterConfig(c: Collector, tr: JsonRecord, trPath: string): void {
  const nginx = rec(tr.nginx);
  if (nginx) {
    const single = strOrEmpty(nginx.stableIngress) !== '';
    const multiple = arr(nginx.stableIngresses).length > 0;
    if (single === multiple) {
      report(
        c,
        child(trPath, 'nginx'),
        ISSUE_CODES.nginxIngressConfig,
        `Either StableIngress or StableIngresses must be configured. ${single ? 'Both' : 'Neither'} are configured.`,
      );
    }
  }
  const alb = rec(tr.alb);
  if (alb) {
    const single = strOrEmpty(alb.ingress) !== '';
    const multiple = arr(alb.ingresses).length > 0;
    if (single === multiple) {
      report(
        c,
        child(trPath, 'alb'),
        ISSUE_CODES.albIngressConfig,
        `Either Ingress or Ingresses must be configured. ${single ? 'Both' : 'Neither'} are configured.`,
      );
    }
  }
  const istio = rec(tr.istio);
  if (istio) {
    const multiple = arr(istio.virtualServices).length > 0;
    const single = isSet(istio.virtualService);
    if (single === multiple) {
      report(
        c,
        child(trPath, 'istio'),
        ISSUE_CODES.istioVirtualServiceConfig,
        'either VirtualService or VirtualServices must be configured',
      );
    }
  }
}

/** validateStepRoutes runs the setHeaderRoute / setMirrorRoute / managedRoutes checks of one step. */
export function validateStepRoutes(
  c: Collector,
  canary: JsonRecord,
  step: JsonRecord,
  stepPath: string,
  base: string,
): void {
  const tr = trafficRoutingOf(canary);
  const header = step.setHeaderRoute;
  const mirror = step.setMirrorRoute;

  if (isSet(header)) {
    const headerPath = child(stepPath, 'setHeaderRoute');
    const supported =
      tr !== undefined && (isSet(tr.istio) || isSet(tr.alb) || isSet(tr.apisix) || hasPlugins(tr));
    if (!supported) {
      report(
        c,
        headerPath,
        ISSUE_CODES.setHeaderRouteUnsupported,
        ARGO_MESSAGES.invalidSetHeaderRouteTrafficPolicy,
      );
    } else {
      arr(rec(header)?.match).forEach((raw, j) => {
        const matchPath = child(headerPath, 'match', j);
        const headerValue = rec(raw)?.headerValue;
        if (isSet(tr.alb)) checkAlbMatch(c, headerValue, child(matchPath, 'headerValue'));
        else checkStringMatch(c, headerValue, child(matchPath, 'headerValue'));
      });
    }
  }

  if (isSet(mirror)) {
    const mirrorPath = child(stepPath, 'setMirrorRoute');
    if (!tr || !isSet(tr.istio)) {
      report(
        c,
        mirrorPath,
        ISSUE_CODES.setMirrorRouteUnsupported,
        ARGO_MESSAGES.invalidSetMirrorRouteTrafficPolicy,
      );
    }
    arr(rec(mirror)?.match).forEach((raw, j) => {
      const match = rec(raw) ?? {};
      const matchPath = child(mirrorPath, 'match', j);
      if (isSet(match.method)) checkStringMatch(c, match.method, child(matchPath, 'method'));
      if (isSet(match.path)) checkStringMatch(c, match.path, child(matchPath, 'path'));
    });
  }

  if (tr && (isSet(header) || isSet(mirror))) {
    const managedRoutes = tr.managedRoutes;
    if (!isSet(managedRoutes)) {
      report(
        c,
        child(base, 'trafficRouting', 'managedRoutes'),
        ISSUE_CODES.managedRoutesMissing,
        missingFieldMessage('spec.strategy.canary.trafficRouting.managedRoutes'),
      );
    } else {
      const names = new Set(arr(managedRoutes).map((r) => str(rec(r)?.name) ?? ''));
      for (const [key, value] of [
        ['setHeaderRoute', header],
        ['setMirrorRoute', mirror],
      ] as const) {
        if (!isSet(value)) continue;
        const name = strOrEmpty(rec(value)?.name);
        if (!names.has(name)) {
          report(
            c,
            child(stepPath, key, 'name'),
            ISSUE_CODES.routeNotInManagedRoutes,
            ARGO_MESSAGES.stepRouteNotInManagedRoutes,
          );
        }
      }
    }
  }
}

/** hasMultipleMatchValues: a StringMatch needs exactly one of exact, regex, prefix. */
function checkStringMatch(c: Collector, value: unknown, path: string): void {
  const m = rec(value);
  if (!m) {
    report(
      c,
      path,
      ISSUE_CODES.stringMatchMissing,
      ARGO_MESSAGES.invalidStringMatchMissedValuePolicy,
    );
    return;
  }
  const count = ['exact', 'regex', 'prefix'].filter((k) => strOrEmpty(m[k]) !== '').length;
  if (count > 1) {
    report(
      c,
      path,
      ISSUE_CODES.stringMatchMultiple,
      ARGO_MESSAGES.invalidStringMatchMultipleValuePolicy,
    );
  } else if (count === 0) {
    report(
      c,
      path,
      ISSUE_CODES.stringMatchMissing,
      ARGO_MESSAGES.invalidStringMatchMissedValuePolicy,
    );
  }
}

/** hasALBInvalidValues: ALB header matches support `exact` only. */
function checkAlbMatch(c: Collector, value: unknown, path: string): void {
  const m = rec(value);
  if (!m) {
    report(
      c,
      path,
      ISSUE_CODES.stringMatchMissing,
      ARGO_MESSAGES.invalidStringMatchMissedValuePolicy,
    );
    return;
  }
  if (strOrEmpty(m.exact) === '' || strOrEmpty(m.regex) !== '' || strOrEmpty(m.prefix) !== '') {
    report(
      c,
      path,
      ISSUE_CODES.albHeaderMatchExactOnly,
      ARGO_MESSAGES.invalidSetHeaderRouteAlbValuePolicy,
    );
  }
}
