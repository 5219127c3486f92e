import { describe, expect, it } from 'vitest';
import type { RouterObject } from '../../src/traffic';
import { createIstioRouter } from '../../src/traffic';
import { at, example, hasShared, withCanary } from './support';

const weights = (vsvc: RouterObject | undefined, path: string) =>
  (at(vsvc, path) as { destination: { host: string }; weight: number }[]).map(
    (d) => `${d.destination.host}=${d.weight}`,
  );

const single = (managedRoutes?: string[]) => {
  const ex = example('istio');
  const rollout = withCanary(ex.rollout, {
    trafficRouting: {
      ...(managedRoutes ? { managedRoutes: managedRoutes.map((name) => ({ name })) } : {}),
      istio: { virtualService: { name: 'rollouts-demo-vsvc', routes: ['primary'] } },
    },
  });
  return { ...ex, rollout };
};

const DR: RouterObject = {
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'DestinationRule',
  metadata: { name: 'rollouts-demo-destrule' },
  spec: {
    host: 'rollouts-demo',
    subsets: [
      { name: 'canary', labels: { app: 'rollouts-demo' } },
      { name: 'stable', labels: { app: 'rollouts-demo' } },
    ],
  },
};

const SUBSET_VS: RouterObject = {
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'VirtualService',
  metadata: { name: 'subset-vsvc' },
  spec: {
    hosts: ['rollouts-demo'],
    http: [
      {
        name: 'primary',
        route: [
          { destination: { host: 'rollouts-demo', subset: 'stable' }, weight: 100 },
          { destination: { host: 'rollouts-demo', subset: 'canary' }, weight: 0 },
        ],
      },
    ],
  },
};

describe.skipIf(!hasShared)('Istio router (getting-started/istio; needs /work/shared)', () => {
  it('sets http route weights for 0, 20 and 100 and updates the VirtualService', () => {
    const { rollout, client, clock } = single();
    const router = createIstioRouter({ rollout, client, clock });
    expect(router.type).toBe('Istio');
    // Already at 0: nothing to write.
    expect(router.setWeight(0, [])).toEqual({ ok: true });
    expect(client.log).toEqual([]);
    for (const w of [20, 100]) {
      expect(router.setWeight(w, [])).toEqual({ ok: true });
      const vs = client.peek('VirtualService', 'rollouts-demo-vsvc');
      expect(weights(vs, 'spec.http.0.route')).toEqual([
        `rollouts-demo-stable=${100 - w}`,
        `rollouts-demo-canary=${w}`,
      ]);
    }
    expect(client.log.map((a) => a.verb)).toEqual(['update', 'update']);
  });

  it('updates every VirtualService of the rollout: named http routes and the tls route', () => {
    const { rollout, client, clock } = example('istio');
    expect(createIstioRouter({ rollout, client, clock }).setWeight(20, [])).toEqual({ ok: true });
    const vs1 = client.peek('VirtualService', 'rollouts-demo-vsvc1');
    const vs2 = client.peek('VirtualService', 'rollouts-demo-vsvc2');
    expect(weights(vs1, 'spec.http.0.route')).toEqual([
      'rollouts-demo-stable=80',
      'rollouts-demo-canary=20',
    ]);
    expect(weights(vs1, 'spec.tls.0.route')).toEqual([
      'rollouts-demo-stable=80',
      'rollouts-demo-canary=20',
    ]);
    expect(weights(vs2, 'spec.http.0.route')).toEqual([
      'rollouts-demo-stable=80',
      'rollouts-demo-canary=20',
    ]);
    expect(at(vs1, 'spec.http.0.route.0.destination.port')).toEqual({ number: 15372 });
    // The single-VirtualService manifest is not referenced and stays as it was.
    expect(client.log.map((a) => a.name)).toEqual(['rollouts-demo-vsvc1', 'rollouts-demo-vsvc2']);
  });

  it('adds experiment destinations and drops them when the experiment is gone', () => {
    const { rollout, client, clock } = single();
    const router = createIstioRouter({ rollout, client, clock });
    router.setWeight(20, [{ serviceName: 'exp-svc', podTemplateHash: 'e1', weight: 10 }]);
    let vs = client.peek('VirtualService', 'rollouts-demo-vsvc');
    expect(weights(vs, 'spec.http.0.route')).toEqual([
      'rollouts-demo-stable=70',
      'rollouts-demo-canary=20',
      'exp-svc=10',
    ]);
    router.setWeight(20, []);
    vs = client.peek('VirtualService', 'rollouts-demo-vsvc');
    expect(weights(vs, 'spec.http.0.route')).toEqual([
      'rollouts-demo-stable=80',
      'rollouts-demo-canary=20',
    ]);
  });

  it('adds a header route above the others, removes it, and removeManagedRoutes clears it', () => {
    const { rollout, client, clock } = single(['header-route']);
    const router = createIstioRouter({ rollout, client, clock });
    const match = [{ headerName: 'X-Canary', headerValue: { exact: 'yes' } }];
    expect(router.setHeaderRoute({ name: 'header-route', match })).toEqual({ ok: true });
    let http = at(client.peek('VirtualService', 'rollouts-demo-vsvc'), 'spec.http');
    expect(http.map((r: { name: string }) => r.name)).toEqual(['header-route', 'primary']);
    expect(http[0]).toEqual({
      name: 'header-route',
      match: [{ headers: { 'X-Canary': { exact: 'yes' } } }],
      route: [{ destination: { host: 'rollouts-demo-canary' }, weight: 100 }],
    });
    // Re-applying is idempotent.
    router.setHeaderRoute({ name: 'header-route', match });
    http = at(client.peek('VirtualService', 'rollouts-demo-vsvc'), 'spec.http');
    expect(http).toHaveLength(2);
    expect(router.setHeaderRoute({ name: 'header-route', match: [] })).toEqual({ ok: true });
    http = at(client.peek('VirtualService', 'rollouts-demo-vsvc'), 'spec.http');
    expect(http.map((r: { name: string }) => r.name)).toEqual(['primary']);
    router.setHeaderRoute({ name: 'header-route', match });
    expect(router.removeManagedRoutes()).toEqual({ ok: true });
    http = at(client.peek('VirtualService', 'rollouts-demo-vsvc'), 'spec.http');
    expect(http.map((r: { name: string }) => r.name)).toEqual(['primary']);
  });

  it('copies the destination port into header routes (multi-VirtualService example)', () => {
    const ex = example('istio');
    const rollout = withCanary(ex.rollout, {
      trafficRouting: {
        ...ex.rollout.spec.strategy!.canary!.trafficRouting,
        managedRoutes: [{ name: 'hdr' }],
      },
    });
    const router = createIstioRouter({ rollout, client: ex.client, clock: ex.clock });
    router.setHeaderRoute({
      name: 'hdr',
      match: [{ headerName: 'h', headerValue: { prefix: 'v' } }],
    });
    const vs2 = ex.client.peek('VirtualService', 'rollouts-demo-vsvc2');
    expect(at(vs2, 'spec.http.0')).toEqual({
      name: 'hdr',
      match: [{ headers: { h: { prefix: 'v' } } }],
      route: [
        { destination: { host: 'rollouts-demo-canary', port: { number: 15373 } }, weight: 100 },
      ],
    });
  });

  it('adds a mirror route on top whose weights follow setWeight, and removes it', () => {
    const { rollout, client, clock } = single(['mirror-route']);
    const router = createIstioRouter({ rollout, client, clock });
    router.setWeight(20, []);
    const match = [{ method: { exact: 'GET' }, path: { prefix: '/' } }];
    expect(router.setMirrorRoute({ name: 'mirror-route', match, percentage: 35 })).toEqual({
      ok: true,
    });
    let vs = client.peek('VirtualService', 'rollouts-demo-vsvc');
    expect(at(vs, 'spec.http.0')).toEqual({
      name: 'mirror-route',
      match: [{ method: { exact: 'GET' }, uri: { prefix: '/' } }],
      route: [
        { destination: { host: 'rollouts-demo-stable' }, weight: 80 },
        { destination: { host: 'rollouts-demo-canary' }, weight: 20 },
      ],
      mirror: { host: 'rollouts-demo-canary' },
      mirrorPercentage: { value: 35 },
    });
    router.setWeight(40, []);
    vs = client.peek('VirtualService', 'rollouts-demo-vsvc');
    expect(weights(vs, 'spec.http.0.route')).toEqual([
      'rollouts-demo-stable=60',
      'rollouts-demo-canary=40',
    ]);
    expect(weights(vs, 'spec.http.1.route')).toEqual([
      'rollouts-demo-stable=60',
      'rollouts-demo-canary=40',
    ]);
    router.setMirrorRoute({ name: 'mirror-route', match: [] });
    vs = client.peek('VirtualService', 'rollouts-demo-vsvc');
    expect(at(vs, 'spec.http').map((r: { name: string }) => r.name)).toEqual(['primary']);
  });

  it('points DestinationRule subsets at the hashes and weights routes by subset', () => {
    const { rollout: base, client, clock } = example('istio');
    client.seed(DR, SUBSET_VS);
    const rollout = withCanary(base, {
      trafficRouting: {
        istio: {
          virtualService: { name: 'subset-vsvc', routes: ['primary'] },
          destinationRule: {
            name: 'rollouts-demo-destrule',
            canarySubsetName: 'canary',
            stableSubsetName: 'stable',
          },
        },
      },
    });
    const router = createIstioRouter({ rollout, client, clock });
    expect(router.updateHash('c4n4ry', '5t4bl3', [])).toEqual({ ok: true });
    const dr = client.peek('DestinationRule', 'rollouts-demo-destrule');
    expect(at(dr, 'spec.subsets')).toEqual([
      { name: 'canary', labels: { app: 'rollouts-demo', 'rollouts-pod-template-hash': 'c4n4ry' } },
      { name: 'stable', labels: { app: 'rollouts-demo', 'rollouts-pod-template-hash': '5t4bl3' } },
    ]);
    expect(dr?.metadata?.annotations).toEqual({
      'argo-rollouts.argoproj.io/managed-by-rollouts': 'rollouts-demo',
    });
    router.setWeight(20, []);
    const vs = client.peek('VirtualService', 'subset-vsvc');
    expect(at(vs, 'spec.http.0.route')).toEqual([
      { destination: { host: 'rollouts-demo', subset: 'stable' }, weight: 80 },
      { destination: { host: 'rollouts-demo', subset: 'canary' }, weight: 20 },
    ]);
    // An empty hash removes the label.
    router.updateHash('', '5t4bl3', []);
    expect(
      at(client.peek('DestinationRule', 'rollouts-demo-destrule'), 'spec.subsets.0.labels'),
    ).toEqual({
      app: 'rollouts-demo',
    });
    // Header routes then go to the DestinationRule host and canary subset.
    router.setHeaderRoute({ name: 'h', match: [{ headerName: 'a', headerValue: { exact: 'b' } }] });
    expect(at(client.peek('VirtualService', 'subset-vsvc'), 'spec.http.1.route')).toEqual([
      { destination: { host: 'rollouts-demo', subset: 'canary' }, weight: 100 },
    ]);
  });

  it('fails without throwing when the VirtualService, route or DestinationRule is missing', () => {
    const { rollout, client, clock } = example('istio', 'rollout.yaml');
    const r = createIstioRouter({ rollout, client, clock }).setWeight(20, []);
    expect(r).toEqual({ ok: false, reason: 'VirtualService `rollouts-demo-vsvc1` not found' });

    const ex = single();
    const badRoute = withCanary(ex.rollout, {
      trafficRouting: {
        istio: { virtualService: { name: 'rollouts-demo-vsvc', routes: ['nope'] } },
      },
    });
    expect(
      createIstioRouter({ rollout: badRoute, client: ex.client, clock }).setWeight(20, []),
    ).toEqual({
      ok: false,
      reason: "HTTP Route 'nope' is not found in the defined Virtual Service.",
    });

    const badSvc = withCanary(ex.rollout, { canaryService: 'other' });
    expect(
      createIstioRouter({ rollout: badSvc, client: ex.client, clock }).setWeight(20, []),
    ).toEqual({
      ok: false,
      reason: "Canary Service 'other' not found in route",
    });

    const noDr = withCanary(ex.rollout, {
      trafficRouting: {
        istio: {
          virtualService: { name: 'rollouts-demo-vsvc', routes: ['primary'] },
          destinationRule: {
            name: 'missing',
            canarySubsetName: 'canary',
            stableSubsetName: 'stable',
          },
        },
      },
    });
    expect(
      createIstioRouter({ rollout: noDr, client: ex.client, clock }).updateHash('a', 'b', []),
    ).toEqual({
      ok: false,
      reason: 'DestinationRule `missing` not found',
    });
  });

  it('observes the new weight exactly 500 ms later; verification is unsupported', () => {
    const { rollout, client, clock } = single();
    const router = createIstioRouter({ rollout, client, clock });
    router.setWeight(20, []);
    clock.advanceBy(499);
    expect(router.observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(router.observedSplit().canaryWeight).toBe(20);
    expect(router.verifyWeight(20, [])).toBe('unsupported');
  });
});
