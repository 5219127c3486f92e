import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../src/model';
import type { RouterObject } from '../../src/traffic';
import { createGatewayApiRouter } from '../../src/traffic';
import { at, createMemoryClient, createStepClock } from './support';

const rolloutWith = (config: Record<string, unknown>): Rollout =>
  ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'demo' } },
      template: {},
      strategy: {
        canary: {
          canaryService: 'argo-rollouts-canary-service',
          stableService: 'argo-rollouts-stable-service',
          trafficRouting: {
            managedRoutes: [{ name: 'header-route' }],
            plugins: { 'argoproj-labs/gatewayAPI': config },
          },
        },
      },
    },
  }) as unknown as Rollout;

const HTTP_ROUTE: RouterObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'argo-rollouts-http-route' },
  spec: {
    parentRefs: [{ name: 'eg' }],
    rules: [
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [
          { name: 'argo-rollouts-stable-service', kind: 'Service', port: 80 },
          { name: 'argo-rollouts-canary-service', kind: 'Service', port: 80 },
        ],
      },
    ],
  },
};

const rollout = rolloutWith({ httpRoute: 'argo-rollouts-http-route', namespace: 'default' });
const refs = (route: RouterObject | undefined, rule = 0) =>
  (at(route, `spec.rules.${rule}.backendRefs`) as { name: string; weight?: number }[]).map(
    (r) => `${r.name}=${r.weight}`,
  );

describe('Gateway API plugin router', () => {
  it('sets backendRef weights for 0, 20 and 100', () => {
    const client = createMemoryClient(HTTP_ROUTE);
    const router = createGatewayApiRouter({ rollout, client, clock: createStepClock() });
    expect(router.type).toBe('GatewayAPI');
    for (const w of [0, 20, 100]) {
      expect(router.setWeight(w, [])).toEqual({ ok: true });
      expect(refs(client.peek('HTTPRoute', 'argo-rollouts-http-route'))).toEqual([
        `argo-rollouts-stable-service=${100 - w}`,
        `argo-rollouts-canary-service=${w}`,
      ]);
    }
  });

  it('adds a header rule recorded in the ConfigMap, keeps it out of setWeight, and removes it', () => {
    const client = createMemoryClient(HTTP_ROUTE);
    const router = createGatewayApiRouter({ rollout, client, clock: createStepClock() });
    const match = [{ headerName: 'X-Test', headerValue: { exact: 'test' } }];
    expect(router.setHeaderRoute({ name: 'header-route', match })).toEqual({ ok: true });
    let route = client.peek('HTTPRoute', 'argo-rollouts-http-route');
    expect(at(route, 'spec.rules.1')).toEqual({
      matches: [
        {
          path: { type: 'PathPrefix', value: '/' },
          headers: [{ name: 'X-Test', type: 'Exact', value: 'test' }],
        },
      ],
      backendRefs: [{ group: '', kind: 'Service', name: 'argo-rollouts-canary-service', port: 80 }],
    });
    expect(at(client.peek('ConfigMap', 'argo-gatewayapi-configmap'), 'data')).toEqual({
      httpManagedRoutes: '{"header-route":{"argo-rollouts-http-route":1}}',
    });
    // Idempotent: applying it again does not add a second rule.
    router.setHeaderRoute({ name: 'header-route', match });
    expect(at(client.peek('HTTPRoute', 'argo-rollouts-http-route'), 'spec.rules')).toHaveLength(2);
    router.setWeight(30, []);
    route = client.peek('HTTPRoute', 'argo-rollouts-http-route');
    expect(refs(route)).toEqual([
      'argo-rollouts-stable-service=70',
      'argo-rollouts-canary-service=30',
    ]);
    expect(refs(route, 1)).toEqual(['argo-rollouts-canary-service=undefined']);

    expect(router.removeManagedRoutes()).toEqual({ ok: true });
    expect(at(client.peek('HTTPRoute', 'argo-rollouts-http-route'), 'spec.rules')).toHaveLength(1);
    expect(at(client.peek('ConfigMap', 'argo-gatewayapi-configmap'), 'data')).toEqual({
      httpManagedRoutes: '{}',
    });
    // An empty match deletes too.
    router.setHeaderRoute({ name: 'header-route', match });
    router.setHeaderRoute({ name: 'header-route', match: [] });
    expect(at(client.peek('HTTPRoute', 'argo-rollouts-http-route'), 'spec.rules')).toHaveLength(1);
  });

  it('maps prefix and regex header values to RegularExpression matches', () => {
    const client = createMemoryClient(HTTP_ROUTE);
    const router = createGatewayApiRouter({ rollout, client, clock: createStepClock() });
    router.setHeaderRoute({
      name: 'header-route',
      match: [
        { headerName: 'a', headerValue: { prefix: 'v1' } },
        { headerName: 'b', headerValue: { regex: '^x$' } },
      ],
    });
    expect(
      at(client.peek('HTTPRoute', 'argo-rollouts-http-route'), 'spec.rules.1.matches.0.headers'),
    ).toEqual([
      { name: 'a', type: 'RegularExpression', value: 'v1.*' },
      { name: 'b', type: 'RegularExpression', value: '^x$' },
    ]);
    expect(router.setHeaderRoute({ name: 'header-route', match: [{ headerName: 'c' }] })).toEqual({
      ok: false,
      reason: 'Invalid header match type',
    });
  });

  it('fails on a missing HTTPRoute or backendRef, and on an empty config', () => {
    const clock = createStepClock();
    const missing = createGatewayApiRouter({
      rollout,
      client: createMemoryClient(),
      clock,
    }).setWeight(5, []);
    expect(missing).toEqual({
      ok: false,
      reason: 'httproutes.gateway.networking.k8s.io "argo-rollouts-http-route" not found',
    });
    const noCanary = structuredClone(HTTP_ROUTE);
    at(noCanary, 'spec.rules.0.backendRefs').pop();
    expect(
      createGatewayApiRouter({ rollout, client: createMemoryClient(noCanary), clock }).setWeight(
        5,
        [],
      ),
    ).toEqual({
      ok: false,
      reason: 'backendRef was not found in httpRoute',
    });
    const empty = createGatewayApiRouter({
      rollout: rolloutWith({}),
      client: createMemoryClient(),
      clock,
    });
    expect(empty.setWeight(5, []).ok).toBe(false);
  });

  it('reports verified at once, as the plugin does, although the data plane lags 1000 ms', () => {
    const clock = createStepClock();
    const router = createGatewayApiRouter({
      rollout,
      client: createMemoryClient(HTTP_ROUTE),
      clock,
    });
    router.setWeight(20, []);
    expect(router.verifyWeight(20, [])).toBe('verified');
    clock.advanceBy(999);
    expect(router.observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(router.observedSplit().canaryWeight).toBe(20);
  });
});
