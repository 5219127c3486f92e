/**
 * Public surface of src/scenario: scenario files (parse), script conditions, the script runner,
 * its WorldPort and the `--json` output. createWorld (the composition root) is exported here too.
 * Rule: explicit named exports only (architecture.md section 2.5), grouped by module.
 */

// parse.ts: scenario files
export {
  issueInManifest,
  locateInManifest,
  locateInObject,
  parseScenario,
  resolveRelative,
  STEP_VERBS,
} from './parse';
export type { ParseResult, ReadFile } from './parse';
export { SCENARIO_ISSUE_CODES } from './codes';
export type { ScenarioIssueCode } from './codes';
export { formatVirtualTime, scenarioDurationMs } from './duration';
export type { ScenarioDuration } from './duration';

// types.ts: the normalised scenario
export {
  ANALYSIS_PHASES,
  ANALYSIS_RUN_KINDS,
  CONDITION_KEYS,
  DEFAULT_VERSION_BEHAVIOUR,
  DEFAULT_WAIT_FOR_TIMEOUT_MS,
  MEASUREMENT_PHASES,
  ROLLOUT_PHASES,
  SCENARIO_KIND,
  SIMPLE_ACTION_KINDS,
} from './types';
export type {
  AnalysisPhase,
  AnalysisRunCondition,
  AnalysisRunKind,
  ClusterSettings,
  Condition,
  ConditionKey,
  ConditionStatus,
  ErrorRateCondition,
  LineColumn,
  ManifestPosition,
  MeasurementPhase,
  MetricCondition,
  MetricOutcome,
  PlainObject,
  RolloutConditionCondition,
  RolloutPhase,
  Scenario,
  ScenarioManifest,
  ScriptStep,
  ScriptStepKind,
  SimpleActionKind,
  TrafficSettings,
  VersionBehaviour,
} from './types';

// conditions.ts: what waitFor / expect test
export {
  ANALYSIS_RUN_KIND_BY_LABEL,
  evaluateCondition,
  observe,
  rolloutReplicaSets,
} from './conditions';
export type {
  AnalysisRunSummary,
  ConditionResult,
  Mismatch,
  MetricSummary,
  Observation,
  ObservationExtras,
  RolloutConditionSummary,
} from './conditions';

// worldPort.ts and run.ts: the runner
export type { KubeObject, RolloutAction, RolloutActionKind, WorldPort } from './worldPort';
export {
  actionOf,
  defaultRolloutName,
  ERROR_RATE_WINDOW_MS,
  formatFailure,
  runScript,
} from './run';
export type { RunFailure, RunOptions, RunResult } from './run';

// jsonLines.ts: `rollout-lab run --json`
export {
  aggregateLine,
  aggregateOf,
  aggregateWords,
  createRolloutRecorder,
  recordLine,
  rolloutRecord,
  runWithJsonLines,
  summaryLine,
} from './jsonLines';
export type {
  Aggregate,
  AnalysisRunRecord,
  ReplicaSetRecord,
  ReplicaSetRole,
  RolloutRecord,
  RolloutRecorder,
} from './jsonLines';

// Composition root (createWorld) and the scenario-to-result pipeline.
export { createWorld } from './createWorld';
export type { World, WorldEvent, WorldOptions } from './createWorld';
export {
  INITIAL_DEPLOY_LIMIT_MS,
  checkScenarioManifests,
  runScenario,
  settleInitialDeploy,
  unsupportedFeatures,
  worldFor,
} from './runScenario';
export type { ScenarioRun } from './runScenario';
