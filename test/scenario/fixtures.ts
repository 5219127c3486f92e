/**
 * Shared fixtures for the scenario tests: a scenario using every field of the contract and a
 * fake file system for manifestFiles / applyFile. Rule: plain strings, no I/O.
 */

/** FULL_SCENARIO uses every field and every step verb of scenario-format.md. */
export const FULL_SCENARIO = `kind: Scenario
name: blue-to-yellow
title: "Canary: blue to yellow"
description: |
  Shows a canary.
seed: 7
namespace: demo
manifests:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: rollouts-demo
    spec:
      replicas: 5
      strategy:
        canary:
          steps:
            - setWeight: 20
            - pause: {}
  - apiVersion: v1
    kind: Service
    metadata:
      name: rollouts-demo
manifestFiles: [extra.yaml]
cluster:
  podStartup: 3s
  podStartupJitter: 500ms
  podTermination: 2
traffic:
  requestsPerSecond: 20
versions:
  "argoproj/rollouts-demo:yellow": { errorRate: 0.0, latency: 80ms }
  "argoproj/rollouts-demo:bad-red": { errorRate: 0.3, latency: 400ms, crashLoop: false, neverReady: true }
  "example/slow:v2": { startup: 45s, imagePullError: true }
  "example/job:fails": { exitCode: 1, runFor: 20s }
analysis:
  success-rate: { values: [0.99, 0.98, 0.60] }
  latency: { value: 0.2 }
  smoke: { phase: Failed, after: 30s }
  long-job: { phase: Successful, after: 24h }
script:
  - setImage: { image: "argoproj/rollouts-demo:yellow" }
  - waitFor: { status: Paused, step: 1, setWeight: 20, actualWeight: 20, timeout: 1m30s }
  - expect:
      canaryPods: 1
      stablePods: 4
      revisionPods: { "2": 1, 1: 4 }
      replicas: 5
      availableReplicas: 5
      readyReplicas: 5
      updatedReplicas: 1
      stableRevision: 1
      currentRevision: 2
      revisionScaleDownDelay: { "1": false }
      abort: false
      message: CanaryPause
      rolloutCondition: { type: Progressing, status: True, reason: ReplicaSetUpdated }
      errorRate: { below: 0.05 }
  - expect:
      activeRevision: 1
      previewRevision: 2
      canaryWeight: 20
      stableWeight: 80
      analysisRun: { kind: background, phase: Running, count: 1 }
      metric: { name: success-rate, kind: background, phase: Running, measurements: 2 }
      serviceRevision: { rollouts-demo: 1 }
      errorRate: 0
  - promote: {}
  - promoteFull: {}
  - abort: {}
  - retry: {}
  - pause: {}
  - resume: {}
  - restart: {}
  - undo: { toRevision: 1 }
  - undo: {}
  - updateSpec: {}
  - updateSpec: { patch: { spec: { replicas: 3 } } }
  - scale: 3
  - setVersion: { image: "argoproj/rollouts-demo:yellow", errorRate: 0.5, latency: 1s, crashLoop: true, neverReady: false }
  - killPods: { revision: 2, count: 1 }
  - setMetric: { metric: success-rate, values: [0.5] }
  - setMetric: { metric: smoke, phase: Error, after: 10s }
  - wait: 10s
  - wait: 5
  - apply:
      - apiVersion: v1
        kind: ConfigMap
        metadata: { name: cm }
  - applyFile: more/obj.yaml
`;

/** FILES is a fake file system keyed by resolved path. */
export const FILES: Readonly<Record<string, string>> = {
  'sims/extra.yaml': `apiVersion: v1
kind: Service
metadata:
  name: canary-svc
---
apiVersion: v1
kind: Service
metadata:
  name: stable-svc
spec:
  ports:
    - port: 80
`,
  'sims/more/obj.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: s
`,
};

/** readFake reads from FILES. */
export function readFake(path: string): string | undefined {
  return FILES[path];
}
