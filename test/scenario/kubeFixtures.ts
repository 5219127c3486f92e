/**
 * Hand-built Kubernetes-shaped object sets for condition and --json tests: a basic canary mid-rollout
 * (1 of 5 pods), a traffic-routed canary with weights, a blue-green with active/preview Services,
 * and an aborted rollout. Labels, annotations and owner references follow Argo (argo-canary.md §3).
 */
import type { KubeObject } from '../../src/scenario';

const T0 = '2026-01-01T00:00:00Z';

/** at returns an RFC 3339 time `seconds` after the virtual epoch. */
export function at(seconds: number): string {
  const s = String(seconds % 60).padStart(2, '0');
  const m = String(Math.floor(seconds / 60)).padStart(2, '0');
  return `2026-01-01T00:${m}:${s}Z`;
}

export function rollout(name: string, spec: object, status: object): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: T0 },
    spec,
    status,
  };
}

export interface RsCounts {
  replicas: number;
  ready?: number;
  available?: number;
}

export function replicaSet(
  owner: string,
  hash: string,
  revision: number,
  counts: RsCounts,
  annotations: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${owner}-${hash}`,
      namespace: 'default',
      labels: { 'rollouts-pod-template-hash': hash },
      annotations: { 'rollout.argoproj.io/revision': String(revision), ...annotations },
      ownerReferences: [
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: owner, uid: `uid-${owner}` },
      ],
    },
    spec: { replicas: counts.replicas },
    status: {
      replicas: counts.replicas,
      readyReplicas: counts.ready ?? counts.replicas,
      availableReplicas: counts.available ?? counts.ready ?? counts.replicas,
    },
  };
}

export function pods(owner: string, hash: string, count: number, terminating = 0): KubeObject[] {
  const out: KubeObject[] = [];
  for (let i = 0; i < count + terminating; i++) {
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${owner}-${hash}-p${i}`,
        namespace: 'default',
        labels: { 'rollouts-pod-template-hash': hash },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: `${owner}-${hash}`,
            uid: `rs-${hash}`,
          },
        ],
        ...(i >= count ? { deletionTimestamp: at(30) } : {}),
      },
      status: { phase: 'Running' },
    });
  }
  return out;
}

export function service(name: string, hash?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: 'demo', ...(hash ? { 'rollouts-pod-template-hash': hash } : {}) } },
  };
}

export interface MetricResultInput {
  name: string;
  phase?: string;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
  count?: number;
}

export function analysisRun(
  owner: string,
  name: string,
  type: string,
  phase: string | undefined,
  createdAtSeconds: number,
  metricResults: MetricResultInput[] = [],
  specMetrics: string[] = [],
): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: at(createdAtSeconds),
      labels: { 'rollout-type': type },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          name: owner,
          uid: `uid-${owner}`,
          controller: true,
        },
      ],
    },
    spec: { metrics: specMetrics.map((m) => ({ name: m, provider: { job: {} } })) },
    status: phase === undefined ? {} : { phase, metricResults },
  };
}

const CANARY_STEPS = [
  { setWeight: 20 },
  { pause: {} },
  { setWeight: 60 },
  { pause: { duration: 10 } },
];

/**
 * basicCanary: R=5, steps [20, pause, 60, pause 10s] at step 1 (paused). Revision 1 (`ooo`) is
 * scaled down with a pending deadline, revision 2 (`aaa`) is stable with 4 pods (plus one
 * terminating), revision 3 (`bbb`) is the canary with 1 pod. Another rollout shares hash `bbb`.
 */
export function basicCanary(): KubeObject[] {
  return [
    rollout(
      'demo',
      { replicas: 5, strategy: { canary: { steps: CANARY_STEPS } } },
      {
        phase: 'Paused',
        message: 'CanaryPauseStep',
        currentStepIndex: 1,
        currentPodHash: 'bbb',
        stableRS: 'aaa',
        replicas: 5,
        updatedReplicas: 1,
        readyReplicas: 5,
        availableReplicas: 5,
        conditions: [
          { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
          { type: 'Paused', status: 'True', reason: 'CanaryPauseStep' },
          { type: 'Available', status: 'True', reason: 'AvailableReason' },
        ],
      },
    ),
    replicaSet('demo', 'ooo', 1, { replicas: 0 }, { 'scale-down-deadline': at(50) }),
    replicaSet('demo', 'aaa', 2, { replicas: 4 }),
    replicaSet('demo', 'bbb', 3, { replicas: 1 }),
    ...pods('demo', 'aaa', 4, 1),
    ...pods('demo', 'bbb', 1),
    // Another rollout with the same pod-template hash: its pods are not demo's.
    rollout(
      'other',
      { replicas: 2, strategy: { canary: {} } },
      { currentPodHash: 'bbb', stableRS: 'bbb' },
    ),
    replicaSet('other', 'bbb', 1, { replicas: 2 }),
    ...pods('other', 'bbb', 2),
    service('demo-svc', 'aaa'),
    analysisRun('demo', 'demo-aaa-2-0', 'Step', 'Successful', 5, [
      { name: 'smoke', phase: 'Successful', successful: 1, count: 1 },
    ]),
    analysisRun('demo', 'demo-bbb-3', 'Background', 'Failed', 10, [
      { name: 'success-rate', phase: 'Failed', failed: 3, count: 3 },
    ]),
    analysisRun(
      'demo',
      'demo-bbb-3.1',
      'Background',
      'Running',
      10,
      [{ name: 'success-rate', phase: 'Running', successful: 2, error: 1, count: 2 }],
      ['success-rate', 'latency'],
    ),
    analysisRun('other', 'other-bbb-1', 'Background', 'Running', 20),
  ];
}

/** trafficRouted: R=10, nginx, steps [30, pause] at step 1 with weights canary 30 / stable 70. */
export function trafficRouted(withWeights = true, extra: object = {}): KubeObject[] {
  return [
    rollout(
      'tr',
      {
        replicas: 10,
        strategy: {
          canary: {
            canaryService: 'tr-canary',
            stableService: 'tr-stable',
            trafficRouting: { nginx: { stableIngress: 'tr' }, ...extra },
            steps: [{ setWeight: 30 }, { pause: {} }],
          },
        },
      },
      {
        phase: 'Paused',
        message: 'CanaryPauseStep',
        currentStepIndex: 1,
        currentPodHash: 'ccc',
        stableRS: 'sss',
        replicas: 13,
        updatedReplicas: 3,
        readyReplicas: 13,
        availableReplicas: 13,
        ...(withWeights
          ? {
              canary: {
                weights: {
                  canary: { weight: 25, podTemplateHash: 'ccc', serviceName: 'tr-canary' },
                  stable: { weight: 75, podTemplateHash: 'sss', serviceName: 'tr-stable' },
                },
              },
            }
          : {}),
      },
    ),
    replicaSet('tr', 'sss', 1, { replicas: 10 }),
    replicaSet('tr', 'ccc', 2, { replicas: 3 }),
    ...pods('tr', 'sss', 10),
    ...pods('tr', 'ccc', 3),
    service('tr-stable', 'sss'),
    service('tr-canary', 'ccc'),
  ];
}

/** blueGreen: revision 1 (`aaa`) active, revision 2 (`bbb`) preview, paused before promotion. */
export function blueGreen(): KubeObject[] {
  return [
    rollout(
      'bg',
      {
        replicas: 3,
        strategy: { blueGreen: { activeService: 'bg-active', previewService: 'bg-preview' } },
      },
      {
        phase: 'Paused',
        message: 'BlueGreenPause',
        currentPodHash: 'bbb',
        stableRS: 'aaa',
        replicas: 6,
        updatedReplicas: 3,
        readyReplicas: 6,
        availableReplicas: 6,
        blueGreen: { activeSelector: 'aaa', previewSelector: 'bbb' },
      },
    ),
    replicaSet('bg', 'aaa', 1, { replicas: 3 }),
    replicaSet('bg', 'bbb', 2, { replicas: 3 }),
    ...pods('bg', 'aaa', 3),
    ...pods('bg', 'bbb', 3),
    service('bg-active', 'aaa'),
    service('bg-preview', 'bbb'),
    service('plain'),
    analysisRun('bg', 'bg-bbb-2-pre', 'PrePromotion', 'Running', 40, [
      { name: 'smoke', phase: 'Running' },
    ]),
  ];
}

/** aborted: the basic canary after `abort`: index reset to 0, canary scaled to 0, Degraded. */
export function aborted(): KubeObject[] {
  return [
    rollout(
      'demo',
      { replicas: 5, strategy: { canary: { steps: CANARY_STEPS } } },
      {
        phase: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 3',
        abort: true,
        abortedAt: at(60),
        currentStepIndex: 0,
        currentPodHash: 'bbb',
        stableRS: 'aaa',
        replicas: 5,
        readyReplicas: 5,
        availableReplicas: 5,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'RolloutAborted' }],
      },
    ),
    replicaSet('demo', 'aaa', 2, { replicas: 5 }),
    replicaSet('demo', 'bbb', 3, { replicas: 0 }),
    ...pods('demo', 'aaa', 5),
    ...pods('demo', 'bbb', 0, 1),
  ];
}
