import { describe, expect, it } from 'vitest';
import type { ActorOptions, AnyActorLogic } from 'xstate';
import { createVirtualClock } from '../../src/sim';
import type { Clock } from '../../src/sim';

/** XState does not export `Clock` by name; this is the type `createActor` accepts. */
type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/** schedule records `label@now` into `log` when the timer fires. */
function recorder(clock: Clock & { now(): number }) {
  const log: string[] = [];
  const at = (label: string, delay: number, then?: () => void) =>
    clock.setTimeout(() => {
      log.push(`${label}@${clock.now()}`);
      then?.();
    }, delay);
  return { log, at };
}

describe('VirtualClock', () => {
  it('is assignable to and from the xstate Clock interface', () => {
    const ours: XStateClock = createVirtualClock();
    const back: Clock = ours;
    expect(typeof back.setTimeout).toBe('function');
  });

  it('starts at startMs and reports it', () => {
    expect(createVirtualClock().now()).toBe(0);
    expect(createVirtualClock(1_000).now()).toBe(1_000);
  });

  it('fires by due time, then by insertion order', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    at('c', 30);
    at('a', 10);
    at('b1', 20);
    at('b2', 20);
    at('b3', 20);
    clock.advanceBy(100);
    expect(log).toEqual(['a@10', 'b1@20', 'b2@20', 'b3@20', 'c@30']);
    expect(clock.now()).toBe(100);
  });

  it('checks both sides of a deadline', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    at('pause', 60_000);
    clock.advanceBy(59_999);
    expect(log).toEqual([]);
    expect(clock.pendingCount()).toBe(1);
    clock.advanceBy(1);
    expect(log).toEqual(['pause@60000']);
    expect(clock.pendingCount()).toBe(0);
  });

  it('sets now to each deadline while stepping, then to the target', () => {
    const clock = createVirtualClock(5);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 10);
    clock.setTimeout(() => seen.push(clock.now()), 25);
    expect(clock.advanceTo(100)).toBe(100);
    expect(seen).toEqual([15, 30]);
  });

  it('lets timers scheduled inside callbacks take part in the same advance', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    at('outer', 100, () => {
      at('inner+50', 50, () => at('innermost+50', 50));
      at('inner+0', 0);
      at('beyond', 1_000);
    });
    clock.advanceBy(200);
    expect(log).toEqual(['outer@100', 'inner+0@100', 'inner+50@150', 'innermost+50@200']);
    expect(clock.pendingCount()).toBe(1);
    expect(clock.peekNextDueAt()).toBe(1_100);
  });

  it('treats delays ≤ 0 and NaN as due now, firing on the next step and not synchronously', () => {
    const clock = createVirtualClock(50);
    const { log, at } = recorder(clock);
    at('zero', 0);
    at('negative', -10);
    at('nan', Number.NaN);
    at('missing', undefined as unknown as number);
    expect(log).toEqual([]);
    expect(clock.peekNextDueAt()).toBe(50);
    clock.advanceBy(0);
    expect(log).toEqual(['zero@50', 'negative@50', 'nan@50', 'missing@50']);
  });

  it('keeps fractional delays exactly', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    at('half', 0.5);
    clock.advanceBy(0.25);
    expect(log).toEqual([]);
    clock.advanceBy(0.25);
    expect(log).toEqual(['half@0.5']);
  });

  it('cancels pending timers and ignores unknown, fired or repeated ids', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    const a = at('a', 10);
    at('b', 20);
    clock.clearTimeout(a);
    clock.clearTimeout(a);
    clock.clearTimeout(999);
    clock.clearTimeout(undefined);
    clock.clearTimeout('1');
    expect(clock.pendingCount()).toBe(1);
    expect(clock.peekNextDueAt()).toBe(20);
    clock.advanceBy(30);
    expect(log).toEqual(['b@20']);
    clock.clearTimeout(a);
    expect(clock.pendingCount()).toBe(0);
  });

  it('honours a cancel made by a same-instant timer that fires first', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    let victim = 0;
    at('killer', 100, () => clock.clearTimeout(victim));
    victim = at('victim', 100);
    at('bystander', 100);
    clock.advanceBy(100);
    expect(log).toEqual(['killer@100', 'bystander@100']);
    expect(clock.pendingCount()).toBe(0);
  });

  it('returns distinct truthy ids', () => {
    const clock = createVirtualClock();
    const ids = [0, 1, 2].map(() => clock.setTimeout(() => {}, 5));
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id > 0)).toBe(true);
  });

  it('next() fires everything due at the next instant, and only that', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    at('a1', 10, () => at('a1-zero', 0));
    at('a2', 10);
    at('b', 20);
    expect(clock.next()).toBe(true);
    expect(log).toEqual(['a1@10', 'a2@10', 'a1-zero@10']);
    expect(clock.now()).toBe(10);
    expect(clock.next()).toBe(true);
    expect(log.at(-1)).toBe('b@20');
    expect(clock.next()).toBe(false);
    expect(clock.now()).toBe(20);
  });

  it('peekNextDueAt skips cancelled timers and is undefined when idle', () => {
    const clock = createVirtualClock();
    expect(clock.peekNextDueAt()).toBeUndefined();
    const first = clock.setTimeout(() => {}, 5);
    clock.setTimeout(() => {}, 9);
    expect(clock.peekNextDueAt()).toBe(5);
    clock.clearTimeout(first);
    expect(clock.peekNextDueAt()).toBe(9);
    clock.runUntilIdle();
    expect(clock.peekNextDueAt()).toBeUndefined();
  });

  it('runUntilIdle drains a finite schedule and returns the final time', () => {
    const clock = createVirtualClock();
    let n = 0;
    const tick = () => {
      n++;
      if (n < 10) clock.setTimeout(tick, 1_000);
    };
    clock.setTimeout(tick, 1_000);
    expect(clock.runUntilIdle()).toBe(10_000);
    expect(n).toBe(10);
  });

  it('runUntilIdle throws a clear error when the loop limit is hit', () => {
    const clock = createVirtualClock();
    const forever = () => clock.setTimeout(forever, 1_000);
    forever();
    expect(() => clock.runUntilIdle({ limit: 50 })).toThrow(
      /aborted after 50 steps at t=50000 with 1 timer\(s\) still pending/,
    );
    expect(clock.now()).toBe(50_000);
  });

  it('runUntilIdle succeeds when the schedule needs exactly `limit` steps', () => {
    const clock = createVirtualClock();
    for (let i = 1; i <= 5; i++) clock.setTimeout(() => {}, i);
    expect(clock.runUntilIdle({ limit: 5 })).toBe(5);
  });

  it('stops a zero-delay self-rescheduling loop instead of hanging', () => {
    const clock = createVirtualClock(0, { sameInstantLimit: 100 });
    const spin = () => clock.setTimeout(spin, 0);
    spin();
    expect(() => clock.advanceBy(10)).toThrow(/more than 100 timers fired at t=0/);
  });

  it('collects callback errors, keeps stepping, and rethrows the first after the step', () => {
    const clock = createVirtualClock();
    const { log, at } = recorder(clock);
    const first = new Error('first');
    clock.setTimeout(() => {
      throw first;
    }, 10);
    at('between', 15);
    clock.setTimeout(() => {
      throw new Error('second');
    }, 20);
    at('after', 30);
    expect(() => clock.advanceBy(100)).toThrow(first);
    expect(log).toEqual(['between@15', 'after@30']);
    expect(clock.now()).toBe(100);
    expect(clock.pendingCount()).toBe(0);
    // The clock is usable after an error.
    at('later', 1);
    clock.advanceBy(1);
    expect(log.at(-1)).toBe('later@101');
  });

  it('rethrows callback errors from next()', () => {
    const clock = createVirtualClock();
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 10);
    expect(() => clock.next()).toThrow('boom');
    expect(clock.now()).toBe(10);
  });

  it('refuses to step from inside a callback', () => {
    const clock = createVirtualClock();
    clock.setTimeout(() => clock.advanceBy(5), 10);
    expect(() => clock.advanceBy(10)).toThrow(/called from inside a timer callback/);
  });

  it('rejects invalid arguments', () => {
    const clock = createVirtualClock(10);
    expect(() => clock.advanceBy(-1)).toThrow(RangeError);
    expect(() => clock.advanceBy(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advanceTo(9)).toThrow(RangeError);
    expect(() => clock.setTimeout(() => {}, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => clock.setTimeout(undefined as unknown as () => void, 1)).toThrow(TypeError);
    expect(() => createVirtualClock(Number.NaN)).toThrow(RangeError);
  });

  it('stays correct under heavy cancellation (heap compaction)', () => {
    const clock = createVirtualClock();
    const fired: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 1_000; i++) ids.push(clock.setTimeout(() => fired.push(i), 1_000 - i));
    ids.forEach((id, i) => {
      if (i % 10 !== 0) clock.clearTimeout(id);
    });
    expect(clock.pendingCount()).toBe(100);
    clock.runUntilIdle();
    const expected = Array.from({ length: 100 }, (_, k) => 990 - 10 * k);
    expect(fired).toEqual(expected);
  });
});
