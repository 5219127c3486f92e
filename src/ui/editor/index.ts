/**
 * Public surface of src/ui/editor. YamlEditor is heavy (CodeMirror): the page should load it with
 * `React.lazy(() => import('./editor/YamlEditor'))`, not from here; only types and the light
 * pieces are re-exported.
 */
export { IssueList } from './IssueList';
export type { IssueListProps } from './IssueList';
export { issueText, issuesToDiagnostics } from './diagnostics';
export type { IssueDiagnostic } from './diagnostics';
export type { YamlEditorHandle, YamlEditorProps } from './YamlEditor';
