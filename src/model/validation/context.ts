/**
 * Shared plumbing: safe reads of untyped JSON, field-path building, positioned issue reporting.
 * Argo counterpart: k8s.io/apimachinery/pkg/util/validation/field (Path, ErrorList).
 * Rule: rules never throw on malformed input; a wrong type reads as "absent".
 */
import type { IssueSeverity, ValidationIssue } from '../issues';
import type { LoadedObject } from '../load';
import type { IssueCode } from './codes';

/** JsonRecord is a parsed YAML/JSON mapping. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Collector gathers the issues found in one object; every rule appends to it. */
export interface Collector {
  readonly obj: LoadedObject;
  readonly issues: ValidationIssue[];
}

/** newCollector starts an empty issue list for one loaded object. */
export function newCollector(obj: LoadedObject, issues: ValidationIssue[] = []): Collector {
  return { obj, issues };
}

/** report appends one issue, positioned with the object's locate(path). */
export function report(
  c: Collector,
  path: string,
  code: IssueCode,
  message: string,
  severity: IssueSeverity = 'error',
): void {
  const pos = c.obj.locate(path);
  c.issues.push({
    file: c.obj.file,
    line: pos.line,
    column: pos.column,
    path,
    code,
    message,
    severity,
    object: `${c.obj.kind}/${c.obj.name}`,
  });
}

/** child joins a field path: child('spec', 'steps', 2, 'setWeight') = 'spec.steps[2].setWeight'. */
export function child(base: string, ...parts: readonly (string | number)[]): string {
  let out = base;
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out = out === '' ? part : `${out}.${part}`;
  }
  return out;
}

/** rec returns v when it is a mapping, else undefined. */
export function rec(v: unknown): JsonRecord | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonRecord) : undefined;
}

/** arr returns v when it is a sequence, else an empty list. */
export function arr(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? (v as unknown[]) : [];
}

/** str returns v when it is a string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** num returns v when it is a finite number, else undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** isSet mirrors a Go pointer field being non-nil: present and not null. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** strOrEmpty mirrors a Go string field: absent reads as "". */
export function strOrEmpty(v: unknown): string {
  return str(v) ?? '';
}

/** stringMap reads a map[string]string (labels, selectors); non-string values are skipped. */
export function stringMap(v: unknown): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const r = rec(v);
  if (!r) return out;
  for (const [k, value] of Object.entries(r)) {
    if (typeof value === 'string') out.set(k, value);
    else if (typeof value === 'number' || typeof value === 'boolean') out.set(k, String(value));
  }
  return out;
}

/** hasArgPlaceholder is true for strings that still contain an unresolved `{{args.x}}`. */
export function hasArgPlaceholder(v: unknown): boolean {
  return typeof v === 'string' && v.includes('{{');
}

/** objectSpec returns the object's `spec` mapping, or an empty one. */
export function objectSpec(obj: LoadedObject): JsonRecord {
  return rec(rec(obj.object)?.spec) ?? {};
}
