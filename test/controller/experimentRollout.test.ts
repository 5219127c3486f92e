/**
 * The Rollout side of experiments (src/controller/rolloutExperiment.ts, src/kernels/experimentRollout.ts)
 * on the in-memory fake cluster: a canary rollout is brought to its `experiment` step, then
 * reconcileExperiments runs on a fresh reconcile context. Argo: rollout/experiment_test.go.
 */
import { describe, expect, it } from 'vitest';
import type { Experiment, Rollout } from '../../src/model';
import type { KubeObject } from '../../src/controller/ports';
import { createRolloutContext, type RolloutContext } from '../../src/controller/rolloutContext';
import {
  completedExperimentStep,
  currentExperimentOf,
  experimentWeightDestinations,
  keepCurrentExperiment,
  reconcileExperiments,
} from '../../src/controller/rolloutExperiment';
import { World } from './support/fakePorts';

const HASH = 'rollouts-pod-template-hash';

const EXPERIMENT_STEP = {
  experiment: {
    duration: '30s',
    templates: [
      { name: 'baseline', specRef: 'stable' },
      {
        name: 'canary',
        specRef: 'canary',
        replicas: 2,
        weight: 10,
        metadata: { labels: { role: 'exp' } },
      },
    ],
    analyses: [
      {
        name: 'smoke',
        templateName: 'smoke',
        requiredForCompletion: true,
        args: [{ name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } }],
      },
    ],
  },
};

function rolloutObject(steps: unknown[]): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', labels: { team: 'a' } },
    spec: {
      replicas: 5,
      selector: { matchLabels: { app: 'demo' } },
      template: {
        metadata: { labels: { app: 'demo' } },
        spec: { containers: [{ name: 'app', image: 'demo:v1' }] },
      },
      strategy: { canary: { steps } },
    },
  };
}

/** A rollout updated to v2 and sitting at its experiment step (index 1). */
function atExperimentStep(
  steps: unknown[] = [{ setWeight: 20 }, EXPERIMENT_STEP, { pause: {} }],
): World {
  const w = new World();
  w.apply(rolloutObject(steps));
  w.settle();
  w.client.patch('Rollout', 'default', 'demo', {
    spec: { template: { spec: { containers: [{ name: 'app', image: 'demo:v2' }] } } },
  });
  w.settle();
  expect(rolloutOf(w).status?.currentStepIndex).toBe(1);
  // Once canary.ts calls reconcileExperiments the settle has created the experiment already (this
  // world runs no experiment controller, so it stays phase-less and the step never completes):
  // start every test from "no experiment yet" either way.
  for (const ex of experiments(w)) w.client.delete('Experiment', 'default', ex.metadata!.name!);
  recordCurrent(w, null);
  return w;
}

function rolloutOf(w: World): Rollout {
  return w.get('Rollout', 'demo') as unknown as Rollout;
}

function context(w: World): RolloutContext {
  return createRolloutContext(w.ports, rolloutOf(w));
}

function experiments(w: World): Experiment[] {
  return w.client.list('Experiment', 'default') as unknown as Experiment[];
}

function setPhase(w: World, name: string, status: Record<string, unknown>): void {
  w.client.patch('Experiment', 'default', name, { status }, 'status');
}

function recordCurrent(w: World, name: string | null): void {
  w.client.patch(
    'Rollout',
    'default',
    'demo',
    { status: { canary: { currentExperiment: name } } },
    'status',
  );
}

describe('reconcileExperiments: creating the step experiment', () => {
  it('creates <rollout>-<hash>-<revision>-<step> from the step, owned by the rollout, and records it', () => {
    const w = atExperimentStep();
    const ctx = context(w);
    reconcileExperiments(ctx);
    const hash = ctx.newRS!.metadata!.labels![HASH];
    const name = `demo-${hash}-2-1`;
    expect(experiments(w).map((e) => e.metadata?.name)).toEqual([name]);
    const ex = experiments(w)[0];
    expect(ex.metadata?.labels).toEqual({ team: 'a', [HASH]: hash });
    expect(ex.metadata?.annotations).toEqual({ 'rollout.argoproj.io/revision': '2' });
    expect(ex.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Rollout',
      name: 'demo',
      controller: true,
    });
    expect(ctx.events).toContainEqual({
      type: 'Normal',
      reason: 'ExperimentCreated',
      message: `Created Experiment '${name}'`,
    });
    expect(ctx.newStatus.canary?.currentExperiment).toBe(name);
    expect(currentExperimentOf(ctx)?.metadata?.name).toBe(name);
    expect(ex.spec.duration).toBe('30s');
  });

  it('takes each template from the stable or canary ReplicaSet, adding metadata labels to pods and selector', () => {
    const w = atExperimentStep();
    const ctx = context(w);
    reconcileExperiments(ctx);
    const [baseline, canary] = experiments(w)[0].spec.templates;
    expect(baseline.template).toEqual(ctx.stableRS!.spec!.template);
    expect(baseline.selector).toEqual(ctx.stableRS!.spec!.selector);
    expect(baseline.service).toBeUndefined();
    expect(baseline.replicas).toBeUndefined();
    expect(canary.replicas).toBe(2);
    expect(canary.service).toEqual({});
    expect(canary.template.metadata?.labels).toEqual({
      ...ctx.newRS!.spec!.template!.metadata!.labels,
      role: 'exp',
    });
    expect(canary.selector.matchLabels).toEqual({
      ...ctx.newRS!.spec!.selector.matchLabels,
      role: 'exp',
    });
    expect(experiments(w)[0].spec.analyses).toEqual([
      {
        name: 'smoke',
        templateName: 'smoke',
        requiredForCompletion: true,
        args: [{ name: 'canary-hash', value: ctx.newRS!.metadata!.labels![HASH] }],
      },
    ]);
  });

  it('adds -1, -2 … when the name is taken by a finished experiment, and adopts an equal running one', () => {
    const w = atExperimentStep();
    const first = context(w);
    reconcileExperiments(first);
    const base = first.newStatus.canary!.currentExperiment!;
    setPhase(w, base, { phase: 'Failed' });
    recordCurrent(w, null);
    reconcileExperiments(context(w));
    expect(
      experiments(w)
        .map((e) => e.metadata?.name)
        .sort(),
    ).toEqual([base, `${base}-1`]);
    recordCurrent(w, null);
    const again = context(w);
    reconcileExperiments(again);
    expect(experiments(w)).toHaveLength(2);
    expect(again.newStatus.canary?.currentExperiment).toBe(`${base}-1`);
  });

  it('creates nothing while there is no stable ReplicaSet or the step is not an experiment', () => {
    const w = atExperimentStep([{ setWeight: 20 }, { pause: {} }, EXPERIMENT_STEP]);
    expect(rolloutOf(w).status?.currentStepIndex).toBe(1);
    reconcileExperiments(context(w));
    expect(experiments(w)).toEqual([]);
  });
});

describe('reconcileExperiments: reacting to the experiment', () => {
  function withExperiment(status: Record<string, unknown>): {
    w: World;
    name: string;
    ctx: RolloutContext;
  } {
    const w = atExperimentStep();
    const first = context(w);
    reconcileExperiments(first);
    const name = first.newStatus.canary!.currentExperiment!;
    recordCurrent(w, name);
    setPhase(w, name, status);
    const ctx = context(w);
    reconcileExperiments(ctx);
    return { w, name, ctx };
  }

  it('Running: stays current; the step is not complete', () => {
    const { ctx, name } = withExperiment({ phase: 'Running' });
    expect(ctx.newStatus.canary?.currentExperiment).toBe(name);
    expect(completedExperimentStep(ctx)).toBe(false);
    expect(ctx.pause.addAbort).toBe(false);
  });

  it('Successful: completes the step and is no longer recorded as current', () => {
    const { ctx } = withExperiment({ phase: 'Successful' });
    expect(completedExperimentStep(ctx)).toBe(true);
    expect(ctx.newStatus.canary?.currentExperiment).toBeUndefined();
  });

  it('Failed and Error abort with the experiment message', () => {
    const failed = withExperiment({ phase: 'Failed', message: 'Metric "ok" assessed Failed' });
    expect(failed.ctx.pause.addAbort).toBe(true);
    expect(failed.ctx.pause.abortMessage).toBe('Metric "ok" assessed Failed');
    expect(withExperiment({ phase: 'Error' }).ctx.pause.addAbort).toBe(true);
  });

  it('Inconclusive pauses with InconclusiveExperiment', () => {
    const { ctx } = withExperiment({ phase: 'Inconclusive' });
    expect(ctx.pause.addPauseReasons).toEqual(['InconclusiveExperiment']);
    expect(ctx.pause.addAbort).toBe(false);
  });

  it('terminates the experiment on abort, on promote --full and once the step is left', () => {
    for (const patch of [
      { status: { abort: true } },
      { status: { promoteFull: true } },
      { status: { currentStepIndex: 2 } },
    ]) {
      const { w, name } = withExperiment({ phase: 'Running' });
      w.client.patch('Rollout', 'default', 'demo', patch, 'status');
      reconcileExperiments(context(w));
      expect(
        (w.get('Experiment', name).spec as { terminate?: boolean }).terminate,
        JSON.stringify(patch),
      ).toBe(true);
    }
  });

  it('keepCurrentExperiment carries the recorded name on a pass that did not reconcile experiments', () => {
    const { w, name } = withExperiment({ phase: 'Running' });
    const ctx = context(w);
    keepCurrentExperiment(ctx);
    expect(ctx.newStatus.canary?.currentExperiment).toBe(name);
  });
});

describe('experimentWeightDestinations', () => {
  it('gives each weighted template its service, pod hash and weight while the experiment is Running', () => {
    const running = {
      phase: 'Running',
      templateStatuses: [
        {
          name: 'baseline',
          replicas: 1,
          updatedReplicas: 1,
          readyReplicas: 1,
          availableReplicas: 1,
        },
        {
          name: 'canary',
          replicas: 2,
          updatedReplicas: 2,
          readyReplicas: 2,
          availableReplicas: 2,
          serviceName: 'exp-canary',
          podTemplateHash: 'abc123',
        },
      ],
    };
    const w = atExperimentStep();
    const first = context(w);
    reconcileExperiments(first);
    const name = first.newStatus.canary!.currentExperiment!;
    recordCurrent(w, name);
    setPhase(w, name, running);
    expect(experimentWeightDestinations(context(w))).toEqual([
      { serviceName: 'exp-canary', podTemplateHash: 'abc123', weight: 10 },
    ]);
    setPhase(w, name, { phase: 'Successful' });
    expect(experimentWeightDestinations(context(w))).toEqual([]);
  });
});
