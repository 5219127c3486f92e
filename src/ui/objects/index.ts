/**
 * Public surface of src/ui/objects: object picker, YAML view, `get rollout` tree and helpers.
 * The components are light (no CodeMirror); the page may import them directly or lazily.
 */
export { GetRolloutTree } from './GetRolloutTree';
export type { GetRolloutTreeProps } from './GetRolloutTree';
export { ObjectPicker } from './ObjectPicker';
export type { ObjectPickerProps } from './ObjectPicker';
export { ObjectYaml } from './ObjectYaml';
export { toYaml } from './toYaml';
export type { ObjectYamlProps } from './ObjectYaml';
export { ObjectsPanel } from './ObjectsPanel';
export type { ObjectsPanelProps } from './ObjectsPanel';
export { GROUP_ORDER, TRAFFIC_KINDS, groupObjects, groupOf, objectKey } from './groups';
export type { GroupedObjects, ObjectGroup } from './groups';
export { highlightTree, highlightYaml, stripAnsi } from './highlight';
export type { Segment } from './highlight';
