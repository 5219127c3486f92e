/**
 * `rollout-lab` entry: parses the verb and hands the rest of argv to that command.
 * Node-only (architecture.md section 2, rule 4): never imported by browser code.
 * Exit codes: 0 ok, 1 a check failed, 2 usage or input error.
 */
import type { CliIO, Command } from './io';
import { lintCommand } from './lint';
import { getCommand } from './get';
import { runCommand } from './run';
import { analyzeCommand } from './analyze';

interface Verb {
  readonly summary: string;
  readonly usage: string;
  readonly run: Command;
}

const VERBS: Readonly<Record<string, Verb>> = {
  lint: {
    summary: 'Lint Argo Rollouts manifests, as `kubectl argo rollouts lint` does',
    usage: 'rollout-lab lint -f FILE [-f FILE...]',
    run: lintCommand,
  },
  run: {
    summary: 'Run a scenario file headless and check its expectations',
    usage: 'rollout-lab run FILE [--json] [--seed N] [--repeat N] [--get] [--watch]',
    run: runCommand,
  },
  analyze: {
    summary:
      "Run analysis templates against a scenario's simulated traffic and print each measurement",
    usage:
      'rollout-lab analyze -f TEMPLATE.yaml --scenario FILE [--arg name=value]... [--json] [--allow-http]',
    run: analyzeCommand,
  },
  get: {
    summary: 'Print a rollout tree from recorded objects, as `kubectl argo rollouts get rollout`',
    usage: 'rollout-lab get rollout NAME -f PATH [-f PATH...] [--no-color] [--now RFC3339]',
    run: getCommand,
  },
};

/** helpText lists the verbs that exist today. */
export function helpText(): string {
  const width = Math.max(...Object.keys(VERBS).map((v) => v.length));
  const lines = Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(width)}  ${v.summary}`);
  const usages = Object.values(VERBS).map((v) => `  ${v.usage}`);
  return [
    'rollout-lab: a deterministic simulator and teaching sandbox for Argo Rollouts',
    '',
    'Usage: rollout-lab <verb> [flags]',
    '',
    'Verbs:',
    ...lines,
    '',
    'Examples:',
    ...usages,
    '',
    'Exit codes: 0 ok, 1 a check failed, 2 usage or input error.',
    '',
  ].join('\n');
}

function nodeIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/** main runs one CLI invocation and returns its exit code. */
export async function main(argv: readonly string[], io: CliIO = nodeIO()): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.stdout(helpText());
    return verb === undefined ? 2 : 0;
  }
  const entry = VERBS[verb];
  if (!entry) {
    io.stderr(`rollout-lab: unknown verb "${verb}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${entry.usage}\n`);
    return 0;
  }
  try {
    return await entry.run(rest, io);
  } catch (err) {
    // Last line of defence: a bug must still read as a message, not a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`rollout-lab ${verb}: internal error: ${message}\n`);
    return 2;
  }
}
