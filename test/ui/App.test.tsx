// @vitest-environment jsdom
import { cleanup, act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimStore } from '../../src/store';
import { App } from '../../src/ui/App';

afterEach(cleanup);

describe('App', () => {
  it('opens blue-to-yellow, steps to the pause and promotes', async () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    render(<App store={store} />);
    const region = await screen.findByRole(
      'region',
      { name: 'Rollout status' },
      { timeout: 10_000 },
    );
    expect(region).toHaveTextContent('Progressing');
    const next = screen.getByRole('button', { name: 'Next event' });
    for (let i = 0; i < 10 && !/Paused/.test(region.textContent ?? ''); i++) fireEvent.click(next);
    expect(region).toHaveTextContent(/Step\s*1\/8/);
    expect(screen.getByText('next: press Promote')).toBeInTheDocument();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Promote' }));
    });
    expect(region).toHaveTextContent('Progressing');
    expect(screen.getByRole('button', { name: 'Promote' })).not.toHaveClass('suggested');
  });

  it('a scenario that fails to load shows its issues and keeps the page usable', async () => {
    const store = createSimStore();
    store
      .getState()
      .commands.loadScenario({ text: 'kind: Scenario\nname: x\nbogus: 1\n', file: 'bad.yaml' });
    render(<App store={store} />);
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('This scenario did not load');
    expect(alert).toHaveTextContent(/bad\.yaml:\d+:\d+:/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), {
      target: { value: 'blue-to-yellow' },
    });
    expect(screen.queryByText('This scenario did not load')).toBeNull();
    expect(screen.getByRole('region', { name: 'Rollout status' })).toHaveTextContent(
      'rollouts-demo',
    );
  });
});
