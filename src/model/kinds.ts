/**
 * The registry of Kubernetes kinds Rollout Lab understands (apiVersion + kind pairs).
 * Argo counterpart: the objects Argo Rollouts reads or writes (rollout/, rollout/trafficrouting/*,
 * analysis/, experiments/). Rule: a table, not logic; unknown kinds are kept opaque, never rejected.
 */

/** KindFamily groups known kinds by who owns them. */
export type KindFamily = 'argo' | 'core' | 'trafficRouter' | 'workload';

/** KnownKind is one recognised apiVersion + kind pair. */
export interface KnownKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** Who defines the kind. */
  readonly family: KindFamily;
  /** True for the kinds whose schema (types + unknown fields) schema.ts / unknownFields.ts check. */
  readonly checked: boolean;
}

function kinds(
  apiVersions: readonly string[],
  kind: string,
  family: KindFamily,
  checked: boolean,
): KnownKind[] {
  return apiVersions.map((apiVersion) => ({ apiVersion, kind, family, checked }));
}

/** KNOWN_KINDS lists every apiVersion + kind pair the loader recognises. */
export const KNOWN_KINDS: readonly KnownKind[] = [
  ...kinds(['argoproj.io/v1alpha1'], 'Rollout', 'argo', true),
  ...kinds(['argoproj.io/v1alpha1'], 'AnalysisTemplate', 'argo', true),
  ...kinds(['argoproj.io/v1alpha1'], 'ClusterAnalysisTemplate', 'argo', true),
  ...kinds(['argoproj.io/v1alpha1'], 'AnalysisRun', 'argo', true),
  ...kinds(['argoproj.io/v1alpha1'], 'Experiment', 'argo', true),
  ...kinds(['v1'], 'Service', 'core', true),
  ...kinds(['v1'], 'Secret', 'core', true),
  ...kinds(['v1'], 'ConfigMap', 'core', true),
  ...kinds(['v1'], 'Pod', 'core', true),
  ...kinds(['apps/v1'], 'Deployment', 'workload', true),
  ...kinds(['apps/v1'], 'ReplicaSet', 'workload', true),
  ...kinds(['batch/v1'], 'Job', 'workload', true),
  ...kinds(['networking.k8s.io/v1'], 'Ingress', 'trafficRouter', true),
  ...kinds(['extensions/v1beta1'], 'Ingress', 'trafficRouter', false),
  ...kinds(
    ['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1'],
    'VirtualService',
    'trafficRouter',
    false,
  ),
  ...kinds(
    ['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1'],
    'DestinationRule',
    'trafficRouter',
    false,
  ),
  ...kinds(
    ['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1'],
    'Gateway',
    'trafficRouter',
    false,
  ),
  ...kinds(
    ['split.smi-spec.io/v1alpha1', 'split.smi-spec.io/v1alpha2', 'split.smi-spec.io/v1alpha3'],
    'TrafficSplit',
    'trafficRouter',
    false,
  ),
  ...kinds(
    ['traefik.containo.us/v1alpha1', 'traefik.io/v1alpha1'],
    'TraefikService',
    'trafficRouter',
    false,
  ),
  ...kinds(['apisix.apache.org/v2'], 'ApisixRoute', 'trafficRouter', false),
  ...kinds(
    ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1'],
    'HTTPRoute',
    'trafficRouter',
    false,
  ),
];

const byKey = new Map(KNOWN_KINDS.map((k) => [`${k.apiVersion}|${k.kind}`, k]));
const kindNames = new Set(KNOWN_KINDS.map((k) => k.kind));

/** findKnownKind returns the registry entry for apiVersion + kind, or undefined for unknown kinds. */
export function findKnownKind(apiVersion: string, kind: string): KnownKind | undefined {
  return byKey.get(`${apiVersion}|${kind}`);
}

/** isKnownKindName reports whether some known apiVersion defines `kind` (used to warn on typos). */
export function isKnownKindName(kind: string): boolean {
  return kindNames.has(kind);
}
