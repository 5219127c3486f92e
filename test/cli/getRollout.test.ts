/**
 * Golden test of `rollout-lab get rollout` against the output the Argo Rollouts kubectl plugin
 * prints for the same recorded objects (../shared/reference/get-rollout/canary). Every object's
 * creationTimestamp is rewritten to one instant T and the command runs at T + 7 days, as the
 * plugin's own test does; trailing spaces on each line are not significant.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { getRolloutCommand } from '../../src/cli/getRollout';
import { createMemoryIO } from '../../src/cli/io';
import type { CliIO } from '../../src/cli/io';

const REFERENCE = path.resolve(__dirname, '../../../shared/reference/get-rollout');
const CANARY = path.join(REFERENCE, 'canary');
const T = '2024-03-01T12:00:00Z';
const T_PLUS_7D = '2024-03-08T12:00:00Z';

const stripTrailingSpaces = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/ +$/, ''))
    .join('\n');

describe.skipIf(!existsSync(CANARY))(
  'get rollout: golden output of the kubectl plugin (needs ../shared/reference/get-rollout)',
  () => {
    let dir = '';

    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'get-rollout-'));
      for (const file of readdirSync(CANARY).filter((f) => /\.ya?ml$/.test(f))) {
        const docs = parseAllDocuments(readFileSync(path.join(CANARY, file), 'utf8'));
        const rewritten = (Array.isArray(docs) ? docs : [docs]).map((doc) => {
          const obj = doc.toJS();
          obj.metadata.creationTimestamp = T;
          return stringify(obj);
        });
        writeFileSync(path.join(dir, file), rewritten.join('---\n'));
      }
    });

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('prints canary-demo exactly as the plugin does (modulo trailing spaces)', async () => {
      const io = createMemoryIO(dir);
      const code = await getRolloutCommand(
        ['rollout', 'canary-demo', '-f', dir, '--no-color', '--now', T_PLUS_7D],
        io,
      );
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      const expected = readFileSync(path.join(CANARY, 'expected-no-color.txt'), 'utf8');
      expect(stripTrailingSpaces(io.out())).toBe(stripTrailingSpaces(expected));
    });

    it('accepts the ro alias, relative paths and single files', async () => {
      const io = createMemoryIO(dir);
      const files = readdirSync(dir).flatMap((f) => ['-f', f]);
      const code = await getRolloutCommand(
        ['ro', 'canary-demo', ...files, '--no-color', `--now=${T_PLUS_7D}`],
        io,
      );
      expect(code).toBe(0);
      expect(io.out()).toContain('⟳ canary-demo ');
    });

    it('shows ping/pong roles for the ping-pong rollout', async () => {
      const io = createMemoryIO(dir);
      await getRolloutCommand(
        ['rollouts', 'canary-demo-pingpong', '-f', dir, '--no-color', '--now', T_PLUS_7D],
        io,
      );
      const out = stripTrailingSpaces(io.out());
      expect(out).toContain('argoproj/rollouts-demo:does-not-exist (canary, ping)\n');
      expect(out).toContain('argoproj/rollouts-demo:green (stable, pong)\n');
      expect(out).toMatch(/ReplicaSet {2}◌ Progressing {7}7d {3}canary,ping\n/);
    });

    it('colours only on a terminal, without --no-color', async () => {
      vi.stubEnv('TERM', 'xterm-256color');
      try {
        const tty: CliIO & { out: () => string } = { ...createMemoryIO(dir), isTTY: true };
        let out = '';
        const io: CliIO = { ...tty, stdout: (t) => (out += t) };
        await getRolloutCommand(['rollout', 'canary-demo', '-f', dir, '--now', T_PLUS_7D], io);
        expect(out).toContain('\x1b[31m✖\x1b[0m Degraded');
        // Colour codes do not count towards column widths.
        // eslint-disable-next-line no-control-regex
        const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
        const expected = readFileSync(path.join(CANARY, 'expected-no-color.txt'), 'utf8');
        expect(stripTrailingSpaces(plain)).toBe(stripTrailingSpaces(expected));

        let noColor = '';
        await getRolloutCommand(
          ['rollout', 'canary-demo', '-f', dir, '--no-color', '--now', T_PLUS_7D],
          { ...io, stdout: (t) => (noColor += t) },
        );
        expect(noColor).not.toContain('\x1b[');
      } finally {
        vi.unstubAllEnvs();
      }
    });
  },
);

describe('get rollout: errors', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'get-rollout-err-'));
    writeFileSync(
      path.join(dir, 'ro.yaml'),
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: demo\nspec:\n  strategy:\n    canary: {}\n',
    );
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 with the plugin message when the rollout does not exist', async () => {
    const io = createMemoryIO(dir);
    const code = await getRolloutCommand(['rollout', 'nope', '-f', dir, '--no-color'], io);
    expect(code).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('Error: rollout.argoproj.io "nope" not found\n');
  });

  it.each([
    [['rollout', 'demo', '-f', 'ro.yaml', '--bogus']],
    [['rollout', '-f', 'ro.yaml']],
    [['rollout', 'a', 'b', '-f', 'ro.yaml']],
    [['rollout', 'demo']],
    [['rollout', 'demo', '-f']],
    [['rollout', 'demo', '-f', 'ro.yaml', '--now', 'yesterday']],
    [['experiment', 'demo', '-f', 'ro.yaml']],
    [[]],
  ])('exits 2 with usage for bad arguments %j', async (argv) => {
    const io = createMemoryIO(dir);
    const code = await getRolloutCommand(argv, io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('Usage: rollout-lab get rollout NAME');
  });

  it('exits 2 when a path cannot be read', async () => {
    const io = createMemoryIO(dir);
    const code = await getRolloutCommand(['rollout', 'demo', '-f', 'missing.yaml'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('missing.yaml');
  });

  it('prints a bare rollout with no children', async () => {
    const io = createMemoryIO(dir);
    const code = await getRolloutCommand(
      ['rollout', 'demo', '-f', 'ro.yaml', '--no-color', '--now', T],
      io,
    );
    expect(code).toBe(0);
    expect(stripTrailingSpaces(io.out())).toBe(
      [
        'Name:            demo',
        'Namespace:',
        'Status:          ◌ Progressing',
        'Message:         more replicas need to be updated',
        'Strategy:        Canary',
        '  Step:',
        '  SetWeight:     100',
        '  ActualWeight:  100',
        'Replicas:',
        '  Desired:       1',
        '  Current:       0',
        '  Updated:       0',
        '  Ready:         0',
        '  Available:     0',
        '',
        'NAME    KIND     STATUS         AGE   INFO',
        '⟳ demo  Rollout  ◌ Progressing  292y',
        '',
      ].join('\n'),
    );
  });
});
