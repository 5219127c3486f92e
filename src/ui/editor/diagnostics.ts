/**
 * Maps the model's ValidationIssues (1-based line:column, Kubernetes field path) onto CodeMirror
 * lint diagnostics (0-based document offsets). Pure: a document in, diagnostics out, so it is
 * unit-tested without a browser. Rule: an issue is never dropped, only clamped into the document.
 */
import type { Text } from '@codemirror/state';
import type { ValidationIssue } from '../../model';

/** IssueDiagnostic is a CodeMirror `Diagnostic` without functions: plain data for tests. */
export interface IssueDiagnostic {
  /** Start offset in the document. */
  readonly from: number;
  /** End offset (at least `from + 1` unless the document is empty). */
  readonly to: number;
  readonly severity: 'error' | 'warning';
  /** `path: message`, as lint prints it after the position. */
  readonly message: string;
  /** The issue code (`ISSUE_CODES`), shown as the diagnostic's source. */
  readonly source: string;
  /** 1-based line the diagnostic ended up on after clamping. */
  readonly line: number;
}

/** issueText renders an issue's `path: message` (just the message when there is no path). */
export function issueText(issue: Pick<ValidationIssue, 'path' | 'message'>): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

// A token ends at whitespace or YAML flow punctuation; `key:` stops at the colon.
const TOKEN_END = /[\s:,[\]{}#]/;

/**
 * issuesToDiagnostics places each issue at its line and column and underlines the token there
 * (`replicas` in `replicas: -1`, or the rest of a line whose column is at a value). Lines past the
 * end clamp to the last line and columns past a line's end clamp to it, because a parser can
 * report "end of input" one line beyond the text.
 */
export function issuesToDiagnostics(
  doc: Text,
  issues: readonly ValidationIssue[],
): IssueDiagnostic[] {
  return issues.map((issue) => {
    const lineNo = Math.min(Math.max(1, Math.trunc(issue.line) || 1), doc.lines);
    const line = doc.line(lineNo);
    const col = Math.min(Math.max(0, (Math.trunc(issue.column) || 1) - 1), line.length);
    const from = line.from + col;
    let end = col;
    while (end < line.length && !TOKEN_END.test(line.text[end] ?? ' ')) end++;
    if (end === col) end = Math.min(line.length, col + 1);
    let to = line.from + end;
    // An empty line (or a column at its end) still gets a one-character mark when the doc allows.
    if (to === from && from < doc.length) to = from + 1;
    return {
      from,
      to,
      severity: issue.severity === 'warning' ? 'warning' : 'error',
      message: issueText(issue),
      source: issue.code,
      line: lineNo,
    };
  });
}
