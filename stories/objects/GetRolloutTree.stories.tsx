import type { Meta, StoryObj } from '@storybook/react-vite';
import GetRolloutTree from '../../src/ui/objects/GetRolloutTree';
import {
  CLI_GET_TREE_HEALTHY,
  blueGreenPreviewWorld,
  canaryPausedWorld,
  canaryProgressingWorld,
  treeOf,
} from './fixtures';

const meta = {
  title: 'Objects/GetRolloutTree',
  component: GetRolloutTree,
  args: { text: CLI_GET_TREE_HEALTHY },
} satisfies Meta<typeof GetRolloutTree>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The literal output of `./bin/rollout-lab run simulations/blue-to-yellow.yaml --get`. */
export const HealthyFromCli: Story = {};
export const CanaryPausedAt20: Story = { args: { text: treeOf(canaryPausedWorld()) } };
export const CanaryProgressing: Story = { args: { text: treeOf(canaryProgressingWorld()) } };
export const BlueGreenPreview: Story = { args: { text: treeOf(blueGreenPreviewWorld()) } };
