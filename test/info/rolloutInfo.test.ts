import { describe, expect, it } from 'vitest';
import { currentSetWeight, rolloutImages, rolloutInfo, rolloutPhase } from '../../src/info';
import type { Rollout } from '../../src/model/k8s';
import { NOW_MS, T, replicaSet, rollout } from './fixtures';

const steps = [{ setWeight: 20 }, { pause: {} }, { setWeight: 40 }, { pause: { duration: '10s' } }];

function basicCanary(status: Rollout['status'], trafficRouting?: object): Rollout {
  return rollout(
    'cn',
    { replicas: 5, strategy: { canary: { steps, ...(trafficRouting ? { trafficRouting } : {}) } } },
    { stableRS: 'aaa', currentPodHash: 'bbb', currentStepIndex: 1, ...status },
  );
}

describe('weights', () => {
  it('SetWeight walks back to the last setWeight; 100 past the end; 0 when aborted', () => {
    expect(currentSetWeight(basicCanary({ currentStepIndex: 0 }))).toBe(20);
    expect(currentSetWeight(basicCanary({ currentStepIndex: 3 }))).toBe(40);
    expect(currentSetWeight(basicCanary({ currentStepIndex: 4 }))).toBe(100);
    expect(currentSetWeight(basicCanary({ abort: true }))).toBe(0);
    const pauseFirst = rollout(
      'p',
      { strategy: { canary: { steps: [{ pause: {} }, { setWeight: 5 }] } } },
      { currentStepIndex: 0 },
    );
    expect(currentSetWeight(pauseFirst)).toBe(0);
    expect(currentSetWeight(rollout('n', { strategy: { canary: {} } }))).toBe(100);
  });

  it('basic canary: floor(canary available * 100 / available)', () => {
    const rss = [
      replicaSet('cn', 'aaa', 1, { replicas: 2 }),
      replicaSet('cn', 'bbb', 2, { replicas: 1 }),
    ];
    const info = rolloutInfo(basicCanary({ availableReplicas: 3 }), { replicaSets: rss }, NOW_MS);
    expect(info).toMatchObject({
      strategy: 'Canary',
      step: '1/4',
      setWeight: '20',
      actualWeight: '33',
    });
  });

  it('basic canary with no canary ReplicaSet, or nothing available, reads 0', () => {
    expect(rolloutInfo(basicCanary({ availableReplicas: 3 }), {}, NOW_MS).actualWeight).toBe('0');
    const rss = [replicaSet('cn', 'bbb', 2, { replicas: 1 })];
    expect(
      rolloutInfo(basicCanary({ availableReplicas: 0 }), { replicaSets: rss }, NOW_MS).actualWeight,
    ).toBe('0');
  });

  it('traffic routing: the recorded canary weight, else SetWeight', () => {
    const tr = { nginx: { stableIngress: 'x' } };
    const weights = { canary: { weight: 15 }, stable: { weight: 85 } };
    expect(
      rolloutInfo(basicCanary({ availableReplicas: 5, canary: { weights } }, tr), {}, NOW_MS)
        .actualWeight,
    ).toBe('15');
    expect(rolloutInfo(basicCanary({ availableReplicas: 5 }, tr), {}, NOW_MS).actualWeight).toBe(
      '20',
    );
  });

  it('finished steps read 100/100, and Step stays blank without an index', () => {
    const done = rolloutInfo(
      basicCanary({ currentStepIndex: 4, availableReplicas: 0 }),
      {},
      NOW_MS,
    );
    expect(done).toMatchObject({ step: '4/4', setWeight: '100', actualWeight: '100' });
    const noIndex = rolloutInfo(basicCanary({ currentStepIndex: undefined }), {}, NOW_MS);
    expect(noIndex.step).toBe('');
    expect(noIndex.steps).toEqual([]);
  });

  it('blue-green has no step or weights', () => {
    const info = rolloutInfo(
      rollout('bg', { strategy: { blueGreen: { activeService: 'a' } } }),
      {},
      NOW_MS,
    );
    expect(info).toMatchObject({
      strategy: 'BlueGreen',
      step: '',
      setWeight: '',
      actualWeight: '',
    });
  });
});

describe('rolloutPhase (GetRolloutPhase / CalculateRolloutPhase)', () => {
  const healthy: Rollout['status'] = {
    replicas: 5,
    updatedReplicas: 5,
    availableReplicas: 5,
    stableRS: 'aaa',
    currentPodHash: 'aaa',
  };
  const canary = (status: Rollout['status'], spec: Partial<Rollout['spec']> = {}) =>
    rollout('cn', { replicas: 5, strategy: { canary: {} }, ...spec }, { ...healthy, ...status });
  const cond = (type: string, reason: string, message: string) => ({
    type,
    reason,
    message,
    status: 'False',
    lastTransitionTime: T,
    lastUpdateTime: T,
  });

  it.each<[string, Rollout, string, string]>([
    ['healthy', canary({}), 'Healthy', ''],
    [
      'status.phase wins when present',
      canary({ phase: 'Paused', message: 'CanaryPauseStep' }),
      'Paused',
      'CanaryPauseStep',
    ],
    [
      'generation not observed',
      {
        ...canary({ observedGeneration: '3', phase: 'Healthy' }),
        metadata: { name: 'cn', generation: 4 },
      },
      'Progressing',
      'waiting for rollout spec update to be observed',
    ],
    [
      'unpausing',
      canary({ controllerPause: true, phase: 'Paused' }),
      'Progressing',
      'waiting for rollout to unpause',
    ],
    [
      'invalid spec',
      canary({ conditions: [cond('InvalidSpec', 'InvalidSpec', 'bad')] }),
      'Degraded',
      'InvalidSpec: bad',
    ],
    [
      'aborted',
      canary({ conditions: [cond('Progressing', 'RolloutAborted', 'metric failed')] }),
      'Degraded',
      'RolloutAborted: metric failed',
    ],
    ['manually paused', canary({}, { paused: true }), 'Paused', 'manually paused'],
    [
      'pause condition',
      canary({ pauseConditions: [{ reason: 'CanaryPauseStep', startTime: T }] }),
      'Paused',
      'CanaryPauseStep',
    ],
    ['restarting', canary({}, { restartAt: T }), 'Progressing', 'rollout is restarting'],
    [
      'restarted',
      canary({ restartedAt: '2024-03-01T14:00:00+02:00' }, { restartAt: T }),
      'Healthy',
      '',
    ],
    ['updating', canary({ updatedReplicas: 2 }), 'Progressing', 'more replicas need to be updated'],
    [
      'becoming available',
      canary({ availableReplicas: 4 }),
      'Progressing',
      'updated replicas are still becoming available',
    ],
    [
      'old replicas',
      canary({ replicas: 6 }),
      'Progressing',
      'old replicas are pending termination',
    ],
    [
      'traffic routing keeps old replicas without waiting',
      canary({ replicas: 6 }, { strategy: { canary: { trafficRouting: {} } } }),
      'Healthy',
      '',
    ],
    [
      'steps',
      canary({ currentPodHash: 'bbb' }),
      'Progressing',
      'waiting for all steps to complete',
    ],
    [
      'blue-green cut-over',
      rollout(
        'bg',
        { replicas: 5, strategy: { blueGreen: { activeService: 'a' } } },
        { ...healthy, blueGreen: { activeSelector: 'old' } },
      ),
      'Progressing',
      'active service cutover pending',
    ],
    [
      'blue-green post-promotion analysis',
      rollout(
        'bg',
        { replicas: 5, strategy: { blueGreen: { activeService: 'a', postPromotionAnalysis: {} } } },
        { ...healthy, stableRS: 'old', blueGreen: { activeSelector: 'aaa' } },
      ),
      'Progressing',
      'waiting for analysis to complete',
    ],
    [
      'blue-green healthy',
      rollout(
        'bg',
        { replicas: 5, strategy: { blueGreen: { activeService: 'a' } } },
        { ...healthy, blueGreen: { activeSelector: 'aaa' } },
      ),
      'Healthy',
      '',
    ],
  ])('%s', (_name, ro, phase, message) => {
    expect(rolloutPhase(ro)).toEqual({ phase, message });
    expect(rolloutInfo(ro, {}, NOW_MS)).toMatchObject({ status: phase, message });
  });
});

describe('images', () => {
  it('tags new images in role order and sorts merged tags; skips RSs without pods', () => {
    const ro = rollout(
      'bg',
      { strategy: { blueGreen: { activeService: 'a' } } },
      { stableRS: 'aaa', blueGreen: { activeSelector: 'aaa', previewSelector: 'bbb' } },
    );
    const rss = [
      replicaSet('bg', 'aaa', 1, { image: 'app:blue' }),
      replicaSet('bg', 'bbb', 2, { image: 'app:blue' }),
      replicaSet('bg', 'ccc', 3, { image: 'app:red', replicas: 0 }),
    ];
    expect(rolloutImages(rolloutInfo(ro, { replicaSets: rss }, NOW_MS))).toEqual([
      { image: 'app:blue', tags: ['active', 'preview', 'stable'] },
    ]);
    expect(rolloutImages(rolloutInfo(ro, { replicaSets: rss.slice(0, 1) }, NOW_MS))).toEqual([
      { image: 'app:blue', tags: ['stable', 'active'] },
    ]);
  });
});
