import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { rolloutMachine } from '../../src/controller/rolloutMachine';
import { LangContext } from '../../src/ui/i18n/context';
import { describeMachine } from '../../src/ui/statechart/describe';
import type { LastTransition } from '../../src/ui/statechart/describe';
import Statechart from '../../src/ui/statechart/Statechart';

// Stories are not src/ui, so they may read the real machine; the store will pass the same JSON.
const description = describeMachine(
  JSON.parse(JSON.stringify(rolloutMachine.toJSON())) as never,
  rolloutMachine.config as never,
);

const PHASES = ['Progressing', 'Paused', 'Progressing', 'Healthy'] as const;

/** Cycles through a canary's phases every 2.5 s so the flash of each transition can be seen. */
function Cycling() {
  const [i, setI] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setI((n) => n + 1), 2500);
    return () => window.clearInterval(id);
  }, []);
  const to = PHASES[i % PHASES.length];
  const from = PHASES[(i + PHASES.length - 1) % PHASES.length];
  const last: LastTransition = {
    from: `rollout.${from}`,
    to: `rollout.${to}`,
    event: 'reconcile.due',
    at: i,
  };
  return <Statechart description={description} activeStateId={to} lastTransition={last} />;
}

const meta = {
  title: 'Statechart/Statechart',
  component: Statechart,
  args: { description },
  decorators: [
    (Story) => (
      <div style={{ padding: '1rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Statechart>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PausedAtStep: Story = {
  args: {
    activeStateId: 'rollout.Paused',
    lastTransition: { from: 'rollout.Progressing', to: 'rollout.Paused', event: 'reconcile.due' },
  },
};

export const Healthy: Story = { args: { activeStateId: 'Healthy' } };

export const Degraded: Story = {
  args: {
    activeStateId: 'Degraded',
    lastTransition: { from: 'rollout.Paused', to: 'rollout.Degraded', event: 'cluster.changed' },
  },
};

export const CyclingPhases: Story = { render: () => <Cycling /> };

export const Korean: Story = {
  args: { activeStateId: 'Paused' },
  decorators: [
    (Story) => (
      <LangContext.Provider value="ko">
        <Story />
      </LangContext.Provider>
    ),
  ],
};
