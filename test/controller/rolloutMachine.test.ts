/**
 * The rollout statechart on its own, with fake ports (RolloutMachinePorts) whose reconcile returns
 * scripted phases: phase tags, the dashboard's enablement via snapshot.can(), requeues as delayed
 * events on the virtual clock (both sides of the deadline), emitted domain events, and xstate/graph
 * path coverage of every phase state with invariants checked at each.
 */
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  createRolloutLogic,
  rolloutLogic,
  rolloutMachine,
  type RolloutEmitted,
  type RolloutMachineEvent,
  type RolloutMachinePorts,
  type RolloutPhaseTag,
  type UserAction,
} from '../../src/controller';
import { createVirtualClock } from '../../src/sim';

const PHASES: RolloutPhaseTag[] = ['Progressing', 'Paused', 'Healthy', 'Degraded'];

interface Script {
  phase: string | undefined;
  requeueAfterMs?: number;
  events?: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
}

/** Fake ports: reconcile returns the scripted result; act records verbs; spec.paused follows pause/resume. */
function fakePorts(initial: Script = { phase: 'Progressing' }) {
  const state = {
    next: initial,
    reconciles: 0,
    acts: [] as UserAction[],
    specPaused: false,
  };
  const ports: RolloutMachinePorts = {
    reconcile: () => {
      state.reconciles++;
      return {
        phase: state.next.phase,
        requeueAfterMs: state.next.requeueAfterMs,
        events: state.next.events ?? [],
      };
    },
    act: (_ns, _name, action) => {
      state.acts.push(action);
      if (action.kind === 'pause') state.specPaused = true;
      if (action.kind === 'resume') state.specPaused = false;
      return { ok: true, message: `did ${action.kind}` };
    },
    specPaused: () => state.specPaused,
  };
  return { ports, state };
}

function start(initial?: Script, opts: { withNow?: boolean } = {}) {
  const clock = createVirtualClock(0);
  const fake = fakePorts(initial);
  if (opts.withNow) fake.ports.now = () => clock.now();
  const emitted: RolloutEmitted[] = [];
  const actor = createActor(createRolloutLogic(fake.ports), {
    input: { namespace: 'default', name: 'demo' },
    clock,
  });
  actor.on('*', (e: RolloutEmitted) => emitted.push(e));
  actor.start();
  return { actor, clock, fake, emitted };
}

const tagsOf = (snapshot: { hasTag(t: RolloutPhaseTag): boolean }) =>
  PHASES.filter((p) => snapshot.hasTag(p));

const USER_EVENTS: RolloutMachineEvent[] = [
  { type: 'user.promote' },
  { type: 'user.promoteFull' },
  { type: 'user.abort' },
  { type: 'user.retry' },
  { type: 'user.pause' },
  { type: 'user.resume' },
];

/** The dashboard's rules (ux-anchors): Promote/PromoteFull/Abort only Progressing or Paused, Retry only Degraded. */
function expectedCan(phase: string, specPaused: boolean): Record<string, boolean> {
  const active = phase === 'Progressing' || phase === 'Paused';
  return {
    'user.promote': active,
    'user.promoteFull': active,
    'user.abort': active,
    'user.retry': phase === 'Degraded',
    'user.pause': !specPaused,
    'user.resume': specPaused,
  };
}

describe('rolloutMachine: phases are tags', () => {
  it('starts Progressing before the first reconcile, with no phase-gated verb enabled yet', () => {
    const { actor } = start();
    expect(actor.getSnapshot().value).toBe('Progressing');
    expect(tagsOf(actor.getSnapshot())).toEqual(['Progressing']);
    expect(actor.getSnapshot().can({ type: 'user.promote' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'user.retry' })).toBe(false);
  });

  it.each(PHASES)(
    'a reconcile reporting %s puts the machine in that state, with exactly that tag',
    (phase) => {
      const { actor, fake } = start({ phase });
      actor.send({ type: 'cluster.changed' });
      const snap = actor.getSnapshot();
      expect(snap.value).toBe(phase);
      expect(tagsOf(snap)).toEqual([phase]);
      expect(snap.context.phase).toBe(phase);
      expect(fake.state.reconciles).toBe(1);
      expect(snap.context.reconciles).toBe(1);
    },
  );

  it('an unknown phase (no status yet) counts as Progressing', () => {
    const { actor } = start({ phase: undefined });
    actor.send({ type: 'cluster.changed' });
    expect(actor.getSnapshot().value).toBe('Progressing');
  });
});

describe('rolloutMachine: snapshot.can() follows the dashboard rules', () => {
  const table = PHASES.flatMap((phase) => [
    { phase, specPaused: false },
    { phase, specPaused: true },
  ]);
  it.each(table)('phase $phase, spec.paused $specPaused', ({ phase, specPaused }) => {
    const { actor, fake } = start({ phase });
    fake.state.specPaused = specPaused;
    actor.send({ type: 'cluster.changed' });
    const snap = actor.getSnapshot();
    const expected = expectedCan(phase, specPaused);
    for (const event of USER_EVENTS) expect(snap.can(event), event.type).toBe(expected[event.type]);
    // Verbs that are always allowed.
    expect(snap.can({ type: 'user.restart' })).toBe(true);
    expect(snap.can({ type: 'user.undo' })).toBe(true);
    expect(snap.can({ type: 'user.setImage', image: 'x:v2' })).toBe(true);
    expect(snap.can({ type: 'user.scale', replicas: 3 })).toBe(true);
  });

  it('a verb that is not allowed never reaches the ports', () => {
    const { actor, fake } = start({ phase: 'Healthy' });
    actor.send({ type: 'cluster.changed' });
    actor.send({ type: 'user.promote' });
    actor.send({ type: 'user.abort' });
    actor.send({ type: 'user.retry' });
    expect(fake.state.acts).toEqual([]);
    fake.state.next = { phase: 'Degraded' };
    actor.send({ type: 'cluster.changed' });
    actor.send({ type: 'user.retry' });
    expect(fake.state.acts).toEqual([{ kind: 'retry' }]);
    expect(actor.getSnapshot().context.lastAction).toEqual({ ok: true, message: 'did retry' });
  });

  it('user verbs map to the plugin actions with their payloads, and are emitted', () => {
    const { actor, fake, emitted } = start({ phase: 'Paused' });
    actor.send({ type: 'cluster.changed' });
    actor.send({ type: 'user.promote' });
    actor.send({ type: 'user.promoteFull' });
    actor.send({ type: 'user.undo', toRevision: 2 });
    actor.send({ type: 'user.setImage', image: 'x:v3', container: 'app' });
    actor.send({ type: 'user.scale', replicas: 7 });
    actor.send({ type: 'user.pause' });
    expect(actor.getSnapshot().context.specPaused).toBe(true);
    actor.send({ type: 'user.pause' }); // refused: already paused
    actor.send({ type: 'user.resume' });
    actor.send({ type: 'spec.changed' });
    expect(fake.state.acts).toEqual([
      { kind: 'promote' },
      { kind: 'promoteFull' },
      { kind: 'undo', toRevision: 2 },
      { kind: 'setImage', image: 'x:v3', container: 'app' },
      { kind: 'scale', replicas: 7 },
      { kind: 'pause' },
      { kind: 'resume' },
      { kind: 'updateSpec' },
    ]);
    expect(
      emitted
        .filter((e) => e.type === 'rollout.userAction')
        .map((e) => e.type === 'rollout.userAction' && e.action),
    ).toEqual([
      'promote',
      'promoteFull',
      'undo',
      'setImage',
      'scale',
      'pause',
      'resume',
      'updateSpec',
    ]);
  });
});

describe.each([
  ['without', false],
  ['with', true],
])(
  'rolloutMachine: requeue is a delayed event on the virtual clock (%s ports.now)',
  (_label, withNow) => {
    it('reconciles again exactly requeueAfterMs later (both sides of the deadline)', () => {
      const { actor, clock, fake } = start(
        { phase: 'Paused', requeueAfterMs: 10_000 },
        { withNow },
      );
      actor.send({ type: 'cluster.changed' });
      expect(fake.state.reconciles).toBe(1);
      fake.state.next = { phase: 'Progressing' };
      clock.advanceBy(9_999);
      expect(fake.state.reconciles).toBe(1);
      expect(actor.getSnapshot().value).toBe('Paused');
      clock.advanceBy(1);
      expect(fake.state.reconciles).toBe(2);
      expect(actor.getSnapshot().value).toBe('Progressing');
      // No further requeue was asked for: the clock is idle.
      clock.advanceBy(60 * 60_000);
      expect(fake.state.reconciles).toBe(2);
    });

    it('one pending requeue at a time: a later reconcile replaces it', () => {
      const { actor, clock, fake } = start(
        { phase: 'Progressing', requeueAfterMs: 30_000 },
        { withNow },
      );
      actor.send({ type: 'cluster.changed' });
      clock.advanceBy(5_000);
      fake.state.next = { phase: 'Progressing', requeueAfterMs: 1_000 };
      actor.send({ type: 'cluster.changed' });
      expect(fake.state.reconciles).toBe(2);
      fake.state.next = { phase: 'Healthy' };
      clock.advanceBy(999);
      expect(fake.state.reconciles).toBe(2);
      clock.advanceBy(1);
      expect(fake.state.reconciles).toBe(3);
      // The first (30 s) requeue was cancelled.
      clock.advanceBy(60_000);
      expect(fake.state.reconciles).toBe(3);
      expect(actor.getSnapshot().value).toBe('Healthy');
    });

    it('a reconcile without a requeue cancels the pending one', () => {
      const { actor, clock, fake } = start(
        { phase: 'Progressing', requeueAfterMs: 10_000 },
        { withNow },
      );
      actor.send({ type: 'cluster.changed' });
      fake.state.next = { phase: 'Progressing' };
      actor.send({ type: 'cluster.changed' });
      clock.advanceBy(20_000);
      expect(fake.state.reconciles).toBe(2);
      expect(clock.peekNextDueAt()).toBeUndefined();
    });
  },
);

describe('rolloutMachine: a requeue already pending for the same instant is kept', () => {
  it('keeps the timer when a reconcile asks for the same due time, replaces it otherwise', () => {
    const { actor, clock, fake } = start(
      { phase: 'Progressing', requeueAfterMs: 10_000 },
      { withNow: true },
    );
    actor.send({ type: 'cluster.changed' });
    const timer = clock.peekNextDueAt();
    expect(timer).toBe(10_000);
    clock.advanceBy(4_000);
    // Same due instant (4 s + 6 s): the pending timer stays (nothing cleared, nothing set).
    const setTimeout = vi.spyOn(clock, 'setTimeout');
    const clearTimeout = vi.spyOn(clock, 'clearTimeout');
    fake.state.next = { phase: 'Progressing', requeueAfterMs: 6_000 };
    actor.send({ type: 'cluster.changed' });
    expect(actor.getSnapshot().context.requeueDueAt).toBe(10_000);
    expect([setTimeout.mock.calls.length, clearTimeout.mock.calls.length]).toEqual([0, 0]);
    clock.advanceBy(5_999);
    expect(fake.state.reconciles).toBe(2);
    fake.state.next = { phase: 'Paused', requeueAfterMs: 10_000 };
    clock.advanceBy(1);
    // It fired once, at its due time, and the reconcile it ran scheduled the next one.
    expect(fake.state.reconciles).toBe(3);
    expect(actor.getSnapshot().context.requeueDueAt).toBe(20_000);
    // A different due time replaces it.
    fake.state.next = { phase: 'Paused', requeueAfterMs: 2_000 };
    setTimeout.mockClear();
    actor.send({ type: 'cluster.changed' });
    expect(setTimeout.mock.calls.length).toBe(1);
    expect(clock.peekNextDueAt()).toBe(12_000);
    fake.state.next = { phase: 'Healthy' };
    clock.advanceBy(60_000);
    expect(fake.state.reconciles).toBe(5);
    expect(actor.getSnapshot().context.requeueDueAt).toBeUndefined();
    expect(clock.peekNextDueAt()).toBeUndefined();
  });
});

describe('rolloutMachine: emitted domain events', () => {
  it('emits rollout.phaseChanged only on a change, and every recorded Kubernetes event', () => {
    const ev = {
      type: 'Normal' as const,
      reason: 'RolloutStepCompleted',
      message: 'Rollout step 1/2 completed (setWeight: 50)',
    };
    const { actor, fake, emitted } = start({ phase: 'Progressing', events: [ev] });
    actor.send({ type: 'cluster.changed' });
    actor.send({ type: 'cluster.changed' });
    fake.state.next = { phase: 'Paused' };
    actor.send({ type: 'cluster.changed' });
    expect(emitted.filter((e) => e.type === 'rollout.phaseChanged')).toEqual([
      { type: 'rollout.phaseChanged', phase: 'Progressing', previous: undefined },
      { type: 'rollout.phaseChanged', phase: 'Paused', previous: 'Progressing' },
    ]);
    expect(emitted.filter((e) => e.type === 'rollout.event')).toEqual([
      { type: 'rollout.event', event: ev },
      { type: 'rollout.event', event: ev },
    ]);
  });
});

describe('rolloutMachine: xstate/graph path coverage', () => {
  /** A fake whose reconcile walks through every phase in turn, so traversal reaches them all. */
  function cyclingLogic() {
    let i = 0;
    let specPaused = false;
    const ports: RolloutMachinePorts = {
      reconcile: () => ({
        phase: PHASES[i++ % PHASES.length],
        requeueAfterMs: undefined,
        events: [],
      }),
      act: (_ns, _name, action) => {
        if (action.kind === 'pause') specPaused = true;
        if (action.kind === 'resume') specPaused = false;
        return { ok: true, message: action.kind };
      },
      specPaused: () => specPaused,
    };
    return createRolloutLogic(ports);
  }

  const events: RolloutMachineEvent[] = [
    { type: 'cluster.changed' },
    { type: 'reconcile.due' },
    ...USER_EVENTS,
  ];
  const serializeState = (s: {
    value: unknown;
    context: { phase?: string; specPaused: boolean };
  }) =>
    JSON.stringify({
      value: s.value,
      phase: s.context.phase ?? null,
      specPaused: s.context.specPaused,
    });

  /** Invariants every reachable state must satisfy. */
  function checkInvariants(s: ReturnType<ReturnType<typeof cyclingLogic>['transition']>) {
    const value = String(s.value);
    expect(PHASES).toContain(value);
    // Exactly one phase tag, and it names the state.
    expect(tagsOf(s)).toEqual([value]);
    // The state agrees with the phase the last reconcile reported.
    expect(s.context.phase ?? 'Progressing').toBe(value);
    // Enablement never contradicts the dashboard rules. Before the first reconcile the phase is
    // unknown (the state is Progressing by default) and nothing phase-gated is enabled.
    const expected = expectedCan(s.context.phase ?? 'Unknown', s.context.specPaused);
    for (const e of USER_EVENTS) expect(s.can(e), `${value}: ${e.type}`).toBe(expected[e.type]);
  }

  it('getShortestPaths reaches every phase state; invariants hold at each', () => {
    const paths = getShortestPaths(cyclingLogic(), {
      events,
      input: { namespace: 'default', name: 'demo' },
      serializeState,
    });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...PHASES].sort());
    for (const p of paths) {
      checkInvariants(p.state);
      for (const step of p.steps) checkInvariants(step.state);
    }
  });

  it('getSimplePaths (bounded) reaches every phase state with spec.paused both ways; invariants hold', () => {
    const paths = getSimplePaths(cyclingLogic(), {
      events,
      input: { namespace: 'default', name: 'demo' },
      serializeState,
      limit: 5_000,
    });
    expect(paths.length).toBeGreaterThan(PHASES.length);
    const seen = new Set(
      paths.map((p) => `${String(p.state.value)}/${p.state.context.specPaused}`),
    );
    for (const phase of PHASES) {
      expect(seen.has(`${phase}/false`), phase).toBe(true);
      expect(seen.has(`${phase}/true`), phase).toBe(true);
    }
    for (const p of paths) checkInvariants(p.state);
  });

  it('the unprovided machine has the four phase states plus the transient router', () => {
    expect(Object.keys(rolloutMachine.config.states ?? {}).sort()).toEqual(
      ['Degraded', 'Healthy', 'Paused', 'Progressing', 'route'].sort(),
    );
  });
});

describe('rolloutLogic: one built logic, ports from each actor input', () => {
  it('two actors of the same logic reach their own ports', () => {
    const clock = createVirtualClock(0);
    const a = fakePorts({ phase: 'Paused' });
    const b = fakePorts({ phase: 'Healthy' });
    const actorA = createActor(rolloutLogic, {
      input: { namespace: 'default', name: 'a', ports: a.ports },
      clock,
    }).start();
    const actorB = createActor(rolloutLogic, {
      input: { namespace: 'default', name: 'b', ports: b.ports },
      clock,
    }).start();
    actorA.send({ type: 'cluster.changed' });
    actorB.send({ type: 'cluster.changed' });
    actorB.send({ type: 'cluster.changed' });
    expect([a.state.reconciles, b.state.reconciles]).toEqual([1, 2]);
    expect(tagsOf(actorA.getSnapshot())).toEqual(['Paused']);
    expect(tagsOf(actorB.getSnapshot())).toEqual(['Healthy']);
  });

  it('an actor without ports in its input fails loudly on its first reconcile', () => {
    const actor = createActor(rolloutLogic, {
      input: { namespace: 'default', name: 'x' },
      clock: createVirtualClock(0),
    });
    const errors: unknown[] = [];
    actor.subscribe({ error: (e) => errors.push(e) });
    actor.start();
    actor.send({ type: 'cluster.changed' });
    expect(String(errors[0])).toContain('the actor input has no ports');
  });
});
