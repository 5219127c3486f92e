/**
 * Public surface of src/ui/lessons: the lesson data and the lesson components.
 * Rule: explicit named exports only.
 */
export {
  BLUE_GREEN_LESSON,
  CANARY_LESSON,
  LESSONS,
  LESSON_TARGETS,
  findLesson,
  formatCondition,
} from './lessons';
export type {
  Lesson,
  LessonAction,
  LessonActionKind,
  LessonCondition,
  LessonStep,
  LessonTarget,
} from './lessons';
export { LessonMenu } from './LessonMenu';
export type { LessonMenuProps } from './LessonMenu';
export { LessonPanel } from './LessonPanel';
export { actionLabel } from './actionLabel';
export type { LessonPanelProps } from './LessonPanel';
