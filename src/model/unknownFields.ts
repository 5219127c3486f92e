/**
 * Reports fields the schema does not know, the way strict decoding does.
 * Argo counterpart: `kubectl argo rollouts lint` decodes with unknown fields disallowed
 * (`error unmarshaling JSON: ... unknown field "..."`). Rule: walks the generated field tree
 * (generated/fieldTree.ts, from scripts/genFieldTree.ts); free-form fields (`*`) are not entered.
 */
import { MODEL_ISSUE_CODES } from './codes';
import { FIELD_TREE_ROOTS, FIELD_TREE_TYPES } from './generated/fieldTree';
import type { ValidationIssue } from './issues';
import { pathToString } from './load';
import type { LoadedObject, PathSegment } from './load';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** editDistance is the Levenshtein distance, used for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * suggestField returns the known field a misspelt one most likely meant: same name ignoring
 * case, else the closest within an edit distance of 2 (1 for short names).
 */
export function suggestField(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** hasFieldTree reports whether unknown fields are checked for this apiVersion + kind. */
export function hasFieldTree(apiVersion: string, kind: string): boolean {
  return FIELD_TREE_ROOTS[`${apiVersion}|${kind}`] !== undefined;
}

/**
 * checkUnknownFields reports every field of `obj` that its type does not declare, as
 * `unknown field "<name>"` at that field's path and key position (with a "did you mean" hint when
 * a known field is close). Kinds without a field tree give no issues.
 */
export function checkUnknownFields(obj: LoadedObject): ValidationIssue[] {
  const rootId = FIELD_TREE_ROOTS[`${obj.apiVersion}|${obj.kind}`];
  if (rootId === undefined) return [];
  const issues: ValidationIssue[] = [];
  const visit = (value: unknown, descriptor: string, path: PathSegment[]): void => {
    if (value === null || value === undefined || descriptor === '*' || descriptor === 's') return;
    if (descriptor.startsWith('[]')) {
      if (Array.isArray(value))
        value.forEach((item, i) => visit(item, descriptor.slice(2), [...path, i]));
      return;
    }
    if (descriptor.startsWith('{}')) {
      if (isRecord(value)) {
        for (const [key, child] of Object.entries(value))
          visit(child, descriptor.slice(2), [...path, key]);
      }
      return;
    }
    const fields = FIELD_TREE_TYPES[descriptor];
    if (!fields || !isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      const childDescriptor = fields[key];
      if (childDescriptor === undefined) {
        const hint = suggestField(key, Object.keys(fields));
        const pos = obj.locate(childPath);
        issues.push({
          file: obj.file,
          line: pos.line,
          column: pos.column,
          path: pathToString(childPath),
          code: MODEL_ISSUE_CODES.unknownField,
          message: hint
            ? `unknown field "${key}" (did you mean "${hint}"?)`
            : `unknown field "${key}"`,
          severity: 'error',
          object: `${obj.kind}/${obj.name}`,
        });
        continue;
      }
      visit(child, childDescriptor, childPath);
    }
  };
  visit(obj.object, rootId, []);
  return issues;
}

/** checkAllUnknownFields runs checkUnknownFields over every object. */
export function checkAllUnknownFields(objects: readonly LoadedObject[]): ValidationIssue[] {
  return objects.flatMap(checkUnknownFields);
}
