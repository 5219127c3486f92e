// Test tables re-expressing the helper tests of Argo Rollouts' utils/replicaset/canary_test.go
// (TestGetReplicasForScaleDown, TestAllReplicaProgressThresholdMet, TestAllDesiredAreAvailable,
// TestAtDesiredReplicaCountsForCanary, TestGetCanaryReplicasOrWeight, TestTrafficWeightToReplicas).
import type { AtDesiredCase, RsCounts } from '../harness';

export interface ScaleDownCase {
  readonly name: string;
  readonly rs: RsCounts | null;
  readonly ignoreAvailability: boolean;
  readonly want: number;
}

export const getReplicasForScaleDownCases: readonly ScaleDownCase[] = [
  { name: 'test rs is nil', rs: null, ignoreAvailability: false, want: 0 },
  {
    name: 'test expected replicas is less than actual replicas',
    rs: { spec: 3, available: 5 },
    ignoreAvailability: false,
    want: 3,
  },
  {
    name: 'test ignore availability',
    rs: { spec: 3, available: 2 },
    ignoreAvailability: true,
    want: 3,
  },
  {
    name: 'test not ignore availability',
    rs: { spec: 3, available: 2 },
    ignoreAvailability: false,
    want: 2,
  },
];

export interface ThresholdCase {
  readonly name: string;
  readonly threshold: { readonly type: string; readonly value: number } | null;
  readonly rs: RsCounts | null;
  readonly desired: number;
  readonly want: boolean;
}

/** `spec: null` means spec.replicas is unset (the fallback path then reads it as 1). */
export const replicaProgressThresholdCases: readonly ThresholdCase[] = [
  {
    name: 'test using percentage that 90% availability of pods passes',
    threshold: { type: 'Percent', value: 90 },
    rs: { spec: null, available: 9 },
    desired: 10,
    want: true,
  },
  {
    name: 'test using pod values that 90% availability of pods correctly passes',
    threshold: { type: 'Pods', value: 9 },
    rs: { spec: null, available: 9 },
    desired: 10,
    want: true,
  },
  {
    name: 'test using percentage that under 90% availability of pods correctly fails',
    threshold: { type: 'Percent', value: 90 },
    rs: { spec: null, available: 8 },
    desired: 10,
    want: false,
  },
  {
    name: 'test using pod values that under 8 pods correctly fails',
    threshold: { type: 'Pods', value: 8 },
    rs: { spec: null, available: 7 },
    desired: 10,
    want: false,
  },
  {
    name: 'test that when threshold is under 0, it defaults to 100% of pods being available to return true',
    threshold: { type: 'Pods', value: -100 },
    rs: { spec: 10, available: 10 },
    desired: 10,
    want: true,
  },
  {
    name: 'test that when threshold is nil, it defaults to 100% of pods being available to return true',
    threshold: null,
    rs: { spec: 5, available: 10 },
    desired: 10,
    want: false,
  },
  {
    name: 'test that when the replicaset is nil, it always returns false',
    threshold: { type: 'Pods', value: 5 },
    rs: null,
    desired: 10,
    want: false,
  },
  {
    name: 'test that percentages well above the required threshold correctly pass',
    threshold: { type: 'Percent', value: 100 },
    rs: { spec: null, available: 100 },
    desired: 10,
    want: true,
  },
  {
    name: 'test that when desired is 0, threshold is always met (percentage type only)',
    threshold: { type: 'Percent', value: 90 },
    rs: { spec: null, available: 0 },
    desired: 0,
    want: true,
  },
];

export interface AllDesiredCase {
  readonly name: string;
  readonly rs: RsCounts | null;
  readonly desired: number;
  readonly want: boolean;
}

export const allDesiredAreAvailableCases: readonly AllDesiredCase[] = [
  {
    name: 'test correct return (true) when all desired pods are available',
    rs: { spec: 10, available: 10 },
    desired: 10,
    want: true,
  },
  {
    name: 'test correct return (false) when not all desired pods are available',
    rs: { spec: 10, available: 9 },
    desired: 10,
    want: false,
  },
  {
    name: 'test correct return (false) when all ReplicaSet is nil',
    rs: null,
    desired: 10,
    want: false,
  },
  {
    name: 'test correct return (false) when rs.Spec.Replicas is nil and desired != 1 (GetReplicasOrDefault returns 1)',
    rs: { spec: null, available: 10 },
    desired: 10,
    want: false,
  },
  {
    name: 'test correct return (true) when rs.Spec.Replicas is nil and desired is 1',
    rs: { spec: null, available: 1 },
    desired: 1,
    want: true,
  },
];

/** newRS/stableRS: [spec, available, status.replicas]; weights: [canary, stable] (unused: basic canary). */
export const atDesiredReplicaCountsCases: readonly AtDesiredCase[] = [
  {
    name: 'we are at desired replica counts and availability',
    replicas: 4,
    setWeight: 50,
    maxSurge: 1,
    maxUnavailable: 1,
    setCanaryScale: { replicas: 2, weight: 2 },
    newRS: [2, 2, 2],
    stableRS: [2, 2, 2],
    weights: [50, 50],
    want: true,
  },
  {
    name: 'new replicaset is not at desired counts or availability',
    replicas: 4,
    setWeight: 50,
    maxSurge: 1,
    maxUnavailable: 1,
    setCanaryScale: { replicas: 2, weight: 2 },
    newRS: [2, 1, 2],
    stableRS: [2, 2, 2],
    weights: [50, 50],
    want: false,
  },
  {
    name: 'stable replicaset is not at desired counts or availability',
    replicas: 4,
    setWeight: 75,
    maxSurge: 1,
    maxUnavailable: 1,
    newRS: [3, 3, 3],
    stableRS: [2, 2, 2],
    weights: [75, 25],
    want: false,
  },
  {
    name: 'stable replicaset is not at desired availability but is at correct count',
    replicas: 4,
    setWeight: 75,
    maxSurge: 1,
    maxUnavailable: 1,
    newRS: [3, 3, 1],
    stableRS: [1, 0, 1],
    weights: [75, 25],
    want: true,
  },
  {
    name: 'test that when status field lags behind spec.replicas we fail',
    replicas: 4,
    setWeight: 50,
    maxSurge: 1,
    maxUnavailable: 1,
    setCanaryScale: { replicas: 2, weight: 2 },
    newRS: [2, 2, 2],
    stableRS: [2, 2, 3],
    weights: [50, 50],
    want: false,
  },
];

export interface CanaryReplicasOrWeightCase {
  readonly name: string;
  readonly rollout: { spec?: object; status?: object };
  readonly replicas: number | undefined;
  readonly weight: number;
}

export const getCanaryReplicasOrWeightCases: readonly CanaryReplicasOrWeightCase[] = [
  {
    name: 'test full promote rollout',
    rollout: { status: { promoteFull: true } },
    replicas: undefined,
    weight: 100,
  },
  {
    name: 'test canary step weight',
    rollout: {
      spec: {
        strategy: {
          canary: {
            steps: [{ setWeight: 10 }, { setCanaryScale: { weight: 20 } }],
            trafficRouting: {},
          },
        },
      },
      status: { currentStepIndex: 1, stableRS: 'stable-rs' },
    },
    replicas: undefined,
    weight: 20,
  },
  {
    name: 'test canary step replicas',
    rollout: {
      spec: {
        strategy: {
          canary: {
            steps: [{ setWeight: 10 }, { setCanaryScale: { replicas: 5 } }],
            trafficRouting: {},
          },
        },
      },
      status: { currentStepIndex: 1, stableRS: 'stable-rs' },
    },
    replicas: 5,
    weight: 0,
  },
  {
    name: 'test get current step weight',
    rollout: { spec: { strategy: { blueGreen: {} } }, status: { abort: true } },
    replicas: undefined,
    weight: 100,
  },
];

/** [replicas, weight, maxWeight, expected]; the Go asserts are unnamed. */
export const trafficWeightToReplicasCases: readonly (readonly [number, number, number, number])[] =
  [
    [10, 0, 100, 0],
    [10, 20, 100, 2],
    [10, 25, 100, 3],
    [10, 33, 100, 4],
    [10, 99, 100, 10],
    [10, 100, 100, 10],
    [23, 100000000, 100000000, 23],
  ];
