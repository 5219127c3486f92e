/**
 * The NGINX router: clones each stable Ingress into `<rollout>-<stableIngress>-canary`, backends
 * rewritten to the canary Service, with `canary` / `canary-weight` annotations. Argo counterpart:
 * rollout/trafficrouting/nginx/nginx.go. Rule: header/mirror routes and verification are no-ops,
 * as in Argo (canary-by-header goes through additionalIngressAnnotations).
 */
import type { Rollout } from '../model';
import type { TrafficRouter } from './router';
import type { RouterObject } from './common';
import {
  attempt,
  canaryOf,
  clone,
  controllerRef,
  fail,
  isControlledBy,
  isRecord,
  mergePatchDiff,
  nameOf,
  namespaceOf,
  trafficRoutingOf,
} from './common';
import { withDataPlane } from './dataPlane';
import {
  backendServiceName,
  canaryIngressName,
  ingressRules,
  rulePaths,
  setBackendServiceName,
} from './ingress';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** NGINX_TYPE is Argo's nginx.Type. */
export const NGINX_TYPE = 'Nginx';
/** DEFAULT_NGINX_ANNOTATION_PREFIX is Argo's default canary ingress annotation prefix. */
export const DEFAULT_NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io';

/** nginxStableIngresses returns the stable Ingress names (stableIngresses wins over stableIngress). */
export function nginxStableIngresses(rollout: Rollout): string[] {
  const nginx = trafficRoutingOf(rollout).nginx ?? {};
  return nginx.stableIngresses ?? (nginx.stableIngress ? [nginx.stableIngress] : []);
}

/**
 * buildCanaryIngress returns the canary Ingress Argo desires for one stable Ingress at `weight`:
 * TLS, ingressClassName and the `kubernetes.io/ingress.class` annotation are kept; only the rules
 * with a path on the stable Service are copied, pointed at the canary Service.
 */
export function buildCanaryIngress(
  rollout: Rollout,
  stableIngress: RouterObject,
  weight: number,
): RouterObject {
  const canary = canaryOf(rollout);
  const nginx = trafficRoutingOf(rollout).nginx ?? {};
  const stableService = canary.stableService ?? '';
  const canaryService = canary.canaryService ?? '';
  const prefix = nginx.annotationPrefix || DEFAULT_NGINX_ANNOTATION_PREFIX;
  const stableName = stableIngress.metadata?.name ?? '';
  const stableSpec = isRecord(stableIngress.spec) ? stableIngress.spec : {};

  const spec: Record<string, unknown> = {};
  if (stableSpec.ingressClassName !== undefined) {
    spec.ingressClassName = stableSpec.ingressClassName;
  }
  const rules: Record<string, unknown>[] = [];
  for (const rule of ingressRules(stableIngress)) {
    const copy = clone(rule);
    let usesStable = false;
    for (const path of rulePaths(copy)) {
      if (backendServiceName(path) === stableService) {
        usesStable = true;
        setBackendServiceName(path, canaryService);
      }
    }
    if (usesStable) rules.push(copy);
  }
  if (rules.length === 0) {
    fail(`ingress \`${stableName}\` has no rules using service ${stableService} backend`);
  }
  spec.rules = rules;
  if (stableSpec.tls !== undefined) spec.tls = clone(stableSpec.tls);

  const annotations: Record<string, string> = {};
  const ingressClass = stableIngress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (ingressClass !== undefined) annotations['kubernetes.io/ingress.class'] = ingressClass;
  for (const [k, v] of Object.entries(nginx.additionalIngressAnnotations ?? {})) {
    annotations[k.startsWith(prefix) ? k : `${prefix}/${k}`] = v;
  }
  for (const [k, v] of Object.entries(nginx.canaryIngressAnnotations ?? {})) annotations[k] = v;
  // canary and canary-weight always win; canary-by-header/-cookie (if set) take precedence in NGINX.
  annotations[`${prefix}/canary`] = 'true';
  annotations[`${prefix}/canary-weight`] = String(weight);
  const maxWeight = trafficRoutingOf(rollout).maxTrafficWeight;
  if (maxWeight !== undefined) annotations[`${prefix}/canary-weight-total`] = String(maxWeight);

  return {
    apiVersion: stableIngress.apiVersion ?? 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: canaryIngressName(nameOf(rollout), stableName),
      namespace: namespaceOf(rollout),
      annotations,
      ownerReferences: [controllerRef(rollout)],
    },
    spec,
  };
}

/**
 * createNginxRouter returns the NGINX router of a rollout. setWeight creates the canary Ingress
 * (event CreatingCanaryIngress in Argo) or merge-patches its annotations, labels and spec.
 */
export function createNginxRouter(options: RouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const ns = namespaceOf(rollout);
  const { dataPlane, delayMs } = resolveDataPlane(options, 'Nginx');

  const setWeightPerIngress = (stableName: string, weight: number): void => {
    const stable = client.get('Ingress', ns, stableName);
    if (!stable) {
      fail(`error retrieving stableIngress \`${stableName}\`: ingress "${stableName}" not found`);
    }
    const desired = buildCanaryIngress(rollout, stable, weight);
    const canaryName = desired.metadata!.name!;
    const existing = client.get('Ingress', ns, canaryName);
    if (!existing) {
      client.create(desired);
      return;
    }
    if (!isControlledBy(existing, rollout)) {
      fail(`canary ingress \`${canaryName}\` controlled by different object`);
    }
    const patch = mergePatchDiff(
      {
        metadata: {
          annotations: existing.metadata?.annotations,
          labels: existing.metadata?.labels,
        },
        spec: existing.spec,
      },
      { metadata: { annotations: desired.metadata?.annotations }, spec: desired.spec },
    );
    if (patch !== undefined) client.patch('Ingress', ns, canaryName, patch);
  };

  return withDataPlane(
    {
      type: NGINX_TYPE,
      updateHash: () => ({ ok: true }),
      setWeight: (weight) =>
        attempt(() => {
          const names = nginxStableIngresses(rollout);
          if (names.length === 0) fail('trafficRouting.nginx has no stableIngress');
          for (const name of names) setWeightPerIngress(name, weight);
        }),
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
