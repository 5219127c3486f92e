// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAN_NOTHING, selectCanActions, SPEEDS } from '../../src/store';
import { ActionBar } from '../../src/ui/components/ActionBar';
import { ClockBar } from '../../src/ui/components/ClockBar';
import { LoadErrorPanel } from '../../src/ui/components/LoadErrorPanel';
import { RichText } from '../../src/ui/components/RichText';
import { ScenarioBar } from '../../src/ui/components/ScenarioBar';
import { SuggestionBanner } from '../../src/ui/components/SuggestionBanner';
import { pausedAt20 } from './frames';

const IMAGES = ['argoproj/rollouts-demo:blue', 'argoproj/rollouts-demo:yellow'];

afterEach(cleanup);

describe('ActionBar', () => {
  it('names every button exactly and enables only what the machine can do', () => {
    const onAction = vi.fn();
    render(
      <ActionBar
        can={selectCanActions(pausedAt20())}
        images={IMAGES}
        currentImage={IMAGES[1]}
        suggested="promote"
        onAction={onAction}
        onSetImage={() => {}}
      />,
    );
    for (const name of [
      'Promote',
      'Promote-Full',
      'Abort',
      'Restart',
      'Pause',
      'Set image',
      'Undo',
    ])
      expect(screen.getByRole('button', { name })).toBeEnabled();
    for (const name of ['Retry', 'Resume'])
      expect(screen.getByRole('button', { name })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Promote' })).toHaveClass('suggested');
    fireEvent.click(screen.getByRole('button', { name: 'Promote' }));
    expect(onAction).toHaveBeenCalledWith('promote');
  });

  it('Set image offers the scenario images and sets the chosen one', () => {
    const onSetImage = vi.fn();
    render(
      <ActionBar
        can={{ ...CAN_NOTHING, setImage: true }}
        images={IMAGES}
        currentImage={IMAGES[0]}
        suggested="setImage"
        suggestedImage={IMAGES[1]}
        onAction={() => {}}
        onSetImage={onSetImage}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Image' });
    expect(select).toHaveValue(IMAGES[1]);
    expect(screen.getByRole('option', { name: 'blue (running)' })).toBeInTheDocument();
    fireEvent.change(select, { target: { value: IMAGES[0] } });
    fireEvent.click(screen.getByRole('button', { name: 'Set image' }));
    expect(onSetImage).toHaveBeenCalledWith(IMAGES[0]);
    expect(screen.getByRole('button', { name: 'Promote' })).toBeDisabled();
  });
});

describe('ClockBar', () => {
  const base = {
    playing: false,
    speed: 1 as const,
    speeds: SPEEDS,
    t: 4_000,
    hasNext: true,
    frames: 6,
    cursor: 5,
    frameTime: (i: number) => i * 1000,
    autoplay: false,
    onPlay: vi.fn(),
    onStop: vi.fn(),
    onSpeed: vi.fn(),
    onNext: vi.fn(),
    onScrub: vi.fn(),
    onAutoplay: vi.fn(),
  };

  it('has Play, Next event, speeds, the Timeline slider and Autoplay', () => {
    render(<ClockBar {...base} />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(base.onPlay).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Next event' }));
    expect(base.onNext).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Speed 1×' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Speed 60×' }));
    expect(base.onSpeed).toHaveBeenCalledWith(60);
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider).toHaveAttribute('aria-valuetext', 't = 0:05, frame 6 of 6');
    fireEvent.change(slider, { target: { value: '2' } });
    expect(base.onScrub).toHaveBeenCalledWith(2);
    expect(screen.getByText('t = 0:04')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Autoplay script' }));
    expect(base.onAutoplay).toHaveBeenCalledWith(true);
  });

  it('while playing offers Stop clock; in the past offers Back to live; idle disables Next event', () => {
    render(<ClockBar {...base} playing cursor={1} hasNext={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Stop clock' }));
    expect(base.onStop).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Next event' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: /Back to live/ }));
    expect(base.onScrub).toHaveBeenCalledWith(5);
  });
});

describe('SuggestionBanner', () => {
  it('says "next: press Promote"', () => {
    render(
      <SuggestionBanner
        suggestion={{ kind: 'action', action: 'promote', stepIndex: 4 }}
        possible
        actionError={null}
        onDismiss={() => {}}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('next: press Promote');
  });

  it('notes when the suggested verb is impossible, and shows a refused action until dismissed', () => {
    const onDismiss = vi.fn();
    render(
      <SuggestionBanner
        suggestion={{ kind: 'action', action: 'retry', stepIndex: 7 }}
        possible={false}
        actionError="rollout has no revision 9"
        onDismiss={onDismiss}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Retry is not possible right now');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The cluster refused: rollout has no revision 9',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it.each([
    [{ kind: 'time', stepIndex: 2 } as const, 'next: press Play or Next event to let time run'],
    [{ kind: 'done' } as const, 'The script is done.'],
    [
      { kind: 'failed', stepIndex: 3, message: 'boom' } as const,
      'The script stopped at step 4: boom',
    ],
    [
      {
        kind: 'action',
        action: 'setImage',
        image: 'argoproj/rollouts-demo:purple',
        stepIndex: 1,
      } as const,
      'next: set the image to purple',
    ],
  ])('%o', (suggestion, text) => {
    render(
      <SuggestionBanner suggestion={suggestion} possible actionError={null} onDismiss={() => {}} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(text);
  });
});

describe('ScenarioBar', () => {
  it('picks a scenario, reloads, and tells what the scenario is about', () => {
    const onSelect = vi.fn();
    const onReload = vi.fn();
    render(
      <ScenarioBar
        scenarios={[
          { name: 'blue-to-yellow', title: 'Canary: blue to yellow' },
          { name: 'abort-retry', title: 'Abort, then retry' },
        ]}
        selected="blue-to-yellow"
        title="Canary: blue to yellow"
        description={'Five pods run the **blue** image.\n\nPress *Promote*.'}
        onSelect={onSelect}
        onReload={onReload}
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'Scenario' });
    expect(select).toHaveValue('blue-to-yellow');
    fireEvent.change(select, { target: { value: 'abort-retry' } });
    expect(onSelect).toHaveBeenCalledWith('abort-retry');
    fireEvent.click(screen.getByRole('button', { name: 'Reload scenario' }));
    expect(onReload).toHaveBeenCalled();
    expect(screen.getByText('blue').tagName).toBe('STRONG');
    expect(screen.getByText('Promote').tagName).toBe('EM');
  });
});

describe('LoadErrorPanel', () => {
  it('lists issues as file:line:col: path: message', () => {
    render(
      <LoadErrorPanel
        error={{
          file: 'simulations/bad.yaml',
          issues: [
            {
              file: 'simulations/bad.yaml',
              line: 3,
              column: 1,
              path: 'bogus',
              message: 'unknown field',
              code: 'schema.unknownField',
              severity: 'error',
            },
            {
              file: 'simulations/bad.yaml',
              line: 1,
              column: 1,
              path: '',
              message: 'no script',
              code: '',
              severity: 'error',
            },
          ],
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This scenario did not load');
    expect(alert).toHaveTextContent('simulations/bad.yaml:3:1: bogus: unknown field');
    expect(alert).toHaveTextContent('simulations/bad.yaml:1:1: no script');
  });
});

describe('RichText', () => {
  it('renders code, bold and emphasis without HTML injection', () => {
    const { container } = render(<RichText text={'a `b` **c** *d* <i>e</i>'} />);
    expect(container.querySelector('code')).toHaveTextContent('b');
    expect(container.querySelector('strong')).toHaveTextContent('c');
    expect(container.querySelector('em')).toHaveTextContent('d');
    expect(container.querySelector('i')).toBeNull();
    expect(container).toHaveTextContent('<i>e</i>');
  });
});

describe('ActionBar undo to a revision', () => {
  it('offers the revisions and sends the chosen one with Undo', () => {
    const onAction = vi.fn();
    render(
      <ActionBar
        can={{ ...selectCanActions(pausedAt20()), undo: true }}
        images={IMAGES}
        currentImage={IMAGES[1]}
        suggested={null}
        onAction={onAction}
        onSetImage={() => {}}
        undoTargets={[{ revision: 1, image: IMAGES[0] }]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenLastCalledWith('undo', undefined);
    fireEvent.change(screen.getByLabelText('Undo to'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenLastCalledWith('undo', 1);
  });
});
