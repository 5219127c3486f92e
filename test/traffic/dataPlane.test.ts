import { describe, expect, it } from 'vitest';
import type { DataPlaneChange, ObservedSplit } from '../../src/traffic';
import { createDataPlane, INITIAL_SPLIT } from '../../src/traffic';
import { createVirtualClock } from '../../src/sim';
import { createStepClock } from './support';

const split = (canaryWeight: number, canaryHash = 'c', stableHash = 's'): ObservedSplit => ({
  canaryWeight,
  canaryHash,
  stableHash,
  additional: [],
});

describe('data plane', () => {
  it('starts with all traffic to stable', () => {
    const dp = createDataPlane({ clock: createStepClock() });
    expect(dp.observed('k')).toEqual(INITIAL_SPLIT);
    expect(dp.pendingUntil('k')).toBeUndefined();
  });

  it('queues changes so observed trails desired by exactly the delay', () => {
    const clock = createStepClock();
    const changes: DataPlaneChange[] = [];
    const dp = createDataPlane({ clock, onChange: (c) => changes.push(c) });
    dp.desire('k', split(20), 1000);
    clock.advanceBy(500);
    dp.desire('k', split(40), 1000);
    expect(dp.desired('k').canaryWeight).toBe(40);
    expect(dp.pendingUntil('k')).toBe(1500);
    clock.advanceBy(499);
    expect(dp.observed('k').canaryWeight).toBe(0);
    clock.advanceBy(1);
    expect(dp.observed('k').canaryWeight).toBe(20);
    clock.advanceBy(499);
    expect(dp.observed('k').canaryWeight).toBe(20);
    clock.advanceBy(1);
    expect(dp.observed('k').canaryWeight).toBe(40);
    expect(changes.map((c) => [c.atMs, c.split.canaryWeight])).toEqual([
      [1000, 20],
      [1500, 40],
    ]);
  });

  it('merges writes of one instant, ignores no-op writes and applies delay 0 at once', () => {
    const clock = createStepClock();
    const dp = createDataPlane({ clock });
    dp.desire('k', split(0, 'c1'), 100);
    dp.desire('k', split(20, 'c1'), 100);
    expect(clock.pending()).toBe(1);
    dp.desire('k', split(20, 'c1'), 100);
    expect(clock.pending()).toBe(1);
    dp.desire('other', split(5), 0);
    expect(dp.observed('other').canaryWeight).toBe(5);
    expect(dp.keys()).toEqual(['k', 'other']);
  });

  it("fires its change on the project's VirtualClock exactly at the deadline", () => {
    const clock = createVirtualClock();
    const seen: number[] = [];
    const dp = createDataPlane({ clock, onChange: (c) => seen.push(c.atMs) });
    const t0 = clock.now();
    dp.desire('k', split(30), 5000);
    clock.advanceBy(4999);
    expect(seen).toEqual([]);
    clock.advanceBy(1);
    expect(seen).toEqual([t0 + 5000]);
    expect(dp.observed('k').canaryWeight).toBe(30);
  });
});
