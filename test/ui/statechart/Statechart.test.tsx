// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rolloutMachine } from '../../../src/controller/rolloutMachine';
import { LangContext } from '../../../src/ui/i18n/context';
import { describeMachine } from '../../../src/ui/statechart/describe';
import { layoutMachine } from '../../../src/ui/statechart/layout';
import type { StatechartLayout } from '../../../src/ui/statechart/layout';
import Statechart from '../../../src/ui/statechart/Statechart';

const d = describeMachine(rolloutMachine.toJSON() as never, rolloutMachine.config as never);
let layout: StatechartLayout;
beforeAll(async () => {
  layout = await layoutMachine(d);
});
afterEach(cleanup);

describe('Statechart with a precomputed layout', () => {
  it('draws a box for every state and the any-state root', () => {
    const { container } = render(<Statechart description={d} layout={layout} />);
    const ids = [...container.querySelectorAll('[data-state-id]')].map((n) =>
      n.getAttribute('data-state-id'),
    );
    expect(ids.sort()).toEqual(['rollout', ...d.states.map((s) => s.id)].sort());
    for (const s of d.states) expect(container.querySelector('svg')).toHaveTextContent(s.label);
    expect(container.querySelectorAll('[data-edge-id]')).toHaveLength(layout.edges.length);
  });

  it('lights the active state with its phase tag and names it in the aria-label', () => {
    const { container } = render(
      <Statechart description={d} layout={layout} activeStateId="Paused" />,
    );
    const img = screen.getByRole('img');
    expect(img).toHaveAttribute(
      'aria-label',
      'Rollout statechart. Active state: Paused. Phase: Paused.',
    );
    const active = container.querySelector('.is-active')!;
    expect(active.getAttribute('data-state-id')).toBe('rollout.Paused');
    expect(active).toHaveTextContent('Pausedphase: Paused');
    // Only the active box shows its phase tag.
    expect(container.querySelectorAll('.rl-sc-node__tag')).toHaveLength(1);
    expect(active.classList.contains('rl-sc-node--paused')).toBe(true);
  });

  it('flashes the edges of the last transition and captions it', () => {
    const { container } = render(
      <Statechart
        description={d}
        layout={layout}
        activeStateId="rollout.Healthy"
        lastTransition={{
          from: 'rollout.Progressing',
          to: 'rollout.Healthy',
          event: 'reconcile.due',
          at: 3,
        }}
      />,
    );
    const flashing = [...container.querySelectorAll('.is-flashing')].map((n) =>
      n.getAttribute('data-edge-id'),
    );
    expect(flashing).toHaveLength(2);
    expect(flashing.join(' ')).toContain('reconcile.due');
    expect(flashing.join(' ')).toContain('rollout.route->rollout.Healthy');
    expect(
      screen.getByText('Last transition: Progressing → Healthy on reconcile.due'),
    ).toBeInTheDocument();
  });

  it('keeps a screen-reader list of states and transitions', () => {
    const { container } = render(
      <Statechart description={d} layout={layout} activeStateId="rollout.Degraded" />,
    );
    const hidden = container.querySelector('.rl-visually-hidden') as HTMLElement;
    const items = within(hidden)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toContain('Degraded (tags: Degraded), active');
    expect(items).toContain('any state → route on cluster.changed');
    expect(items).toContain('route → Paused on always if isPhasePaused');
    expect(items).toContain(
      'user.promoteFull if canPromoteFull is handled in any state without changing state',
    );
  });

  it('speaks Korean', () => {
    render(
      <LangContext.Provider value="ko">
        <Statechart description={d} layout={layout} activeStateId="Healthy" />
      </LangContext.Provider>,
    );
    expect(screen.getByRole('img')).toHaveAttribute(
      'aria-label',
      'Rollout 상태 차트. 현재 상태: Healthy. 단계(phase): Healthy.',
    );
  });

  it('lays itself out with elk when no layout is given', async () => {
    render(<Statechart description={d} activeStateId="Paused" />);
    expect(screen.getByRole('status')).toHaveTextContent('Laying out the statechart…');
    expect(await screen.findByRole('img', {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
