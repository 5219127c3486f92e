/**
 * The guided lessons, as data: which scenario each runs on, and per step the text keys (in the
 * i18n catalogues), the page region it points at, the action the learner takes and the condition
 * (scenario-format `waitFor` terms, ../shared/design/scenario-format.md) that completes it, so the
 * store can advance a lesson with the same `evaluateCondition` the scenario runner uses.
 */
import type { MessageKey } from '../i18n/en';

/** LessonActionKind is what the learner does: an operator verb of the store, or just wait. */
export type LessonActionKind =
  | 'setImage'
  | 'promote'
  | 'promoteFull'
  | 'abort'
  | 'retry'
  | 'pause'
  | 'resume'
  | 'restart'
  | 'undo'
  | 'wait';

/** LessonAction is the move a step asks for. */
export interface LessonAction {
  readonly kind: LessonActionKind;
  /** For setImage: the image to set. */
  readonly image?: string;
  /** For undo: the revision to roll back to. */
  readonly toRevision?: number;
}

/**
 * LessonTarget names a page region a step points at. The page marks regions with
 * `data-lesson-target="pods"` (etc.) and highlights the one named by the current step.
 */
export type LessonTarget =
  | 'editor'
  | 'actions'
  | 'status'
  | 'pods'
  | 'traffic'
  | 'steps'
  | 'tree'
  | 'statechart'
  | 'objects'
  | 'why';

/** LESSON_TARGETS lists every target, for the page's region map and for tests. */
export const LESSON_TARGETS: readonly LessonTarget[] = [
  'editor',
  'actions',
  'status',
  'pods',
  'traffic',
  'steps',
  'tree',
  'statechart',
  'objects',
  'why',
];

/**
 * LessonCondition is the subset of the scenario format's conditions lessons use; keys and
 * meanings are exactly those of `waitFor` (all given keys must hold).
 */
export interface LessonCondition {
  readonly status?: 'Progressing' | 'Paused' | 'Healthy' | 'Degraded';
  readonly message?: string;
  readonly step?: number;
  readonly setWeight?: number;
  readonly actualWeight?: number;
  readonly canaryPods?: number;
  readonly stablePods?: number;
  readonly revisionPods?: Readonly<Record<string, number>>;
  readonly activeRevision?: number;
  readonly previewRevision?: number;
  readonly stableRevision?: number;
  readonly currentRevision?: number;
  readonly revisionScaleDownDelay?: Readonly<Record<string, boolean>>;
  readonly abort?: boolean;
}

/** LessonStep is one screen of a lesson. */
export interface LessonStep {
  /** Stable id, unique within the lesson. */
  readonly id: string;
  readonly titleKey: MessageKey;
  /** Body text; paragraphs are separated by a blank line. */
  readonly bodyKey: MessageKey;
  /** The page region to highlight. */
  readonly target?: LessonTarget;
  /** The move the learner should make; absent for reading steps (Next completes them). */
  readonly action?: LessonAction;
  /** When this holds the step is complete; absent means Next alone completes it. */
  readonly completeWhen?: LessonCondition;
}

/** Lesson is a sequence of steps over one library scenario. */
export interface Lesson {
  readonly id: string;
  /** Library scenario name (simulations/NAME.yaml) the page loads for the lesson. */
  readonly scenario: string;
  readonly titleKey: MessageKey;
  readonly summaryKey: MessageKey;
  readonly steps: readonly LessonStep[];
}

const YELLOW = 'argoproj/rollouts-demo:yellow';
const BLUE = 'argoproj/rollouts-demo:blue';
const GREEN = 'argoproj/rollouts-demo:green';

/**
 * CANARY_LESSON follows the getting-started walkthrough, then corrects it: the walkthrough says
 * Promote-Full still walks 40 → 60 → 80 → 100, while the controller (status.promoteFull) skips
 * every remaining step; the learner sees that by pressing both buttons on two updates.
 */
export const CANARY_LESSON: Lesson = {
  id: 'canary-blue-to-yellow',
  scenario: 'blue-to-yellow',
  titleKey: 'lesson.canary.title',
  summaryKey: 'lesson.canary.summary',
  steps: [
    {
      id: 'why',
      titleKey: 'lesson.canary.why.title',
      bodyKey: 'lesson.canary.why.body',
      target: 'status',
    },
    {
      id: 'stable',
      titleKey: 'lesson.canary.stable.title',
      bodyKey: 'lesson.canary.stable.body',
      target: 'pods',
      action: { kind: 'wait' },
      completeWhen: { status: 'Healthy', stablePods: 5 },
    },
    {
      id: 'set-image',
      titleKey: 'lesson.canary.setImage.title',
      bodyKey: 'lesson.canary.setImage.body',
      target: 'actions',
      action: { kind: 'setImage', image: YELLOW },
      completeWhen: { status: 'Paused', step: 1 },
    },
    {
      id: 'pause-20',
      titleKey: 'lesson.canary.pause20.title',
      bodyKey: 'lesson.canary.pause20.body',
      target: 'pods',
      action: { kind: 'promote' },
      completeWhen: { status: 'Paused', step: 3, setWeight: 40 },
    },
    {
      id: 'timed-steps',
      titleKey: 'lesson.canary.steps.title',
      bodyKey: 'lesson.canary.steps.body',
      target: 'steps',
      action: { kind: 'wait' },
      completeWhen: { status: 'Healthy', step: 8, setWeight: 100 },
    },
    {
      id: 'scaled-down',
      titleKey: 'lesson.canary.scaledDown.title',
      bodyKey: 'lesson.canary.scaledDown.body',
      target: 'tree',
      action: { kind: 'wait' },
      completeWhen: { status: 'Healthy', stablePods: 5, revisionPods: { '1': 0 } },
    },
    {
      id: 'promote-or-full',
      titleKey: 'lesson.canary.again.title',
      bodyKey: 'lesson.canary.again.body',
      target: 'actions',
      action: { kind: 'setImage', image: BLUE },
      completeWhen: { status: 'Paused', step: 1, canaryPods: 1 },
    },
    {
      id: 'promote-full',
      titleKey: 'lesson.canary.full.title',
      bodyKey: 'lesson.canary.full.body',
      target: 'steps',
      action: { kind: 'promoteFull' },
      completeWhen: { status: 'Healthy', step: 8, setWeight: 100, stablePods: 5 },
    },
    {
      id: 'recap',
      titleKey: 'lesson.canary.recap.title',
      bodyKey: 'lesson.canary.recap.body',
    },
  ],
};

/** BLUE_GREEN_LESSON walks the preview service, the active switch and the scale-down delay. */
export const BLUE_GREEN_LESSON: Lesson = {
  id: 'blue-green-preview',
  scenario: 'bluegreen-preview',
  titleKey: 'lesson.bluegreen.title',
  summaryKey: 'lesson.bluegreen.summary',
  steps: [
    {
      id: 'idea',
      titleKey: 'lesson.bluegreen.idea.title',
      bodyKey: 'lesson.bluegreen.idea.body',
      target: 'traffic',
      action: { kind: 'wait' },
      completeWhen: { status: 'Healthy', activeRevision: 1, previewRevision: 1 },
    },
    {
      id: 'set-image',
      titleKey: 'lesson.bluegreen.setImage.title',
      bodyKey: 'lesson.bluegreen.setImage.body',
      target: 'actions',
      action: { kind: 'setImage', image: GREEN },
      completeWhen: { status: 'Paused', previewRevision: 2, activeRevision: 1 },
    },
    {
      id: 'preview',
      titleKey: 'lesson.bluegreen.preview.title',
      bodyKey: 'lesson.bluegreen.preview.body',
      target: 'traffic',
      action: { kind: 'wait' },
      completeWhen: { activeRevision: 2 },
    },
    {
      id: 'switch',
      titleKey: 'lesson.bluegreen.switch.title',
      bodyKey: 'lesson.bluegreen.switch.body',
      target: 'objects',
    },
    {
      id: 'delay',
      titleKey: 'lesson.bluegreen.delay.title',
      bodyKey: 'lesson.bluegreen.delay.body',
      target: 'tree',
      action: { kind: 'wait' },
      // Not revisionScaleDownDelay: that holds only for 30 s and a slow reader would be stuck.
      completeWhen: { status: 'Healthy', stableRevision: 2 },
    },
    {
      id: 'scaled-down',
      titleKey: 'lesson.bluegreen.scaledDown.title',
      bodyKey: 'lesson.bluegreen.scaledDown.body',
      target: 'pods',
      action: { kind: 'wait' },
      completeWhen: { revisionPods: { '1': 0 }, activeRevision: 2, previewRevision: 2 },
    },
    {
      id: 'recap',
      titleKey: 'lesson.bluegreen.recap.title',
      bodyKey: 'lesson.bluegreen.recap.body',
    },
  ],
};

/** LESSONS lists the lessons in menu order. */
export const LESSONS: readonly Lesson[] = [CANARY_LESSON, BLUE_GREEN_LESSON];

/** findLesson returns the lesson with that id, or undefined. */
export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/**
 * formatCondition prints a condition in scenario-file terms (`status: Paused, step: 1`), the
 * words the learner also sees in the status panel; it is not translated on purpose.
 */
export function formatCondition(condition: LessonCondition): string {
  return Object.entries(condition)
    .map(([key, value]) =>
      value !== null && typeof value === 'object'
        ? `${key}: {${Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `"${k}": ${String(v)}`)
            .join(', ')}}`
        : `${key}: ${String(value)}`,
    )
    .join(', ');
}
