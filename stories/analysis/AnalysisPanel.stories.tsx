import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectAnalysisRuns } from '../../src/store/selectorsAnalysis';
import AnalysisPanel from '../../src/ui/analysis/AnalysisPanel';
import { after, analysisPhase, record } from '../traffic/recorded';

const runs = (
  scenario: string,
  ...rest: Parameters<typeof record> extends [string, ...infer R] ? R : never
) => selectAnalysisRuns(record(scenario, ...rest).frame);

const meta = {
  title: 'Sandbox/AnalysisPanel',
  component: AnalysisPanel,
} satisfies Meta<typeof AnalysisPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

/** canary-analysis-rollback: the background run fails after two measurements below 0.95. */
export const BackgroundFailed: Story = { args: { runs: runs('canary-analysis-rollback') } };

/** The same run while it is still measuring (one error, one failure so far). */
export const BackgroundRunning: Story = {
  args: { runs: runs('canary-analysis-rollback', analysisPhase('Running'), 11_000) },
};

/** canary-analysis-step: an analysis step with three successful measurements. */
export const StepSuccessful: Story = { args: { runs: runs('canary-analysis-step') } };

/** canary-analysis-inconclusive: between the success and failure thresholds. */
export const Inconclusive: Story = { args: { runs: runs('canary-analysis-inconclusive') } };

/** analysis-web: a web metric with a non-numeric condition and values. */
export const WebNonNumeric: Story = { args: { runs: runs('analysis-web') } };

/** bluegreen-prepromotion-fail: a Job metric fails the pre-promotion run. */
export const PrePromotionJob: Story = { args: { runs: runs('bluegreen-prepromotion-fail') } };

/** analysis-job at the start: no run yet. */
export const NoRuns: Story = { args: { runs: runs('analysis-job', after(0)) } };

export const Korean: Story = { args: { runs: runs('canary-analysis-rollback'), lang: 'ko' } };
