/** Helpers for store tests: drive a store until a condition holds, in virtual time only. */
import { currentFrame, selectStatusText, type Frame, type SimStore } from '../../src/store';

/** frameOf returns the frame on screen; it throws when nothing loaded. */
export function frameOf(store: SimStore): Frame {
  const frame = currentFrame(store.getState());
  if (!frame) throw new Error(`no frame: ${JSON.stringify(store.getState().error)}`);
  return frame;
}

/** untilStatus presses Next event until `pred` holds on the current frame (bounded). */
export function until(store: SimStore, pred: (frame: Frame) => boolean, limit = 200): Frame {
  for (let i = 0; i < limit; i++) {
    const frame = frameOf(store);
    if (pred(frame)) return frame;
    const before = store.getState().nextEventAt;
    if (before === null) throw new Error(`world idle before the condition held at t=${frame.t}`);
    store.getState().commands.nextEvent();
  }
  throw new Error('condition did not hold within the limit');
}

/** phaseIs builds a predicate on the first rollout's phase (and optionally step i/n). */
export function phaseIs(phase: string, step?: string): (frame: Frame) => boolean {
  return (frame) => {
    const s = selectStatusText(frame);
    return s?.phase === phase && (step === undefined || s.step === step);
  };
}
