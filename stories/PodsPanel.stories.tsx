import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectPodsByRevision } from '../src/store';
import { PodsPanel } from '../src/ui/components/PodsPanel';
import { FRAMES } from './frames';

const meta = {
  title: 'Sandbox/PodsPanel',
  component: PodsPanel,
} satisfies Meta<typeof PodsPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const CanaryStarting: Story = {
  args: { groups: selectPodsByRevision(FRAMES.canaryStarting) },
};

export const PausedAt20: Story = { args: { groups: selectPodsByRevision(FRAMES.pausedAt20) } };

export const Healthy: Story = { args: { groups: selectPodsByRevision(FRAMES.healthy) } };

export const Aborted: Story = { args: { groups: selectPodsByRevision(FRAMES.aborted) } };

export const BlueGreenPreview: Story = {
  args: { groups: selectPodsByRevision(FRAMES.blueGreenPreview) },
};

export const BadImage: Story = { args: { groups: selectPodsByRevision(FRAMES.badImage) } };
