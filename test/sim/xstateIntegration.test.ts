// The VirtualClock drives XState's scheduler: `after` transitions and delayed events fire at
// exactly their virtual deadline, chained delays step within one advance, and cancelled delayed
// events never fire.
import { describe, expect, it } from 'vitest';
import { cancel, createActor, raise, setup } from 'xstate';
import { createVirtualClock } from '../../src/sim';
import type { VirtualClock } from '../../src/sim';

function createPipeline(clock: VirtualClock) {
  const entered: string[] = [];
  const note = (name: string) => () => entered.push(`${name}@${clock.now()}`);
  const machine = setup({}).createMachine({
    id: 'pipeline',
    initial: 'paused',
    states: {
      paused: { entry: note('paused'), after: { 1000: 'progressing' } },
      progressing: {
        entry: note('progressing'),
        initial: 'scaling',
        // A parent deadline racing its children's: the child path finishes first.
        after: { 10_000: '.timedOut' },
        states: {
          scaling: { entry: note('scaling'), after: { 500: 'analysing' } },
          analysing: { entry: note('analysing'), after: { 250: '#pipeline.healthy' } },
          timedOut: { entry: note('timedOut') },
        },
      },
      healthy: { entry: note('healthy'), type: 'final' },
    },
  });
  return { machine, entered };
}

describe('VirtualClock as the XState actor clock', () => {
  it('fires `after: { 1000 }` at 1000 and not at 999', () => {
    const clock = createVirtualClock();
    const { machine } = createPipeline(clock);
    const actor = createActor(machine, { clock }).start();
    expect(actor.getSnapshot().value).toBe('paused');
    clock.advanceBy(999);
    expect(actor.getSnapshot().value).toBe('paused');
    clock.advanceBy(1);
    expect(actor.getSnapshot().value).toEqual({ progressing: 'scaling' });
    actor.stop();
  });

  it('steps nested `after` delays at their own deadlines within one advanceBy', () => {
    const clock = createVirtualClock();
    const { machine, entered } = createPipeline(clock);
    const actor = createActor(machine, { clock }).start();
    clock.advanceBy(60_000);
    expect(actor.getSnapshot().status).toBe('done');
    expect(entered).toEqual([
      'paused@0',
      'progressing@1000',
      'scaling@1000',
      'analysing@1500',
      'healthy@1750',
    ]);
    // Leaving `progressing` cancelled its 10 s timeout through clock.clearTimeout.
    expect(clock.pendingCount()).toBe(0);
  });

  it('peekNextDueAt follows the statechart, so "skip to next event" works', () => {
    const clock = createVirtualClock();
    const { machine } = createPipeline(clock);
    const actor = createActor(machine, { clock }).start();
    expect(clock.peekNextDueAt()).toBe(1000);
    clock.next();
    expect(actor.getSnapshot().value).toEqual({ progressing: 'scaling' });
    expect(clock.peekNextDueAt()).toBe(1500);
    clock.runUntilIdle();
    expect(actor.getSnapshot().value).toBe('healthy');
    expect(clock.now()).toBe(1750);
  });

  it('never fires a delayed event that was cancelled', () => {
    const clock = createVirtualClock();
    const machine = setup({
      types: { events: {} as { type: 'tick' } | { type: 'user.promote' } },
    }).createMachine({
      initial: 'waiting',
      states: {
        waiting: {
          entry: raise({ type: 'tick' }, { id: 'pauseTimer', delay: 30_000 }),
          on: {
            tick: 'expired',
            'user.promote': { target: 'promoted', actions: cancel('pauseTimer') },
          },
        },
        expired: {},
        promoted: {},
      },
    });
    const actor = createActor(machine, { clock }).start();
    clock.advanceBy(10_000);
    actor.send({ type: 'user.promote' });
    clock.advanceBy(60_000);
    expect(actor.getSnapshot().value).toBe('promoted');
    expect(clock.pendingCount()).toBe(0);
  });

  it('computes named delays from a virtual deadline kept in context', () => {
    const clock = createVirtualClock(5_000);
    const machine = setup({
      types: { context: {} as { deadline: number } },
      delays: { untilDeadline: ({ context }) => context.deadline - clock.now() },
    }).createMachine({
      context: { deadline: 65_000 },
      initial: 'paused',
      states: { paused: { after: { untilDeadline: 'done' } }, done: {} },
    });
    const actor = createActor(machine, { clock }).start();
    clock.advanceTo(64_999);
    expect(actor.getSnapshot().value).toBe('paused');
    clock.advanceTo(65_000);
    expect(actor.getSnapshot().value).toBe('done');
  });
});
