/**
 * `rollout-lab analyze -f TEMPLATE.yaml --scenario FILE [--arg k=v]... [--json]`: runs analysis
 * templates on their own against a scenario's simulated traffic, as `kubectl argo rollouts create
 * analysisrun --from-file` would on a cluster, printing each measurement and the run's phase
 * (argo-rollouts #1994). The scenario's script runs alongside, so the traffic it describes flows.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, dirname } from 'node:path';
import { newAnalysisRunFromTemplates } from '../kernels';
import { formatIssue, loadAndCheck, type AnalysisRun } from '../model';
import {
  checkScenarioManifests,
  parseScenario,
  runScript,
  settleInitialDeploy,
  worldFor,
} from '../scenario';
import { DEFAULT_EPOCH_MS, epochMsFromRfc3339 } from '../sim';
import { realHttpGet } from './http';
import type { Command } from './io';

const USAGE =
  'Usage: rollout-lab analyze -f TEMPLATE.yaml --scenario FILE [--arg name=value]... [--json]\n';
const COMPLETED = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);
/** How long an analysis may run after the script ended before we stop waiting (virtual). */
const AFTER_SCRIPT_LIMIT_MS = 60 * 60_000;

interface AnalyzeArgs {
  files: string[];
  scenario: string;
  args: { name: string; value: string }[];
  json: boolean;
  /** Let Web metrics reach URLs outside the simulated world (real network). */
  allowHttp: boolean;
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | { error: string } {
  const files: string[] = [];
  const args: { name: string; value: string }[] = [];
  let scenario: string | undefined;
  let json = false;
  let allowHttp = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '-f' || a === '--filename') {
      const v = next();
      if (!v) return { error: `${a} needs a file` };
      files.push(v);
    } else if (a === '--scenario') {
      scenario = next();
      if (!scenario) return { error: '--scenario needs a file' };
    } else if (a === '--arg' || a === '-a') {
      const v = next() ?? '';
      const eq = v.indexOf('=');
      if (eq <= 0) return { error: `--arg needs name=value, got "${v}"` };
      args.push({ name: v.slice(0, eq), value: v.slice(eq + 1) });
    } else if (a === '--json') json = true;
    else if (a === '--allow-http') allowHttp = true;
    else return { error: `unexpected argument "${a}"` };
  }
  if (files.length === 0) return { error: 'no template given: use -f TEMPLATE.yaml' };
  if (!scenario)
    return { error: 'no scenario given: use --scenario FILE (its traffic is what gets measured)' };
  return { files, scenario, args, json, allowHttp };
}

function read(path: string): string | { error: string } {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    return { error: (err as { code?: string }).code === 'ENOENT' ? 'no such file' : String(err) };
  }
}

const tSeconds = (stamp: unknown) => {
  const ms = typeof stamp === 'string' ? epochMsFromRfc3339(stamp) : undefined;
  return ms === undefined ? '?' : `${((ms - DEFAULT_EPOCH_MS) / 1000).toFixed(0)}s`;
};

export const analyzeCommand: Command = (argv, io) => {
  const parsed = parseAnalyzeArgs(argv);
  if ('error' in parsed) {
    io.stderr(`rollout-lab analyze: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  // Templates (AnalysisTemplate / ClusterAnalysisTemplate), checked like lint.
  const templates: { spec: NonNullable<AnalysisRun['spec']> }[] = [];
  const clusterTemplates: { spec: NonNullable<AnalysisRun['spec']> }[] = [];
  for (const file of parsed.files) {
    const abs = resolve(io.cwd, file);
    const text = read(abs);
    if (typeof text !== 'string') {
      io.stderr(`${file}: cannot read: ${text.error}\n`);
      return 2;
    }
    const checked = loadAndCheck(text, relative(io.cwd, abs) || file);
    const errors = checked.issues.filter((i) => i.severity === 'error');
    if (errors.length) {
      for (const issue of errors) io.stderr(`${formatIssue(issue)}\n`);
      return 2;
    }
    for (const obj of checked.objects) {
      if (obj.kind === 'AnalysisTemplate') templates.push(obj.object as never);
      else if (obj.kind === 'ClusterAnalysisTemplate') clusterTemplates.push(obj.object as never);
    }
  }
  if (templates.length + clusterTemplates.length === 0) {
    io.stderr(
      'rollout-lab analyze: the files hold no AnalysisTemplate or ClusterAnalysisTemplate\n',
    );
    return 2;
  }
  // The scenario whose traffic is measured.
  const scenarioPath = resolve(io.cwd, parsed.scenario);
  const scenarioText = read(scenarioPath);
  if (typeof scenarioText !== 'string') {
    io.stderr(`${parsed.scenario}: cannot read: ${scenarioText.error}\n`);
    return 2;
  }
  const readFile = (p: string) => {
    const t = read(resolve(dirname(scenarioPath), p));
    return typeof t === 'string' ? t : undefined;
  };
  const sc = parseScenario(
    scenarioText,
    relative(io.cwd, scenarioPath) || parsed.scenario,
    readFile,
  );
  const scIssues = sc.scenario ? checkScenarioManifests(sc.scenario) : sc.issues;
  if (!sc.scenario || scIssues.some((i) => i.severity === 'error')) {
    for (const issue of scIssues) io.stderr(`${formatIssue(issue)}\n`);
    return 2;
  }
  const run = newAnalysisRunFromTemplates(
    templates,
    clusterTemplates,
    parsed.args,
    undefined,
    undefined,
    {
      name: 'analyze',
      namespace: sc.scenario.namespace,
    },
  );
  if (run.kind === 'error') {
    io.stderr(`rollout-lab analyze: ${run.message}\n`);
    return 2;
  }
  const world = worldFor(sc.scenario, sc.scenario.seed, {
    traffic: true,
    ...(parsed.allowHttp ? { externalHttpGet: realHttpGet } : {}),
  });
  settleInitialDeploy(world);
  world.apply([run.value as never]);
  world.settle();

  const printed = new Set<string>();
  const current = () =>
    world.objects().find((o) => o.kind === 'AnalysisRun' && o.metadata?.name === 'analyze') as
      AnalysisRun | undefined;
  const report = () => {
    for (const result of current()?.status?.metricResults ?? []) {
      (result.measurements ?? []).forEach((m, i) => {
        if (!m.finishedAt) return;
        const key = `${result.name}#${i}#${m.finishedAt}`;
        if (printed.has(key)) return;
        printed.add(key);
        if (parsed.json) {
          io.stdout(
            `${JSON.stringify({ kind: 'measurement', metric: result.name, t: tSeconds(m.finishedAt), value: m.value ?? null, phase: m.phase, message: m.message ?? null })}\n`,
          );
        } else {
          const msg = m.message ? `  (${m.message})` : '';
          io.stdout(
            `${tSeconds(m.finishedAt).padStart(6)}  ${result.name}  ${m.phase}  value=${m.value ?? ''}${msg}\n`,
          );
        }
      });
    }
  };
  const done = () => COMPLETED.has(current()?.status?.phase ?? '');
  runScript(sc.scenario, world, { onObserve: () => (done() ? undefined : report()) });
  const end = world.now() + AFTER_SCRIPT_LIMIT_MS;
  while (!done()) {
    const next = world.nextEventAt();
    if (next === undefined || next > end) break;
    world.advanceTo(next);
    report();
  }
  report();
  const final = current();
  const phase = final?.status?.phase ?? 'Running';
  const message = final?.status?.message ?? '';
  if (parsed.json) io.stdout(`${JSON.stringify({ kind: 'analysisRun', phase, message })}\n`);
  else io.stdout(`AnalysisRun ${phase}${message ? `: ${message}` : ''}\n`);
  world.dispose();
  return phase === 'Successful' ? 0 : 1;
};
