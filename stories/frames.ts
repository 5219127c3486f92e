/**
 * Frames recorded from simulations/ for the stories: each story shows what the sandbox shows at
 * a named moment of a scenario, computed by the real store (never hand-written objects).
 */
import { createSimStore, selectStatusText, type Frame, type SimStore } from '../src/store';

/** record loads `scenario`, runs `setup`, then presses Next event until `until` holds. */
export function record(
  scenario: string,
  until: (frame: Frame) => boolean,
  setup?: (store: SimStore) => void,
): Frame {
  const store = createSimStore({ scenario });
  setup?.(store);
  for (let i = 0; i < 300; i++) {
    const s = store.getState();
    const frame = s.frames[s.cursor];
    if (frame && until(frame)) return frame;
    s.commands.nextEvent();
  }
  throw new Error(`${scenario}: the frame never came`);
}

/** at builds a predicate on the first rollout's phase (and step i/n). */
export const at =
  (phase: string, step?: string) =>
  (frame: Frame): boolean => {
    const s = selectStatusText(frame);
    return s?.phase === phase && (step === undefined || s.step === step);
  };

/** Named moments, computed once per Storybook load. */
export const FRAMES = {
  /** blue-to-yellow just after the image change: the yellow pod is starting. */
  canaryStarting: record('blue-to-yellow', () => true),
  /** blue-to-yellow at the 20% pause (`pause: {}`). */
  pausedAt20: record('blue-to-yellow', at('Paused', '1/8')),
  /** blue-to-yellow at the 40% timed pause, three seconds in. */
  timedPause: record('blue-to-yellow', at('Paused', '3/8'), (store) => {
    const c = store.getState().commands;
    for (let i = 0; i < 20 && !at('Paused', '1/8')(store.getState().frames.at(-1)!); i++)
      c.nextEvent();
    c.promote();
  }),
  /** blue-to-yellow finished. */
  healthy: record('blue-to-yellow', at('Healthy', '8/8'), (store) =>
    store.getState().commands.setAutoplay(true),
  ),
  /** abort-retry after Abort. */
  aborted: record('abort-retry', at('Degraded'), (store) => {
    const c = store.getState().commands;
    for (let i = 0; i < 20 && !at('Paused')(store.getState().frames.at(-1)!); i++) c.nextEvent();
    c.abort();
  }),
  /** bluegreen-preview paused with green behind the preview service. */
  blueGreenPreview: record('bluegreen-preview', at('Paused')),
  /** canary-nginx at its first pause: router weights. */
  nginxPaused: record('canary-nginx', at('Paused', '1/4')),
  /** bad-image-degraded: the new pod cannot pull its image. */
  badImage: record('bad-image-degraded', at('Degraded')),
};
