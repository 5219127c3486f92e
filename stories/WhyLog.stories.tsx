import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectEventLog } from '../src/store';
import { WhyLog } from '../src/ui/components/WhyLog';
import { FRAMES } from './frames';

const meta = {
  title: 'Sandbox/WhyLog',
  component: WhyLog,
} satisfies Meta<typeof WhyLog>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PausedAt20: Story = { args: { entries: selectEventLog(FRAMES.pausedAt20) } };

export const Aborted: Story = { args: { entries: selectEventLog(FRAMES.aborted) } };

export const BlueGreen: Story = { args: { entries: selectEventLog(FRAMES.blueGreenPreview) } };

export const Empty: Story = { args: { entries: [] } };
