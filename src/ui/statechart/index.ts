/**
 * Public surface of src/ui/statechart. Statechart (and elkjs behind it) is heavy: the page loads
 * it with `React.lazy(() => import('./statechart/Statechart'))`; from here come the pure helpers
 * and types only.
 */
export { describeMachine, litTransitions, resolveStateId, transitionKey } from './describe';
export type {
  LastTransition,
  MachineDescription,
  StateConfigJson,
  StateDescription,
  StateNodeJson,
  TransitionDescription,
} from './describe';
export type { StatechartProps } from './Statechart';
export type { LayoutEdge, LayoutNode, LayoutPoint, StatechartLayout } from './layout';
