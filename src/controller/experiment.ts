/**
 * reconcileExperiment: one pass of Argo's experiment controller over a plain Experiment object —
 * a ReplicaSet (and optional Service) per template, template statuses, the experiment's
 * AnalysisRuns, the phase, conditions, delayed scale-down and the next requeue.
 * Argo counterparts: experiments/{controller,experiment,replicaset,service,conditions}.go.
 * Rule: synchronous; every write through `env.client`; time is `env.nowMs`, never read.
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  ClusterAnalysisTemplate,
  Experiment,
  ReplicaSet,
} from '../model';
import {
  EXPERIMENT_NAME_ANNOTATION,
  EXPERIMENT_TEMPLATE_NAME_ANNOTATION,
  calculateEnqueueDelayMs,
  calculateExperimentPhase,
  calculateTemplateReplicasCount,
  experimentProgressDeadlineSeconds,
  experimentProgressing,
  experimentScaleDownDelaySeconds,
  getExperimentAnalysisRunStatus,
  getTemplateStatus,
  isCompletedPhase,
  isExperimentTerminating,
  nameForNewAnalysisRun,
  newAnalysisRunFromTemplates,
  passedDuration,
  resolveExperimentArgsValue,
  resolveTemplateRefs,
  setExperimentAnalysisRunStatus,
  setTemplateStatus,
  templateStatusCompleted,
  verifyExperimentSpec,
  type AnalysisArgument,
  type ExperimentAnalysisRef,
  type ExperimentAnalysisRunStatus,
  type ExperimentCondition,
  type ExperimentStatus,
  type ExperimentTemplate,
  type ExperimentTemplateStatus,
} from '../kernels';
import { epochMsFromRfc3339, rfc3339FromEpochMs } from '../sim';
import { POD_TEMPLATE_HASH_LABEL, SCALE_DOWN_DEADLINE_ANNOTATION } from './constants';
import type { ControllerClient, KubeObject, RecordedEvent } from './ports';
import { fullStatusPatch } from './rolloutContext';

/** ExperimentEnv is the world one experiment pass sees. */
export interface ExperimentEnv {
  readonly client: ControllerClient;
  /** Current time as epoch ms. */
  readonly nowMs: number;
  /** Pod-template hash of a template (Argo's ComputeHash), as the Rollout controller uses. */
  hashPodTemplate(template: unknown, collisionCount?: number): string;
}

/** ExperimentReconcileResult is the experiment after one pass and when to look again. */
export interface ExperimentReconcileResult {
  /** The experiment as stored after the pass (its status persisted when it changed). */
  readonly experiment: Experiment;
  /** Events recorded on the experiment, in order. */
  readonly events: readonly RecordedEvent[];
  /** Milliseconds until a timed pass is due (duration, progress deadline, scale-down delay). */
  readonly nextReconcileInMs?: number;
  /** status.phase after the pass. */
  readonly phase: string | undefined;
}

/** Experiment condition types, reasons and messages (utils/conditions). */
export const ExperimentConditionType = {
  Progressing: 'Progressing',
  InvalidSpec: 'InvalidSpec',
} as const;

const ExperimentReason = {
  InvalidSpec: 'InvalidSpec',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ExperimentCompleted: 'ExperimentCompleted',
} as const;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

interface Pass {
  readonly env: ExperimentEnv;
  readonly ex: Experiment;
  readonly namespace: string;
  readonly now: string;
  readonly newStatus: ExperimentStatus;
  readonly terminating: boolean;
  readonly templateRSs: Record<string, ReplicaSet | undefined>;
  readonly templateServices: Record<string, KubeObject | undefined>;
  readonly events: RecordedEvent[];
  readonly requeues: number[];
}

function record(p: Pass, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal') {
  p.events.push({ type, reason, message });
}

function controllerOf(obj: {
  metadata?: { ownerReferences?: KubeObject['metadata']['ownerReferences'] };
}) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller);
}

/** ownedByExperiment: the controller reference is the experiment (uid, else name) and the annotation names it. */
function ownedByExperiment(obj: KubeObject, ex: Experiment): boolean {
  const ref = controllerOf(obj);
  if (!ref || ref.kind !== 'Experiment') return false;
  const uid = ex.metadata?.uid;
  if (uid ? ref.uid !== uid : ref.name !== ex.metadata?.name) return false;
  return obj.metadata.annotations?.[EXPERIMENT_NAME_ANNOTATION] === ex.metadata?.name;
}

/** templateObjects ports getReplicaSetsForExperiment / getServicesForExperiment. */
function templateObjects(
  client: ControllerClient,
  kind: 'ReplicaSet' | 'Service',
  ex: Experiment,
): Record<string, KubeObject> | string {
  const defined = new Set((ex.spec.templates ?? []).map((t) => t.name));
  const out: Record<string, KubeObject> = {};
  const ns = ex.metadata?.namespace ?? 'default';
  for (const obj of client.list(kind, ns)) {
    if (!ownedByExperiment(obj, ex)) continue;
    const template = obj.metadata.annotations?.[EXPERIMENT_TEMPLATE_NAME_ANNOTATION];
    if (!template) continue;
    if (out[template]) {
      return `multiple ${kind === 'ReplicaSet' ? 'ReplicaSets' : 'Services'} match single experiment template: ${template}`;
    }
    if (defined.has(template)) out[template] = obj;
  }
  return out;
}

function experimentOwnerRef(ex: Experiment) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    name: ex.metadata?.name ?? '',
    uid: ex.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function templateAnnotations(ex: Experiment, template: string): Record<string, string> {
  return {
    [EXPERIMENT_NAME_ANNOTATION]: ex.metadata?.name ?? '',
    [EXPERIMENT_TEMPLATE_NAME_ANNOTATION]: template,
  };
}

/**
 * newReplicaSetFromTemplate ports newReplicaSetFromTemplate: `<experiment>-<template>`, the pod
 * template without a stale hash label hashed (with the template's collisionCount), the hash added
 * to pod labels, selector and RS labels, experiment annotations, owned by the experiment, 0 replicas.
 */
export function newReplicaSetFromTemplate(
  ex: Experiment,
  template: ExperimentTemplate,
  collisionCount: number | undefined,
  hashPodTemplate: ExperimentEnv['hashPodTemplate'],
): ReplicaSet {
  const podTemplate = clone<NonNullable<NonNullable<ReplicaSet['spec']>['template']>>(
    template.template ?? {},
  );
  if (podTemplate.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL] !== undefined) {
    const labels = { ...podTemplate.metadata.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    podTemplate.metadata = { ...podTemplate.metadata, labels };
  }
  const hash = hashPodTemplate(podTemplate, collisionCount);
  podTemplate.metadata = {
    ...(podTemplate.metadata ?? {}),
    labels: { ...(podTemplate.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
  };
  const selector = clone(template.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${ex.metadata?.name ?? ''}-${template.name}`,
      namespace: ex.metadata?.namespace ?? 'default',
      labels: { [POD_TEMPLATE_HASH_LABEL]: hash },
      annotations: templateAnnotations(ex, template.name),
      ownerReferences: [experimentOwnerRef(ex)],
    },
    spec: {
      replicas: 0,
      ...(template.minReadySeconds ? { minReadySeconds: template.minReadySeconds } : {}),
      selector,
      template: podTemplate,
    },
  };
}

function rsCounts(rs: ReplicaSet | undefined) {
  return {
    replicas: rs?.status?.replicas ?? 0,
    updatedReplicas: rs?.status?.replicas ?? 0,
    readyReplicas: rs?.status?.readyReplicas ?? 0,
    availableReplicas: rs?.status?.availableReplicas ?? 0,
  };
}

function patchRS(p: Pass, rs: ReplicaSet, patch: unknown): ReplicaSet {
  return p.env.client.patch(
    'ReplicaSet',
    p.namespace,
    rs.metadata!.name!,
    patch,
  ) as unknown as ReplicaSet;
}

/** createReplicaSetForTemplate: create (or claim an equal existing) ReplicaSet with 0 replicas. */
function createReplicaSetForTemplate(
  p: Pass,
  template: ExperimentTemplate,
  ts: ExperimentTemplateStatus,
): void {
  const desired = newReplicaSetFromTemplate(p.ex, template, ts.collisionCount, (t, c) =>
    p.env.hashPodTemplate(t, c),
  );
  const name = desired.metadata!.name!;
  const existing = p.env.client.get('ReplicaSet', p.namespace, name);
  if (existing) {
    // Argo claims it when it is the experiment's own (a stale cache); otherwise it is a collision,
    // which Argo answers by bumping collisionCount — the name has no hash, so that never resolves.
    if (ownedByExperiment(existing, p.ex)) {
      p.templateRSs[template.name] = existing as unknown as ReplicaSet;
      ts.lastTransitionTime = p.now;
    }
    return;
  }
  const created = p.env.client.create(desired as unknown as KubeObject) as unknown as ReplicaSet;
  p.templateRSs[template.name] = created;
  ts.lastTransitionTime = p.now;
}

/** addScaleDownDelay annotates `scale-down-deadline` = now + scaleDownDelaySeconds (or removes it at 0). */
function addScaleDownDelay(p: Pass, template: ExperimentTemplate): void {
  const rs = p.templateRSs[template.name];
  if (!rs) return;
  const delay = experimentScaleDownDelaySeconds(p.ex);
  const has = rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION] !== undefined;
  if (delay === 0) {
    if (has) {
      p.templateRSs[template.name] = patchRS(p, rs, {
        metadata: { annotations: { [SCALE_DOWN_DEADLINE_ANNOTATION]: null } },
      });
    }
    return;
  }
  if (has) return;
  const deadline = rfc3339FromEpochMs(p.env.nowMs + delay * 1000);
  p.templateRSs[template.name] = patchRS(p, rs, {
    metadata: { annotations: { [SCALE_DOWN_DEADLINE_ANNOTATION]: deadline } },
  });
}

/** Milliseconds until the RS's scale-down deadline when it is still ahead (GetTimeRemainingBeforeScaleDownDeadline). */
function timeBeforeScaleDown(p: Pass, rs: ReplicaSet): number | undefined {
  const text = rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
  if (text === undefined) return undefined;
  const at = epochMsFromRfc3339(text);
  if (at === undefined || !(at > p.env.nowMs)) return undefined;
  return at - p.env.nowMs;
}

function deleteTemplateService(p: Pass, template: string, ts: ExperimentTemplateStatus): void {
  const svc = p.templateServices[template];
  if (!svc) return;
  p.env.client.delete('Service', p.namespace, svc.metadata.name);
  p.templateServices[template] = undefined;
  delete ts.serviceName;
  delete ts.podTemplateHash;
}

/** scaleTemplateRS ports scaleTemplateRS: scale-downs wait for the deadline; a scaled-down empty RS loses its Service. */
function scaleTemplateRS(
  p: Pass,
  template: ExperimentTemplate,
  ts: ExperimentTemplateStatus,
  desired: number,
): void {
  let rs = p.templateRSs[template.name]!;
  let target = desired;
  if (target === 0) {
    const remaining = timeBeforeScaleDown(p, rs);
    if (remaining !== undefined) {
      p.requeues.push(remaining);
      target = template.replicas ?? 1;
    }
  } else {
    rs =
      (p.env.client.get('ReplicaSet', p.namespace, rs.metadata!.name!) as unknown as ReplicaSet) ??
      rs;
    p.templateRSs[template.name] = rs;
  }
  const current = rs.spec?.replicas ?? 0;
  if (current !== target) {
    const dir = current < target ? 'up' : 'down';
    p.templateRSs[template.name] = patchRS(p, rs, { spec: { replicas: target } });
    record(
      p,
      'ScalingReplicaSet',
      `Scaled ${dir} ReplicaSet ${rs.metadata?.name} from ${current} to ${target}`,
    );
  }
  if (target === 0 && template.service && (rs.status?.availableReplicas ?? 0) === 0) {
    deleteTemplateService(p, template.name, ts);
  }
}

/** createTemplateService ports createTemplateService / CreateService: a Service over the RS's hash with its container ports. */
function createTemplateService(
  p: Pass,
  template: ExperimentTemplate,
  ts: ExperimentTemplateStatus,
): void {
  const rs = p.templateRSs[template.name]!;
  const hash = rs.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL] ?? '';
  const ports: Record<string, unknown>[] = [];
  for (const c of rs.spec?.template?.spec?.containers ?? []) {
    for (const port of c.ports ?? []) {
      ports.push({
        ...(port.name ? { name: port.name } : {}),
        protocol: port.protocol ?? 'TCP',
        port: port.containerPort,
        targetPort: port.containerPort,
      });
    }
  }
  const svc = p.templateServices[template.name];
  if ((svc && svc.metadata.name === rs.metadata?.name) || ports.length === 0) return;
  const name = template.service?.name || (rs.metadata?.name ?? '');
  const existing = p.env.client.get('Service', p.namespace, name);
  let result: KubeObject;
  if (existing) {
    const ann = existing.metadata.annotations ?? {};
    if (
      !ownedByExperiment(existing, p.ex) ||
      ann[EXPERIMENT_TEMPLATE_NAME_ANNOTATION] !== template.name
    ) {
      ts.status = 'Error';
      ts.message = `Failed to create Service ${name} for template '${template.name}': service ${name} already exists and is not owned by experiment template ${template.name}`;
      return;
    }
    result = existing;
  } else {
    result = p.env.client.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name,
        namespace: p.namespace,
        annotations: templateAnnotations(p.ex, template.name),
        ownerReferences: [experimentOwnerRef(p.ex)],
      },
      spec: { selector: { ...(rs.metadata?.labels ?? {}) }, ports },
    });
  }
  p.templateServices[template.name] = result;
  ts.serviceName = result.metadata.name;
  ts.podTemplateHash = hash;
}

/** reconcileTemplate ports experimentContext.reconcileTemplate. */
function reconcileTemplate(p: Pass, template: ExperimentTemplate): void {
  const previous = getTemplateStatus(p.ex.status, template.name);
  const ts: ExperimentTemplateStatus = previous
    ? clone(previous)
    : {
        name: template.name,
        replicas: 0,
        updatedReplicas: 0,
        readyReplicas: 0,
        availableReplicas: 0,
      };
  const prev = clone(ts);
  const desired = calculateTemplateReplicasCount(p.ex, template);

  if (!p.templateRSs[template.name]) {
    createReplicaSetForTemplate(p, template, ts);
  } else {
    if (template.service) {
      if (desired !== 0) createTemplateService(p, template, ts);
    } else {
      deleteTemplateService(p, template.name, ts);
    }
    if (desired === 0) addScaleDownDelay(p, template);
    if ((p.templateRSs[template.name]!.spec?.replicas ?? 0) !== desired) {
      scaleTemplateRS(p, template, ts, desired);
      ts.lastTransitionTime = p.now;
    }
  }

  const counts = rsCounts(p.templateRSs[template.name]);
  Object.assign(ts, counts);
  if (
    prev.replicas !== ts.replicas ||
    prev.updatedReplicas !== ts.updatedReplicas ||
    prev.readyReplicas !== ts.readyReplicas ||
    prev.availableReplicas !== ts.availableReplicas
  ) {
    ts.lastTransitionTime = p.now;
  }

  if (!templateStatusCompleted(ts.status)) {
    if (desired === ts.availableReplicas) {
      ts.status =
        passedDuration(p.ex, p.env.nowMs).passed || p.terminating ? 'Successful' : 'Running';
    } else {
      const from = epochMsFromRfc3339(String(ts.lastTransitionTime ?? '')) ?? p.env.nowMs;
      const seconds = experimentProgressDeadlineSeconds(p.ex);
      if (p.env.nowMs > from + seconds * 1000) {
        ts.status = 'Failed';
        ts.message = `Template '${template.name}' exceeded its progressDeadlineSeconds (${seconds})`;
      } else {
        ts.status = p.terminating ? 'Successful' : 'Progressing';
      }
    }
  }

  if (prev.status !== ts.status) {
    let msg = `Template '${template.name}' transitioned from ${prev.status ?? ''} -> ${ts.status}`;
    if (ts.message) msg += `: ${ts.message}`;
    const warn = ts.status === 'Failed' || ts.status === 'Error';
    record(p, `Template${ts.status}`, msg, warn ? 'Warning' : 'Normal');
  }
  setTemplateStatus(p.newStatus, ts);
}

function templatesFor(p: Pass): {
  templates: AnalysisTemplate[];
  clusterTemplates: ClusterAnalysisTemplate[];
} {
  return {
    templates: p.env.client.list('AnalysisTemplate', p.namespace) as unknown as AnalysisTemplate[],
    clusterTemplates: p.env.client.list(
      'ClusterAnalysisTemplate',
      '',
    ) as unknown as ClusterAnalysisTemplate[],
  };
}

/** newExperimentAnalysisRun ports newAnalysisRun + createAnalysisRun (with the collision counter). */
function createExperimentAnalysisRun(
  p: Pass,
  analysis: ExperimentAnalysisRef,
): { name: string } | { error: string } {
  const args: AnalysisArgument[] = [];
  for (const arg of analysis.args ?? []) {
    const resolved: AnalysisArgument = { name: arg.name };
    if (arg.value !== undefined) {
      const value = resolveExperimentArgsValue(arg.value, p.ex, p.templateRSs);
      if (value.kind === 'error') return { error: value.message };
      resolved.value = value.value;
    }
    args.push(resolved);
  }
  const { templates, clusterTemplates } = templatesFor(p);
  const refs = [{ templateName: analysis.templateName, clusterScope: analysis.clusterScope }];
  const resolved = resolveTemplateRefs(refs, p.namespace, templates, clusterTemplates);
  if (resolved.kind === 'error') return { error: resolved.message };
  const labels: Record<string, string> = {};
  const instance = p.ex.metadata?.labels?.['argo-rollouts.argoproj.io/controller-instance-id'];
  if (instance) labels['argo-rollouts.argoproj.io/controller-instance-id'] = instance;
  Object.assign(labels, p.ex.spec.analysisRunMetadata?.labels ?? {});
  const built = newAnalysisRunFromTemplates(
    resolved.value.templates,
    resolved.value.clusterTemplates,
    args,
    p.ex.spec.dryRun,
    p.ex.spec.measurementRetention,
    {
      name: `${p.ex.metadata?.name ?? ''}-${analysis.name}`,
      namespace: p.namespace,
      labels,
      annotations: { ...(p.ex.spec.analysisRunMetadata?.annotations ?? {}) },
    },
  );
  if (built.kind === 'error') return { error: built.message };
  const run: AnalysisRun = {
    ...built.value,
    metadata: { ...built.value.metadata, ownerReferences: [experimentOwnerRef(p.ex)] },
  };
  const existing = p.env.client.list('AnalysisRun', p.namespace) as unknown as AnalysisRun[];
  const decision = nameForNewAnalysisRun(run, existing);
  if (decision.kind === 'error') return { error: decision.message };
  if (decision.value.kind === 'adopt') return { name: decision.value.run.metadata?.name ?? '' };
  run.metadata = { ...run.metadata, name: decision.value.name };
  const created = p.env.client.create(run as unknown as KubeObject);
  return { name: created.metadata.name };
}

/** reconcileAnalysisRun ports experimentContext.reconcileAnalysisRun. */
function reconcileAnalysisRun(p: Pass, analysis: ExperimentAnalysisRef): void {
  const prev: ExperimentAnalysisRunStatus = getExperimentAnalysisRunStatus(
    p.ex.status,
    analysis.name,
  ) ?? {
    name: analysis.name,
    analysisRun: '',
    phase: '',
  };
  const next: ExperimentAnalysisRunStatus = clone(prev);
  const setPhase = (phase: string, message?: string) => {
    next.phase = phase;
    if (message) next.message = message;
    else delete next.message;
  };
  body();
  if (prev.phase !== next.phase && next.phase) {
    let msg = `AnalysisRun '${analysis.name}' transitioned from ${prev.phase} -> ${next.phase}`;
    if (next.message) msg += `: ${next.message}`;
    const warn = next.phase === 'Failed' || next.phase === 'Error' || next.phase === 'Inconclusive';
    record(p, `AnalysisRun${next.phase}`, msg, warn ? 'Warning' : 'Normal');
  }
  setExperimentAnalysisRunStatus(p.newStatus, next);

  function body(): void {
    if (!p.ex.status?.availableAt) {
      const found = analysis.clusterScope
        ? p.env.client.get('ClusterAnalysisTemplate', '', analysis.templateName)
        : p.env.client.get('AnalysisTemplate', p.namespace, analysis.templateName);
      if (!found) {
        const kind = analysis.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
        const resource = analysis.clusterScope ? 'clusteranalysistemplates' : 'analysistemplates';
        setPhase(
          'Error',
          `${kind} verification failed for analysis '${analysis.name}': ${resource}.argoproj.io "${analysis.templateName}" not found`,
        );
      }
      return;
    }
    if (!prev.analysisRun) {
      if (p.terminating) return;
      const created = createExperimentAnalysisRun(p, analysis);
      if ('error' in created) {
        setPhase(
          'Error',
          `Failed to create AnalysisRun for analysis '${analysis.name}': ${created.error}`,
        );
      } else {
        setPhase('Pending');
        next.analysisRun = created.name;
      }
      return;
    }
    if (isCompletedPhase(prev.phase)) return;
    const run = p.env.client.get('AnalysisRun', p.namespace, prev.analysisRun) as unknown as
      AnalysisRun | undefined;
    if (!run) {
      setPhase('Error', `analysisruns.argoproj.io "${prev.analysisRun}" not found`);
      return;
    }
    if (p.terminating) {
      if (!isCompletedPhase(run.status?.phase) && !run.spec?.terminate) {
        record(p, 'AnalysisRunTerminating', `Terminating ${analysis.name} (${prev.analysisRun})`);
        p.env.client.patch('AnalysisRun', p.namespace, prev.analysisRun, {
          spec: { terminate: true },
        });
      }
      return;
    }
    setPhase(run.status?.phase ?? '', run.status?.message);
  }
}

function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: string,
): ExperimentCondition {
  return {
    type: type,
    status,
    reason,
    message,
    lastUpdateTime: now,
    lastTransitionTime: now,
  };
}

/** setCondition ports SetExperimentCondition: same status and reason ⇒ unchanged; same status keeps lastTransitionTime. */
function setCondition(status: ExperimentStatus, cond: ExperimentCondition): void {
  const list = status.conditions ?? [];
  const current = list.find((c) => c.type === cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status)
    cond.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...list.filter((c) => c.type !== cond.type), cond];
}

function removeCondition(status: ExperimentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

/** calculateExperimentConditions ports conditions.go: InvalidSpec cleanup, then Progressing. */
function calculateConditions(p: Pass, s: ExperimentStatus): void {
  const name = p.ex.metadata?.name ?? '';
  removeCondition(s, ExperimentConditionType.InvalidSpec);
  if (isCompletedPhase(s.phase)) {
    setCondition(
      s,
      newCondition(
        'Progressing',
        'False',
        ExperimentReason.ExperimentCompleted,
        `Experiment "${name}" has successfully ran and completed.`,
        p.now,
      ),
    );
  } else if (experimentProgressing(p.ex.status, s)) {
    const current = p.ex.status?.conditions?.find((c) => c.type === 'Progressing');
    const cond = newCondition(
      'Progressing',
      'True',
      ExperimentReason.ReplicaSetUpdated,
      `Experiment "${name}" is progressing.`,
      p.now,
    );
    if (current) {
      if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(s, 'Progressing');
    }
    setCondition(s, cond);
  } else if (p.ex.status?.availableAt && !passedDuration(p.ex, p.env.nowMs).passed) {
    setCondition(
      s,
      newCondition(
        'Progressing',
        'True',
        ExperimentReason.NewReplicaSetAvailable,
        `Experiment "${name}" is running.`,
        p.now,
      ),
    );
  }
}

function calculateStatus(p: Pass): void {
  const s = p.newStatus;
  const decided = calculateExperimentPhase(p.ex, s);
  if (decided.markAvailable) s.availableAt = p.now;
  s.phase = decided.phase;
  if (decided.message) s.message = decided.message;
  else delete s.message;
  calculateConditions(p, s);
}

function persist(env: ExperimentEnv, ex: Experiment, status: ExperimentStatus): Experiment {
  const prev = (ex.status ?? {}) as Record<string, unknown>;
  const next = JSON.parse(JSON.stringify(status)) as Record<string, unknown>;
  const patch = fullStatusPatch(prev, next);
  if (Object.keys(patch).length === 0) return ex;
  const ns = ex.metadata?.namespace ?? 'default';
  return env.client.patch(
    'Experiment',
    ns,
    ex.metadata?.name ?? '',
    { status: patch },
    'status',
  ) as unknown as Experiment;
}

/**
 * reconcileExperiment runs one pass of the experiment controller (syncHandler + reconcile): an
 * invalid spec only records the InvalidSpec condition; otherwise each template and analysis is
 * reconciled, the phase and conditions are computed, and the status is patched when it changed.
 */
export function reconcileExperiment(
  experiment: Experiment,
  env: ExperimentEnv,
): ExperimentReconcileResult {
  const events: RecordedEvent[] = [];
  if (experiment.metadata?.deletionTimestamp) {
    return { experiment, events, phase: experiment.status?.phase };
  }
  const now = rfc3339FromEpochMs(env.nowMs);
  const invalid = verifyExperimentSpec(experiment);
  if (invalid) {
    const status = clone(experiment.status ?? {});
    const prevCond = status.conditions?.find((c) => c.type === 'InvalidSpec');
    if (prevCond && prevCond.message !== invalid) removeCondition(status, 'InvalidSpec');
    setCondition(
      status,
      newCondition('InvalidSpec', 'True', ExperimentReason.InvalidSpec, invalid, now),
    );
    const stored = persist(env, experiment, status);
    return { experiment: stored, events, phase: stored.status?.phase };
  }
  const rss = templateObjects(env.client, 'ReplicaSet', experiment);
  const svcs = templateObjects(env.client, 'Service', experiment);
  if (typeof rss === 'string' || typeof svcs === 'string') {
    events.push({
      type: 'Warning',
      reason: 'ReconcileError',
      message: typeof rss === 'string' ? rss : (svcs as string),
    });
    return { experiment, events, phase: experiment.status?.phase };
  }
  const p: Pass = {
    env,
    ex: experiment,
    namespace: experiment.metadata?.namespace ?? 'default',
    now,
    newStatus: clone(experiment.status ?? {}),
    terminating: isExperimentTerminating(experiment),
    templateRSs: rss as unknown as Record<string, ReplicaSet | undefined>,
    templateServices: svcs,
    events,
    requeues: [],
  };
  for (const template of experiment.spec.templates ?? []) reconcileTemplate(p, template);
  for (const analysis of experiment.spec.analyses ?? []) reconcileAnalysisRun(p, analysis);
  calculateStatus(p);
  const enqueue = calculateEnqueueDelayMs({ ...experiment, status: p.newStatus }, env.nowMs);
  if (enqueue !== undefined) p.requeues.push(enqueue);
  const stored = persist(env, experiment, p.newStatus);
  const next = p.requeues.length > 0 ? Math.min(...p.requeues) : undefined;
  return {
    experiment: stored,
    events,
    phase: stored.status?.phase,
    ...(next !== undefined ? { nextReconcileInMs: next } : {}),
  };
}

/** reconcileExperimentByName reads the named Experiment and runs {@link reconcileExperiment}; undefined when it is gone. */
export function reconcileExperimentByName(
  env: ExperimentEnv,
  namespace: string,
  name: string,
): ExperimentReconcileResult | undefined {
  const obj = env.client.get('Experiment', namespace, name);
  if (!obj) return undefined;
  return reconcileExperiment(obj as unknown as Experiment, env);
}
