/**
 * Stable issue codes for problems in scenario files (../shared/design/scenario-format.md).
 * Argo counterpart: none (scenarios are ours); the shape follows src/model/codes.ts.
 * Rule: tests and the editor match on codes, never on prose.
 */

/** SCENARIO_ISSUE_CODES are the `code` values parseScenario emits. */
export const SCENARIO_ISSUE_CODES = {
  /** The YAML text does not parse (syntax, duplicate keys, several documents, alias limits). */
  yamlSyntax: 'scenario.yamlSyntax',
  /** `kind` is missing or not `Scenario`. */
  kind: 'scenario.kind',
  /** A required field is missing. */
  required: 'scenario.required',
  /** A field has the wrong type (a list where a map belongs, a string where a number belongs …). */
  type: 'scenario.type',
  /** A field has a value outside what the contract allows (range, enum, DNS label …). */
  invalidValue: 'scenario.invalidValue',
  /** A duration does not parse. */
  duration: 'scenario.duration',
  /** A field name the contract does not define. */
  unknownField: 'scenario.unknownField',
  /** A script step has no key, several keys, or an unknown verb. */
  step: 'scenario.step',
  /** A manifest file (manifestFiles, applyFile) cannot be read. */
  fileNotFound: 'scenario.fileNotFound',
  /** A manifest file's YAML does not parse. */
  manifestSyntax: 'scenario.manifestSyntax',
  /** An action does not say which rollout it targets, or names one the scenario does not have. */
  rollout: 'scenario.rollout',
  /** A `waitFor` / `expect` without any condition (holds at once). */
  emptyCondition: 'scenario.emptyCondition',
} as const;

/** ScenarioIssueCode is one of SCENARIO_ISSUE_CODES' values. */
export type ScenarioIssueCode = (typeof SCENARIO_ISSUE_CODES)[keyof typeof SCENARIO_ISSUE_CODES];
