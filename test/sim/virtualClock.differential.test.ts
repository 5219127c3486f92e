// Differential test: the same random schedule of setTimeout / clearTimeout / advance operations
// must fire the same callbacks at the same times, in the same order, on our VirtualClock and on
// @sinonjs/fake-timers' createClock(). Delays are whole milliseconds, and timers created inside
// callbacks use delays ≥ 1, avoiding the two places where the clocks deliberately differ
// (fake-timers truncates fractions and bumps a zero delay set during a tick to 1 ms).
import FakeTimers from '@sinonjs/fake-timers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/sim';

type Op =
  | { kind: 'set'; delay: number }
  | { kind: 'clear'; index: number }
  | { kind: 'advance'; ms: number };

/** What the n-th created timer does when it fires: spawn children and maybe cancel a timer. */
interface Reaction {
  spawn: number[];
  cancel: number | undefined;
}

/** Driver is the common surface of both clocks under test. */
interface Driver {
  setTimeout(fn: () => void, delay: number): unknown;
  clearTimeout(id: unknown): void;
  advance(ms: number): number;
  drain(): number;
  now(): number;
  pending(): number;
}

const MAX_TIMERS = 300;

function run(driver: Driver, ops: readonly Op[], reactions: readonly Reaction[]): string[] {
  const log: string[] = [];
  const handles: unknown[] = [];
  const schedule = (delay: number): void => {
    const label = handles.length;
    const reaction = reactions[label % reactions.length];
    handles.push(
      driver.setTimeout(() => {
        log.push(`#${label}@${driver.now()}`);
        if (handles.length < MAX_TIMERS) reaction.spawn.forEach(schedule);
        if (reaction.cancel !== undefined) {
          driver.clearTimeout(handles[reaction.cancel % handles.length]);
        }
      }, delay),
    );
  };
  for (const op of ops) {
    if (op.kind === 'set') schedule(op.delay);
    else if (op.kind === 'clear') {
      if (handles.length > 0) driver.clearTimeout(handles[op.index % handles.length]);
    } else log.push(`advance ${op.ms} -> ${driver.advance(op.ms)} pending ${driver.pending()}`);
  }
  log.push(`drain -> ${driver.drain()}`);
  return log;
}

function virtualDriver(): Driver {
  const clock = createVirtualClock(0);
  return {
    setTimeout: (fn, delay) => clock.setTimeout(fn, delay),
    clearTimeout: (id) => clock.clearTimeout(id),
    advance: (ms) => clock.advanceBy(ms),
    drain: () => clock.runUntilIdle({ limit: 10_000 }),
    now: () => clock.now(),
    pending: () => clock.pendingCount(),
  };
}

function fakeTimersDriver(): Driver {
  const clock = FakeTimers.createClock(0, 10_000);
  return {
    setTimeout: (fn, delay) => clock.setTimeout(fn, delay),
    clearTimeout: (id) => clock.clearTimeout(id as ReturnType<typeof clock.setTimeout>),
    advance: (ms) => clock.tick(ms),
    drain: () => clock.runAll(),
    now: () => clock.now,
    pending: () => clock.countTimers(),
  };
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set'), delay: fc.nat(120) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear'), index: fc.nat(200) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance'), ms: fc.nat(150) }) },
);

const reactionArb: fc.Arbitrary<Reaction> = fc.record({
  spawn: fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 2 }),
  cancel: fc.option(fc.nat(200), { nil: undefined }),
});

describe('VirtualClock vs @sinonjs/fake-timers', () => {
  it('fires the same timers at the same times in the same order (fast-check seed 42)', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        fc.array(reactionArb, { minLength: 1, maxLength: 12 }),
        (ops, reactions) => {
          const ours = run(virtualDriver(), ops, reactions);
          const theirs = run(fakeTimersDriver(), ops, reactions);
          expect(ours).toEqual(theirs);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('agrees on a hand-written schedule with ties and nested timers', () => {
    const ops: Op[] = [
      { kind: 'set', delay: 10 },
      { kind: 'set', delay: 10 },
      { kind: 'set', delay: 0 },
      { kind: 'advance', ms: 5 },
      { kind: 'clear', index: 1 },
      { kind: 'advance', ms: 100 },
    ];
    const reactions: Reaction[] = [{ spawn: [3, 3], cancel: undefined }];
    const ours = run(virtualDriver(), ops, reactions);
    expect(ours).toEqual(run(fakeTimersDriver(), ops, reactions));
    expect(ours.slice(0, 4)).toEqual(['#2@0', '#3@3', '#4@3', 'advance 5 -> 5 pending 6']);
  });
});
