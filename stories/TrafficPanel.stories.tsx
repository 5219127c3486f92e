import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectTrafficShare } from '../src/store';
import { TrafficPanel } from '../src/ui/components/TrafficPanel';
import { FRAMES } from './frames';

const meta = {
  title: 'Sandbox/TrafficPanel',
  component: TrafficPanel,
} satisfies Meta<typeof TrafficPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PodRatio: Story = { args: { traffic: selectTrafficShare(FRAMES.pausedAt20) } };

export const RouterWeights: Story = { args: { traffic: selectTrafficShare(FRAMES.nginxPaused) } };

export const Healthy: Story = { args: { traffic: selectTrafficShare(FRAMES.healthy) } };

export const BlueGreen: Story = { args: { traffic: selectTrafficShare(FRAMES.blueGreenPreview) } };
