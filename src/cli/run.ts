/**
 * `rollout-lab run FILE [--json] [--seed N] [--repeat N] [--get] [--watch]`: runs a scenario
 * headless per ../shared/design/scenario-format.md. Exit 0 all checks held, 1 a check failed,
 * 2 not a valid scenario. Wall time is measured here only (CLI), never in the simulation.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIssue, type ValidationIssue } from '../model';
import {
  aggregateLine,
  aggregateOf,
  aggregateWords,
  checkScenarioManifests,
  formatFailure,
  parseScenario,
  runScenario,
  type RunResult,
  type World,
} from '../scenario';
import { renderWorldRollout } from './renderTree';
import { realHttpGet } from './http';
import type { CliIO, Command } from './io';

const USAGE =
  'Usage: rollout-lab run FILE [--json] [--seed N] [--repeat N] [--get] [--watch] [--allow-http]\n';

interface RunArgs {
  file: string;
  json: boolean;
  seed?: number;
  repeat: number;
  get: boolean;
  watch: boolean;
  /** Let Web metrics reach URLs outside the simulated world (real network). */
  allowHttp: boolean;
}

/** parseRunArgs reads the run verb's flags, or says what is wrong. */
export function parseRunArgs(argv: readonly string[]): RunArgs | { error: string } {
  let file: string | undefined;
  const args: Omit<RunArgs, 'file'> = {
    json: false,
    repeat: 1,
    get: false,
    watch: false,
    allowHttp: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--json') args.json = true;
    else if (flag === '--get') args.get = true;
    else if (flag === '--watch' || flag === '-w') args.watch = true;
    else if (flag === '--allow-http') args.allowHttp = true;
    else if (flag === '--seed' || flag === '--repeat') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return { error: `${flag} needs a whole number` };
      if (flag === '--seed') args.seed = Number(v);
      else if (Number(v) < 1) return { error: '--repeat needs a number of runs ≥ 1' };
      else args.repeat = Number(v);
    } else if (a.startsWith('-')) return { error: `unknown flag "${a}"` };
    else if (file === undefined) file = a;
    else return { error: `unexpected argument "${a}"` };
  }
  if (file === undefined) return { error: 'no scenario file given' };
  return { file, ...args };
}

function readText(path: string): string | { error: string } {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: 'is a directory, not a scenario file' };
    if (st.size > 5 * 1024 * 1024)
      return { error: 'file is too large to be a scenario (limit 5 MB)' };
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    return {
      error: code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err),
    };
  }
}

function printIssues(io: CliIO, issues: readonly ValidationIssue[]): void {
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
  io.stderr(
    `rollout-lab run: not a valid scenario (${issues.length} problem${issues.length === 1 ? '' : 's'})\n`,
  );
}

export const runCommand: Command = (argv, io) => {
  const args = parseRunArgs(argv);
  if ('error' in args) {
    io.stderr(`rollout-lab run: ${args.error}\n${USAGE}`);
    return 2;
  }
  const abs = resolve(io.cwd, args.file);
  const shown = relative(io.cwd, abs) || args.file;
  const text = readText(abs);
  if (typeof text !== 'string') {
    io.stderr(`${shown}: cannot run: ${text.error}\n`);
    return 2;
  }
  const base = dirname(abs);
  const readFile = (path: string) => {
    const t = readText(resolve(base, path));
    return typeof t === 'string' ? t : undefined;
  };
  const parsed = parseScenario(text, shown, readFile);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (!parsed.scenario || errors.length > 0) {
    printIssues(io, errors.length ? errors : parsed.issues);
    return 2;
  }
  const scenario = parsed.scenario;
  const manifestIssues = checkScenarioManifests(scenario);
  if (manifestIssues.length > 0) {
    printIssues(io, manifestIssues);
    return 2;
  }

  const firstSeed = args.seed ?? scenario.seed;
  const results: RunResult[] = [];
  const started = performance.now();
  for (let r = 0; r < args.repeat; r++) {
    const seed = firstSeed + r;
    let lastTree = '';
    const onObserve = args.watch
      ? (world: World) => {
          const tree = renderWorldRollout(world, false);
          if (tree !== lastTree) {
            lastTree = tree;
            io.stdout(`--- t=${world.now()}ms\n${tree}\n`);
          }
        }
      : undefined;
    const run = runScenario(scenario, seed, {
      ...(onObserve ? { onObserve } : {}),
      ...(args.allowHttp ? { externalHttpGet: realHttpGet } : {}),
    });
    results.push(run.result);
    if (args.json) for (const line of run.lines) io.stdout(`${line}\n`);
    else if (args.repeat === 1) {
      io.stdout(
        run.result.passed
          ? `✔ ${scenario.name}: every check held (virtual time ${run.result.virtualTimeMs} ms, seed ${seed})\n`
          : `✖ ${scenario.name} (seed ${seed}): ${formatFailure(run.result.failure!)}\n`,
      );
    } else if (!run.result.passed) {
      io.stdout(`✖ seed ${seed}: ${formatFailure(run.result.failure!)}\n`);
    }
    if (args.get) io.stdout(`${renderWorldRollout(run.world, io.isTTY)}\n`);
    run.world.dispose();
  }
  const wallMs = performance.now() - started;
  if (args.repeat > 1) {
    const aggregate = aggregateOf(results, Math.round(wallMs));
    io.stdout(args.json ? `${aggregateLine(aggregate)}\n` : `${aggregateWords(aggregate)}\n`);
  }
  return results.every((r) => r.passed) ? 0 : 1;
};
