// Worked traces of the digest (argo-canary.md §7.6): repeatedly apply
// calculateReplicaCountsForBasicCanary, one ReplicaSet change per reconcile (stable first),
// with pods becoming available instantly, and check the sequence of scale events.
import { describe, expect, it } from 'vitest';
import type { ReplicaSet, Rollout } from '../../src/model/k8s';
import type { IntOrString } from '../../src/kernels';
import {
  atDesiredReplicaCountsForCanary,
  calculateReplicaCountsForBasicCanary,
  specReplicas,
} from '../../src/kernels';
import { makeRS, rolloutFrom } from './harness';

type Step = { setWeight: number } | { pause: object };

function canaryRollout(
  replicas: number,
  steps: Step[],
  fenceposts: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } = {},
): Rollout {
  return rolloutFrom({
    spec: { replicas, strategy: { canary: { ...fenceposts, steps } } },
    status: { stableRS: 'stable', currentPodHash: 'canary', currentStepIndex: 0 },
  });
}

/** Runs reconciles until promotion; returns events like "stable 5→4", "step 1/8", "promoted". */
function runTrace(rollout: Rollout, maxReconciles = 500): string[] {
  const replicas = rollout.spec.replicas ?? 1;
  const steps = rollout.spec.strategy?.canary?.steps ?? [];
  const status = rollout.status ?? {};
  rollout.status = status;
  let stableRS: ReplicaSet = makeRS('stable', replicas, replicas);
  let canaryRS: ReplicaSet = makeRS('canary', 0, 0);
  const events: string[] = [];
  for (let i = 0; i < maxReconciles; i++) {
    const next = calculateReplicaCountsForBasicCanary(rollout, canaryRS, stableRS, []);
    if (next.stable !== specReplicas(stableRS)) {
      events.push(`stable ${specReplicas(stableRS)}→${next.stable}`);
      stableRS = makeRS('stable', next.stable, next.stable);
      continue;
    }
    if (next.canary !== specReplicas(canaryRS)) {
      events.push(`canary ${specReplicas(canaryRS)}→${next.canary}`);
      canaryRS = makeRS('canary', next.canary, next.canary);
      continue;
    }
    const index = status.currentStepIndex ?? 0;
    const step = steps[index];
    if (step) {
      if (step.setWeight !== undefined) {
        expect(atDesiredReplicaCountsForCanary(rollout, canaryRS, stableRS, [])).toBe(true);
      }
      status.currentStepIndex = index + 1;
      events.push(`step ${index + 1}/${steps.length}`);
      continue;
    }
    expect(canaryRS.status?.availableReplicas).toBe(replicas);
    events.push(`promoted (stable ${specReplicas(stableRS)}, canary ${specReplicas(canaryRS)})`);
    return events;
  }
  throw new Error(`no promotion after ${maxReconciles} reconciles: ${events.join(', ')}`);
}

describe('digest §7.6 worked traces', () => {
  it('getting-started: R=5, default 25%/25%, 20/pause/40/pause 10/60/pause 10/80/pause 10', () => {
    const rollout = canaryRollout(5, [
      { setWeight: 20 },
      { pause: {} },
      { setWeight: 40 },
      { pause: { duration: 10 } },
      { setWeight: 60 },
      { pause: { duration: 10 } },
      { setWeight: 80 },
      { pause: { duration: 10 } },
    ]);
    expect(runTrace(rollout)).toEqual([
      'stable 5→4',
      'canary 0→1',
      'step 1/8',
      'step 2/8',
      'stable 4→3',
      'canary 1→2',
      'step 3/8',
      'step 4/8',
      'stable 3→2',
      'canary 2→3',
      'step 5/8',
      'step 6/8',
      'stable 2→1',
      'canary 3→4',
      'step 7/8',
      'step 8/8',
      'stable 1→0',
      'canary 4→5',
      'promoted (stable 0, canary 5)',
    ]);
  });

  it('R=10, maxSurge 1, maxUnavailable 0, setWeight 10 → 41 → 100: canary grows first', () => {
    const rollout = canaryRollout(10, [{ setWeight: 10 }, { setWeight: 41 }, { setWeight: 100 }], {
      maxSurge: 1,
      maxUnavailable: 0,
    });
    const alternate = (from: number, to: number): string[] =>
      Array.from({ length: to - from }, (_, k) => [
        `canary ${from + k}→${from + k + 1}`,
        `stable ${10 - from - k}→${9 - from - k}`,
      ]).flat();
    expect(runTrace(rollout)).toEqual([
      'canary 0→1',
      'stable 10→9',
      'step 1/3',
      ...alternate(1, 4),
      'step 2/3',
      ...alternate(4, 10),
      'step 3/3',
      'promoted (stable 0, canary 10)',
    ]);
  });

  it('with maxUnavailable > 0 and maxSurge 0 the stable shrinks first', () => {
    const rollout = canaryRollout(4, [{ setWeight: 50 }], { maxSurge: 0, maxUnavailable: 1 });
    expect(runTrace(rollout)).toEqual([
      'stable 4→3',
      'canary 0→1',
      'stable 3→2',
      'canary 1→2',
      'step 1/1',
      'stable 2→1',
      'canary 2→3',
      'stable 1→0',
      'canary 3→4',
      'promoted (stable 0, canary 4)',
    ]);
  });

  it('abort (weight 0) grows the stable back first, then drains the canary', () => {
    const rollout = canaryRollout(5, [{ setWeight: 40 }, { pause: {} }]);
    const status = rollout.status ?? {};
    status.abort = true;
    let stableRS = makeRS('stable', 3, 3);
    let canaryRS = makeRS('canary', 2, 2);
    const events: string[] = [];
    for (let i = 0; i < 20; i++) {
      const next = calculateReplicaCountsForBasicCanary(rollout, canaryRS, stableRS, []);
      if (next.stable !== specReplicas(stableRS)) {
        events.push(`stable ${specReplicas(stableRS)}→${next.stable}`);
        stableRS = makeRS('stable', next.stable, next.stable);
      } else if (next.canary !== specReplicas(canaryRS)) {
        events.push(`canary ${specReplicas(canaryRS)}→${next.canary}`);
        canaryRS = makeRS('canary', next.canary, next.canary);
      } else break;
    }
    expect(events).toEqual(['stable 3→5', 'canary 2→0']);
  });
});
