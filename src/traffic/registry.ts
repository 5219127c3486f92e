/**
 * The router registry: every router a rollout configures, in Argo's order (Istio, Nginx, ALB, SMI,
 * Ambassador, AppMesh, Traefik, Apisix, plugins). Argo counterpart: NewTrafficRoutingReconciler in
 * rollout/trafficrouting.go. Rule: routers not simulated are named by `unsupportedRouters` (for a
 * load-time refusal) and fail every write.
 */
import type { Rollout } from '../model';
import type { TrafficRouter } from './router';
import type { RouterClient, RouterClock } from './common';
import { trafficRoutingOf } from './common';
import type { DataPlane } from './dataPlane';
import { createDataPlane, INITIAL_SPLIT } from './dataPlane';
import type { RouterOptions, RouterType } from './options';
import { createAlbRouter } from './alb';
import { createApisixRouter } from './apisix';
import { createGatewayApiRouter, GATEWAY_API_PLUGIN } from './gatewayApi';
import { createIstioRouter } from './istio';
import { createNginxRouter } from './nginx';
import { createSmiRouter } from './smi';
import { createTraefikRouter } from './traefik';

/** RouterDeps is what {@link createRoutersFor} needs besides the rollout. */
export interface RouterDeps {
  readonly client: RouterClient;
  readonly clock: RouterClock;
  /**
   * The world's shared data plane. Pass one: routers are rebuilt each reconcile, and only the data
   * plane remembers what is still propagating. Without it every call starts from a fresh one.
   */
  readonly dataPlane?: DataPlane;
  /** Per-router-type propagation delay overrides (virtual ms). */
  readonly propagationDelayMs?: Partial<Record<RouterType, number>>;
  /** ALB weight verification (Argo's `--alb-verify-weight`); default true, see createAlbRouter. */
  readonly albVerifyWeight?: boolean;
  /** TrafficSplit apiVersion for SMI; default split.smi-spec.io/v1alpha1. */
  readonly smiApiVersion?: string;
}

/**
 * unsupportedRouters names the configured traffic routers Rollout Lab does not simulate, e.g.
 * `['ambassador', 'plugins.argoproj-labs/openshift']`; empty when everything is simulated.
 */
export function unsupportedRouters(rollout: Rollout): string[] {
  const tr = trafficRoutingOf(rollout);
  const out: string[] = [];
  if (tr.ambassador) out.push('ambassador');
  if (tr.appMesh) out.push('appMesh');
  const plugins = (tr.plugins ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(plugins).sort()) {
    if (name !== GATEWAY_API_PLUGIN) out.push(`plugins.${name}`);
  }
  return out;
}

/**
 * createUnsupportedRouter returns a router whose every write fails with a clear reason, so that a
 * rollout using it cannot silently appear to shift traffic.
 */
export function createUnsupportedRouter(name: string): TrafficRouter {
  const reason = `traffic router \`${name}\` is not simulated by Rollout Lab`;
  const failed = () => ({ ok: false as const, reason });
  return {
    type: name,
    updateHash: failed,
    setWeight: failed,
    setHeaderRoute: failed,
    setMirrorRoute: failed,
    removeManagedRoutes: failed,
    verifyWeight: () => 'unsupported',
    observedSplit: () => INITIAL_SPLIT,
  };
}

/**
 * createRoutersFor returns every router the rollout configures, in Argo's order; an empty list
 * for a basic canary (no trafficRouting). Unsupported routers appear as failing stubs in their
 * Argo position.
 */
export function createRoutersFor(rollout: Rollout, deps: RouterDeps): TrafficRouter[] {
  const tr = rollout.spec?.strategy?.canary?.trafficRouting;
  if (!tr) return [];
  const dataPlane = deps.dataPlane ?? createDataPlane({ clock: deps.clock });
  const opts = (type: RouterType): RouterOptions => ({
    rollout,
    client: deps.client,
    clock: deps.clock,
    dataPlane,
    ...(deps.propagationDelayMs?.[type] !== undefined
      ? { propagationDelayMs: deps.propagationDelayMs[type] }
      : {}),
  });
  const routers: TrafficRouter[] = [];
  if (tr.istio) routers.push(createIstioRouter(opts('Istio')));
  if (tr.nginx) routers.push(createNginxRouter(opts('Nginx')));
  if (tr.alb) {
    const verify = deps.albVerifyWeight;
    routers.push(
      createAlbRouter({
        ...opts('ALB'),
        ...(verify !== undefined ? { verifyWeight: verify } : {}),
      }),
    );
  }
  if (tr.smi) {
    const apiVersion = deps.smiApiVersion;
    routers.push(createSmiRouter({ ...opts('SMI'), ...(apiVersion ? { apiVersion } : {}) }));
  }
  if (tr.ambassador) routers.push(createUnsupportedRouter('ambassador'));
  if (tr.appMesh) routers.push(createUnsupportedRouter('appMesh'));
  if (tr.traefik) routers.push(createTraefikRouter(opts('Traefik')));
  if (tr.apisix) routers.push(createApisixRouter(opts('Apisix')));
  const plugins = (tr.plugins ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(plugins).sort()) {
    routers.push(
      name === GATEWAY_API_PLUGIN
        ? createGatewayApiRouter(opts('GatewayAPI'))
        : createUnsupportedRouter(`plugins.${name}`),
    );
  }
  return routers;
}
