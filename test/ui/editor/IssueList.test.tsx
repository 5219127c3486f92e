// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValidationIssue } from '../../../src/model';
import { IssueList } from '../../../src/ui/editor/IssueList';
import { LangContext } from '../../../src/ui/i18n/context';

const issues: ValidationIssue[] = [
  {
    file: 'rollout.yaml',
    line: 6,
    column: 3,
    path: 'spec.replicas',
    code: 'validation.rollout.replicasNegative',
    message: 'must be greater than or equal to 0',
    severity: 'error',
  },
  {
    file: 'rollout.yaml',
    line: 17,
    column: 11,
    path: 'spec.strategy.canary.steps[2].setWeight',
    code: 'validation.canary.setWeightOutOfRange',
    message: 'SetWeight needs to be between 0 and 100',
    severity: 'warning',
  },
];

afterEach(cleanup);

describe('IssueList', () => {
  it('lists each issue as line:column path: message', () => {
    render(<IssueList issues={issues} />);
    const items = screen.getAllByRole('button');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('6:3 spec.replicas: must be greater than or equal to 0');
    expect(items[1]).toHaveTextContent(
      '17:11 spec.strategy.canary.steps[2].setWeight: SetWeight needs to be between 0 and 100',
    );
    expect(screen.getByRole('heading')).toHaveTextContent('2 problem(s)');
  });

  it('calls onJump with the clicked issue', () => {
    const onJump = vi.fn();
    render(<IssueList issues={issues} onJump={onJump} />);
    fireEvent.click(screen.getAllByRole('button')[1]);
    expect(onJump).toHaveBeenCalledWith(issues[1]);
  });

  it('shows the file when asked and a calm note when there are no issues', () => {
    const { rerender } = render(<IssueList issues={issues} showFile />);
    expect(screen.getAllByRole('button')[0]).toHaveTextContent('rollout.yaml:6:3');
    rerender(<IssueList issues={[]} />);
    expect(screen.getByText('No problems found.')).toBeInTheDocument();
  });

  it('speaks Korean inside a ko provider', () => {
    render(
      <LangContext.Provider value="ko">
        <IssueList issues={[]} />
      </LangContext.Provider>,
    );
    expect(screen.getByText('문제가 없습니다.')).toBeInTheDocument();
  });
});
