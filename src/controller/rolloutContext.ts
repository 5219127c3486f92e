/**
 * One reconcile's view of a Rollout and its ReplicaSets, plus the writes every strategy shares:
 * creating the new ReplicaSet, scaling with events, scale-down deadlines, the base status,
 * conditions and the final status patch.
 * Mirrors rollout/context.go, rollout/sync.go and rollout/replicaset.go. Rule: all writes go
 * through ports.client; time only from ports.nowMs().
 */
import type { AnalysisRun, Experiment, ReplicaSet, Rollout, RolloutStatus } from '../model';
import {
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getCurrentCanaryStep,
  getPodTemplateHash,
  getReplicaSetRevision,
  getReplicasOrDefault,
} from '../kernels';
import { epochMsFromRfc3339, rfc3339FromEpochMs } from '../sim';
import { cloneJson, isPlainObject, jsonEqual } from '../cluster/json';
import {
  ConditionType,
  DESIRED_REPLICAS_ANNOTATION,
  Message,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  Reason,
  SCALE_DOWN_DEADLINE_ANNOTATION,
} from './constants';
import {
  type RolloutCondition,
  getRolloutCondition,
  newRolloutCondition,
  removeRolloutCondition,
  setRolloutCondition,
} from './conditions';
import {
  addAbort,
  calculatePauseStatus,
  createPauseContext,
  isAborted,
  type PauseContext,
  removeAbort,
} from './pauseContext';
import { calculateRolloutPhase } from './phase';
import type { ControllerPorts, KubeObject, RecordedEvent } from './ports';

export interface RolloutContext {
  readonly ports: ControllerPorts;
  readonly nowMs: number;
  readonly now: string;
  rollout: Rollout;
  allRSs: ReplicaSet[];
  newRS: ReplicaSet | undefined;
  stableRS: ReplicaSet | undefined;
  /** Every RS but newRS and stableRS. */
  otherRSs: ReplicaSet[];
  /** Every RS but newRS. */
  olderRSs: ReplicaSet[];
  readonly pause: PauseContext;
  /** Status fields set by services, traffic routing and analysis before the final status. */
  newStatus: RolloutStatus;
  readonly events: RecordedEvent[];
  /** Delays (ms) after which the rollout asked to be reconciled again. */
  readonly requeueAfterMs: number[];
  /** Argo's validation result for this reconcile (of the rollout as stored, before workloadRef). */
  invalidSpec: string | undefined;
  /** The AnalysisRuns current in this reconcile (see rolloutAnalysis.ts currentRunsOf). */
  currentArs?: {
    step?: AnalysisRun | undefined;
    background?: AnalysisRun | undefined;
    prePromotion?: AnalysisRun | undefined;
    postPromotion?: AnalysisRun | undefined;
  };
  /** The Experiments this reconcile sees (see rolloutExperiment.ts stateOf), read on first use. */
  experiments?: {
    current: Experiment | undefined;
    others: Experiment[];
    /** Whether reconcileExperiments decided status.canary.currentExperiment this reconcile. */
    decided: boolean;
  };
}

const asObj = (o: unknown) => o as KubeObject;
/** clone copies the JSON-like values the controller keeps (keys holding undefined dropped). */
const clone = <T>(v: T): T => cloneJson(v);

/**
 * statusToPatch is a copy of the rollout's status to set conditions on before patchStatus: a
 * shallow copy suffices, since both only ever assign top-level fields (conditions are replaced
 * as a list, never edited in place), and the nested stored objects stay shared.
 */
function statusToPatch(rollout: Rollout): RolloutStatus {
  return { ...(rollout.status ?? {}) };
}

/** ownedBy: the controller owner reference points at the rollout (uid, else name). */
function ownedBy(obj: KubeObject, rollout: Rollout): boolean {
  return (obj.metadata.ownerReferences ?? []).some(
    (ref) =>
      ref.kind === 'Rollout' &&
      (rollout.metadata?.uid
        ? ref.uid === rollout.metadata.uid
        : ref.name === rollout.metadata?.name),
  );
}

/** createRolloutContext reads the rollout's ReplicaSets and sorts them into new, stable and other. */
export function createRolloutContext(ports: ControllerPorts, rollout: Rollout): RolloutContext {
  const namespace = rollout.metadata?.namespace ?? 'default';
  const allRSs = ports.client
    .list('ReplicaSet', namespace)
    .filter((rs) => ownedBy(rs, rollout) && !rs.metadata.deletionTimestamp)
    .map((rs) => rs as unknown as ReplicaSet);
  const nowMs = ports.nowMs();
  const ctx: RolloutContext = {
    ports,
    nowMs,
    now: rfc3339FromEpochMs(nowMs),
    rollout,
    allRSs,
    newRS: undefined,
    stableRS: undefined,
    otherRSs: [],
    olderRSs: [],
    pause: createPauseContext(rollout),
    newStatus: initialNewStatus(rollout),
    events: [],
    requeueAfterMs: [],
    invalidSpec: undefined,
  };
  classifyReplicaSets(ctx);
  // newRolloutContext: an abort on a fully promoted rollout means nothing and is removed.
  const s = rollout.status;
  if (s?.abort && !!s.stableRS && s.stableRS === s.currentPodHash) removeAbort(ctx.pause);
  return ctx;
}

function initialNewStatus(rollout: Rollout): RolloutStatus {
  const prev = rollout.status ?? {};
  const status: RolloutStatus = {};
  if (prev.restartedAt) status.restartedAt = prev.restartedAt;
  if (prev.canary?.weights) status.canary = { weights: clone(prev.canary.weights) };
  if (prev.blueGreen) status.blueGreen = clone(prev.blueGreen);
  return status;
}

/** currentTemplateHash is the hash the rollout's template has now (Argo's ComputeHash). */
export function currentTemplateHash(ctx: RolloutContext): string {
  return ctx.ports.hashPodTemplate(ctx.rollout.spec.template, ctx.rollout.status?.collisionCount);
}

/** classifyReplicaSets recomputes newRS / stableRS / otherRSs / olderRSs from allRSs. */
export function classifyReplicaSets(ctx: RolloutContext): void {
  const hash = currentTemplateHash(ctx);
  ctx.newRS = ctx.allRSs.find((rs) => getPodTemplateHash(rs) === hash);
  const stableHash = ctx.rollout.status?.stableRS ?? '';
  ctx.stableRS = stableHash
    ? ctx.allRSs.find((rs) => getPodTemplateHash(rs) === stableHash)
    : undefined;
  ctx.otherRSs = ctx.allRSs.filter((rs) => rs !== ctx.newRS && rs !== ctx.stableRS);
  ctx.olderRSs = ctx.allRSs.filter((rs) => rs !== ctx.newRS);
}

export function record(
  ctx: RolloutContext,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
): void {
  ctx.events.push({ type, reason, message });
}

export function requeueAfter(ctx: RolloutContext, ms: number): void {
  ctx.requeueAfterMs.push(Math.max(0, ms));
}

export function rolloutReplicas(ctx: RolloutContext): number {
  return getReplicasOrDefault(ctx.rollout.spec.replicas);
}

export function revisionOf(rs: ReplicaSet | undefined): number {
  return rs ? getReplicaSetRevision(rs) : 0;
}

/** The rollout's own revision annotation (mirrors the newRS revision). */
export function rolloutRevision(ctx: RolloutContext): number {
  const text = ctx.rollout.metadata?.annotations?.[REVISION_ANNOTATION];
  return text && /^\d+$/.test(text) ? Number(text) : 0;
}

function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((m, rs) => Math.max(m, getReplicaSetRevision(rs)), 0);
}

function replaceRS(ctx: RolloutContext, updated: ReplicaSet): ReplicaSet {
  const name = updated.metadata?.name;
  ctx.allRSs = ctx.allRSs.map((rs) => (rs.metadata?.name === name ? updated : rs));
  classifyReplicaSets(ctx);
  return updated;
}

function setRolloutRevision(ctx: RolloutContext, revision: number): void {
  if (rolloutRevision(ctx) === revision) return;
  const ns = ctx.rollout.metadata?.namespace ?? 'default';
  const updated = ctx.ports.client.patch('Rollout', ns, ctx.rollout.metadata!.name!, {
    metadata: { annotations: { [REVISION_ANNOTATION]: String(revision) } },
  });
  ctx.rollout = { ...ctx.rollout, metadata: updated.metadata };
}

/**
 * syncReplicaSetRevision gives an existing newRS the revision max(older)+1 (a rollback to an old
 * template re-uses its ReplicaSet under a new revision) and copies it to the rollout.
 */
export function syncReplicaSetRevision(ctx: RolloutContext): void {
  const rs = ctx.newRS;
  if (!rs) return;
  const newRevision = maxRevision(ctx.olderRSs) + 1;
  const current = getReplicaSetRevision(rs);
  const replicasAnno = String(rolloutReplicas(ctx));
  const annotations = { ...(rs.metadata?.annotations ?? {}) };
  let changed = false;
  if (current < newRevision) {
    if (current > 0) {
      const history = annotations['rollout.argoproj.io/revision-history'];
      annotations['rollout.argoproj.io/revision-history'] = history
        ? `${history},${current}`
        : String(current);
    }
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (annotations[DESIRED_REPLICAS_ANNOTATION] === undefined) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = replicasAnno;
    changed = true;
  }
  const minReadySeconds = ctx.rollout.spec.minReadySeconds ?? 0;
  const rsMinReady = rs.spec?.minReadySeconds ?? 0;
  if (changed || minReadySeconds !== rsMinReady) {
    const ns = rs.metadata?.namespace ?? 'default';
    const updated = ctx.ports.client.patch('ReplicaSet', ns, rs.metadata!.name!, {
      metadata: { annotations },
      spec: { minReadySeconds: minReadySeconds || null },
    }) as unknown as ReplicaSet;
    replaceRS(ctx, updated);
  }
  setRolloutRevision(ctx, getReplicaSetRevision(ctx.newRS!));
  if (!getRolloutCondition(ctx.rollout.status, ConditionType.Progressing)) {
    const status = statusToPatch(ctx.rollout);
    setRolloutCondition(
      status,
      newRolloutCondition(
        ConditionType.Progressing,
        'True',
        Reason.FoundNewReplicaSet,
        Message.foundNewRS(ctx.newRS!.metadata!.name!),
        ctx.now,
      ),
    );
    patchStatus(ctx, status);
  }
}

/** createDesiredReplicaSet creates the ReplicaSet of the current template (Argo's createDesiredReplicaSet). */
export function createDesiredReplicaSet(
  ctx: RolloutContext,
  initialReplicas: (rs: ReplicaSet) => number,
): ReplicaSet {
  const ro = ctx.rollout;
  const ns = ro.metadata?.namespace ?? 'default';
  const hash = currentTemplateHash(ctx);
  const revision = maxRevision(ctx.olderRSs) + 1;
  const template = clone<NonNullable<Rollout['spec']['template']>>(ro.spec.template ?? {});
  template.metadata = { ...(template.metadata ?? {}) };
  template.metadata.labels = {
    ...(template.metadata.labels ?? {}),
    [POD_TEMPLATE_HASH_LABEL]: hash,
  };
  const selector = clone(ro.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${ro.metadata?.name}-${hash}`,
      namespace: ns,
      labels: { ...template.metadata.labels },
      annotations: {
        [REVISION_ANNOTATION]: String(revision),
        [DESIRED_REPLICAS_ANNOTATION]: String(rolloutReplicas(ctx)),
      },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          name: ro.metadata?.name ?? '',
          uid: ro.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: 0,
      selector,
      template: template,
      ...(ro.spec.minReadySeconds ? { minReadySeconds: ro.spec.minReadySeconds } : {}),
    },
  };
  const replicas = initialReplicas(rs);
  rs.spec!.replicas = replicas;
  const created = ctx.ports.client.create(asObj(rs)) as unknown as ReplicaSet;
  ctx.allRSs = [...ctx.allRSs, created];
  classifyReplicaSets(ctx);
  record(
    ctx,
    Reason.NewReplicaSetCreated,
    `Created ReplicaSet ${created.metadata?.name} (revision ${revision})`,
  );
  if (replicas > 0) {
    record(
      ctx,
      Reason.ScalingReplicaSet,
      `Scaled up ReplicaSet ${created.metadata?.name} (revision ${revision}) from 0 to ${replicas}`,
    );
  }
  setRolloutRevision(ctx, revision);
  const status = statusToPatch(ctx.rollout);
  setRolloutCondition(
    status,
    newRolloutCondition(
      ConditionType.Progressing,
      'True',
      Reason.NewReplicaSetCreated,
      Message.newReplicaSet(created.metadata!.name!),
      ctx.now,
    ),
  );
  patchStatus(ctx, status);
  return created;
}

/** patchStatus writes a status merge patch (conditions only path, like Argo's patchCondition). */
function patchStatus(ctx: RolloutContext, status: RolloutStatus): void {
  const ns = ctx.rollout.metadata?.namespace ?? 'default';
  status.observedGeneration = String(ctx.rollout.metadata?.generation ?? 0);
  const { phase, message } = calculateRolloutPhase(ctx.rollout.spec, status, rolloutReplicas(ctx));
  status.phase = phase;
  status.message = message;
  const updated = ctx.ports.client.patch(
    'Rollout',
    ns,
    ctx.rollout.metadata!.name!,
    {
      status: fullStatusPatch(
        (ctx.rollout.status ?? {}) as Record<string, unknown>,
        status as Record<string, unknown>,
      ),
    },
    'status',
  );
  // Keep this reconcile's spec (it may hold a template resolved from workloadRef).
  ctx.rollout = { ...(updated as unknown as Rollout), spec: ctx.rollout.spec };
}

/**
 * fullStatusPatch turns "replace status with `next`" into a JSON merge patch: changed fields,
 * and null for fields that disappeared (merge patches cannot express removal otherwise).
 */
export function fullStatusPatch(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  return statusPatch(prev, next, false);
}

/**
 * statusPatch is fullStatusPatch; with `strip`, it equals fullStatusPatch(prev, JSON round trip of
 * next) without serialising `next`: changed values are copied through JSON, the rest only compared.
 */
function statusPatch(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
  strip: boolean,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(prev))
    if (!(key in next) || (strip ? isJsonAbsent(next[key]) : next[key] === undefined))
      patch[key] = null;
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    if (strip && isJsonAbsent(value)) continue;
    const before = prev[key];
    if (jsonEqual(before, value)) continue;
    // Nested objects are diffed too, so a key removed inside (e.g. blueGreen.scaleUpPreviewCheckPoint) becomes null.
    patch[key] =
      isPlainObject(before) && isPlainObject(value)
        ? statusPatch(before, value, strip)
        : strip
          ? stripJson(value)
          : value;
  }
  return patch;
}

/**
 * stripJson is cloneJson for a patch: frozen subtrees (stored objects, already plain JSON) are
 * kept as they are, so the store shares them instead of copying them again.
 */
function stripJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(stripJson) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (!isJsonAbsent(v)) out[key] = stripJson(v);
  }
  return out as T;
}

/** isJsonAbsent: JSON.stringify drops this value from an object. */
function isJsonAbsent(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** scaleReplicaSetAndRecordEvent sets spec.replicas (and the desired-replicas annotation). Returns whether the size changed. */
export function scaleReplicaSetAndRecordEvent(
  ctx: RolloutContext,
  rs: ReplicaSet,
  newScale: number,
): boolean {
  const current = rs.spec?.replicas ?? 1;
  const desiredAnno = String(rolloutReplicas(ctx));
  const annotations = rs.metadata?.annotations ?? {};
  const sizeNeedsUpdate = current !== newScale;
  const annoNeedsUpdate = annotations[DESIRED_REPLICAS_ANNOTATION] !== desiredAnno;
  if (!sizeNeedsUpdate && !annoNeedsUpdate) return false;
  const patchAnnotations: Record<string, string | null> = {
    [DESIRED_REPLICAS_ANNOTATION]: desiredAnno,
  };
  if (newScale === 0 && annotations[SCALE_DOWN_DEADLINE_ANNOTATION] !== undefined) {
    patchAnnotations[SCALE_DOWN_DEADLINE_ANNOTATION] = null;
  }
  const ns = rs.metadata?.namespace ?? 'default';
  const updated = ctx.ports.client.patch('ReplicaSet', ns, rs.metadata!.name!, {
    metadata: { annotations: patchAnnotations },
    spec: { replicas: newScale },
  }) as unknown as ReplicaSet;
  replaceRS(ctx, updated);
  if (sizeNeedsUpdate) {
    const dir = current < newScale ? 'up' : 'down';
    record(
      ctx,
      Reason.ScalingReplicaSet,
      `Scaled ${dir} ReplicaSet ${rs.metadata?.name} (revision ${getReplicaSetRevision(rs)}) from ${current} to ${newScale}`,
    );
  }
  return sizeNeedsUpdate;
}

export function hasScaleDownDeadline(rs: ReplicaSet | undefined): boolean {
  return !!rs?.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
}

/** Milliseconds until the RS's scale-down deadline (≤ 0 when passed), or undefined without one. */
export function timeRemainingBeforeScaleDown(
  ctx: RolloutContext,
  rs: ReplicaSet,
): number | undefined {
  const text = rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
  if (!text) return undefined;
  const at = epochMsFromRfc3339(text);
  return at === undefined ? undefined : at - ctx.nowMs;
}

export function addScaleDownDelay(ctx: RolloutContext, rs: ReplicaSet, delaySeconds: number): void {
  const ns = rs.metadata?.namespace ?? 'default';
  if (delaySeconds === 0) {
    removeScaleDownDelay(ctx, rs);
    return;
  }
  const deadline = rfc3339FromEpochMs(ctx.nowMs + delaySeconds * 1000);
  const updated = ctx.ports.client.patch('ReplicaSet', ns, rs.metadata!.name!, {
    metadata: { annotations: { [SCALE_DOWN_DEADLINE_ANNOTATION]: deadline } },
  }) as unknown as ReplicaSet;
  replaceRS(ctx, updated);
}

export function removeScaleDownDelay(ctx: RolloutContext, rs: ReplicaSet): void {
  if (!hasScaleDownDeadline(rs)) return;
  const ns = rs.metadata?.namespace ?? 'default';
  const updated = ctx.ports.client.patch('ReplicaSet', ns, rs.metadata!.name!, {
    metadata: { annotations: { [SCALE_DOWN_DEADLINE_ANNOTATION]: null } },
  }) as unknown as ReplicaSet;
  replaceRS(ctx, updated);
}

/** isScalingEvent: an active RS's desired-replicas annotation disagrees with spec.replicas (HPA/scale). */
export function isScalingEvent(ctx: RolloutContext): boolean {
  const replicas = String(rolloutReplicas(ctx));
  return ctx.allRSs.some((rs) => {
    if ((rs.spec?.replicas ?? 0) <= 0) return false;
    const desired = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    return desired !== undefined && desired !== replicas;
  });
}

/** calculateBaseStatus fills the counters every strategy reports (Argo's calculateBaseStatus). */
export function calculateBaseStatus(ctx: RolloutContext): RolloutStatus {
  const prev = ctx.rollout.status ?? {};
  const status: RolloutStatus = clone(ctx.newStatus);
  status.currentPodHash = ctx.newRS ? getPodTemplateHash(ctx.newRS) : currentTemplateHash(ctx);
  status.replicas = getActualReplicaCountForReplicaSets(ctx.allRSs);
  status.updatedReplicas = getActualReplicaCountForReplicaSets(ctx.newRS ? [ctx.newRS] : []);
  status.readyReplicas = ctx.allRSs.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  // A fresh list of the stored (frozen) conditions: conditions are only ever replaced
  // (setRolloutCondition, removeRolloutCondition), so unchanged ones stay the stored objects.
  status.conditions = [...(prev.conditions ?? [])];
  if (!ctx.invalidSpec) removeRolloutCondition(status, ConditionType.InvalidSpec);
  if (prev.promoteFull && status.currentPodHash !== prev.stableRS) status.promoteFull = true;
  else delete status.promoteFull;
  return status;
}

function isIndefiniteStep(rollout: Rollout): boolean {
  const { step } = getCurrentCanaryStep(rollout);
  return (
    !!step &&
    (step.experiment !== undefined || step.analysis !== undefined || step.pause !== undefined)
  );
}

/** rolloutHealthy: everything updated, available and at the end of the strategy (conditions.RolloutHealthy). */
export function rolloutHealthy(ctx: RolloutContext, s: RolloutStatus): boolean {
  const ro = ctx.rollout;
  const replicas = rolloutReplicas(ctx);
  let completedStrategy = true;
  const bg = ro.spec.strategy?.blueGreen;
  if (bg) {
    const active = s.blueGreen?.activeSelector === s.currentPodHash;
    const preview = bg.previewService ? s.blueGreen?.previewSelector === s.currentPodHash : true;
    completedStrategy = active && preview;
  }
  const canary = ro.spec.strategy?.canary;
  if (canary) {
    const stepCount = canary.steps?.length ?? 0;
    const executedAll =
      stepCount > 0 && s.currentStepIndex !== undefined ? s.currentStepIndex === stepCount : true;
    const stable = !!s.stableRS && s.stableRS === s.currentPodHash;
    completedStrategy = executedAll && stable && s.replicas === replicas;
  }
  return (
    s.updatedReplicas === replicas &&
    s.availableReplicas === replicas &&
    ro.status?.observedGeneration === String(ro.metadata?.generation ?? 0) &&
    completedStrategy
  );
}

function rolloutProgressing(ctx: RolloutContext, s: RolloutStatus): boolean {
  const old = ctx.rollout.status ?? {};
  let strategyProgress = false;
  if (ctx.rollout.spec.strategy?.blueGreen) {
    strategyProgress =
      old.blueGreen?.activeSelector !== s.blueGreen?.activeSelector ||
      old.blueGreen?.previewSelector !== s.blueGreen?.previewSelector;
  }
  if (ctx.rollout.spec.strategy?.canary) {
    const stepChanged =
      s.currentStepIndex !== undefined &&
      old.currentStepIndex !== undefined &&
      s.currentStepIndex !== old.currentStepIndex;
    strategyProgress =
      (s.stableRS ?? '') !== (old.stableRS ?? '') ||
      stepChanged ||
      (s.currentStepHash ?? '') !== (old.currentStepHash ?? '');
  }
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0) ||
    strategyProgress
  );
}

function rolloutTimedOut(ctx: RolloutContext, s: RolloutStatus): boolean {
  const cond = getRolloutCondition(s, ConditionType.Progressing);
  if (!cond || cond.reason === Reason.RolloutAborted) return false;
  if (cond.reason === Reason.ProgressDeadlineExceeded) return true;
  const from = epochMsFromRfc3339(String(cond.lastUpdateTime ?? ''));
  if (from === undefined) return false;
  const deadline = (ctx.rollout.spec.progressDeadlineSeconds ?? 600) * 1000;
  return from + deadline < ctx.nowMs;
}

/** calculateRolloutConditions: Healthy, Progressing (with deadline), Available, ReplicaFailure, Completed. */
export function calculateRolloutConditions(
  ctx: RolloutContext,
  input: RolloutStatus,
): RolloutStatus {
  const s = input;
  const ro = ctx.rollout;
  const paused = (ro.status?.pauseConditions?.length ?? 0) > 0 || ro.spec.paused === true;
  const aborted = isAborted(ctx.pause);

  let becameUnhealthy = false;
  const healthyCond = getRolloutCondition(ro.status, ConditionType.Healthy);
  if (!paused && rolloutHealthy(ctx, s)) {
    setRolloutCondition(
      s,
      newRolloutCondition(
        ConditionType.Healthy,
        'True',
        Reason.RolloutHealthy,
        Message.healthy,
        ctx.now,
      ),
    );
  } else if (healthyCond) {
    becameUnhealthy = setRolloutCondition(
      s,
      newRolloutCondition(
        ConditionType.Healthy,
        'False',
        Reason.RolloutHealthy,
        Message.notHealthy,
        ctx.now,
      ),
    );
  }

  if (aborted) {
    let message = Message.rolloutAborted(rolloutRevision(ctx));
    if (ctx.pause.abortMessage) message = `${message}: ${ctx.pause.abortMessage}`;
    if (
      setRolloutCondition(
        s,
        newRolloutCondition(
          ConditionType.Progressing,
          'False',
          Reason.RolloutAborted,
          message,
          ctx.now,
        ),
      )
    ) {
      record(ctx, Reason.RolloutAborted, message, 'Warning');
    }
  }

  const currentCond = getRolloutCondition(ro.status, ConditionType.Progressing);
  const rsName = ctx.newRS?.metadata?.name ?? '';
  if (!aborted) {
    if (rolloutHealthy(ctx, s)) {
      setRolloutCondition(
        s,
        newRolloutCondition(
          ConditionType.Progressing,
          'True',
          Reason.NewReplicaSetAvailable,
          Message.replicaSetCompleted(rsName),
          ctx.now,
        ),
      );
    } else if (rolloutProgressing(ctx, s) || becameUnhealthy) {
      let reason: string = Reason.ReplicaSetUpdated;
      let msg = Message.replicaSetProgressing(rsName);
      if (s.stableRS === s.currentPodHash && becameUnhealthy) {
        reason = Reason.ReplicaSetNotAvailable;
        msg = Message.notAvailable;
      }
      const next = newRolloutCondition(ConditionType.Progressing, 'True', reason, msg, ctx.now);
      if (currentCond) {
        if (currentCond.status === 'True') next.lastTransitionTime = currentCond.lastTransitionTime;
        removeRolloutCondition(s, ConditionType.Progressing);
      }
      // Re-set even when unchanged (it moves to the end, as in Argo); an identical condition is
      // the current object itself, so the stored one is kept.
      setRolloutCondition(s, currentCond && jsonEqual(currentCond, next) ? currentCond : next);
    } else if (!isIndefiniteStep(ro) && rolloutTimedOut(ctx, s)) {
      const msg = Message.replicaSetTimeOut(rsName);
      const changed = setRolloutCondition(
        s,
        newRolloutCondition(
          ConditionType.Progressing,
          'False',
          Reason.ProgressDeadlineExceeded,
          msg,
          ctx.now,
        ),
      );
      if (ro.spec.progressDeadlineAbort && (changed || !isAborted(ctx.pause))) {
        addAbort(ctx.pause, msg);
        record(ctx, Reason.RolloutAborted, msg, 'Warning');
      }
    }
  }

  const replicas = rolloutReplicas(ctx);
  const activeRS = ctx.allRSs.find((rs) => getPodTemplateHash(rs) === s.blueGreen?.activeSelector);
  const available =
    (ro.spec.strategy?.blueGreen && activeRS && isSaturatedRS(ctx, activeRS)) ||
    (ro.spec.strategy?.canary && getAvailableReplicaCountForReplicaSets(ctx.allRSs) >= replicas);
  setRolloutCondition(
    s,
    available
      ? newRolloutCondition(
          ConditionType.Available,
          'True',
          Reason.Available,
          Message.available,
          ctx.now,
        )
      : newRolloutCondition(
          ConditionType.Available,
          'False',
          Reason.Available,
          Message.notAvailable,
          ctx.now,
        ),
  );

  const failure = replicaFailure(ctx);
  if (failure) setRolloutCondition(s, failure);
  else removeRolloutCondition(s, ConditionType.ReplicaFailure);

  if (s.stableRS && s.stableRS === s.currentPodHash) {
    setRolloutCondition(
      s,
      newRolloutCondition(
        ConditionType.Completed,
        'True',
        Reason.RolloutCompleted,
        Reason.RolloutCompleted,
        ctx.now,
      ),
    );
  } else if (
    setRolloutCondition(
      s,
      newRolloutCondition(
        ConditionType.Completed,
        'False',
        Reason.RolloutCompleted,
        Reason.RolloutCompleted,
        ctx.now,
      ),
    )
  ) {
    record(
      ctx,
      Reason.RolloutNotCompleted,
      `Rollout not completed, started update to revision ${rolloutRevision(ctx) + 1} (${s.currentPodHash})`,
    );
  }
  return s;
}

function isSaturatedRS(ctx: RolloutContext, rs: ReplicaSet): boolean {
  const replicas = rolloutReplicas(ctx);
  const desired = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return (
    (rs.spec?.replicas ?? 0) === replicas &&
    desired === String(replicas) &&
    (rs.status?.availableReplicas ?? 0) === replicas
  );
}

function replicaFailureCondition(
  c: NonNullable<NonNullable<ReplicaSet['status']>['conditions']>[number],
): RolloutCondition {
  return {
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime,
    lastUpdateTime: c.lastTransitionTime,
  } as unknown as RolloutCondition;
}

function replicaFailure(ctx: RolloutContext) {
  const fromNew = ctx.newRS?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (fromNew) return replicaFailureCondition(fromNew);
  for (const rs of ctx.allRSs) {
    const c = rs.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) return replicaFailureCondition(c);
  }
  return undefined;
}

/**
 * persistRolloutStatus folds pause/abort decisions in, stamps observedGeneration, phase and message,
 * and patches the status if anything changed; otherwise it schedules the progress-deadline check.
 */
export function persistRolloutStatus(ctx: RolloutContext, newStatus: RolloutStatus): void {
  const prev = ctx.rollout.status ?? {};
  calculatePauseStatus(ctx.pause, newStatus, ctx.now);
  newStatus.observedGeneration = String(ctx.rollout.metadata?.generation ?? 0);
  const { phase, message } = calculateRolloutPhase(
    ctx.rollout.spec,
    newStatus,
    rolloutReplicas(ctx),
  );
  newStatus.phase = phase;
  newStatus.message = message;
  const patch = statusPatch(
    prev as Record<string, unknown>,
    newStatus as Record<string, unknown>,
    true,
  );
  if (Object.keys(patch).length === 0) {
    requeueStuckRollout(ctx, newStatus);
    return;
  }
  const ns = ctx.rollout.metadata?.namespace ?? 'default';
  const updated = ctx.ports.client.patch(
    'Rollout',
    ns,
    ctx.rollout.metadata!.name!,
    { status: patch },
    'status',
  );
  ctx.rollout = { ...(updated as unknown as Rollout), spec: ctx.rollout.spec };
  const prevPaused = (prev.pauseConditions?.length ?? 0) > 0;
  const currPaused = (newStatus.pauseConditions?.length ?? 0) > 0;
  if (prevPaused !== currPaused) {
    if (currPaused)
      record(
        ctx,
        Reason.RolloutPaused,
        `${Message.rolloutPaused} (${newStatus.pauseConditions![0].reason})`,
      );
    else if (!newStatus.abortedAt) record(ctx, Reason.RolloutResumed, Message.rolloutResumed);
  }
}

function requeueStuckRollout(ctx: RolloutContext, s: RolloutStatus): void {
  const ro = ctx.rollout;
  const cond = getRolloutCondition(ro.status, ConditionType.Progressing);
  if (!cond) return;
  const paused = (ro.status?.pauseConditions?.length ?? 0) > 0 || ro.spec.paused === true;
  if (
    rolloutHealthy(ctx, s) ||
    cond.reason === Reason.ProgressDeadlineExceeded ||
    paused ||
    ro.status?.abort ||
    isIndefiniteStep(ro)
  ) {
    return;
  }
  const from = epochMsFromRfc3339(String(cond.lastUpdateTime ?? ''));
  if (from === undefined) return;
  const after = from + (ro.spec.progressDeadlineSeconds ?? 600) * 1000 - ctx.nowMs;
  requeueAfter(ctx, after < 1000 ? 0 : after + 1000);
}

/** createInvalidRolloutCondition: InvalidSpec condition, phase Degraded, retried after 20 s. */
export function setInvalidSpec(ctx: RolloutContext, detail: string): void {
  const status = statusToPatch(ctx.rollout);
  const message = Message.invalidSpec(ctx.rollout.metadata?.name ?? '', detail);
  setRolloutCondition(
    status,
    newRolloutCondition(ConditionType.InvalidSpec, 'True', Reason.InvalidSpec, message, ctx.now),
  );
  patchStatus(ctx, status);
  requeueAfter(ctx, 20_000);
}

/** checkPausedConditions keeps the Progressing/Paused conditions in step with pausing; true if it patched. */
export function checkPausedConditions(ctx: RolloutContext): boolean {
  const ro = ctx.rollout;
  const prog = getRolloutCondition(ro.status, ConditionType.Progressing);
  const progPaused = prog?.reason === Reason.RolloutPaused;
  const paused = (ro.status?.pauseConditions?.length ?? 0) > 0 || ro.spec.paused === true;
  const abortCond = prog?.reason === Reason.RolloutAborted;
  // Once the rollout is completed (stable == current) pausing no longer flips Progressing.
  const completed = !!ro.status?.stableRS && ro.status.stableRS === ro.status.currentPodHash;
  const updates = [];
  if (paused !== progPaused && !abortCond && !(paused && completed)) {
    updates.push(
      paused
        ? newRolloutCondition(
            ConditionType.Progressing,
            'Unknown',
            Reason.RolloutPaused,
            Message.rolloutPaused,
            ctx.now,
          )
        : newRolloutCondition(
            ConditionType.Progressing,
            'Unknown',
            Reason.RolloutResumed,
            Message.rolloutResumed,
            ctx.now,
          ),
    );
  }
  if (!ro.status?.abort && abortCond) {
    updates.push(
      newRolloutCondition(
        ConditionType.Progressing,
        'Unknown',
        Reason.RolloutRetry,
        Message.rolloutRetry,
        ctx.now,
      ),
    );
  }
  const pausedCond = getRolloutCondition(ro.status, ConditionType.Paused);
  const pausedTrue = pausedCond?.status === 'True';
  if (paused !== pausedTrue && !abortCond) {
    updates.push(
      newRolloutCondition(
        ConditionType.Paused,
        paused ? 'True' : 'False',
        Reason.RolloutPaused,
        Message.rolloutPaused,
        ctx.now,
      ),
    );
  }
  if (updates.length === 0) return false;
  const status = statusToPatch(ro);
  let changed = false;
  for (const u of updates) changed = setRolloutCondition(status, u) || changed;
  if (!changed) return false;
  patchStatus(ctx, status);
  return true;
}
