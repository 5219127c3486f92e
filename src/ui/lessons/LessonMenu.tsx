/**
 * LessonMenu: the list of lessons, each with its summary and a start button. Presentational.
 */
import { useT } from '../i18n/context';
import type { Lesson } from './lessons';
import './lessons.css';

export interface LessonMenuProps {
  /** The lessons to offer (usually LESSONS). */
  readonly lessons: readonly Lesson[];
  /** Called with the id of the lesson to start. */
  readonly onStart: (lessonId: string) => void;
}

/** LessonMenu renders one card per lesson. */
export function LessonMenu({ lessons, onStart }: LessonMenuProps) {
  const t = useT();
  return (
    <nav className="rl-lesson-menu" aria-label={t('lesson.choose')}>
      <ul>
        {lessons.map((lesson) => (
          <li key={lesson.id}>
            <button type="button" onClick={() => onStart(lesson.id)}>
              <strong>{t(lesson.titleKey)}</strong>
              <span>{t(lesson.summaryKey)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default LessonMenu;
