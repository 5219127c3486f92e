import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, servePreview } from './chromium';

describe.skipIf(!hasChromium)('start page in Chromium (production build)', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await servePreview());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders without errors and says what works', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Rollout Lab' }).waitFor();
    expect(await page.getByRole('note').textContent()).toContain('does not simulate anything');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/start-page.png', fullPage: true });
    expect(problems).toEqual([]);
  });
});
