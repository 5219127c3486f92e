/**
 * The "no router" split of a basic canary: a Service selecting every version's pods spreads requests
 * over the ready pods, so the canary's share is its share of ready pods. Argo counterpart: the lesson
 * behind approximateWeightedCanaryStableReplicaCounts (utils/replicaset/canary.go).
 * Rule: pure, exact shares (no rounding).
 */
import type { ObservedSplit, WeightDestination } from './router';

/** BasicCanarySplitInput is what {@link basicCanarySplit} needs: ready pods per pod-template hash. */
export interface BasicCanarySplitInput {
  /** Ready (endpoint) pods per pod-template hash, for every version the Service selects. */
  readonly readyPodsByHash: Readonly<Record<string, number>>;
  /** The canary (new) ReplicaSet's hash. */
  readonly canaryHash: string;
  /** The stable ReplicaSet's hash. */
  readonly stableHash: string;
}

/**
 * basicCanarySplit returns the split a basic canary gets from its pods alone: each version's
 * percentage is 100 · ready pods / all ready pods. Other versions still serving (old ReplicaSets
 * scaling down) are reported in `additional` with an empty serviceName. When canary and stable
 * are the same hash (fully promoted) everything counts as stable; with no ready pods all is 0.
 *
 * Example: stable 4 ready, canary 1 ready → canaryWeight 20 (setWeight: 20 with 5 replicas
 * behaves like a 20 % weight only because the pod counts happen to divide that way).
 */
export function basicCanarySplit(input: BasicCanarySplitInput): ObservedSplit {
  const { readyPodsByHash, canaryHash, stableHash } = input;
  const hashes = Object.keys(readyPodsByHash).sort();
  const total = hashes.reduce((n, h) => n + Math.max(0, readyPodsByHash[h] ?? 0), 0);
  const share = (hash: string): number =>
    total === 0 ? 0 : (100 * Math.max(0, readyPodsByHash[hash] ?? 0)) / total;
  const additional: WeightDestination[] = hashes
    .filter((h) => h !== canaryHash && h !== stableHash && (readyPodsByHash[h] ?? 0) > 0)
    .map((h) => ({ serviceName: '', podTemplateHash: h, weight: share(h) }));
  return {
    canaryWeight: canaryHash === stableHash ? 0 : share(canaryHash),
    canaryHash,
    stableHash,
    additional,
  };
}
