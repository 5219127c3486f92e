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
  containers.forEach((raw, i) =>
    validateContainer(c, rec(raw) ?? {}, `spec.template.spec.containers[${i}]`),
  );
  arr(podSpec.initContainers).forEach((raw, i) =>
    validateContainer(c, rec(raw) ?? {}, `spec.template.spec.initContainers[${i}]`),
  );

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

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** isValidPortName is Kubernetes' IsValidPortName: what is wrong with a port name, or nothing. */
function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter or number (a-z, 0-9)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/**
 * validateContainer: the image and port rules of Kubernetes' validateContainers and
 * validateContainerPorts (the controller runs them on the template; an empty protocol is TCP, the
 * CRD's default), and the CRD's list-map rule that (containerPort, protocol) pairs are unique.
 */
function validateContainer(c: Collector, container: JsonRecord, path: string): void {
  if ((str(container.image) ?? '') === '')
    report(c, `${path}.image`, ISSUE_CODES.templateContainerImageRequired, 'Required value');
  const names = new Set<string>();
  const pairs = new Set<string>();
  arr(container.ports).forEach((raw, i) => {
    const port = rec(raw) ?? {};
    const portPath = `${path}.ports[${i}]`;
    const name = str(port.name) ?? '';
    if (name !== '') {
      const errs = isValidPortName(name);
      for (const msg of errs)
        report(
          c,
          `${portPath}.name`,
          ISSUE_CODES.templatePortInvalid,
          `Invalid value: "${name}": ${msg}`,
        );
      if (errs.length === 0 && names.has(name))
        report(
          c,
          `${portPath}.name`,
          ISSUE_CODES.templatePortInvalid,
          `Duplicate value: "${name}"`,
        );
      names.add(name);
    }
    const containerPort = num(port.containerPort) ?? 0;
    if (containerPort === 0)
      report(c, `${portPath}.containerPort`, ISSUE_CODES.templatePortInvalid, 'Required value');
    else if (containerPort < 1 || containerPort > 65535)
      report(
        c,
        `${portPath}.containerPort`,
        ISSUE_CODES.templatePortInvalid,
        `Invalid value: ${containerPort}: must be between 1 and 65535, inclusive`,
      );
    const hostPort = num(port.hostPort) ?? 0;
    if (hostPort !== 0 && (hostPort < 1 || hostPort > 65535))
      report(
        c,
        `${portPath}.hostPort`,
        ISSUE_CODES.templatePortInvalid,
        `Invalid value: ${hostPort}: must be between 1 and 65535, inclusive`,
      );
    const protocol = str(port.protocol) ?? 'TCP';
    if (!PORT_PROTOCOLS.includes(protocol))
      report(
        c,
        `${portPath}.protocol`,
        ISSUE_CODES.templatePortInvalid,
        `Unsupported value: "${protocol}": supported values: ${PORT_PROTOCOLS.map((p) => `"${p}"`).join(', ')}`,
      );
    const pair = `${containerPort}/${protocol}`;
    if (pairs.has(pair))
      report(
        c,
        portPath,
        ISSUE_CODES.templatePortInvalid,
        `Duplicate value: map[string]interface {}{"containerPort":${containerPort}, "protocol":"${protocol}"}`,
      );
    pairs.add(pair);
  });
}
