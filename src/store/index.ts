/**
 * Public surface of src/store: the sandbox store, its frames, scenarios and selectors.
 * The UI imports only this file (and model types). Rule: explicit named exports only.
 */
export {
  checkScenarioText,
  createSimStore,
  currentFrame,
  isLive,
  NEXT_EVENT_HORIZON_MS,
  SANDBOX_EPOCH_MS,
  SPEEDS,
} from './createSimStore';
export { isLang, LANG_STORAGE_KEY, LANGS, readLang } from './lang';
export type { Lang, LangStorage } from './lang';
export type {
  CreateSimStoreOptions,
  LoadError,
  LoadIssue,
  Playback,
  ScenarioInput,
  ScenarioMeta,
  SimCommands,
  SimState,
  SimStore,
  Speed,
  VersionFault,
} from './createSimStore';
export { CAN_NOTHING, LOG_LIMIT, MAX_FRAMES, REQUEST_WINDOW_MS } from './frames';
export type {
  CanActions,
  EventContext,
  Frame,
  FrameEvent,
  FrameRequest,
  LastTransition,
  MachinePhase,
  MachineView,
} from './frames';
export { conditionHolds, lessonAfterFrame } from './lessons';
export type { LessonScript, LessonState, LessonStepScript } from './lessons';
export {
  describeMachine,
  litTransitions,
  resolveStateId,
  transitionKey,
} from './machineDescription';
export type {
  LastTransition as LastTransitionView,
  MachineDescription,
  StateConfigJson,
  StateDescription,
  StateNodeJson,
  TransitionDescription,
} from './machineDescription';
export type { OperatorVerb, Suggestion } from './director';
export { DEFAULT_SCENARIO, findScenario, SCENARIOS } from './scenarios';
export type { ScenarioSource } from './scenarios';
export {
  inlineYaml,
  narrate,
  podLifecycle,
  rolloutName,
  selectCanActions,
  selectEventLog,
  selectGetTree,
  selectPodsByRevision,
  selectUndoTargets,
  selectRevisions,
  selectRolloutInfo,
  selectStatusText,
  selectSteps,
  selectTrafficShare,
  selectWaitingFor,
  stepCode,
} from './selectors';
export type {
  LogEntry,
  Msg,
  PodLifecycle,
  PodView,
  RevisionGroup,
  RsRole,
  StatusText,
  StepsView,
  StepView,
  TrafficSlice,
  TrafficView,
  UndoTarget,
} from './selectors';
export type { RolloutInfo } from '../info';
export { selectRequestDestinations } from './selectorsTraffic';
export type { RequestDestination } from './selectorsTraffic';
export { selectAnalysisRuns } from './selectorsAnalysis';
export type { AnalysisRunView } from './selectorsAnalysis';
export { selectHasAnalysis, selectRequests } from './selectors';
