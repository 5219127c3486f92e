import type { Meta, StoryObj } from '@storybook/react-vite';
import { RichText } from '../src/ui/components/RichText';

const meta = {
  title: 'Sandbox/RichText',
  component: RichText,
} satisfies Meta<typeof RichText>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Inline: Story = {
  args: { text: 'Paused: step 2 is `pause: {}` and waits for **Promote**.' },
};

export const Paragraphs: Story = {
  args: {
    text: 'Five pods run the **blue** image.\n\nThere is no traffic router here, so the traffic split *is* the pod ratio.',
    block: true,
  },
};
