import { describe, expect, it } from 'vitest';
import { createAlbRouter } from '../../src/traffic';
import { annotationsOf, at, example, hasShared, withCanary } from './support';

const ACTION = 'alb.ingress.kubernetes.io/actions.rollouts-demo-root';
const MANAGED = 'rollouts.argoproj.io/managed-alb-annotations';
const INGRESS = 'rollouts-demo-ingress';

const forward = (canary: number, stable: number, extra = '') =>
  `{"Type":"forward","ForwardConfig":{"TargetGroups":[` +
  `{"ServiceName":"rollouts-demo-canary","ServicePort":"80","Weight":${canary}},` +
  extra +
  `{"ServiceName":"rollouts-demo-stable","ServicePort":"80","Weight":${stable}}]}}`;

// A rollout mid-update at its setWeight step, where Argo verifies ALB weights.
const AT_SET_WEIGHT = { stableRS: 'aaa', currentPodHash: 'bbb', currentStepIndex: 0 };

describe.skipIf(!hasShared)('ALB router (getting-started/alb; needs /work/shared)', () => {
  it('patches the forward action annotation for weights 0, 20 and 100', () => {
    const { rollout, client, clock } = example('alb');
    const router = createAlbRouter({ rollout, client, clock });
    expect(router.type).toBe('ALB');
    for (const w of [0, 20, 100]) {
      expect(router.setWeight(w, [])).toEqual({ ok: true });
      const ann = annotationsOf(client.peek('Ingress', INGRESS));
      expect(ann[ACTION]).toBe(forward(w, 100 - w));
      expect(JSON.parse(ann[MANAGED])).toEqual({ 'rollouts-demo': [ACTION] });
      expect(ann['kubernetes.io/ingress.class']).toBe('alb');
    }
    expect(client.log.map((a) => a.verb)).toEqual(['patch', 'patch', 'patch']);
    // Only annotations change; the rules keep pointing at the root service's use-annotation port.
    expect(at(client.peek('Ingress', INGRESS), 'spec.rules.0.http.paths')).toHaveLength(1);
  });

  it('adds experiment destinations before stable and takes their weight from stable', () => {
    const { rollout, client, clock } = example('alb');
    const extra = [{ serviceName: 'exp-svc', podTemplateHash: 'e1', weight: 10 }];
    createAlbRouter({ rollout, client, clock }).setWeight(20, extra);
    expect(annotationsOf(client.peek('Ingress', INGRESS))[ACTION]).toBe(
      forward(20, 70, '{"ServiceName":"exp-svc","ServicePort":"80","Weight":10},'),
    );
  });

  it('adds the stickiness config and rejects an out-of-range duration', () => {
    const { rollout: base, client, clock } = example('alb');
    const alb = { ingress: INGRESS, servicePort: 80, rootService: 'rollouts-demo-root' };
    const sticky = withCanary(base, {
      trafficRouting: { alb: { ...alb, stickinessConfig: { enabled: true, durationSeconds: 60 } } },
    });
    createAlbRouter({ rollout: sticky, client, clock }).setWeight(5, []);
    expect(JSON.parse(annotationsOf(client.peek('Ingress', INGRESS))[ACTION])).toMatchObject({
      ForwardConfig: { TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 } },
    });
    const bad = withCanary(base, {
      trafficRouting: { alb: { ...alb, stickinessConfig: { enabled: true, durationSeconds: 0 } } },
    });
    expect(createAlbRouter({ rollout: bad, client, clock }).setWeight(5, []).ok).toBe(false);
  });

  it('adds and removes a header route (action + condition annotations, use-annotation path)', () => {
    const { rollout: base, client, clock } = example('alb');
    const rollout = withCanary(base, {
      trafficRouting: {
        ...base.spec.strategy!.canary!.trafficRouting,
        managedRoutes: [{ name: 'hdr' }],
      },
    });
    const router = createAlbRouter({ rollout, client, clock });
    const match = [{ headerName: 'X-Canary', headerValue: { exact: 'yes' } }];
    expect(router.setHeaderRoute({ name: 'hdr', match })).toEqual({ ok: true });
    let ing = client.peek('Ingress', INGRESS);
    const ann = annotationsOf(ing);
    expect(ann['alb.ingress.kubernetes.io/actions.hdr']).toBe(
      '{"Type":"forward","ForwardConfig":{"TargetGroups":[{"ServiceName":"rollouts-demo-canary","ServicePort":"80","Weight":100}]}}',
    );
    expect(JSON.parse(ann['alb.ingress.kubernetes.io/conditions.hdr'])).toEqual([
      { field: 'http-header', httpHeaderConfig: { httpHeaderName: 'X-Canary', values: ['yes'] } },
    ]);
    expect(JSON.parse(ann[MANAGED])).toEqual({
      'rollouts-demo': [
        'alb.ingress.kubernetes.io/actions.hdr',
        'alb.ingress.kubernetes.io/conditions.hdr',
      ],
    });
    expect(at(ing, 'spec.rules.0.http.paths')).toEqual([
      {
        path: '/*',
        pathType: 'ImplementationSpecific',
        backend: { service: { name: 'hdr', port: { name: 'use-annotation' } } },
      },
      {
        path: '/',
        pathType: 'Prefix',
        backend: { service: { name: 'rollouts-demo-root', port: { name: 'use-annotation' } } },
      },
    ]);

    // An empty match deletes the route.
    expect(router.setHeaderRoute({ name: 'hdr', match: [] })).toEqual({ ok: true });
    ing = client.peek('Ingress', INGRESS);
    expect(annotationsOf(ing)['alb.ingress.kubernetes.io/actions.hdr']).toBeUndefined();
    expect(at(ing, 'spec.rules.0.http.paths')).toHaveLength(1);

    // removeManagedRoutes removes every managed route.
    router.setHeaderRoute({ name: 'hdr', match });
    router.setWeight(20, []);
    expect(router.removeManagedRoutes()).toEqual({ ok: true });
    ing = client.peek('Ingress', INGRESS);
    expect(Object.keys(annotationsOf(ing)).filter((k) => k.includes('hdr'))).toEqual([]);
    expect(JSON.parse(annotationsOf(ing)[MANAGED])).toEqual({ 'rollouts-demo': [ACTION] });
    expect(at(ing, 'spec.rules.0.http.paths')).toHaveLength(1);
  });

  it('fails when the Ingress is missing or lacks the action service', () => {
    const { rollout, client, clock } = example('alb', 'rollout.yaml');
    const r = createAlbRouter({ rollout, client, clock }).setWeight(20, []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(INGRESS);
    const { client: c2 } = example('alb');
    const other = withCanary(rollout, {
      trafficRouting: { alb: { ingress: INGRESS, servicePort: 80, rootService: 'nope' } },
    });
    expect(createAlbRouter({ rollout: other, client: c2, clock }).setWeight(20, [])).toEqual({
      ok: false,
      reason: 'ingress does not have service `nope` in rules',
    });
  });

  it('verifyWeight goes pending → verified exactly 5000 ms after setWeight at a setWeight step', () => {
    const { rollout: base, client, clock } = example('alb');
    const rollout = withCanary(base, {}, AT_SET_WEIGHT);
    const router = createAlbRouter({ rollout, client, clock });
    router.setWeight(5, []);
    expect(router.verifyWeight(5, [])).toBe('pending');
    clock.advanceBy(4999);
    expect(router.verifyWeight(5, [])).toBe('pending');
    expect(router.observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(router.verifyWeight(5, [])).toBe('verified');
    expect(router.observedSplit().canaryWeight).toBe(5);
    // A different desired weight is not what the target groups carry.
    expect(router.verifyWeight(10, [])).toBe('pending');
  });

  it('verifies additional destinations too', () => {
    const { rollout: base, client, clock } = example('alb');
    const rollout = withCanary(base, {}, AT_SET_WEIGHT);
    const router = createAlbRouter({ rollout, client, clock, propagationDelayMs: 100 });
    const extra = [{ serviceName: 'exp', podTemplateHash: 'e', weight: 10 }];
    router.setWeight(5, extra);
    clock.advanceBy(100);
    expect(router.verifyWeight(5, extra)).toBe('verified');
    expect(router.verifyWeight(5, [{ ...extra[0], weight: 20 }])).toBe('pending');
  });

  it('does not verify outside a setWeight step, when fully promoted, or when disabled', () => {
    const { rollout: base, client, clock } = example('alb');
    const atPause = withCanary(base, {}, { ...AT_SET_WEIGHT, currentStepIndex: 1 });
    expect(createAlbRouter({ rollout: atPause, client, clock }).verifyWeight(5, [])).toBe(
      'unsupported',
    );
    const promoted = withCanary(
      base,
      {},
      { stableRS: 'aaa', currentPodHash: 'aaa', currentStepIndex: 0 },
    );
    expect(createAlbRouter({ rollout: promoted, client, clock }).verifyWeight(0, [])).toBe(
      'unsupported',
    );
    const atStep = withCanary(base, {}, AT_SET_WEIGHT);
    const off = createAlbRouter({ rollout: atStep, client, clock, verifyWeight: false });
    expect(off.verifyWeight(5, [])).toBe('unsupported');
  });
});
