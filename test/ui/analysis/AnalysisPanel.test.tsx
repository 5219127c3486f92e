// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { selectAnalysisRuns } from '../../../src/store/selectorsAnalysis';
import AnalysisPanel from '../../../src/ui/analysis/AnalysisPanel';
import { record } from '../../../stories/traffic/recorded';

afterEach(cleanup);

const runsOf = (scenario: string) => selectAnalysisRuns(record(scenario).frame);

describe('AnalysisPanel', () => {
  const rollback = runsOf('canary-analysis-rollback');

  it('shows the run: headline, kind, name, revision and Argo message', () => {
    render(<AnalysisPanel runs={rollback} />);
    const run = screen.getByRole('article');
    expect(within(run).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Analysis failed Background analysis',
    );
    expect(run).toHaveTextContent('guarded-764bfbf888-2 · revision 2');
    expect(run).toHaveTextContent(
      'Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)',
    );
  });

  it('states the pass requirements in plain words', () => {
    const { container } = render(<AnalysisPanel runs={rollback} />);
    expect(container.querySelector('.analysis-requirement')).toHaveTextContent(
      'passes when result[0] ≥ 0.95; fails the run after 2 failed measurements (failureLimit 1); every 10 s; until the rollout stops it',
    );
    expect(container.querySelector('.analysis-requirement-detail')).toHaveTextContent(
      'errors after 5 errors in a row (consecutiveErrorLimit 4)',
    );
  });

  it('draws the success threshold as a line and names it in the chart label', () => {
    const { container } = render(<AnalysisPanel runs={rollback} />);
    const chart = screen.getByRole('img', { name: /^success-rate: 3 measurements/ });
    // The value comes from the simulated traffic; the label must quote the latest measurement.
    const latest = rollback[0].metrics[0].measurements.at(-1)!;
    expect(chart.getAttribute('aria-label')).toBe(
      `success-rate: 3 measurements; latest ${String(latest.value)} (Failed); lines at pass ≥ 0.95`,
    );
    const line = container.querySelector('[data-threshold="success"]');
    expect(line).toHaveTextContent('pass ≥ 0.95');
    expect(line?.querySelector('line')).not.toBeNull();
    expect(container.querySelector('[data-threshold="failure"]')).toBeNull();
  });

  it('marks each measurement by phase (shape and word), the Error one without a value', () => {
    const { container } = render(<AnalysisPanel runs={rollback} />);
    const marks = [...container.querySelectorAll('.analysis-chart [data-phase]')];
    expect(marks.map((m) => m.getAttribute('data-phase'))).toEqual(['Error', 'Failed', 'Failed']);
    expect(marks[1].querySelector('path')).toHaveClass('analysis-mark-Failed');
    const list = container.querySelector('.analysis-measurements')!;
    expect(list).toHaveTextContent('+0 s Error: [] — could not evaluate successCondition');
    const second = rollback[0].metrics[0].measurements[1];
    expect(list).toHaveTextContent(`+10 s Failed: ${String(second.value)}`);
    // The legend says what each shape means.
    expect(container.querySelector('.analysis-legend')).toHaveTextContent(
      'Successful Failed Inconclusive Error',
    );
  });

  it('draws both thresholds and the inconclusive rule when both conditions are set', () => {
    const { container } = render(<AnalysisPanel runs={runsOf('canary-analysis-inconclusive')} />);
    expect(container.querySelector('[data-threshold="success"]')).toHaveTextContent('pass ≥ 0.95');
    expect(container.querySelector('[data-threshold="failure"]')).toHaveTextContent('fail < 0.8');
    expect(container.querySelector('.analysis-requirement')).toHaveTextContent(
      'passes when result ≥ 0.95; a measurement fails when result < 0.8; fails the run after 1 failed measurement (failureLimit 0); one measurement',
    );
    expect(container.querySelector('.analysis-requirement-detail')).toHaveTextContent(
      'inconclusive after 1 inconclusive measurement (inconclusiveLimit 0)',
    );
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Analysis inconclusive');
  });

  it('shows a non-numeric condition as text and lists non-numeric values', () => {
    const { container } = render(<AnalysisPanel runs={runsOf('analysis-web')} />);
    expect(container.querySelector('[data-threshold]')).toBeNull();
    const conditions = container.querySelector('.analysis-conditions')!;
    expect(conditions).toHaveTextContent('successCondition');
    expect(conditions).toHaveTextContent('result == "ok"');
    expect(container.querySelector('.analysis-requirement')).toHaveTextContent(
      'passes when result == "ok"; fails the run after 1 failed measurement (failureLimit 0); every 5 s; 2 measurements',
    );
    const list = container.querySelector('.analysis-measurements')!;
    expect(list).toHaveAttribute('open');
    expect(within(list as HTMLElement).getAllByText('"ok"')).toHaveLength(2);
  });

  it('words a Job metric and a pre-promotion run', () => {
    const { container } = render(<AnalysisPanel runs={runsOf('bluegreen-prepromotion-fail')} />);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'Analysis failed Pre-promotion analysis',
    );
    expect(container.querySelector('.analysis-requirement')).toHaveTextContent(
      'passes when the Job succeeds; fails the run after 1 failed measurement (failureLimit 0); one measurement',
    );
  });

  it('says so when there is no run', () => {
    render(<AnalysisPanel runs={[]} />);
    expect(screen.getByRole('region', { name: 'Analysis' })).toHaveTextContent(
      'No AnalysisRun for this rollout yet.',
    );
  });

  it('speaks Korean with lang="ko"', () => {
    const { container } = render(<AnalysisPanel runs={rollback} lang="ko" />);
    expect(screen.getByRole('region', { name: '분석' })).toBeInTheDocument();
    expect(container.querySelector('.analysis-requirement')).toHaveTextContent(
      'result[0] ≥ 0.95 이면 통과; 측정이 2번 실패하면 run 실패 (failureLimit 1); 10초마다 측정; Rollout이 멈출 때까지 계속',
    );
  });
});
