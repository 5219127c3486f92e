/**
 * Shared launcher for browser tests: Debian's Chromium through playwright-core, never a
 * downloaded browser. Without Chromium the tests skip locally with a message, and fail in CI
 * (CI=true), where browser tests are required.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config.ts';

export const hasChromium = existsSync(CHROMIUM_PATH);
export const mustRunBrowser = process.env.CI === 'true' || process.env.CI === '1';

if (!hasChromium && mustRunBrowser) {
  throw new Error(
    `Browser tests are required in CI but ${CHROMIUM_PATH} is missing: apt-get install -y chromium`,
  );
}
if (!hasChromium) {
  console.warn(
    `SKIPPING browser tests: ${CHROMIUM_PATH} not found. Install it with: apt-get install -y chromium`,
  );
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Serves the production build (dist/) on 127.0.0.1 with a free port. */
export async function servePreview(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
