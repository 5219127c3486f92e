/**
 * `npm run bench`: the engine's speed figures. Wall time is measured here, around the runs only.
 * Prints: virtual seconds per wall second for blue-to-yellow, the wall time of a 1,000-replica,
 * 20-step canary, and how both grow with replicas and steps. Targets are printed next to figures;
 * nothing here fails a build (the machines are noisy; compare ratios from one run).
 *
 * Blue-to-yellow is measured twice: the engine as the CLI runs it (this process, through tsx,
 * whose transform wraps every named function in a `__name` call), and the engine as the sandbox
 * ships it (built by Vite into a temporary directory, imported here; same sources, no wrappers).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import * as sourceEngine from '../src/scenario';
import { parseScenario, runScenario, type Scenario } from '../src/scenario';

type Engine = Pick<typeof sourceEngine, 'parseScenario' | 'runScenario'>;

function load(file: string, text = readFileSync(file, 'utf8')): Scenario {
  const parsed = parseScenario(text, file);
  if (!parsed.scenario)
    throw new Error(
      parsed.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`).join('\n'),
    );
  return parsed.scenario;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** A basic canary of `replicas` pods with `steps` setWeight steps (each followed by a 10 s pause). */
function canaryScenario(replicas: number, steps: number): Scenario {
  const stepYaml: string[] = [];
  for (let i = 1; i <= steps; i++) {
    stepYaml.push(`            - setWeight: ${Math.round((100 * i) / (steps + 1))}`);
    stepYaml.push(`            - pause: { duration: 10 }`);
  }
  const text = `kind: Scenario
name: bench-${replicas}-${steps}
cluster: { podStartup: 2s }
manifests:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata: { name: bench }
    spec:
      replicas: ${replicas}
      selector: { matchLabels: { app: bench } }
      strategy:
        canary:
          maxSurge: "25%"
          maxUnavailable: 0
          steps:
${stepYaml.join('\n')}
      template:
        metadata: { labels: { app: bench } }
        spec:
          containers: [{ name: app, image: "example/app:v1" }]
script:
  - waitFor: { status: Healthy, timeout: 1h }
  - setImage: { image: "example/app:v2" }
  - waitFor: { status: Healthy, stableRevision: 2, timeout: 10h }
`;
  return load(`bench-${replicas}-${steps}.yaml`, text);
}

function runOnce(s: Scenario) {
  const r = time(() => runScenario(s));
  if (!r.value.result.passed)
    throw new Error(`${s.name} failed: ${JSON.stringify(r.value.result.failure)}`);
  r.value.world.dispose();
  return { wallMs: r.ms, virtualMs: r.value.result.virtualTimeMs };
}

function best(s: Scenario, repeats: number) {
  let bestRun = runOnce(s);
  for (let i = 1; i < repeats; i++) {
    const r = runOnce(s);
    if (r.wallMs < bestRun.wallMs) bestRun = r;
  }
  return bestRun;
}

const fmt = (n: number, d = 1) => n.toFixed(d).padStart(9);

const B2Y_FILE = resolve(import.meta.dirname, '../simulations/blue-to-yellow.yaml');

/**
 * measureBlueToYellow runs blue-to-yellow on `engine`. A run is ~4 ms of work, shorter than V8's
 * tier-up: the first ~200 runs measure the JIT, not the engine (after 20 runs a run still took
 * 2–3× its steady-state time). So: the first run, then the time per run in batches of 20 once 400
 * runs have warmed the engine up; the median batch is the figure (GC pauses inside a batch
 * count), the best and worst batches are printed beside it.
 */
function measureBlueToYellow(engine: Engine, label: string): void {
  const parsed = engine.parseScenario(readFileSync(B2Y_FILE, 'utf8'), B2Y_FILE);
  if (!parsed.scenario) throw new Error('blue-to-yellow.yaml does not parse');
  const scenario = parsed.scenario;
  const once = (): { wallMs: number; virtualMs: number } => {
    const t0 = performance.now();
    const run = engine.runScenario(scenario);
    const wallMs = performance.now() - t0;
    if (!run.result.passed) throw new Error(`blue-to-yellow failed (${label})`);
    run.world.dispose();
    return { wallMs, virtualMs: run.result.virtualTimeMs };
  };
  const first = once();
  const early: number[] = [];
  for (let i = 1; i < 400; i++) {
    const r = once();
    if (i < 20) early.push(r.wallMs);
  }
  const batches: number[] = [];
  for (let batch = 0; batch < 15; batch++) {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) once();
    batches.push((performance.now() - t0) / 20);
  }
  batches.sort((x, y) => x - y);
  const median = batches[Math.floor(batches.length / 2)];
  const virtualMs = first.virtualMs;
  const ratio = (ms: number) => `${Math.round(virtualMs / ms).toLocaleString('en')}×`;
  console.log(
    `blue-to-yellow, ${label}: ${(virtualMs / 1000).toFixed(1)} virtual s in ${median.toFixed(2)} ms wall per run`,
  );
  console.log(`  → ${ratio(median)} faster than real time (target ≥ 10,000×)`);
  console.log(
    `  batches of 20 warm runs: median ${ratio(median)}, best ${ratio(batches[0])}, worst ${ratio(batches[batches.length - 1])}`,
  );
  console.log(
    `  cold: first run ${first.wallMs.toFixed(1)} ms (${ratio(first.wallMs)}); runs 2–20 best ${Math.min(...early).toFixed(1)} ms (${ratio(Math.min(...early))})\n`,
  );
}

/** viteEngine builds src/scenario with Vite (dependencies bundled, as in the sandbox) and imports it. */
async function viteEngine(): Promise<{ engine: Engine; cleanup: () => void }> {
  const outDir = mkdtempSync(join(tmpdir(), 'rollout-lab-bench-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: resolve(import.meta.dirname, '../src/scenario/index.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'engine.mjs' } },
    },
  });
  const engine = (await import(pathToFileURL(join(outDir, 'engine.mjs')).href)) as Engine;
  return { engine, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

console.log('Rollout Lab engine benchmark (wall time around the runs only)\n');
measureBlueToYellow(sourceEngine, 'CLI engine (tsx)');
const built = await viteEngine();
try {
  measureBlueToYellow(built.engine, 'sandbox engine (Vite build)');
} finally {
  built.cleanup();
}

const big = best(canaryScenario(1000, 20), 2);
console.log(
  `1,000-replica 20-step canary: ${big.wallMs.toFixed(0)} ms wall for ${(big.virtualMs / 1000).toFixed(0)} virtual s (target < 250 ms)\n`,
);

console.log('growth: wall ms of a full update (basic canary, setWeight + 10 s pause per step)');
console.log(
  `${'replicas'.padStart(9)}${'steps 5'.padStart(10)}${'steps 10'.padStart(10)}${'steps 20'.padStart(10)}`,
);
for (const replicas of [10, 100, 1000]) {
  const row = [5, 10, 20].map((steps) =>
    fmt(best(canaryScenario(replicas, steps), replicas >= 1000 ? 1 : 2).wallMs),
  );
  console.log(`${String(replicas).padStart(9)} ${row.join(' ')}`);
}

/**
 * A canary whose background analysis measures a Prometheus success rate every second while the
 * rollout sits at 20 % for ten virtual minutes, under `rps` requests per second. (initialDelay
 * 10 s: before the first scrape Prometheus has no data, which Argo counts as an Error.)
 */
function analysisScenario(rps: number): Scenario {
  const text = `kind: Scenario
name: bench-analysis-${rps}
cluster: { podStartup: 2s }
traffic: { requestsPerSecond: ${rps} }
versions:
  "example/app:v1": { errorRate: 0.001, latency: 40ms }
  "example/app:v2": { errorRate: 0.002, latency: 45ms }
manifests:
  - apiVersion: argoproj.io/v1alpha1
    kind: AnalysisTemplate
    metadata: { name: success-rate }
    spec:
      metrics:
        - name: success-rate
          interval: 1s
          initialDelay: 10s
          successCondition: result[0] >= 0.9
          provider:
            prometheus:
              address: http://prometheus:9090
              query: sum(rate(http_requests_total{code!~"5.."}[30s])) / sum(rate(http_requests_total[30s]))
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata: { name: bench }
    spec:
      replicas: 5
      selector: { matchLabels: { app: bench } }
      strategy:
        canary:
          analysis: { templates: [{ templateName: success-rate }] }
          steps:
            - setWeight: 20
            - pause: { duration: 10m }
      template:
        metadata: { labels: { app: bench } }
        spec:
          containers: [{ name: app, image: "example/app:v1" }]
script:
  - waitFor: { status: Healthy }
  - setImage: { image: "example/app:v2" }
  - waitFor: { status: Healthy, stableRevision: 2, timeout: 20m }
`;
  return load(`bench-analysis-${rps}.yaml`, text);
}

console.log(
  '\nanalysis: a 10-minute background analysis measuring every 1 s (one rollout, 5 pods)',
);
runOnce(analysisScenario(100)); // warm-up: the first run pays for compiling the analysis code
const analysisRows: { rps: number; ms: number }[] = [];
for (const rps of [10, 100, 1000, 10_000]) {
  const r = best(analysisScenario(rps), 2);
  analysisRows.push({ rps, ms: r.wallMs });
  console.log(
    `  ${String(rps).padStart(6)} req/s: ${r.wallMs.toFixed(0).padStart(6)} ms wall for ${(r.virtualMs / 1000).toFixed(0)} virtual s`,
  );
}
const spread =
  Math.max(...analysisRows.map((r) => r.ms)) / Math.min(...analysisRows.map((r) => r.ms));
console.log(`  → slowest / fastest = ${spread.toFixed(2)} (flat in req/s when close to 1)`);
