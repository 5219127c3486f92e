/**
 * Groups Kubernetes objects for the object picker: Rollout, ReplicaSet, Pod, Service, the traffic
 * routers' objects, AnalysisRun, then everything else. Pure; the order is the teaching order.
 */
import type { KubeObject } from '../../model';

/** ObjectGroup names a picker group (its label comes from the catalogue). */
export type ObjectGroup =
  'Rollout' | 'ReplicaSet' | 'Pod' | 'Service' | 'Traffic' | 'AnalysisRun' | 'Other';

/** GROUP_ORDER is the order groups appear in. */
export const GROUP_ORDER: readonly ObjectGroup[] = [
  'Rollout',
  'ReplicaSet',
  'Pod',
  'Service',
  'Traffic',
  'AnalysisRun',
  'Other',
];

/** Kinds written by traffic routers (the fake routers write the same kinds as the real ones). */
export const TRAFFIC_KINDS: ReadonlySet<string> = new Set([
  'Ingress',
  'VirtualService',
  'DestinationRule',
  'TrafficSplit',
  'TraefikService',
  'ApisixRoute',
  'HTTPRoute',
  'GRPCRoute',
  'TCPRoute',
  'TargetGroupBinding',
]);

/** groupOf returns the picker group of a kind. */
export function groupOf(kind: string): ObjectGroup {
  if (TRAFFIC_KINDS.has(kind)) return 'Traffic';
  return (GROUP_ORDER as readonly string[]).includes(kind) && kind !== 'Traffic' && kind !== 'Other'
    ? (kind as ObjectGroup)
    : 'Other';
}

/** objectKey identifies an object in the picker: `Kind/namespace/name`. */
export function objectKey(o: Pick<KubeObject, 'kind' | 'metadata'>): string {
  return `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** GroupedObjects is one non-empty picker group. */
export interface GroupedObjects {
  readonly group: ObjectGroup;
  readonly objects: readonly KubeObject[];
}

/**
 * groupObjects sorts objects into groups (empty groups left out); inside a group, by kind then
 * name, so Pods of one ReplicaSet sit together (their names share the hash).
 */
export function groupObjects(objects: readonly KubeObject[]): GroupedObjects[] {
  const byGroup = new Map<ObjectGroup, KubeObject[]>();
  for (const o of objects) {
    const g = groupOf(o.kind);
    byGroup.set(g, [...(byGroup.get(g) ?? []), o]);
  }
  const name = (o: KubeObject) => `${o.kind}/${o.metadata?.name ?? ''}`;
  return GROUP_ORDER.filter((g) => byGroup.has(g)).map((group) => ({
    group,
    objects: [...byGroup.get(group)!].sort((a, b) =>
      name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0,
    ),
  }));
}
