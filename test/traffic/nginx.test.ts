import { describe, expect, it } from 'vitest';
import { createNginxRouter, DEFAULT_PROPAGATION_DELAY_MS } from '../../src/traffic';
import { annotationsOf, example, hasShared, withCanary } from './support';

const CANARY = 'rollouts-demo-rollouts-demo-stable-canary';

describe.skipIf(!hasShared)('NGINX router (getting-started/nginx; needs /work/shared)', () => {
  it('creates the canary Ingress at weight 0, then patches it to 20 and 100', () => {
    const { rollout, client, clock } = example('nginx');
    const router = createNginxRouter({ rollout, client, clock });

    expect(router.type).toBe('Nginx');
    expect(router.setWeight(0, [])).toEqual({ ok: true });
    const created = client.peek('Ingress', CANARY)!;
    expect(created.apiVersion).toBe('networking.k8s.io/v1');
    expect(annotationsOf(created)).toEqual({
      'kubernetes.io/ingress.class': 'nginx',
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '0',
    });
    expect(created.metadata?.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Rollout', name: 'rollouts-demo', controller: true }),
    ]);
    expect(created.spec).toEqual({
      rules: [
        {
          host: 'rollouts-demo.local',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'rollouts-demo-canary', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    });

    expect(router.setWeight(20, [])).toEqual({ ok: true });
    expect(
      annotationsOf(client.peek('Ingress', CANARY))['nginx.ingress.kubernetes.io/canary-weight'],
    ).toBe('20');
    expect(router.setWeight(100, [])).toEqual({ ok: true });
    expect(
      annotationsOf(client.peek('Ingress', CANARY))['nginx.ingress.kubernetes.io/canary-weight'],
    ).toBe('100');
    // The stable Ingress is never touched.
    expect(client.peek('Ingress', 'rollouts-demo-stable')!.spec).toMatchObject({
      rules: [{ http: { paths: [{ backend: { service: { name: 'rollouts-demo-stable' } } }] } }],
    });
    expect(client.log.map((a) => `${a.verb} ${a.name}`)).toEqual([
      `create ${CANARY}`,
      `patch ${CANARY}`,
      `patch ${CANARY}`,
    ]);
    expect(client.log[1].patch).toEqual({
      metadata: { annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '20' } },
    });
  });

  it('writes nothing when the weight is unchanged (idempotent)', () => {
    const { rollout, client, clock } = example('nginx');
    const router = createNginxRouter({ rollout, client, clock });
    router.setWeight(20, []);
    router.setWeight(20, []);
    expect(client.log).toHaveLength(1);
  });

  it('adds canary-weight-total for maxTrafficWeight and prefixes additionalIngressAnnotations', () => {
    const { rollout: base, client, clock } = example('nginx');
    const rollout = withCanary(base, {
      trafficRouting: {
        maxTrafficWeight: 1000,
        nginx: {
          stableIngress: 'rollouts-demo-stable',
          additionalIngressAnnotations: { 'canary-by-header': 'X-Canary' },
        },
      },
    });
    createNginxRouter({ rollout, client, clock }).setWeight(250, []);
    expect(annotationsOf(client.peek('Ingress', CANARY))).toMatchObject({
      'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary',
      'nginx.ingress.kubernetes.io/canary-weight': '250',
      'nginx.ingress.kubernetes.io/canary-weight-total': '1000',
    });
  });

  it('manages one canary Ingress per stableIngresses entry, with a custom annotation prefix', () => {
    const { rollout: base, client, clock } = example('nginx');
    const second = client.peek('Ingress', 'rollouts-demo-stable')!;
    second.metadata = { name: 'second' };
    client.seed(second);
    const rollout = withCanary(base, {
      trafficRouting: {
        nginx: {
          stableIngresses: ['rollouts-demo-stable', 'second'],
          annotationPrefix: 'custom.nginx',
        },
      },
    });
    expect(createNginxRouter({ rollout, client, clock }).setWeight(5, [])).toEqual({ ok: true });
    expect(annotationsOf(client.peek('Ingress', CANARY))['custom.nginx/canary-weight']).toBe('5');
    expect(annotationsOf(client.peek('Ingress', 'rollouts-demo-second-canary'))).toMatchObject({
      'custom.nginx/canary': 'true',
      'custom.nginx/canary-weight': '5',
    });
  });

  it('fails (without throwing) when the stable Ingress is missing or has no stable backend', () => {
    const { rollout, client, clock } = example('nginx', 'rollout.yaml', 'services.yaml');
    const router = createNginxRouter({ rollout, client, clock });
    const r = router.setWeight(20, []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('stableIngress `rollouts-demo-stable`');

    const other = withCanary(rollout, { stableService: 'not-in-ingress' });
    const { client: c2 } = example('nginx');
    const r2 = createNginxRouter({ rollout: other, client: c2, clock }).setWeight(20, []);
    expect(r2).toEqual({
      ok: false,
      reason: 'ingress `rollouts-demo-stable` has no rules using service not-in-ingress backend',
    });
    expect(router.observedSplit().canaryWeight).toBe(0);
  });

  it('refuses to patch a canary Ingress another object controls', () => {
    const { rollout, client, clock } = example('nginx');
    client.seed({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: CANARY, ownerReferences: [] },
    });
    expect(createNginxRouter({ rollout, client, clock }).setWeight(20, [])).toEqual({
      ok: false,
      reason: `canary ingress \`${CANARY}\` controlled by different object`,
    });
  });

  it('header and mirror routes are no-ops, as in Argo; verification is unsupported', () => {
    const { rollout, client, clock } = example('nginx');
    const router = createNginxRouter({ rollout, client, clock });
    const match = [{ headerName: 'x', headerValue: { exact: 'y' } }];
    expect(router.setHeaderRoute({ name: 'h', match })).toEqual({ ok: true });
    expect(router.setMirrorRoute({ name: 'm', match: [{ path: { prefix: '/' } }] })).toEqual({
      ok: true,
    });
    expect(router.removeManagedRoutes()).toEqual({ ok: true });
    expect(client.log).toEqual([]);
    router.setWeight(20, []);
    expect(router.verifyWeight(20, [])).toBe('unsupported');
  });

  it('the data plane switches exactly propagationDelayMs (default 1000) after setWeight', () => {
    const { rollout, client, clock } = example('nginx');
    const router = createNginxRouter({ rollout, client, clock });
    expect(DEFAULT_PROPAGATION_DELAY_MS.Nginx).toBe(1000);
    router.updateHash('canary1', 'stable1', []);
    router.setWeight(20, []);
    expect(
      annotationsOf(client.peek('Ingress', CANARY))['nginx.ingress.kubernetes.io/canary-weight'],
    ).toBe('20');
    clock.advanceBy(999);
    expect(router.observedSplit()).toEqual({
      canaryWeight: 0,
      canaryHash: '',
      stableHash: '',
      additional: [],
    });
    clock.advanceBy(1);
    expect(router.observedSplit()).toEqual({
      canaryWeight: 20,
      canaryHash: 'canary1',
      stableHash: 'stable1',
      additional: [],
    });
  });

  it('honours a propagationDelayMs override', () => {
    const { rollout, client, clock } = example('nginx');
    const router = createNginxRouter({ rollout, client, clock, propagationDelayMs: 0 });
    router.setWeight(40, []);
    expect(router.observedSplit().canaryWeight).toBe(40);
  });
});
