import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectStatusText, selectWaitingFor } from '../src/store';
import { StatusPanel } from '../src/ui/components/StatusPanel';
import { FRAMES } from './frames';

const props = (frame: (typeof FRAMES)[keyof typeof FRAMES]) => ({
  status: selectStatusText(frame),
  waiting: selectWaitingFor(frame),
});

const meta = {
  title: 'Sandbox/StatusPanel',
  component: StatusPanel,
} satisfies Meta<typeof StatusPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PausedAt20: Story = { args: props(FRAMES.pausedAt20) };

export const TimedPause: Story = { args: props(FRAMES.timedPause) };

export const Progressing: Story = { args: props(FRAMES.canaryStarting) };

export const Healthy: Story = { args: props(FRAMES.healthy) };

export const Aborted: Story = { args: props(FRAMES.aborted) };

export const BlueGreen: Story = { args: props(FRAMES.blueGreenPreview) };

export const BadImage: Story = { args: props(FRAMES.badImage) };
