import type { Meta, StoryObj } from '@storybook/react-vite';
import { createSimStore } from '../src/store';
import { LoadErrorPanel } from '../src/ui/components/LoadErrorPanel';

const store = createSimStore();
store.getState().commands.loadScenario({
  file: 'simulations/broken.yaml',
  text: 'kind: Scenario\nname: broken\nbogus: 1\nmanifests: []\nscript: []\n',
});
const error = store.getState().error ?? { file: 'simulations/broken.yaml', issues: [] };

const meta = {
  title: 'Sandbox/LoadErrorPanel',
  component: LoadErrorPanel,
} satisfies Meta<typeof LoadErrorPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Broken: Story = { args: { error } };
