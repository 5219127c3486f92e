import { existsSync, mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryIO } from '../../src/cli/io';
import { lintCommand } from '../../src/cli/lint';

const SHARED = resolve(__dirname, '../../../shared/reference/manifests');
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`SKIPPING reference lint cases: ${SHARED} not found`);

async function lint(...files: string[]) {
  const io = createMemoryIO();
  const code = await lintCommand(
    files.flatMap((f) => ['-f', f]),
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

const tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-lint-'));
function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const VALID = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: demo
spec:
  replicas: 2
  selector:
    matchLabels: {app: demo}
  template:
    metadata:
      labels: {app: demo}
    spec:
      containers:
      - name: demo
        image: argoproj/rollouts-demo:blue
  strategy:
    canary:
      steps:
      - setWeight: 20
      - pause: {}
`;

describe('rollout-lab lint', () => {
  it('confirms valid manifests in one line and exits 0', async () => {
    const r = await lint(file('valid.yaml', VALID));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✔ manifests are valid \(.*valid\.yaml: 1 Rollout\)\n$/);
  });

  it('reports every problem as file:line:column: path: message and exits 1', async () => {
    const bad = VALID.replace('setWeight: 20', 'setWeight: 120').replace(
      'pause: {}',
      'pause: {duration: -1}',
    );
    const r = await lint(file('bad.yaml', bad));
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /bad\.yaml:19:9: spec\.strategy\.canary\.steps\[0\]\.setWeight: SetWeight needs to be between 0 and 100/,
    );
    expect(lines[1]).toMatch(
      /bad\.yaml:20:\d+: spec\.strategy\.canary\.steps\[1\]\.pause\.duration: /,
    );
    expect(r.err).toContain('2 problems found');
  });

  it.each([
    ['missing file', () => join(tmp, 'nope.yaml'), 'no such file'],
    ['directory', () => tmp, 'is a directory'],
  ])(
    'says what is wrong with an unreadable input (%s) and exits 2',
    async (_name, path, message) => {
      const r = await lint(path());
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    },
  );

  it.each([
    ['empty input', ''],
    ['non-YAML input', 'kind: [unclosed\n  - {'],
    ['binary garbage', Buffer.from([0, 159, 146, 150, 255, 0, 1, 2, 3])],
  ])('gives a clear message, not a stack trace, for %s', async (name, content) => {
    const r = await lint(file(`${name.replace(/\W/g, '-')}.yaml`, content));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\.yaml:\d+:\d+: /);
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a 50 MB file without reading it', async () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    const r = await lint(big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/too large to be a manifest \(50\.0 MB; the limit is 5\.0 MB\)/);
  });

  it('exits 2 with usage for no file or an unknown flag', async () => {
    const io = createMemoryIO();
    expect(await lintCommand([], io)).toBe(2);
    expect(io.err()).toContain('Usage: rollout-lab lint -f FILE');
    const io2 = createMemoryIO();
    expect(await lintCommand(['--frobnicate'], io2)).toBe(2);
  });
});

describe.skipIf(!hasShared)('rollout-lab lint on Argo reference manifests', () => {
  const dirs = [
    'getting-started/basic',
    'getting-started/nginx',
    'getting-started/alb',
    'getting-started/istio',
    'getting-started/smi',
    'getting-started/mixed',
  ];
  it.each(dirs)('%s lints clean as a set', async (dir) => {
    const files = readdirSync(join(SHARED, dir)).map((f) => join(SHARED, dir, f));
    const r = await lint(...files);
    expect(r.out).toContain('✔ manifests are valid');
    expect(r.code).toBe(0);
  });

  const examples = hasShared
    ? readdirSync(join(SHARED, 'examples')).filter((f) => !f.includes('linkerd'))
    : [];
  it.each(examples)('examples/%s lints clean', async (f) => {
    const r = await lint(join(SHARED, 'examples', f));
    expect(r.out).toContain('✔');
    expect(r.code).toBe(0);
  });

  it('examples/traffic-management-rollout-linkerd.yaml is refused for its unquoted {{args...}} map key, as kubectl would', async () => {
    const r = await lint(join(SHARED, 'examples', 'traffic-management-rollout-linkerd.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/map key/i);
  });

  const lintCases = hasShared ? readdirSync(join(SHARED, 'lint')) : [];
  it.each(lintCases.filter((f) => f.startsWith('valid')))('lint/%s passes', async (f) => {
    const r = await lint(join(SHARED, 'lint', f));
    expect(r.code).toBe(0);
  });

  const expectedField: Record<string, RegExp> = {
    'invalid-empty-rollout-vsvc.yml': /: spec(\.|:)/,
    'invalid-multiple-docs.yml':
      /spec\.strategy\.canary\.maxSurge: MaxSurge and MaxUnavailable both can not be zero/,
    'invalid-ping-pong.yml': /spec\.strategy\.canary\.pingPong\.pingService/,
    'invalid-unknown-field.yml': /spec\.strategy\.unknown-strategy: unknown field/,
    'invalid.yml':
      /spec\.strategy\.canary\.maxSurge: MaxSurge and MaxUnavailable both can not be zero/,
  };
  it.each(lintCases.filter((f) => f.startsWith('invalid')))(
    'lint/%s fails naming the offending field',
    async (f) => {
      const r = await lint(join(SHARED, 'lint', f));
      expect(r.code).toBe(1);
      expect(expectedField[f], `no expectation written for ${f}`).toBeDefined();
      expect(r.out).toMatch(expectedField[f]);
    },
  );
});
