/**
 * Test support for src/cluster: a world (real src/sim clock and rng), object builders, and a
 * fixed stage context for kwok-style input → output pairs.
 */
import type { Pod, ReplicaSet, Service } from '../../src/model/k8s';
import { createFakeCluster, rfc3339 } from '../../src/cluster';
import type { ClusterConfig, ImageBehaviour, ObjectStore, StageContext } from '../../src/cluster';
import { createRng, createVirtualClock } from '../../src/sim';

export const IMAGE = 'argoproj/rollouts-demo:blue';

/** world returns a fresh clock, rng and fake cluster. */
export function world(
  options: {
    seed?: number;
    behaviour?: Record<string, ImageBehaviour>;
    config?: Partial<ClusterConfig>;
  } = {},
) {
  const clock = createVirtualClock();
  const rng = createRng(options.seed ?? 1);
  const cluster = createFakeCluster({
    clock,
    rng,
    behaviour: options.behaviour,
    config: options.config,
  });
  return { clock, rng, cluster, store: cluster.store };
}

/** replicaSet builds an Argo-style ReplicaSet `<name>` for pod-template hash `hash`. */
export function replicaSet(
  name: string,
  hash: string,
  replicas: number,
  opts: { image?: string; minReadySeconds?: number; revision?: number; namespace?: string } = {},
): ReplicaSet {
  const labels = { app: 'demo', 'rollouts-pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      labels,
      annotations: { 'rollout.argoproj.io/revision': String(opts.revision ?? 1) },
    },
    spec: {
      replicas,
      ...(opts.minReadySeconds === undefined ? {} : { minReadySeconds: opts.minReadySeconds }),
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'demo',
              image: opts.image ?? IMAGE,
              ports: [{ name: 'http', containerPort: 8080 }],
            },
          ],
        },
      },
    },
  };
}

/** service builds a Service selecting `selector`, port 80 → named port http. */
export function service(name: string, selector: Record<string, string>): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
}

/** scale sets a ReplicaSet's spec.replicas through a merge patch. */
export function scale(store: ObjectStore, name: string, replicas: number): void {
  store.patch('ReplicaSet', 'default', name, { spec: { replicas } });
}

/** ctx returns a stage context at `now` with healthy defaults (startup 2 s, no jitter). */
export function ctx(overrides: Partial<StageContext> = {}): StageContext {
  return {
    now: 0,
    timestamp: (ms) => rfc3339(ms),
    behaviour: {},
    startupMs: 2000,
    startupJitterMs: 0,
    podIP: '10.244.0.7',
    hostIP: '172.18.0.2',
    forcedReady: false,
    stageCounts: {},
    ...overrides,
  };
}

/** podsWithHash returns the pods of a ReplicaSet hash, sorted by name. */
export function podsWithHash(store: ObjectStore, hash: string): Pod[] {
  return store
    .peekList('Pod')
    .filter((p) => p.metadata?.labels?.['rollouts-pod-template-hash'] === hash);
}

/** ts is the RFC 3339 text of virtual time `ms` in the default epoch. */
export const ts = (ms: number): string => rfc3339(ms);
