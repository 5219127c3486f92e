/**
 * One reconcile of one Rollout: the early exits, then the strategy. Returns the events recorded
 * and when the rollout asked to be looked at again. Mirrors rollout/controller.go
 * (syncHandler / rolloutContext.reconcile). Rule: synchronous; all effects through the ports.
 */
import type { Rollout } from '../model';
import { getPauseCondition } from './pauseContext';
import { PauseReason } from './constants';
import { rolloutCanary, syncReplicasOnlyCanary } from './canary';
import { rolloutBlueGreen, syncReplicasOnlyBlueGreen } from './blueGreen';
import type { ControllerPorts, RecordedEvent } from './ports';
import { missingReference } from './references';
import {
  checkPausedConditions,
  createRolloutContext,
  isScalingEvent,
  setInvalidSpec,
} from './rolloutContext';

export interface ReconcileResult {
  /** Kubernetes events recorded in this reconcile, in order. */
  readonly events: readonly RecordedEvent[];
  /** The soonest the rollout asked to be reconciled again (ms from now), if it did. */
  readonly requeueAfterMs: number | undefined;
  /** The phase after this reconcile (status.phase), for the machine's tags. */
  readonly phase: string | undefined;
}

/** The strategies a reconcile can run; blue-green plugs in here (see blueGreen.ts when present). */
export interface StrategyHandlers {
  readonly blueGreen?: (ctx: ReturnType<typeof createRolloutContext>) => void;
  readonly blueGreenReplicasOnly?: (
    ctx: ReturnType<typeof createRolloutContext>,
    isScaling: boolean,
  ) => void;
}

/**
 * resolveWorkloadRef gives a rollout with `spec.workloadRef` the pod template (and, when it has
 * none, the selector) of the referenced Deployment, in memory only, as templateref.go does.
 */
function resolveWorkloadRef(ports: ControllerPorts, rollout: Rollout): Rollout {
  const ref = rollout.spec.workloadRef;
  if (!ref || rollout.spec.template?.spec?.containers?.length) return rollout;
  const dep = ports.client.get(
    ref.kind ?? 'Deployment',
    rollout.metadata?.namespace ?? 'default',
    ref.name ?? '',
  );
  const depSpec = dep?.spec as
    { template?: Rollout['spec']['template']; selector?: Rollout['spec']['selector'] } | undefined;
  if (!depSpec?.template) return rollout;
  return {
    ...rollout,
    spec: {
      ...rollout.spec,
      template: depSpec.template,
      selector: rollout.spec.selector ?? depSpec.selector,
    },
  };
}

/** reconcileRollout runs one reconcile of the named rollout against the ports. */
export function reconcileRollout(
  ports: ControllerPorts,
  namespace: string,
  name: string,
  strategies: StrategyHandlers = {},
): ReconcileResult {
  const obj = ports.client.get('Rollout', namespace, name);
  if (!obj || obj.metadata.deletionTimestamp)
    return { events: [], requeueAfterMs: undefined, phase: undefined };
  const rollout = resolveWorkloadRef(ports, obj as unknown as Rollout);
  const ctx = createRolloutContext(ports, rollout);

  // Validate the rollout as stored: a workloadRef rollout has no template of its own (Argo marks the
  // resolved one TemplateResolvedFromRef and skips the template rules).
  const invalid = ports.validateRollout(obj) ?? missingReference(ports, rollout);
  ctx.invalidSpec = invalid;
  if (invalid) {
    setInvalidSpec(ctx, invalid);
    return resultOf(ctx);
  }
  const observed = rollout.status?.observedGeneration === String(rollout.metadata?.generation ?? 0);
  if (observed && checkPausedConditions(ctx)) return resultOf(ctx);

  const scaling = isScalingEvent(ctx);
  const bg = rollout.spec.strategy?.blueGreen;
  if (
    getPauseCondition(rollout, PauseReason.InconclusiveAnalysisRun) ||
    rollout.spec.paused ||
    scaling
  ) {
    if (bg) (strategies.blueGreenReplicasOnly ?? syncReplicasOnlyBlueGreen)(ctx, scaling);
    else syncReplicasOnlyCanary(ctx, scaling);
    return resultOf(ctx);
  }
  if (bg) (strategies.blueGreen ?? rolloutBlueGreen)(ctx);
  else rolloutCanary(ctx);
  return resultOf(ctx);
}

/** resultOf is what one reconcile reports: its events, the earliest requeue asked for, the phase. */
function resultOf(ctx: ReturnType<typeof createRolloutContext>): ReconcileResult {
  return {
    events: ctx.events,
    requeueAfterMs: ctx.requeueAfterMs.length ? Math.min(...ctx.requeueAfterMs) : undefined,
    phase: ctx.rollout.status?.phase,
  };
}
