import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectSteps } from '../src/store';
import { StepsPanel } from '../src/ui/components/StepsPanel';
import { FRAMES } from './frames';

const meta = {
  title: 'Sandbox/StepsPanel',
  component: StepsPanel,
} satisfies Meta<typeof StepsPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const IndefinitePause: Story = { args: { steps: selectSteps(FRAMES.pausedAt20) } };

export const TimedPause: Story = { args: { steps: selectSteps(FRAMES.timedPause) } };

export const Done: Story = { args: { steps: selectSteps(FRAMES.healthy) } };

export const BlueGreen: Story = { args: { steps: selectSteps(FRAMES.blueGreenPreview) } };
