/**
 * The lesson aside: the lesson menu while choosing, then the current step (LessonPanel) driven by
 * the store's lesson position; its "Do it" button performs the step's move with the store's
 * commands, exactly like the toolbar.
 */
import { useCommands, useSim } from '../hooks/useSim';
import { useT } from '../i18n';
import { findLesson, LESSONS, LessonMenu, LessonPanel, type LessonAction } from '../lessons';

export interface LessonContainerProps {
  /** The menu is open (the Lessons button was pressed). */
  readonly menuOpen: boolean;
  readonly onCloseMenu: () => void;
}

/** LessonContainer renders the aside, or nothing when no lesson runs and the menu is closed. */
export function LessonContainer({ menuOpen, onCloseMenu }: LessonContainerProps) {
  const t = useT();
  const lesson = useSim((s) => s.lesson);
  const commands = useCommands();
  const current = lesson ? findLesson(lesson.lessonId) : undefined;

  const perform = (action: LessonAction) => {
    switch (action.kind) {
      case 'wait':
        return;
      case 'setImage':
        if (action.image) commands.setImage(action.image);
        return;
      case 'undo':
        commands.undo(action.toRevision);
        return;
      default:
        commands[action.kind]();
    }
  };

  if (lesson && current) {
    return (
      <aside id="lesson-aside" className="lesson-aside" aria-label={t('lesson.label')}>
        <LessonPanel
          lesson={current}
          stepIndex={lesson.stepIndex}
          complete={lesson.complete}
          onNext={commands.nextLessonStep}
          onBack={commands.prevLessonStep}
          onAction={perform}
        />
        <button type="button" className="lesson-exit" onClick={commands.endLesson}>
          {t('lesson.exit')}
        </button>
      </aside>
    );
  }
  if (!menuOpen) return null;
  return (
    <aside id="lesson-aside" className="lesson-aside" aria-labelledby="lesson-menu-title">
      <div className="lesson-aside__head">
        <h2 id="lesson-menu-title">{t('lesson.menuTitle')}</h2>
        <button type="button" onClick={onCloseMenu}>
          {t('app.close')}
        </button>
      </div>
      <LessonMenu
        lessons={LESSONS}
        onStart={(id) => {
          const chosen = findLesson(id);
          if (!chosen) return;
          commands.startLesson(chosen);
          onCloseMenu();
        }}
      />
    </aside>
  );
}
