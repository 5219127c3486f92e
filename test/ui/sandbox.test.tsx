// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimStore, findScenario, selectStatusText, type SimStore } from '../../src/store';
import { App } from '../../src/ui/App';
import { BLUE_GREEN_LESSON, CANARY_LESSON } from '../../src/ui/lessons';

beforeAll(() => {
  // jsdom has no layout; CodeMirror measures text ranges.
  const rect = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 };
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null });
  Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect });
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = 'en';
});

async function open(store: SimStore = createSimStore({ scenario: 'blue-to-yellow' })) {
  render(<App store={store} />);
  await screen.findByRole('region', { name: 'Rollout status' }, { timeout: 10_000 });
  return store;
}

const statusOf = (store: SimStore) => {
  const s = store.getState();
  return selectStatusText(s.frames[s.cursor]);
};

describe('Sandbox page: tabs', () => {
  it('offers Dashboard, Editor, Objects and Statechart as tabs, moved between with the arrow keys', async () => {
    await open();
    const tabs = within(screen.getByRole('tablist', { name: 'Views' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Dashboard',
      'Editor',
      'Objects',
      'Statechart',
    ]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', tabs[0].id);
    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Editor' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Objects' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Objects' })).toHaveFocus();
    expect(
      screen.getByRole('navigation', { name: 'Kubernetes objects by kind' }),
    ).toHaveTextContent('Rollout (1)');
    expect(screen.getByLabelText('Rollout rollouts-demo as YAML')).toHaveTextContent(
      'kind: Rollout',
    );
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Objects' }), { key: 'Home' });
    expect(screen.getByRole('region', { name: 'Rollout status' })).toBeInTheDocument();
  });

  it('the Statechart tab lights the current state from the precomputed layout', async () => {
    const store = await open();
    const next = screen.getByRole('button', { name: 'Next event' });
    for (let i = 0; i < 10 && statusOf(store)?.phase !== 'Paused'; i++) fireEvent.click(next);
    fireEvent.click(screen.getByRole('tab', { name: 'Statechart' }));
    const chart = await screen.findByRole(
      'img',
      { name: /Active state: Paused/ },
      { timeout: 10_000 },
    );
    expect(chart.querySelector('[data-state-id="rollout.Paused"]')).toHaveClass('is-active');
    expect(
      screen.getByText(/Last transition: Progressing → Paused on cluster.changed/),
    ).toBeInTheDocument();
  });

  it('the get rollout tree stays on the dashboard', async () => {
    await open();
    expect(screen.getByLabelText('kubectl argo rollouts get rollout output')).toHaveTextContent(
      /Name:\s+rollouts-demo/,
    );
  });
});

describe('Sandbox page: editor', () => {
  it('shows the scenario YAML, and Apply restarts the scenario from the edited text', async () => {
    const store = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Next event' }));
    expect(store.getState().frames.at(-1)!.t).toBeGreaterThan(2000);
    fireEvent.click(screen.getByRole('tab', { name: 'Editor' }));
    await screen.findByTestId('yaml-editor', {}, { timeout: 10_000 });
    expect(screen.getByRole('heading', { name: /Scenario YAML/ })).toHaveTextContent(
      'simulations/blue-to-yellow.yaml',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(store.getState().error).toBeNull();
    expect(store.getState().frames[0].t).toBe(0);
    expect(store.getState().frames.at(-1)!.t).toBe(2000);
  });

  it('a broken scenario shows its problems in the editor and keeps the page usable', async () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    const source = findScenario('blue-to-yellow')!;
    store.getState().commands.loadScenario({
      text: source.text.replace('- setWeight: 20\n', '- setWeight: 200\n'),
      file: source.file,
    });
    render(<App store={store} />);
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'SetWeight needs to be between 0 and 100',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Editor' }));
    const problems = await screen.findByRole('region', { name: 'Problems' }, { timeout: 10_000 });
    expect(problems).toHaveTextContent('1 problem(s)');
    expect(problems).toHaveTextContent(
      '35:26 manifests[0].spec.strategy.canary.steps[0].setWeight: SetWeight needs to be between 0 and 100',
    );
    // Still usable: pick a scenario and it runs.
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), {
      target: { value: 'abort-retry' },
    });
    expect(store.getState().error).toBeNull();
  });
});

describe('Sandbox page: language', () => {
  it('switches every region and button to Korean and sets <html lang>', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: '한국어' }));
    expect(document.documentElement.lang).toBe('ko');
    expect(screen.getByRole('region', { name: 'Rollout 상태' })).toHaveTextContent('기다리는 것');
    expect(screen.getByRole('button', { name: '다음 이벤트' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '이미지 변경' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '편집기' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '왜?' })).toBeInTheDocument();
    // The narrated log is built from keys too.
    expect(screen.getByRole('heading', { name: '왜?' }).parentElement).toHaveTextContent(
      '업데이트를 시작했습니다',
    );
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('region', { name: 'Rollout status' })).toBeInTheDocument();
  });
});

describe('Sandbox page: lessons', () => {
  it('starts a lesson from the menu, highlights its target and follows the store', async () => {
    const store = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    fireEvent.click(screen.getByRole('button', { name: /Canary: blue to yellow/ }));
    const aside = screen.getByRole('complementary', { name: 'Lesson' });
    expect(aside).toHaveTextContent('What Argo Rollouts is for');
    expect(store.getState().lesson?.lessonId).toBe(CANARY_LESSON.id);
    const active = () => document.querySelector('[data-lesson-active="true"]');
    expect(active()).toHaveAttribute('data-lesson-target', 'status');
    fireEvent.click(within(aside).getByRole('button', { name: 'Next' }));
    expect(active()).toHaveAttribute('data-lesson-target', 'pods');
    expect(aside).toHaveTextContent('Done — this step is complete.');
    fireEvent.click(within(aside).getByRole('button', { name: 'Next' }));
    expect(active()).toHaveAttribute('data-lesson-target', 'actions');
    fireEvent.click(
      within(aside).getByRole('button', { name: 'Do it: Set image argoproj/rollouts-demo:yellow' }),
    );
    expect(statusOf(store)?.images).toEqual(['argoproj/rollouts-demo:yellow']);
    fireEvent.click(within(aside).getByRole('button', { name: 'Leave lesson' }));
    expect(screen.queryByRole('complementary', { name: 'Lesson' })).toBeNull();
    expect(active()).toBeNull();
  });

  it('a step pointing at the objects panel opens the Objects tab', async () => {
    const store = await open();
    const { commands } = store.getState();
    act(() => commands.startLesson(BLUE_GREEN_LESSON));
    const switchStep = BLUE_GREEN_LESSON.steps.findIndex((s) => s.target === 'objects');
    act(() => {
      for (let i = 0; i < switchStep; i++) commands.nextLessonStep();
    });
    expect(screen.getByRole('tab', { name: 'Objects' })).toHaveAttribute('aria-selected', 'true');
    expect(document.querySelector('[data-lesson-active="true"]')).toHaveAttribute(
      'data-lesson-target',
      'objects',
    );
    // The learner may still pick another tab while on the same step.
    fireEvent.click(screen.getByRole('tab', { name: 'Dashboard' }));
    expect(screen.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('Sandbox page: open file', () => {
  it('loads a scenario file picked from disk', async () => {
    const store = await open();
    const text = findScenario('abort-retry')!.text;
    const input = screen.getByLabelText('Open file…');
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([text], 'mine.yaml')] } });
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(store.getState().scenario).toMatchObject({ name: 'mine', file: 'mine.yaml' });
    expect(store.getState().error).toBeNull();
  });
});
