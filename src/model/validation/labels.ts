/**
 * Label key and value syntax, as the API server and Argo's ValidateRollout check them.
 * Counterpart: k8s.io/apimachinery util/validation (IsQualifiedName, IsValidLabelValue) and
 * apis/meta/v1/validation (ValidateLabels, ValidateLabelName). Messages are Kubernetes' own.
 * Rule: pure; every problem of a key or value is reported, in Kubernetes' order.
 */
import type { IssueCode } from './codes';
import type { Collector } from './context';
import { report } from './context';

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** regexError words a pattern failure as Kubernetes' RegexError does (examples and the regex). */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  const shown = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${shown}regex used for validation is '${fmt}')`;
}

const maxLen = (n: number) => `must be no more than ${n} characters`;

/** isQualifiedName returns what is wrong with a label key (`[prefix/]name`), or nothing. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push(`prefix part ${maxLen(253)}`);
      if (!DNS1123_SUBDOMAIN.test(prefix))
        errs.push(
          `prefix part ${regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com')}`,
        );
    }
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (!QUALIFIED_NAME.test(name))
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    );
  return errs;
}

/** isValidLabelValue returns what is wrong with a label value, or nothing. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!LABEL_VALUE.test(value))
    errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** validateLabelName reports a bad label key at `path` (ValidateLabelName). */
export function validateLabelName(c: Collector, key: string, path: string, code: IssueCode): void {
  for (const msg of isQualifiedName(key))
    report(c, path, code, `Invalid value: ${JSON.stringify(key)}: ${msg}`);
}

/**
 * validateLabels reports bad keys and values of a label map at `path` (ValidateLabels: both are
 * reported at the map's path, keys in the map's order).
 */
export function validateLabels(
  c: Collector,
  labels: ReadonlyMap<string, string>,
  path: string,
  code: IssueCode,
): void {
  for (const [key, value] of labels) {
    validateLabelName(c, key, path, code);
    for (const msg of isValidLabelValue(value))
      report(c, path, code, `Invalid value: ${JSON.stringify(value)}: ${msg}`);
  }
}
