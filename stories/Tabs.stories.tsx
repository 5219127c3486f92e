import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { Tabs } from '../src/ui/components/Tabs';

const TABS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'editor', label: 'Editor' },
  { id: 'objects', label: 'Objects' },
  { id: 'statechart', label: 'Statechart' },
];

function Interactive() {
  const [selected, setSelected] = useState('dashboard');
  return <Tabs label="Views" tabs={TABS} selected={selected} onSelect={setSelected} />;
}

const meta = {
  title: 'Sandbox/Tabs',
  component: Tabs,
  args: { label: 'Views', tabs: TABS, selected: 'editor', onSelect: () => {} },
} satisfies Meta<typeof Tabs>;
export default meta;

type Story = StoryObj<typeof meta>;

export const EditorSelected: Story = {};

export const ArrowKeys: Story = { render: () => <Interactive /> };
