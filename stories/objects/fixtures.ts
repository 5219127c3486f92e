/**
 * Story (and test) fixtures built from real runs: scenarios from simulations/ run through
 * src/scenario with a shortened script, so objects, the `get rollout` text and the rollout's phase
 * are what the engine really produces. Not src/ui, so importing the core here is allowed.
 */
import blueToYellowText from '../../simulations/blue-to-yellow.yaml?raw';
import bluegreenText from '../../simulations/bluegreen-preview.yaml?raw';
import { renderRolloutTree, rolloutInfo } from '../../src/info';
import type { KubeObject, ReplicaSet, Rollout } from '../../src/model';
import { parseScenario, runScenario } from '../../src/scenario';
import type { World } from '../../src/scenario';
import { DEFAULT_EPOCH_MS } from '../../src/sim';
import cliTree from './fixtures/blue-to-yellow.get.txt?raw';

/** The literal output of `./bin/rollout-lab run simulations/blue-to-yellow.yaml --get`. */
export const CLI_GET_TREE_HEALTHY: string = cliTree;

/** withScript replaces a scenario file's script with the given YAML lines. */
export function withScript(text: string, script: readonly string[]): string {
  return `${text.slice(0, text.indexOf('\nscript:'))}\nscript:\n${script.map((s) => `  - ${s}`).join('\n')}\n`;
}

/** runTo runs scenario text (with its script) and returns the world at the end. */
export function runTo(text: string, file: string): World {
  const parsed = parseScenario(text, file);
  if (!parsed.scenario) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  const run = runScenario(parsed.scenario);
  if (!run.result.passed) throw new Error(`fixture scenario ${file} failed`);
  return run.world;
}

/** objectsOf returns a world's objects as plain JSON (as a recorded frame holds them). */
export function objectsOf(world: World): KubeObject[] {
  return JSON.parse(JSON.stringify(world.objects())) as KubeObject[];
}

/** treeOf renders the `get rollout` text of the world's first Rollout, as `--get` does. */
export function treeOf(world: World): string {
  const objects = objectsOf(world) as unknown as { kind: string }[];
  const of = <T>(kind: string) => objects.filter((o) => o.kind === kind) as unknown as T[];
  const rollout = of<Rollout>('Rollout')[0];
  if (!rollout) return '';
  return renderRolloutTree(
    rolloutInfo(
      rollout,
      {
        replicaSets: of<ReplicaSet>('ReplicaSet'),
        pods: of('Pod'),
        analysisRuns: of('AnalysisRun'),
        experiments: of('Experiment'),
        jobs: of('Job'),
      } as never,
      DEFAULT_EPOCH_MS + world.now(),
    ),
    { color: false },
  );
}

/** The getting-started canary parked at the indefinite pause: one yellow pod of five. */
export function canaryPausedWorld(): World {
  return runTo(
    withScript(blueToYellowText, [
      'waitFor: { status: Healthy }',
      'setImage: { image: argoproj/rollouts-demo:yellow }',
      'waitFor: { status: Paused, step: 1 }',
      'wait: 3s',
    ]),
    'simulations/blue-to-yellow.yaml',
  );
}

/** The canary in the middle of its timed steps (40%, pod startup under way). */
export function canaryProgressingWorld(): World {
  return runTo(
    withScript(blueToYellowText, [
      'waitFor: { status: Healthy }',
      'setImage: { image: argoproj/rollouts-demo:yellow }',
      'waitFor: { status: Paused, step: 1 }',
      'promote: {}',
      'wait: 1s',
    ]),
    'simulations/blue-to-yellow.yaml',
  );
}

/** Blue-green paused with green behind the preview service. */
export function blueGreenPreviewWorld(): World {
  return runTo(
    withScript(bluegreenText, [
      'waitFor: { status: Healthy, activeRevision: 1 }',
      'setImage: { image: argoproj/rollouts-demo:green }',
      'waitFor: { status: Paused, previewRevision: 2 }',
    ]),
    'simulations/bluegreen-preview.yaml',
  );
}

/** The manifest part of blue-to-yellow as a standalone multi-document YAML (for the editor). */
export const ROLLOUT_YAML = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: rollouts-demo
spec:
  replicas: 5
  revisionHistoryLimit: 2
  selector:
    matchLabels:
      app: rollouts-demo
  strategy:
    canary:
      steps:
        - setWeight: 20
        - pause: {}
        - setWeight: 40
        - pause: { duration: 10 }
        - setWeight: 60
        - pause: { duration: 10 }
        - setWeight: 80
        - pause: { duration: 10 }
  template:
    metadata:
      labels:
        app: rollouts-demo
    spec:
      containers:
        - name: rollouts-demo
          image: argoproj/rollouts-demo:blue
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: rollouts-demo
spec:
  selector:
    app: rollouts-demo
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
`;

/** The same Rollout with three mistakes Argo's lint reports (unknown field, bad weight, replicas). */
export const BROKEN_ROLLOUT_YAML = ROLLOUT_YAML.replace('replicas: 5', 'replicas: -1')
  .replace('setWeight: 40', 'setWeight: 140')
  .replace('revisionHistoryLimit: 2', 'revisionHistoryLimit: 2\n  stratgy: {}');
