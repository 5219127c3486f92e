/**
 * YamlEditor: CodeMirror 6 with YAML highlighting, line numbers and the model's validation
 * issues shown inline (underline, gutter marker, tooltip and an end-of-line note with the field
 * path). Heavy: the page loads it with `React.lazy(() => import('./editor/YamlEditor'))`.
 * Rule: presentational; the text lives in the page's state, this reports edits through onChange.
 */
import { useEffect, useId, useImperativeHandle, useRef } from 'react';
import type { Ref } from 'react';
import { basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, keymap } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';
import type { ValidationIssue } from '../../model';
import { useT } from '../i18n/context';
import { issuesToDiagnostics } from './diagnostics';
import type { IssueDiagnostic } from './diagnostics';
import { IssueList } from './IssueList';
import './editor.css';

/** YamlEditorHandle lets the page move the cursor, e.g. from its own issue list. */
export interface YamlEditorHandle {
  /** jumpTo puts the cursor at a 1-based line and column, scrolls there and focuses the editor. */
  jumpTo(line: number, column?: number): void;
  /** focus focuses the editor. */
  focus(): void;
  /** reveal scrolls a 1-based line into the middle of the view, without moving focus. */
  reveal(line: number): void;
}

export interface YamlEditorProps {
  /** The YAML text. The editor follows it whenever it differs from what is shown. */
  readonly value: string;
  /** Called with the whole text after every edit. */
  readonly onChange?: (value: string) => void;
  /** Validation issues for this text, shown inline at their line:column. */
  readonly issues?: readonly ValidationIssue[];
  /** Show the text but refuse edits. */
  readonly readOnly?: boolean;
  /** When given, an Apply button and Ctrl/Cmd-Enter call it with the current text. */
  readonly onApply?: (value: string) => void;
  /** Accessible name of the text area (defaults to the catalogue's "Manifest YAML editor"). */
  readonly ariaLabel?: string;
  /** Render the clickable issue list under the editor (default true). */
  readonly showIssueList?: boolean;
  /** Imperative handle for jumping to a line. */
  readonly ref?: Ref<YamlEditorHandle>;
}

/** One end-of-line note per diagnostic line: `path: message`. */
class IssueNote extends WidgetType {
  constructor(
    readonly text: string,
    readonly severity: 'error' | 'warning',
  ) {
    super();
  }
  override eq(other: IssueNote) {
    return other.text === this.text && other.severity === this.severity;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = `rl-inline-issue rl-inline-issue--${this.severity}`;
    span.textContent = this.text;
    return span;
  }
}

const setNotes = StateEffect.define<DecorationSet>();

// The notes move with edits (mapped through changes) until the next issues arrive.
const notesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(notes, tr) {
    let next = notes.map(tr.changes);
    for (const e of tr.effects) if (e.is(setNotes)) next = e.value;
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function notesFor(state: EditorState, diagnostics: readonly IssueDiagnostic[]): DecorationSet {
  const byLine = new Map<number, IssueDiagnostic[]>();
  for (const d of diagnostics) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const ranges = [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, ds]) => {
      const severity = ds.some((d) => d.severity === 'error') ? 'error' : 'warning';
      const text = ds.map((d) => d.message).join(' · ');
      return Decoration.widget({ widget: new IssueNote(text, severity), side: 1 }).range(
        state.doc.line(line).to,
      );
    });
  return Decoration.set(ranges, true);
}

/** YamlEditor renders the editor, an Apply bar (when onApply is given) and the issue list. */
export function YamlEditor({
  value,
  onChange,
  issues = [],
  readOnly = false,
  onApply,
  ariaLabel,
  showIssueList = true,
  ref,
}: YamlEditorProps) {
  const t = useT();
  const hintId = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onApply });
  const readOnlyCompartment = useRef(new Compartment());
  const labelCompartment = useRef(new Compartment());
  const label = ariaLabel ?? t('editor.label');

  useEffect(() => {
    callbacks.current = { onChange, onApply };
  }, [onChange, onApply]);

  // Create the view once; props reach it through compartments and effects below.
  useEffect(() => {
    if (!host.current) return;
    const apply = (v: EditorView) => {
      const handler = callbacks.current.onApply;
      if (!handler || v.state.readOnly) return false;
      handler(v.state.doc.toString());
      return true;
    };
    const extensions: Extension[] = [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: apply }])),
      basicSetup,
      yaml(),
      lintGutter(),
      notesField,
      readOnlyCompartment.current.of(readOnlyExtension(readOnly)),
      labelCompartment.current.of(labelExtension(label, hintId)),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
      }),
    ];
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: value, extensions }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is created once per mount; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: readOnlyCompartment.current.reconfigure(readOnlyExtension(readOnly)),
    });
  }, [readOnly]);

  useEffect(() => {
    view.current?.dispatch({
      effects: labelCompartment.current.reconfigure(labelExtension(label, hintId)),
    });
  }, [label, hintId]);

  // Follow `value` when it differs from the document (a loaded scenario, a reset).
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) {
      v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const diagnostics = issuesToDiagnostics(v.state.doc, issues);
    v.dispatch(
      setDiagnostics(
        v.state,
        diagnostics.map((d) => ({ ...d })),
      ),
    );
    v.dispatch({ effects: setNotes.of(notesFor(v.state, diagnostics)) });
  }, [issues, value]);

  const jumpTo = (line: number, column = 1) => {
    const v = view.current;
    if (!v) return;
    const doc = v.state.doc;
    const l = doc.line(Math.min(Math.max(1, line), doc.lines));
    const pos = l.from + Math.min(Math.max(0, column - 1), l.length);
    v.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    v.focus();
  };

  const reveal = (line: number) => {
    const v = view.current;
    if (!v) return;
    const doc = v.state.doc;
    const pos = doc.line(Math.min(Math.max(1, line), doc.lines)).from;
    v.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  };

  useImperativeHandle(ref, () => ({ jumpTo, reveal, focus: () => view.current?.focus() }));

  return (
    <div className="rl-editor">
      <div className="rl-editor__bar">
        {onApply && !readOnly ? (
          <button
            type="button"
            className="rl-editor__apply"
            onClick={() => onApply(view.current?.state.doc.toString() ?? value)}
            aria-describedby={hintId}
          >
            {t('editor.apply')}
          </button>
        ) : null}
        <span id={hintId} className="rl-editor__hint">
          {readOnly ? t('editor.readOnly') : onApply ? t('editor.applyHint') : null}
        </span>
      </div>
      <div className="rl-editor__cm" ref={host} data-testid="yaml-editor" />
      {showIssueList ? (
        <IssueList issues={issues} onJump={(issue) => jumpTo(issue.line, issue.column)} />
      ) : null}
    </div>
  );
}

function readOnlyExtension(readOnly: boolean): Extension {
  // Read-only keeps the content focusable, so keyboard users can still move, select and copy.
  return EditorState.readOnly.of(readOnly);
}

function labelExtension(label: string, hintId: string): Extension {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    'aria-describedby': hintId,
    'aria-multiline': 'true',
  });
}

export default YamlEditor;
