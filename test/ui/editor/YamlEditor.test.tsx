// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAndCheck } from '../../../src/model';
import YamlEditor from '../../../src/ui/editor/YamlEditor';
import type { YamlEditorHandle } from '../../../src/ui/editor/YamlEditor';
import { BROKEN_ROLLOUT_YAML, ROLLOUT_YAML } from '../../../stories/objects/fixtures';

// jsdom has no layout; CodeMirror measures through these when it scrolls the cursor into view.
beforeAll(() => {
  const rect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 };
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null });
  Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect });
});

afterEach(cleanup);

describe('YamlEditor (jsdom smoke test)', () => {
  it('mounts CodeMirror with the text, a labelled textbox and line numbers', () => {
    render(<YamlEditor value={ROLLOUT_YAML} />);
    const box = screen.getByRole('textbox', { name: 'Manifest YAML editor' });
    expect(box).toHaveTextContent('kind: Rollout');
    expect(document.querySelector('.cm-lineNumbers')).not.toBeNull();
  });

  it('shows each issue inline at its line with its field path', () => {
    const { issues } = loadAndCheck(BROKEN_ROLLOUT_YAML, 'rollout.yaml');
    render(<YamlEditor value={BROKEN_ROLLOUT_YAML} issues={issues} />);
    const notes = [...document.querySelectorAll('.rl-inline-issue')].map((n) => n.textContent);
    expect(notes).toEqual(
      expect.arrayContaining([
        'spec.replicas: must be greater than or equal to 0',
        expect.stringContaining('spec.stratgy: unknown field'),
      ]),
    );
    expect(document.querySelectorAll('.cm-lintRange-error').length).toBeGreaterThanOrEqual(3);
    // The issue list under the editor names the same problems.
    expect(screen.getByRole('button', { name: /6:3 spec\.replicas/ })).toBeInTheDocument();
  });

  it('applies with the Apply button and with Ctrl-Enter', () => {
    const onApply = vi.fn();
    render(<YamlEditor value={ROLLOUT_YAML} onApply={onApply} />);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenLastCalledWith(ROLLOUT_YAML);
    const box = screen.getByRole('textbox');
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true });
    expect(onApply).toHaveBeenCalledTimes(2);
  });

  it('follows a new value and jumps to a line through the handle', () => {
    const ref = createRef<YamlEditorHandle>();
    const { rerender } = render(<YamlEditor value="a: 1" ref={ref} />);
    rerender(<YamlEditor value={'a: 1\nb: 2'} ref={ref} />);
    expect(screen.getByRole('textbox')).toHaveTextContent('b: 2');
    act(() => ref.current!.jumpTo(2, 1));
    expect(document.activeElement).toBe(screen.getByRole('textbox'));
  });

  it('is read-only when asked and says so', () => {
    render(<YamlEditor value={ROLLOUT_YAML} readOnly />);
    expect(screen.getByText('read-only')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(screen.getByRole('textbox')).toHaveAttribute('aria-readonly', 'true');
  });
});
