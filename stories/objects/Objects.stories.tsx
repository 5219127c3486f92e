import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { KubeObject } from '../../src/model';
import { LangContext } from '../../src/ui/i18n/context';
import { objectKey } from '../../src/ui/objects/groups';
import ObjectPicker from '../../src/ui/objects/ObjectPicker';
import ObjectsPanel from '../../src/ui/objects/ObjectsPanel';
import ObjectYaml from '../../src/ui/objects/ObjectYaml';
import { blueGreenPreviewWorld, canaryPausedWorld, objectsOf } from './fixtures';

const canary = objectsOf(canaryPausedWorld());
const blueGreen = objectsOf(blueGreenPreviewWorld());

function Picker({ objects }: { objects: KubeObject[] }) {
  const [selected, setSelected] = useState(objectKey(objects[0]));
  return <ObjectPicker objects={objects} selected={selected} onSelect={setSelected} />;
}

const meta = {
  title: 'Objects/ObjectsPanel',
  component: ObjectsPanel,
  args: { objects: canary },
  decorators: [
    (Story) => (
      <div style={{ padding: '1rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ObjectsPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const CanaryPaused: Story = {};
export const BlueGreenPreview: Story = { args: { objects: blueGreen } };
export const PickerOnly: Story = { render: () => <Picker objects={canary} /> };
export const RolloutYaml: Story = {
  render: () => <ObjectYaml object={canary.find((o) => o.kind === 'Rollout')} />,
};
export const Empty: Story = { args: { objects: [] } };
export const Korean: Story = {
  decorators: [
    (Story) => (
      <LangContext.Provider value="ko">
        <Story />
      </LangContext.Provider>
    ),
  ],
};
