import type { Meta, StoryObj } from '@storybook/react-vite';
import { loadAndCheck } from '../../src/model';
import { IssueList } from '../../src/ui/editor/IssueList';
import { BROKEN_ROLLOUT_YAML } from '../objects/fixtures';

const issues = loadAndCheck(BROKEN_ROLLOUT_YAML, 'rollout.yaml').issues;

const meta = {
  title: 'Editor/IssueList',
  component: IssueList,
  args: { issues, onJump: () => {} },
} satisfies Meta<typeof IssueList>;
export default meta;

type Story = StoryObj<typeof meta>;

export const ThreeProblems: Story = {};
export const WithFileNames: Story = { args: { showFile: true } };
export const NoProblems: Story = { args: { issues: [] } };
