/**
 * Lesson targets: page regions a lesson step can point at. Each region is marked
 * `data-lesson-target="pods"` (etc.); the one the current step names gets a highlight, and the
 * page scrolls it into view when the step changes.
 */
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { LessonTargetContext } from './lessonTargetContext';

export interface LessonTargetProps {
  /** The region's name: pods, traffic, steps, tree, actions, status, editor, objects, statechart, why. */
  readonly name: string;
  readonly children: ReactNode;
  readonly className?: string;
}

/** LessonTarget wraps a region; highlighted (and scrolled to) when the lesson points at it. */
export function LessonTarget({ name, children, className }: LessonTargetProps) {
  const active = useContext(LessonTargetContext) === name;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [active]);
  return (
    <div
      ref={ref}
      data-lesson-target={name}
      data-lesson-active={active ? 'true' : undefined}
      className={`lesson-target${active ? ' is-lesson-target' : ''}${className ? ` ${className}` : ''}`}
    >
      {children}
    </div>
  );
}
