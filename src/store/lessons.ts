/**
 * Lesson progress: which lesson is running, which step is on screen and whether that step's
 * `completeWhen` has held. The lesson texts live in the UI; the store only needs each step's
 * condition, in the scenario format's `waitFor` terms, checked with the runner's own
 * `evaluateCondition` on every frame recorded (a 10 s pause can fall between two screen updates).
 * Rule: completion latches; only Next/Back/start move the position.
 */
import { evaluateCondition, observe, type Condition } from '../scenario';
import type { Frame } from './frames';

/** LessonStepScript is what the store needs of a lesson step. */
export interface LessonStepScript {
  /** When this holds on a frame the step is complete; absent: only Next completes it. */
  readonly completeWhen?: Condition;
}

/** LessonScript is what the store needs of a lesson: its scenario and the steps' conditions. */
export interface LessonScript {
  readonly id: string;
  /** Library scenario name the lesson runs on. */
  readonly scenario: string;
  readonly steps: readonly LessonStepScript[];
}

/** LessonState is the lesson position, kept in the store. */
export interface LessonState {
  readonly lessonId: string;
  readonly stepIndex: number;
  readonly stepCount: number;
  /** The current step's condition held on some frame since the step was shown. */
  readonly complete: boolean;
}

/** conditionHolds checks a lesson condition against one frame (its first Rollout). */
export function conditionHolds(condition: Condition, frame: Frame): boolean {
  const name = frame.rollouts[0];
  if (name === undefined) return false;
  return evaluateCondition(condition, observe(frame.objects, name)).holds;
}

/** lessonAfterFrame latches `complete` when the current step's condition holds on `frame`. */
export function lessonAfterFrame(
  lesson: LessonState | null,
  script: LessonScript | undefined,
  frame: Frame | undefined,
): LessonState | null {
  if (!lesson || !script || !frame || lesson.complete) return lesson;
  const condition = script.steps[lesson.stepIndex]?.completeWhen;
  if (!condition || !conditionHolds(condition, frame)) return lesson;
  return { ...lesson, complete: true };
}
