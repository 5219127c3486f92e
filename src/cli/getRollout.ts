/**
 * `rollout-lab get rollout NAME -f PATH…`: prints the rollout tree of recorded objects exactly as
 * `kubectl argo rollouts get rollout NAME` prints it from a cluster. Mirrors argo-rollouts
 * pkg/kubectl-argo-rollouts/cmd/get/get_rollout.go with the informers replaced by files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { epochMsFromRfc3339, renderRolloutTree, rolloutInfo } from '../info';
import type { RolloutObjects } from '../info';
import type { Deployment, Rollout } from '../model/k8s';
import type { Command } from './io';

const USAGE =
  'Usage: rollout-lab get rollout NAME -f PATH [-f PATH...] [-n NAMESPACE] [--no-color] [--now RFC3339]\n' +
  '  (aliases: ro, rollouts) -f takes files or directories (*.yaml, *.yml, *.json)\n';

const ROLLOUT_ALIASES = new Set(['rollout', 'ro', 'rollouts']);
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** What `get rollout` was asked to do. */
export interface GetRolloutArgs {
  readonly name: string;
  readonly paths: readonly string[];
  readonly noColor: boolean;
  /** Epoch ms of `--now`, when given. */
  readonly nowMs?: number;
  readonly namespace?: string;
}

/** One loaded object, typed only as far as selection needs. */
interface LooseObject {
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown };
  items?: unknown;
}

/**
 * `parseGetRolloutArgs` reads `['rollout', NAME, flags…]` (the argv after `get`), accepting
 * `-f PATH`, `-fPATH`, `--filename[=]PATH`, `-n`/`--namespace`, `--no-color` and `--now[=]TIME`.
 */
export function parseGetRolloutArgs(
  argv: readonly string[],
): { args: GetRolloutArgs } | { error: string } {
  const [resource, ...rest] = argv;
  if (resource === undefined || !ROLLOUT_ALIASES.has(resource)) {
    return { error: `unknown resource "${resource ?? ''}" (only rollout, ro, rollouts)` };
  }
  const positional: string[] = [];
  const paths: string[] = [];
  let noColor = false;
  let nowText: string | undefined;
  let namespace: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const takeValue = (flag: string): string | { error: string } => {
      const value = rest[i + 1];
      if (value === undefined || value === '') return { error: `flag ${flag} needs a value` };
      i++;
      return value;
    };
    let value: string | { error: string } | undefined;
    if (arg === '-f' || arg === '--filename') {
      value = takeValue(arg);
      if (typeof value === 'string') paths.push(value);
    } else if (arg.startsWith('--filename=')) {
      paths.push(arg.slice('--filename='.length));
    } else if (arg.startsWith('-f') && arg.length > 2) {
      paths.push(arg.slice(2));
    } else if (arg === '-n' || arg === '--namespace') {
      value = takeValue(arg);
      if (typeof value === 'string') namespace = value;
    } else if (arg.startsWith('--namespace=')) {
      namespace = arg.slice('--namespace='.length);
    } else if (arg === '--no-color') {
      noColor = true;
    } else if (arg === '--now') {
      value = takeValue(arg);
      if (typeof value === 'string') nowText = value;
    } else if (arg.startsWith('--now=')) {
      nowText = arg.slice('--now='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown flag: ${arg}` };
    } else {
      positional.push(arg);
    }
    if (typeof value === 'object') return value;
  }
  if (positional.length !== 1) {
    return {
      error: positional.length === 0 ? 'missing rollout NAME' : 'expected exactly one NAME',
    };
  }
  if (paths.length === 0) return { error: 'no objects given: use -f PATH' };
  let nowMs: number | undefined;
  if (nowText !== undefined) {
    nowMs = epochMsFromRfc3339(nowText);
    if (nowMs === undefined) return { error: `--now: "${nowText}" is not an RFC 3339 time` };
  }
  return { args: { name: positional[0], paths, noColor, nowMs, namespace } };
}

/** A file or directory that could not be read, named as the user gave it. */
class InputError extends Error {}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Files named by `-f`: a file as is, a directory as its manifest files in name order. */
function expandPaths(cwd: string, paths: readonly string[]): { shown: string; abs: string }[] {
  const files: { shown: string; abs: string }[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    try {
      if (statSync(abs).isDirectory()) {
        const names = readdirSync(abs)
          .filter((n) => MANIFEST_FILE.test(n))
          .sort();
        for (const n of names) {
          if (statSync(join(abs, n)).isFile()) files.push({ shown: join(p, n), abs: join(abs, n) });
        }
      } else {
        files.push({ shown: p, abs });
      }
    } catch (err) {
      throw new InputError(`${p}: ${describeFsError(err)}`);
    }
  }
  return files;
}

/** Every object of a file; `kind: List` documents (as `kubectl get -o yaml` writes) are unpacked. */
function objectsOfFile(file: { shown: string; abs: string }): LooseObject[] {
  let text: string;
  try {
    text = readFileSync(file.abs, 'utf8');
  } catch (err) {
    throw new InputError(`${file.shown}: ${describeFsError(err)}`);
  }
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: LooseObject[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) throw new InputError(`${file.shown}: ${doc.errors[0].message}`);
    const value: unknown = doc.toJS();
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const obj = value as LooseObject;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items as unknown[]) {
        if (item !== null && typeof item === 'object') out.push(item);
      }
    } else {
      out.push(obj);
    }
  }
  return out;
}

function namespaceOf(obj: LooseObject): string {
  const ns = obj.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

/**
 * `getRolloutCommand` loads the objects, picks the named Rollout and prints its tree. Exit 0 when
 * printed, 1 when no such Rollout, 2 for bad flags or unreadable input. Colour only on a terminal,
 * without `--no-color`, and not with `TERM=dumb` (as the plugin).
 */
export const getRolloutCommand: Command = (argv, io) => {
  const parsed = parseGetRolloutArgs(argv);
  if ('error' in parsed) {
    io.stderr(`rollout-lab get rollout: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { args } = parsed;
  let objects: LooseObject[];
  try {
    objects = expandPaths(io.cwd, args.paths).flatMap(objectsOfFile);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stderr(`rollout-lab get rollout: ${err.message}\n`);
    return 2;
  }

  const found = objects.find(
    (o) =>
      o.kind === 'Rollout' &&
      o.metadata?.name === args.name &&
      (args.namespace === undefined || namespaceOf(o) === args.namespace),
  ) as Rollout | undefined;
  if (!found) {
    io.stderr(`Error: rollout.argoproj.io "${args.name}" not found\n`);
    return 1;
  }
  // A hand-written Rollout may lack a spec; the view model reads it unconditionally.
  const rollout: Rollout = { ...found, spec: found.spec ?? {} };
  // The plugin's informers watch one namespace: the rollout's.
  const ns = namespaceOf(rollout);
  const inNs = objects.filter((o) => namespaceOf(o) === ns);
  const ofKind = <T>(kind: string): T[] => inNs.filter((o) => o.kind === kind) as T[];
  const workloadRefName = rollout.spec?.workloadRef?.name;
  const inputs: RolloutObjects = {
    replicaSets: ofKind('ReplicaSet'),
    pods: ofKind('Pod'),
    analysisRuns: ofKind('AnalysisRun'),
    experiments: ofKind('Experiment'),
    jobs: ofKind('Job'),
    workloadRef:
      workloadRefName === undefined
        ? undefined
        : ofKind<Deployment>('Deployment').find((d) => d.metadata?.name === workloadRefName),
  };
  const nowMs = args.nowMs ?? Date.now();
  const color = io.isTTY && !args.noColor && process.env.TERM !== 'dumb';
  io.stdout(renderRolloutTree(rolloutInfo(rollout, inputs, nowMs), { color }));
  return 0;
};
