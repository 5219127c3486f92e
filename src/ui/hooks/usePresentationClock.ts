/**
 * The presentation clock: while playing, requestAnimationFrame reports how much wall time passed
 * and the store turns it into virtual time (`commands.tick`). It lives only in the UI; the
 * simulation never sees wall time. Long gaps (a hidden tab) are capped so time never leaps.
 */
import { useEffect } from 'react';

/** The longest wall-time step one tick may report. */
export const MAX_FRAME_MS = 250;

/** Ticks are batched to about ten a second: CSS transitions make the motion smooth in between. */
export const TICK_EVERY_MS = 100;

/** usePresentationClock calls `tick(wallDeltaMs)` on every animation frame while `playing`. */
export function usePresentationClock(playing: boolean, tick: (wallDeltaMs: number) => void): void {
  useEffect(() => {
    if (!playing) return;
    let last: number | undefined;
    let owed = 0;
    let handle = 0;
    const loop = (now: number) => {
      if (last !== undefined) owed += Math.min(MAX_FRAME_MS, Math.max(0, now - last));
      last = now;
      if (owed >= TICK_EVERY_MS) {
        tick(owed);
        owed = 0;
      }
      handle = requestAnimationFrame(loop);
    };
    handle = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(handle);
  }, [playing, tick]);
}
