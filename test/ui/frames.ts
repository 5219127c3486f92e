/** Frames recorded from simulations/ for component tests (the same way stories get theirs). */
import { createSimStore, selectStatusText, type Frame } from '../../src/store';

/** recordUntil loads a scenario and presses Next event until `pred` holds; returns that frame. */
export function recordUntil(
  scenario: string,
  pred: (frame: Frame) => boolean,
  before?: (store: ReturnType<typeof createSimStore>) => void,
): Frame {
  const store = createSimStore({ scenario });
  before?.(store);
  for (let i = 0; i < 300; i++) {
    const s = store.getState();
    const frame = s.frames[s.cursor];
    if (frame && pred(frame)) return frame;
    s.commands.nextEvent();
  }
  throw new Error(`${scenario}: condition never held`);
}

/** phase builds a predicate on the first rollout's phase and step. */
export const phase =
  (p: string, step?: string) =>
  (frame: Frame): boolean => {
    const s = selectStatusText(frame);
    return s?.phase === p && (step === undefined || s.step === step);
  };

/** The blue-to-yellow frame at the 20% pause. */
export const pausedAt20 = (): Frame => recordUntil('blue-to-yellow', phase('Paused', '1/8'));
