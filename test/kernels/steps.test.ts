import { describe, expect, it } from 'vitest';
import {
  beforeStartingStep,
  getCanaryReplicasOrWeight,
  getCurrentCanaryStep,
  getCurrentExperimentStep,
  getCurrentSetWeight,
  useSetCanaryScale,
} from '../../src/kernels';
import { newRollout, rolloutFrom } from './harness';
import { getCanaryReplicasOrWeightCases } from './tables/helpers';

describe('TestGetCanaryReplicasOrWeight', () => {
  it.each(getCanaryReplicasOrWeightCases)('$name', (c) => {
    expect(getCanaryReplicasOrWeight(rolloutFrom(c.rollout))).toEqual({
      replicas: c.replicas,
      weight: c.weight,
    });
  });
});

describe('TestGetCurrentSetWeight', () => {
  const rollout = () => newRollout({ replicas: 10, setWeight: 10, maxSurge: 1, maxUnavailable: 0 });

  it('assert 1: index past the end ⇒ 100', () => {
    const r = rollout();
    r.status = { ...r.status, currentStepIndex: 1 };
    expect(getCurrentSetWeight(r)).toBe(100);
  });
  it('assert 2: index 0 ⇒ the step weight', () => {
    const r = rollout();
    r.status = { ...r.status, currentStepIndex: 0 };
    expect(getCurrentSetWeight(r)).toBe(10);
  });
  it('assert 3: aborted ⇒ 0', () => {
    const r = rollout();
    r.status = { ...r.status, currentStepIndex: 0, abort: true };
    expect(getCurrentSetWeight(r)).toBe(0);
  });
  it('scans back to the nearest setWeight, 0 if none, MAXW past the end', () => {
    const r = rolloutFrom({
      spec: {
        strategy: {
          canary: {
            trafficRouting: { maxTrafficWeight: 1000 },
            steps: [{ pause: {} }, { setWeight: 300 }, { pause: {} }],
          },
        },
      },
      status: { currentStepIndex: 0 },
    });
    expect(getCurrentSetWeight(r)).toBe(0);
    r.status = { currentStepIndex: 2 };
    expect(getCurrentSetWeight(r)).toBe(300);
    r.status = { currentStepIndex: 3 };
    expect(getCurrentSetWeight(r)).toBe(1000);
  });
});

describe('TestGetCurrentCanaryStep', () => {
  it('no steps ⇒ nothing; index 0 ⇒ the pause; index 1 ⇒ no step', () => {
    const r = rolloutFrom({ spec: { strategy: { canary: {} } } });
    expect(getCurrentCanaryStep(r)).toEqual({ step: undefined, index: undefined });
    r.spec.strategy = { canary: { steps: [{ pause: {} }] } };
    r.status = { currentStepIndex: 0 };
    expect(getCurrentCanaryStep(r)).toEqual({ step: { pause: {} }, index: 0 });
    r.status = { currentStepIndex: 1 };
    expect(getCurrentCanaryStep(r)).toEqual({ step: undefined, index: 1 });
  });
});

describe('TestBeforeStartingStep', () => {
  it('false, false, true, false', () => {
    const r = rolloutFrom({ spec: { strategy: { canary: { analysis: {} } } } });
    expect(beforeStartingStep(r)).toBe(false);
    r.spec.strategy = { canary: { analysis: { startingStep: 1 } } };
    expect(beforeStartingStep(r)).toBe(false);
    r.spec.strategy = {
      canary: { analysis: { startingStep: 1 }, steps: [{ setWeight: 1 }, { pause: {} }] },
    };
    r.status = { currentStepIndex: 0 };
    expect(beforeStartingStep(r)).toBe(true);
    r.status = { currentStepIndex: 1 };
    expect(beforeStartingStep(r)).toBe(false);
  });
});

describe('TestGetCurrentExperiment', () => {
  it('exp, exp, nil, nil', () => {
    const experiment = { duration: '1s', templates: [] };
    const r = rolloutFrom({
      spec: { strategy: { canary: { steps: [{ experiment }, { pause: {} }] } } },
      status: { currentStepIndex: 0 },
    });
    expect(getCurrentExperimentStep(r)).toEqual(experiment);
    r.status = { currentStepIndex: 1 };
    expect(getCurrentExperimentStep(r)).toEqual(experiment);
    r.status = { currentStepIndex: 2 };
    expect(getCurrentExperimentStep(r)).toBeUndefined();
    r.spec.strategy = { canary: { steps: [{ setWeight: 10 }, { pause: {} }] } };
    r.status = { currentStepIndex: 1 };
    expect(getCurrentExperimentStep(r)).toBeUndefined();
  });
});

describe('useSetCanaryScale', () => {
  const rollout = (abortDelay?: number) => {
    const r = rolloutFrom({
      spec: {
        strategy: {
          canary: {
            trafficRouting: {},
            steps: [{ setCanaryScale: { replicas: 3 } }, { setWeight: 10 }, { pause: {} }],
            ...(abortDelay === undefined ? {} : { abortScaleDownDelaySeconds: abortDelay }),
          },
        },
      },
      status: { currentStepIndex: 2, stableRS: 'a', currentPodHash: 'b' },
    });
    return r;
  };

  it('stays in force for later steps, until matchTrafficWeight', () => {
    const r = rollout();
    expect(useSetCanaryScale(r)).toEqual({ replicas: 3 });
    r.spec.strategy?.canary?.steps?.splice(1, 0, { setCanaryScale: { matchTrafficWeight: true } });
    r.status = { ...r.status, currentStepIndex: 3 };
    expect(useSetCanaryScale(r)).toBeUndefined();
  });

  it('is ignored on abort unless abortScaleDownDelaySeconds is explicitly 0', () => {
    const aborted = rollout();
    aborted.status = { ...aborted.status, abort: true };
    expect(useSetCanaryScale(aborted)).toBeUndefined();
    const kept = rollout(0);
    kept.status = { ...kept.status, abort: true };
    expect(useSetCanaryScale(kept)).toEqual({ replicas: 3 });
  });

  it('needs traffic routing', () => {
    const r = rollout();
    delete r.spec.strategy?.canary?.trafficRouting;
    expect(useSetCanaryScale(r)).toBeUndefined();
  });
});
