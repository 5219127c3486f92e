/**
 * The AWS ALB router: the forward action annotation `alb.ingress.kubernetes.io/actions.<svc>`, header
 * routes as action + condition annotations with a `use-annotation` path, and weight verification
 * against the simulated target groups. Argo counterpart: rollout/trafficrouting/alb/alb.go.
 * Rule: Ingress changes are merge patches of annotations (and spec for header routes).
 */
import type { Rollout } from '../model';
import type { HeaderRoute, TrafficRouter, WeightDestination } from './router';
import type { RouterObject } from './common';
import {
  attempt,
  canaryOf,
  clone,
  fail,
  headerMatchOf,
  isRecord,
  managedRouteNames,
  mergePatchDiff,
  mustGet,
  nameOf,
  namespaceOf,
  sumWeights,
  trafficRoutingOf,
} from './common';
import type { VerifyPolicy } from './dataPlane';
import { withDataPlane } from './dataPlane';
import { backendServiceName, hasRuleWithService, ingressRules, rulePaths } from './ingress';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** ALB_TYPE is Argo's alb.Type. */
export const ALB_TYPE = 'ALB';
/** ALB_ANNOTATION_PREFIX is Argo's ALBIngressAnnotation (the default annotation prefix). */
export const ALB_ANNOTATION_PREFIX = 'alb.ingress.kubernetes.io';
/** ALB_MANAGED_ANNOTATIONS is Argo's ManagedAnnotations key (JSON: rollout → annotation keys). */
export const ALB_MANAGED_ANNOTATIONS = 'rollouts.argoproj.io/managed-alb-annotations';

/** AlbRouterOptions adds ALB's verification switch to {@link RouterOptions}. */
export interface AlbRouterOptions extends RouterOptions {
  /**
   * Whether weights are verified against the target groups, Argo's `--alb-verify-weight`
   * controller flag. Defaults to true here (Argo defaults to false) because showing the lag
   * between the Ingress annotation and the load balancer is the lesson.
   */
  readonly verifyWeight?: boolean;
}

/** albIngresses returns the ALB Ingress names (ingresses wins over ingress). */
export function albIngresses(rollout: Rollout): string[] {
  const alb = trafficRoutingOf(rollout).alb;
  return alb?.ingresses ?? (alb?.ingress ? [alb.ingress] : []);
}

function prefixOf(rollout: Rollout): string {
  return trafficRoutingOf(rollout).alb?.annotationPrefix || ALB_ANNOTATION_PREFIX;
}

/** albActionAnnotationKey mirrors ingressutil.ALBActionAnnotationKey (root or stable service). */
export function albActionAnnotationKey(rollout: Rollout): string {
  const alb = trafficRoutingOf(rollout).alb;
  const service = alb?.rootService || (canaryOf(rollout).stableService ?? '');
  return `${prefixOf(rollout)}/actions.${service}`;
}

interface TargetGroup {
  ServiceName: string;
  ServicePort: string;
  Weight: number;
}

function withStickiness(rollout: Rollout, targetGroups: TargetGroup[]): string {
  const forward: Record<string, unknown> = { TargetGroups: targetGroups };
  const sticky = trafficRoutingOf(rollout).alb?.stickinessConfig;
  if (sticky?.enabled) {
    if (sticky.durationSeconds < 1 || sticky.durationSeconds > 604800) {
      fail("TargetGroupStickinessConfig's duration must be between 1 and 604800 seconds (7 days)!");
    }
    forward.TargetGroupStickinessConfig = {
      Enabled: true,
      DurationSeconds: sticky.durationSeconds,
    };
  }
  return JSON.stringify({ Type: 'forward', ForwardConfig: forward });
}

/**
 * albForwardAction returns the forward action JSON Argo writes for `weight`: canary target groups,
 * then the additional destinations, then stable with the rest of 100, one per service port.
 */
export function albForwardAction(
  rollout: Rollout,
  weight: number,
  additional: readonly WeightDestination[] = [],
): string {
  const canary = canaryOf(rollout);
  const ports = [String(trafficRoutingOf(rollout).alb?.servicePort ?? '')];
  const groups: TargetGroup[] = [];
  for (const port of ports) {
    groups.push({ ServiceName: canary.canaryService ?? '', ServicePort: port, Weight: weight });
  }
  for (const d of additional) {
    for (const port of ports) {
      groups.push({ ServiceName: d.serviceName, ServicePort: port, Weight: d.weight });
    }
  }
  const stableWeight = 100 - weight - sumWeights(additional);
  for (const port of ports) {
    groups.push({
      ServiceName: canary.stableService ?? '',
      ServicePort: port,
      Weight: stableWeight,
    });
  }
  return withStickiness(rollout, groups);
}

function headerCondition(match: readonly unknown[]): string {
  return JSON.stringify(
    match.map((m) => {
      const hm = headerMatchOf(m);
      return {
        field: 'http-header',
        httpHeaderConfig: {
          httpHeaderName: hm.headerName ?? '',
          values: [hm.headerValue?.exact ?? ''],
        },
      };
    }),
  );
}

// Argo keeps the list of annotations each rollout owns in one JSON annotation.
function setManaged(
  annotations: Record<string, string>,
  rolloutName: string,
  add: boolean,
  keys: readonly string[],
): void {
  let managed: Record<string, string[]> = {};
  const raw = annotations[ALB_MANAGED_ANNOTATIONS];
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isRecord(parsed)) managed = parsed as Record<string, string[]>;
    } catch {
      fail(`invalid ${ALB_MANAGED_ANNOTATIONS} annotation: ${raw}`);
    }
  }
  let mine = [...(managed[rolloutName] ?? [])];
  for (const key of keys) {
    if (add && !mine.includes(key)) mine.push(key);
    if (!add) mine = mine.filter((k) => k !== key);
  }
  managed[rolloutName] = mine;
  // Go marshals maps with sorted keys.
  const sorted: Record<string, string[]> = {};
  for (const k of Object.keys(managed).sort()) sorted[k] = managed[k];
  annotations[ALB_MANAGED_ANNOTATIONS] = JSON.stringify(sorted);
}

function removePathsTo(ingress: RouterObject, service: string): void {
  for (const rule of ingressRules(ingress)) {
    if (!isRecord(rule.http)) continue;
    rule.http.paths = rulePaths(rule).filter((p) => backendServiceName(p) !== service);
  }
}

function addAnnotationPath(ingress: RouterObject, action: string): void {
  if (hasRuleWithService(ingress, action)) return;
  const legacy = ingress.apiVersion === 'extensions/v1beta1';
  const backend = legacy
    ? { serviceName: action, servicePort: 'use-annotation' }
    : { service: { name: action, port: { name: 'use-annotation' } } };
  for (const rule of ingressRules(ingress)) {
    if (!isRecord(rule.http)) continue;
    rule.http.paths = [
      { path: '/*', pathType: 'ImplementationSpecific', backend: clone(backend) },
      ...rulePaths(rule),
    ];
  }
}

// SortHttpPaths: managed-route paths first, in managedRoutes order, then the others as they were.
function sortPaths(ingress: RouterObject, managed: readonly string[]): void {
  for (const rule of ingressRules(ingress)) {
    if (!isRecord(rule.http)) continue;
    const paths = rulePaths(rule);
    const first = managed.flatMap((m) => paths.filter((p) => backendServiceName(p) === m));
    const rest = paths.filter((p) => !managed.includes(backendServiceName(p)));
    rule.http.paths = [...first, ...rest];
  }
}

/**
 * shouldVerifyWeight mirrors rolloututil.ShouldVerifyWeight: only at a setWeight step of an update
 * in progress (a stable RS exists and the rollout is not fully promoted).
 */
export function shouldVerifyWeight(rollout: Rollout): boolean {
  const status = rollout.status;
  const steps = canaryOf(rollout).steps ?? [];
  const index = status?.currentStepIndex ?? 0;
  const fullyPromoted = !!status?.stableRS && status.stableRS === status.currentPodHash;
  return !!status?.stableRS && !fullyPromoted && steps[index]?.setWeight !== undefined;
}

/**
 * createAlbRouter returns the ALB router of a rollout. verifyWeight compares the simulated target
 * group weights (the data plane, after the propagation delay) with the desired weights.
 */
export function createAlbRouter(options: AlbRouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const ns = namespaceOf(rollout);
  const { dataPlane, delayMs } = resolveDataPlane(options, 'ALB');
  const verify = options.verifyWeight ?? true;
  const alb = trafficRoutingOf(rollout).alb;

  const patchIngress = (before: RouterObject, after: RouterObject, withSpec: boolean): void => {
    const pick = (o: RouterObject) => ({
      metadata: { annotations: o.metadata?.annotations },
      ...(withSpec ? { spec: o.spec } : {}),
    });
    const patch = mergePatchDiff(pick(before), pick(after));
    if (patch !== undefined) client.patch('Ingress', ns, before.metadata?.name ?? '', patch);
  };

  const forEachIngress = (fn: (ingress: RouterObject) => void): void => {
    const names = albIngresses(rollout);
    if (names.length === 0) fail('trafficRouting.alb has no ingress');
    for (const name of names) fn(mustGet(client, 'Ingress', ns, name));
  };

  const setWeight = (weight: number, additional: readonly WeightDestination[]): void =>
    forEachIngress((ingress) => {
      const actionService = alb?.rootService || (canaryOf(rollout).stableService ?? '');
      if (!hasRuleWithService(ingress, actionService)) {
        fail(`ingress does not have service \`${actionService}\` in rules`);
      }
      const desired = clone(ingress);
      const annotations = { ...(desired.metadata?.annotations ?? {}) };
      const key = albActionAnnotationKey(rollout);
      annotations[key] = albForwardAction(rollout, weight, additional);
      setManaged(annotations, nameOf(rollout), true, [key]);
      desired.metadata = { ...desired.metadata, annotations };
      patchIngress(ingress, desired, false);
    });

  const setHeaderRoute = (route: HeaderRoute): void =>
    forEachIngress((ingress) => {
      const prefix = prefixOf(rollout);
      const actionKey = `${prefix}/actions.${route.name}`;
      const conditionKey = `${prefix}/conditions.${route.name}`;
      const add = route.match.length > 0;
      const desired = clone(ingress);
      const annotations = { ...(desired.metadata?.annotations ?? {}) };
      if (add) {
        const port = String(alb?.servicePort ?? '');
        annotations[actionKey] = withStickiness(rollout, [
          { ServiceName: canaryOf(rollout).canaryService ?? '', ServicePort: port, Weight: 100 },
        ]);
        annotations[conditionKey] = headerCondition(route.match);
      } else {
        delete annotations[actionKey];
        delete annotations[conditionKey];
      }
      setManaged(annotations, nameOf(rollout), add, [actionKey, conditionKey]);
      desired.metadata = { ...desired.metadata, annotations };
      if (add) addAnnotationPath(desired, route.name);
      else removePathsTo(desired, route.name);
      sortPaths(desired, managedRouteNames(rollout));
      patchIngress(ingress, desired, true);
    });

  const removeManagedRoutes = (): void => {
    const managed = managedRouteNames(rollout);
    if (managed.length === 0) return;
    forEachIngress((ingress) => {
      const prefix = prefixOf(rollout);
      const desired = clone(ingress);
      const annotations = { ...(desired.metadata?.annotations ?? {}) };
      const keys: string[] = [];
      for (const name of managed) {
        keys.push(`${prefix}/actions.${name}`, `${prefix}/conditions.${name}`);
      }
      for (const k of keys) delete annotations[k];
      setManaged(annotations, nameOf(rollout), false, keys);
      desired.metadata = { ...desired.metadata, annotations };
      for (const name of managed) removePathsTo(desired, name);
      patchIngress(ingress, desired, true);
    });
  };

  const verifyPolicy = (): VerifyPolicy =>
    verify && shouldVerifyWeight(rollout) ? 'dataPlane' : 'unsupported';

  return withDataPlane(
    {
      type: ALB_TYPE,
      updateHash: () => ({ ok: true }),
      setWeight: (weight, additional) => attempt(() => setWeight(weight, additional)),
      setHeaderRoute: (route) => attempt(() => setHeaderRoute(route)),
      setMirrorRoute: () => ({ ok: true }),
      removeManagedRoutes: () => attempt(removeManagedRoutes),
      routeSupport: { header: 'all' },
      verifyPolicy,
    },
    rollout,
    dataPlane,
    delayMs,
  );
}
