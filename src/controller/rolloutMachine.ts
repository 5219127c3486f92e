/**
 * rolloutMachine: one actor per Rollout. The statechart decides *when* (a change was observed, a
 * requeue timer fired, a user verb arrived) and which phase the rollout is in; the reconcile
 * (rollout/controller.go → canary.go, bluegreen.go) and the kernels decide *how much*.
 * Mirrors Argo's workqueue + syncHandler; time only through the actor system's clock (delayed raise).
 */
import { assertEvent, emit, enqueueActions, setup } from 'xstate';
import type { RecordedEvent } from './ports';
import type { ReconcileResult } from './reconcile';
import type { UserAction, UserActionResult } from './userActions';

export type RolloutPhaseTag = 'Progressing' | 'Paused' | 'Healthy' | 'Degraded';

export interface RolloutMachineContext {
  readonly namespace: string;
  readonly name: string;
  /** status.phase after the last reconcile. */
  phase: string | undefined;
  /** spec.paused as last observed (the kubectl plugin's resume only applies then). */
  specPaused: boolean;
  /** Number of reconciles run, for the UI's statechart and the loop guard. */
  reconciles: number;
  /** Outcome of the last user verb, shown by the UI and the CLI. */
  lastAction: UserActionResult | undefined;
  /** When the pending requeue is due (actor clock ms), if one is pending. */
  requeueDueAt: number | undefined;
  /** The ports, when they come with the actor's input ({@link rolloutLogic}). */
  readonly ports?: RolloutMachinePorts;
}

export type RolloutMachineEvent =
  | { type: 'cluster.changed' }
  | { type: 'reconcile.due' }
  | { type: 'user.promote' }
  | { type: 'user.promoteFull' }
  | { type: 'user.abort' }
  | { type: 'user.retry' }
  | { type: 'user.pause' }
  | { type: 'user.resume' }
  | { type: 'user.restart' }
  | { type: 'user.undo'; toRevision?: number }
  | { type: 'user.setImage'; image: string; container?: string }
  | { type: 'user.scale'; replicas: number }
  | { type: 'spec.changed'; patch?: unknown };

export type RolloutEmitted =
  | { type: 'rollout.event'; event: RecordedEvent }
  | { type: 'rollout.phaseChanged'; phase: string; previous: string | undefined }
  | { type: 'rollout.userAction'; action: UserAction['kind']; result: UserActionResult };

/** An actor's input: which Rollout, and (for {@link rolloutLogic}) the ports to reach it with. */
export interface RolloutMachineInput {
  readonly namespace: string;
  readonly name: string;
  readonly ports?: RolloutMachinePorts;
}

/** The ports the machine's actions use; injected with createRolloutLogic or the actor's input. */
export interface RolloutMachinePorts {
  reconcile(namespace: string, name: string): ReconcileResult;
  act(namespace: string, name: string, action: UserAction): UserActionResult;
  specPaused(namespace: string, name: string): boolean;
  /**
   * The actor clock's now, in ms. With it, a reconcile asking for the requeue already pending at
   * that very instant keeps it instead of cancelling and re-raising it (same firing time; a
   * requeue is a "reconcile no later than", so only its due time matters). Without it, every
   * reconcile replaces the requeue.
   */
  now?(): number;
}

const userActionOf = (event: RolloutMachineEvent): UserAction => {
  switch (event.type) {
    case 'user.promote':
      return { kind: 'promote' };
    case 'user.promoteFull':
      return { kind: 'promoteFull' };
    case 'user.abort':
      return { kind: 'abort' };
    case 'user.retry':
      return { kind: 'retry' };
    case 'user.pause':
      return { kind: 'pause' };
    case 'user.resume':
      return { kind: 'resume' };
    case 'user.restart':
      return { kind: 'restart' };
    case 'user.undo':
      return event.toRevision !== undefined
        ? { kind: 'undo', toRevision: event.toRevision }
        : { kind: 'undo' };
    case 'user.setImage':
      return event.container !== undefined
        ? { kind: 'setImage', image: event.image, container: event.container }
        : { kind: 'setImage', image: event.image };
    case 'user.scale':
      return { kind: 'scale', replicas: event.replicas };
    case 'spec.changed':
      return event.patch !== undefined
        ? { kind: 'updateSpec', patch: event.patch }
        : { kind: 'updateSpec' };
    default:
      throw new Error(`not a user action: ${event.type}`);
  }
};

const isActive = (phase: string | undefined) => phase === 'Progressing' || phase === 'Paused';

export const rolloutMachine = setup({
  types: {
    context: {} as RolloutMachineContext,
    events: {} as RolloutMachineEvent,
    input: {} as RolloutMachineInput,
    emitted: {} as RolloutEmitted,
    tags: {} as RolloutPhaseTag,
  },
  guards: {
    // Enablement mirrors the Argo dashboard's toolbar (ux-anchors: Promote/PromoteFull/Abort while
    // Progressing or Paused, Retry while Degraded); the UI asks snapshot.can(), never re-derives it.
    canPromote: ({ context }) => isActive(context.phase),
    canPromoteFull: ({ context }) => isActive(context.phase),
    canAbort: ({ context }) => isActive(context.phase),
    canRetry: ({ context }) => context.phase === 'Degraded',
    canPause: ({ context }) => !context.specPaused,
    canResume: ({ context }) => context.specPaused,
    isPhaseProgressing: ({ context }) =>
      context.phase === 'Progressing' || context.phase === undefined,
    isPhasePaused: ({ context }) => context.phase === 'Paused',
    isPhaseHealthy: ({ context }) => context.phase === 'Healthy',
    isPhaseDegraded: ({ context }) => context.phase === 'Degraded',
  },
  actions: {
    // Placeholders: createRolloutLogic provides the real implementations with the ports.
    reconcile: () => {},
    applyUserAction: () => {},
  },
}).createMachine({
  id: 'rollout',
  context: ({ input }) => ({
    namespace: input.namespace,
    name: input.name,
    phase: undefined,
    specPaused: false,
    reconciles: 0,
    lastAction: undefined,
    requeueDueAt: undefined,
    ...(input.ports === undefined ? {} : { ports: input.ports }),
  }),
  initial: 'Progressing',
  on: {
    'cluster.changed': { actions: 'reconcile', target: '.route' },
    'reconcile.due': { actions: 'reconcile', target: '.route' },
    'user.promote': { guard: 'canPromote', actions: 'applyUserAction' },
    'user.promoteFull': { guard: 'canPromoteFull', actions: 'applyUserAction' },
    'user.abort': { guard: 'canAbort', actions: 'applyUserAction' },
    'user.retry': { guard: 'canRetry', actions: 'applyUserAction' },
    'user.pause': { guard: 'canPause', actions: 'applyUserAction' },
    'user.resume': { guard: 'canResume', actions: 'applyUserAction' },
    'user.restart': { actions: 'applyUserAction' },
    'user.undo': { actions: 'applyUserAction' },
    'user.setImage': { actions: 'applyUserAction' },
    'user.scale': { actions: 'applyUserAction' },
    'spec.changed': { actions: 'applyUserAction' },
  },
  states: {
    route: {
      always: [
        { guard: 'isPhaseDegraded', target: 'Degraded' },
        { guard: 'isPhasePaused', target: 'Paused' },
        { guard: 'isPhaseHealthy', target: 'Healthy' },
        { target: 'Progressing' },
      ],
    },
    Progressing: { tags: ['Progressing'] },
    Paused: { tags: ['Paused'] },
    Healthy: { tags: ['Healthy'] },
    Degraded: { tags: ['Degraded'] },
  },
});

/**
 * createRolloutLogic wires the machine to the world: `reconcile` runs one reconcile through the
 * ports, records its events as emitted domain events and schedules the requeue as a delayed event
 * on the actor clock (one pending requeue, replaced unless it is due at the same instant);
 * `applyUserAction` sends the
 * kubectl plugin's patches.
 */
export function createRolloutLogic(ports: RolloutMachinePorts) {
  return provideRolloutActions(() => ports);
}

/**
 * rolloutLogic is {@link createRolloutLogic} built once, for actors whose input carries the ports
 * (`createActor(rolloutLogic, { input: { namespace, name, ports } })`): a world creates one actor
 * per Rollout without building a machine (XState's provide) each time.
 */
export const rolloutLogic = provideRolloutActions((context) => {
  if (context.ports === undefined) throw new Error('rolloutLogic: the actor input has no ports');
  return context.ports;
});

function provideRolloutActions(portsOf: (context: RolloutMachineContext) => RolloutMachinePorts) {
  return rolloutMachine.provide({
    actions: {
      reconcile: enqueueActions(({ context, event, enqueue }) => {
        const ports = portsOf(context);
        const previous = context.phase;
        const result = ports.reconcile(context.namespace, context.name);
        const specPaused = ports.specPaused(context.namespace, context.name);
        const now = ports.now?.();
        // The pending requeue, unless this is it firing.
        const pending = event.type === 'reconcile.due' ? undefined : context.requeueDueAt;
        const due =
          result.requeueAfterMs === undefined || now === undefined
            ? undefined
            : now + result.requeueAfterMs;
        const keep = due !== undefined && due === pending;
        enqueue.assign({
          phase: result.phase,
          specPaused,
          reconciles: context.reconciles + 1,
          requeueDueAt: result.requeueAfterMs === undefined ? undefined : due,
        });
        for (const event of result.events) enqueue(emit({ type: 'rollout.event' as const, event }));
        if (result.phase !== undefined && result.phase !== previous) {
          enqueue(emit({ type: 'rollout.phaseChanged' as const, phase: result.phase, previous }));
        }
        if (!keep) {
          // With the clock's now known, requeueDueAt tracks the pending requeue exactly: nothing
          // to cancel when none is pending (or when this is it firing).
          if (now === undefined || pending !== undefined) enqueue.cancel('requeue');
          if (result.requeueAfterMs !== undefined) {
            enqueue.raise(
              { type: 'reconcile.due' },
              { delay: result.requeueAfterMs, id: 'requeue' },
            );
          }
        }
      }),
      applyUserAction: enqueueActions(({ context, event, enqueue }) => {
        const ports = portsOf(context);
        assertEvent(event, [
          'user.promote',
          'user.promoteFull',
          'user.abort',
          'user.retry',
          'user.pause',
          'user.resume',
          'user.restart',
          'user.undo',
          'user.setImage',
          'user.scale',
          'spec.changed',
        ]);
        const action = userActionOf(event);
        const result = ports.act(context.namespace, context.name, action);
        enqueue.assign({
          lastAction: result,
          specPaused: ports.specPaused(context.namespace, context.name),
        });
        enqueue(emit({ type: 'rollout.userAction' as const, action: action.kind, result }));
      }),
    },
  });
}
