// Public surface of src/controller: the Rollout controller as XState actors over ports.
export { rolloutMachine, createRolloutLogic, rolloutLogic } from './rolloutMachine';
export type {
  RolloutEmitted,
  RolloutMachineContext,
  RolloutMachineEvent,
  RolloutMachineInput,
  RolloutMachinePorts,
  RolloutPhaseTag,
} from './rolloutMachine';
export { reconcileRollout } from './reconcile';
export type { ReconcileResult, StrategyHandlers } from './reconcile';
export { applyUserAction, promotePatches } from './userActions';
export type { UserAction, UserActionResult } from './userActions';
export { calculateRolloutPhase } from './phase';
export type { ControllerClient, ControllerPorts, KubeObject, RecordedEvent } from './ports';
export { reconcileAnalysisRun, analysisRunPhase } from './analysisRun';
export type { AnalysisRunEnv, ProviderRegistry, ScriptedOutcome } from './analysisRun';
export {
  analysisRunMachine,
  analysisRunSystemId,
  createAnalysisRunLogic,
} from './analysisRunMachine';
export type {
  AnalysisRunEmitted,
  AnalysisRunMachinePorts,
  AnalysisRunOutput,
} from './analysisRunMachine';
export {
  ExperimentConditionType,
  newReplicaSetFromTemplate,
  reconcileExperiment,
  reconcileExperimentByName,
} from './experiment';
export type { ExperimentEnv, ExperimentReconcileResult } from './experiment';
export { createExperimentLogic, experimentMachine, experimentSystemId } from './experimentMachine';
export type {
  ExperimentEmitted,
  ExperimentMachineContext,
  ExperimentMachineEvent,
  ExperimentMachinePorts,
  ExperimentPhaseTag,
} from './experimentMachine';
export {
  completedExperimentStep,
  currentExperimentOf,
  experimentWeightDestinations,
  experimentsOf,
  keepCurrentExperiment,
  reconcileExperiments,
} from './rolloutExperiment';
