import type { Meta, StoryObj } from '@storybook/react-vite';
import { SuggestionBanner } from '../src/ui/components/SuggestionBanner';

const base = { possible: true, actionError: null, onDismiss: () => {} };

const meta = {
  title: 'Sandbox/SuggestionBanner',
  component: SuggestionBanner,
} satisfies Meta<typeof SuggestionBanner>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PressPromote: Story = {
  args: {
    ...base,
    suggestion: { kind: 'action' as const, action: 'promote' as const, stepIndex: 4 },
  },
};

export const LetTimeRun: Story = {
  args: { ...base, suggestion: { kind: 'time' as const, stepIndex: 2 } },
};

export const Done: Story = { args: { ...base, suggestion: { kind: 'done' as const } } };

export const NotPossibleAndRefused: Story = {
  args: {
    ...base,
    possible: false,
    actionError: 'rollout has no revision 9',
    suggestion: { kind: 'action' as const, action: 'retry' as const, stepIndex: 7 },
  },
};
