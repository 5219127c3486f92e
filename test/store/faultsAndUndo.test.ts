import { describe, expect, it } from 'vitest';
import { createSimStore, selectStatusText, selectUndoTargets } from '../../src/store';
import { frameOf, phaseIs, until } from './support';

describe('fault sliders (setFault)', () => {
  it('starts from the scenario versions and changes an image behaviour at once', () => {
    const store = createSimStore({ scenario: 'canary-analysis-rollback' });
    const { faults } = store.getState();
    expect(faults['argoproj/rollouts-demo:red']).toEqual({ errorRate: 0.2, latencyMs: 60 });
    store.getState().commands.setFault('argoproj/rollouts-demo:red', { errorRate: 0 });
    expect(store.getState().faults['argoproj/rollouts-demo:red']).toEqual({
      errorRate: 0,
      latencyMs: 60,
    });
  });

  it('a healed canary passes the background analysis that would have failed it', () => {
    const store = createSimStore({ scenario: 'canary-analysis-rollback' });
    store.getState().commands.setFault('argoproj/rollouts-demo:red', { errorRate: 0 });
    store.getState().commands.tick(60_000);
    // Without the fix the run fails by 22 s and the rollout aborts (simulations/canary-analysis-rollback.yaml).
    expect(selectStatusText(frameOf(store))?.phase).not.toBe('Degraded');
  });

  it('clamps to 0..1 and at least 1 ms', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    store
      .getState()
      .commands.setFault('argoproj/rollouts-demo:yellow', { errorRate: 3, latencyMs: -5 });
    expect(store.getState().faults['argoproj/rollouts-demo:yellow']).toEqual({
      errorRate: 1,
      latencyMs: 1,
    });
  });
});

describe('undo to a revision', () => {
  it('offers the revisions other than the current one and rolls back to the chosen one', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    expect(selectUndoTargets(frameOf(store))).toEqual([
      { revision: 1, image: 'argoproj/rollouts-demo:blue' },
    ]);
    store.getState().commands.undo(1);
    // Rolling back to the stable template is a fast rollback: the steps are skipped.
    until(store, (f) => selectStatusText(f)?.phase === 'Healthy');
    expect(selectStatusText(frameOf(store))?.images).toEqual(['argoproj/rollouts-demo:blue']);
  });
});
