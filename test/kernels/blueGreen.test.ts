import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../src/model/k8s';
import {
  blueGreenAbortScaleDown,
  calculateReplicaCountsForBlueGreen,
  formatRfc3339,
  isSaturated,
  newRSNewReplicas,
  newRSNewReplicasForBlueGreen,
  parseRfc3339,
  planBlueGreenOldReplicaSetScaleDown,
  readyForPause,
} from '../../src/kernels';
import { makeRS, rolloutFrom } from './harness';

function blueGreen(bg: object, status: object, replicas = 5): Rollout {
  return rolloutFrom({
    spec: { replicas, strategy: { blueGreen: { activeService: 'active', ...bg } } },
    status,
  });
}

const oldRS = makeRS('v1', 5, 5);
const newRS = makeRS('v2', 1, 1);
const inFlight = { currentPodHash: 'v2', stableRS: 'v1', blueGreen: { activeSelector: 'v1' } };

describe('newRSNewReplicasForBlueGreen (digest A.4.2)', () => {
  it('a. previewReplicaCount unset ⇒ spec.replicas', () => {
    expect(newRSNewReplicasForBlueGreen(blueGreen({}, inFlight), [oldRS, newRS], newRS)).toBe(5);
  });
  it('b. active RS missing, or it is the new RS ⇒ spec.replicas', () => {
    const r = blueGreen({ previewReplicaCount: 1 }, { ...inFlight, blueGreen: {} });
    expect(newRSNewReplicasForBlueGreen(r, [oldRS, newRS], newRS)).toBe(5);
    const promoted = blueGreen({ previewReplicaCount: 1 }, { blueGreen: { activeSelector: 'v2' } });
    expect(newRSNewReplicasForBlueGreen(promoted, [oldRS, newRS], newRS)).toBe(5);
  });
  it('c. promoteFull ⇒ spec.replicas', () => {
    const r = blueGreen({ previewReplicaCount: 1 }, { ...inFlight, promoteFull: true });
    expect(newRSNewReplicasForBlueGreen(r, [oldRS, newRS], newRS)).toBe(5);
  });
  it('d. update just detected (hash ≠ currentPodHash) ⇒ previewReplicaCount', () => {
    const r = blueGreen(
      { previewReplicaCount: 1 },
      {
        ...inFlight,
        currentPodHash: 'v1',
        blueGreen: { activeSelector: 'v1', scaleUpPreviewCheckPoint: true },
      },
    );
    expect(newRSNewReplicasForBlueGreen(r, [oldRS, newRS], newRS)).toBe(1);
  });
  it('e/f. past the checkpoint and unpaused ⇒ spec.replicas; paused ⇒ previewReplicaCount', () => {
    const checkpoint = {
      ...inFlight,
      blueGreen: { activeSelector: 'v1', scaleUpPreviewCheckPoint: true },
    };
    expect(
      newRSNewReplicasForBlueGreen(
        blueGreen({ previewReplicaCount: 1 }, checkpoint),
        [oldRS, newRS],
        newRS,
      ),
    ).toBe(5);
    const paused = {
      ...checkpoint,
      pauseConditions: [{ reason: 'BlueGreenPause', startTime: '1970-01-01T00:00:00Z' }],
    };
    expect(
      newRSNewReplicasForBlueGreen(
        blueGreen({ previewReplicaCount: 1 }, paused),
        [oldRS, newRS],
        newRS,
      ),
    ).toBe(1);
    expect(
      newRSNewReplicasForBlueGreen(
        blueGreen({ previewReplicaCount: 1 }, inFlight),
        [oldRS, newRS],
        newRS,
      ),
    ).toBe(1);
  });
});

describe('blue-green sizing helpers', () => {
  it('stable keeps spec.replicas; no distinct stable on first deploy', () => {
    const r = blueGreen({ previewReplicaCount: 1 }, inFlight);
    expect(calculateReplicaCountsForBlueGreen(r, newRS, oldRS, [oldRS, newRS])).toEqual({
      newRS: 1,
      stableRS: 5,
    });
    const first = blueGreen({}, { currentPodHash: 'v2', stableRS: 'v2' });
    expect(calculateReplicaCountsForBlueGreen(first, newRS, newRS, [newRS])).toEqual({
      newRS: 5,
      stableRS: undefined,
    });
  });

  it('newRSNewReplicas dispatches on the strategy', () => {
    expect(
      newRSNewReplicas(blueGreen({ previewReplicaCount: 2 }, inFlight), [oldRS, newRS], newRS),
    ).toBe(2);
    const canary = rolloutFrom({
      spec: {
        replicas: 10,
        strategy: { canary: { maxSurge: 2, maxUnavailable: 0, steps: [{ setWeight: 20 }] } },
      },
      status: { currentPodHash: 'v2', stableRS: 'v1', currentStepIndex: 0 },
    });
    expect(
      newRSNewReplicas(canary, [makeRS('v1', 10, 10), makeRS('v2', 0, 0)], makeRS('v2', 0, 0)),
    ).toBe(2);
  });

  it('readyForPause needs the target size fully available', () => {
    const r = blueGreen({ previewReplicaCount: 1 }, inFlight);
    expect(readyForPause(r, newRS, [oldRS, newRS])).toBe(true);
    expect(readyForPause(r, makeRS('v2', 1, 0), [oldRS, newRS])).toBe(false);
  });

  it('isSaturated checks spec, the desired-replicas annotation and availability', () => {
    const r = blueGreen({}, inFlight, 3);
    const rs = makeRS('v2', 3, 3);
    expect(isSaturated(r, rs)).toBe(false);
    rs.metadata = { ...rs.metadata, annotations: { 'rollout.argoproj.io/desired-replicas': '3' } };
    expect(isSaturated(r, rs)).toBe(true);
    expect(isSaturated(blueGreen({}, inFlight, 4), rs)).toBe(false);
  });
});

describe('blueGreenAbortScaleDown (digest A.4.3)', () => {
  const aborted = (bg: object = {}) => blueGreen(bg, { ...inFlight, abort: true }, 3);
  const stable = makeRS('v1', 3, 3);

  it('annotates once the stable is fully available, then scales to 0 after the deadline', () => {
    const preview = makeRS('v2', 3, 3);
    expect(blueGreenAbortScaleDown(aborted(), preview, stable, 1000)).toEqual({
      kind: 'annotate',
      deadlineMs: 31000,
    });
    preview.metadata = {
      ...preview.metadata,
      annotations: { 'scale-down-deadline': formatRfc3339(31000) },
    };
    expect(blueGreenAbortScaleDown(aborted(), preview, stable, 2000)).toEqual({
      kind: 'wait',
      untilMs: 31000,
    });
    expect(blueGreenAbortScaleDown(aborted(), preview, stable, 31001)).toEqual({
      kind: 'scaleToZero',
    });
  });

  it('keeps the size while the stable is short, when not aborted, or with an explicit 0 delay', () => {
    const preview = makeRS('v2', 3, 3);
    expect(blueGreenAbortScaleDown(aborted(), preview, makeRS('v1', 3, 2), 0)).toEqual({
      kind: 'none',
    });
    expect(blueGreenAbortScaleDown(blueGreen({}, inFlight, 3), preview, stable, 0)).toEqual({
      kind: 'none',
    });
    expect(
      blueGreenAbortScaleDown(aborted({ abortScaleDownDelaySeconds: 0 }), preview, stable, 0),
    ).toEqual({ kind: 'none' });
  });
});

describe('planBlueGreenOldReplicaSetScaleDown (digest A.4.5)', () => {
  const promoted = {
    currentPodHash: 'v3',
    stableRS: 'v3',
    blueGreen: { activeSelector: 'v3', previewSelector: 'v3' },
  };

  it('annotates newest first, then scales to 0 once the deadline has passed', () => {
    const v1 = makeRS('v1', 3, 3, { revision: 1 });
    const v2 = makeRS('v2', 3, 3, { revision: 2 });
    const plan = planBlueGreenOldReplicaSetScaleDown(blueGreen({}, promoted, 3), [v1, v2], 0);
    expect(plan.map((a) => [a.rs.metadata?.name, a.kind])).toEqual([
      ['v2', 'annotate'],
      ['v1', 'annotate'],
    ]);
    v2.metadata = { ...v2.metadata, annotations: { 'scale-down-deadline': formatRfc3339(30000) } };
    const later = planBlueGreenOldReplicaSetScaleDown(blueGreen({}, promoted, 3), [v2], 31000);
    expect(later.map((a) => a.kind)).toEqual(['scaleToZero']);
    const waiting = planBlueGreenOldReplicaSetScaleDown(blueGreen({}, promoted, 4), [v2], 1000);
    expect(waiting).toEqual([{ rs: v2, kind: 'wait', untilMs: 30000, replicas: 4 }]);
  });

  it('honours scaleDownDelayRevisionLimit, protected hashes, empty RSs and inconclusive pauses', () => {
    const v1 = makeRS('v1', 3, 3, { revision: 1 });
    const v2 = makeRS('v2', 3, 3, { revision: 2 });
    const limited = blueGreen({ scaleDownDelayRevisionLimit: 1 }, promoted, 3);
    expect(planBlueGreenOldReplicaSetScaleDown(limited, [v1, v2], 0).map((a) => a.kind)).toEqual([
      'annotate',
      'scaleToZero',
    ]);
    const r = blueGreen({}, promoted, 3);
    expect(
      planBlueGreenOldReplicaSetScaleDown(r, [v1, makeRS('v0', 0, 0)], 0, {
        serviceSelectorHashes: ['v1'],
      }),
    ).toEqual([]);
    const inconclusive = blueGreen(
      {},
      {
        ...promoted,
        pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: '1970-01-01T00:00:00Z' }],
      },
      3,
    );
    expect(planBlueGreenOldReplicaSetScaleDown(inconclusive, [v1], 0)).toEqual([]);
    expect(
      planBlueGreenOldReplicaSetScaleDown(r, [v1], 0, { postPromotionAnalysisPending: true }),
    ).toEqual([]);
  });
});

describe('RFC 3339 helpers', () => {
  it('round-trips whole seconds and honours offsets', () => {
    expect(formatRfc3339(0)).toBe('1970-01-01T00:00:00Z');
    expect(parseRfc3339('2024-02-29T12:34:56Z')).toBe(1709210096000);
    expect(formatRfc3339(1709210096000)).toBe('2024-02-29T12:34:56Z');
    expect(parseRfc3339('2024-02-29T14:34:56+02:00')).toBe(1709210096000);
    expect(parseRfc3339('2024-02-29T12:34:56.5Z')).toBe(1709210096500);
    expect(parseRfc3339('yesterday')).toBeUndefined();
  });
});
