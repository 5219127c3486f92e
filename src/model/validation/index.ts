/**
 * Entry point of Argo's validation, mirrored: every problem ValidateRollout, reference checks and lint report.
 * Argo counterpart: pkg/apis/rollouts/validation, utils/analysis ValidateMetrics, cmd/lint/lint.go.
 * Rule: pure; issues come back in document order, each object's issues in Argo's rule order.
 */
import type { ValidationIssue } from '../issues';
import type { LoadedObject } from '../load';
import { validateAnalysisTemplate } from './analysis';
import { isRollout, validateReferences } from './references';
import { validateRollout } from './rollout';

export { ARGO_MESSAGES, ISSUE_CODES, invalidSetWeightMessage, missingFieldMessage } from './codes';
export type { IssueCode } from './codes';

function isAnalysisTemplate(o: LoadedObject): boolean {
  return (
    (o.kind === 'AnalysisTemplate' || o.kind === 'ClusterAnalysisTemplate') &&
    o.apiVersion.startsWith('argoproj.io/')
  );
}

/**
 * validateObjects runs every rule over a set of loaded objects (one file or several) and returns
 * all issues, never just the first. Objects of other kinds are only used as references.
 */
export function validateObjects(objects: readonly LoadedObject[]): ValidationIssue[] {
  const perObject = new Map<LoadedObject, ValidationIssue[]>();
  for (const obj of objects) {
    if (isRollout(obj)) perObject.set(obj, validateRollout(obj));
    else if (isAnalysisTemplate(obj)) perObject.set(obj, validateAnalysisTemplate(obj));
  }
  for (const [rollout, issues] of validateReferences(objects)) {
    perObject.get(rollout)?.push(...issues);
  }
  return objects.flatMap((o) => perObject.get(o) ?? []);
}
