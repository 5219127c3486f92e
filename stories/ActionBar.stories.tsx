import type { Meta, StoryObj } from '@storybook/react-vite';
import { selectCanActions } from '../src/store';
import { ActionBar } from '../src/ui/components/ActionBar';
import { FRAMES } from './frames';

const IMAGES = [
  'argoproj/rollouts-demo:blue',
  'argoproj/rollouts-demo:yellow',
  'argoproj/rollouts-demo:green',
];
const base = { images: IMAGES, currentImage: IMAGES[1], onAction: () => {}, onSetImage: () => {} };

const meta = {
  title: 'Sandbox/ActionBar',
  component: ActionBar,
} satisfies Meta<typeof ActionBar>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PausedSuggestPromote: Story = {
  args: { ...base, can: selectCanActions(FRAMES.pausedAt20), suggested: 'promote' },
};

export const AbortedSuggestRetry: Story = {
  args: { ...base, can: selectCanActions(FRAMES.aborted), suggested: 'retry' },
};

export const Healthy: Story = {
  args: { ...base, can: selectCanActions(FRAMES.healthy), suggested: null },
};
