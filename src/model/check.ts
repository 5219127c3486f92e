/**
 * The full manifest check in one call: load → schema types → unknown fields → Argo's validation
 * rules (validation/). Argo counterpart: `kubectl argo rollouts lint`. Rule: never throws; returns
 * every issue sorted by file, line and column. Imports schema.ts, so it carries ajv with it.
 */
import { MODEL_ISSUE_CODES } from './codes';
import type { ValidationIssue } from './issues';
import { loadManifests } from './load';
import type { LoadedObject } from './load';
import { checkSchemas } from './schema';
import { checkAllUnknownFields } from './unknownFields';
import { validateObjects } from './validation/index';

/** CheckResult is what loadAndCheck returns: the loaded objects and every issue, sorted. */
export interface CheckResult {
  readonly objects: LoadedObject[];
  readonly issues: ValidationIssue[];
}

/** compareIssues orders issues by file, line, column, then path (a stable, total order for output). */
export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return 0;
}

/** sortIssues returns a copy of issues ordered by compareIssues. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return [...issues].sort(compareIssues);
}

/**
 * checkObjects runs the schema, unknown-field and Argo validation checks over loaded objects
 * (from one or several files) and returns the issues sorted.
 */
export function checkObjects(objects: readonly LoadedObject[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [...checkSchemas(objects), ...checkAllUnknownFields(objects)];
  try {
    issues.push(...validateObjects(objects));
  } catch (err) {
    const first = objects[0];
    issues.push({
      file: first?.file ?? '',
      line: 1,
      column: 1,
      path: '',
      code: MODEL_ISSUE_CODES.schema,
      message: `validation failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`,
      severity: 'error',
    });
  }
  return sortIssues(issues);
}

/**
 * loadAndCheck loads a manifest file and runs every check on it: YAML syntax, schema types,
 * unknown fields and Argo's validation rules. Returns the objects and all issues sorted by file,
 * line and column. Never throws.
 */
export function loadAndCheck(text: string, file: string): CheckResult {
  const loaded = loadManifests(text, file);
  return {
    objects: loaded.objects,
    issues: sortIssues([...loaded.issues, ...checkObjects(loaded.objects)]),
  };
}
