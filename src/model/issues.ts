/**
 * The one shape every problem with user input takes, from the YAML parser to Argo's validation
 * rules. Mirrors Argo's field.ErrorList (pkg/apis/rollouts/validation): a Kubernetes field path plus
 * a message; the loader adds file, line and column. Rule: plain data, no classes.
 */

/** Where in a user's file a problem is. line and column are 1-based, like editors and compilers. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Severity: `error` fails lint (Argo rejects the object); `warning` is advice. */
export type IssueSeverity = 'error' | 'warning';

/**
 * ValidationIssue is one problem found in a manifest or scenario.
 * `path` is in Kubernetes field-path style: `spec.strategy.canary.steps[2].setWeight`.
 * `code` is a stable identifier from ISSUE_CODES so tests and the editor do not match on prose.
 */
export interface ValidationIssue extends SourcePosition {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly severity: IssueSeverity;
  /** Kind and name of the object the issue is about, when known (`Rollout/rollouts-demo`). */
  readonly object?: string;
}

/** formatIssue renders an issue as `file:line:column: path: message`, the lint output format. */
export function formatIssue(issue: ValidationIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}
