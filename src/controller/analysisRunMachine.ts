/**
 * analysisRunMachine: one actor per AnalysisRun (system id `analysisRun/<name>`), shaped like
 * xstate's workflow-monitor-job example: reconcile → wait (`after`, until the next deadline) →
 * reconcile … → final state with the run's phase. Mirrors analysis/analysis.go + controller.go's
 * requeue; simplifies the workqueue to "re-run at once while the status changes" (max 10 passes).
 */
import { assertEvent, emit, enqueueActions, setup } from 'xstate';
import type { AnalysisRun } from '../model';
import type { AnalysisRunReconcileResult, RecordedMeasurement } from './analysisRun';

/** AnalysisRunMachineContext is plain JSON: the run and the next timed deadline (epoch ms). */
export interface AnalysisRunMachineContext {
  readonly run: AnalysisRun;
  /** When the next timed pass is due (epoch ms); undefined when only an event can help. */
  readonly nextReconcileAt: number | undefined;
  readonly reconciles: number;
}

/** AnalysisRunMachineEvent: `terminate` sets spec.terminate (as Rollouts patch it); `reconcile` forces a pass. */
export type AnalysisRunMachineEvent = { type: 'terminate' } | { type: 'reconcile' };

/** AnalysisRunEmitted are the machine's domain events. */
export type AnalysisRunEmitted =
  | {
      type: 'analysis.measurementTaken';
      run: string;
      metric: string;
      measurement: RecordedMeasurement['measurement'];
    }
  | { type: 'analysis.phaseChanged'; run: string; phase: string; previous: string };

/** AnalysisRunOutput is the final state's output (and what the parent's onDone receives). */
export interface AnalysisRunOutput {
  readonly name: string;
  readonly phase: string;
  readonly message: string;
  readonly run: AnalysisRun;
}

/** Events sent to the parent actor (when there is one). */
export type AnalysisRunParentEvent =
  | { type: 'analysis.phaseChanged'; name: string; phase: string; message: string }
  | { type: 'analysis.completed'; name: string; phase: string; message: string };

/** AnalysisRunMachinePorts are injected with createAnalysisRunLogic. */
export interface AnalysisRunMachinePorts {
  /** Current time as epoch ms, from the actor system's clock. */
  now(): number;
  /** One reconcile pass (normally reconcileAnalysisRun with the world's providers and env). */
  reconcile(run: AnalysisRun, nowMs: number): AnalysisRunReconcileResult;
  /** Called with the run after every pass that changed it (e.g. to store it in the cluster). */
  persist?(run: AnalysisRun): void;
}

/** MAX_PASSES_PER_INSTANT bounds the immediate re-runs that follow a status change. */
export const MAX_PASSES_PER_INSTANT = 10;

const COMPLETED = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);
const phaseOf = (run: AnalysisRun) => run.status?.phase ?? '';
const nameOf = (run: AnalysisRun) => run.metadata?.name ?? '';

export const analysisRunMachine = setup({
  types: {
    context: {} as AnalysisRunMachineContext,
    events: {} as AnalysisRunMachineEvent,
    input: {} as { run: AnalysisRun },
    emitted: {} as AnalysisRunEmitted,
    output: {} as AnalysisRunOutput,
    tags: {} as 'Running' | 'Completed',
  },
  guards: {
    isCompleted: ({ context }) => COMPLETED.has(phaseOf(context.run)),
    hasNextReconcile: ({ context }) => context.nextReconcileAt !== undefined,
  },
  actions: {
    // Placeholders: createAnalysisRunLogic provides the implementations with the ports.
    reconcile: () => {},
    requestTerminate: () => {},
    notifyCompleted: () => {},
  },
  delays: {
    // Replaced by createAnalysisRunLogic: deadline − now on the actor clock.
    untilNextReconcile: 0,
  },
}).createMachine({
  id: 'analysisRun',
  context: ({ input }) => ({ run: input.run, nextReconcileAt: undefined, reconciles: 0 }),
  initial: 'reconciling',
  states: {
    reconciling: {
      tags: ['Running'],
      entry: 'reconcile',
      always: [
        { guard: 'isCompleted', target: 'completed' },
        { guard: 'hasNextReconcile', target: 'waiting' },
        { target: 'idle' },
      ],
    },
    waiting: {
      tags: ['Running'],
      after: { untilNextReconcile: { target: 'reconciling', reenter: true } },
      on: {
        terminate: { actions: 'requestTerminate', target: 'reconciling' },
        reconcile: { target: 'reconciling' },
      },
    },
    idle: {
      tags: ['Running'],
      on: {
        terminate: { actions: 'requestTerminate', target: 'reconciling' },
        reconcile: { target: 'reconciling' },
      },
    },
    completed: {
      tags: ['Completed'],
      type: 'final',
      entry: 'notifyCompleted',
    },
  },
  output: ({ context }) => ({
    name: nameOf(context.run),
    phase: phaseOf(context.run),
    message: context.run.status?.message ?? '',
    run: context.run,
  }),
});

/**
 * createAnalysisRunLogic wires the machine to the world: `reconcile` runs passes through the
 * ports (again at once while the status keeps changing, as Argo's informer re-queues on every
 * status update), emits measurement and phase events, tells the parent about phase changes, and
 * stores the next deadline; the named delay waits deadline − now on the actor clock.
 */
export function createAnalysisRunLogic(ports: AnalysisRunMachinePorts) {
  return analysisRunMachine.provide({
    actions: {
      reconcile: enqueueActions(({ context, enqueue, self }) => {
        let run = context.run;
        let next: number | undefined;
        let passes = 0;
        const parent = (self as { _parent?: unknown })._parent;
        for (; passes < MAX_PASSES_PER_INSTANT; passes++) {
          const nowMs = ports.now();
          const before = JSON.stringify(run);
          const previous = phaseOf(run);
          const result = ports.reconcile(run, nowMs);
          run = result.run;
          next =
            result.nextReconcileInMs === undefined ? undefined : nowMs + result.nextReconcileInMs;
          for (const m of result.measurements) {
            enqueue(
              emit({
                type: 'analysis.measurementTaken' as const,
                run: nameOf(run),
                metric: m.metric,
                measurement: m.measurement,
              }),
            );
          }
          const phase = phaseOf(run);
          if (phase !== previous) {
            enqueue(
              emit({ type: 'analysis.phaseChanged' as const, run: nameOf(run), phase, previous }),
            );
            if (parent) {
              enqueue.sendParent({
                type: 'analysis.phaseChanged',
                name: nameOf(run),
                phase,
                message: run.status?.message ?? '',
              } satisfies AnalysisRunParentEvent);
            }
          }
          const changed = JSON.stringify(run) !== before;
          if (changed) ports.persist?.(run);
          if (!changed || COMPLETED.has(phase)) break;
        }
        enqueue.assign({ run, nextReconcileAt: next, reconciles: context.reconciles + passes + 1 });
      }),
      requestTerminate: enqueueActions(({ context, event, enqueue }) => {
        assertEvent(event, 'terminate');
        enqueue.assign({ run: { ...context.run, spec: { ...context.run.spec, terminate: true } } });
      }),
      notifyCompleted: enqueueActions(({ context, enqueue, self }) => {
        if (!(self as { _parent?: unknown })._parent) return;
        enqueue.sendParent({
          type: 'analysis.completed',
          name: nameOf(context.run),
          phase: phaseOf(context.run),
          message: context.run.status?.message ?? '',
        } satisfies AnalysisRunParentEvent);
      }),
    },
    delays: {
      untilNextReconcile: ({ context }) =>
        Math.max(0, (context.nextReconcileAt ?? ports.now()) - ports.now()),
    },
  });
}

/** analysisRunSystemId is the system id a parent gives the actor: `analysisRun/<name>`. */
export function analysisRunSystemId(name: string): string {
  return `analysisRun/${name}`;
}
