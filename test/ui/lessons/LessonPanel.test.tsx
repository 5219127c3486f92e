// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../../src/ui/i18n/context';
import LanguageSwitcher from '../../../src/ui/i18n/LanguageSwitcher';
import LessonMenu from '../../../src/ui/lessons/LessonMenu';
import LessonPanel from '../../../src/ui/lessons/LessonPanel';
import { CANARY_LESSON, LESSONS } from '../../../src/ui/lessons/lessons';

afterEach(cleanup);
const pause20 = CANARY_LESSON.steps.findIndex((s) => s.id === 'pause-20');

describe('LessonPanel', () => {
  it('shows title, paragraphs, target, move and waiting condition', () => {
    const { container } = render(
      <LessonPanel
        lesson={CANARY_LESSON}
        stepIndex={pause20}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Paused at 20%: one yellow pod of five');
    expect(container.querySelectorAll('.rl-lesson__body')).toHaveLength(2);
    expect(
      screen.getByText(`Step ${pause20 + 1} of ${CANARY_LESSON.steps.length}`),
    ).toBeInTheDocument();
    expect(screen.getByText('Look at: the pods')).toBeInTheDocument();
    expect(screen.getByText('Your move: Promote')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('status: Paused, step: 3, setWeight: 40');
    expect(container.querySelector('section')).toHaveAttribute('data-points-at', 'pods');
  });

  it('marks a completed step and keeps Next enabled either way', () => {
    const onNext = vi.fn();
    const { rerender } = render(
      <LessonPanel lesson={CANARY_LESSON} stepIndex={pause20} onNext={onNext} onBack={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onNext).toHaveBeenCalledTimes(1);
    rerender(
      <LessonPanel
        lesson={CANARY_LESSON}
        stepIndex={pause20}
        complete
        onNext={onNext}
        onBack={() => {}}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Done — this step is complete.');
  });

  it('offers a Do-it button that reports the action', () => {
    const onAction = vi.fn();
    render(
      <LessonPanel
        lesson={CANARY_LESSON}
        stepIndex={CANARY_LESSON.steps.findIndex((s) => s.id === 'promote-full')}
        onNext={() => {}}
        onBack={() => {}}
        onAction={onAction}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Do it: Promote-Full' }));
    expect(onAction).toHaveBeenCalledWith({ kind: 'promoteFull' });
  });

  it('disables Back on the first step and says Finish on the last', () => {
    const onBack = vi.fn();
    const { rerender } = render(
      <LessonPanel lesson={CANARY_LESSON} stepIndex={0} onNext={() => {}} onBack={onBack} />,
    );
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    rerender(
      <LessonPanel lesson={CANARY_LESSON} stepIndex={99} onNext={() => {}} onBack={onBack} />,
    );
    expect(screen.getByRole('button', { name: 'Finish' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalled();
  });

  it('speaks Korean', () => {
    render(
      <LangContext.Provider value="ko">
        <LessonPanel
          lesson={CANARY_LESSON}
          stepIndex={pause20}
          onNext={() => {}}
          onBack={() => {}}
        />
      </LangContext.Provider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('20%에서 일시 정지');
    expect(screen.getByRole('button', { name: '다음' })).toBeInTheDocument();
    expect(screen.getByText('할 일: Promote')).toBeInTheDocument();
  });
});

describe('LessonMenu and LanguageSwitcher', () => {
  it('lists lessons and starts one', () => {
    const onStart = vi.fn();
    render(<LessonMenu lessons={LESSONS} onStart={onStart} />);
    fireEvent.click(screen.getByRole('button', { name: /Blue-green with a preview service/ }));
    expect(onStart).toHaveBeenCalledWith('blue-green-preview');
  });

  it('switches language and shows the current one as pressed', () => {
    const onChange = vi.fn();
    render(<LanguageSwitcher lang="en" onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByRole('button', { name: '한국어' }));
    expect(onChange).toHaveBeenCalledWith('ko');
  });
});
