import type { Meta, StoryObj } from '@storybook/react-vite';
import { findScenario, SCENARIOS } from '../src/store';
import { ScenarioBar } from '../src/ui/components/ScenarioBar';

const b2y = findScenario('blue-to-yellow');
const base = {
  scenarios: SCENARIOS.map((s) => ({ name: s.name, title: s.title })),
  selected: 'blue-to-yellow',
  title: b2y?.title ?? '',
  description:
    'Five pods run the **blue** image. Changing the image to **yellow** starts a canary.',
  onSelect: () => {},
  onReload: () => {},
};

const meta = {
  title: 'Sandbox/ScenarioBar',
  component: ScenarioBar,
} satisfies Meta<typeof ScenarioBar>;
export default meta;

type Story = StoryObj<typeof meta>;

export const BlueToYellow: Story = { args: base };
