import { describe, expect, it } from 'vitest';
import {
  createSimStore,
  podLifecycle,
  selectCanActions,
  selectEventLog,
  selectGetTree,
  selectPodsByRevision,
  selectStatusText,
  selectSteps,
  selectTrafficShare,
  selectWaitingFor,
  stepCode,
  type Frame,
} from '../../src/store';
import { frameOf, phaseIs, until } from './support';

const YELLOW = 'argoproj/rollouts-demo:yellow';
const BLUE = 'argoproj/rollouts-demo:blue';

/** The blue-to-yellow frame at the first pause (setWeight 20, `pause: {}`). */
function atFirstPause(): Frame {
  const store = createSimStore({ scenario: 'blue-to-yellow' });
  return until(store, phaseIs('Paused', '1/8'));
}

describe('selectors on blue-to-yellow at the 20% pause', () => {
  const frame = atFirstPause();

  it('selectStatusText: Paused, Step 1/8, SetWeight 20, ActualWeight 20', () => {
    expect(selectStatusText(frame)).toMatchObject({
      name: 'rollouts-demo',
      phase: 'Paused',
      message: 'CanaryPauseStep',
      strategy: 'Canary',
      step: '1/8',
      setWeight: '20',
      actualWeight: '20',
    });
  });

  it('selectPodsByRevision: 1 yellow canary pod and 4 blue stable pods, all ready', () => {
    const groups = selectPodsByRevision(frame);
    expect(groups.map((g) => [g.revision, g.roles, g.image, g.pods.length])).toEqual([
      [2, ['canary'], YELLOW, 1],
      [1, ['stable'], BLUE, 4],
    ]);
    expect(groups.flatMap((g) => g.pods.map((p) => p.state))).toEqual(Array(5).fill('ready'));
    expect(groups[0].scaleDownInMs).toBeNull();
  });

  it('selectCanActions comes from the machine: promote yes, retry no', () => {
    expect(selectCanActions(frame)).toMatchObject({
      promote: true,
      promoteFull: true,
      abort: true,
      retry: false,
      pause: true,
      resume: false,
    });
  });

  it('selectSteps: step 2 (`pause: {}`) is current and has no countdown', () => {
    const { steps, current, strategy } = selectSteps(frame);
    expect(strategy).toBe('Canary');
    expect(current).toBe(1);
    expect(steps.map((s) => s.state)).toEqual(['complete', 'current', ...Array(6).fill('pending')]);
    expect(steps[1]).toMatchObject({
      code: 'pause: {}',
      pause: { durationMs: null, remainingMs: null },
    });
    expect(steps[3]).toMatchObject({
      code: 'pause: {duration: 10}',
      pause: { durationMs: 10_000 },
    });
  });

  it('selectWaitingFor: the indefinite pause waits for Promote', () => {
    expect(selectWaitingFor(frame)).toEqual({
      key: 'waiting.pauseIndefinite',
      values: { step: 2, code: 'pause: {}' },
    });
  });

  it('selectEventLog narrates why, newest first', () => {
    const log = selectEventLog(frame);
    expect(log[0].t).toBeGreaterThanOrEqual(log[log.length - 1].t);
    const canaryUp = log.find((e) => e.why.key === 'why.canary.up');
    expect(canaryUp?.message).toBe(
      'Scaled up ReplicaSet rollouts-demo-585c74ffd4 (revision 2) from 0 to 1',
    );
    expect(canaryUp?.why.values).toMatchObject({ to: '1', weight: 20, replicas: 5 });
    expect(log.find((e) => e.why.key === 'why.stable.down')?.why.values).toMatchObject({ to: '4' });
    expect(log.find((e) => e.reason === 'RolloutPaused')?.why).toEqual({
      key: 'why.paused.indefinite',
      values: { step: 2, code: 'pause: {}' },
    });
  });

  it('selectTrafficShare without a router: the ready-pod ratio', () => {
    const traffic = selectTrafficShare(frame);
    expect(traffic.mode).toBe('pods');
    expect(traffic.slices.map((s) => [s.image, s.share, s.role])).toEqual([
      [BLUE, 0.8, 'stable'],
      [YELLOW, 0.2, 'canary'],
    ]);
    expect([traffic.setWeight, traffic.actualWeight]).toEqual([20, 20]);
  });

  it('selectGetTree renders the plugin text', () => {
    const tree = selectGetTree(frame);
    expect(tree).toContain('Status:          ॥ Paused');
    expect(tree).toContain('  Step:          1/8');
    expect(tree).toContain('canary');
  });
});

describe('selectors through the rest of the story', () => {
  it('a timed pause counts down in virtual time', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    store.getState().commands.promote();
    const paused = until(store, phaseIs('Paused', '3/8'));
    expect(selectSteps(paused).steps[3].pause).toEqual({ durationMs: 10_000, remainingMs: 10_000 });
    store.getState().commands.tick(3_000);
    const later = frameOf(store);
    expect(selectSteps(later).steps[3].pause?.remainingMs).toBe(7_000);
    expect(selectWaitingFor(later)).toEqual({
      key: 'waiting.pauseTimed',
      values: { step: 4, code: 'pause: {duration: 10}', seconds: '7' },
    });
  });

  it('Healthy at the end: 100% yellow, all steps complete', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow', autoplay: true });
    const frame = until(store, phaseIs('Healthy', '8/8'));
    expect(selectTrafficShare(frame).slices).toEqual([
      { image: YELLOW, revision: 2, role: 'stable', share: 1, pods: 5 },
    ]);
    expect(selectSteps(frame).steps.every((s) => s.state === 'complete')).toBe(true);
    expect(selectWaitingFor(frame).key).toBe('waiting.healthy');
    expect(selectCanActions(frame)).toMatchObject({ promote: false, abort: false, retry: false });
  });

  it('with a router the traffic bar shows the router weights (canary-nginx)', () => {
    const store = createSimStore({ scenario: 'canary-nginx' });
    const frame = until(store, phaseIs('Paused', '1/4'));
    const traffic = selectTrafficShare(frame);
    expect(traffic.mode).toBe('router');
    expect(traffic.slices.map((s) => [s.role, s.share])).toEqual([
      ['stable', 0.8],
      ['canary', 0.2],
    ]);
  });

  it('an old ReplicaSet shows its scale-down countdown (canary-nginx after promotion)', () => {
    const store = createSimStore({ scenario: 'canary-nginx', autoplay: true });
    const frame = until(store, phaseIs('Healthy', '4/4'));
    const old = selectPodsByRevision(frame).find((g) => g.revision === 1);
    expect(old?.scaleDownInMs).toBeGreaterThan(0);
    expect(old?.scaleDownInMs).toBeLessThanOrEqual(30_000);
  });

  it('blue-green: production on the active version, the preview on the new one, auto-promotion countdown', () => {
    const store = createSimStore({ scenario: 'bluegreen-preview' });
    const frame = until(store, phaseIs('Paused'));
    const traffic = selectTrafficShare(frame);
    expect(traffic.mode).toBe('activeService');
    expect(traffic.slices).toMatchObject([{ image: BLUE, share: 1, role: 'active' }]);
    expect(traffic.preview).toEqual({ image: 'argoproj/rollouts-demo:green', revision: 2 });
    const groups = selectPodsByRevision(frame);
    expect(groups.map((g) => g.roles)).toEqual([['preview'], ['stable', 'active']]);
    const steps = selectSteps(frame);
    expect(steps.strategy).toBe('BlueGreen');
    expect(steps.steps[1]).toMatchObject({ state: 'current', pause: { remainingMs: 20_000 } });
    expect(selectWaitingFor(frame)).toEqual({ key: 'waiting.bgAuto', values: { seconds: '20' } });
  });

  it('abort: Degraded, retry enabled, waiting for Retry', () => {
    const store = createSimStore({ scenario: 'abort-retry' });
    until(store, phaseIs('Paused', '1/2'));
    store.getState().commands.abort();
    const frame = until(store, phaseIs('Degraded'));
    expect(selectCanActions(frame)).toMatchObject({ retry: true, promote: false, abort: false });
    expect(selectWaitingFor(frame)).toEqual({ key: 'waiting.aborted', values: { revision: 2 } });
    expect(
      selectEventLog(frame).some((e) => e.why.key === 'why.aborted' && e.type === 'Warning'),
    ).toBe(true);
  });

  it('a bad image: pods fail to pull, and the rollout says so', () => {
    const store = createSimStore({ scenario: 'bad-image-degraded' });
    store.getState().commands.tick(20_000);
    const frame = frameOf(store);
    const canary = selectPodsByRevision(frame)[0];
    expect(canary.pods.map((p) => p.state)).toEqual(['imagepull']);
    expect(selectWaitingFor(frame).key).toBe('waiting.failingPods');
  });
});

describe('pure helpers', () => {
  it.each([
    ['Running', '1/1', 'ready'],
    ['Running', '0/1', 'notready'],
    ['Pending', '0/1', 'pending'],
    ['ContainerCreating', '0/1', 'creating'],
    ['Init:0/1', '0/1', 'creating'],
    ['Terminating', '1/1', 'terminating'],
    ['CrashLoopBackOff', '0/1', 'crashloop'],
    ['ImagePullBackOff', '0/1', 'imagepull'],
    ['ErrImagePull', '0/1', 'imagepull'],
    ['Error', '0/1', 'failed'],
    ['Completed', '0/1', 'completed'],
    ['Unknown', '0/1', 'unknown'],
  ])('podLifecycle(%s, %s) = %s', (status, ready, want) => {
    expect(podLifecycle(status, ready)).toBe(want);
  });

  it('stepCode writes steps as in YAML flow style', () => {
    expect(stepCode({ setWeight: 20 })).toBe('setWeight: 20');
    expect(stepCode({ pause: {} })).toBe('pause: {}');
    expect(stepCode({ pause: { duration: '1m' } })).toBe('pause: {duration: 1m}');
    expect(stepCode({ setCanaryScale: { replicas: 2 } })).toBe('setCanaryScale: {replicas: 2}');
  });
});
