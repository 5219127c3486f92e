/**
 * The machine description the Statechart draws. It is built in the store (src/store may read the
 * rollout actors; src/ui may not import src/controller); this file re-exports it for the UI.
 */
export {
  describeMachine,
  litTransitions,
  resolveStateId,
  transitionKey,
} from '../../store/machineDescription';
export type {
  LastTransition,
  MachineDescription,
  StateConfigJson,
  StateDescription,
  StateNodeJson,
  TransitionDescription,
} from '../../store/machineDescription';
