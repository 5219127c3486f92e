/**
 * LessonPanel: one step of a guided lesson — title, body paragraphs, the region it points at,
 * the move to make and the condition that completes it, with Back / Next. Presentational: the
 * store owns the lesson position and decides `complete` by evaluating `step.completeWhen`.
 */
import { useId } from 'react';
import { useT } from '../i18n/context';
import { actionLabel } from './actionLabel';
import { formatCondition } from './lessons';
import type { Lesson, LessonAction } from './lessons';
import './lessons.css';

export interface LessonPanelProps {
  /** The lesson being taken. */
  readonly lesson: Lesson;
  /** Index of the step on screen (clamped into the lesson). */
  readonly stepIndex: number;
  /** True once the step's condition held (or its action was done); shows the done note. */
  readonly complete?: boolean;
  /** Go to the next step (on the last step: finish). Always enabled, so no one gets stuck. */
  readonly onNext: () => void;
  /** Go back one step. */
  readonly onBack: () => void;
  /** When given, the step's action gets a "Do it" button that calls this. */
  readonly onAction?: (action: LessonAction) => void;
}

/** LessonPanel renders the current step as a labelled region. */
export function LessonPanel({
  lesson,
  stepIndex,
  complete = false,
  onNext,
  onBack,
  onAction,
}: LessonPanelProps) {
  const t = useT();
  const headingId = useId();
  const total = lesson.steps.length;
  const index = Math.min(Math.max(0, stepIndex), total - 1);
  const step = lesson.steps[index];
  const last = index === total - 1;
  const paragraphs = t(step.bodyKey).split(/\n\s*\n/);
  return (
    <section
      className={`rl-lesson${complete ? ' is-complete' : ''}`}
      aria-labelledby={headingId}
      data-points-at={step.target}
    >
      <p className="rl-lesson__meta">
        <span className="rl-lesson__name">{t(lesson.titleKey)}</span>
        {' · '}
        <span>{t('lesson.progress', { current: index + 1, total })}</span>
      </p>
      <h3 id={headingId} className="rl-lesson__title">
        {t(step.titleKey)}
      </h3>
      {paragraphs.map((p, i) => (
        <p key={i} className="rl-lesson__body">
          {p}
        </p>
      ))}
      {step.target ? (
        <p className="rl-lesson__target">
          {t('lesson.pointsAt', { target: t(`target.${step.target}`) })}
        </p>
      ) : null}
      {step.action ? (
        <p className="rl-lesson__action">
          <strong>{t('lesson.yourMove', { action: actionLabel(step.action, t) })}</strong>
          {onAction && step.action.kind !== 'wait' ? (
            <button
              type="button"
              className="rl-lesson__do"
              onClick={() => onAction(step.action!)}
              disabled={complete}
            >
              {t('lesson.doIt', { action: actionLabel(step.action, t) })}
            </button>
          ) : null}
        </p>
      ) : null}
      {step.completeWhen ? (
        <p className="rl-lesson__condition" role="status">
          {complete ? (
            t('lesson.done')
          ) : (
            <>
              {t('lesson.waitingFor', { condition: '' })}
              <code>{formatCondition(step.completeWhen)}</code>
            </>
          )}
        </p>
      ) : null}
      <div className="rl-lesson__nav">
        <button type="button" onClick={onBack} disabled={index === 0}>
          {t('lesson.back')}
        </button>
        <button
          type="button"
          className={`rl-lesson__next${complete || !step.completeWhen ? ' is-ready' : ''}`}
          onClick={onNext}
        >
          {last ? t('lesson.finish') : t('lesson.next')}
        </button>
      </div>
    </section>
  );
}

export default LessonPanel;
