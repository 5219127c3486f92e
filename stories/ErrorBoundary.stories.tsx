import type { Meta, StoryObj } from '@storybook/react-vite';
import { ErrorBoundary } from '../src/ui/components/ErrorBoundary';

function Boom(): never {
  throw new Error('the traffic panel could not draw this frame');
}

const meta = {
  title: 'Sandbox/ErrorBoundary',
  component: ErrorBoundary,
} satisfies Meta<typeof ErrorBoundary>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Fine: Story = { args: { children: <p>Everything renders.</p> } };

export const Failed: Story = { args: { children: <Boom /> } };
