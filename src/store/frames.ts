/**
 * Frames: the recorded, plain-JSON snapshots of a world that everything on screen is drawn from
 * (architecture.md "Time travel"). Argo has no counterpart; the dashboard only shows "now".
 * Rule: a frame holds frozen store objects (shared between frames, never copied or mutated), the
 * domain events since the previous frame and each rollout's machine view read from its actor.
 */
import type { KubeObject, World } from '../scenario';

/** The phase tags a rollout actor carries (its statechart state). */
export type MachinePhase = 'Progressing' | 'Paused' | 'Healthy' | 'Degraded' | '';

/** The dashboard's actions, as the machine answers `snapshot.can(...)` for them. */
export interface CanActions {
  readonly promote: boolean;
  readonly promoteFull: boolean;
  readonly abort: boolean;
  readonly retry: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly restart: boolean;
  readonly setImage: boolean;
  readonly undo: boolean;
}

/** CAN_NOTHING is the answer for a rollout without an actor (nothing can be done). */
export const CAN_NOTHING: CanActions = Object.freeze({
  promote: false,
  promoteFull: false,
  abort: false,
  retry: false,
  pause: false,
  resume: false,
  restart: false,
  setImage: false,
  undo: false,
});

/** LastTransition is the state change a rollout actor made most recently. */
export interface LastTransition {
  /** Full state ids (`rollout.Paused`). */
  readonly from: string;
  readonly to: string;
  /** The event that caused it (`cluster.changed`, `reconcile.due`, `user.promote` …). */
  readonly event: string;
  /** Virtual ms it happened at (changes on every occurrence, so a repeat flashes again). */
  readonly at: number;
}

/** MachineView is one rollout actor's state at a frame. */
export interface MachineView {
  /** The phase tag of the actor's current state. */
  readonly phase: MachinePhase;
  /** The actor's current state as a full id (`rollout.Paused`), '' when unknown. */
  readonly state: string;
  /** The last state change seen since the scenario loaded, or null. */
  readonly lastTransition: LastTransition | null;
  /** What the actor accepts now (from `getSnapshot().can`, never re-derived). */
  readonly can: CanActions;
}

/** FrameRequest is one sampled request of the simulated traffic (for the request animation). */
export interface FrameRequest {
  /** Virtual ms it arrived at. */
  readonly t: number;
  readonly rollout: string;
  /** The image that answered, and its pod-template hash. */
  readonly version: string;
  readonly hash: string;
  /** `stable`, `canary`, `active`, `preview` … as the traffic model names the destination. */
  readonly role: string;
  readonly status: number;
  readonly latencyMs: number;
  /** A shadow copy made by a mirror route: its answer reaches no user. */
  readonly mirror?: true;
}

/** How much request history each frame carries (virtual ms). */
export const REQUEST_WINDOW_MS = 2000;

/**
 * EventContext is what the rollout looked like when an event was recorded, so the "why" log can
 * be narrated later from the frame alone: which ReplicaSet was stable or canary, which step ran.
 */
export interface EventContext {
  /** `Canary`, `BlueGreen` or ''. */
  readonly strategy: string;
  /** `spec.replicas`. */
  readonly replicas: number;
  /** `status.currentStepIndex`, or null. */
  readonly stepIndex: number | null;
  readonly stepCount: number;
  /** The current canary step as written (plain JSON), or null. */
  readonly step: unknown;
  /** The weight the current step asks for (the plugin's SetWeight), or null for blue-green. */
  readonly setWeight: number | null;
  /** Pod-template hashes of the stable and the current (canary/preview) ReplicaSet. */
  readonly stableHash: string;
  readonly currentHash: string;
  /** Blue-green service selectors (pod-template hashes), '' when unset. */
  readonly activeHash: string;
  readonly previewHash: string;
  /** `status.abort`. */
  readonly aborted: boolean;
  /** Service names from the strategy ('' when unset): which Service an event's selector switch is about. */
  readonly services: {
    readonly active: string;
    readonly preview: string;
    readonly canary: string;
    readonly stable: string;
  };
}

/** FrameEvent is one domain event, flattened to plain JSON. */
export interface FrameEvent {
  /** Position in the world's event list (a stable React key). */
  readonly seq: number;
  /** Virtual ms. */
  readonly t: number;
  readonly rollout: string;
  /** `event`: a Kubernetes event the controller recorded; `phase`: a phase change; `action`: a user verb. */
  readonly kind: 'event' | 'phase' | 'action';
  readonly type: 'Normal' | 'Warning';
  /** Argo's reason (`ScalingReplicaSet`), the new phase, or the action verb. */
  readonly reason: string;
  /** Argo's message verbatim, the previous phase, or the action's result message. */
  readonly message: string;
  readonly context: EventContext;
}

/** Frame is one recorded instant of the world. */
export interface Frame {
  /** Sequence number of the frame since the scenario loaded (stable across timeline trimming). */
  readonly seq: number;
  /** Virtual ms since the world started. */
  readonly t: number;
  /** The same instant as Unix epoch ms (what timestamps in objects are relative to). */
  readonly nowMs: number;
  /** Every object in the world, frozen; unchanged objects are shared with the previous frame. */
  readonly objects: readonly KubeObject[];
  /** Events that happened since the previous frame. */
  readonly events: readonly FrameEvent[];
  /** The most recent events up to and including this frame (at most LOG_LIMIT), oldest first. */
  readonly log: readonly FrameEvent[];
  /** Each rollout's machine view, by name. */
  readonly machine: Readonly<Record<string, MachineView>>;
  /** The Rollout names, sorted. */
  readonly rollouts: readonly string[];
  /** True when only time moved since the previous frame (a clock tick, no object changed). */
  readonly idle: boolean;
  /** Requests sampled over the last REQUEST_WINDOW_MS (empty when the world has no traffic). */
  readonly requests: readonly FrameRequest[];
}

/** How many events a frame's `log` keeps. */
export const LOG_LIMIT = 120;

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

/** setWeightOf is the plugin's SetWeight: the last setWeight step at or before the current step (100 when done). */
function setWeightOf(steps: readonly unknown[], index: number | null): number | null {
  if (index === null) return null;
  if (index >= steps.length) return 100;
  let weight = 0;
  for (let i = 0; i <= index && i < steps.length; i++) {
    const w = num(obj(steps[i]).setWeight);
    if (w !== null) weight = w;
  }
  return weight;
}

/** contextOf captures what a rollout looks like now, for narrating the events recorded with it. */
export function contextOf(rollout: KubeObject | undefined): EventContext {
  const spec = obj(rollout?.spec);
  const status = obj(rollout?.status);
  const strategy = obj(spec.strategy);
  const canary = strategy.canary !== undefined ? obj(strategy.canary) : undefined;
  const steps = Array.isArray(canary?.steps) ? (canary.steps as unknown[]) : [];
  const stepIndex = num(status.currentStepIndex);
  const bg = obj(status.blueGreen);
  return {
    strategy: canary ? 'Canary' : strategy.blueGreen !== undefined ? 'BlueGreen' : '',
    replicas: num(spec.replicas) ?? 1,
    stepIndex,
    stepCount: steps.length,
    step: stepIndex !== null && stepIndex < steps.length ? steps[stepIndex] : null,
    setWeight: canary ? setWeightOf(steps, stepIndex) : null,
    stableHash: str(status.stableRS),
    currentHash: str(status.currentPodHash),
    activeHash: str(bg.activeSelector),
    previewHash: str(bg.previewSelector),
    aborted: status.abort === true,
    services: {
      active: str(obj(strategy.blueGreen).activeService),
      preview: str(obj(strategy.blueGreen).previewService),
      canary: str(canary?.canaryService),
      stable: str(canary?.stableService),
    },
  };
}

/** stateIdOf turns a snapshot's value into a full state id (`rollout.Paused`). */
function stateIdOf(machineId: string, value: unknown): string {
  if (typeof value === 'string') return `${machineId}.${value}`;
  const parts: string[] = [machineId];
  let v: unknown = value;
  while (v !== null && typeof v === 'object') {
    const [key, child] = Object.entries(v as Record<string, unknown>)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    if (typeof child === 'string') {
      parts.push(child);
      break;
    }
    v = child;
  }
  return parts.length > 1 ? parts.join('.') : '';
}

type RolloutActor = World['actors'] extends ReadonlyMap<string, infer A> ? A : never;

function machineIdOf(actor: RolloutActor): string {
  return (actor.logic as { id?: string }).id ?? 'rollout';
}

/**
 * TransitionTracker watches each rollout actor (XState inspection) and remembers the last state
 * change with the event that caused it; frames do not see events, only states.
 */
export interface TransitionTracker {
  last(name: string): LastTransition | null;
  dispose(): void;
}

/** createTransitionTracker starts watching `world`'s rollout actors (and ones created later). */
export function createTransitionTracker(world: World): TransitionTracker {
  const last = new Map<string, LastTransition>();
  const watching = new Map<string, { unsubscribe(): void }>();
  const watch = () => {
    for (const [name, actor] of world.actors) {
      if (watching.has(name)) continue;
      const id = machineIdOf(actor);
      let state = stateIdOf(id, actor.getSnapshot().value);
      const sub = actor.system.inspect((ev) => {
        if (ev.type !== '@xstate.snapshot' || ev.actorRef !== actor) return;
        const next = stateIdOf(id, (ev.snapshot as { value?: unknown }).value);
        if (next === '' || next === state) return;
        last.set(name, { from: state, to: next, event: ev.event.type, at: world.now() });
        state = next;
      });
      watching.set(name, sub);
    }
  };
  watch();
  return {
    last(name) {
      watch();
      return last.get(name) ?? null;
    },
    dispose() {
      for (const sub of watching.values()) sub.unsubscribe();
      watching.clear();
    },
  };
}

/** machineOf reads each rollout actor's state, phase tag and `can(...)` answers. */
export function machineOf(world: World, tracker?: TransitionTracker): Record<string, MachineView> {
  const out: Record<string, MachineView> = {};
  for (const [name, actor] of world.actors) {
    const snap = actor.getSnapshot();
    const phases: MachinePhase[] = ['Progressing', 'Paused', 'Healthy', 'Degraded'];
    const phase = phases.find((p) => snap.hasTag(p as never)) ?? '';
    out[name] = {
      phase,
      state: stateIdOf(machineIdOf(actor), snap.value),
      lastTransition: tracker?.last(name) ?? null,
      can: {
        promote: snap.can({ type: 'user.promote' }),
        promoteFull: snap.can({ type: 'user.promoteFull' }),
        abort: snap.can({ type: 'user.abort' }),
        retry: snap.can({ type: 'user.retry' }),
        pause: snap.can({ type: 'user.pause' }),
        resume: snap.can({ type: 'user.resume' }),
        restart: snap.can({ type: 'user.restart' }),
        setImage: snap.can({ type: 'user.setImage', image: '' }),
        undo: snap.can({ type: 'user.undo' }),
      },
    };
  }
  return out;
}

type WorldEvent = ReturnType<World['events']>[number];

/**
 * flattenEvent turns a world event into a FrameEvent with the rollout's context; undefined for
 * events the log does not narrate (the AnalysisRun actors' own events share the world's list).
 */
export function flattenEvent(
  e: WorldEvent,
  seq: number,
  context: EventContext,
): FrameEvent | undefined {
  const ev = e.event;
  const base = { seq, t: e.t, rollout: e.rollout, context };
  switch (ev.type) {
    case 'rollout.event':
      return {
        ...base,
        kind: 'event',
        type: ev.event.type,
        reason: ev.event.reason,
        message: ev.event.message,
      };
    case 'rollout.phaseChanged':
      return {
        ...base,
        kind: 'phase',
        type: ev.phase === 'Degraded' ? 'Warning' : 'Normal',
        reason: ev.phase,
        message: ev.previous ?? '',
      };
    case 'rollout.userAction':
      return {
        ...base,
        kind: 'action',
        type: ev.result.ok ? 'Normal' : 'Warning',
        reason: ev.action,
        message: ev.result.message,
      };
    default:
      return undefined;
  }
}

function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameMachine(a: Frame['machine'], b: Frame['machine']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** FrameRecorder turns a world's state into frames, remembering which events it has consumed. */
export interface FrameRecorder {
  /**
   * capture returns a new frame for the world's current state, or undefined when nothing at all
   * changed since `previous` (not even time).
   */
  capture(world: World, previous: Frame | undefined): Frame | undefined;
}

function requestsOf(world: World, since: number): readonly FrameRequest[] {
  const sampled = world.recentRequests(REQUEST_WINDOW_MS).filter((r) => r.t >= since);
  if (sampled.length === 0) return NO_REQUESTS;
  return Object.freeze(
    sampled.map((r) => ({
      t: r.t,
      rollout: r.rollout,
      version: r.version,
      hash: r.hash,
      role: String(r.role),
      status: r.status,
      latencyMs: r.latencyMs,
      ...(r.mirror ? { mirror: true as const } : {}),
    })),
  );
}

const NO_REQUESTS: readonly FrameRequest[] = Object.freeze([]);

function sameRequests(a: readonly FrameRequest[], b: readonly FrameRequest[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return a[0].t === b[0].t && x.t === y.t && x.hash === y.hash;
}

/** FrameRecorderOptions tune what frames carry. */
export interface FrameRecorderOptions {
  /** Frames carry each actor's last transition (from this tracker). */
  readonly tracker?: TransitionTracker;
  /**
   * Requests before this virtual time are left out (the store sets it once the first deploy has
   * settled: requests that found no ready pod yet would read as an outage). Default: all.
   */
  readonly requestsSince?: () => number;
}

/**
 * createFrameRecorder starts a recorder whose frames count from seq 0 with no events consumed;
 * with a tracker, frames carry each actor's last transition.
 */
export function createFrameRecorder(
  epochMs: number,
  options: FrameRecorderOptions = {},
): FrameRecorder {
  const { tracker } = options;
  const since = options.requestsSince ?? (() => -Infinity);
  let consumed = 0;
  let seq = 0;
  return {
    capture(world, previous) {
      // The store's objects are deep-frozen and replaced on every write, so identity is change.
      const objects = world.objects();
      const all = world.events();
      const fresh = all.slice(consumed);
      const rollouts = world.rolloutNames();
      const byName = new Map(
        objects.filter((o) => o.kind === 'Rollout').map((o) => [o.metadata?.name ?? '', o]),
      );
      const events = fresh.flatMap((e, i) => {
        const flat = flattenEvent(e, consumed + i, contextOf(byName.get(e.rollout)));
        return flat ? [flat] : [];
      });
      consumed = all.length;
      const machine = machineOf(world, tracker);
      const t = world.now();
      const sampledRequests = requestsOf(world, since());
      const requests =
        previous !== undefined && sameRequests(previous.requests, sampledRequests)
          ? previous.requests
          : sampledRequests;
      const unchanged =
        previous !== undefined &&
        events.length === 0 &&
        sameObjects(previous.objects, objects) &&
        sameMachine(previous.machine, machine);
      if (unchanged && previous.t === t) return undefined;
      const log =
        events.length === 0
          ? (previous?.log ?? [])
          : [...(previous?.log ?? []), ...events].slice(-LOG_LIMIT);
      return Object.freeze({
        seq: seq++,
        t,
        nowMs: epochMs + t,
        objects: unchanged ? previous.objects : Object.freeze([...objects]),
        events: Object.freeze(events),
        log: Object.freeze(log),
        machine: Object.freeze(machine),
        rollouts: Object.freeze(rollouts),
        idle: unchanged,
        requests,
      });
    },
  };
}

/** Timeline limits: the oldest frames are dropped beyond MAX_FRAMES. */
export const MAX_FRAMES = 2000;

/**
 * appendFrame adds `frame` to `frames`, keeping memory bounded: an idle frame (only time moved)
 * replaces a previous idle frame instead of piling up, and the oldest frames go beyond `max`.
 */
export function appendFrame(
  frames: readonly Frame[],
  frame: Frame,
  max: number = MAX_FRAMES,
): Frame[] {
  const last = frames[frames.length - 1];
  const base = frame.idle && last?.idle ? frames.slice(0, -1) : frames.slice();
  base.push(frame);
  return base.length > max ? base.slice(base.length - max) : base;
}
