/**
 * The kubectl argo rollouts verbs (digest §15) with their exact effects on the objects and on the
 * controller's next moves: promote, promote --full, abort, retry, pause/resume, restart, undo,
 * set image and scale. Driven through the real world with the given/when/then DSL.
 */
import { describe, expect, it } from 'vitest';
import { epochMsFromRfc3339 } from '../../src/sim';
import {
  EPOCH_MS,
  blueGreenRollout,
  canaryRollout,
  given,
  type Then,
  type When,
} from '../support/dsl';

type Json = Record<string, unknown>;

const STEPS = [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: {} }];

/** The message of the last user verb (what kubectl prints). */
function lastVerbMessage(w: When | Then): string {
  const verbs = w.world.events().filter((e) => e.event.type === 'rollout.userAction');
  const last = verbs[verbs.length - 1]?.event as { result: { message: string } } | undefined;
  return last?.result.message ?? '';
}

const weightsOf = (t: Then) =>
  ((t.status().canary as Json | undefined)?.weights as { canary: { weight: number } } | undefined)
    ?.canary.weight;

describe('promote (§15.1)', () => {
  it('at a pause step: clears the pause conditions and the controller completes the pause step', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 });
    expect(w.status().controllerPause).toBe(true);
    w.promote();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' promoted");
    w.then()
      .expect((t) => expect(t.status().pauseConditions).toBeUndefined())
      .expectStep(2)
      .expectRolloutCondition('Paused', { status: 'False' })
      .expectEvent('RolloutStepCompleted', 'Rollout step 2/4 completed (pause)');
  });

  it('at a setWeight step: skips the step (currentStepIndex + 1)', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS }))
      .version('example/app:slow', { startupMs: 60_000 })
      .when();
    w.setImage('example/app:slow').advanceBy('10s').then().expectStep(0).expectPhase('Progressing');
    w.promote().then().expectStep(1).expectPhase('Paused', 'CanaryPauseStep');
  });

  it('a manually paused rollout: unpauses and, with no pause condition, also skips the current step', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS }))
      .version('example/app:slow', { startupMs: 60_000 })
      .when();
    w.setImage('example/app:slow')
      .pause()
      .then()
      .expectPhase('Paused', 'manually paused')
      .expectStep(0);
    w.promote()
      .then()
      .expect((t) => expect(t.spec().paused).toBeFalsy())
      .expectStep(1);
  });
});

describe('promote --full (§15.2)', () => {
  it('basic canary: skips the remaining steps and promotes with "Full promotion requested"', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 }).promoteFull();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' fully promoted");
    w.then()
      .expect((t) => expect(t.status().promoteFull).toBe(true))
      .expectStep(4);
    w.waitFor({ status: 'Healthy' }, '1m')
      .then()
      .expectRevisionReplicas({ 1: 0, 2: 4 })
      .expect((t) => expect(t.status().promoteFull).toBeUndefined())
      .expectEvent('RolloutCompleted', /Full promotion requested$/);
  });

  it('traffic-routed, not dynamic: the weight does not rise during the full promotion, it switches at the end', () => {
    const w = given(canaryRollout({ router: 'nginx', replicas: 4, steps: STEPS })).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 }).then().expectWeights(25, 75);
    w.promoteFull();
    const t = w.then();
    let sawFullCanary = false;
    for (;;) {
      const s = t.status();
      if (s.stableRS === s.currentPodHash) break;
      expect(weightsOf(t), `t=${t.now()}`).toBeLessThanOrEqual(25);
      if (t.rsReplicas(2) === 4) sawFullCanary = true;
      const next = w.world.nextEventAt();
      expect(next).toBeDefined();
      w.advanceTo(next!);
    }
    expect(sawFullCanary).toBe(true);
    w.waitFor({ status: 'Healthy' }, '10s').then().expectWeights(0, 100).expectStep(4);
  });

  it('rescues an aborted rollout (promoteFull clears the abort)', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .abort()
      .waitFor({ status: 'Degraded' });
    w.promoteFull()
      .waitFor({ status: 'Healthy', stableRevision: 2 }, '1m')
      .then()
      .expectCondition({ abort: false });
  });
});

describe('abort and retry (§14, §15.3)', () => {
  it('abort: index 0, setWeight 0, Degraded "RolloutAborted: Rollout aborted update to revision 2", warning event', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 }).abort();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' aborted");
    w.then()
      .expectStep(0)
      .expectPhase('Degraded', 'RolloutAborted: Rollout aborted update to revision 2')
      .expectCondition({ abort: true, setWeight: 0 })
      .expectRolloutCondition('Progressing', {
        status: 'False',
        reason: 'RolloutAborted',
        message: 'Rollout aborted update to revision 2',
      })
      .expect((t) => {
        expect(t.status().pauseConditions).toBeUndefined();
        expect(t.status().abortedAt).toBeDefined();
        const ev = t.events(0).find((e) => e.reason === 'RolloutAborted');
        expect(ev).toMatchObject({
          type: 'Warning',
          message: 'Rollout aborted update to revision 2',
        });
      });
    w.waitFor({ revisionPods: { '2': 0 } }, '1m')
      .then()
      .expectRevisionReplicas({ 1: 4, 2: 0 })
      .expectPhase('Degraded');
  });

  it('retry: Progressing Unknown RolloutRetry, then every step again from the first', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .abort()
      .waitFor({ revisionPods: { '2': 0 } });
    w.retry();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' retried");
    w.then()
      .expect((t) => expect(t.status().abort).toBeUndefined())
      .expect((t) => {
        const c = t.condition('Progressing')!;
        // RolloutRetry is written first; progress (the canary scaling again) may already replace it.
        expect(['RolloutRetry', 'ReplicaSetUpdated']).toContain(c.reason);
      })
      .expectEvent('ScalingReplicaSet');
    w.waitFor({ status: 'Paused', step: 1 })
      .then()
      .expectRevisionReplicas({ 1: 3, 2: 1 })
      .expectCondition({ abort: false });
  });

  it('retry writes the RolloutRetry condition before anything else moves', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2')
      .waitFor({ status: 'Paused', step: 1 })
      .abort()
      .waitFor({ revisionPods: { '2': 0 } });
    // Look at the Rollout after the first reconcile of the retry only.
    w.world.act({ kind: 'retry' });
    const actor = w.world.actors.get('demo')!;
    actor.send({ type: 'cluster.changed' });
    w.then().expectRolloutCondition('Progressing', {
      status: 'Unknown',
      reason: 'RolloutRetry',
      message: 'Retrying Rollout after abort',
    });
  });
});

describe('pause and resume (§15.4)', () => {
  it('pause sets spec.paused; resume clears it and the rollout carries on', () => {
    const w = given(
      canaryRollout({ replicas: 4, steps: [{ setWeight: 50 }, { pause: { duration: 5 } }] }),
    ).when();
    w.updateImage('v2').pause();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' paused");
    w.then()
      .expect((t) => expect(t.spec().paused).toBe(true))
      .expectPhase('Paused', 'manually paused');
    w.resume()
      .then()
      .expect((t) => expect(t.spec().paused).toBeUndefined())
      .expectPhase('Progressing');
    w.waitFor({ status: 'Healthy' }, '1m');
  });
});

describe('restart (§15.5)', () => {
  it('evicts pods older than restartAt within the availability budget, then sets status.restartedAt', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    const before = new Set(
      w
        .then()
        .pods()
        .map((p) => (p.metadata as Json).name),
    );
    w.advanceBy('1s').restart();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' restarts in 0s");
    const restartAt = String(w.spec().restartAt);
    const at = epochMsFromRfc3339(restartAt)! - EPOCH_MS;
    expect(at).toBeLessThanOrEqual(w.now());
    w.then().expectPhase('Progressing', 'rollout is restarting');
    const t = w.then();
    for (;;) {
      const available = (t.status().availableReplicas as number) ?? 0;
      // R=4, maxUnavailable 25% ⇒ 1: never fewer than 3 available pods.
      expect(available, `t=${t.now()}`).toBeGreaterThanOrEqual(3);
      if (t.status().restartedAt === restartAt) break;
      const next = w.world.nextEventAt();
      expect(next, 'restart never finished').toBeDefined();
      expect(next! - at).toBeLessThan(10 * 60_000);
      w.advanceTo(next!);
    }
    w.waitFor({ status: 'Healthy' }, '1m');
    const after = w.then().pods();
    expect(after).toHaveLength(4);
    for (const p of after) {
      expect(before.has((p.metadata as Json).name)).toBe(false);
      const created =
        epochMsFromRfc3339(String((p.metadata as Json).creationTimestamp))! - EPOCH_MS;
      expect(created).toBeGreaterThanOrEqual(at);
    }
  });
});

describe('undo (§15.6)', () => {
  it('undo to the previous revision after a full rollout: the v1 ReplicaSet is re-used as revision 3', () => {
    const w = given(
      canaryRollout({ replicas: 2, steps: [{ setWeight: 50 }, { pause: {} }] }),
    ).when();
    const h1 = w.then().hashOf(1);
    w.updateImage('v2')
      .waitFor({ status: 'Paused' })
      .promote()
      .waitFor({ status: 'Healthy', stableRevision: 2 }, '1m');
    w.undo();
    expect(lastVerbMessage(w)).toBe("rollout 'demo' undo");
    w.then()
      .expect((t) => {
        expect(t.hashOf(3)).toBe(h1);
        const rs = t.replicaSet(3)!;
        expect(
          ((rs.metadata as Json).annotations as Json)['rollout.argoproj.io/revision-history'],
        ).toBe('1');
      })
      .expectStep(0);
    w.waitFor({ status: 'Paused', step: 1 }, '1m')
      .then()
      .expectCondition({ currentRevision: 3, stableRevision: 2 });
  });

  it('undo --to-revision=N picks that revision; equal to the current one ⇒ "skipped rollback"', () => {
    const w = given(canaryRollout({ replicas: 1 })).when();
    w.updateImage('v2').waitFor({ status: 'Healthy', stableRevision: 2 }, '1m');
    w.updateImage('v3').waitFor({ status: 'Healthy', stableRevision: 3 }, '1m');
    w.undo(3);
    expect(lastVerbMessage(w)).toBe(
      'skipped rollback (current template already matches revision 3)',
    );
    w.then().expectCondition({ currentRevision: 3 });
    const h1 = w.then().hashOf(1);
    w.undo(1)
      .waitFor({ status: 'Healthy', stableRevision: 4 }, '1m')
      .then()
      .expect((t) => expect(t.hashOf(4)).toBe(h1));
  });

  it('undo to the stable revision mid-rollout is a fast rollback: SkipSteps, Healthy without running the steps', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 });
    const undoAt = w.now();
    w.undo();
    w.then().expectEvent('SkipSteps', 'Rollback to stable ReplicaSets').expectStep(4);
    w.waitFor({ status: 'Healthy' }, '1m')
      .then()
      .expectCondition({ stableRevision: 3, currentRevision: 3 })
      .expectRevisionReplicas({ 2: 0, 3: 4 })
      .expectNoEvent('RolloutPaused', undoAt + 1);
  });
});

describe('set image and scale (§15.7)', () => {
  it('set image mid-rollout: a new revision, steps from 0, the stable kept', () => {
    const w = given(canaryRollout({ replicas: 4, steps: STEPS })).when();
    w.updateImage('v2').waitFor({ status: 'Paused', step: 1 });
    w.setImage('example/app:v3');
    expect(lastVerbMessage(w)).toBe('rollout "demo" image updated');
    w.then().expectStep(0).expectCondition({ currentRevision: 3, stableRevision: 1 });
    w.waitFor({ status: 'Paused', step: 1 }).then().expectRevisionReplicas({ 1: 3, 2: 0, 3: 1 });
  });

  it('scale: spec.replicas and every active ReplicaSet follow, with the desired-replicas annotation', () => {
    const w = given(canaryRollout({ replicas: 2 })).when();
    w.scale(5)
      .waitFor({ availableReplicas: 5 }, '1m')
      .then()
      .expectRevisionReplicas({ 1: 5 })
      .expectPhase('Healthy');
    w.then().expect((t) =>
      expect(
        ((t.replicaSet(1)!.metadata as Json).annotations as Json)[
          'rollout.argoproj.io/desired-replicas'
        ],
      ).toBe('5'),
    );
    w.scale(1).waitFor({ replicas: 1 }, '1m').then().expectRevisionReplicas({ 1: 1 });
  });
});

describe('verbs on a fully promoted rollout', () => {
  // Argo's newRolloutContext removes the abort of a fully promoted rollout ("Removing abort
  // condition from fully promoted rollout", digest §14.1).
  it('abort on a Healthy (fully promoted) traffic-routed rollout is ignored and removed', () => {
    const w = given(canaryRollout({ router: 'istio', replicas: 1, steps: [] })).when();
    w.abort().advanceBy('1s');
    w.then()
      .expectPhase('Healthy', '')
      .expect((t) => expect(t.status().abort).toBeUndefined())
      .expectRevisionReplicas({ 1: 1 });
  });

  // Argo skips the Progressing→RolloutPaused flip of checkPausedConditions once the rollout is
  // completed (digest §4.1d), so `pause` on a Healthy rollout settles in Paused.
  it('pause on a Healthy (fully promoted) blue-green rollout settles in Paused', () => {
    const w = given(
      blueGreenRollout({ replicas: 1, preview: false, blueGreen: { autoPromotionEnabled: false } }),
    ).when();
    w.pause().advanceBy('1s');
    w.then().expectPhase('Paused', 'manually paused');
  });
});
