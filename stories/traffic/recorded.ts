/**
 * Recorded engine data for the traffic and analysis stories (and their component tests): a
 * scenario from simulations/ is run with simulated traffic, and at the first moment `when` holds
 * the frame, the sampled requests of the last 2 s and the virtual time are kept. Nothing here is
 * hand-written: every object and request comes from the engine.
 */
import {
  parseScenario,
  runScript,
  settleInitialDeploy,
  worldFor,
  type World,
} from '../../src/scenario';
import { findScenario, SANDBOX_EPOCH_MS, type Frame } from '../../src/store';
import { createFrameRecorder } from '../../src/store/frames';

/** Recorded is one moment of a scenario. */
export interface Recorded {
  readonly frame: Frame;
  /** `world.recentRequests(2000)` at that moment. */
  readonly requests: ReturnType<World['recentRequests']>;
  /** Virtual ms (the requests' clock). */
  readonly nowMs: number;
}

/** Conditions on the world, for `when`. */
export type WorldTest = (world: World) => boolean;

type Json = Record<string, unknown>;
const rollout = (world: World): Json => world.objects().find((o) => o.kind === 'Rollout') ?? {};
const status = (world: World): Json => (rollout(world).status ?? {}) as Json;

/** pausedAtStep holds when the rollout is paused at step `index`, from `minMs` virtual ms on. */
export const pausedAtStep =
  (index: number, minMs = 0): WorldTest =>
  (world) =>
    status(world).currentStepIndex === index &&
    status(world).phase === 'Paused' &&
    world.now() >= minMs;

/** paused holds when the rollout is paused (any step, or a blue-green preview). */
export const paused: WorldTest = (world) => status(world).phase === 'Paused';

/** analysisPhase holds when an AnalysisRun is in `phase`. */
export const analysisPhase =
  (phase: string): WorldTest =>
  (world) =>
    world
      .objects()
      .some((o) => o.kind === 'AnalysisRun' && (o.status as Json | undefined)?.phase === phase);

/** after holds from `ms` virtual ms on. */
export const after =
  (ms: number): WorldTest =>
  (world) =>
    world.now() >= ms;

/**
 * recordSeries is {@link record} for a stretch of time: every observed moment from when `when`
 * first holds until `durationMs` later (about one per traffic tick), for replaying motion.
 */
export function recordSeries(name: string, when: WorldTest, durationMs: number): Recorded[] {
  const out: Recorded[] = [];
  let held: number | undefined;
  record(name, (world) => {
    if (held === undefined && when(world)) held = world.now();
    if (held !== undefined && world.now() <= held + durationMs) {
      const last = out[out.length - 1];
      if (!last || last.nowMs < world.now())
        out.push({
          frame: frameOf(world),
          requests: world.recentRequests(2000),
          nowMs: world.now(),
        });
    }
    return false;
  });
  return out;
}

function frameOf(world: World): Frame {
  return createFrameRecorder(SANDBOX_EPOCH_MS).capture(world, undefined)!;
}

/**
 * record runs scenario `name` (simulations/<name>.yaml) with traffic and returns the first moment
 * `when` holds, `settleMs` virtual ms later (so requests are in flight); the end of the run when
 * it never holds.
 */
export function record(name: string, when: WorldTest = () => false, settleMs = 0): Recorded {
  const source = findScenario(name);
  if (!source) throw new Error(`no scenario ${name}`);
  const parsed = parseScenario(source.text, source.file);
  if (!parsed.scenario)
    throw new Error(`${name}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  const world = worldFor(parsed.scenario, parsed.scenario.seed, { traffic: true });
  const recorder = createFrameRecorder(SANDBOX_EPOCH_MS);
  const snap = (): Recorded => ({
    frame: recorder.capture(world, undefined)!,
    requests: world.recentRequests(2000),
    nowMs: world.now(),
  });
  let held: number | undefined;
  let kept: Recorded | undefined;
  const observe = (): void => {
    if (kept) return;
    if (held === undefined && when(world)) held = world.now();
    if (held !== undefined && world.now() >= held + settleMs) kept = snap();
  };
  try {
    settleInitialDeploy(world, undefined, observe);
    if (!kept) runScript(parsed.scenario, world, { onObserve: observe });
    return kept ?? snap();
  } finally {
    world.dispose();
  }
}
