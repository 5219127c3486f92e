/**
 * Scenario to result: checks a parsed scenario's manifests like `kubectl apply` plus Argo's
 * validation, refuses what the engine cannot simulate yet, builds the world, brings the first
 * revision to Healthy and runs the script. Used by the CLI, the tests and (later) the store.
 * Rule: deterministic; the same scenario and seed give byte-identical records.
 */
import { checkObjects, loadManifests, sortIssues, type ValidationIssue } from '../model';
import { unsupportedRouters } from '../traffic';
import { createWorld, type World, type WorldOptions } from './createWorld';
import { createRolloutRecorder, recordLine, summaryLine } from './jsonLines';
import { issueInManifest } from './parse';
import { runScript, type RunResult } from './run';
import type { Scenario, ScenarioManifest } from './types';

/** How long the implicit first apply may take to reach Healthy before the script starts anyway. */
export const INITIAL_DEPLOY_LIMIT_MS = 10 * 60_000;

function issueAt(
  manifest: ScenarioManifest,
  path: string,
  code: string,
  message: string,
): ValidationIssue {
  const base: ValidationIssue = {
    file: manifest.file,
    line: 0,
    column: 0,
    path,
    code,
    message,
    severity: 'error',
    object: `${manifest.kind}/${manifest.name}`,
  };
  return issueInManifest(manifest, base);
}

/**
 * unsupportedFeatures lists what a manifest asks for that the engine does not simulate yet; such a
 * scenario is refused at load with a clear message, never run with the feature silently skipped.
 */
export function unsupportedFeatures(
  object: Record<string, unknown>,
): { path: string; message: string }[] {
  if (object.kind !== 'Rollout') return [];
  const spec = (object.spec ?? {}) as {
    strategy?: {
      canary?: {
        steps?: Record<string, unknown>[];
        analysis?: unknown;
        pingPong?: unknown;
        trafficRouting?: unknown;
      };
      blueGreen?: { prePromotionAnalysis?: unknown; postPromotionAnalysis?: unknown };
    };
  };
  const out: { path: string; message: string }[] = [];
  const canary = spec.strategy?.canary;
  (canary?.steps ?? []).forEach((step, i) => {
    if (step && typeof step === 'object') {
      if ('plugin' in step) {
        out.push({
          path: `spec.strategy.canary.steps[${i}].plugin`,
          message: 'step plugins run third-party code and cannot be simulated',
        });
      }
    }
  });
  if (canary?.pingPong)
    out.push({
      path: 'spec.strategy.canary.pingPong',
      message: 'ping-pong services are not simulated yet',
    });
  if (canary?.trafficRouting) {
    for (const router of unsupportedRouters(object as never)) {
      out.push({
        path: 'spec.strategy.canary.trafficRouting',
        message: `the ${router} traffic router is not simulated`,
      });
    }
  }
  return out;
}

/** checkScenarioManifests runs the lint checks on every manifest and the engine's refusals, positioned in the scenario file. */
export function checkScenarioManifests(scenario: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const loaded = scenario.manifests.map((m) => loadManifests(JSON.stringify(m.object), m.file));
  const objects = loaded.flatMap((l) => l.objects);
  const byObject = new Map(objects.map((o, i) => [o, scenario.manifests[i]]));
  const checked = [...loaded.flatMap((l) => l.issues), ...checkObjects(objects)];
  for (const issue of checked) {
    if (issue.severity !== 'error') continue;
    const owner = objects.find((o) => `${o.kind}/${o.name}` === issue.object) ?? objects[0];
    const manifest = owner ? byObject.get(owner) : undefined;
    if (!manifest) continue;
    issues.push(issueAt(manifest, issue.path, issue.code, issue.message));
  }
  scenario.manifests.forEach((m) => {
    for (const u of unsupportedFeatures(m.object))
      issues.push(issueAt(m, u.path, 'scenario.unsupported', u.message));
  });
  return sortIssues(issues);
}

/** worldFor creates the world of a scenario (manifests applied, nothing run yet). */
export function worldFor(
  scenario: Scenario,
  seed: number = scenario.seed,
  opts: { traffic?: boolean; externalHttpGet?: WorldOptions['externalHttpGet'] } = {},
): World {
  return createWorld({
    ...(opts.externalHttpGet ? { externalHttpGet: opts.externalHttpGet } : {}),
    seed,
    namespace: scenario.namespace,
    manifests: scenario.manifests.map((m) => m.object),
    versions: scenario.versions,
    cluster: scenario.cluster,
    requestsPerSecond: scenario.traffic.requestsPerSecond,
    ...(scenario.traffic.headers ? { headerShares: scenario.traffic.headers } : {}),
    analysis: scenario.analysis,
    traffic: opts.traffic ?? needsTraffic(scenario),
  });
}

/**
 * needsTraffic: a scenario whose analysis could read request series, or whose script checks the
 * error rate, gets simulated traffic; others skip it (fewer events, faster runs).
 */
export function needsTraffic(scenario: Scenario): boolean {
  const analysis = scenario.manifests.some(
    (m) => m.kind === 'AnalysisTemplate' || m.kind === 'ClusterAnalysisTemplate',
  );
  const errorRate = scenario.script.some((step) =>
    JSON.stringify(step.written ?? '').includes('errorRate'),
  );
  return analysis || errorRate;
}

/** settleInitialDeploy advances until every Rollout is Healthy or Degraded (bounded), like waiting after `kubectl apply`. */
export function settleInitialDeploy(
  world: World,
  limitMs = INITIAL_DEPLOY_LIMIT_MS,
  onStep?: () => void,
): void {
  const end = world.now() + limitMs;
  const done = () =>
    world
      .objects()
      .filter((o) => o.kind === 'Rollout')
      .every((o) => {
        const phase = (o.status as { phase?: string } | undefined)?.phase;
        return phase === 'Healthy' || phase === 'Degraded';
      });
  while (!done()) {
    const next = world.nextEventAt();
    if (next === undefined || next > end) return;
    world.advanceTo(next);
    onStep?.();
  }
}

export interface ScenarioRun {
  readonly result: RunResult;
  /** The `--json` lines: rollout changes then the summary. */
  readonly lines: readonly string[];
  readonly world: World;
}

/** runScenario runs a checked scenario with `seed` and returns its result and JSON lines. */
export function runScenario(
  scenario: Scenario,
  seed: number = scenario.seed,
  opts: {
    onObserve?: (world: World) => void;
    externalHttpGet?: WorldOptions['externalHttpGet'];
  } = {},
): ScenarioRun {
  const world = worldFor(
    scenario,
    seed,
    opts.externalHttpGet ? { externalHttpGet: opts.externalHttpGet } : {},
  );
  const recorder = createRolloutRecorder();
  const lines: string[] = [];
  const observe = () => {
    for (const record of recorder.record(world.objects(), world.now()))
      lines.push(recordLine(record));
    opts.onObserve?.(world);
  };
  observe();
  settleInitialDeploy(world, INITIAL_DEPLOY_LIMIT_MS, observe);
  const result = runScript(scenario, world, { onObserve: observe });
  lines.push(summaryLine(result));
  return { result, lines, world };
}
