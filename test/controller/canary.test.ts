/**
 * Canary behaviours of the digest (../shared/reference/argo-canary.md), end to end through the real
 * world (createWorld: virtual clock, fake cluster, rollout actors) with the given/when/then DSL.
 * Every deadline is checked on both sides. Pods take 2 s to become ready unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { epochMsFromRfc3339 } from '../../src/sim';
import {
  EPOCH_MS,
  HASH_LABEL,
  SCALE_DOWN_DEADLINE,
  canaryRollout,
  given,
  type Then,
  type When,
} from '../support/dsl';

const GETTING_STARTED = [
  { setWeight: 20 },
  { pause: {} },
  { setWeight: 40 },
  { pause: { duration: 10 } },
  { setWeight: 60 },
  { pause: { duration: 10 } },
  { setWeight: 80 },
  { pause: { duration: 10 } },
];

type Json = Record<string, unknown>;

/** Virtual ms of the CanaryPauseStep condition's startTime. */
function pauseStart(t: Then | When): number {
  const conds = (t.status().pauseConditions ?? []) as Json[];
  const c = conds.find((p) => p.reason === 'CanaryPauseStep');
  expect(c, 'CanaryPauseStep condition').toBeDefined();
  return epochMsFromRfc3339(String(c!.startTime))! - EPOCH_MS;
}

/** Virtual ms of the scale-down-deadline annotation of the RS of `revision`. */
function deadlineOf(t: Then | When, revision: number): number {
  const rs = t.replicaSet(revision);
  const text = (
    (rs?.metadata as Json | undefined)?.annotations as Record<string, string> | undefined
  )?.[SCALE_DOWN_DEADLINE];
  expect(text, `scale-down-deadline on revision ${revision}`).toBeDefined();
  return epochMsFromRfc3339(text!)! - EPOCH_MS;
}

/** Steps the world event by event until `pred` holds; checks `invariant` at every instant on the way. */
function stepUntil(
  w: When,
  pred: (t: Then) => boolean,
  invariant: (t: Then) => void,
  limitMs = 600_000,
): When {
  const end = w.now() + limitMs;
  const t = w.then();
  for (;;) {
    invariant(t);
    if (pred(t)) return w;
    const next = w.world.nextEventAt();
    if (next === undefined || next > end) throw new Error(`condition not reached by t=${end}`);
    w.advanceTo(next);
  }
}

describe('basic canary: the getting-started trace (§7.6)', () => {
  it('moves 20/40/60/80/100 with pods, pausing at each pause step, then promotes', () => {
    const w = given(canaryRollout({ replicas: 5, steps: GETTING_STARTED })).when();
    const start = w.now();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectCanaryStablePodCount(1, 4)
      .expectRevisionReplicas({ 1: 4, 2: 1 })
      .expectCondition({ setWeight: 20, actualWeight: 20, message: 'CanaryPauseStep' })
      .expectEvent('RolloutStepCompleted', 'Rollout step 1/8 completed (setWeight: 20)')
      .expectEvent('RolloutPaused', 'Rollout is paused (CanaryPauseStep)')
      .expect((t) => {
        const h1 = t.hashOf(1);
        const h2 = t.hashOf(2);
        t.expectEvent(
          'ScalingReplicaSet',
          `Scaled down ReplicaSet demo-${h1} (revision 1) from 5 to 4`,
          start,
        );
        t.expectEvent(
          'ScalingReplicaSet',
          `Scaled up ReplicaSet demo-${h2} (revision 2) from 0 to 1`,
          start,
        );
        t.expectEvent('NewReplicaSetCreated', `Created ReplicaSet demo-${h2} (revision 2)`, start);
      })
      .when()
      .promote()
      .waitFor({ status: 'Paused', step: 3 })
      .then()
      .expectRevisionReplicas({ 1: 3, 2: 2 })
      .expectCondition({ setWeight: 40, actualWeight: 40 })
      .when()
      .waitFor({ status: 'Paused', step: 5 }, '30s')
      .then()
      .expectRevisionReplicas({ 1: 2, 2: 3 })
      .when()
      .waitFor({ status: 'Paused', step: 7 }, '30s')
      .then()
      .expectRevisionReplicas({ 1: 1, 2: 4 })
      .when()
      .waitFor({ status: 'Healthy' }, '30s')
      .then()
      .expectRevisionReplicas({ 1: 0, 2: 5 })
      .expectStep(8)
      .expectCondition({ stableRevision: 2, currentRevision: 2, setWeight: 100, actualWeight: 100 })
      .expectEvent(
        'RolloutCompleted',
        /^Rollout completed update to revision 2 \([a-z0-9]+\): Completed all 8 canary steps$/,
      );
  });

  it('a timed pause holds until strictly after startTime + duration (both sides)', () => {
    const w = given(canaryRollout({ replicas: 5, steps: GETTING_STARTED })).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .promote()
      .waitFor({ status: 'Paused', step: 3 });
    const started = pauseStart(w);
    w.advanceTo(started + 9_999)
      .then()
      .expectPhase('Paused', 'CanaryPauseStep')
      .expectStep(3);
    w.advanceTo(started + 10_001)
      .then()
      .expectStep(4)
      .expectEvent('RolloutStepCompleted', 'Rollout step 4/8 completed (pause: 10)')
      .expectEvent('RolloutResumed', 'Rollout is resumed');
  });

  it('the basic canary stays at one step per reconcile: a step never completes in a reconcile that scaled', () => {
    const w = given(
      canaryRollout({ replicas: 5, steps: [{ setWeight: 40 }, { setWeight: 60 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2');
    // Nothing is available on the canary yet: the first setWeight cannot be complete.
    w.then().expectStep(0);
    w.waitFor({ status: 'Paused' }).then().expectStep(2).expectRevisionReplicas({ 1: 2, 2: 3 });
  });
});

describe('basic canary: maxSurge / maxUnavailable (§7.1, §7.4)', () => {
  it('maxUnavailable 0 surges first: canary up, then stable down once canary pods are available; never below R available', () => {
    const w = given(
      canaryRollout({
        replicas: 10,
        canary: { maxSurge: 1, maxUnavailable: 0 },
        steps: [{ setWeight: 10 }, { pause: {} }, { setWeight: 41 }, { pause: {} }],
      }),
    ).when();
    w.updateImage('v2').then().expectRevisionReplicas({ 1: 10, 2: 1 });
    w.advanceBy(1_999).then().expectRevisionReplicas({ 1: 10, 2: 1 });
    w.advanceBy(1).then().expectRevisionReplicas({ 1: 9, 2: 1 });
    w.waitFor({ status: 'Paused', step: 1 }).promote();
    const never = (t: Then) => {
      expect(t.status().availableReplicas as number, `t=${t.now()}`).toBeGreaterThanOrEqual(10);
      const total = t.rsReplicas(1) + t.rsReplicas(2);
      expect(total, `t=${t.now()}`).toBeLessThanOrEqual(11);
    };
    stepUntil(w, (t) => t.status().phase === 'Paused' && t.status().currentStepIndex === 3, never);
    w.then().expectRevisionReplicas({ 1: 6, 2: 4 }).expectCanaryStablePodCount(4, 6);
  });

  it('maxUnavailable > 0 shrinks the stable at once (R=10 default 25%: surge 3, unavailable 2)', () => {
    const w = given(
      canaryRollout({ replicas: 10, steps: [{ setWeight: 50 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2');
    // Same instant, before any canary pod is ready: stable already below R, total within R + surge.
    w.then().expect((t) => {
      expect(t.rsReplicas(1)).toBeLessThan(10);
      expect(t.rsReplicas(1)).toBeGreaterThanOrEqual(8);
      expect(t.rsReplicas(1) + t.rsReplicas(2)).toBeLessThanOrEqual(13);
    });
    w.waitFor({ status: 'Paused', step: 1 }).then().expectRevisionReplicas({ 1: 5, 2: 5 });
  });

  it('R+1 pods when surge allows the better approximation (R=10, 45% ⇒ 5 canary + 6 stable)', () => {
    given(canaryRollout({ replicas: 10, steps: [{ setWeight: 45 }, { pause: {} }] }))
      .when()
      .updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 6, 2: 5 });
  });
});

describe('basic canary: old ReplicaSets are drained first (§16.1)', () => {
  it('a v3 mid-rollout drains v2 before the stable shrinks any further', () => {
    const w = given(
      canaryRollout({ replicas: 5, steps: [{ setWeight: 40 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 3, 2: 2 });
    w.updateImage('v3');
    stepUntil(
      w,
      (t) => t.rsReplicas(2) === 0,
      (t) => expect(t.rsReplicas(1), `stable at t=${t.now()}`).toBe(3),
    );
    w.waitFor({ status: 'Paused', step: 1, currentRevision: 3 })
      .then()
      .expectRevisionReplicas({ 1: 3, 2: 0, 3: 2 })
      .expectCondition({ stableRevision: 1 });
  });
});

describe('traffic-routed canary (§8, §9)', () => {
  it('stable stays at R; the weight moves only once the canary is ready, and the step completes with it', () => {
    const w = given(
      canaryRollout({
        router: 'nginx',
        replicas: 4,
        steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: {} }],
      }),
    ).when();
    w.updateImage('v2')
      .then()
      .expectRevisionReplicas({ 1: 4, 2: 1 })
      .expectWeights(0, 100)
      .expectStep(0);
    w.advanceBy(1_999).then().expectWeights(0, 100).expectStep(0).expectPhase('Progressing');
    w.advanceBy(1)
      .then()
      .expectWeights(25, 75)
      .expectStep(1)
      .expectPhase('Paused')
      .expectRevisionReplicas({ 1: 4, 2: 1 })
      .expectEvent('TrafficWeightUpdated', 'Traffic weight updated from 0 to 25');
    w.promote()
      .then()
      .expectRevisionReplicas({ 1: 4, 2: 2 })
      // The canary is not yet at its desired count: the weight stays at the previous setWeight.
      .expectWeights(25, 75)
      .expectStep(2);
    w.advanceBy(2_000)
      .then()
      .expectWeights(50, 50)
      .expectStep(3)
      .expectRevisionReplicas({ 1: 4, 2: 2 });
  });

  it('after promotion the old stable keeps its pods for scaleDownDelaySeconds (30 s default; both sides)', () => {
    const w = given(
      canaryRollout({ router: 'istio', replicas: 3, steps: [{ setWeight: 50 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .promote()
      .waitFor({ status: 'Healthy' });
    w.waitFor((t) => !!t.replicaSet(1) && deadlineOfOrUndefined(t, 1) !== undefined, '5s');
    const added = w.now();
    const deadline = deadlineOf(w, 1);
    expect(deadline - added).toBeGreaterThan(29_000);
    expect(deadline - added).toBeLessThanOrEqual(30_000);
    w.then().expectPhase('Healthy').expectRevisionReplicas({ 1: 3, 2: 3 }).expectWeights(0, 100);
    w.advanceTo(deadline - 1)
      .then()
      .expectRevisionReplicas({ 1: 3 })
      .expectScaleDownDeadline(1, true);
    w.advanceTo(deadline).then().expectRevisionReplicas({ 1: 0 }).expectScaleDownDeadline(1, false);
  });

  it('scaleDownDelayRevisionLimit: only that many old ReplicaSets wait; older ones go to 0 at once', () => {
    const run = (limit?: number) => {
      const w = given(
        canaryRollout({
          router: 'nginx',
          replicas: 2,
          canary: limit === undefined ? {} : { scaleDownDelayRevisionLimit: limit },
        }),
      ).when();
      w.updateImage('v2').waitFor({ status: 'Healthy', stableRevision: 2 });
      w.waitFor((t) => deadlineOfOrUndefined(t, 1) !== undefined, '5s');
      w.advanceBy('3s').updateImage('v3').waitFor({ status: 'Healthy', stableRevision: 3 });
      w.waitFor((t) => deadlineOfOrUndefined(t, 2) !== undefined, '5s');
      return w.then();
    };
    run(1).expectRevisionReplicas({ 1: 0, 2: 2, 3: 2 }).expectScaleDownDeadline(2, true);
    run()
      .expectRevisionReplicas({ 1: 2, 2: 2, 3: 2 })
      .expectScaleDownDeadline(1, true)
      .expectScaleDownDeadline(2, true);
  });

  it('abort: weight 0 at once; the canary keeps its pods for abortScaleDownDelaySeconds (30 s default; both sides)', () => {
    const w = given(
      canaryRollout({ router: 'nginx', replicas: 4, steps: [{ setWeight: 50 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 }).then().expectWeights(50, 50);
    w.abort()
      .then()
      .expectWeights(0, 100)
      .expectPhase('Degraded', 'RolloutAborted: Rollout aborted update to revision 2')
      .expectRevisionReplicas({ 1: 4, 2: 2 });
    const added = w.now();
    const deadline = deadlineOf(w, 2);
    expect(deadline - added).toBeGreaterThan(29_000);
    expect(deadline - added).toBeLessThanOrEqual(30_000);
    w.advanceTo(deadline - 1)
      .then()
      .expectRevisionReplicas({ 2: 2 });
    w.advanceTo(deadline).then().expectRevisionReplicas({ 1: 4, 2: 0 });
  });

  it('abortScaleDownDelaySeconds: 0 scales the canary down right away (no setCanaryScale at step 0)', () => {
    const w = given(
      canaryRollout({
        router: 'nginx',
        replicas: 4,
        canary: { abortScaleDownDelaySeconds: 0 },
        steps: [{ setWeight: 50 }, { pause: {} }],
      }),
    ).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 }).abort();
    w.then()
      .expectWeights(0, 100)
      .expectRevisionReplicas({ 1: 4, 2: 0 })
      .expectScaleDownDeadline(2, false);
  });

  it('abortScaleDownDelaySeconds: 0 keeps the canary while a setCanaryScale is in force at step 0', () => {
    const w = given(
      canaryRollout({
        router: 'nginx',
        replicas: 4,
        canary: { abortScaleDownDelaySeconds: 0 },
        steps: [{ setCanaryScale: { replicas: 1 } }, { setWeight: 50 }, { pause: {} }],
      }),
    ).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 2 }).abort().advanceBy('1m');
    w.then().expectWeights(0, 100).expectStep(0).expectRevisionReplicas({ 1: 4, 2: 1 });
  });

  it('dynamicStableScale: the stable shrinks as traffic leaves it (one reconcile after the weight moves)', () => {
    const w = given(
      canaryRollout({
        router: 'istio',
        replicas: 4,
        canary: { dynamicStableScale: true },
        steps: [{ setWeight: 50 }, { pause: {} }, { setWeight: 75 }, { pause: {} }],
      }),
    ).when();
    w.updateImage('v2').then().expectRevisionReplicas({ 1: 4, 2: 2 });
    w.waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectWeights(50, 50)
      .expectRevisionReplicas({ 1: 2, 2: 2 });
    w.promote()
      .waitFor({ status: 'Paused', step: 3 })
      .then()
      .expectWeights(75, 25)
      .expectRevisionReplicas({ 1: 1, 2: 3 });
  });

  it('dynamicStableScale abort: the stable grows back before the traffic returns; weight ends at 0', () => {
    const w = given(
      canaryRollout({
        router: 'istio',
        replicas: 4,
        canary: { dynamicStableScale: true },
        steps: [{ setWeight: 75 }, { pause: {} }],
      }),
    ).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 1, 2: 3 });
    w.abort();
    stepUntil(
      w,
      (t) => t.rsReplicas(2) === 0,
      (t) => {
        const weights = (t.status().canary as Json | undefined)?.weights as
          { canary: { weight: number } } | undefined;
        const stableAvailable =
          ((t.replicaSet(1)?.status as Json | undefined)?.availableReplicas as number) ?? 0;
        // Traffic on the stable never exceeds what its available pods can take.
        expect(100 - (weights?.canary.weight ?? 0), `t=${t.now()}`).toBeLessThanOrEqual(
          Math.ceil((100 * stableAvailable) / 4) + 0,
        );
      },
      120_000,
    );
    w.then().expectWeights(0, 100).expectRevisionReplicas({ 1: 4, 2: 0 });
  });

  it('minPodsPerReplicaSet lifts a small canary (R=4, 10% ⇒ 1 pod, minimum 2)', () => {
    given(
      canaryRollout({
        router: 'nginx',
        replicas: 4,
        canary: { minPodsPerReplicaSet: 2 },
        steps: [{ setWeight: 10 }, { pause: {} }],
      }),
    )
      .when()
      .updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 4, 2: 2 })
      .expectWeights(10, 90);
  });

  it('maxTrafficWeight (nginx): weights are out of MAXW and the canary count is ceil(R·w/MAXW)', () => {
    given(
      canaryRollout({
        router: 'nginx',
        replicas: 4,
        maxTrafficWeight: 1000,
        steps: [{ setWeight: 250 }, { pause: {} }],
      }),
    )
      .when()
      .updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectWeights(250, 750)
      .expectRevisionReplicas({ 1: 4, 2: 1 })
      .when()
      .promote()
      .waitFor({ status: 'Healthy', stableRevision: 2 })
      .then()
      .expectWeights(0, 1000);
  });

  it('setCanaryScale: replicas, weight and matchTrafficWeight size the canary without moving traffic', () => {
    const w = given(
      canaryRollout({
        router: 'istio',
        replicas: 5,
        steps: [
          { setCanaryScale: { replicas: 3 } },
          { pause: {} },
          { setCanaryScale: { weight: 40 } },
          { setWeight: 20 },
          { pause: {} },
          { setCanaryScale: { matchTrafficWeight: true } },
          { pause: {} },
        ],
      }),
    ).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 5, 2: 3 })
      .expectWeights(0, 100);
    w.promote()
      .waitFor({ status: 'Paused', step: 4 })
      .then()
      .expectRevisionReplicas({ 1: 5, 2: 2 })
      .expectWeights(20, 80);
    w.promote()
      .waitFor({ status: 'Paused', step: 6 })
      .then()
      .expectRevisionReplicas({ 1: 5, 2: 1 })
      .expectWeights(20, 80);
  });
});

function deadlineOfOrUndefined(t: Then, revision: number): string | undefined {
  const rs = t.replicaSet(revision);
  return ((rs?.metadata as Json | undefined)?.annotations as Record<string, string> | undefined)?.[
    SCALE_DOWN_DEADLINE
  ];
}

describe('progress deadline (§17)', () => {
  const stuck = (spec: Json) =>
    given(
      canaryRollout({
        replicas: 4,
        spec: { progressDeadlineSeconds: 30, ...spec },
        steps: [{ setWeight: 25 }, { pause: {} }],
      }),
    )
      .version('example/app:bad', { neverReady: true })
      .when();

  it('no progress for progressDeadlineSeconds ⇒ Degraded ProgressDeadlineExceeded (both sides of the deadline)', () => {
    const w = stuck({});
    w.setImage('example/app:bad');
    const cond = w.then().condition('Progressing')!;
    const last = epochMsFromRfc3339(String(cond.lastUpdateTime))! - EPOCH_MS;
    // Timed out when lastUpdateTime + 30 s < now; the controller looks again one second later.
    w.advanceTo(last + 30_000)
      .then()
      .expectPhase('Progressing');
    w.advanceTo(last + 31_000)
      .then()
      .expectPhase(
        'Degraded',
        'ProgressDeadlineExceeded: ' +
          `ReplicaSet "demo-${w.then().hashOf(2)}" has timed out progressing.`,
      )
      .expectRolloutCondition('Progressing', {
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
      })
      .expectCondition({ abort: false, stablePods: 3 })
      .expect((t) => expect(t.status().abort).toBeUndefined());
  });

  it('progressDeadlineAbort ⇒ the rollout is aborted (stable back to R, canary to 0)', () => {
    const w = stuck({ progressDeadlineAbort: true });
    w.setImage('example/app:bad').advanceBy('35s');
    w.waitFor({ abort: true }, '5s')
      .then()
      .expectPhase('Degraded')
      .expectEvent('RolloutAborted')
      .when()
      .waitFor({ revisionPods: { '2': 0 } }, '1m')
      .then()
      .expectRevisionReplicas({ 1: 4, 2: 0 })
      .expectPhase('Degraded');
  });

  it('a paused rollout never times out', () => {
    const w = stuck({});
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .advanceBy('5m')
      .then()
      .expectPhase('Paused');
  });
});

describe('pause durations (§12.4)', () => {
  it.each([
    ['10', 10],
    ['"10s"', 10],
    ['"1m"', 60],
  ])('pause duration %s waits %i s (both sides)', (text, seconds) => {
    const duration = text.startsWith('"') ? text.slice(1, -1) : Number(text);
    const w = given(
      canaryRollout({
        replicas: 2,
        steps: [{ setWeight: 50 }, { pause: { duration } }, { setWeight: 100 }],
      }),
    ).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 });
    const started = pauseStart(w);
    w.advanceTo(started + seconds * 1000 - 1)
      .then()
      .expectStep(1)
      .expectPhase('Paused');
    w.advanceTo(started + seconds * 1000 + 1)
      .then()
      .expectStep(2);
  });
});

describe('spec.paused and scaling (§12.5, §4.1e)', () => {
  it('a manual pause halts scaling and step completion; message "manually paused"; resume continues', () => {
    const w = given(
      canaryRollout({ replicas: 4, steps: [{ setWeight: 50 }, { pause: { duration: 5 } }] }),
    ).when();
    w.updateImage('v2').pause();
    w.then()
      .expectPhase('Paused', 'manually paused')
      .expectRolloutCondition('Paused', { status: 'True', reason: 'RolloutPaused' })
      .expectRolloutCondition('Progressing', { status: 'Unknown', reason: 'RolloutPaused' })
      .expect((t) => expect(t.status().pauseConditions).toBeUndefined());
    const frozen = [w.then().rsReplicas(1), w.then().rsReplicas(2)];
    w.advanceBy('2m')
      .then()
      .expectPhase('Paused', 'manually paused')
      .expectStep(0)
      .expect((t) => expect([t.rsReplicas(1), t.rsReplicas(2)]).toEqual(frozen));
    w.resume().waitFor({ status: 'Healthy' }, '1m').then().expectRevisionReplicas({ 1: 0, 2: 4 });
  });

  it('scale while paused at a step: both ReplicaSets follow the new spec.replicas', () => {
    const w = given(
      canaryRollout({ replicas: 4, steps: [{ setWeight: 50 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 2, 2: 2 });
    w.scale(8)
      .waitFor({ readyReplicas: 8 }, '1m')
      .then()
      .expectRevisionReplicas({ 1: 4, 2: 4 })
      .expectPhase('Paused')
      .expectStep(1);
  });
});

describe('revisionHistoryLimit (§16.3)', () => {
  it('deletes the oldest empty old ReplicaSets beyond the limit', () => {
    const w = given(canaryRollout({ replicas: 1, spec: { revisionHistoryLimit: 1 } })).when();
    for (const v of ['v2', 'v3', 'v4'])
      w.updateImage(v).waitFor({ status: 'Healthy', stableRevision: Number(v.slice(1)) }, '1m');
    w.advanceBy('5s');
    const revisions = w
      .then()
      .replicaSets()
      .map((rs) =>
        Number(((rs.metadata as Json).annotations as Json)['rollout.argoproj.io/revision']),
      );
    expect(revisions).toEqual([3, 4]);
  });
});

describe('canaryMetadata / stableMetadata (§4.2.4)', () => {
  it('labels the canary and stable pods; after promotion the new pods carry the stable labels', () => {
    const w = given(
      canaryRollout({
        replicas: 2,
        canary: {
          canaryMetadata: { labels: { role: 'canary' } },
          stableMetadata: { labels: { role: 'stable' } },
        },
        steps: [{ setWeight: 50 }, { pause: {} }],
      }),
    ).when();
    w.then().expect((t) =>
      expect(
        t
          .pods(1)
          .map((p) => (p.metadata as Json).labels as Json)
          .map((l) => l.role),
      ).toEqual(['stable', 'stable']),
    );
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 });
    w.then().expect((t) => {
      expect(t.pods(2).map((p) => ((p.metadata as Json).labels as Json).role)).toEqual(['canary']);
      expect(t.pods(1).map((p) => ((p.metadata as Json).labels as Json).role)).toEqual(['stable']);
    });
    w.promote()
      .waitFor({ status: 'Healthy' }, '1m')
      .then()
      .expect((t) => {
        const roles = t.pods(2).map((p) => ((p.metadata as Json).labels as Json).role);
        expect(roles).toEqual(['stable', 'stable']);
      });
  });
});

describe('workloadRef (templateref.go)', () => {
  // Argo resolves the Deployment's template with TemplateResolvedFromRef=true, so validation skips
  // "template must be empty for workload reference rollout"; we validate the rollout as stored.
  it('takes the pod template from the referenced Deployment', () => {
    const [rollout] = canaryRollout({ replicas: 2, steps: [{ setWeight: 50 }, { pause: {} }] });
    const spec = { ...(rollout.spec as Json) };
    delete spec.template;
    spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo-deploy' };
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'demo-deploy' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'demo' } },
        template: {
          metadata: { labels: { app: 'demo' } },
          spec: { containers: [{ name: 'app', image: 'example/app:from-deploy' }] },
        },
      },
    };
    given([{ ...rollout, spec }, deployment])
      .when()
      .then()
      .expectPhase('Healthy')
      .expectRevisionReplicas({ 1: 2 })
      .expect((t) => {
        const rs = t.replicaSet(1)!;
        const containers = (((rs.spec as Json).template as Json).spec as Json).containers as Json[];
        expect(containers[0].image).toBe('example/app:from-deploy');
        expect(t.pods(1)).toHaveLength(2);
        expect(((t.pods(1)[0].metadata as Json).labels as Json)[HASH_LABEL]).toBe(t.hashOf(1));
      });
  });
});

describe('conditions (§18) and phase messages (§19)', () => {
  it('a healthy rollout: Progressing NewReplicaSetAvailable, Available, Healthy, Completed', () => {
    given(canaryRollout({ replicas: 3 }))
      .when()
      .then()
      .expectPhase('Healthy', '')
      .expect((t) =>
        t.expectRolloutCondition('Progressing', {
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "demo-${t.hashOf(1)}" has successfully progressed.`,
        }),
      )
      .expectRolloutCondition('Available', {
        status: 'True',
        reason: 'AvailableReason',
        message: 'Rollout has minimum availability',
      })
      .expectRolloutCondition('Healthy', {
        status: 'True',
        reason: 'RolloutHealthy',
        message: 'Rollout is healthy',
      })
      .expectRolloutCondition('Completed', { status: 'True', reason: 'RolloutCompleted' })
      .expectEvent('RolloutCompleted', /: Initial deploy$/, 0);
  });

  it('an update: Completed False with RolloutNotCompleted, Progressing ReplicaSetUpdated, messages in order', () => {
    const w = given(
      canaryRollout({ replicas: 4, steps: [{ setWeight: 50 }, { pause: {} }] }),
    ).when();
    w.updateImage('v2')
      .then()
      .expectPhase('Progressing', 'more replicas need to be updated')
      .expectRolloutCondition('Completed', { status: 'False' })
      .expectRolloutCondition('Healthy', { status: 'False', message: 'Rollout is not healthy' })
      .expect((t) =>
        t.expectEvent(
          'RolloutNotCompleted',
          `Rollout not completed, started update to revision 2 (${t.hashOf(2)})`,
        ),
      )
      .expect((t) =>
        t.expectRolloutCondition('Progressing', {
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: `ReplicaSet "demo-${t.hashOf(2)}" is progressing.`,
        }),
      );
    w.waitFor({ status: 'Paused' })
      .then()
      .expectPhase('Paused', 'CanaryPauseStep')
      .expectRolloutCondition('Paused', {
        status: 'True',
        reason: 'RolloutPaused',
        message: 'Rollout is paused',
      })
      .expectRolloutCondition('Progressing', {
        status: 'Unknown',
        reason: 'RolloutPaused',
        message: 'Rollout is paused',
      })
      .when()
      .promote()
      .then()
      .expectRolloutCondition('Paused', { status: 'False' })
      // promote cleared pauseConditions itself: the controller sees no paused→resumed transition.
      .expectNoEvent('RolloutResumed')
      .when()
      .waitFor({ status: 'Healthy' }, '1m')
      .then()
      .expectPhase('Healthy', '');
  });

  it('basic canary: "old replicas are pending termination" while the old stable pods terminate', () => {
    const w = given(canaryRollout({ replicas: 2, steps: [] }), { podTerminationMs: 5_000 }).when();
    w.updateImage('v2');
    w.waitFor(
      (t) =>
        t.status().updatedReplicas === 2 &&
        t.status().availableReplicas === 2 &&
        (t.status().replicas as number) > 2,
      '1m',
    );
    w.then().expectPhase('Progressing', 'old replicas are pending termination');
  });

  it('invalid spec ⇒ Degraded InvalidSpec with the field error', () => {
    const w = given(canaryRollout({ replicas: 2, steps: [{ setWeight: 50 }] })).when();
    w.updateSpec({ spec: { strategy: { canary: { steps: [{ setWeight: 150 }] } } } });
    w.then()
      .expectPhase(
        'Degraded',
        /^InvalidSpec: The Rollout "demo" is invalid: spec\.strategy\.canary\.steps\[0\]\.setWeight: /,
      )
      .expectRolloutCondition('InvalidSpec', { status: 'True', reason: 'InvalidSpec' });
  });
});
