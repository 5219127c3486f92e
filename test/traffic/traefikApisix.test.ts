import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../src/model';
import type { RouterObject } from '../../src/traffic';
import { createApisixRouter, createTraefikRouter } from '../../src/traffic';
import { at, createMemoryClient, createStepClock } from './support';

const rolloutWith = (trafficRouting: Record<string, unknown>): Rollout =>
  ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default', uid: 'uid-1' },
    spec: {
      selector: { matchLabels: { app: 'demo' } },
      template: {},
      strategy: {
        canary: { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting },
      },
    },
  }) as unknown as Rollout;

const TRAEFIK_SERVICE: RouterObject = {
  apiVersion: 'traefik.io/v1alpha1',
  kind: 'TraefikService',
  metadata: { name: 'demo-wrr' },
  spec: {
    weighted: {
      services: [
        { name: 'demo-stable', port: 80 },
        { name: 'demo-canary', port: 80 },
      ],
    },
  },
};

describe('Traefik router', () => {
  const rollout = rolloutWith({ traefik: { weightedTraefikServiceName: 'demo-wrr' } });

  it('sets the weighted services for 0, 20 and 100', () => {
    const client = createMemoryClient(TRAEFIK_SERVICE);
    const clock = createStepClock();
    const router = createTraefikRouter({ rollout, client, clock });
    expect(router.type).toBe('Traefik');
    for (const w of [0, 20, 100]) {
      expect(router.setWeight(w, [])).toEqual({ ok: true });
      expect(at(client.peek('TraefikService', 'demo-wrr'), 'spec.weighted.services')).toEqual([
        { name: 'demo-stable', port: 80, weight: 100 - w },
        { name: 'demo-canary', port: 80, weight: w },
      ]);
    }
  });

  it('fails when the TraefikService or one of the services is missing', () => {
    const clock = createStepClock();
    const missing = createTraefikRouter({ rollout, client: createMemoryClient(), clock }).setWeight(
      5,
      [],
    );
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toContain('demo-wrr');
    const noCanary = structuredClone(TRAEFIK_SERVICE);
    at(noCanary, 'spec.weighted.services').pop();
    expect(
      createTraefikRouter({ rollout, client: createMemoryClient(noCanary), clock }).setWeight(
        5,
        [],
      ),
    ).toEqual({
      ok: false,
      reason: 'traefik canary service was not found',
    });
    const noWeighted = { ...TRAEFIK_SERVICE, spec: {} };
    expect(
      createTraefikRouter({ rollout, client: createMemoryClient(noWeighted), clock }).setWeight(
        5,
        [],
      ),
    ).toEqual({
      ok: false,
      reason: 'spec.weighted.services was not found in traefik service manifest',
    });
  });

  it('observes the weight exactly 2000 ms later (Traefik throttles reloads)', () => {
    const client = createMemoryClient(TRAEFIK_SERVICE);
    const clock = createStepClock();
    const router = createTraefikRouter({ rollout, client, clock });
    router.setWeight(30, []);
    clock.advanceBy(1999);
    expect(router.observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(router.observedSplit().canaryWeight).toBe(30);
    expect(router.verifyWeight(30, [])).toBe('unsupported');
  });
});

const APISIX_ROUTE: RouterObject = {
  apiVersion: 'apisix.apache.org/v2',
  kind: 'ApisixRoute',
  metadata: { name: 'demo-route' },
  spec: {
    http: [
      {
        name: 'demo-rule',
        match: { hosts: ['demo.local'], paths: ['/*'] },
        backends: [
          { serviceName: 'demo-stable', servicePort: 80, weight: 100 },
          { serviceName: 'demo-canary', servicePort: 80, weight: 0 },
        ],
      },
    ],
  },
};

describe('Apisix router', () => {
  const rollout = rolloutWith({
    managedRoutes: [{ name: 'set-header-1' }],
    apisix: { route: { name: 'demo-route', rules: ['demo-rule'] } },
  });

  it('sets backend weights for 0, 20 and 100', () => {
    const client = createMemoryClient(APISIX_ROUTE);
    const router = createApisixRouter({ rollout, client, clock: createStepClock() });
    expect(router.type).toBe('Apisix');
    for (const w of [0, 20, 100]) {
      expect(router.setWeight(w, [])).toEqual({ ok: true });
      expect(at(client.peek('ApisixRoute', 'demo-route'), 'spec.http.0.backends')).toEqual([
        { serviceName: 'demo-stable', servicePort: 80, weight: 100 - w },
        { serviceName: 'demo-canary', servicePort: 80, weight: w },
      ]);
    }
  });

  it('creates an owned header-route ApisixRoute, updates it, and deletes it', () => {
    const client = createMemoryClient(APISIX_ROUTE);
    const router = createApisixRouter({ rollout, client, clock: createStepClock() });
    const match = [{ headerName: 'agent', headerValue: { regex: 'firefox(.*)' } }];
    expect(router.setHeaderRoute({ name: 'set-header-1', match })).toEqual({ ok: true });
    let hdr = client.peek('ApisixRoute', 'set-header-1')!;
    expect(hdr.metadata?.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Rollout', name: 'demo', uid: 'uid-1', controller: true }),
    ]);
    expect(at(hdr, 'spec.http.0')).toEqual({
      name: 'demo-rule',
      priority: 1,
      match: {
        hosts: ['demo.local'],
        paths: ['/*'],
        exprs: [
          { subject: { scope: 'Header', name: 'agent' }, op: 'RegexMatch', value: 'firefox(.*)' },
        ],
      },
      backends: [{ serviceName: 'demo-canary', servicePort: 80, weight: 100 }],
    });
    // Updating keeps the priority and swaps the match.
    const chrome = [{ headerName: 'agent', headerValue: { exact: 'chrome' } }];
    router.setHeaderRoute({ name: 'set-header-1', match: chrome });
    hdr = client.peek('ApisixRoute', 'set-header-1')!;
    expect(at(hdr, 'spec.http.0.priority')).toBe(1);
    expect(at(hdr, 'spec.http.0.match.exprs')).toEqual([
      { subject: { scope: 'Header', name: 'agent' }, op: 'Equal', value: 'chrome' },
    ]);
    // The main route is untouched.
    expect(at(client.peek('ApisixRoute', 'demo-route'), 'spec.http.0.backends')).toHaveLength(2);
    expect(router.setHeaderRoute({ name: 'set-header-1', match: [] })).toEqual({ ok: true });
    expect(client.peek('ApisixRoute', 'set-header-1')).toBeUndefined();
    router.setHeaderRoute({ name: 'set-header-1', match });
    expect(router.removeManagedRoutes()).toEqual({ ok: true });
    expect(client.peek('ApisixRoute', 'set-header-1')).toBeUndefined();
  });

  it('refuses to take over an ApisixRoute it does not own, and fails on missing objects', () => {
    const clock = createStepClock();
    const foreign = { ...APISIX_ROUTE, metadata: { name: 'set-header-1' } };
    const client = createMemoryClient(APISIX_ROUTE, foreign);
    const router = createApisixRouter({ rollout, client, clock });
    expect(
      router.setHeaderRoute({
        name: 'set-header-1',
        match: [{ headerName: 'a', headerValue: { exact: 'b' } }],
      }),
    ).toEqual({
      ok: false,
      reason: 'duplicate ApisixRoute [set-header-1] already exists',
    });
    expect(router.removeManagedRoutes()).toEqual({ ok: true });
    expect(client.peek('ApisixRoute', 'set-header-1')).toBeDefined();
    const missing = createApisixRouter({ rollout, client: createMemoryClient(), clock }).setWeight(
      5,
      [],
    );
    expect(missing.ok).toBe(false);
    const badRule = rolloutWith({ apisix: { route: { name: 'demo-route', rules: ['nope'] } } });
    expect(createApisixRouter({ rollout: badRule, client, clock }).setWeight(5, [])).toEqual({
      ok: false,
      reason: 'Apisix http route rule nope not found',
    });
  });

  it('observes the weight exactly 1000 ms later', () => {
    const clock = createStepClock();
    const router = createApisixRouter({ rollout, client: createMemoryClient(APISIX_ROUTE), clock });
    router.setWeight(50, []);
    clock.advanceBy(999);
    expect(router.observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(router.observedSplit().canaryWeight).toBe(50);
  });
});
