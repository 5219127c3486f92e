/**
 * Label selector matching: metav1 `LabelSelector` (matchLabels + matchExpressions) and the plain
 * map selectors of Services. Counterparts: k8s.io/apimachinery `labels.Selector`,
 * `metav1.LabelSelectorAsSelector`. Rule: pure functions of plain JSON.
 */
import type { LabelSelector, LabelSelectorRequirement, SelectorLike } from './types';

/**
 * isLabelSelector tells a metav1 `LabelSelector` from a Service-style plain map: a plain map holds
 * only string values, while `matchLabels`/`matchExpressions` hold an object/array.
 */
export function isLabelSelector(selector: SelectorLike): selector is LabelSelector {
  return Object.values(selector).some((v) => typeof v !== 'string');
}

function matchesRequirement(
  labels: Readonly<Record<string, string>>,
  req: LabelSelectorRequirement,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(labels[req.key]);
    case 'NotIn':
      // As in Kubernetes: a missing key satisfies NotIn.
      return !has || !values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      // An unknown operator is invalid in Kubernetes; an invalid selector selects nothing.
      return false;
  }
}

/**
 * matchesSelector reports whether `labels` satisfy `selector`. An empty selector (`{}`, or a
 * LabelSelector with neither matchLabels nor matchExpressions) matches everything, as
 * `LabelSelectorAsSelector` does; callers that need Services' "no selector, no endpoints" rule
 * check {@link isEmptySelector} first.
 */
export function matchesSelector(
  labels: Readonly<Record<string, string>> | undefined,
  selector: SelectorLike,
): boolean {
  const l = labels ?? {};
  if (!isLabelSelector(selector)) {
    return Object.entries(selector).every(([k, v]) => l[k] === v);
  }
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => l[k] === v);
  return byLabels && (selector.matchExpressions ?? []).every((req) => matchesRequirement(l, req));
}

/** isEmptySelector reports whether a selector has no requirement at all. */
export function isEmptySelector(selector: SelectorLike | undefined): boolean {
  if (selector === undefined) return true;
  if (!isLabelSelector(selector)) return Object.keys(selector).length === 0;
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}
