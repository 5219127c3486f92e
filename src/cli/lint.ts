/**
 * `rollout-lab lint -f FILE [-f FILE...]`: Argo's `kubectl argo rollouts lint`, reporting every
 * problem as `file:line:column: path: message` instead of stopping at the first.
 * Mirrors pkg/kubectl-argo-rollouts/cmd/lint/lint.go (strict unknown fields, referenced resources).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ValidationIssue } from '../model';
import { MAX_MANIFEST_CHARS, formatIssue, loadAndCheck } from '../model';
import type { CliIO, Command } from './io';

const USAGE = 'Usage: rollout-lab lint -f FILE [-f FILE...]\n';

/** parseLintArgs returns the files named with -f/--filename, or an error message. */
export function parseLintArgs(argv: readonly string[]): { files: string[] } | { error: string } {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-f' || arg === '--filename') {
      const value = argv[i + 1];
      if (value === undefined || value === '') return { error: `flag ${arg} needs a file name` };
      files.push(value);
      i++;
    } else if (arg.startsWith('--filename=')) {
      files.push(arg.slice('--filename='.length));
    } else if (arg.startsWith('-f') && arg.length > 2) {
      files.push(arg.slice(2));
    } else {
      return { error: `unexpected argument "${arg}"` };
    }
  }
  if (files.length === 0) return { error: 'no file given: use -f FILE' };
  return { files };
}

type ReadResult = { kind: 'ok'; text: string } | { kind: 'error'; message: string };

function readManifest(path: string): ReadResult {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { kind: 'error', message: 'is a directory, not a file' };
    size = st.size;
  } catch (err) {
    return { kind: 'error', message: describeFsError(err) };
  }
  if (size > MAX_MANIFEST_CHARS) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return {
      kind: 'error',
      message: `file is too large to be a manifest (${mb(size)} MB; the limit is ${mb(MAX_MANIFEST_CHARS)} MB)`,
    };
  }
  try {
    return { kind: 'ok', text: readFileSync(path, 'utf8') };
  } catch (err) {
    return { kind: 'error', message: describeFsError(err) };
  }
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return err instanceof Error ? err.message : String(err);
}

function summarise(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}${n > 1 ? 's' : ''}`).join(', ');
}

/** lintCommand lints each file and prints every issue; exit 0 clean, 1 issues, 2 usage/unreadable. */
export const lintCommand: Command = (argv, io: CliIO) => {
  const parsed = parseLintArgs(argv);
  if ('error' in parsed) {
    io.stderr(`rollout-lab lint: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  let unreadable = false;
  let issues: ValidationIssue[] = [];
  const clean: string[] = [];
  for (const file of parsed.files) {
    const abs = resolve(io.cwd, file);
    const shown = relative(io.cwd, abs) || file;
    const read = readManifest(abs);
    if (read.kind === 'error') {
      io.stderr(`${shown}: cannot lint: ${read.message}\n`);
      unreadable = true;
      continue;
    }
    const result = loadAndCheck(read.text, shown);
    const errors = result.issues.filter((i) => i.severity === 'error');
    issues = issues.concat(result.issues);
    if (errors.length === 0)
      clean.push(`${shown}: ${summarise(result.objects.map((o) => o.kind)) || 'no objects'}`);
  }
  for (const issue of issues) {
    const line = `${issue.severity === 'warning' ? 'warning: ' : ''}${formatIssue(issue)}\n`;
    if (issue.severity === 'error') io.stdout(line);
    else io.stderr(line);
  }
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  if (errorCount > 0) {
    io.stderr(`rollout-lab lint: ${errorCount} problem${errorCount > 1 ? 's' : ''} found\n`);
  }
  // An unreadable file is an input error (2) even when other files had problems (1).
  if (unreadable) return 2;
  if (errorCount > 0) return 1;
  io.stdout(`✔ manifests are valid (${clean.join('; ')})\n`);
  return 0;
};
