import { describe, expect, it } from 'vitest';
import type { RolloutSpec } from '../../src/model/index';
import {
  DEFAULT_CONSECUTIVE_ERROR_LIMIT,
  DEFAULT_MAX_SURGE,
  getAbortScaleDownDelaySecondsOrDefault,
  getAnalysisRunSuccessfulHistoryLimitOrDefault,
  getAnalysisRunUnsuccessfulHistoryLimitOrDefault,
  getAutoPromotionEnabledOrDefault,
  getConsecutiveErrorLimitOrDefault,
  getMaxSurgeOrDefault,
  getMaxTrafficWeightOrDefault,
  getMaxUnavailableOrDefault,
  getProgressDeadlineSecondsOrDefault,
  getRevisionHistoryLimitOrDefault,
  getRolloutReplicasOrDefault,
  getScaleDownDelayRevisionLimitOrDefault,
  getScaleDownDelaySecondsOrDefault,
  scaledValueFromIntOrPercent,
} from '../../src/model/index';

const spec = (s: Record<string, unknown>): RolloutSpec => s;
const tr = { smi: {} };

describe('defaults (utils/defaults)', () => {
  it('fills the Rollout-level defaults', () => {
    const empty = spec({});
    expect(getRolloutReplicasOrDefault(empty)).toBe(1);
    expect(getRolloutReplicasOrDefault(undefined)).toBe(1);
    expect(getRolloutReplicasOrDefault(spec({ replicas: 0 }))).toBe(0);
    expect(getRevisionHistoryLimitOrDefault(empty)).toBe(10);
    expect(getProgressDeadlineSecondsOrDefault(empty)).toBe(600);
    expect(getAnalysisRunSuccessfulHistoryLimitOrDefault(empty)).toBe(5);
    expect(getAnalysisRunUnsuccessfulHistoryLimitOrDefault(empty)).toBe(5);
    expect(
      getAnalysisRunSuccessfulHistoryLimitOrDefault(
        spec({ analysis: { successfulRunHistoryLimit: 2 } }),
      ),
    ).toBe(2);
  });

  it('maxSurge / maxUnavailable default to the string "25" = 25 %', () => {
    expect(DEFAULT_MAX_SURGE).toBe('25');
    const canary = spec({ strategy: { canary: {} } });
    expect(getMaxSurgeOrDefault(canary)).toBe('25');
    expect(getMaxUnavailableOrDefault(canary)).toBe('25');
    expect(scaledValueFromIntOrPercent(getMaxSurgeOrDefault(canary), 5, true)).toEqual({
      kind: 'ok',
      value: 2,
    });
    expect(scaledValueFromIntOrPercent(getMaxUnavailableOrDefault(canary), 5, false)).toEqual({
      kind: 'ok',
      value: 1,
    });
    expect(getMaxSurgeOrDefault(spec({ strategy: { canary: { maxSurge: 0 } } }))).toBe(0);
    // blue-green maxUnavailable wins over canary's (Argo checks it first)
    expect(
      getMaxUnavailableOrDefault(spec({ strategy: { blueGreen: { maxUnavailable: 1 } } })),
    ).toBe(1);
  });

  it('scaleDownDelaySeconds: 30 for blue-green and TR canary, 0 for basic canary', () => {
    expect(
      getScaleDownDelaySecondsOrDefault(spec({ strategy: { blueGreen: { activeService: 'a' } } })),
    ).toBe(30);
    expect(
      getScaleDownDelaySecondsOrDefault(spec({ strategy: { canary: { trafficRouting: tr } } })),
    ).toBe(30);
    expect(
      getScaleDownDelaySecondsOrDefault(
        spec({ strategy: { canary: { scaleDownDelaySeconds: 9 } } }),
      ),
    ).toBe(0);
    expect(
      getScaleDownDelaySecondsOrDefault(
        spec({ strategy: { canary: { trafficRouting: tr, scaleDownDelaySeconds: 5 } } }),
      ),
    ).toBe(5);
  });

  it('abortScaleDownDelaySeconds: 30 by default, explicit 0 = never', () => {
    expect(getAbortScaleDownDelaySecondsOrDefault(spec({ strategy: { blueGreen: {} } }))).toEqual({
      seconds: 30,
      wasSet: false,
    });
    expect(
      getAbortScaleDownDelaySecondsOrDefault(
        spec({ strategy: { blueGreen: { abortScaleDownDelaySeconds: 0 } } }),
      ),
    ).toEqual({
      seconds: undefined,
      wasSet: true,
    });
    expect(
      getAbortScaleDownDelaySecondsOrDefault(
        spec({ strategy: { canary: { trafficRouting: tr, abortScaleDownDelaySeconds: 7 } } }),
      ),
    ).toEqual({ seconds: 7, wasSet: true });
    expect(getAbortScaleDownDelaySecondsOrDefault(spec({ strategy: { canary: {} } }))).toEqual({
      seconds: 0,
      wasSet: false,
    });
  });

  it('blue-green, traffic and metric defaults', () => {
    expect(getAutoPromotionEnabledOrDefault(spec({ strategy: { blueGreen: {} } }))).toBe(true);
    expect(
      getAutoPromotionEnabledOrDefault(
        spec({ strategy: { blueGreen: { autoPromotionEnabled: false } } }),
      ),
    ).toBe(false);
    expect(
      getMaxTrafficWeightOrDefault(spec({ strategy: { canary: { trafficRouting: tr } } })),
    ).toBe(100);
    expect(getScaleDownDelayRevisionLimitOrDefault(spec({}))).toBe(2_147_483_647);
    expect(getConsecutiveErrorLimitOrDefault({})).toBe(DEFAULT_CONSECUTIVE_ERROR_LIMIT);
    expect(getConsecutiveErrorLimitOrDefault({ consecutiveErrorLimit: '2' })).toBe(2);
    expect(getConsecutiveErrorLimitOrDefault({ consecutiveErrorLimit: 'x' })).toBe(0);
  });
});
