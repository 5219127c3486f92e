/**
 * `npm run bench` (after bench/run.ts): the UI's figures, measured in headless Debian Chromium
 * (playwright-core, the flags of chromium.config.ts), from production builds made here into a
 * temporary directory (the app's dist/ is not touched):
 *   (a) frame times of bench/ui/index.html — RequestFlow with 1,000 requests/s and PodsPanel
 *       with 200 pods, fed ten times a second — over ~5 s of requestAnimationFrame;
 *   (b) time to first frame of the real app under `vite preview`: first contentful paint and the
 *       first render of the "Rollout status" region, from navigation start (median of 5 cold loads);
 *   (c) gzip size of the app's initial JavaScript: index.html's module script and modulepreloads
 *       plus their static imports (lazy chunks excluded).
 * Targets are printed next to figures; nothing here fails the run (machines are noisy).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_FRAME_MS = 16.7;
const TARGET_FIRST_FRAME_MS = 1500;
const TARGET_INITIAL_JS_KB = 300;
const LOADS = 5;

const pad = (s: string, n: number) => s.padEnd(n);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER target');

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

async function serve(
  configFile: string | false,
  outDir: string,
): Promise<PreviewServer & { url: string }> {
  const server = await preview({
    configFile,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return Object.assign(server, { url: `http://127.0.0.1:${address.port}/` });
}

/** (c) Static imports of a built chunk: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*(?:\s*as\s*[\w$]+)?)?\s*(?:from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  return out;
}

function initialJs(outDir: string): { files: { file: string; raw: number; gzip: number }[] } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ];
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(outDir, e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const spec of staticImports(code)) queue.push(resolve(dirname(file), spec));
  }
  return {
    files: [...seen].map((file) => {
      const buf = readFileSync(file);
      return {
        file: file.slice(outDir.length + 1),
        raw: buf.length,
        gzip: gzipSync(buf, { level: 9 }).length,
      };
    }),
  };
}

interface FrameStats {
  readonly frames: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly longFrames: number;
}

/** One run of the bench page: `query` picks pods and requests per second. */
async function frameRun(browser: Browser, url: string, query: string): Promise<FrameStats> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`${url}?${query}&warmup=1000&measure=${MEASURE_MS}`);
    await page.waitForFunction(
      () => (window as { __uiBench?: unknown }).__uiBench !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    const result = (await page.evaluate(
      () => (window as unknown as { __uiBench: unknown }).__uiBench,
    )) as {
      deltas: number[];
      longFrames: number;
    };
    const sorted = [...result.deltas].sort((a, b) => a - b);
    return {
      frames: sorted.length,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1) ?? NaN,
      longFrames: result.longFrames,
    };
  } finally {
    await page.close();
  }
}

const MEASURE_MS = 5000;
/** rAF timestamps at 60 Hz jitter by a fraction of a ms around 16.7; one vsync counts as on target. */
const VSYNC_SLACK_MS = 0.5;

async function frameTimes(browser: Browser, url: string): Promise<void> {
  console.log(
    `(a) Frame time (requestAnimationFrame intervals over ${MEASURE_MS / 1000} s, 1280×800, props fed 10×/s)`,
  );
  const runs: [string, string][] = [
    ['RequestFlow 1,000 req/s + PodsPanel 200 pods', 'pods=200&rps=1000'],
    ['  RequestFlow 1,000 req/s alone', 'pods=0&rps=1000'],
    ['  PodsPanel 200 pods alone', 'pods=200&rps=0'],
  ];
  for (const [label, query] of runs) {
    const r = await frameRun(browser, url, query);
    const head = label.startsWith(' ')
      ? ''
      : `   target p95 ≤ ${TARGET_FRAME_MS} ms: ${verdict(r.p95 <= TARGET_FRAME_MS + VSYNC_SLACK_MS)}`;
    console.log(
      `    ${pad(label, 46)}p95 ${ms(r.p95)}  (p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}, ${(r.frames / (MEASURE_MS / 1000)).toFixed(1)} fps, ${r.longFrames} frames > 50 ms)${head}`,
    );
  }
}

/** Records when the "Rollout status" region first exists (performance.now(), from navigation start). */
const STATUS_WATCH = `(() => {
  const seen = () => {
    if (window.__statusAt === undefined &&
        document.querySelector('section.status-panel, [aria-label="Rollout status"]')) {
      window.__statusAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function firstFrame(browser: Browser, url: string): Promise<void> {
  const fcp: number[] = [];
  const status: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // A string, not a function: tsx would wrap named functions in a `__name` helper the page lacks.
    await page.addInitScript(STATUS_WATCH);
    await page.goto(url);
    try {
      await page.waitForFunction(
        () => (window as { __statusAt?: number }).__statusAt !== undefined,
        null,
        {
          timeout: 20_000,
        },
      );
    } catch {
      // The status region never came: report FCP alone.
    }
    const r = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      statusAt: (window as { __statusAt?: number }).__statusAt ?? NaN,
    }));
    fcp.push(r.fcp);
    status.push(r.statusAt);
    await context.close();
  }
  const s = median(status);
  console.log(`(b) Time to first frame of the app (vite preview, median of ${LOADS} cold loads)`);
  console.log(
    `    ${pad('first contentful paint', 26)}${ms(median(fcp))}   (runs: ${fcp.map((v) => v.toFixed(0)).join(', ')})`,
  );
  console.log(
    Number.isFinite(s)
      ? `    ${pad('"Rollout status" rendered', 26)}${ms(s)}   target < ${TARGET_FIRST_FRAME_MS} ms: ${verdict(s < TARGET_FIRST_FRAME_MS)}   (runs: ${status.map((v) => v.toFixed(0)).join(', ')})`
      : `    ${pad('"Rollout status" rendered', 26)}never (no status region within 20 s)`,
  );
}

function bundle(outDir: string): void {
  const { files } = initialJs(outDir);
  const gzip = files.reduce((n, f) => n + f.gzip, 0);
  const raw = files.reduce((n, f) => n + f.raw, 0);
  console.log(
    '(c) Initial JavaScript of the app build (module script + modulepreload + static imports)',
  );
  for (const f of files)
    console.log(`    ${pad(f.file, 40)}${pad(kb(f.raw), 12)}gzip ${kb(f.gzip)}`);
  console.log(
    `    ${pad('total', 40)}${pad(kb(raw), 12)}gzip ${kb(gzip)}   target ≤ ${TARGET_INITIAL_JS_KB} KB: ${verdict(gzip / 1024 <= TARGET_INITIAL_JS_KB)}`,
  );
}

async function section(name: string, fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (error) {
    console.log(
      `${name}: not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

async function main(): Promise<void> {
  console.log(
    '\nUI benchmarks (headless Chromium; figures vary by machine, targets never fail the run)',
  );
  const tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-ui-bench-'));
  const appOut = join(tmp, 'app');
  const benchOut = join(tmp, 'bench');
  const servers: PreviewServer[] = [];
  let browser: Browser | undefined;
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      logLevel: 'error',
      build: { outDir: appOut, emptyOutDir: true },
    });
    await build({
      configFile: join(ROOT, 'bench/vite.bench.config.ts'),
      logLevel: 'warn',
      build: { outDir: benchOut, emptyOutDir: true },
    });
    if (!existsSync(CHROMIUM_PATH)) {
      console.log(`(a), (b): skipped: ${CHROMIUM_PATH} not found (apt-get install -y chromium)`);
      await section('(c)', () => bundle(appOut));
      return;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const benchServer = await serve(join(ROOT, 'bench/vite.bench.config.ts'), benchOut);
    servers.push(benchServer);
    const appServer = await serve(join(ROOT, 'vite.config.ts'), appOut);
    servers.push(appServer);
    const b = browser;
    await section('(a)', () => frameTimes(b, benchServer.url));
    await section('(b)', () => firstFrame(b, appServer.url));
    await section('(c)', () => bundle(appOut));
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
