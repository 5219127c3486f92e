/**
 * Stable issue codes and fixed messages for problems found while loading and type-checking
 * manifests. Argo counterpart: the error strings of `kubectl argo rollouts lint` (unmarshal and
 * schema errors). Rule: tests and the editor match on codes, never on prose.
 */

/** MODEL_ISSUE_CODES are the `code` values this folder's loader, schema and unknown-field checks emit. */
export const MODEL_ISSUE_CODES = {
  /** The YAML (or JSON) text does not parse: bad indentation, duplicate keys, tabs, unclosed quotes. */
  yamlSyntax: 'yaml.syntax',
  /** The text holds no Kubernetes objects at all. */
  noObjects: 'yaml.noObjects',
  /** The text is larger than MAX_MANIFEST_CHARS and was not parsed. */
  tooLarge: 'yaml.tooLarge',
  /** The text contains NUL or other control characters: probably a binary file. */
  binary: 'yaml.binary',
  /** A document is a scalar or a list rather than an object. */
  notObject: 'object.notObject',
  /** A document has no `kind`. */
  missingKind: 'object.missingKind',
  /** A document has no `apiVersion`. */
  missingApiVersion: 'object.missingApiVersion',
  /** `kind` is known but under a different apiVersion (warning). */
  unknownApiVersion: 'object.unknownApiVersion',
  /** A field has the wrong type or shape according to the CRD / OpenAPI schema. */
  schema: 'schema.invalid',
  /** A field name the type does not have (Argo lint decodes strictly). */
  unknownField: 'schema.unknownField',
  /** A canary step sets several step types, or none (normalise.ts). */
  stepTypes: 'spec.stepTypes',
  /** A value the normaliser could not interpret (duration, int-or-percent, provider …). */
  invalidValue: 'spec.invalidValue',
} as const;

/** ModelIssueCode is one of MODEL_ISSUE_CODES' values. */
export type ModelIssueCode = (typeof MODEL_ISSUE_CODES)[keyof typeof MODEL_ISSUE_CODES];

/** MSG_NO_OBJECTS is the message for input without any Kubernetes object. */
export const MSG_NO_OBJECTS = 'no objects found';
/** MSG_TOO_LARGE is the message prefix for input larger than MAX_MANIFEST_CHARS. */
export const MSG_TOO_LARGE = 'file too large';
/** MSG_MULTIPLE_STEP_TYPES mirrors Argo's validation message for a step with several kinds set. */
export const MSG_MULTIPLE_STEP_TYPES =
  'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause';
