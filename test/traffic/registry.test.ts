import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ClusterClient } from '../../src/cluster';
import type { ControllerClient } from '../../src/controller/ports';
import type { Rollout } from '../../src/model';
import type { RouterClient } from '../../src/traffic';
import {
  basicCanarySplit,
  createDataPlane,
  createRoutersFor,
  createUnsupportedRouter,
  unsupportedRouters,
} from '../../src/traffic';
import { createMemoryClient, createStepClock, example, hasShared, withCanary } from './support';

const rolloutWith = (trafficRouting?: Record<string, unknown>): Rollout =>
  ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default' },
    spec: {
      selector: {},
      template: {},
      strategy: {
        canary: {
          canaryService: 'c',
          stableService: 's',
          ...(trafficRouting ? { trafficRouting } : {}),
        },
      },
    },
  }) as unknown as Rollout;

describe('client port compatibility', () => {
  it('the controller and fake-cluster clients satisfy RouterClient', () => {
    expectTypeOf<ControllerClient>().toExtend<RouterClient>();
    expectTypeOf<ClusterClient>().toExtend<RouterClient>();
  });
});

describe('registry', () => {
  const deps = () => ({ client: createMemoryClient(), clock: createStepClock() });

  it('returns no routers for a basic canary', () => {
    expect(createRoutersFor(rolloutWith(), deps())).toEqual([]);
  });

  it("returns every configured router in Argo's order", () => {
    const rollout = rolloutWith({
      plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'r' } },
      apisix: { route: { name: 'a' } },
      traefik: { weightedTraefikServiceName: 't' },
      smi: {},
      alb: { ingress: 'i', servicePort: 80 },
      nginx: { stableIngress: 'i' },
      istio: { virtualService: { name: 'v' } },
    });
    expect(createRoutersFor(rollout, deps()).map((r) => r.type)).toEqual([
      'Istio',
      'Nginx',
      'ALB',
      'SMI',
      'Traefik',
      'Apisix',
      'GatewayAPI',
    ]);
    expect(unsupportedRouters(rollout)).toEqual([]);
  });

  it('names unsupported routers and puts failing stubs in their place', () => {
    const rollout = rolloutWith({
      ambassador: { mappings: ['m'] },
      appMesh: {},
      plugins: { 'argoproj-labs/openshift': {} },
      smi: {},
    });
    expect(unsupportedRouters(rollout)).toEqual([
      'ambassador',
      'appMesh',
      'plugins.argoproj-labs/openshift',
    ]);
    const routers = createRoutersFor(rollout, deps());
    expect(routers.map((r) => r.type)).toEqual([
      'SMI',
      'ambassador',
      'appMesh',
      'plugins.argoproj-labs/openshift',
    ]);
    expect(routers[1].setWeight(10, [])).toEqual({
      ok: false,
      reason: 'traffic router `ambassador` is not simulated by Rollout Lab',
    });
    const stub = createUnsupportedRouter('x');
    expect(stub.verifyWeight(1, [])).toBe('unsupported');
    expect(stub.observedSplit().canaryWeight).toBe(0);
  });

  it('keeps propagation across routers rebuilt every reconcile via the shared data plane', () => {
    const client = createMemoryClient();
    const clock = createStepClock();
    const dataPlane = createDataPlane({ clock });
    const rollout = rolloutWith({ smi: {} });
    const d = { client, clock, dataPlane, propagationDelayMs: { SMI: 300 } };
    createRoutersFor(rollout, d)[0].setWeight(20, []);
    clock.advanceBy(299);
    expect(createRoutersFor(rollout, d)[0].observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(createRoutersFor(rollout, d)[0].observedSplit().canaryWeight).toBe(20);
  });

  it('passes the ALB verification switch through', () => {
    const rollout = rolloutWith({ alb: { ingress: 'i', servicePort: 80 } });
    const atStep = {
      ...rollout,
      spec: {
        ...rollout.spec,
        strategy: { canary: { ...rollout.spec.strategy!.canary, steps: [{ setWeight: 5 }] } },
      },
      status: { stableRS: 'a', currentPodHash: 'b', currentStepIndex: 0 },
    } as Rollout;
    expect(createRoutersFor(atStep, deps())[0].verifyWeight(5, [])).toBe('pending');
    expect(
      createRoutersFor(atStep, { ...deps(), albVerifyWeight: false })[0].verifyWeight(5, []),
    ).toBe('unsupported');
  });
});

describe.skipIf(!hasShared)('registry with getting-started/mixed (needs /work/shared)', () => {
  it('builds the NGINX and SMI routers, which both write their objects', () => {
    const { rollout, client, clock } = example('mixed');
    const routers = createRoutersFor(rollout, { client, clock });
    expect(routers.map((r) => r.type)).toEqual(['Nginx', 'SMI']);
    for (const r of routers) expect(r.setWeight(5, [])).toEqual({ ok: true });
    expect(client.peek('Ingress', 'rollouts-demo-rollouts-demo-stable-canary')).toBeDefined();
    expect(client.peek('TrafficSplit', 'rollouts-demo')).toBeDefined();
    expect(
      createRoutersFor(withCanary(rollout, { trafficRouting: undefined }), { client, clock }),
    ).toEqual([]);
  });
});

describe('basicCanarySplit (no router)', () => {
  it('splits by ready pods', () => {
    expect(
      basicCanarySplit({ readyPodsByHash: { s: 4, c: 1 }, canaryHash: 'c', stableHash: 's' }),
    ).toEqual({
      canaryWeight: 20,
      canaryHash: 'c',
      stableHash: 's',
      additional: [],
    });
  });

  it('reports old versions still serving and is exact, not rounded', () => {
    const split = basicCanarySplit({
      readyPodsByHash: { s: 1, c: 1, old: 1, gone: 0 },
      canaryHash: 'c',
      stableHash: 's',
    });
    expect(split.canaryWeight).toBeCloseTo(100 / 3, 10);
    expect(split.additional).toEqual([
      { serviceName: '', podTemplateHash: 'old', weight: 100 / 3 },
    ]);
  });

  it('is 0 with no ready pods and when canary is stable', () => {
    expect(
      basicCanarySplit({ readyPodsByHash: {}, canaryHash: 'c', stableHash: 's' }).canaryWeight,
    ).toBe(0);
    expect(
      basicCanarySplit({ readyPodsByHash: { s: 3 }, canaryHash: 's', stableHash: 's' })
        .canaryWeight,
    ).toBe(0);
  });
});
