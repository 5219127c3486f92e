/**
 * Rollout-level rules (replicas, selector, template vs workloadRef, deadlines, one strategy).
 * Argo counterpart: ValidateRolloutSpec / ValidateRolloutStrategy in validation.go (+ k8s pod-template checks).
 * Rule: paths are real field paths (`spec.strategy.canary.…`), even where Argo drops `canary`.
 */
import {
  DEFAULT_PROGRESS_DEADLINE_SECONDS,
  DEFAULT_REPLICAS,
  DEFAULT_REVISION_HISTORY_LIMIT,
} from '../defaults';
import type { LoadedObject } from '../load';
import { validateBlueGreen } from './blueGreen';
import { validateCanary } from './canary';
import { ARGO_MESSAGES, ISSUE_CODES, missingFieldMessage } from './codes';
import { validateLabelName, validateLabels } from './labels';
import type { Collector, JsonRecord } from './context';
import {
  arr,
  child,
  isSet,
  newCollector,
  num,
  objectSpec,
  rec,
  report,
  str,
  stringMap,
} from './context';
import type { ValidationIssue } from '../issues';

const NON_NEGATIVE = 'must be greater than or equal to 0';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** validateRollout runs every spec rule on one Rollout and returns its issues. */
export function validateRollout(obj: LoadedObject): ValidationIssue[] {
  const c = newCollector(obj);
  const spec = objectSpec(obj);
  validateRolloutSpec(c, spec);
  return c.issues;
}

function validateRolloutSpec(c: Collector, spec: JsonRecord): void {
  const replicas = num(spec.replicas) ?? DEFAULT_REPLICAS;
  if (replicas < 0) report(c, 'spec.replicas', ISSUE_CODES.replicasNegative, NON_NEGATIVE);

  const workloadRef = spec.workloadRef;
  const hasWorkloadRef = isSet(workloadRef);
  const selector = rec(spec.selector);
  if (!hasWorkloadRef) {
    if (!selector) {
      report(
        c,
        'spec.selector',
        ISSUE_CODES.selectorMissing,
        missingFieldMessage('.spec.selector'),
      );
    } else {
      validateLabelSelector(c, selector, 'spec.selector');
      if (stringMap(selector.matchLabels).size + arr(selector.matchExpressions).length === 0) {
        report(
          c,
          'spec.selector',
          ISSUE_CODES.selectorEmpty,
          'empty selector is invalid for deployment',
        );
      }
    }
  }

  const template = rec(spec.template);
  if (hasWorkloadRef && !isEmptyTemplate(template)) {
    report(
      c,
      'spec.template',
      ISSUE_CODES.workloadRefWithTemplate,
      'template must be empty for workload reference rollout',
    );
  }
  if (!hasWorkloadRef) validatePodTemplate(c, template ?? {}, selector);

  const minReadySeconds = num(spec.minReadySeconds) ?? 0;
  if (minReadySeconds < 0) {
    report(c, 'spec.minReadySeconds', ISSUE_CODES.minReadySecondsNegative, NON_NEGATIVE);
  }
  const revisionHistoryLimit = num(spec.revisionHistoryLimit) ?? DEFAULT_REVISION_HISTORY_LIMIT;
  if (revisionHistoryLimit < 0) {
    report(c, 'spec.revisionHistoryLimit', ISSUE_CODES.revisionHistoryLimitNegative, NON_NEGATIVE);
  }
  const progressDeadline = num(spec.progressDeadlineSeconds) ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
  if (progressDeadline < 0) {
    report(c, 'spec.progressDeadlineSeconds', ISSUE_CODES.progressDeadlineNegative, NON_NEGATIVE);
  }
  if (progressDeadline <= minReadySeconds) {
    report(
      c,
      'spec.progressDeadlineSeconds',
      ISSUE_CODES.progressDeadlineNotAfterMinReady,
      'must be greater than minReadySeconds',
    );
  }

  validateStrategy(c, spec, revisionHistoryLimit);
}

function validateStrategy(c: Collector, spec: JsonRecord, revisionHistoryLimit: number): void {
  const strategy = rec(spec.strategy) ?? {};
  const canary = rec(strategy.canary);
  const blueGreen = rec(strategy.blueGreen);
  if (!canary && !blueGreen) {
    report(
      c,
      'spec.strategy',
      ISSUE_CODES.strategyMissing,
      missingFieldMessage('.spec.strategy.canary or .spec.strategy.blueGreen'),
    );
  } else if (canary && blueGreen) {
    report(c, 'spec.strategy', ISSUE_CODES.strategyMultiple, ARGO_MESSAGES.invalidStrategy);
  } else if (blueGreen) {
    validateBlueGreen(c, blueGreen, revisionHistoryLimit);
  } else if (canary) {
    validateCanary(c, canary);
  }
}

/** Mirrors RolloutSpec.EmptyTemplate: no labels, no annotations and an empty pod spec. */
function isEmptyTemplate(template: JsonRecord | undefined): boolean {
  if (!template) return true;
  const meta = rec(template.metadata);
  if (stringMap(meta?.labels).size > 0 || stringMap(meta?.annotations).size > 0) return false;
  const podSpec = rec(template.spec);
  return !podSpec || Object.keys(podSpec).length === 0;
}

function validateLabelSelector(c: Collector, selector: JsonRecord, path: string): void {
  validateLabels(
    c,
    stringMap(selector.matchLabels),
    child(path, 'matchLabels'),
    ISSUE_CODES.selectorInvalid,
  );
  arr(selector.matchExpressions).forEach((raw, i) => {
    const expr = rec(raw) ?? {};
    const exprPath = child(path, 'matchExpressions', i);
    const operator = str(expr.operator) ?? '';
    const values = arr(expr.values);
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        report(
          c,
          child(exprPath, 'values'),
          ISSUE_CODES.selectorInvalid,
          "must be specified when `operator` is 'In' or 'NotIn'",
        );
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        report(
          c,
          child(exprPath, 'values'),
          ISSUE_CODES.selectorInvalid,
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        );
      }
    } else {
      report(
        c,
        child(exprPath, 'operator'),
        ISSUE_CODES.selectorInvalid,
        `Unsupported value: "${operator}": supported values: "In", "NotIn", "Exists", "DoesNotExist"`,
      );
    }
    validateLabelName(c, str(expr.key) ?? '', child(exprPath, 'key'), ISSUE_CODES.selectorInvalid);
  });
}

/** selectorMatches mirrors labels.Selector.Matches for a metav1.LabelSelector. */
export function selectorMatches(
  selector: JsonRecord,
  labels: ReadonlyMap<string, string>,
): boolean {
  for (const [k, v] of stringMap(selector.matchLabels)) {
    if (labels.get(k) !== v) return false;
  }
  for (const raw of arr(selector.matchExpressions)) {
    const expr = rec(raw) ?? {};
    const key = str(expr.key) ?? '';
    const values = arr(expr.values).map((v) => String(v));
    const has = labels.has(key);
    const value = labels.get(key) ?? '';
    switch (str(expr.operator)) {
      case 'In':
        if (!has || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The parts of ValidatePodTemplateSpecForReplicaSet a manifest author can get wrong. */
function validatePodTemplate(
  c: Collector,
  template: JsonRecord,
  selector: JsonRecord | undefined,
): void {
  const labels = stringMap(rec(template.metadata)?.labels);
  // ValidatePodTemplateSpec: the template's labels (Kubernetes names the path `template.labels`).
  validateLabels(c, labels, 'spec.template.metadata.labels', ISSUE_CODES.templateLabelsInvalid);
  const selectorIsEmpty =
    selector !== undefined &&
    stringMap(selector.matchLabels).size + arr(selector.matchExpressions).length === 0;
  if (selector && !selectorIsEmpty && !selectorMatches(selector, labels)) {
    report(
      c,
      'spec.template.metadata.labels',
      ISSUE_CODES.selectorTemplateMismatch,
      '`selector` does not match template `labels`',
    );
  }
  const podSpec = rec(template.spec) ?? {};
  const containers = arr(podSpec.containers);
  if (containers.length === 0) {
    report(
      c,
      'spec.template.spec.containers',
      ISSUE_CODES.templateContainersRequired,
      'Required value: a pod template needs at least one container',
    );
  }
  const seen = new Set<string>();
  const checkNames = (list: readonly unknown[], field: string): void => {
    list.forEach((raw, i) => {
      const name = str(rec(raw)?.name) ?? '';
      const path = child('spec.template.spec', field, i, 'name');
      if (name === '') {
        report(c, path, ISSUE_CODES.templateContainerNameRequired, 'Required value');
      } else if (!DNS1123_LABEL.test(name) || name.length > 63) {
        report(
          c,
          path,
          ISSUE_CODES.templateContainerNameRequired,
          `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
        );
      } else if (seen.has(name)) {
        report(c, path, ISSUE_CODES.templateContainerNameDuplicate, `Duplicate value: "${name}"`);
      }
      seen.add(name);
    });
  };
  checkNames(containers, 'containers');
  checkNames(arr(podSpec.initContainers), 'initContainers');

  const restartPolicy = str(podSpec.restartPolicy);
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    report(
      c,
      'spec.template.spec.restartPolicy',
      ISSUE_CODES.templateRestartPolicy,
      `Unsupported value: "${restartPolicy}": supported values: "Always"`,
    );
  }
  if (isSet(podSpec.activeDeadlineSeconds)) {
    report(
      c,
      'spec.template.spec.activeDeadlineSeconds',
      ISSUE_CODES.templateActiveDeadlineSeconds,
      'activeDeadlineSeconds in ReplicaSet is not Supported',
    );
  }
}
