import type { Meta, StoryObj } from '@storybook/react-vite';
import { createSimStore } from '../src/store';
import Sandbox from '../src/ui/Sandbox';
import { CANARY_LESSON } from '../src/ui/lessons';

/** The whole page on a fresh store: tabs, toolbar, lesson aside, in English or Korean. */
const meta = {
  title: 'Sandbox/Page',
  component: Sandbox,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Sandbox>;
export default meta;

type Story = StoryObj<typeof meta>;

export const BlueToYellow: Story = {
  render: () => <Sandbox store={createSimStore({ scenario: 'blue-to-yellow' })} />,
};

export const Korean: Story = {
  render: () => <Sandbox store={createSimStore({ scenario: 'blue-to-yellow', lang: 'ko' })} />,
};

export const CanaryLesson: Story = {
  render: () => {
    const store = createSimStore();
    const { commands } = store.getState();
    commands.startLesson(CANARY_LESSON);
    commands.nextLessonStep();
    commands.nextLessonStep();
    return <Sandbox store={store} />;
  },
};

export const BrokenScenario: Story = {
  render: () => {
    const store = createSimStore();
    store.getState().commands.loadScenario({
      text: 'kind: Scenario\nname: broken\nbogus: 1\n',
      file: 'broken.yaml',
    });
    return <Sandbox store={store} />;
  },
};
