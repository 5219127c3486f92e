// Machine tests for src/controller/analysisRunMachine.ts on the project's VirtualClock: the
// measure → after(deadline − now) → reconcile loop of analysis/analysis.go, checked on both sides
// of every deadline (architecture.md section 12).
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { reconcileAnalysisRun } from '../../src/controller/analysisRun';
import type { ProviderRegistry } from '../../src/controller/analysisRun';
import { createAnalysisRunLogic } from '../../src/controller/analysisRunMachine';
import type { MeasureStep, MetricProviderImpl } from '../../src/metrics/provider';
import type { AnalysisRun } from '../../src/model';
import { DEFAULT_EPOCH_MS, createVirtualClock } from '../../src/sim';

type Metric = AnalysisRun['spec']['metrics'][number];

function newRun(metrics: Metric[]): AnalysisRun {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: { name: 'guestbook-abc-2-1', namespace: 'default' },
    spec: { metrics },
  };
}

/** A provider whose every start returns the next step of `steps` (the last repeats). */
function scriptedProvider(steps: MeasureStep[]): { registry: ProviderRegistry; starts: number[] } {
  const starts: number[] = [];
  const impl: MetricProviderImpl = {
    kind: 'prometheus',
    start: (_m, env) => {
      starts.push(env.now);
      return steps[Math.min(starts.length - 1, steps.length - 1)];
    },
    resume: () => ({ status: 'done', value: 1 }),
    terminate: () => ({ status: 'done', value: 1 }),
  };
  return { registry: (kind) => (kind === 'prometheus' ? impl : undefined), starts };
}

function start(run: AnalysisRun, registry: ProviderRegistry) {
  const clock = createVirtualClock();
  const logic = createAnalysisRunLogic({
    now: () => DEFAULT_EPOCH_MS + clock.now(),
    reconcile: (r, nowMs) => reconcileAnalysisRun(r, registry, { nowMs }),
  });
  const actor = createActor(logic, { clock, input: { run } });
  const events: string[] = [];
  actor.on('*', (e) =>
    events.push(e.type === 'analysis.phaseChanged' ? `phase:${e.phase}` : e.type),
  );
  actor.start();
  return { clock, actor, events };
}

const prom = { prometheus: { query: 'q' } };

describe('analysisRunMachine', () => {
  it('interval 10s with count 3 measures at 0, 10 and 20 s, on both sides of each deadline', () => {
    const { registry, starts } = scriptedProvider([{ status: 'done', value: 0.99 }]);
    const { clock, actor } = start(
      newRun([
        {
          name: 'success-rate',
          interval: '10s',
          count: 3,
          successCondition: 'result > 0.9',
          provider: prom,
        },
      ]),
      registry,
    );
    expect(starts).toEqual([0]);
    clock.advanceBy(9_999);
    expect(starts).toEqual([0]);
    clock.advanceBy(1);
    expect(starts).toEqual([0, 10_000]);
    clock.advanceBy(9_999);
    expect(starts).toEqual([0, 10_000]);
    expect(actor.getSnapshot().status).toBe('active');
    clock.advanceBy(1);
    expect(starts).toEqual([0, 10_000, 20_000]);
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output?.phase).toBe('Successful');
    expect(snap.output?.run.status?.metricResults?.[0]).toMatchObject({
      count: 3,
      successful: 3,
      phase: 'Successful',
    });
    clock.advanceBy(60_000);
    expect(starts).toHaveLength(3);
  });

  it('initialDelay: the first measurement waits startedAt + initialDelay', () => {
    const { registry, starts } = scriptedProvider([{ status: 'done', value: 1 }]);
    const { clock, actor } = start(
      newRun([{ name: 'm', initialDelay: '30s', provider: prom }]),
      registry,
    );
    expect(starts).toEqual([]);
    expect(actor.getSnapshot().context.run.status?.phase).toBe('Running');
    clock.advanceBy(29_999);
    expect(starts).toEqual([]);
    clock.advanceBy(1);
    expect(starts).toEqual([30_000]);
    expect(actor.getSnapshot().output?.phase).toBe('Successful');
  });

  it('failureLimit 1: the second failure fails the metric and the run completes Failed', () => {
    const { registry, starts } = scriptedProvider([{ status: 'done', value: 0.5 }]);
    const { clock, actor, events } = start(
      newRun([
        {
          name: 'm',
          interval: '10s',
          count: 5,
          failureLimit: 1,
          successCondition: 'result > 0.9',
          provider: prom,
        },
      ]),
      registry,
    );
    expect(actor.getSnapshot().status).toBe('active');
    clock.advanceBy(10_000);
    expect(starts).toEqual([0, 10_000]);
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output?.phase).toBe('Failed');
    expect(snap.output?.message).toBe(
      'Metric "m" assessed Failed due to failed (2) > failureLimit (1)',
    );
    expect(events).toContain('phase:Failed');
  });

  it('an Error measurement is retried every 10 s whatever the interval, and the 5th consecutive error errors the metric', () => {
    const { registry, starts } = scriptedProvider([
      { status: 'error', message: 'connection refused' },
    ]);
    const { clock, actor } = start(
      newRun([{ name: 'm', interval: '5m', provider: prom }]),
      registry,
    );
    expect(starts).toEqual([0]);
    clock.advanceBy(9_999);
    expect(starts).toEqual([0]);
    clock.advanceBy(1);
    expect(starts).toEqual([0, 10_000]);
    clock.advanceBy(30_000);
    expect(starts).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    const snap = actor.getSnapshot();
    expect(snap.output?.phase).toBe('Error');
    expect(snap.output?.message).toBe(
      'Metric "m" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): "Error Message: connection refused"',
    );
  });

  it('terminate ends an indefinite run Successful with "Run Terminated"', () => {
    const { registry, starts } = scriptedProvider([{ status: 'done', value: 1 }]);
    const { clock, actor } = start(
      newRun([{ name: 'm', interval: '10s', provider: prom }]),
      registry,
    );
    clock.advanceBy(25_000);
    expect(starts).toEqual([0, 10_000, 20_000]);
    actor.send({ type: 'terminate' });
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toMatchObject({ phase: 'Successful', message: 'Run Terminated' });
    clock.advanceBy(60_000);
    expect(starts).toHaveLength(3);
  });

  it('context stays plain JSON (snapshots survive save and load)', () => {
    const { registry } = scriptedProvider([{ status: 'done', value: 1 }]);
    const { actor } = start(newRun([{ name: 'm', interval: '10s', provider: prom }]), registry);
    const ctx = actor.getSnapshot().context;
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });
});

describe('analysisRunMachine as a child actor', () => {
  it('reports phase changes and its output to the parent, under system id analysisRun/<name>', async () => {
    const { setup, assign } = await import('xstate');
    const { analysisRunSystemId } = await import('../../src/controller/analysisRunMachine');
    const { registry } = scriptedProvider([{ status: 'done', value: 0.5 }]);
    const clock = createVirtualClock();
    const child = createAnalysisRunLogic({
      now: () => DEFAULT_EPOCH_MS + clock.now(),
      reconcile: (r, nowMs) => reconcileAnalysisRun(r, registry, { nowMs }),
    });
    const run = newRun([
      {
        name: 'm',
        interval: '10s',
        count: 2,
        failureLimit: 1,
        successCondition: 'result > 0.9',
        provider: prom,
      },
    ]);
    const parent = setup({
      types: { context: {} as { seen: string[]; done: string | undefined } },
      actors: { analysis: child },
    }).createMachine({
      context: { seen: [], done: undefined },
      invoke: {
        src: 'analysis',
        systemId: analysisRunSystemId('guestbook-abc-2-1'),
        input: { run },
        onDone: { actions: assign({ done: ({ event }) => event.output.phase }) },
      },
      on: {
        'analysis.phaseChanged': {
          actions: assign({
            seen: ({ context, event }) => [
              ...context.seen,
              (event as unknown as { phase: string }).phase,
            ],
          }),
        },
      },
    });
    const actor = createActor(parent, { clock }).start();
    expect(actor.system.get('analysisRun/guestbook-abc-2-1')).toBeDefined();
    clock.advanceBy(10_000);
    const ctx = actor.getSnapshot().context;
    expect(ctx.done).toBe('Failed');
    expect(ctx.seen).toEqual(['Running', 'Failed']);
  });
});
