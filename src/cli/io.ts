/**
 * The I/O a CLI command gets, so commands are testable without spawning a process.
 * Commands return their exit code (0 ok, 1 failed check, 2 usage or input error) and never call
 * process.exit themselves.
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Whether stdout is a colour-capable terminal. */
  readonly isTTY: boolean;
}

/** A command: argv after the verb, e.g. ['-f', 'a.yaml'] for `rollout-lab lint -f a.yaml`. */
export type Command = (argv: readonly string[], io: CliIO) => number | Promise<number>;

/** Collects output in memory; used by tests. */
export function createMemoryIO(
  cwd: string = process.cwd(),
): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd,
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
