/**
 * kwok-style testdata: every stage as an input pod → output pod pair, with a fixed context.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/model/k8s';
import {
  POD_STAGES,
  backOffMs,
  forcePodReady,
  podDisplayStatus,
  selectStage,
} from '../../src/cluster';
import type { PodStage, StageContext } from '../../src/cluster';
import { ctx, ts } from './support';

const stage = (name: string): PodStage => POD_STAGES.find((s) => s.name === name)!;

const base: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-6f646bf7b7-bcdfg', namespace: 'default' },
  spec: { nodeName: 'node-1', containers: [{ name: 'demo', image: 'demo:blue' }] },
  status: { phase: 'Pending', qosClass: 'BestEffort' },
};

const withStatus = (status: Pod['status']): Pod => ({ ...base, status });

const scheduled = withStatus({
  phase: 'Pending',
  qosClass: 'BestEffort',
  hostIP: '172.18.0.2',
  hostIPs: [{ ip: '172.18.0.2' }],
  startTime: ts(0),
  conditions: [
    { type: 'Initialized', status: 'True', lastTransitionTime: ts(0) },
    { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: ts(0) },
    {
      type: 'ContainersReady',
      status: 'False',
      reason: 'ContainersNotReady',
      lastTransitionTime: ts(0),
    },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: ts(0) },
  ],
  containerStatuses: [
    {
      name: 'demo',
      image: 'demo:blue',
      imageID: '',
      ready: false,
      restartCount: 0,
      started: false,
      state: { waiting: { reason: 'ContainerCreating' } },
    },
  ],
});

const running = (at: number, restartCount = 0, extra: object = {}): Pod =>
  withStatus({
    ...scheduled.status,
    phase: 'Running',
    podIP: '10.244.0.7',
    podIPs: [{ ip: '10.244.0.7' }],
    containerStatuses: [
      {
        ...scheduled.status!.containerStatuses![0],
        ready: false,
        started: true,
        restartCount,
        state: { running: { startedAt: ts(at) } },
        ...extra,
      },
    ],
  });

const ready = (runningAt: number, readyAt: number): Pod => {
  const r = running(runningAt);
  return withStatus({
    ...r.status,
    conditions: r.status!.conditions!.map((c) =>
      c.type === 'Ready' || c.type === 'ContainersReady'
        ? { type: c.type, status: 'True', lastTransitionTime: ts(readyAt) }
        : c,
    ),
    containerStatuses: [{ ...r.status!.containerStatuses![0], ready: true }],
  });
};

interface Case {
  name: string;
  stage: string;
  input: Pod;
  context: StageContext;
  delay: { ms: number; jitterMs: number };
  output: Pod;
}

const cases: Case[] = [
  {
    name: 'a new pod is scheduled and starts creating its container',
    stage: 'PodScheduled',
    input: base,
    context: ctx({ now: 0 }),
    delay: { ms: 0, jitterMs: 0 },
    output: scheduled,
  },
  {
    name: 'the container starts after the pull share of startup (half), jitter on the pull',
    stage: 'ContainerCreating',
    input: scheduled,
    context: ctx({ now: 1000, startupJitterMs: 300 }),
    delay: { ms: 1000, jitterMs: 300 },
    output: running(1000),
  },
  {
    name: 'the readiness probe passes after the rest of startup',
    stage: 'Ready',
    input: running(1000),
    context: ctx({ now: 2000 }),
    delay: { ms: 1000, jitterMs: 0 },
    output: ready(1000, 2000),
  },
  {
    name: 'setReadinessDelay replaces the readiness share',
    stage: 'Ready',
    input: running(1000),
    context: ctx({ now: 6000, readinessDelayMs: 5000 }),
    delay: { ms: 5000, jitterMs: 0 },
    output: ready(1000, 6000),
  },
  {
    name: 'an unpullable image fails its pull',
    stage: 'ContainerCreating',
    input: scheduled,
    context: ctx({ now: 1000, behaviour: { imagePullError: true } }),
    delay: { ms: 1000, jitterMs: 0 },
    output: withStatus({
      ...scheduled.status,
      containerStatuses: [
        {
          ...scheduled.status!.containerStatuses![0],
          state: {
            waiting: {
              reason: 'ErrImagePull',
              message: 'failed to pull and unpack image "demo:blue": not found',
            },
          },
        },
      ],
    }),
  },
  {
    name: 'ErrImagePull turns into ImagePullBackOff',
    stage: 'ImagePullBackOff',
    input: withStatus({
      ...scheduled.status,
      containerStatuses: [
        {
          ...scheduled.status!.containerStatuses![0],
          state: { waiting: { reason: 'ErrImagePull' } },
        },
      ],
    }),
    context: ctx({ now: 2000, behaviour: { pullable: false } }),
    delay: { ms: 1000, jitterMs: 0 },
    output: withStatus({
      ...scheduled.status,
      containerStatuses: [
        {
          ...scheduled.status!.containerStatuses![0],
          state: {
            waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "demo:blue"' },
          },
        },
      ],
    }),
  },
  {
    name: 'the third pull retry waits 40 s, and a fixed image goes back to ContainerCreating',
    stage: 'ImagePullRetry',
    input: withStatus({
      ...scheduled.status,
      containerStatuses: [
        {
          ...scheduled.status!.containerStatuses![0],
          state: { waiting: { reason: 'ImagePullBackOff' } },
        },
      ],
    }),
    context: ctx({ now: 90_000, stageCounts: { ImagePullBackOff: 3 } }),
    delay: { ms: 40_000, jitterMs: 0 },
    output: withStatus({
      ...scheduled.status,
      containerStatuses: [
        {
          ...scheduled.status!.containerStatuses![0],
          state: { waiting: { reason: 'ContainerCreating', message: '' } },
        },
      ],
    }),
  },
  {
    name: 'a crash-looping container exits and waits out its back-off',
    stage: 'Crash',
    input: running(1000, 2),
    context: ctx({ now: 2000, behaviour: { crashLoop: true } }),
    delay: { ms: 1000, jitterMs: 0 },
    output: running(1000, 2, {
      started: false,
      lastState: {
        terminated: { exitCode: 1, reason: 'Error', startedAt: ts(1000), finishedAt: ts(2000) },
      },
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: 'back-off 40s restarting failed container=demo pod=web-6f646bf7b7-bcdfg',
        },
      },
    }),
  },
  {
    name: 'after the back-off the container restarts (restartCount + 1)',
    stage: 'Restart',
    input: running(1000, 2, { state: { waiting: { reason: 'CrashLoopBackOff' } } }),
    context: ctx({ now: 42_000, behaviour: { crashLoop: true } }),
    delay: { ms: 40_000, jitterMs: 0 },
    output: running(42_000, 3),
  },
  {
    name: 'a Job pod with runForMs completes with its exit code',
    stage: 'Completed',
    input: { ...running(1000), spec: { ...base.spec!, restartPolicy: 'Never' } },
    context: ctx({ now: 21_000, behaviour: { runForMs: 20_000, exitCode: 1 } }),
    delay: { ms: 20_000, jitterMs: 0 },
    output: {
      ...running(1000),
      spec: { ...base.spec!, restartPolicy: 'Never' },
      status: {
        ...running(1000).status,
        phase: 'Failed',
        conditions: running(1000).status!.conditions!.map((c) =>
          c.type === 'Ready' || c.type === 'ContainersReady'
            ? { ...c, reason: 'PodCompleted', lastTransitionTime: ts(0) }
            : c,
        ),
        containerStatuses: [
          {
            ...running(1000).status!.containerStatuses![0],
            started: false,
            state: {
              terminated: {
                exitCode: 1,
                reason: 'Error',
                startedAt: ts(1000),
                finishedAt: ts(21_000),
              },
            },
          },
        ],
      },
    },
  },
  {
    name: 'a Ready pod whose image turns neverReady drops out after 3 failed probes (30 s)',
    stage: 'ReadinessLost',
    input: ready(1000, 2000),
    context: ctx({ now: 32_000, behaviour: { neverReady: true } }),
    delay: { ms: 30_000, jitterMs: 0 },
    output: withStatus({
      ...ready(1000, 2000).status,
      conditions: ready(1000, 2000).status!.conditions!.map((c) =>
        c.type === 'Ready' || c.type === 'ContainersReady'
          ? {
              type: c.type,
              status: 'False',
              reason: 'ContainersNotReady',
              lastTransitionTime: ts(32_000),
            }
          : c,
      ),
      containerStatuses: [{ ...ready(1000, 2000).status!.containerStatuses![0], ready: false }],
    }),
  },
  {
    name: 'deletion stops the pod advertising readiness at once',
    stage: 'Terminating',
    input: { ...ready(1000, 2000), metadata: { ...base.metadata, deletionTimestamp: ts(6000) } },
    context: ctx({ now: 5000 }),
    delay: { ms: 0, jitterMs: 0 },
    output: {
      ...ready(1000, 2000),
      metadata: { ...base.metadata, deletionTimestamp: ts(6000) },
      status: {
        ...ready(1000, 2000).status,
        conditions: ready(1000, 2000).status!.conditions!.map((c) =>
          c.type === 'Ready' || c.type === 'ContainersReady'
            ? {
                type: c.type,
                status: 'False',
                reason: 'ContainersNotReady',
                lastTransitionTime: ts(5000),
              }
            : c,
        ),
        containerStatuses: [{ ...ready(1000, 2000).status!.containerStatuses![0], ready: false }],
      },
    },
  },
];

describe('pod stages: input → output', () => {
  it.each(cases)('$stage: $name', ({ stage: name, input, context, delay, output }) => {
    expect(selectStage(input, context)?.name).toBe(name);
    expect(stage(name).delay(input, context)).toEqual(delay);
    expect(stage(name).next(input, context)).toEqual(output);
  });

  it.each<[string, Pod, Partial<StageContext>, string | undefined]>([
    [
      'a crash-looping pod crashes instead of getting Ready',
      running(1000),
      { behaviour: { crashLoop: true } },
      'Crash',
    ],
    [
      'a neverReady pod stays Running, not ready',
      running(1000),
      { behaviour: { neverReady: true } },
      undefined,
    ],
    ['a Ready healthy pod has nothing left to do', ready(1000, 2000), {}, undefined],
    [
      'a terminating pod that is not ready just waits for removal',
      { ...running(1000), metadata: { ...base.metadata, deletionTimestamp: ts(9) } },
      {},
      undefined,
    ],
    [
      'a forced-ready pod ignores neverReady',
      ready(1000, 2000),
      { behaviour: { neverReady: true }, forcedReady: true },
      undefined,
    ],
  ])('selection: %s', (_name, pod, overrides, expected) => {
    expect(selectStage(pod, ctx(overrides))?.name).toBe(expected);
  });

  it('forcePodReady takes a scheduled pod straight to Ready', () => {
    const out = forcePodReady(base, ctx({ now: 500 }));
    expect(podDisplayStatus(out)).toBe('Running');
    expect(out.status?.podIP).toBe('10.244.0.7');
    expect(out.status?.conditions?.find((c) => c.type === 'Ready')).toEqual({
      type: 'Ready',
      status: 'True',
      lastTransitionTime: ts(500),
    });
  });

  it('kubelet back-off doubles from 10 s and caps at 5 min', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(backOffMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
  });
});

describe('podDisplayStatus (kubectl STATUS column)', () => {
  const waitingPod = (reason: string) =>
    withStatus({
      ...scheduled.status,
      containerStatuses: [
        { ...scheduled.status!.containerStatuses![0], state: { waiting: { reason } } },
      ],
    });
  it.each<[Pod, string]>([
    [base, 'Pending'],
    [scheduled, 'ContainerCreating'],
    [running(0), 'Running'],
    [ready(0, 1), 'Running'],
    [waitingPod('ErrImagePull'), 'ErrImagePull'],
    [waitingPod('ImagePullBackOff'), 'ImagePullBackOff'],
    [waitingPod('CrashLoopBackOff'), 'CrashLoopBackOff'],
    [{ ...ready(0, 1), metadata: { ...base.metadata, deletionTimestamp: ts(5) } }, 'Terminating'],
  ])('%#: %s', (pod, expected) => {
    expect(podDisplayStatus(pod)).toBe(expected);
  });
});
