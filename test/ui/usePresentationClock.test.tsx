// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePresentationClock } from '../../src/ui/hooks/usePresentationClock';

function Clock({ playing, tick }: { playing: boolean; tick: (ms: number) => void }) {
  usePresentationClock(playing, tick);
  return null;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('usePresentationClock', () => {
  it('reports wall time from animation frames in ~100 ms batches, capped per frame, only while playing', () => {
    const callbacks = new Map<number, FrameRequestCallback>();
    let id = 0;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      callbacks.set(++id, cb);
      return id;
    });
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => callbacks.delete(handle));
    const tick = vi.fn();
    const { rerender } = render(<Clock playing tick={tick} />);
    const frame = (now: number) => {
      const [[handle, cb] = [0, undefined]] = callbacks;
      callbacks.delete(handle);
      cb?.(now);
    };
    frame(0);
    frame(16);
    frame(32);
    expect(tick).not.toHaveBeenCalled();
    frame(112);
    expect(tick).toHaveBeenCalledWith(112);
    frame(5_000); // a hidden tab: capped
    expect(tick).toHaveBeenLastCalledWith(250);
    rerender(<Clock playing={false} tick={tick} />);
    const calls = tick.mock.calls.length;
    frame(6_000);
    expect(tick.mock.calls.length).toBe(calls);
  });
});
