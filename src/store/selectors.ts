/**
 * Selectors: pure functions of one recorded frame that shape what each panel shows. They build on
 * the shared view model (`rolloutInfo`, the Argo dashboard's RolloutInfo) and add what Argo's
 * dashboard lacks: pause countdowns, "what is it waiting for" and a narrated "why" log.
 * Rule: frame in, plain data out; words are message descriptors (`Msg`) that src/ui/copy renders.
 */
import { renderRolloutTree, rolloutInfo, type RolloutInfo } from '../info';
import type { AnalysisRun, Experiment, Pod, ReplicaSet, Rollout } from '../model';
import { pauseDurationSeconds } from '../model';
import type { KubeObject } from '../scenario';
import {
  CAN_NOTHING,
  type CanActions,
  type EventContext,
  type Frame,
  type FrameEvent,
  type FrameRequest,
} from './frames';

/** Msg is a translatable message: a key of the copy table and the values it interpolates. */
export interface Msg {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

const msg = (key: string, values?: Record<string, string | number>): Msg =>
  values ? { key, values } : { key };

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** epochMs parses an RFC 3339 UTC timestamp (`2026-01-01T00:00:04Z`); NaN when unreadable. */
function epochMs(text: string): number {
  return text ? Date.parse(text) : NaN;
}

function ofKind<T>(frame: Frame, kind: string): T[] {
  return frame.objects.filter((o) => o.kind === kind) as unknown as T[];
}

function nameOf(o: KubeObject | undefined): string {
  return o?.metadata?.name ?? '';
}

/** rolloutName picks `name`, else the frame's first Rollout. */
export function rolloutName(frame: Frame, name?: string): string {
  return name ?? frame.rollouts[0] ?? '';
}

function rolloutObject(frame: Frame, name?: string): KubeObject | undefined {
  const n = rolloutName(frame, name);
  return frame.objects.find((o) => o.kind === 'Rollout' && nameOf(o) === n);
}

const infoMemo = new WeakMap<Frame, Map<string, RolloutInfo | undefined>>();

/** selectRolloutInfo builds the dashboard's RolloutInfo for a rollout of the frame (memoised per frame). */
export function selectRolloutInfo(frame: Frame, name?: string): RolloutInfo | undefined {
  const n = rolloutName(frame, name);
  let byName = infoMemo.get(frame);
  if (!byName) infoMemo.set(frame, (byName = new Map<string, RolloutInfo | undefined>()));
  if (byName.has(n)) return byName.get(n);
  const rollout = rolloutObject(frame, n);
  const info = rollout
    ? rolloutInfo(
        rollout as unknown as Rollout,
        {
          replicaSets: ofKind<ReplicaSet>(frame, 'ReplicaSet'),
          pods: ofKind<Pod>(frame, 'Pod'),
          analysisRuns: ofKind<AnalysisRun>(frame, 'AnalysisRun'),
          experiments: ofKind<Experiment>(frame, 'Experiment'),
        },
        frame.nowMs,
      )
    : undefined;
  byName.set(n, info);
  return info;
}

/** StatusText is the status card, as the plugin prints it. */
export interface StatusText {
  readonly name: string;
  /** `Progressing`, `Paused`, `Healthy`, `Degraded`. */
  readonly phase: string;
  readonly message: string;
  /** `Canary`, `BlueGreen` or ''. */
  readonly strategy: string;
  /** `i/n`, or '' (no steps). */
  readonly step: string;
  /** Canary only, else ''. */
  readonly setWeight: string;
  readonly actualWeight: string;
  readonly images: readonly string[];
  readonly ready: number;
  readonly desired: number;
  readonly updated: number;
  readonly available: number;
}

/** selectStatusText returns phase, message, step i/n, SetWeight and ActualWeight of a rollout. */
export function selectStatusText(frame: Frame, name?: string): StatusText | undefined {
  const info = selectRolloutInfo(frame, name);
  if (!info) return undefined;
  return {
    name: info.objectMeta.name,
    phase: info.status,
    message: info.message,
    strategy: info.strategy,
    step: info.step,
    setWeight: info.setWeight,
    actualWeight: info.actualWeight,
    images: info.containers.map((c) => c.image),
    ready: info.ready,
    desired: info.desired,
    updated: info.updated,
    available: info.available,
  };
}

/** The role a ReplicaSet plays for its rollout. */
export type RsRole = 'stable' | 'canary' | 'active' | 'preview';

/** A pod's place in its lifecycle, for drawing. */
export type PodLifecycle =
  | 'pending'
  | 'creating'
  | 'notready'
  | 'ready'
  | 'terminating'
  | 'crashloop'
  | 'imagepull'
  | 'failed'
  | 'completed'
  | 'unknown';

/** podLifecycle maps kubectl's pod status string (and ready count) to a lifecycle state. */
export function podLifecycle(status: string, ready: string): PodLifecycle {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Pending') return 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:'))
    return 'creating';
  if (status === 'CrashLoopBackOff') return 'crashloop';
  if (status === 'ImagePullBackOff' || status === 'ErrImagePull' || status === 'InvalidImageName')
    return 'imagepull';
  if (status === 'Completed') return 'completed';
  if (status === 'Running') {
    const [a, b] = ready.split('/').map(Number);
    return a === b && b > 0 ? 'ready' : 'notready';
  }
  if (status === 'Unknown' || status === '') return 'unknown';
  return 'failed';
}

/** PodView is one pod square. */
export interface PodView {
  readonly name: string;
  readonly state: PodLifecycle;
  /** kubectl's status (`Running`, `ContainerCreating`, `CrashLoopBackOff` …). */
  readonly status: string;
  /** `x/y` ready containers. */
  readonly ready: string;
  readonly restarts: number;
  readonly image: string;
}

/** RevisionGroup is one ReplicaSet (one revision) and its pods. */
export interface RevisionGroup {
  readonly revision: number;
  readonly replicaSet: string;
  readonly roles: readonly RsRole[];
  /** `Healthy`, `Progressing`, `ScaledDown`, `ReplicaFailure`. */
  readonly status: string;
  /** The first container's image (the version's colour). */
  readonly image: string;
  readonly images: readonly string[];
  /** `spec.replicas` of the ReplicaSet: what it is scaled to. */
  readonly desired: number;
  readonly available: number;
  /** Time left before the old ReplicaSet is scaled down (scale-down-deadline), or null. */
  readonly scaleDownInMs: number | null;
  readonly pods: readonly PodView[];
}

/** selectPodsByRevision groups the rollout's pods by ReplicaSet, newest revision first. */
export function selectPodsByRevision(frame: Frame, name?: string): RevisionGroup[] {
  const info = selectRolloutInfo(frame, name);
  if (!info) return [];
  const rsObjects = new Map(ofKind<KubeObject>(frame, 'ReplicaSet').map((r) => [nameOf(r), r]));
  return info.replicaSets.map((rs) => {
    const roles: RsRole[] = [];
    if (rs.stable) roles.push('stable');
    if (rs.canary) roles.push('canary');
    if (rs.active) roles.push('active');
    if (rs.preview) roles.push('preview');
    const deadline = epochMs(rs.scaleDownDeadline);
    const image = rs.images[0] ?? '';
    return {
      revision: rs.revision,
      replicaSet: rs.objectMeta.name,
      roles,
      status: rs.status,
      image,
      images: rs.images,
      desired: num(obj(rsObjects.get(rs.objectMeta.name)?.spec).replicas) ?? rs.replicas,
      available: rs.available,
      scaleDownInMs: Number.isFinite(deadline) ? Math.max(0, deadline - frame.nowMs) : null,
      pods: rs.pods.map((p) => ({
        name: p.objectMeta.name,
        state: podLifecycle(p.status, p.ready),
        status: p.status,
        ready: p.ready,
        restarts: p.restarts,
        image,
      })),
    };
  });
}

/** StepView is one canary step (or one stage of a blue-green update). */
export interface StepView {
  readonly index: number;
  /** The step's type: `setWeight`, `pause`, `analysis`… or `blueGreen` for blue-green stages. */
  readonly kind: string;
  /** The step as written (`setWeight: 20`, `pause: {duration: 10}`); '' for blue-green stages. */
  readonly code: string;
  /** Blue-green stages: what the stage does, in words. */
  readonly label: Msg | null;
  readonly state: 'complete' | 'current' | 'pending';
  /** Pause steps: the duration (null: until promoted); remainingMs while it counts down. */
  readonly pause: {
    readonly durationMs: number | null;
    readonly remainingMs: number | null;
  } | null;
}

/** StepsView is the steps panel. */
export interface StepsView {
  readonly strategy: string;
  readonly steps: readonly StepView[];
  /** Index of the current step (steps.length when done), or null. */
  readonly current: number | null;
}

/** inlineYaml renders a small JSON value in YAML flow style: `{duration: 10}`, `[a, b]`. */
export function inlineYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineYaml).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return `{${entries.map(([k, v]) => `${k}: ${inlineYaml(v)}`).join(', ')}}`;
  }
  return typeof value === 'string' ? value : String(value);
}

/** stepCode renders one canary step as it is written: `setWeight: 20`, `pause: {}`. */
export function stepCode(step: unknown): string {
  const entries = Object.entries(obj(step));
  return entries.map(([k, v]) => `${k}: ${inlineYaml(v)}`).join(', ');
}

function pauseMs(step: unknown): number | null {
  const pause = obj(step).pause;
  if (pause === undefined) return null;
  const duration = obj(pause).duration;
  if (duration === undefined || duration === null) return null;
  const seconds = pauseDurationSeconds(duration);
  return seconds >= 0 ? seconds * 1000 : null;
}

function pauseStart(rollout: KubeObject | undefined, reason: string): number {
  const conditions = obj(rollout?.status).pauseConditions;
  if (!Array.isArray(conditions)) return NaN;
  const c = conditions.map(obj).find((p) => p.reason === reason);
  return c ? epochMs(str(c.startTime)) : NaN;
}

function blueGreenStages(frame: Frame, rollout: KubeObject): StepView[] {
  const spec = obj(obj(obj(rollout.spec).strategy).blueGreen);
  const status = obj(rollout.status);
  const bg = obj(status.blueGreen);
  const groups = selectPodsByRevision(frame, nameOf(rollout));
  const current = str(status.currentPodHash);
  const active = str(bg.activeSelector);
  const updating = current !== '' && active !== '' && current !== active;
  const newGroup = groups.find((g) => g.replicaSet.endsWith(`-${current}`));
  const old = groups.filter((g) => g !== newGroup && g.pods.length > 0);
  const previewReady = newGroup !== undefined && newGroup.available >= newGroup.desired;
  const paused = Number.isFinite(pauseStart(rollout, 'BlueGreenPause'));
  const autoSeconds = num(spec.autoPromotionSeconds);
  const auto = spec.autoPromotionEnabled !== false;
  const delay = num(spec.scaleDownDelaySeconds) ?? 30;
  const start = pauseStart(rollout, 'BlueGreenPause');
  const remaining =
    paused && autoSeconds !== null && Number.isFinite(start)
      ? Math.max(0, start + autoSeconds * 1000 - frame.nowMs)
      : null;
  // Which stage is current: bring up preview → wait for promotion → switch → scale down old.
  let stage = 4;
  if (updating && !previewReady) stage = 0;
  else if (updating && paused) stage = 1;
  else if (updating) stage = 2;
  else if (old.length > 0) stage = 3;
  const labels: Msg[] = [
    msg('bg.preview', { revision: newGroup?.revision ?? '' }),
    auto
      ? autoSeconds !== null
        ? msg('bg.waitAuto', { seconds: autoSeconds })
        : msg('bg.waitNone')
      : msg('bg.waitManual'),
    msg('bg.switch'),
    msg('bg.scaleDown', { seconds: delay }),
  ];
  return labels.map((label, index) => ({
    index,
    kind: 'blueGreen',
    code: '',
    label,
    state: index < stage ? 'complete' : index === stage ? 'current' : 'pending',
    pause:
      index === 1 && (autoSeconds !== null || !auto)
        ? {
            durationMs: auto && autoSeconds !== null ? autoSeconds * 1000 : null,
            remainingMs: index === stage ? remaining : null,
          }
        : null,
  }));
}

/** selectSteps lists the canary steps with the current one and a countdown on timed pauses. */
export function selectSteps(frame: Frame, name?: string): StepsView {
  const rollout = rolloutObject(frame, name);
  if (!rollout) return { strategy: '', steps: [], current: null };
  const strategy = obj(obj(rollout.spec).strategy);
  if (strategy.blueGreen !== undefined) {
    const steps = blueGreenStages(frame, rollout);
    const current = steps.findIndex((s) => s.state === 'current');
    return { strategy: 'BlueGreen', steps, current: current < 0 ? steps.length : current };
  }
  const raw = obj(strategy.canary).steps;
  const list = Array.isArray(raw) ? raw : [];
  const index = num(obj(rollout.status).currentStepIndex);
  const start = pauseStart(rollout, 'CanaryPauseStep');
  const steps = list.map((step, i): StepView => {
    const state =
      index === null ? 'pending' : i < index ? 'complete' : i === index ? 'current' : 'pending';
    const isPause = obj(step).pause !== undefined;
    const durationMs = pauseMs(step);
    const remainingMs =
      state === 'current' && durationMs !== null && Number.isFinite(start)
        ? Math.max(0, start + durationMs - frame.nowMs)
        : null;
    return {
      index: i,
      kind: Object.keys(obj(step))[0] ?? '',
      code: stepCode(step),
      label: null,
      state,
      pause: isPause ? { durationMs, remainingMs } : null,
    };
  });
  return { strategy: strategy.canary !== undefined ? 'Canary' : '', steps, current: index };
}

function formatSeconds(ms: number): string {
  return String(Math.ceil(ms / 1000));
}

/** selectWaitingFor says, in a message, what the rollout is waiting for right now. */
export function selectWaitingFor(frame: Frame, name?: string): Msg {
  const rollout = rolloutObject(frame, name);
  const info = selectRolloutInfo(frame, name);
  if (!rollout || !info) return msg('waiting.noRollout');
  const spec = obj(rollout.spec);
  const status = obj(rollout.status);
  if (spec.paused === true) return msg('waiting.userPaused');
  if (info.status === 'Healthy') return msg('waiting.healthy');
  if (info.status === 'Degraded') {
    if (status.abort === true) {
      const revision = info.replicaSets.find((r) =>
        r.objectMeta.name.endsWith(`-${str(status.currentPodHash)}`),
      )?.revision;
      return msg('waiting.aborted', { revision: revision ?? '' });
    }
    return msg('waiting.degraded', { message: info.message.replace(/\.+$/, '') });
  }
  const steps = selectSteps(frame, name);
  if (info.status === 'Paused') {
    if (steps.strategy === 'BlueGreen') {
      const wait = steps.steps[1];
      const remaining = wait?.pause?.remainingMs;
      return remaining !== null && remaining !== undefined
        ? msg('waiting.bgAuto', { seconds: formatSeconds(remaining) })
        : msg('waiting.bgManual');
    }
    const current = steps.current !== null ? steps.steps[steps.current] : undefined;
    if (current?.pause) {
      if (current.pause.remainingMs !== null)
        return msg('waiting.pauseTimed', {
          step: current.index + 1,
          code: current.code,
          seconds: formatSeconds(current.pause.remainingMs),
        });
      return msg('waiting.pauseIndefinite', { step: current.index + 1, code: current.code });
    }
    return msg('waiting.paused', { message: info.message });
  }
  // Progressing: name the pods it waits for.
  const groups = selectPodsByRevision(frame, name);
  const newest = groups.find((g) => g.roles.includes('canary') || g.roles.includes('preview'));
  if (newest) {
    const ready = newest.pods.filter((p) => p.state === 'ready').length;
    if (
      newest.pods.some(
        (p) => p.state === 'imagepull' || p.state === 'crashloop' || p.state === 'failed',
      )
    )
      return msg('waiting.failingPods', { revision: newest.revision, message: info.message });
    if (ready < newest.desired)
      return msg('waiting.pods', { revision: newest.revision, ready, desired: newest.desired });
  }
  const terminating = groups.flatMap((g) => g.pods).filter((p) => p.state === 'terminating').length;
  if (terminating > 0) return msg('waiting.terminating', { count: terminating });
  return msg('waiting.progressing', { message: info.message });
}

/** LogEntry is one line of the "why" log. */
export interface LogEntry {
  readonly seq: number;
  readonly t: number;
  readonly type: 'Normal' | 'Warning';
  /** Argo's reason, or the action verb / new phase. */
  readonly reason: string;
  /** Argo's message verbatim. */
  readonly message: string;
  readonly kind: FrameEvent['kind'];
  /** The narration: why it happened. */
  readonly why: Msg;
}

type Role = 'stable' | 'canary' | 'active' | 'preview' | 'old';

function roleOf(hash: string, c: EventContext): Role {
  if (c.strategy === 'BlueGreen') {
    if (hash === c.activeHash) return 'active';
    if (hash === c.currentHash || hash === c.previewHash) return 'preview';
    return 'old';
  }
  if (hash === c.stableHash) return 'stable';
  if (hash === c.currentHash) return 'canary';
  return 'old';
}

const SCALING = /^Scaled (up|down) ReplicaSet (\S+) \(revision (\d+)\) from (\d+) to (\d+)/;

/** narrate explains one event in words (a message descriptor). */
export function narrate(e: FrameEvent): Msg {
  const c = e.context;
  if (e.kind === 'action')
    return e.type === 'Warning'
      ? msg('why.actionRefused', { verb: e.reason, message: e.message })
      : msg(`why.action.${e.reason}`, { message: e.message });
  if (e.kind === 'phase') return msg(`why.phase.${e.reason}`, { previous: e.message });
  switch (e.reason) {
    case 'NewReplicaSetCreated': {
      const m = /ReplicaSet (\S+) \(revision (\d+)\)/.exec(e.message);
      return msg('why.newReplicaSet', { rs: m?.[1] ?? '', revision: m?.[2] ?? '' });
    }
    case 'RolloutNotCompleted': {
      const m = /revision (\d+)/.exec(e.message);
      return msg('why.updateStarted', { revision: m?.[1] ?? '' });
    }
    case 'RolloutCompleted': {
      const m = /revision (\d+)/.exec(e.message);
      return e.message.includes('Initial deploy')
        ? msg('why.initialDeploy', { revision: m?.[1] ?? '' })
        : msg('why.completed', { revision: m?.[1] ?? '' });
    }
    case 'ScalingReplicaSet': {
      const m = SCALING.exec(e.message);
      if (!m) return msg('why.raw', { reason: e.reason, message: e.message });
      const [, dir, rs, revision, from, to] = m;
      const hash = rs.slice(rs.lastIndexOf('-') + 1);
      const role = roleOf(hash, c);
      const values = { rs, revision, from, to, replicas: c.replicas, weight: c.setWeight ?? 0 };
      if (c.aborted && role === 'canary') return msg(`why.abort.${dir}.canary`, values);
      if (c.aborted && role === 'stable') return msg(`why.abort.${dir}.stable`, values);
      if (c.strategy === 'Canary' && c.stableHash !== '' && c.stableHash !== c.currentHash) {
        if (role === 'canary' && dir === 'up') return msg('why.canary.up', values);
        if (role === 'stable' && dir === 'down') return msg('why.stable.down', values);
      }
      if (role === 'preview' && dir === 'up' && c.activeHash !== '')
        return msg('why.preview.up', values);
      if (role === 'old' && dir === 'down') return msg('why.old.down', values);
      return msg(`why.scale.${dir}`, values);
    }
    case 'RolloutStepCompleted': {
      const m = /step (\d+\/\d+) completed \((.*)\)$/.exec(e.message);
      return msg('why.stepCompleted', { step: m?.[1] ?? '', code: m?.[2] ?? '' });
    }
    case 'RolloutPaused': {
      if (e.message.includes('CanaryPauseStep')) {
        const duration = pauseMs(c.step);
        const step = (c.stepIndex ?? 0) + 1;
        return duration === null
          ? msg('why.paused.indefinite', { step, code: stepCode(c.step) })
          : msg('why.paused.timed', { step, seconds: duration / 1000 });
      }
      if (e.message.includes('BlueGreenPause')) return msg('why.paused.blueGreen');
      return msg('why.paused.other', { message: e.message });
    }
    case 'RolloutResumed':
      return msg('why.resumed');
    case 'RolloutAborted':
      return msg('why.aborted', { message: e.message });
    case 'RolloutRetry':
      return msg('why.retry');
    case 'SwitchService': {
      const m = /service '([^']*)' from '([^']*)' to '([^']*)'/.exec(e.message);
      const service = m?.[1] ?? '';
      const values = { service, hash: m?.[3] ?? '' };
      const s = c.services;
      if (service !== '' && service === s.active) return msg('why.switch.active', values);
      if (service !== '' && service === s.preview) return msg('why.switch.preview', values);
      if (service !== '' && service === s.canary) return msg('why.switch.canary', values);
      if (service !== '' && service === s.stable) return msg('why.switch.stable', values);
      return msg('why.switch.other', values);
    }
    case 'TrafficWeightUpdated': {
      const change = /from (\d+) to (\d+)/.exec(e.message);
      if (change) return msg('why.weight.change', { from: change[1], to: change[2] });
      const to = /to (\d+)/.exec(e.message);
      if (to) return msg('why.weight.set', { weight: to[1] });
      return msg('why.weight.same', { weight: c.setWeight ?? 0 });
    }
    default:
      return msg('why.raw', { reason: e.reason, message: e.message });
  }
}

/** selectEventLog returns the narrated event log of a rollout up to the frame, newest first. */
export function selectEventLog(frame: Frame, name?: string): LogEntry[] {
  const n = rolloutName(frame, name);
  const out: LogEntry[] = [];
  for (let i = frame.log.length - 1; i >= 0; i--) {
    const e = frame.log[i];
    if (e.rollout !== n) continue;
    out.push({
      seq: e.seq,
      t: e.t,
      type: e.type,
      reason: e.reason,
      message: e.message,
      kind: e.kind,
      why: narrate(e),
    });
  }
  return out;
}

/** TrafficSlice is one version's share of production traffic. */
export interface TrafficSlice {
  readonly image: string;
  readonly revision: number;
  readonly role: RsRole | 'old';
  /** 0..1 of production traffic. */
  readonly share: number;
  /** Ready pods serving it (pods mode). */
  readonly pods: number;
}

/** TrafficView is the traffic bar. */
export interface TrafficView {
  /** `pods`: no router, the split is the ready-pod ratio; `router`: the router's weights; `activeService`: blue-green. */
  readonly mode: 'pods' | 'router' | 'activeService' | 'none';
  readonly slices: readonly TrafficSlice[];
  /** Canary only: the weight the current step asks for, and the one observed (the plugin's numbers). */
  readonly setWeight: number | null;
  readonly actualWeight: number | null;
  /** Blue-green: the version the preview service shows, when it differs from the active one. */
  readonly preview: { readonly image: string; readonly revision: number } | null;
}

function toNumber(text: string): number | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** selectTrafficShare returns the share of traffic per version: router weights, or ready pods without a router. */
export function selectTrafficShare(frame: Frame, name?: string): TrafficView {
  const rollout = rolloutObject(frame, name);
  const info = selectRolloutInfo(frame, name);
  const empty: TrafficView = {
    mode: 'none',
    slices: [],
    setWeight: null,
    actualWeight: null,
    preview: null,
  };
  if (!rollout || !info) return empty;
  const groups = selectPodsByRevision(frame, name);
  const byHash = (hash: string) => groups.find((g) => g.replicaSet.endsWith(`-${hash}`));
  const roleOfGroup = (g: RevisionGroup): RsRole | 'old' => g.roles[0] ?? 'old';
  const readyPods = (g: RevisionGroup) => g.pods.filter((p) => p.state === 'ready').length;
  const setWeight = toNumber(info.setWeight);
  const actualWeight = toNumber(info.actualWeight);
  const status = obj(rollout.status);

  if (info.strategy === 'BlueGreen') {
    const bg = obj(status.blueGreen);
    const active = byHash(str(bg.activeSelector));
    const preview = byHash(str(bg.previewSelector));
    return {
      mode: 'activeService',
      slices: active
        ? [
            {
              image: active.image,
              revision: active.revision,
              role: 'active',
              share: 1,
              pods: readyPods(active),
            },
          ]
        : [],
      setWeight: null,
      actualWeight: null,
      preview:
        preview && preview !== active ? { image: preview.image, revision: preview.revision } : null,
    };
  }

  const weights = obj(obj(status.canary).weights);
  if (Object.keys(weights).length > 0) {
    const slices: TrafficSlice[] = [];
    for (const key of ['stable', 'canary'] as const) {
      const w = obj(weights[key]);
      const g = byHash(str(w.podTemplateHash));
      const weight = num(w.weight) ?? 0;
      if (!g || weight <= 0) continue;
      const existing = slices.findIndex((s) => s.revision === g.revision);
      if (existing >= 0) {
        const s = slices[existing];
        slices[existing] = { ...s, share: s.share + weight / 100 };
      } else {
        slices.push({
          image: g.image,
          revision: g.revision,
          role: key,
          share: weight / 100,
          pods: readyPods(g),
        });
      }
    }
    return { mode: 'router', slices, setWeight, actualWeight, preview: null };
  }

  const serving = groups.filter((g) => readyPods(g) > 0);
  const total = serving.reduce((n, g) => n + readyPods(g), 0);
  return {
    mode: 'pods',
    slices: serving
      .map((g) => ({
        image: g.image,
        revision: g.revision,
        role: roleOfGroup(g),
        share: total > 0 ? readyPods(g) / total : 0,
        pods: readyPods(g),
      }))
      .sort((a, b) => a.revision - b.revision),
    setWeight,
    actualWeight,
    preview: null,
  };
}

/** selectCanActions returns what the rollout's machine accepts at this frame. */
export function selectCanActions(frame: Frame, name?: string): CanActions {
  return frame.machine[rolloutName(frame, name)]?.can ?? CAN_NOTHING;
}

/** selectGetTree returns the `kubectl argo rollouts get rollout` text of the frame. */
export function selectGetTree(frame: Frame, name?: string): string {
  const info = selectRolloutInfo(frame, name);
  return info ? renderRolloutTree(info, { color: false }) : '';
}

/** selectRevisions lists the rollout's revisions, newest first, with their image (for undo). */
export function selectRevisions(
  frame: Frame,
  name?: string,
): { revision: number; image: string; current: boolean }[] {
  const rollout = rolloutObject(frame, name);
  const current = str(obj(rollout?.status).currentPodHash);
  return selectPodsByRevision(frame, name).map((g) => ({
    revision: g.revision,
    image: g.image,
    current: g.replicaSet.endsWith(`-${current}`),
  }));
}

const NO_REQUESTS: readonly FrameRequest[] = [];
const requestsMemo = new WeakMap<Frame, Map<string, readonly FrameRequest[]>>();

/** selectRequests returns the frame's sampled requests to one rollout (memoised per frame). */
export function selectRequests(frame: Frame, name?: string): readonly FrameRequest[] {
  if (frame.requests.length === 0) return NO_REQUESTS;
  const n = rolloutName(frame, name);
  let byName = requestsMemo.get(frame);
  if (!byName) requestsMemo.set(frame, (byName = new Map<string, readonly FrameRequest[]>()));
  let out = byName.get(n);
  if (!out) byName.set(n, (out = frame.requests.filter((r) => r.rollout === n)));
  return out;
}

/**
 * selectHasAnalysis says whether the rollout uses analysis: a background analysis, an analysis
 * step, blue-green pre/post-promotion analysis, or an AnalysisRun it already owns.
 */
export function selectHasAnalysis(frame: Frame, name?: string): boolean {
  const rollout = rolloutObject(frame, name);
  if (!rollout) return false;
  const strategy = obj(obj(rollout.spec).strategy);
  const canary = obj(strategy.canary);
  const blueGreen = obj(strategy.blueGreen);
  const steps = Array.isArray(canary.steps) ? canary.steps : [];
  if (canary.analysis !== undefined) return true;
  if (steps.some((s) => obj(s).analysis !== undefined)) return true;
  if (blueGreen.prePromotionAnalysis !== undefined) return true;
  if (blueGreen.postPromotionAnalysis !== undefined) return true;
  const n = nameOf(rollout);
  return frame.objects.some(
    (o) =>
      o.kind === 'AnalysisRun' &&
      (o.metadata?.ownerReferences ?? []).some((r) => r.kind === 'Rollout' && r.name === n),
  );
}

/** UndoTarget is a revision `Undo` can roll back to, with the image it ran. */
export interface UndoTarget {
  readonly revision: number;
  readonly image: string;
}

/**
 * selectUndoTargets lists the revisions other than the current one, newest first: what
 * `kubectl argo rollouts undo --to-revision N` accepts.
 */
export function selectUndoTargets(frame: Frame, name?: string): UndoTarget[] {
  // The current template's ReplicaSet always holds the highest revision (Argo bumps a re-used one).
  const groups = selectPodsByRevision(frame, name).filter((g) => g.revision > 0);
  const current = Math.max(0, ...groups.map((g) => g.revision));
  return groups
    .filter((g) => g.revision !== current)
    .map((g) => ({ revision: g.revision, image: g.image }))
    .sort((a, b) => b.revision - a.revision);
}
