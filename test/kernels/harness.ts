// Test harness mirroring how Argo Rollouts' utils/replicaset/canary_test.go builds its inputs
// (newRollout / newRS helpers), so the TypeScript tables can be run the way the Go tables are.
import type { ReplicaSet, Rollout, TrafficWeights } from '../../src/model/k8s';
import type { CanaryStableCounts, IntOrString, SetCanaryScale } from '../../src/kernels';
import {
  atDesiredReplicaCountsForCanary,
  calculateReplicaCountsForBasicCanary,
  calculateReplicaCountsForTrafficRoutedCanary,
} from '../../src/kernels';

/** spec.replicas (null = unset) and status.availableReplicas of a test ReplicaSet. */
export interface RsCounts {
  readonly spec: number | null;
  readonly available: number;
}

/**
 * A ReplicaSet named `name`, labelled `rollouts-pod-template-hash: <hash>` (hash defaults to the
 * name; null = no labels), with status.replicas defaulting to spec.
 */
export function makeRS(
  name: string,
  spec: number | null,
  available: number,
  opts: { statusReplicas?: number; hash?: string | null; revision?: number } = {},
): ReplicaSet {
  const hash = opts.hash === undefined ? name : opts.hash;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      ...(hash === null ? {} : { labels: { 'rollouts-pod-template-hash': hash } }),
      ...(opts.revision === undefined
        ? {}
        : { annotations: { 'rollout.argoproj.io/revision': String(opts.revision) } }),
    },
    spec: {
      ...(spec === null ? {} : { replicas: spec }),
      selector: { matchLabels: { app: 'demo' } },
    },
    status: { replicas: opts.statusReplicas ?? spec ?? 0, availableReplicas: available },
  };
}

/** Options of {@link newRollout}, named after the Go helper's parameters. */
export interface NewRolloutOptions {
  readonly replicas: number;
  readonly setWeight: number;
  readonly maxSurge: IntOrString;
  readonly maxUnavailable: IntOrString;
  readonly currentPodHash?: string;
  readonly stablePodHash?: string;
  readonly setCanaryScale?: SetCanaryScale;
  readonly trafficRouting?: boolean;
}

/**
 * Go's newRollout: one step carrying both setWeight and (optionally) setCanaryScale, maxSurge and
 * maxUnavailable ALWAYS set (so an "omitted" value is 0, not the 25 % default).
 */
export function newRollout(o: NewRolloutOptions): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'foo', namespace: 'default' },
    spec: {
      replicas: o.replicas,
      strategy: {
        canary: {
          maxSurge: o.maxSurge,
          maxUnavailable: o.maxUnavailable,
          steps: [
            {
              setWeight: o.setWeight,
              ...(o.setCanaryScale ? { setCanaryScale: o.setCanaryScale } : {}),
            },
          ],
          ...(o.trafficRouting ? { trafficRouting: {} } : {}),
        },
      },
    },
    status: {
      currentPodHash: o.currentPodHash ?? 'canary',
      stableRS: o.stablePodHash ?? 'stable',
    },
  };
}

/** Recorded traffic weights shaped like `status.canary.weights`. */
export function makeWeights(canary: number, stable: number): TrafficWeights {
  return { canary: { weight: canary }, stable: { weight: stable } };
}

/** One row of TestCalculateReplicaCountsForCanary. */
export interface CanaryCountsCase {
  readonly name: string;
  readonly replicas: number;
  readonly setWeight: number;
  readonly maxSurge: IntOrString;
  readonly maxUnavailable: IntOrString;
  readonly promoteFull?: boolean;
  readonly stable: readonly [spec: number, available: number];
  readonly canary: readonly [spec: number, available: number];
  readonly older?: { readonly name: string; readonly spec: number; readonly available: number };
  readonly setCanaryScale?: SetCanaryScale;
  readonly trafficRouting?: boolean;
  readonly abortScaleDownDelaySeconds?: number;
  readonly abort?: boolean;
  readonly minPodsPerReplicaSet?: number;
  readonly expected: CanaryStableCounts;
}

/** Runs one TestCalculateReplicaCountsForCanary row exactly as the Go harness does. */
export function runCanaryCountsCase(c: CanaryCountsCase): CanaryStableCounts {
  const rollout = newRollout(c);
  const canary = rollout.spec.strategy?.canary;
  if (!canary || !rollout.status) throw new Error('newRollout always builds a canary rollout');
  rollout.status.promoteFull = c.promoteFull ?? false;
  rollout.status.abort = c.abort ?? false;
  if (c.abortScaleDownDelaySeconds !== undefined) {
    canary.abortScaleDownDelaySeconds = c.abortScaleDownDelaySeconds;
  }
  if (c.minPodsPerReplicaSet !== undefined) canary.minPodsPerReplicaSet = c.minPodsPerReplicaSet;
  if (c.trafficRouting) {
    // Quirk of the Go harness: traffic-routed cases pass nil ReplicaSets and nil weights.
    return calculateReplicaCountsForTrafficRoutedCanary(rollout, undefined, undefined, undefined);
  }
  const stableRS = makeRS('stable', c.stable[0], c.stable[1]);
  const canaryRS = makeRS('canary', c.canary[0], c.canary[1]);
  // Quirk: with no older RS the Go harness still passes a one-element slice holding nil.
  const older = c.older ? makeRS(c.older.name, c.older.spec, c.older.available) : undefined;
  return calculateReplicaCountsForBasicCanary(rollout, canaryRS, stableRS, [older]);
}

/** One row of TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale. */
export interface DynamicScaleCase {
  readonly name: string;
  readonly replicas: number;
  readonly abort: boolean;
  readonly steps: readonly number[];
  readonly weights: readonly [canary: number, stable: number];
  readonly canaryRS: readonly [spec: number, available: number] | null;
  readonly stableRS: readonly [spec: number, available: number] | null;
  readonly expected: CanaryStableCounts;
}

/** Runs one dynamic-stable-scale row: maxSurge 0, maxUnavailable 1, trafficRouting {}. */
export function runDynamicScaleCase(c: DynamicScaleCase): CanaryStableCounts {
  const rollout = newRollout({
    replicas: c.replicas,
    setWeight: c.steps[0] ?? 0,
    maxSurge: 0,
    maxUnavailable: 1,
    trafficRouting: true,
  });
  const canary = rollout.spec.strategy?.canary;
  if (!canary || !rollout.status) throw new Error('newRollout always builds a canary rollout');
  canary.steps = c.steps.map((setWeight) => ({ setWeight }));
  canary.dynamicStableScale = true;
  rollout.status.abort = c.abort;
  const canaryRS = c.canaryRS && makeRS('canary', c.canaryRS[0], c.canaryRS[1]);
  const stableRS = c.stableRS && makeRS('stable', c.stableRS[0], c.stableRS[1]);
  return calculateReplicaCountsForTrafficRoutedCanary(
    rollout,
    canaryRS,
    stableRS,
    makeWeights(c.weights[0], c.weights[1]),
  );
}

/** One t.Run of TestAtDesiredReplicaCountsForCanary. */
export interface AtDesiredCase {
  readonly name: string;
  readonly replicas: number;
  readonly setWeight: number;
  readonly maxSurge: IntOrString;
  readonly maxUnavailable: IntOrString;
  readonly setCanaryScale?: SetCanaryScale;
  readonly newRS: readonly [spec: number, available: number, statusReplicas: number];
  readonly stableRS: readonly [spec: number, available: number, statusReplicas: number];
  readonly weights: readonly [canary: number, stable: number];
  readonly want: boolean;
}

/** Runs one AtDesiredReplicaCountsForCanary case: basic canary, unlabelled RSs, no older RSs. */
export function runAtDesiredCase(c: AtDesiredCase): boolean {
  const rollout = newRollout({ ...c, currentPodHash: 'current', stablePodHash: 'stable' });
  const newRS = makeRS('newRS', c.newRS[0], c.newRS[1], { statusReplicas: c.newRS[2], hash: null });
  const stableRS = makeRS('stableRS', c.stableRS[0], c.stableRS[1], {
    statusReplicas: c.stableRS[2],
    hash: null,
  });
  return atDesiredReplicaCountsForCanary(
    rollout,
    newRS,
    stableRS,
    [],
    makeWeights(c.weights[0], c.weights[1]),
  );
}

/** Builds a Rollout from a partial `{spec?, status?}` object as written in a Go test literal. */
export function rolloutFrom(partial: { spec?: object; status?: object }): Rollout {
  const rollout: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'foo' },
    spec: { ...(partial.spec ?? {}) },
  };
  if (partial.status) rollout.status = { ...partial.status };
  return rollout;
}
