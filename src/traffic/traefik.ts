/**
 * The Traefik router: sets the weights of the canary and stable entries of the TraefikService's
 * spec.weighted.services. Argo counterpart: rollout/trafficrouting/traefik/traefik.go.
 * Rule: the TraefikService must exist and list both Services; Argo never creates it.
 */
import type { TrafficRouter } from './router';
import {
  attempt,
  canaryOf,
  clone,
  fail,
  isRecord,
  mustGet,
  namespaceOf,
  recordsOf,
  trafficRoutingOf,
} from './common';
import { withDataPlane } from './dataPlane';
import type { RouterOptions } from './options';
import { resolveDataPlane } from './options';

/** TRAEFIK_TYPE is Argo's traefik.Type. */
export const TRAEFIK_TYPE = 'Traefik';

/** createTraefikRouter returns the Traefik router of a rollout (TraefikService weighted services). */
export function createTraefikRouter(options: RouterOptions): TrafficRouter {
  const { rollout, client } = options;
  const ns = namespaceOf(rollout);
  const { dataPlane, delayMs } = resolveDataPlane(options, 'Traefik');
  const canary = canaryOf(rollout);

  const setWeight = (weight: number): void => {
    const name = trafficRoutingOf(rollout).traefik?.weightedTraefikServiceName ?? '';
    const obj = clone(mustGet(client, 'TraefikService', ns, name));
    const spec = isRecord(obj.spec) ? obj.spec : {};
    const weighted = isRecord(spec.weighted) ? spec.weighted : undefined;
    if (!weighted || !Array.isArray(weighted.services)) {
      fail('spec.weighted.services was not found in traefik service manifest');
    }
    const services = recordsOf(weighted.services);
    const canarySvc = services.find((s) => s.name === canary.canaryService);
    if (!canarySvc) fail('traefik canary service was not found');
    const stableSvc = services.find((s) => s.name === canary.stableService);
    if (!stableSvc) fail('traefik stable service was not found');
    canarySvc.weight = weight;
    stableSvc.weight = 100 - weight;
    client.update(obj);
  };

  return withDataPlane(
    {
      type: TRAEFIK_TYPE,
      updateHash: () => ({ ok: true }),
      setWeight: (weight) => attempt(() => setWeight(weight)),
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
