/**
 * experimentMachine: one actor per Experiment (system id `experiment/<name>`), shaped like
 * rolloutMachine: a change or a due requeue runs one pass of reconcileExperiment, the pass's
 * events are emitted, and the next timed pass is a delayed event on the actor clock. The state
 * is the experiment's phase (tags). Mirrors experiments/controller.go's workqueue + syncHandler.
 */
import { emit, enqueueActions, setup } from 'xstate';
import type { RecordedEvent } from './ports';
import type { ExperimentReconcileResult } from './experiment';

/** ExperimentPhaseTag is the experiment's `status.phase` as a tag ("" counts as Pending). */
export type ExperimentPhaseTag =
  'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';

/** ExperimentMachineContext is plain JSON. */
export interface ExperimentMachineContext {
  readonly namespace: string;
  readonly name: string;
  readonly phase: string | undefined;
  readonly reconciles: number;
}

/** ExperimentMachineEvent: a watched object changed, or a requeue fell due. */
export type ExperimentMachineEvent = { type: 'cluster.changed' } | { type: 'reconcile.due' };

/** ExperimentEmitted are the machine's domain events. */
export type ExperimentEmitted =
  | { type: 'experiment.event'; experiment: string; event: RecordedEvent }
  | {
      type: 'experiment.phaseChanged';
      experiment: string;
      phase: string;
      previous: string | undefined;
    };

/** ExperimentMachinePorts are injected with createExperimentLogic. */
export interface ExperimentMachinePorts {
  /** One pass (normally reconcileExperimentByName with the world's client, clock and hash); undefined when gone. */
  reconcile(namespace: string, name: string): ExperimentReconcileResult | undefined;
}

export const experimentMachine = setup({
  types: {
    context: {} as ExperimentMachineContext,
    events: {} as ExperimentMachineEvent,
    input: {} as { namespace: string; name: string },
    emitted: {} as ExperimentEmitted,
    tags: {} as ExperimentPhaseTag,
  },
  guards: {
    is: ({ context }, params: { phase: ExperimentPhaseTag }) => context.phase === params.phase,
  },
  actions: {
    // Placeholder: createExperimentLogic provides the implementation with the ports.
    reconcile: () => {},
  },
}).createMachine({
  id: 'experiment',
  context: ({ input }) => ({
    namespace: input.namespace,
    name: input.name,
    phase: undefined,
    reconciles: 0,
  }),
  initial: 'Pending',
  entry: 'reconcile',
  on: {
    'cluster.changed': { actions: 'reconcile', target: '.route' },
    'reconcile.due': { actions: 'reconcile', target: '.route' },
  },
  states: {
    route: {
      always: [
        { guard: { type: 'is', params: { phase: 'Running' } }, target: 'Running' },
        { guard: { type: 'is', params: { phase: 'Successful' } }, target: 'Successful' },
        { guard: { type: 'is', params: { phase: 'Failed' } }, target: 'Failed' },
        { guard: { type: 'is', params: { phase: 'Error' } }, target: 'Error' },
        { guard: { type: 'is', params: { phase: 'Inconclusive' } }, target: 'Inconclusive' },
        { target: 'Pending' },
      ],
    },
    Pending: { tags: ['Pending'] },
    Running: { tags: ['Running'] },
    Successful: { tags: ['Successful'] },
    Failed: { tags: ['Failed'] },
    Error: { tags: ['Error'] },
    Inconclusive: { tags: ['Inconclusive'] },
  },
});

/**
 * createExperimentLogic wires the machine to the world: `reconcile` runs one pass, emits its
 * events and phase change, and keeps one pending requeue (replaced each pass) for the soonest
 * deadline the pass reported.
 */
export function createExperimentLogic(ports: ExperimentMachinePorts) {
  return experimentMachine.provide({
    actions: {
      reconcile: enqueueActions(({ context, enqueue }) => {
        const result = ports.reconcile(context.namespace, context.name);
        enqueue.cancel('requeue');
        if (!result) return;
        const previous = context.phase;
        enqueue.assign({ phase: result.phase, reconciles: context.reconciles + 1 });
        for (const event of result.events) {
          enqueue(emit({ type: 'experiment.event' as const, experiment: context.name, event }));
        }
        if (result.phase !== undefined && result.phase !== previous) {
          enqueue(
            emit({
              type: 'experiment.phaseChanged' as const,
              experiment: context.name,
              phase: result.phase,
              previous,
            }),
          );
        }
        if (result.nextReconcileInMs !== undefined) {
          enqueue.raise(
            { type: 'reconcile.due' },
            { delay: result.nextReconcileInMs, id: 'requeue' },
          );
        }
      }),
    },
  });
}

/** experimentSystemId is the system id of an Experiment's actor: `experiment/<name>`. */
export function experimentSystemId(name: string): string {
  return `experiment/${name}`;
}
