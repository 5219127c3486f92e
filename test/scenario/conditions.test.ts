import { describe, expect, it } from 'vitest';
import { evaluateCondition, observe } from '../../src/scenario';
import type { Condition, KubeObject } from '../../src/scenario';
import { aborted, basicCanary, blueGreen, rollout, trafficRouted } from './kubeFixtures';

type Row = [string, () => KubeObject[], string, Condition, boolean];

function check(objects: KubeObject[], name: string, cond: Condition, errorRate?: number) {
  return evaluateCondition(cond, observe(objects, name, { errorRate: () => errorRate }));
}

describe('conditions: a basic canary with 1 of 5 pods on the canary, paused at step 1', () => {
  const rows: Row[] = [
    ['status', basicCanary, 'demo', { status: 'Paused' }, true],
    ['status (wrong)', basicCanary, 'demo', { status: 'Healthy' }, false],
    ['message contains', basicCanary, 'demo', { message: 'PauseStep' }, true],
    ['message (wrong)', basicCanary, 'demo', { message: 'aborted' }, false],
    ['step', basicCanary, 'demo', { step: 1 }, true],
    ['step (wrong)', basicCanary, 'demo', { step: 2 }, false],
    [
      'setWeight: nearest setWeight at or before the pause',
      basicCanary,
      'demo',
      { setWeight: 20 },
      true,
    ],
    ['actualWeight: floor(1·100/5)', basicCanary, 'demo', { actualWeight: 20 }, true],
    ['canaryPods', basicCanary, 'demo', { canaryPods: 1 }, true],
    ['stablePods ignore terminating pods', basicCanary, 'demo', { stablePods: 4 }, true],
    ['revisionPods', basicCanary, 'demo', { revisionPods: { '1': 0, '2': 4, '3': 1 } }, true],
    [
      'revisionPods of an unknown revision is 0',
      basicCanary,
      'demo',
      { revisionPods: { '9': 0 } },
      true,
    ],
    ['revisionPods (wrong)', basicCanary, 'demo', { revisionPods: { '3': 2 } }, false],
    [
      'replicas',
      basicCanary,
      'demo',
      { replicas: 5, availableReplicas: 5, readyReplicas: 5, updatedReplicas: 1 },
      true,
    ],
    ['updatedReplicas (wrong)', basicCanary, 'demo', { updatedReplicas: 5 }, false],
    [
      'stableRevision / currentRevision',
      basicCanary,
      'demo',
      { stableRevision: 2, currentRevision: 3 },
      true,
    ],
    ['canaryWeight without weights is missing', basicCanary, 'demo', { canaryWeight: 0 }, false],
    [
      'revisionScaleDownDelay',
      basicCanary,
      'demo',
      { revisionScaleDownDelay: { '1': true, '2': false } },
      true,
    ],
    [
      'revisionScaleDownDelay of a missing revision',
      basicCanary,
      'demo',
      { revisionScaleDownDelay: { '7': false } },
      false,
    ],
    ['abort false', basicCanary, 'demo', { abort: false }, true],
    [
      'analysisRun latest background',
      basicCanary,
      'demo',
      { analysisRun: { kind: 'background', phase: 'Running', count: 2 } },
      true,
    ],
    [
      'analysisRun older phase does not count',
      basicCanary,
      'demo',
      { analysisRun: { kind: 'background', phase: 'Failed' } },
      false,
    ],
    [
      'analysisRun inline',
      basicCanary,
      'demo',
      { analysisRun: { kind: 'inline', phase: 'Successful', count: 1 } },
      true,
    ],
    [
      'analysisRun count 0 of a kind never run',
      basicCanary,
      'demo',
      { analysisRun: { kind: 'prePromotion', count: 0 } },
      true,
    ],
    [
      'analysisRun phase of a kind never run',
      basicCanary,
      'demo',
      { analysisRun: { kind: 'prePromotion', phase: 'Running' } },
      false,
    ],
    [
      'metric counts every phase (error too)',
      basicCanary,
      'demo',
      { metric: { name: 'success-rate', kind: 'background', phase: 'Running', measurements: 3 } },
      true,
    ],
    [
      'metric without kind: latest run holding it',
      basicCanary,
      'demo',
      { metric: { name: 'smoke', phase: 'Successful', measurements: 1 } },
      true,
    ],
    [
      'metric listed in spec, no result yet',
      basicCanary,
      'demo',
      { metric: { name: 'latency', phase: 'Pending', measurements: 0 } },
      true,
    ],
    ['metric unknown', basicCanary, 'demo', { metric: { name: 'nope' } }, false],
    ['serviceRevision', basicCanary, 'demo', { serviceRevision: { 'demo-svc': 2 } }, true],
    [
      'serviceRevision of a missing service',
      basicCanary,
      'demo',
      { serviceRevision: { ghost: 2 } },
      false,
    ],
    [
      'rolloutCondition',
      basicCanary,
      'demo',
      { rolloutCondition: { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' } },
      true,
    ],
    [
      'rolloutCondition type only',
      basicCanary,
      'demo',
      { rolloutCondition: { type: 'Paused' } },
      true,
    ],
    [
      'rolloutCondition wrong reason',
      basicCanary,
      'demo',
      { rolloutCondition: { type: 'Progressing', reason: 'NewReplicaSetAvailable' } },
      false,
    ],
    [
      'rolloutCondition absent type',
      basicCanary,
      'demo',
      { rolloutCondition: { type: 'InvalidSpec' } },
      false,
    ],
    ['activeRevision on a canary is missing', basicCanary, 'demo', { activeRevision: 1 }, false],
    [
      'several keys all hold',
      basicCanary,
      'demo',
      { status: 'Paused', step: 1, setWeight: 20, canaryPods: 1 },
      true,
    ],
    [
      'other rollout sharing the hash',
      basicCanary,
      'other',
      { canaryPods: 2, stablePods: 2, revisionPods: { '1': 2 } },
      true,
    ],
    [
      'other rollout: no steps ⇒ weights 100',
      basicCanary,
      'other',
      { setWeight: 100, actualWeight: 100 },
      true,
    ],
    [
      'other rollout: its own analysis runs only',
      basicCanary,
      'other',
      { analysisRun: { kind: 'background', count: 1 } },
      true,
    ],
  ];
  it.each(rows)('%s', (_name, objects, name, cond, holds) => {
    expect(check(objects(), name, cond).holds).toBe(holds);
  });
});

describe('conditions: a traffic-routed canary', () => {
  const rows: Row[] = [
    ['setWeight from the step', () => trafficRouted(), 'tr', { setWeight: 30 }, true],
    [
      'actualWeight from status.canary.weights',
      () => trafficRouted(),
      'tr',
      { actualWeight: 25 },
      true,
    ],
    [
      'actualWeight falls back to setWeight without weights',
      () => trafficRouted(false),
      'tr',
      { actualWeight: 30 },
      true,
    ],
    [
      'canaryWeight / stableWeight raw',
      () => trafficRouted(),
      'tr',
      { canaryWeight: 25, stableWeight: 75 },
      true,
    ],
    [
      'canaryWeight missing without weights',
      () => trafficRouted(false),
      'tr',
      { canaryWeight: 0 },
      false,
    ],
    [
      'serviceRevision',
      () => trafficRouted(),
      'tr',
      { serviceRevision: { 'tr-stable': 1, 'tr-canary': 2 } },
      true,
    ],
    [
      'canary and stable pods',
      () => trafficRouted(),
      'tr',
      { canaryPods: 3, stablePods: 10 },
      true,
    ],
  ];
  it.each(rows)('%s', (_name, objects, name, cond, holds) => {
    expect(check(objects(), name, cond).holds).toBe(holds);
  });

  it('uses maxTrafficWeight as MAXW when no step is current', () => {
    const objects = trafficRouted(true, { maxTrafficWeight: 1000 });
    const r = objects[0] as { status: Record<string, unknown> };
    r.status.currentStepIndex = 2; // len(steps): all steps done
    expect(check(objects, 'tr', { setWeight: 1000, actualWeight: 1000 }).holds).toBe(true);
  });
});

describe('conditions: a blue-green rollout', () => {
  const rows: Row[] = [
    [
      'activeRevision from the active Service selector',
      blueGreen,
      'bg',
      { activeRevision: 1 },
      true,
    ],
    [
      'previewRevision from the preview Service selector',
      blueGreen,
      'bg',
      { previewRevision: 2 },
      true,
    ],
    ['activeRevision (wrong)', blueGreen, 'bg', { activeRevision: 2 }, false],
    ['no canary weights on blue-green', blueGreen, 'bg', { setWeight: 100 }, false],
    [
      'serviceRevision',
      blueGreen,
      'bg',
      { serviceRevision: { 'bg-active': 1, 'bg-preview': 2 } },
      true,
    ],
    ['service without a hash selector', blueGreen, 'bg', { serviceRevision: { plain: 1 } }, false],
    [
      'prePromotion analysis',
      blueGreen,
      'bg',
      { analysisRun: { kind: 'prePromotion', phase: 'Running', count: 1 } },
      true,
    ],
    [
      'metric of a prePromotion run',
      blueGreen,
      'bg',
      { metric: { name: 'smoke', kind: 'prePromotion', phase: 'Running', measurements: 0 } },
      true,
    ],
    ['status / message', blueGreen, 'bg', { status: 'Paused', message: 'BlueGreen' }, true],
  ];
  it.each(rows)('%s', (_name, objects, name, cond, holds) => {
    expect(check(objects(), name, cond).holds).toBe(holds);
  });
});

describe('conditions: an aborted rollout', () => {
  const rows: Row[] = [
    ['abort', aborted, 'demo', { abort: true }, true],
    ['setWeight is 0 when aborted', aborted, 'demo', { setWeight: 0 }, true],
    ['actualWeight: canary RS has nothing available', aborted, 'demo', { actualWeight: 0 }, true],
    ['status Degraded', aborted, 'demo', { status: 'Degraded', message: 'RolloutAborted' }, true],
    ['step reset to 0', aborted, 'demo', { step: 0 }, true],
    [
      'terminating canary pods are not counted',
      aborted,
      'demo',
      { canaryPods: 0, stablePods: 5 },
      true,
    ],
    [
      'rolloutCondition with status False',
      aborted,
      'demo',
      { rolloutCondition: { type: 'Progressing', status: 'False', reason: 'RolloutAborted' } },
      true,
    ],
  ];
  it.each(rows)('%s', (_name, objects, name, cond, holds) => {
    expect(check(objects(), name, cond).holds).toBe(holds);
  });
});

describe('setWeight / actualWeight edge rules (kubectl plugin, argo-canary.md §22.1)', () => {
  const canary = (steps: object[], status: object, tr = false): KubeObject[] => [
    rollout(
      'w',
      { strategy: { canary: { steps, ...(tr ? { trafficRouting: { smi: {} } } : {}) } } },
      status,
    ),
  ];

  it('is 0 before any setWeight step', () => {
    const obs = observe(
      canary([{ pause: {} }, { setWeight: 50 }], { currentStepIndex: 0, availableReplicas: 3 }),
      'w',
    );
    expect([obs.setWeight, obs.actualWeight]).toEqual([0, 0]);
  });

  it('treats a missing currentStepIndex as step 0', () => {
    const obs = observe(canary([{ setWeight: 10 }], {}), 'w');
    expect([obs.step, obs.setWeight, obs.actualWeight]).toEqual([null, 10, 0]);
  });

  it('is MAXW (100) with no steps or after the last step', () => {
    expect(observe(canary([], { availableReplicas: 0 }), 'w').actualWeight).toBe(100);
    const done = observe(canary([{ setWeight: 10 }], { currentStepIndex: 1 }), 'w');
    expect([done.setWeight, done.actualWeight]).toEqual([100, 100]);
  });

  it('is 0 when aborted even after the last step, while ActualWeight stays MAXW', () => {
    const obs = observe(canary([{ setWeight: 10 }], { abort: true, currentStepIndex: 1 }), 'w');
    expect([obs.setWeight, obs.actualWeight]).toEqual([0, 100]);
  });

  it('is 0 while availableReplicas is 0, even with traffic routing', () => {
    const obs = observe(canary([{ setWeight: 10 }], { currentStepIndex: 0 }, true), 'w');
    expect(obs.actualWeight).toBe(0);
  });

  it('floors the basic-canary ratio', () => {
    const objects = basicCanary();
    const demo = objects[0] as { status: Record<string, unknown> };
    demo.status.availableReplicas = 3; // 1 canary pod of 3 available: floor(33.3)
    expect(observe(objects, 'demo').actualWeight).toBe(33);
  });
});

describe('missing data', () => {
  it('a rollout that does not exist reports null for everything', () => {
    const r = check(basicCanary(), 'ghost', { status: 'Healthy', replicas: 0, abort: false });
    expect(r.holds).toBe(false);
    expect(r.mismatches).toEqual([
      { key: 'status', expected: 'Healthy', actual: null },
      { key: 'replicas', expected: 0, actual: null },
      { key: 'abort', expected: false, actual: null },
    ]);
  });

  it('analysisRun before any run reports actual null', () => {
    const objects = trafficRouted();
    expect(
      check(objects, 'tr', { analysisRun: { kind: 'background', phase: 'Running' } }).mismatches,
    ).toEqual([
      { key: 'analysisRun', expected: { kind: 'background', phase: 'Running' }, actual: null },
    ]);
  });

  it('reports the actual run of a failed analysisRun check', () => {
    expect(
      check(basicCanary(), 'demo', { analysisRun: { kind: 'background', phase: 'Successful' } })
        .mismatches,
    ).toEqual([
      {
        key: 'analysisRun',
        expected: { kind: 'background', phase: 'Successful' },
        actual: { kind: 'background', name: 'demo-bbb-3.1', phase: 'Running', count: 2 },
      },
    ]);
  });

  it('names map entries in mismatch keys', () => {
    const r = check(basicCanary(), 'demo', {
      revisionPods: { '3': 2 },
      serviceRevision: { 'demo-svc': 3 },
    });
    expect(r.mismatches).toEqual([
      { key: 'revisionPods[3]', expected: 2, actual: 1 },
      { key: 'serviceRevision[demo-svc]', expected: 3, actual: 2 },
    ]);
  });

  it('errorRate: exact number, exclusive bounds, missing traffic', () => {
    const objects = basicCanary();
    expect(check(objects, 'demo', { errorRate: { kind: 'equals', value: 0.02 } }, 0.02).holds).toBe(
      true,
    );
    expect(check(objects, 'demo', { errorRate: { kind: 'range', below: 0.05 } }, 0.02).holds).toBe(
      true,
    );
    expect(check(objects, 'demo', { errorRate: { kind: 'range', below: 0.02 } }, 0.02).holds).toBe(
      false,
    );
    expect(
      check(objects, 'demo', { errorRate: { kind: 'range', above: 0.1, below: 0.5 } }, 0.3).holds,
    ).toBe(true);
    expect(check(objects, 'demo', { errorRate: { kind: 'range', above: 0.1 } }).mismatches).toEqual(
      [{ key: 'errorRate', expected: { above: 0.1 }, actual: null }],
    );
  });

  it('an empty condition holds', () => {
    expect(check(basicCanary(), 'demo', {})).toEqual({ holds: true, mismatches: [] });
  });

  it('reports mismatches in the contract table order', () => {
    const r = check(basicCanary(), 'demo', { abort: true, status: 'Healthy', step: 3 });
    expect(r.mismatches.map((m) => m.key)).toEqual(['status', 'step', 'abort']);
  });
});

describe('observe', () => {
  it('is plain data and deterministic', () => {
    const a = observe(basicCanary(), 'demo');
    const b = observe(basicCanary(), 'demo');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a).toEqual(b);
  });

  it('finds ReplicaSets and pods without owner references by Argo naming', () => {
    const objects = basicCanary().map((o) => {
      if (o.kind !== 'ReplicaSet' && o.kind !== 'Pod') return o;
      const { ownerReferences: _drop, ...metadata } = o.metadata ?? {};
      return { ...o, metadata };
    });
    const obs = observe(objects, 'demo');
    expect([obs.canaryPods, obs.stablePods, obs.stableRevision, obs.currentRevision]).toEqual([
      1, 4, 2, 3,
    ]);
  });
});
