/**
 * The Editor tab (loaded lazily: CodeMirror): the loaded scenario's YAML, checked as you type
 * (the same parse and checks as loading), with problems inline at their line and in a list.
 * Apply reloads the scenario from the edited text, from time 0; a broken text shows its problems
 * and the rest of the page keeps working.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkScenarioText, type LoadIssue } from '../../store';
import type { ValidationIssue } from '../../model';
import { useCommands, useSim } from '../hooks/useSim';
import { useT } from '../i18n';
import YamlEditor, { type YamlEditorHandle } from '../editor/YamlEditor';

/** How long typing must pause before the text is checked (wall ms). */
const CHECK_DELAY_MS = 350;

function toValidationIssue(i: LoadIssue): ValidationIssue {
  return {
    file: i.file,
    line: i.line,
    column: i.column,
    path: i.path,
    message: i.message,
    code: i.code,
    severity: i.severity,
  };
}

interface EditorBodyProps {
  readonly text: string;
  readonly file: string;
  /** The store's load problems for `text` (a failed Apply), if any. */
  readonly loadIssues: readonly LoadIssue[];
}

const NO_ISSUES: readonly LoadIssue[] = [];

function EditorBody({ text, file, loadIssues }: EditorBodyProps) {
  const t = useT();
  const { loadScenario } = useCommands();
  const editor = useRef<YamlEditorHandle>(null);
  const [draft, setDraft] = useState(text);
  const [checked, setChecked] = useState<{ text: string; issues: readonly LoadIssue[] }>({
    text,
    issues: loadIssues,
  });
  // A load (Apply, another scenario, a reload) brings new text and problems. The draft follows
  // the text only when it differs, so applying keeps the editor (and the focus) where they were.
  const [loaded, setLoaded] = useState({ text, loadIssues });
  if (loaded.text !== text || loaded.loadIssues !== loadIssues) {
    setLoaded({ text, loadIssues });
    if (draft !== text) setDraft(text);
    setChecked({ text, issues: loadIssues });
  }
  // After a failed load, bring the first problem into view.
  useEffect(() => {
    const first = loadIssues.find((i) => i.file === file);
    if (first) editor.current?.reveal(first.line);
  }, [loadIssues, file]);
  useEffect(() => {
    if (draft === checked.text) return;
    const timer = setTimeout(
      () => setChecked({ text: draft, issues: checkScenarioText(draft, file) }),
      CHECK_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, checked.text, file]);
  const issues = useMemo(
    () => checked.issues.filter((i) => i.file === file || i.file === '').map(toValidationIssue),
    [checked.issues, file],
  );
  const stale = checked.text !== draft;
  return (
    <>
      <div className="editor-head">
        <p className="panel-note">{t('editor.intro')}</p>
        <button type="button" disabled={draft === text} onClick={() => setDraft(text)}>
          {t('editor.revert')}
        </button>
        {stale ? (
          <span className="editor-checking" role="status">
            {t('editor.checking')}
          </span>
        ) : null}
      </div>
      <YamlEditor
        ref={editor}
        value={draft}
        onChange={setDraft}
        issues={issues}
        onApply={(value) => loadScenario({ text: value, file })}
      />
    </>
  );
}

/** EditorContainer shows the editor for the loaded scenario (fresh whenever another one loads). */
export default function EditorContainer() {
  const t = useT();
  const scenario = useSim((s) => s.scenario);
  const error = useSim((s) => s.error);
  const text = scenario?.text ?? '';
  const file = scenario?.file ?? 'scenario.yaml';
  return (
    <section className="panel editor-view" aria-labelledby="editor-title">
      <h2 id="editor-title">
        {t('editor.title')} <code className="panel-sub">{file}</code>
      </h2>
      <EditorBody text={text} file={file} loadIssues={error?.issues ?? NO_ISSUES} />
    </section>
  );
}
