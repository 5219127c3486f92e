/**
 * The sandbox store: a vanilla zustand store over one simulated world, its recorded timeline of
 * frames and the playback state. Commands are the only writers (architecture.md section 11); the
 * dashboard's buttons map to `world.act`, exactly as the Argo dashboard maps them to the plugin.
 * Rule: no wall time; `tick(wallDeltaMs)` is told how much wall time passed by the UI's clock.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  checkScenarioManifests,
  parseScenario,
  settleInitialDeploy,
  worldFor,
  type RolloutAction,
  type Scenario,
  type World,
} from '../scenario';
import {
  appendFrame,
  createFrameRecorder,
  createTransitionTracker,
  MAX_FRAMES,
  type Frame,
  type FrameRecorder,
  type TransitionTracker,
} from './frames';
import { lessonAfterFrame, type LessonScript, type LessonState } from './lessons';
import {
  describeMachine,
  type MachineDescription,
  type StateConfigJson,
  type StateNodeJson,
} from './machineDescription';
import {
  initialDirector,
  performedByUser,
  stepDirector,
  suggestionOf,
  wakeAt,
  type DirectorState,
  type OperatorVerb,
  type Suggestion,
} from './director';
import { DEFAULT_SCENARIO, findScenario, readBundledFile, SCENARIOS } from './scenarios';
import { isLang, LANG_STORAGE_KEY, readLang, type Lang, type LangStorage } from './lang';

/** Playback speeds: virtual seconds per wall second. */
export type Speed = 1 | 2 | 5 | 10 | 60;

/** SPEEDS lists the playback speeds offered. */
export const SPEEDS: readonly Speed[] = [1, 2, 5, 10, 60];

/** The virtual epoch of sandbox worlds: the CLI's default (2026-01-01T00:00:00Z). */
export const SANDBOX_EPOCH_MS = Date.UTC(2026, 0, 1);

/** How many clock advances one command may make at a single instant before giving up. */
const MAX_ADVANCES = 20_000;

/** How far Next event looks ahead for a change when only request traffic is ticking (virtual ms). */
export const NEXT_EVENT_HORIZON_MS = 60 * 60_000;

/** ScenarioMeta describes the loaded (or failed) scenario for the page. */
export interface ScenarioMeta {
  /** Library name (`blue-to-yellow`) or the file name of a scenario given as text. */
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  /** Images the Set image control offers: `versions:`, the script's setImage steps, the manifests'. */
  readonly images: readonly string[];
  /** The scenario file's text as loaded (what the editor shows). */
  readonly text: string;
}

/** LoadIssue is one problem that stopped a scenario from loading, positioned in its file. */
export interface LoadIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
  /** The issue code (`schema.type`, `scenario.unsupported` …), '' when none. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
}

/** LoadError explains why the scenario did not load. */
export interface LoadError {
  readonly file: string;
  readonly issues: readonly LoadIssue[];
}

/** Playback is the presentation clock's settings. */
export interface Playback {
  readonly playing: boolean;
  readonly speed: Speed;
  /** Autoplay: the script performs its operator verbs itself. */
  readonly autoplay: boolean;
}

/** ScenarioInput is a library scenario name, or scenario text with the file name to report issues against. */
export type ScenarioInput = string | { readonly text: string; readonly file: string };

/** SimCommands are the only ways to change the store. */
export interface SimCommands {
  readonly loadScenario: (input: ScenarioInput) => void;
  /** reload loads the current scenario again from the start. */
  readonly reload: () => void;
  readonly play: () => void;
  readonly stop: () => void;
  readonly setSpeed: (speed: Speed) => void;
  readonly setAutoplay: (on: boolean) => void;
  /** tick advances virtual time by wallDeltaMs × speed, recording a frame at every event on the way. */
  readonly tick: (wallDeltaMs: number) => void;
  /** nextEvent jumps to the world's next due timer (or the script's next wake-up). */
  readonly nextEvent: () => void;
  /** scrubTo shows a recorded frame (time travel): nothing is re-run, playback stops. */
  readonly scrubTo: (frameIndex: number) => void;
  readonly promote: () => void;
  readonly promoteFull: () => void;
  readonly abort: () => void;
  readonly retry: () => void;
  readonly pause: () => void;
  readonly resume: () => void;
  readonly restart: () => void;
  readonly setImage: (image: string) => void;
  readonly undo: (revision?: number) => void;
  /** setFault changes how an image behaves from now on (the scenario's setVersion), at once. */
  readonly setFault: (image: string, fault: Partial<VersionFault>) => void;
  /** dismissActionError clears the last refused action's message. */
  readonly dismissActionError: () => void;
  /** setLang switches the page language and remembers it. */
  readonly setLang: (lang: Lang) => void;
  /** startLesson loads the lesson's scenario (script off: the learner acts) and shows step 1. */
  readonly startLesson: (lesson: LessonScript) => void;
  /** nextLessonStep shows the next step; on the last step it ends the lesson. */
  readonly nextLessonStep: () => void;
  /** prevLessonStep shows the previous step. */
  readonly prevLessonStep: () => void;
  /** endLesson leaves the lesson; the world stays as it is. */
  readonly endLesson: () => void;
}

/** SimState is the store's state. */
export interface SimState {
  readonly scenario: ScenarioMeta | null;
  /** The recorded timeline, oldest first, at most MAX_FRAMES. */
  readonly frames: readonly Frame[];
  /** Index into frames of the frame on screen (the last one when live). */
  readonly cursor: number;
  readonly playback: Playback;
  /** What the script would do next (null before a scenario loads). */
  readonly suggestion: Suggestion | null;
  /** Why the scenario did not load, or null. */
  readonly error: LoadError | null;
  /** The last action the cluster refused (`rollout has no revision 9`), or null. */
  readonly actionError: string | null;
  /** Virtual ms of the next thing that will happen by itself, or null when the world is idle. */
  readonly nextEventAt: number | null;
  /** The page language. */
  readonly lang: Lang;
  /** The lesson being taken, or null. */
  readonly lesson: LessonState | null;
  /** The rollout statechart (built once from the rollout actor's machine), or null. */
  readonly statechart: MachineDescription | null;
  /** How each image behaves now (the fault sliders): error rate 0..1 and median latency in ms. */
  readonly faults: Readonly<Record<string, VersionFault>>;
  readonly commands: SimCommands;
}

/** VersionFault is what the fault sliders set for one image (rollouts-demo's sliders). */
export interface VersionFault {
  readonly errorRate: number;
  readonly latencyMs: number;
}

/** SimStore is the vanilla store. */
export type SimStore = StoreApi<SimState>;

/** CreateSimStoreOptions tune a store. */
export interface CreateSimStoreOptions {
  /** A scenario to load at once (default: none; call loadScenario). */
  readonly scenario?: ScenarioInput;
  /** Start with Autoplay on. */
  readonly autoplay?: boolean;
  /** Timeline cap (default MAX_FRAMES). */
  readonly maxFrames?: number;
  /** Simulate request traffic, for the request animation (default true). */
  readonly traffic?: boolean;
  /** The language to start in (default: the remembered one, else English). */
  readonly lang?: Lang;
  /** Where the language choice is remembered (the page passes localStorage). */
  readonly storage?: LangStorage;
}

function uniq(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function imagesOf(scenario: Scenario): string[] {
  const fromManifests = scenario.manifests.flatMap((m) => {
    const spec = m.object.spec as
      { template?: { spec?: { containers?: { image?: string }[] } } } | undefined;
    return m.kind === 'Rollout'
      ? (spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '')
      : [];
  });
  const fromScript = scenario.script.flatMap((s) => (s.kind === 'setImage' ? [s.image] : []));
  return uniq([...fromManifests, ...Object.keys(scenario.versions), ...fromScript]);
}

function toLoadIssue(i: {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  code?: string;
  severity?: string;
}): LoadIssue {
  return {
    file: i.file,
    line: i.line,
    column: i.column,
    path: i.path,
    message: i.message,
    code: i.code ?? '',
    severity: i.severity === 'warning' ? 'warning' : 'error',
  };
}

function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

let describedMachine: { key: string; value: MachineDescription } | undefined;

/** statechartOf describes the first rollout actor's machine (cached: the machine is static). */
function statechartOf(world: World): MachineDescription | null {
  const actor = world.actors.values().next().value;
  if (!actor) return null;
  const logic = actor.logic as unknown as { toJSON(): unknown; config: unknown };
  const value = describeMachine(
    plain<StateNodeJson>(logic.toJSON()),
    plain<StateConfigJson>(logic.config),
  );
  const key = JSON.stringify(value);
  if (describedMachine?.key !== key) describedMachine = { key, value };
  return describedMachine.value;
}

/**
 * checkScenarioText parses and checks scenario text the way loadScenario does, without running
 * it: the editor's live problems. Returns [] when the text would load.
 */
export function checkScenarioText(text: string, file: string): LoadIssue[] {
  const parsed = parseScenario(text, file, readBundledFile);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (!parsed.scenario || errors.length > 0) return errors.map(toLoadIssue);
  return checkScenarioManifests(parsed.scenario).map(toLoadIssue);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** createSimStore builds a sandbox store. */
export function createSimStore(options: CreateSimStoreOptions = {}): SimStore {
  const maxFrames = options.maxFrames ?? MAX_FRAMES;
  const traffic = options.traffic ?? true;
  let world: World | undefined;
  let tracker: TransitionTracker | undefined;
  let lessonScript: LessonScript | undefined;
  let lesson: LessonState | null = null;
  let scenario: Scenario | undefined;
  let recorder: FrameRecorder | undefined;
  let director: DirectorState = initialDirector(0);
  let lastInput: ScenarioInput = DEFAULT_SCENARIO;

  const store = createStore<SimState>()((set, get) => {
    /** A batch of frames recorded during one command, committed with one set(). */
    let pending: Frame[] | undefined;

    const framesNow = (): readonly Frame[] => pending ?? get().frames;

    /** Set when a recorded frame changed more than the time (Next event stops there). */
    let changed = false;

    const record = () => {
      if (!world || !recorder) return;
      const frames = framesNow();
      const frame = recorder.capture(world, frames[frames.length - 1]);
      if (!frame) return;
      pending = appendFrame(frames, frame, maxFrames);
      if (!frame.idle) changed = true;
      // Every frame counts for a lesson, even one the screen never shows.
      lesson = lessonAfterFrame(lesson, lessonScript, frame);
    };

    const autoplay = () => get().playback.autoplay;

    const direct = () => {
      // During a lesson the learner acts; the scenario's script stays quiet.
      if (!world || !scenario || lessonScript) return;
      director = stepDirector(scenario, world, director, {
        autoplay: autoplay(),
        onChange: record,
      });
    };

    const scriptWake = (): number | undefined =>
      scenario && !lessonScript ? wakeAt(scenario, director, autoplay()) : undefined;

    const nextStop = (): number | undefined => {
      if (!world || !scenario) return undefined;
      const a = world.nextEventAt();
      const b = scriptWake();
      if (a === undefined) return b;
      if (b === undefined) return a;
      return Math.min(a, b);
    };

    /** quiet: only the request traffic's own tick is pending, so nothing will change by itself. */
    const quiet = (): boolean => !world || world.clock.pendingCount() <= (traffic ? 1 : 0);

    /** The next time something may change by itself, or undefined when the world is idle. */
    const nextChange = (): number | undefined => {
      if (!quiet()) return nextStop();
      return scriptWake();
    };

    /** commit publishes the batch: frames, live cursor, suggestion and the next event time. */
    const commit = (extra: Partial<SimState> = {}) => {
      const frames = framesNow();
      pending = undefined;
      const next = nextChange();
      set({
        frames,
        cursor: Math.max(0, frames.length - 1),
        suggestion: scenario && !lessonScript ? suggestionOf(scenario, director) : null,
        nextEventAt: next ?? null,
        lesson,
        ...extra,
      });
    };

    /** advanceTo moves the world to `target`, stopping at every event so each change is recorded. */
    const advanceTo = (target: number) => {
      if (!world) return;
      let guard = 0;
      for (;;) {
        const now = world.now();
        const next = nextStop();
        if (next === undefined || next > target) break;
        world.advanceTo(Math.max(next, now));
        record();
        direct();
        if (world.now() === now && ++guard > MAX_ADVANCES) break;
        if (world.now() > now) guard = 0;
      }
      if (world.now() < target) {
        world.advanceTo(target);
        record();
        direct();
      }
    };

    const fail = (name: string, file: string, issues: LoadIssue[], text = '') => {
      set({
        scenario: { name, file, title: name, description: '', images: [], text },
        statechart: null,
        lesson,
        frames: [],
        cursor: 0,
        suggestion: null,
        error: { file, issues },
        actionError: null,
        nextEventAt: null,
        playback: { ...get().playback, playing: false },
      });
    };

    const load = (input: ScenarioInput) => {
      lastInput = input;
      tracker?.dispose();
      tracker = undefined;
      world?.dispose();
      world = undefined;
      scenario = undefined;
      recorder = undefined;
      pending = undefined;
      const source =
        typeof input === 'string'
          ? findScenario(input)
          : { name: input.file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), ...input };
      if (!source) {
        const name = typeof input === 'string' ? input : input.file;
        fail(name, name, [
          {
            file: name,
            line: 1,
            column: 1,
            path: '',
            message: `no scenario named "${name}" (have: ${SCENARIOS.map((s) => s.name).join(', ')})`,
            code: 'scenario.unknown',
            severity: 'error',
          },
        ]);
        return;
      }
      const parsed = parseScenario(source.text, source.file, readBundledFile);
      const parseErrors = parsed.issues.filter((i) => i.severity === 'error');
      if (!parsed.scenario || parseErrors.length > 0) {
        fail(source.name, source.file, parseErrors.map(toLoadIssue), source.text);
        return;
      }
      const checked = checkScenarioManifests(parsed.scenario);
      if (checked.length > 0) {
        fail(source.name, source.file, checked.map(toLoadIssue), source.text);
        return;
      }
      const sc = parsed.scenario;
      try {
        // worldFor's epoch is the CLI's default, 2026-01-01T00:00:00Z (SANDBOX_EPOCH_MS).
        world = worldFor(sc, sc.seed, { traffic });
        tracker = createTransitionTracker(world);
        scenario = sc;
        let requestsSince = Infinity;
        recorder = createFrameRecorder(SANDBOX_EPOCH_MS, {
          tracker,
          requestsSince: () => requestsSince,
        });
        director = initialDirector(world.now());
        pending = [];
        record();
        settleInitialDeploy(world, undefined, record);
        requestsSince = world.now();
        director = initialDirector(world.now());
        direct();
      } catch (error) {
        world?.dispose();
        world = undefined;
        scenario = undefined;
        pending = undefined;
        fail(
          source.name,
          source.file,
          [
            {
              file: source.file,
              line: 1,
              column: 1,
              path: '',
              message: errorText(error),
              code: 'scenario.crashed',
              severity: 'error',
            },
          ],
          source.text,
        );
        return;
      }
      const faults: Record<string, VersionFault> = {};
      for (const image of imagesOf(sc)) {
        const v = sc.versions[image] ?? {};
        faults[image] = { errorRate: v.errorRate ?? 0, latencyMs: v.latencyMs ?? 50 };
      }
      commit({
        faults,
        scenario: {
          name: source.name,
          file: source.file,
          title: sc.title ?? sc.name,
          description: sc.description ?? '',
          images: imagesOf(sc),
          text: source.text,
        },
        statechart: statechartOf(world),
        error: null,
        actionError: null,
        playback: { ...get().playback, playing: false },
      });
    };

    /** act performs a dashboard verb on the live world and records what followed. */
    const act = (verb: OperatorVerb, action: RolloutAction, image?: string) => {
      if (!world || !scenario) return;
      pending = [...get().frames];
      let actionError: string | null = null;
      try {
        world.act(action);
        world.settle();
        if (!lessonScript) director = performedByUser(scenario, director, verb, world.now(), image);
      } catch (error) {
        actionError = errorText(error);
      }
      record();
      direct();
      commit({ actionError });
    };

    /** restartLessonStep re-checks the step on screen against the live frame. */
    const showLessonStep = (stepIndex: number) => {
      if (!lesson || !lessonScript) return;
      const frames = get().frames;
      lesson = lessonAfterFrame(
        { ...lesson, stepIndex, complete: false },
        lessonScript,
        frames[frames.length - 1],
      );
      set({ lesson });
    };

    const endLesson = () => {
      lessonScript = undefined;
      lesson = null;
      set({ lesson: null });
      if (!world) return;
      // The script does not take over mid-story: it would replay its own first change.
      director = { ...director, index: scenario?.script.length ?? 0 };
      pending = [...get().frames];
      commit();
    };

    const commands: SimCommands = {
      loadScenario: (input) => {
        // A different scenario ends the lesson; reloading the lesson's own keeps it.
        if (lessonScript && input !== lessonScript.scenario) {
          lessonScript = undefined;
          lesson = null;
        }
        load(input);
      },
      reload: () => {
        if (lesson) lesson = { ...lesson, complete: false };
        load(lastInput);
      },
      play: () => {
        if (!world) return;
        // Playing from the past returns to now: the world only moves forward.
        set({ playback: { ...get().playback, playing: true }, cursor: get().frames.length - 1 });
      },
      stop: () => set({ playback: { ...get().playback, playing: false } }),
      setSpeed: (speed) => set({ playback: { ...get().playback, speed } }),
      setAutoplay: (on) => {
        set({ playback: { ...get().playback, autoplay: on } });
        if (!world) return;
        pending = [...get().frames];
        direct();
        commit();
      },
      tick: (wallDeltaMs) => {
        if (!world || !(wallDeltaMs > 0)) return;
        pending = [...get().frames];
        advanceTo(world.now() + Math.round(wallDeltaMs * get().playback.speed));
        commit();
      },
      nextEvent: () => {
        if (!world) return;
        if (nextChange() === undefined) return;
        pending = [...get().frames];
        // Go from event to event until something changes: request traffic ticks every virtual
        // second, and those ticks alone are not what "next event" means.
        const horizon = world.now() + NEXT_EVENT_HORIZON_MS;
        changed = false;
        for (let i = 0; i < MAX_ADVANCES && !changed; i++) {
          const next = quiet() ? scriptWake() : nextStop();
          if (next === undefined || next > horizon) break;
          advanceTo(Math.max(next, world.now()));
        }
        commit();
      },
      scrubTo: (frameIndex) => {
        const { frames } = get();
        if (frames.length === 0) return;
        const cursor = Math.min(frames.length - 1, Math.max(0, Math.round(frameIndex)));
        set({ cursor, playback: { ...get().playback, playing: false } });
      },
      promote: () => act('promote', { kind: 'promote' }),
      promoteFull: () => act('promoteFull', { kind: 'promoteFull' }),
      abort: () => act('abort', { kind: 'abort' }),
      retry: () => act('retry', { kind: 'retry' }),
      pause: () => act('pause', { kind: 'pause' }),
      resume: () => act('resume', { kind: 'resume' }),
      restart: () => act('restart', { kind: 'restart' }),
      setImage: (image) => act('setImage', { kind: 'setImage', image }, image),
      undo: (revision) =>
        act(
          'undo',
          revision !== undefined ? { kind: 'undo', toRevision: revision } : { kind: 'undo' },
        ),
      setFault: (image, fault) => {
        if (!world) return;
        const current = get().faults[image] ?? { errorRate: 0, latencyMs: 50 };
        const next: VersionFault = {
          errorRate: Math.min(1, Math.max(0, fault.errorRate ?? current.errorRate)),
          latencyMs: Math.max(1, Math.round(fault.latencyMs ?? current.latencyMs)),
        };
        world.setVersion(image, next);
        set({ faults: { ...get().faults, [image]: next } });
      },
      dismissActionError: () => set({ actionError: null }),
      setLang: (lang) => {
        if (!isLang(lang)) return;
        try {
          options.storage?.setItem(LANG_STORAGE_KEY, lang);
        } catch {
          // Private mode or a full quota: the choice just is not remembered.
        }
        set({ lang });
      },
      startLesson: (script) => {
        lessonScript = script;
        lesson = {
          lessonId: script.id,
          stepIndex: 0,
          stepCount: script.steps.length,
          complete: false,
        };
        set({ playback: { ...get().playback, playing: false } });
        load(script.scenario);
      },
      nextLessonStep: () => {
        if (!lesson) return;
        if (lesson.stepIndex + 1 >= lesson.stepCount) endLesson();
        else showLessonStep(lesson.stepIndex + 1);
      },
      prevLessonStep: () => {
        if (!lesson || lesson.stepIndex === 0) return;
        showLessonStep(lesson.stepIndex - 1);
      },
      endLesson,
    };

    return {
      scenario: null,
      frames: [],
      cursor: 0,
      playback: { playing: false, speed: 1, autoplay: options.autoplay ?? false },
      suggestion: null,
      error: null,
      actionError: null,
      nextEventAt: null,
      lang: options.lang ?? readLang(options.storage),
      lesson: null,
      statechart: null,
      faults: {},
      commands,
    };
  });

  if (options.scenario !== undefined) store.getState().commands.loadScenario(options.scenario);
  return store;
}

/** currentFrame is the frame on screen, or undefined before anything loaded. */
export function currentFrame(state: Pick<SimState, 'frames' | 'cursor'>): Frame | undefined {
  return state.frames[state.cursor];
}

/** isLive says whether the frame on screen is the newest one (not time-travelling). */
export function isLive(state: Pick<SimState, 'frames' | 'cursor'>): boolean {
  return state.cursor >= state.frames.length - 1;
}
