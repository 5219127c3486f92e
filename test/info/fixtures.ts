/**
 * Small builders of Kubernetes-shaped objects for the view-model tests. Every object is created
 * at T; tests look at it from NOW = T + 7 days, so every AGE reads `7d`.
 */
import type { AnalysisRun, Pod, ReplicaSet, Rollout } from '../../src/model/k8s';

export const T = '2024-03-01T12:00:00Z';
export const T_MS = Date.UTC(2024, 2, 1, 12, 0, 0);
export const NOW_MS = T_MS + 7 * 24 * 3_600_000;

/** RFC 3339 text of an epoch-ms instant (test-side only; the view model never uses Date). */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

/** A running, ready container status. */
export const running = (name = 'app', restartCount = 0): ContainerStatus => ({
  name,
  image: 'img',
  imageID: '',
  ready: true,
  restartCount,
  state: { running: { startedAt: T } },
});

/** A waiting container status with `reason`. */
export const waiting = (reason: string, restartCount = 0, name = 'app'): ContainerStatus => ({
  name,
  image: 'img',
  imageID: '',
  ready: false,
  restartCount,
  state: { waiting: { reason } },
});

/** A terminated container status. */
export const terminated = (
  exitCode: number,
  extra: { reason?: string; signal?: number } = {},
  name = 'app',
): ContainerStatus => ({
  name,
  image: 'img',
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, ...extra } },
});

/** A pod owned by the ReplicaSet `rsName` (uid `uid-<rsName>`). */
export function pod(
  name: string,
  rsName: string,
  statuses: ContainerStatus[] = [running()],
  extra: {
    phase?: NonNullable<Pod['status']>['phase'];
    deletionTimestamp?: string;
    reason?: string;
  } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'jesse-test',
      creationTimestamp: T,
      uid: `uid-${name}`,
      deletionTimestamp: extra.deletionTimestamp,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: `uid-${rsName}` },
      ],
    },
    spec: { containers: statuses.map((s) => ({ name: s.name, image: s.image })) },
    status: { phase: extra.phase ?? 'Running', reason: extra.reason, containerStatuses: statuses },
  };
}

/** A ReplicaSet of rollout `owner` with pod-template hash `hash` (name `<owner>-<hash>`). */
export function replicaSet(
  owner: string,
  hash: string | undefined,
  revision: number,
  opts: {
    name?: string;
    replicas?: number;
    available?: number;
    image?: string;
    annotations?: Record<string, string>;
    generation?: number;
    observedGeneration?: number;
    conditions?: { type: string; status: string }[];
  } = {},
): ReplicaSet {
  const name = opts.name ?? `${owner}-${hash}`;
  const replicas = opts.replicas ?? 1;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'jesse-test',
      creationTimestamp: T,
      uid: `uid-${name}`,
      generation: opts.generation ?? 1,
      annotations: { 'rollout.argoproj.io/revision': String(revision), ...opts.annotations },
      labels: hash === undefined ? {} : { 'rollouts-pod-template-hash': hash },
      ownerReferences: [
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: owner, uid: `uid-${owner}` },
      ],
    },
    spec: {
      replicas,
      selector: {},
      template: { spec: { containers: [{ name: 'app', image: opts.image ?? `img:${hash}` }] } },
    },
    status: {
      replicas,
      availableReplicas: opts.available ?? replicas,
      readyReplicas: opts.available ?? replicas,
      observedGeneration: opts.observedGeneration ?? 1,
      conditions: opts.conditions,
    },
  };
}

/** A Rollout named `name` (uid `uid-<name>`) created at T. */
export function rollout(
  name: string,
  spec: Rollout['spec'],
  status: Rollout['status'] = {},
): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: 'jesse-test', uid: `uid-${name}`, creationTimestamp: T },
    spec,
    status,
  };
}

/** An AnalysisRun of rollout `owner` at `revision`. */
export function analysisRun(
  name: string,
  owner: string,
  revision: number,
  status: AnalysisRun['status'],
): AnalysisRun {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name,
      namespace: 'jesse-test',
      creationTimestamp: T,
      uid: `uid-${name}`,
      annotations: { 'rollout.argoproj.io/revision': String(revision) },
      ownerReferences: [
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: owner, uid: `uid-${owner}` },
      ],
    },
    spec: { metrics: [{ name: 'm', provider: {}, successCondition: 'result > 0', count: 5 }] },
    status,
  };
}

/** Strips trailing spaces from every line, as the plugin's golden comparisons do. */
export const stripTrailingSpaces = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/ +$/, ''))
    .join('\n');
