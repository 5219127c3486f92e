import { describe, expect, it } from 'vitest';
import { createSimStore, selectPodsByRevision, selectStatusText, SCENARIOS } from '../../src/store';
import { frameOf, phaseIs, until } from './support';

describe('createSimStore', () => {
  it('bundles every simulations/*.yaml', () => {
    expect(SCENARIOS.map((s) => s.name)).toContain('blue-to-yellow');
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(9);
  });

  it('loads blue-to-yellow: initial deploy settled, the image change already applied', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    const state = store.getState();
    expect(state.error).toBeNull();
    expect(state.scenario?.title).toBe('Canary: blue to yellow');
    expect(state.scenario?.images).toEqual([
      'argoproj/rollouts-demo:blue',
      'argoproj/rollouts-demo:yellow',
    ]);
    const status = selectStatusText(frameOf(store));
    expect(status?.phase).toBe('Progressing');
    expect(status?.images).toEqual(['argoproj/rollouts-demo:yellow']);
    expect(state.frames[0].t).toBe(0);
    expect(state.suggestion).toEqual({ kind: 'time', stepIndex: 2 });
    expect(state.playback).toEqual({ playing: false, speed: 1, autoplay: false });
  });

  it('suggests Promote at the 20% pause and does not promote by itself', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    expect(store.getState().suggestion).toEqual({
      kind: 'action',
      action: 'promote',
      stepIndex: 4,
    });
    // Time passes; the script does not press Promote for you.
    store.getState().commands.tick(60_000);
    expect(selectStatusText(frameOf(store))?.phase).toBe('Paused');
  });

  it('promote → Healthy via nextEvent, then the script is done', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    store.getState().commands.promote();
    expect(store.getState().suggestion?.kind).toBe('time');
    const frame = until(store, phaseIs('Healthy'));
    expect(selectStatusText(frame)).toMatchObject({
      step: '8/8',
      setWeight: '100',
      actualWeight: '100',
    });
    expect(store.getState().suggestion).toEqual({ kind: 'done' });
    const groups = selectPodsByRevision(frame);
    expect(groups[0].pods.map((p) => p.image)).toEqual(
      Array(5).fill('argoproj/rollouts-demo:yellow'),
    );
  });

  it('promote → Healthy via tick at 10× speed', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    const { commands } = store.getState();
    commands.promote();
    commands.setSpeed(10);
    for (let i = 0; i < 100 && selectStatusText(frameOf(store))?.phase !== 'Healthy'; i++)
      commands.tick(100);
    expect(selectStatusText(frameOf(store))?.phase).toBe('Healthy');
    // 100 ticks × 100 ms × 10 would be 100 s; Healthy comes at ~42 s of virtual time.
    expect(frameOf(store).t).toBeLessThan(60_000);
  });

  it('scrubTo shows an older frame without changing the world', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    const { frames } = store.getState();
    const live = frames.length - 1;
    store.getState().commands.scrubTo(0);
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().frames).toBe(frames);
    expect(selectStatusText(frameOf(store))?.phase).toBe('Progressing');
    expect(frameOf(store).t).toBe(0);
    store.getState().commands.scrubTo(live);
    expect(selectStatusText(frameOf(store))?.phase).toBe('Paused');
    expect(store.getState().frames).toBe(frames);
  });

  it('autoplay runs the whole script in virtual time', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow', autoplay: true });
    const frame = until(
      store,
      (f) =>
        selectStatusText(f)?.phase === 'Healthy' && store.getState().suggestion?.kind === 'done',
    );
    expect(selectStatusText(frame)?.step).toBe('8/8');
    const verbs = frame.log.filter((e) => e.kind === 'action').map((e) => e.reason);
    expect(verbs).toEqual(['setImage', 'promote']);
  });

  it('turning autoplay on at a suggestion performs it', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    store.getState().commands.setAutoplay(true);
    expect(selectStatusText(frameOf(store))?.phase).toBe('Progressing');
    expect(store.getState().playback.autoplay).toBe(true);
  });

  it('abort → Degraded, retry → back to the pause', () => {
    const store = createSimStore({ scenario: 'abort-retry' });
    until(store, phaseIs('Paused', '1/2'));
    expect(store.getState().suggestion).toMatchObject({ kind: 'action', action: 'abort' });
    store.getState().commands.abort();
    const degraded = until(store, phaseIs('Degraded'));
    expect(degraded.machine['abort-demo'].can).toMatchObject({ retry: true, promote: false });
    // The script's next verb shows once its waitFor (canary drained) holds.
    until(store, () => store.getState().suggestion?.kind === 'action');
    expect(store.getState().suggestion).toMatchObject({ kind: 'action', action: 'retry' });
    store.getState().commands.retry();
    until(store, phaseIs('Paused', '1/2'));
    expect(store.getState().suggestion).toMatchObject({ kind: 'action', action: 'promote' });
  });

  it('a scenario that does not parse reports its issues with positions and keeps the store usable', () => {
    const store = createSimStore();
    store
      .getState()
      .commands.loadScenario({ text: 'kind: Scenario\nname: x\nbogus: 1\n', file: 'bad.yaml' });
    const { error, frames } = store.getState();
    expect(frames).toEqual([]);
    expect(error?.file).toBe('bad.yaml');
    expect(error?.issues.length).toBeGreaterThan(0);
    expect(error?.issues[0]).toMatchObject({
      file: 'bad.yaml',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    store.getState().commands.loadScenario('blue-to-yellow');
    expect(store.getState().error).toBeNull();
    expect(store.getState().frames.length).toBeGreaterThan(0);
  });

  it('an unknown library name is an error, not an exception', () => {
    const store = createSimStore({ scenario: 'nope' });
    expect(store.getState().error?.issues[0].message).toContain('no scenario named "nope"');
  });

  it('every library scenario loads, or reports positioned issues (the engine refuses what it cannot simulate)', () => {
    const working = [
      'abort-retry',
      'bad-image-degraded',
      'blue-to-yellow',
      'bluegreen-preview',
      'canary-istio',
      'canary-nginx',
      'canary-scale-header-route',
      'canary-smi',
      'image-change-midrollout',
    ];
    for (const s of SCENARIOS) {
      const { error, frames } = createSimStore({ scenario: s.name }).getState();
      if (working.includes(s.name)) expect(error, s.name).toBeNull();
      if (error) {
        expect(frames).toEqual([]);
        for (const issue of error.issues)
          expect(issue).toMatchObject({
            file: s.file,
            line: expect.any(Number),
            column: expect.any(Number),
          });
      } else expect(frames.length, s.name).toBeGreaterThan(0);
    }
  });

  it('a later setImage in the script is suggested with its image', () => {
    const store = createSimStore({ scenario: 'image-change-midrollout' });
    until(store, phaseIs('Paused', '1/2'));
    expect(store.getState().suggestion).toMatchObject({
      kind: 'action',
      action: 'setImage',
      image: 'argoproj/rollouts-demo:purple',
    });
    store.getState().commands.setImage('argoproj/rollouts-demo:purple');
    expect(store.getState().suggestion?.kind).toBe('time');
  });

  it('records a frame only when something changed, and caps the timeline', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow', maxFrames: 5 });
    until(store, phaseIs('Paused', '1/8'));
    const before = store.getState().frames.length;
    for (let i = 0; i < 50; i++) store.getState().commands.tick(1000);
    const { frames } = store.getState();
    expect(frames.length).toBeLessThanOrEqual(5);
    expect(frames.length).toBeLessThanOrEqual(before + 1);
    const last = frames[frames.length - 1];
    expect(last.idle).toBe(true);
    expect(last.objects).toBe(frames[frames.length - 2].objects);
    expect(Object.isFrozen(last.objects[0])).toBe(true);
  });

  it('a refused action shows its message and changes nothing else', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    store.getState().commands.undo(9);
    expect(store.getState().actionError).toMatch(/9/);
    store.getState().commands.dismissActionError();
    expect(store.getState().actionError).toBeNull();
  });
});
