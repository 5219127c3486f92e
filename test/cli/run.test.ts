import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze';
import { createMemoryIO } from '../../src/cli/io';
import { runCommand } from '../../src/cli/run';

const ROOT = resolve(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-run-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

async function run(...argv: string[]) {
  const io = createMemoryIO(ROOT);
  const code = await runCommand(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const SCENARIO = `kind: Scenario
name: tiny
manifests:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata: { name: tiny }
    spec:
      replicas: 2
      selector: { matchLabels: { app: tiny } }
      strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } }
      template:
        metadata: { labels: { app: tiny } }
        spec: { containers: [{ name: app, image: "example/app:v1" }] }
script:
  - setImage: { image: "example/app:v2" }
  - waitFor: { status: Paused, step: 1 }
`;

describe('rollout-lab run', () => {
  it('exits 0 and says so when every check holds', async () => {
    const r = await run('simulations/blue-to-yellow.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✔ blue-to-yellow: every check held/);
  });

  it('prints byte-identical --json for the same seed, ending with the summary line', async () => {
    const a = await run('simulations/canary-nginx.yaml', '--json');
    const b = await run('simulations/canary-nginx.yaml', '--json');
    expect(a.out).toBe(b.out);
    const last = JSON.parse(a.out.trim().split('\n').at(-1)!);
    expect(last).toEqual({
      kind: 'summary',
      passed: true,
      virtualTimeMs: expect.any(Number),
      failure: null,
    });
  });

  it('exits 1 naming the step, expected and actual when a check fails', async () => {
    const p = file(
      'fails.yaml',
      SCENARIO.replace('waitFor: { status: Paused, step: 1 }', 'expect: { canaryPods: 7 }'),
    );
    const r = await run(p);
    expect(r.code).toBe(1);
    expect(r.out).toContain('canaryPods');
    expect(r.out).toMatch(/expected/i);
  });

  it('exits 2 with file:line:column and the field path for an invalid manifest', async () => {
    const p = file('bad.yaml', SCENARIO.replace('setWeight: 50', 'setWeight: 150'));
    const r = await run(p);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /bad\.yaml:\d+:\d+: manifests\[0\]\.spec\.strategy\.canary\.steps\[0\]\.setWeight: SetWeight needs to be between 0 and 100/,
    );
  });

  it('exits 2 for a file that is not a scenario', async () => {
    const r = await run(file('not.yaml', 'kind: Pod\n'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not\.yaml:1:1/);
  });

  it('--repeat runs consecutive seeds and ends with the aggregate line', async () => {
    const r = await run(file('tiny.yaml', SCENARIO), '--repeat', '3', '--json');
    expect(r.code).toBe(0);
    const agg = JSON.parse(r.out.trim().split('\n').at(-1)!);
    expect(agg).toMatchObject({ kind: 'aggregate', runs: 3, passed: 3 });
  });

  it('--get prints the get rollout tree at the end', async () => {
    const r = await run('simulations/blue-to-yellow.yaml', '--get');
    expect(r.out).toContain('Name:            rollouts-demo');
    expect(r.out).toContain('Status:          ✔ Healthy');
  });
});

describe('rollout-lab analyze', () => {
  const TEMPLATE = `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: error-rate }
spec:
  args: [{ name: service }]
  metrics:
    - name: error-rate
      interval: 10s
      count: 3
      failureLimit: 0
      successCondition: result[0] <= 0.05
      provider:
        prometheus:
          address: http://prometheus:9090
          query: sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[30s]) or vector(0)) / sum(rate(http_requests_total{service="{{args.service}}"}[30s]))
`;

  it('measures a template against a scenario and prints each measurement and the phase', async () => {
    const io = createMemoryIO(ROOT);
    const code = await analyzeCommand(
      [
        '-f',
        file('t.yaml', TEMPLATE),
        '--scenario',
        'simulations/canary-analysis-rollback.yaml',
        '--arg',
        'service=guarded',
      ],
      io,
    );
    const lines = io.out().trim().split('\n');
    expect(lines.filter((l) => l.includes('error-rate'))).not.toHaveLength(0);
    expect(lines.at(-1)).toMatch(/^AnalysisRun (Failed|Error)/);
    expect(code).toBe(1);
  });

  it('exits 2 without a scenario', async () => {
    const io = createMemoryIO(ROOT);
    expect(await analyzeCommand(['-f', file('t2.yaml', TEMPLATE)], io)).toBe(2);
    expect(io.err()).toContain('--scenario');
  });
});
