/**
 * VirtualClock: the one deterministic time source of a simulated world, shared by XState actors
 * (it implements XState's `Clock`), the fake cluster, routers and metric providers.
 * Counterparts: @sinonjs/fake-timers `tick` (stepping, loop limit, error collection), SIM.JS `PQueue`.
 * Rule: time moves only when a caller steps it; nothing here reads wall time.
 */
import { ms } from './units';
import type { VirtualMs } from './units';

/** TimerId is the handle `setTimeout` returns; ids start at 1, so a handle is always truthy. */
export type TimerId = number;

/**
 * Clock is the timer interface XState's actor system schedules delayed events on.
 * It is declared here, structurally compatible with `import('xstate').Clock`, so that src/sim
 * stays a leaf with no external imports.
 */
export interface Clock {
  /** setTimeout schedules `fn` to run `timeout` virtual milliseconds from now. */
  setTimeout(fn: () => void, timeout: number): TimerId;
  /** clearTimeout cancels a pending timer; unknown or already fired ids are ignored. */
  clearTimeout(id: unknown): void;
}

/** VirtualClockOptions tunes the safety nets of {@link createVirtualClock}. */
export interface VirtualClockOptions {
  /**
   * sameInstantLimit caps how many callbacks one step may fire at a single instant. A callback
   * that re-schedules itself with delay 0 never lets time move on, so without this cap
   * `advanceBy` would hang instead of failing. Defaults to 10 000.
   */
  sameInstantLimit?: number;
}

/** RunUntilIdleOptions configures {@link VirtualClock.runUntilIdle}. */
export interface RunUntilIdleOptions {
  /**
   * limit is the maximum number of steps (distinct instants, as taken by `next()`) to take
   * before giving up with an error. Defaults to 1000, fake-timers' `loopLimit`.
   */
  limit?: number;
}

/**
 * VirtualClock is a stepping discrete-event clock. Timers fire in `(dueAt, seq)` order, where
 * `seq` is a global insertion counter, so equal deadlines fire in the order they were set.
 */
export interface VirtualClock extends Clock {
  /** now returns the current virtual time. */
  now(): VirtualMs;
  /**
   * advanceBy steps the clock forward by `deltaMs`, firing every timer due up to and including
   * `now + deltaMs` (see {@link VirtualClock.advanceTo}). Returns the new `now`.
   */
  advanceBy(deltaMs: number): VirtualMs;
  /**
   * advanceTo steps the clock to `targetMs`: while the earliest pending timer is due at or before
   * the target, it sets `now` to that timer's deadline and fires it. Timers created by callbacks
   * take part in the same advance. Finally `now` becomes `targetMs`. Errors thrown by callbacks do
   * not stop the step; the first one is re-thrown once the step has completed. Returns the new `now`.
   */
  advanceTo(targetMs: number): VirtualMs;
  /**
   * next jumps to the earliest pending deadline and fires everything due at that instant,
   * including zero-delay timers those callbacks create. Returns whether anything fired.
   */
  next(): boolean;
  /** peekNextDueAt returns the earliest pending deadline, or undefined when no timer is pending. */
  peekNextDueAt(): VirtualMs | undefined;
  /**
   * runUntilIdle calls `next()` until no timer is pending and returns the final `now`.
   * It throws when `limit` steps were taken and timers are still pending (a timer loop).
   */
  runUntilIdle(options?: RunUntilIdleOptions): VirtualMs;
  /** pendingCount returns the number of timers scheduled and neither fired nor cancelled. */
  pendingCount(): number;
}

/** One scheduled callback; `cancelled` marks entries left in the heap for lazy removal. */
interface TimerEntry {
  readonly id: TimerId;
  readonly dueAt: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** isBefore is the heap's total order: earlier deadline first, then earlier insertion. */
function isBefore(a: TimerEntry, b: TimerEntry): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}

const DEFAULT_SAME_INSTANT_LIMIT = 10_000;
const DEFAULT_RUN_LIMIT = 1000;
/** Compaction threshold: below this heap size lazily skipped entries cost nothing worth saving. */
const COMPACT_MIN_HEAP = 64;

/**
 * createVirtualClock returns a {@link VirtualClock} whose time starts at `startMs`.
 *
 * A timer set with a delay ≤ 0 or NaN is due at `now`: it fires on the next step (`advanceBy(0)`
 * or `next()`), never synchronously inside `setTimeout`. Fractional delays are kept exactly (fake
 * timers truncates them). A zero delay set from inside a callback stays at the current instant
 * (fake-timers bumps it to +1 ms).
 *
 * @example
 * const clock = createVirtualClock();
 * clock.setTimeout(() => console.log(clock.now()), 60_000);
 * clock.advanceBy(59_999); // nothing fires
 * clock.advanceBy(1); // logs 60000
 */
export function createVirtualClock(startMs = 0, options: VirtualClockOptions = {}): VirtualClock {
  if (!Number.isFinite(startMs)) {
    throw new RangeError(`createVirtualClock: startMs must be finite, got ${startMs}`);
  }
  const sameInstantLimit = options.sameInstantLimit ?? DEFAULT_SAME_INSTANT_LIMIT;

  let current = startMs;
  let nextSeq = 1;
  let stepping = false;
  // Two structures, as in fake-timers: the heap gives the order, the map gives O(1) cancel and
  // the authoritative "is it still pending" answer. Cancelled entries stay in the heap, flagged,
  // and are skipped when they surface (SIM.JS); `cancelledInHeap` triggers a rebuild when they
  // outnumber live ones, so a cancel-heavy workload cannot grow the heap without bound.
  let heap: TimerEntry[] = [];
  const live = new Map<TimerId, TimerEntry>();
  let cancelledInHeap = 0;

  function siftUp(index: number): void {
    const entry = heap[index];
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!isBefore(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  function siftDown(index: number): void {
    const n = heap.length;
    const entry = heap[index];
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && isBefore(heap[right], heap[left]) ? right : left;
      const c = heap[child];
      if (!isBefore(c, entry)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = entry;
  }

  function popTop(): void {
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      siftDown(0);
    }
  }

  /** peekLive drops cancelled entries from the top and returns the earliest live one. */
  function peekLive(): TimerEntry | undefined {
    while (heap.length > 0 && heap[0].cancelled) {
      popTop();
      cancelledInHeap--;
    }
    return heap.length > 0 ? heap[0] : undefined;
  }

  function compact(): void {
    heap = heap.filter((entry) => !entry.cancelled);
    cancelledInHeap = 0;
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  }

  function assertNotStepping(method: string): void {
    if (stepping) {
      throw new Error(
        `VirtualClock.${method}: called from inside a timer callback; time may only be stepped ` +
          'from outside the simulation (schedule a timer instead)',
      );
    }
  }

  /** stepTo is the single stepping loop behind advanceBy, advanceTo and next. */
  function stepTo(target: number): VirtualMs {
    stepping = true;
    let failed = false;
    let firstError: unknown;
    let instant = Number.NaN;
    let firedAtInstant = 0;
    try {
      for (;;) {
        const top = peekLive();
        if (top === undefined || top.dueAt > target) break;
        popTop();
        live.delete(top.id);
        if (top.dueAt === instant) {
          firedAtInstant++;
          if (firedAtInstant > sameInstantLimit) {
            throw new Error(
              `VirtualClock: more than ${sameInstantLimit} timers fired at t=${instant}; ` +
                'a callback is probably re-scheduling itself with delay 0',
            );
          }
        } else {
          instant = top.dueAt;
          firedAtInstant = 1;
        }
        current = top.dueAt;
        try {
          top.fn();
        } catch (error) {
          // Keep stepping: the other timers due in this range are independent of the failing
          // one, and stopping half-way would leave the world at an instant nobody asked for.
          if (!failed) {
            failed = true;
            firstError = error;
          }
        }
      }
      current = target;
    } finally {
      stepping = false;
    }
    if (failed) throw firstError;
    return ms(current);
  }

  const clock: VirtualClock = {
    setTimeout(fn, timeout) {
      if (typeof fn !== 'function') {
        throw new TypeError('VirtualClock.setTimeout: callback must be a function');
      }
      // Like browsers and fake-timers, a missing or NaN delay means "as soon as possible".
      const delay =
        typeof timeout !== 'number' || Number.isNaN(timeout) || timeout <= 0 ? 0 : timeout;
      if (!Number.isFinite(delay)) {
        throw new RangeError(`VirtualClock.setTimeout: delay must be finite, got ${timeout}`);
      }
      const seq = nextSeq++;
      const entry: TimerEntry = { id: seq, dueAt: current + delay, seq, fn, cancelled: false };
      live.set(entry.id, entry);
      heap.push(entry);
      siftUp(heap.length - 1);
      return entry.id;
    },

    clearTimeout(id) {
      if (typeof id !== 'number') return;
      const entry = live.get(id);
      if (entry === undefined) return;
      live.delete(id);
      entry.cancelled = true;
      cancelledInHeap++;
      if (heap.length > COMPACT_MIN_HEAP && cancelledInHeap * 2 > heap.length) compact();
    },

    now: () => ms(current),

    advanceBy(deltaMs) {
      assertNotStepping('advanceBy');
      if (!Number.isFinite(deltaMs) || deltaMs < 0) {
        throw new RangeError(`VirtualClock.advanceBy: expected a finite ms ≥ 0, got ${deltaMs}`);
      }
      return stepTo(current + deltaMs);
    },

    advanceTo(targetMs) {
      assertNotStepping('advanceTo');
      if (!Number.isFinite(targetMs) || targetMs < current) {
        throw new RangeError(
          `VirtualClock.advanceTo: target ${targetMs} must be finite and ≥ now (${current})`,
        );
      }
      return stepTo(targetMs);
    },

    next() {
      assertNotStepping('next');
      const top = peekLive();
      if (top === undefined) return false;
      stepTo(top.dueAt);
      return true;
    },

    peekNextDueAt() {
      const top = peekLive();
      return top === undefined ? undefined : ms(top.dueAt);
    },

    runUntilIdle({ limit = DEFAULT_RUN_LIMIT } = {}) {
      assertNotStepping('runUntilIdle');
      for (let i = 0; i < limit; i++) {
        if (!clock.next()) return ms(current);
      }
      if (live.size === 0) return ms(current);
      throw new Error(
        `VirtualClock.runUntilIdle: aborted after ${limit} steps at t=${current} with ` +
          `${live.size} timer(s) still pending (next due at ${clock.peekNextDueAt()}); ` +
          'a timer probably re-schedules itself forever. Raise `limit` if the schedule is finite.',
      );
    },

    pendingCount: () => live.size,
  };
  return clock;
}
