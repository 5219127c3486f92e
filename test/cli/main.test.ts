import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const BIN = resolve(__dirname, '../../bin/rollout-lab');

describe('rollout-lab dispatcher', () => {
  it('prints help listing the verbs for --help', async () => {
    const io = createMemoryIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: rollout-lab <verb>');
    expect(io.out()).toContain('lint');
    expect(io.out()).toContain('get');
  });

  it('exits 2 with a usage message for an unknown verb', async () => {
    const io = createMemoryIO();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('unknown verb "frobnicate"');
    expect(io.err()).toContain('Usage: rollout-lab <verb>');
  });

  it('exits 2 with help when no verb is given', async () => {
    const io = createMemoryIO();
    expect(await main([], io)).toBe(2);
    expect(io.out()).toContain('Usage');
  });
});

describe('bin/rollout-lab runs with no build step', () => {
  it('--help exits 0', () => {
    const out = execFileSync(BIN, ['--help'], { encoding: 'utf8' });
    expect(out).toContain('rollout-lab: a deterministic simulator');
  });

  it('an unknown verb exits 2 on stderr', () => {
    const r = spawnSync(BIN, ['nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown verb "nope"');
  });
});
