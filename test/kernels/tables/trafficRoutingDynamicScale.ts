// Test table re-expressing TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale of Argo Rollouts' utils/replicaset/canary_test.go
// (commit 9f8d111, via the shared reference digest). Case names are Argo's own.
import type { DynamicScaleCase } from '../harness';

/**
 * steps: the setWeight of each step as the Go harness builds them (its `rolloutMaxReplicas` is the
 * first step's setWeight); weights: recorded [canary, stable]; RSs: [spec, available] or null
 * (the harness passes nil for a 0-replica RS and sets canary available = spec).
 */
export const dynamicScaleCases: readonly DynamicScaleCase[] = [
  {
    name: 'Should scale stable replica up depending on next expected canary downscale step, if abort is true',
    replicas: 10,
    abort: true,
    steps: [20, 60],
    weights: [60, 40],
    canaryRS: [6, 6],
    stableRS: [4, 4],
    expected: { canary: 6, stable: 8 },
  },
  {
    name: 'Should scale stable replica up depending on available canary replicas, if actual number of canaries is less than expected and abort is true',
    replicas: 10,
    abort: true,
    steps: [20, 60],
    weights: [60, 40],
    canaryRS: [1, 1],
    stableRS: [4, 4],
    expected: { canary: 6, stable: 8 },
  },
  {
    name: 'Should scale stable replica up depending on available stable replicas, if abort is true',
    replicas: 10,
    abort: true,
    steps: [20, 60],
    weights: [60, 40],
    canaryRS: [2, 2],
    stableRS: [8, 4],
    expected: { canary: 6, stable: 8 },
  },
  {
    name: 'Should scale stable up as if canaries are scaled down to 0 if stable and canary replicas not passed, and abort is true',
    replicas: 10,
    abort: true,
    steps: [20, 60],
    weights: [60, 40],
    canaryRS: null,
    stableRS: null,
    expected: { canary: 6, stable: 10 },
  },
  {
    name: 'Should scale down stable',
    replicas: 10,
    abort: false,
    steps: [10],
    weights: [10, 90],
    canaryRS: null,
    stableRS: null,
    expected: { canary: 1, stable: 9 },
  },
  {
    name: 'Should take max of desired canary (20) > actual (10)',
    replicas: 10,
    abort: false,
    steps: [20],
    weights: [10, 90],
    canaryRS: null,
    stableRS: null,
    expected: { canary: 2, stable: 9 },
  },
  {
    name: 'Should leave canary scaled up if there is still traffic to it on abort',
    replicas: 10,
    abort: true,
    steps: [20],
    weights: [20, 80],
    canaryRS: null,
    stableRS: null,
    expected: { canary: 2, stable: 10 },
  },
  {
    name: 'Should reduce canary when there is less traffic to it on abort',
    replicas: 10,
    abort: true,
    steps: [20],
    weights: [10, 90],
    canaryRS: null,
    stableRS: null,
    expected: { canary: 1, stable: 10 },
  },
];
