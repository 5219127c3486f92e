import { describe, expect, it } from 'vitest';
import { createSmiRouter } from '../../src/traffic';
import { at, example, hasShared, withCanary } from './support';

describe.skipIf(!hasShared)('SMI router (getting-started/smi; needs /work/shared)', () => {
  it('creates the TrafficSplit named after the rollout, then patches it for 20 and 100', () => {
    const { rollout, client, clock } = example('smi');
    const router = createSmiRouter({ rollout, client, clock });
    expect(router.type).toBe('SMI');
    expect(router.setWeight(0, [])).toEqual({ ok: true });
    const ts = client.peek('TrafficSplit', 'rollouts-demo')!;
    expect(ts.apiVersion).toBe('split.smi-spec.io/v1alpha1');
    expect(ts.metadata?.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Rollout', name: 'rollouts-demo', controller: true }),
    ]);
    expect(ts.spec).toEqual({
      service: 'rollouts-demo-stable',
      backends: [
        { service: 'rollouts-demo-canary', weight: 0 },
        { service: 'rollouts-demo-stable', weight: 100 },
      ],
    });
    for (const w of [20, 100]) {
      router.setWeight(w, []);
      expect(at(client.peek('TrafficSplit', 'rollouts-demo'), 'spec.backends')).toEqual([
        { service: 'rollouts-demo-canary', weight: w },
        { service: 'rollouts-demo-stable', weight: 100 - w },
      ]);
    }
    expect(client.log.map((a) => a.verb)).toEqual(['create', 'patch', 'patch']);
  });

  it('uses trafficSplitName, rootService, the apiVersion option and experiment backends', () => {
    const { rollout: base, client, clock } = example('smi');
    const rollout = withCanary(base, {
      trafficRouting: { smi: { trafficSplitName: 'split', rootService: 'root' } },
    });
    const router = createSmiRouter({
      rollout,
      client,
      clock,
      apiVersion: 'split.smi-spec.io/v1alpha3',
    });
    router.setWeight(20, [{ serviceName: 'exp', podTemplateHash: 'e', weight: 5 }]);
    const ts = client.peek('TrafficSplit', 'split')!;
    expect(ts.apiVersion).toBe('split.smi-spec.io/v1alpha3');
    expect(ts.spec).toEqual({
      service: 'root',
      backends: [
        { service: 'rollouts-demo-canary', weight: 20 },
        { service: 'exp', weight: 5 },
        { service: 'rollouts-demo-stable', weight: 75 },
      ],
    });
  });

  it('refuses a TrafficSplit the rollout does not own', () => {
    const { rollout, client, clock } = example('smi');
    client.seed({
      apiVersion: 'split.smi-spec.io/v1alpha1',
      kind: 'TrafficSplit',
      metadata: { name: 'rollouts-demo' },
    });
    expect(createSmiRouter({ rollout, client, clock }).setWeight(20, [])).toEqual({
      ok: false,
      reason: 'Rollout does not own TrafficSplit `rollouts-demo`',
    });
  });

  it('header/mirror routes are no-ops; the weight is observed exactly 1000 ms later', () => {
    const { rollout, client, clock } = example('smi');
    const router = createSmiRouter({ rollout, client, clock });
    expect(router.setHeaderRoute({ name: 'h', match: [{}] })).toEqual({ ok: true });
    expect(router.setMirrorRoute({ name: 'm', match: [{}] })).toEqual({ ok: true });
    router.setWeight(20, []);
    clock.advanceBy(999);
    expect(router.observedSplit().canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(router.observedSplit().canaryWeight).toBe(20);
    expect(router.verifyWeight(20, [])).toBe('unsupported');
  });
});
