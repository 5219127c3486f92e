import type { Meta, StoryObj } from '@storybook/react-vite';
import { FaultPanel } from '../src/ui/components/FaultPanel';

const meta = {
  title: 'Sandbox/FaultPanel',
  component: FaultPanel,
  args: { onChange: () => {} },
} satisfies Meta<typeof FaultPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The versions of simulations/canary-analysis-rollback.yaml: red fails 20 % of its requests. */
export const BadCanary: Story = {
  args: {
    faults: {
      'argoproj/rollouts-demo:blue': { errorRate: 0, latencyMs: 40 },
      'argoproj/rollouts-demo:red': { errorRate: 0.2, latencyMs: 60 },
    },
  },
};
