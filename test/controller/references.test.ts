/**
 * Referenced objects that do not exist (rollout/controller.go getRolloutReferencedResources):
 * InvalidSpec with Argo's field error, Degraded, and a retry 20 s later that recovers once the
 * object is applied.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src/scenario';

const ROLLOUT_HEAD = `  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata: { name: demo }
    spec:
      replicas: 2
      selector: { matchLabels: { app: demo } }
      template:
        metadata: { labels: { app: demo } }
        spec:
          containers: [{ name: app, image: "argoproj/rollouts-demo:blue" }]
      strategy:
`;

const service = (name: string) => `  - apiVersion: v1
    kind: Service
    metadata: { name: ${name} }
    spec:
      selector: { app: demo }
      ports: [{ port: 80 }]
`;

function run(strategy: string, others: string, script: string) {
  const text = `kind: Scenario
name: references
manifests:
${ROLLOUT_HEAD}${strategy}${others}script:
${script}`;
  const parsed = parseScenario(text, 'references.yaml');
  expect(parsed.issues).toEqual([]);
  return runScenario(parsed.scenario!);
}

const degradedWith = (message: string) => `  - waitFor: { status: Degraded, timeout: 1m }
  - expect:
      message: ${JSON.stringify(message)}
      rolloutCondition: { type: InvalidSpec, status: "True", reason: InvalidSpec }
`;

describe('referenced objects must exist (InvalidSpec otherwise)', () => {
  it('a missing canary Service: Argo field error; applying it recovers on the 20 s retry', () => {
    const r = run(
      `        canary:
          stableService: demo-stable
          canaryService: demo-canary
          steps: [{ setWeight: 50 }]
`,
      service('demo-stable'),
      `${degradedWith(
        'InvalidSpec: The Rollout "demo" is invalid: spec.strategy.canary.canaryService: Invalid value: "demo-canary": service "demo-canary" not found',
      )}  - apply:
${service('demo-canary').replace(/^ {2}/gm, '      ')}  - waitFor: { status: Healthy, timeout: 30s }
`,
    );
    expect(r.result.failure ?? null).toBeNull();
  });

  it('blue-green: the active Service is checked before the preview Service', () => {
    const r = run(
      `        blueGreen:
          activeService: demo-active
          previewService: demo-preview
`,
      '',
      degradedWith(
        'spec.strategy.blueGreen.activeService: Invalid value: "demo-active": service "demo-active" not found',
      ),
    );
    expect(r.result.failure ?? null).toBeNull();
  });

  it('a missing AnalysisTemplate of a step, and a missing ClusterAnalysisTemplate', () => {
    const step = run(
      `        canary:
          steps:
            - setWeight: 50
            - analysis: { templates: [{ templateName: smoke }] }
`,
      '',
      degradedWith(
        `spec.strategy.canary.steps[1].analysis.templates: Invalid value: "smoke": AnalysisTemplate 'smoke' not found`,
      ),
    );
    expect(step.result.failure ?? null).toBeNull();
    const cluster = run(
      `        canary:
          analysis: { templates: [{ templateName: shared, clusterScope: true }] }
          steps: [{ setWeight: 50 }]
`,
      '',
      degradedWith(
        `spec.strategy.canary.analysis.templates: Invalid value: "shared": ClusterAnalysisTemplate 'shared' not found`,
      ),
    );
    expect(cluster.result.failure ?? null).toBeNull();
  });

  it('a missing NGINX stable Ingress and a missing Istio VirtualService (name.namespace form)', () => {
    const nginx = run(
      `        canary:
          stableService: demo-stable
          canaryService: demo-canary
          trafficRouting:
            nginx: { stableIngress: demo-ingress }
          steps: [{ setWeight: 50 }]
`,
      service('demo-stable') + service('demo-canary'),
      degradedWith(
        'spec.strategy.canary.trafficRouting.nginx.stableIngress: Invalid value: "demo-ingress": ingress.networking.k8s.io "demo-ingress" not found',
      ),
    );
    expect(nginx.result.failure ?? null).toBeNull();
    const istio = run(
      `        canary:
          stableService: demo-stable
          canaryService: demo-canary
          trafficRouting:
            istio: { virtualService: { name: demo-vsvc.default, routes: [primary] } }
          steps: [{ setWeight: 50 }]
`,
      service('demo-stable') + service('demo-canary'),
      degradedWith(
        'spec.strategy.canary.trafficRouting.istio.virtualService.name: Invalid value: "demo-vsvc": virtualservices.networking.istio.io "demo-vsvc" not found',
      ),
    );
    expect(istio.result.failure ?? null).toBeNull();
  });
});
