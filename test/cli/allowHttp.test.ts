import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze';
import { realHttpGet } from '../../src/cli/http';
import { createMemoryIO } from '../../src/cli/io';

const ROOT = resolve(__dirname, '../..');

// A tiny server on 127.0.0.1 in its own process (the synchronous client blocks this one).
const SERVER = `
const http = require('node:http');
const s = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ status: req.url === '/healthz' ? 'ok' : 'missing', path: req.url }));
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));
setTimeout(() => process.exit(0), 60000);
`;

let server: ChildProcess;
let base = '';

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((ok, fail) => {
    server.stdout!.once('data', (d: Buffer) => ok(d.toString().trim()));
    server.once('exit', () => fail(new Error('server exited')));
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  server?.kill();
});

describe('--allow-http (Web metrics outside the simulated world)', () => {
  it('realHttpGet answers a real GET on loopback', () => {
    const r = realHttpGet(`${base}/healthz`, {});
    expect(r?.status).toBe(200);
    expect(JSON.parse(r!.body)).toEqual({ status: 'ok', path: '/healthz' });
  });

  const template = () => `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: external }
spec:
  metrics:
    - name: external
      count: 2
      interval: 5s
      successCondition: result == "ok"
      provider:
        web:
          url: ${base}/healthz
          jsonPath: "{$.status}"
`;

  it('is off by default: the metric errors with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-http-'));
    const t = join(dir, 't.yaml');
    writeFileSync(t, template());
    const io = createMemoryIO(ROOT);
    const code = await analyzeCommand(
      ['-f', t, '--scenario', 'simulations/blue-to-yellow.yaml'],
      io,
    );
    expect(code).toBe(1);
    expect(io.out()).toContain('only in-cluster URLs of the simulated world are reachable here');
  });

  it('with --allow-http the run reaches the server and succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-http-'));
    const t = join(dir, 't.yaml');
    writeFileSync(t, template());
    const io = createMemoryIO(ROOT);
    const code = await analyzeCommand(
      ['-f', t, '--scenario', 'simulations/blue-to-yellow.yaml', '--allow-http'],
      io,
    );
    expect(io.out()).toMatch(/external\s+Successful\s+value=/);
    expect(io.out().trim().split('\n').at(-1)).toBe('AnalysisRun Successful');
    expect(code).toBe(0);
  });
});
