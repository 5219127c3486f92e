/**
 * runScript: executes a scenario's script against a WorldPort in virtual time, the way Argo's e2e
 * fixtures drive a cluster (`When().PromoteRollout().Then().ExpectRolloutStatus(...)`).
 * Rule: the controller observes every action (settle) before any condition is evaluated.
 */
import { evaluateCondition, observe } from './conditions';
import type { Mismatch } from './conditions';
import { formatVirtualTime } from './duration';
import type { Condition, Scenario, ScriptStep } from './types';
import type { KubeObject, RolloutAction, WorldPort } from './worldPort';

/** The window `errorRate` conditions look at: the last 10 seconds. */
export const ERROR_RATE_WINDOW_MS = 10_000;

/** How many clock advances one step may make without time moving before the run gives up. */
const MAX_ADVANCES_AT_ONE_INSTANT = 10_000;

/** RunFailure describes the first step that failed. */
export interface RunFailure {
  /** Index of the step in `script` (0-based; `script[3]` is step 4). */
  readonly stepIndex: number;
  /** The step as written in the file. */
  readonly step: unknown;
  /** Condition keys that did not hold → what they expected (`revisionPods[2]` style keys for maps). */
  readonly expected: Readonly<Record<string, unknown>> | null;
  /** The same keys → what was observed (null where the data is missing). */
  readonly actual: Readonly<Record<string, unknown>> | null;
  /** Virtual time of the failure, in ms. */
  readonly t: number;
  /** One line: why the step failed (`expect did not hold`, `waitFor timed out after 10m0s` …). */
  readonly message: string;
}

/** RunResult is the outcome of runScript. */
export interface RunResult {
  readonly passed: boolean;
  /** Virtual time when the run ended. */
  readonly virtualTimeMs: number;
  readonly failure: RunFailure | null;
}

/** RunOptions tune runScript. */
export interface RunOptions {
  /**
   * onObserve is called once before the first step, after every `settle()` and after every clock
   * advance, so a recorder (jsonLines) can diff consecutive states. It must not change the world.
   */
  readonly onObserve?: (world: WorldPort) => void;
  /**
   * applyManifests makes the runner `apply` the scenario's manifests and `settle()` before the
   * first step. Leave it off when the world was created with them already applied (createWorld).
   */
  readonly applyManifests?: boolean;
}

/** actionOf maps a rollout-action step to the WorldPort action, or undefined for other steps. */
export function actionOf(step: ScriptStep): RolloutAction | undefined {
  switch (step.kind) {
    case 'promote':
    case 'promoteFull':
    case 'abort':
    case 'retry':
    case 'pause':
    case 'resume':
    case 'restart':
      return { kind: step.kind };
    case 'undo':
      return step.toRevision !== undefined
        ? { kind: 'undo', toRevision: step.toRevision }
        : { kind: 'undo' };
    case 'setImage':
      return step.container !== undefined
        ? { kind: 'setImage', image: step.image, container: step.container }
        : { kind: 'setImage', image: step.image };
    case 'scale':
      return { kind: 'scale', replicas: step.replicas };
    case 'updateSpec':
      return step.patch !== undefined
        ? { kind: 'updateSpec', patch: step.patch }
        : { kind: 'updateSpec' };
    default:
      return undefined;
  }
}

/**
 * defaultRolloutName picks the rollout a condition reads when its step names none: the only
 * Rollout in the world, else the only one among the scenario's manifests, else ''.
 */
export function defaultRolloutName(scenario: Scenario, objects: readonly KubeObject[]): string {
  let live: string | undefined;
  let count = 0;
  for (const o of objects) {
    if (o.kind !== 'Rollout') continue;
    if (++count > 1) break;
    live = o.metadata?.name ?? '';
  }
  if (count === 1) return live!;
  const declared = scenario.manifests.filter((m) => m.kind === 'Rollout').map((m) => m.name);
  return declared.length === 1 ? declared[0] : '';
}

/** A thrown world error or a stuck clock, reported as a failure rather than an exception. */
class RunAbort extends Error {}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toRecords(mismatches: readonly Mismatch[]): {
  expected: Record<string, unknown>;
  actual: Record<string, unknown>;
} {
  const expected: Record<string, unknown> = {};
  const actual: Record<string, unknown> = {};
  for (const m of mismatches) {
    expected[m.key] = m.expected;
    actual[m.key] = m.actual;
  }
  return { expected, actual };
}

/**
 * runScript executes `scenario.script` on `world`, in order, in virtual time:
 * - actions (and apply, setVersion, killPods, setMetric) are followed by `world.settle()`, so the
 *   controller has observed them before any condition is evaluated;
 * - `wait` advances the clock event by event to now + duration;
 * - `waitFor` checks at once, then jumps to each next event (never past its timeout) and checks
 *   after every advance; it fails when the timeout passes without the condition holding;
 * - `expect` checks now.
 * The first failing step stops the run. World exceptions become failures too; runScript never throws.
 */
export function runScript(scenario: Scenario, world: WorldPort, opts: RunOptions = {}): RunResult {
  const notify = (): void => opts.onObserve?.(world);
  const now = (): number => world.now();

  /** advance moves to `target`, stopping at every event on the way so onObserve sees each change. */
  const advanceThrough = (target: number): void => {
    let stuck = 0;
    for (;;) {
      const before = now();
      const next = world.nextEventAt();
      if (next === undefined || next > target) break;
      world.advanceTo(Math.max(next, before));
      notify();
      stuck = now() > before ? 0 : stuck + 1;
      if (stuck > MAX_ADVANCES_AT_ONE_INSTANT) {
        throw new RunAbort(`the world keeps scheduling events at t=${formatVirtualTime(now())}`);
      }
    }
    if (now() < target) {
      world.advanceTo(target);
      notify();
    }
  };

  // Built once: a closure per check would be another named function per check under tsx.
  const extras = { errorRate: () => world.errorRate(ERROR_RATE_WINDOW_MS) };
  const check = (condition: Condition, rollout: string | undefined) => {
    const objects = world.objects();
    const name = rollout ?? defaultRolloutName(scenario, objects);
    return evaluateCondition(condition, observe(objects, name, extras));
  };

  const fail = (
    step: ScriptStep,
    message: string,
    mismatches: readonly Mismatch[] | null,
  ): RunResult => {
    const records = mismatches ? toRecords(mismatches) : null;
    return {
      passed: false,
      virtualTimeMs: now(),
      failure: {
        stepIndex: step.index,
        step: step.written,
        expected: records?.expected ?? null,
        actual: records?.actual ?? null,
        t: now(),
        message,
      },
    };
  };

  let current: ScriptStep | undefined;
  try {
    if (opts.applyManifests && scenario.manifests.length > 0) {
      world.apply(scenario.manifests.map((m) => m.object as KubeObject));
      world.settle();
    }
    notify();
    for (const step of scenario.script) {
      current = step;
      switch (step.kind) {
        case 'wait':
          advanceThrough(now() + step.durationMs);
          break;
        case 'expect': {
          const result = check(step.condition, step.rollout);
          if (!result.holds) return fail(step, 'expect did not hold', result.mismatches);
          break;
        }
        case 'waitFor': {
          const deadline = now() + step.timeoutMs;
          let result = check(step.condition, step.rollout);
          let stuck = 0;
          while (!result.holds) {
            const before = now();
            if (before >= deadline) {
              return fail(
                step,
                `waitFor timed out after ${formatVirtualTime(step.timeoutMs)}`,
                result.mismatches,
              );
            }
            const next = world.nextEventAt();
            const target =
              next === undefined || next > deadline ? deadline : Math.max(next, before);
            world.advanceTo(target);
            notify();
            stuck = now() > before ? 0 : stuck + 1;
            if (stuck > MAX_ADVANCES_AT_ONE_INSTANT) {
              throw new RunAbort(
                `the world keeps scheduling events at t=${formatVirtualTime(now())}`,
              );
            }
            result = check(step.condition, step.rollout);
          }
          break;
        }
        case 'apply':
        case 'applyFile':
          world.apply(step.objects.map((m) => m.object as KubeObject));
          world.settle();
          notify();
          break;
        case 'setVersion':
          world.setVersion(step.image, step.behaviour);
          world.settle();
          notify();
          break;
        case 'killPods':
          world.killPods(step.revision, step.count, step.rollout);
          world.settle();
          notify();
          break;
        case 'setMetric':
          world.setMetric(step.metric, step.outcome);
          world.settle();
          notify();
          break;
        default: {
          const action = actionOf(step);
          if (action) {
            world.act(action, step.rollout);
            world.settle();
            notify();
          }
        }
      }
    }
  } catch (error) {
    if (!current) {
      return {
        passed: false,
        virtualTimeMs: now(),
        failure: {
          stepIndex: -1,
          step: null,
          expected: null,
          actual: null,
          t: now(),
          message: `the world failed before the first step: ${errorText(error)}`,
        },
      };
    }
    return fail(current, errorText(error), null);
  }
  return { passed: true, virtualTimeMs: now(), failure: null };
}

function inline(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '(unprintable)';
  }
}

function listing(record: Readonly<Record<string, unknown>> | null): string {
  if (!record) return '-';
  return Object.entries(record)
    .map(([key, value]) => `${key}: ${inline(value)}`)
    .join(', ');
}

/**
 * formatFailure renders a failure for people, naming the step number, the step as written,
 * what was expected, what was observed and the virtual time:
 * ```
 * step 4 (script[3]) failed at t=1m20s: waitFor timed out after 10m0s
 *   step:     {"waitFor":{"status":"Paused"}}
 *   expected: status: "Paused"
 *   actual:   status: "Progressing"
 * ```
 */
export function formatFailure(failure: RunFailure): string {
  const where =
    failure.stepIndex >= 0
      ? `step ${failure.stepIndex + 1} (script[${failure.stepIndex}])`
      : 'setup';
  const lines = [`${where} failed at t=${formatVirtualTime(failure.t)}: ${failure.message}`];
  if (failure.step !== null) lines.push(`  step:     ${inline(failure.step)}`);
  if (failure.expected) lines.push(`  expected: ${listing(failure.expected)}`);
  if (failure.actual) lines.push(`  actual:   ${listing(failure.actual)}`);
  return lines.join('\n');
}
