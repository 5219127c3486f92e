/**
 * The director walks a scenario's script alongside the sandbox, one step at a time, in the
 * virtual time that playback provides (runScript runs it all at once; the sandbox cannot).
 * Sandbox semantics: the change that starts the story runs by itself; later operator verbs become
 * the suggested next move unless Autoplay is on. Rule: it never advances the clock itself.
 */
import {
  actionOf,
  defaultRolloutName,
  evaluateCondition,
  observe,
  type KubeObject,
  type Scenario,
  type ScriptStep,
  type World,
} from '../scenario';

/** The verbs a person performs in the sandbox (the dashboard's buttons plus set image and undo). */
export type OperatorVerb =
  | 'promote'
  | 'promoteFull'
  | 'abort'
  | 'retry'
  | 'pause'
  | 'resume'
  | 'restart'
  | 'setImage'
  | 'undo';

/** Suggestion is what the script would do next, shown to the learner instead of being done. */
export type Suggestion =
  | {
      /** The script's next step is a verb for you to perform. */
      readonly kind: 'action';
      readonly action: OperatorVerb;
      /** For setImage: the image the script sets. */
      readonly image?: string;
      /** For undo: the revision the script rolls back to. */
      readonly toRevision?: number;
      readonly stepIndex: number;
    }
  | {
      /** The script waits for the rollout to reach a condition or for time to pass. */
      readonly kind: 'time';
      readonly stepIndex: number;
    }
  | { readonly kind: 'done' }
  | {
      /** The script could not go on (a step failed). */
      readonly kind: 'failed';
      readonly stepIndex: number;
      readonly message: string;
    };

/** DirectorState is where the script is. Plain data, kept in the store. */
export interface DirectorState {
  /** Index of the step the script is at (script.length when finished). */
  readonly index: number;
  /** Virtual time the current step started (for `wait` and `waitFor` timeouts). */
  readonly stepStartedAt: number;
  /** True once the story's first change (setImage / updateSpec / apply) has run. */
  readonly storyStarted: boolean;
  /** A step failed: the script stops here. */
  readonly failure: { readonly stepIndex: number; readonly message: string } | null;
}

/** initialDirector is a script at its first step. */
export function initialDirector(now: number): DirectorState {
  return { index: 0, stepStartedAt: now, storyStarted: false, failure: null };
}

const OPERATOR_VERBS = new Set<string>([
  'promote',
  'promoteFull',
  'abort',
  'retry',
  'pause',
  'resume',
  'restart',
  'setImage',
  'undo',
]);

function startsStory(step: ScriptStep): boolean {
  return (
    step.kind === 'setImage' ||
    step.kind === 'updateSpec' ||
    step.kind === 'apply' ||
    step.kind === 'applyFile'
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** DirectorOptions say how the director may act. */
export interface DirectorOptions {
  /** Autoplay: operator verbs run too, and `waitFor` timeouts fail the script. */
  readonly autoplay: boolean;
  /** Called after every change the director makes to the world (to record a frame). */
  readonly onChange: () => void;
}

/**
 * stepDirector runs the script from `state` as far as it can go at this instant: conditions that
 * hold are passed, environment steps run, the first story change runs, and operator verbs run only
 * with autoplay. It returns the new state; it never moves the clock.
 */
export function stepDirector(
  scenario: Scenario,
  world: World,
  state: DirectorState,
  options: DirectorOptions,
): DirectorState {
  let { index, stepStartedAt, storyStarted } = state;
  const { failure } = state;
  if (failure) return state;
  const now = world.now();
  const check = (condition: ScriptStep & { kind: 'waitFor' | 'expect' }) => {
    const objects: readonly KubeObject[] = world.objects();
    const name = condition.rollout ?? defaultRolloutName(scenario, objects);
    return evaluateCondition(condition.condition, observe(objects, name));
  };
  const next = () => {
    index += 1;
    stepStartedAt = now;
  };
  const fail = (msg: string): DirectorState => ({
    index,
    stepStartedAt,
    storyStarted,
    failure: { stepIndex: index, message: msg },
  });
  // A bounded loop: every iteration either returns or moves to the next step.
  while (index < scenario.script.length) {
    const step = scenario.script[index];
    try {
      switch (step.kind) {
        case 'waitFor': {
          if (check(step).holds) {
            next();
            break;
          }
          if (options.autoplay && now >= stepStartedAt + step.timeoutMs) {
            return fail(`waitFor timed out after ${Math.round(step.timeoutMs / 1000)}s`);
          }
          return { index, stepStartedAt, storyStarted, failure: null };
        }
        case 'wait':
          if (now >= stepStartedAt + step.durationMs) {
            next();
            break;
          }
          return { index, stepStartedAt, storyStarted, failure: null };
        case 'expect':
          // The sandbox is not a test: an expectation that does not hold is the learner's doing.
          next();
          break;
        case 'apply':
        case 'applyFile':
          world.apply(step.objects.map((m) => m.object as KubeObject));
          world.settle();
          storyStarted = true;
          options.onChange();
          next();
          break;
        case 'setVersion':
          world.setVersion(step.image, step.behaviour);
          world.settle();
          options.onChange();
          next();
          break;
        case 'killPods':
          world.killPods(step.revision, step.count, step.rollout);
          world.settle();
          options.onChange();
          next();
          break;
        case 'setMetric':
          world.setMetric(step.metric, step.outcome);
          world.settle();
          options.onChange();
          next();
          break;
        default: {
          const action = actionOf(step);
          if (!action) {
            next();
            break;
          }
          const story = !storyStarted && startsStory(step);
          if (!story && !options.autoplay && OPERATOR_VERBS.has(step.kind)) {
            return { index, stepStartedAt, storyStarted, failure: null };
          }
          world.act(action, step.rollout);
          world.settle();
          if (startsStory(step)) storyStarted = true;
          options.onChange();
          next();
        }
      }
    } catch (error) {
      return fail(message(error));
    }
  }
  return { index, stepStartedAt, storyStarted, failure: null };
}

/**
 * wakeAt is the virtual time at which the script wants to look again without any world event:
 * the end of a `wait`, or (autoplay) a `waitFor` timeout. Undefined when it only waits for events.
 */
export function wakeAt(
  scenario: Scenario,
  state: DirectorState,
  autoplay: boolean,
): number | undefined {
  if (state.failure) return undefined;
  const step = scenario.script[state.index];
  if (!step) return undefined;
  if (step.kind === 'wait') return state.stepStartedAt + step.durationMs;
  if (step.kind === 'waitFor' && autoplay) return state.stepStartedAt + step.timeoutMs;
  return undefined;
}

/** suggestionOf says what the learner should do next, from where the script is. */
export function suggestionOf(scenario: Scenario, state: DirectorState): Suggestion {
  if (state.failure) return { kind: 'failed', ...state.failure };
  const step = scenario.script[state.index];
  if (!step) return { kind: 'done' };
  if (OPERATOR_VERBS.has(step.kind)) {
    const base = {
      kind: 'action' as const,
      action: step.kind as OperatorVerb,
      stepIndex: step.index,
    };
    if (step.kind === 'setImage') return { ...base, image: step.image };
    if (step.kind === 'undo' && step.toRevision !== undefined)
      return { ...base, toRevision: step.toRevision };
    return base;
  }
  return { kind: 'time', stepIndex: step.index };
}

/**
 * performedByUser moves the script past its suggested verb when the learner performs it (an image
 * only counts when it is the one the script sets). Any other verb leaves the script where it is.
 */
export function performedByUser(
  scenario: Scenario,
  state: DirectorState,
  verb: OperatorVerb,
  now: number,
  image?: string,
): DirectorState {
  if (state.failure) return state;
  const step = scenario.script[state.index];
  if (!step || step.kind !== verb) return state;
  if (step.kind === 'setImage' && image !== undefined && step.image !== image) return state;
  return {
    index: state.index + 1,
    stepStartedAt: now,
    storyStarted: state.storyStarted || verb === 'setImage',
    failure: null,
  };
}
