import type { Meta, StoryObj } from '@storybook/react-vite';
import { ProjectStatus } from '../src/ui/components/ProjectStatus';
import { PROJECT_STATUS } from '../src/ui/copy/projectStatus';

const meta = {
  title: 'Start/ProjectStatus',
  component: ProjectStatus,
  args: { status: PROJECT_STATUS },
} satisfies Meta<typeof ProjectStatus>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Today: Story = {};
