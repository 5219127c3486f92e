/**
 * Browser journeys through the sandbox, against the production build in Debian's Chromium:
 * the canary walkthrough, abort/retry, blue-green, keyboard-only operation, and a clean console.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, servePreview } from './chromium';

interface Opened {
  page: Page;
  problems: string[];
  status: Locator;
}

describe.skipIf(!hasChromium)('sandbox in Chromium (production build)', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await servePreview());
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(url);
    const status = page.getByRole('region', { name: 'Rollout status' });
    await status.waitFor();
    return { page, problems, status };
  }

  /** Presses Next event until the status region's text matches (bounded). */
  async function nextUntil({ page, status }: Opened, pattern: RegExp, limit = 60): Promise<void> {
    const next = page.getByRole('button', { name: 'Next event' });
    for (let i = 0; i < limit; i++) {
      if (pattern.test((await status.textContent()) ?? '')) return;
      await next.click();
    }
    expect(await status.textContent()).toMatch(pattern);
  }

  /** Plays the clock at 60× until the status region's text matches, then stops it. */
  async function playUntil({ page, status }: Opened, pattern: RegExp): Promise<void> {
    await page.getByRole('button', { name: 'Speed 60×' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => (await status.textContent()) ?? '', { timeout: 20_000, interval: 100 })
      .toMatch(pattern);
    await page.getByRole('button', { name: 'Stop clock' }).click();
  }

  async function pods(page: Page, image: string): Promise<number> {
    return page.locator(`.pods-panel li.pod[data-image="${image}"][data-state="ready"]`).count();
  }

  async function pickScenario(page: Page, name: string): Promise<void> {
    await page.getByLabel('Scenario', { exact: true }).selectOption(name);
  }

  it('blue-to-yellow: pause at 20% with 1 yellow and 4 blue pods, Promote, Healthy at 100% yellow', async () => {
    const o = await open();
    const { page, status } = o;
    await expect.poll(() => page.title()).toBe('Rollout Lab');
    await page.getByRole('heading', { level: 1, name: 'Rollout Lab' }).waitFor();
    expect(await page.getByLabel('Scenario', { exact: true }).inputValue()).toBe('blue-to-yellow');

    await nextUntil(o, /Paused/);
    const text = (await status.textContent()) ?? '';
    expect(text).toMatch(/Step\s*1\/8/);
    expect(text).toMatch(/SetWeight\s*20/);
    expect(text).toMatch(/ActualWeight\s*20/);
    expect(text).toContain('CanaryPauseStep');
    expect(await pods(page, 'yellow')).toBe(1);
    expect(await pods(page, 'blue')).toBe(4);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'next:' }).textContent())
      .toContain('next: press Promote');
    expect(await page.getByRole('button', { name: 'Retry', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/sandbox-1-paused-at-20.png' });

    await page.getByRole('button', { name: 'Promote', exact: true }).click();
    await playUntil(o, /Healthy/);
    expect((await status.textContent()) ?? '').toMatch(/Step\s*8\/8/);
    const traffic = page.getByRole('region', { name: 'Traffic' });
    expect(await traffic.textContent()).toContain('100% yellow');
    expect(await pods(page, 'yellow')).toBe(5);
    expect(await page.getByRole('button', { name: 'Promote', exact: true }).isDisabled()).toBe(
      true,
    );

    // Time travel: scrub back to the first frame, then return to live.
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.focus();
    await page.keyboard.press('Home');
    expect((await status.textContent()) ?? '').toMatch(/Progressing/);
    await page.keyboard.press('End');
    expect((await status.textContent()) ?? '').toMatch(/Healthy/);

    await page.screenshot({ path: 'test-results/sandbox-1-healthy.png', fullPage: true });
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('abort-retry: Abort → Degraded, Retry → back to the pause', async () => {
    const o = await open();
    const { page, status } = o;
    await pickScenario(page, 'abort-retry');
    await expect.poll(async () => (await status.textContent()) ?? '').toContain('abort-demo');
    await nextUntil(o, /Paused/);
    await page.getByRole('button', { name: 'Abort', exact: true }).click();
    await nextUntil(o, /Degraded/);
    expect(await status.textContent()).toContain('RolloutAborted');
    const retry = page.getByRole('button', { name: 'Retry', exact: true });
    expect(await retry.isEnabled()).toBe(true);
    await nextUntil(o, /Degraded/);
    await expect
      .poll(async () => {
        if (await page.getByRole('button', { name: 'Next event' }).isEnabled())
          await page.getByRole('button', { name: 'Next event' }).click();
        return page.getByRole('status').filter({ hasText: 'next:' }).textContent();
      })
      .toContain('next: press Retry');
    await page.screenshot({ path: 'test-results/sandbox-2-aborted.png' });
    await retry.click();
    await nextUntil(o, /Paused/);
    expect((await status.textContent()) ?? '').toMatch(/Step\s*1\/2/);
    expect(await page.getByRole('button', { name: 'Retry', exact: true }).isDisabled()).toBe(true);
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('bluegreen-preview: green behind the preview service, Promote switches production', async () => {
    const o = await open();
    const { page, status } = o;
    await pickScenario(page, 'bluegreen-preview');
    await expect.poll(async () => (await status.textContent()) ?? '').toContain('bg-demo');
    await nextUntil(o, /Paused/);
    expect(await status.textContent()).toContain('BlueGreenPause');
    const traffic = page.getByRole('region', { name: 'Traffic' });
    expect(await traffic.textContent()).toContain('100% blue (active)');
    expect(await traffic.textContent()).toContain('Preview service: green');
    expect(await pods(page, 'green')).toBe(3);
    expect(await pods(page, 'blue')).toBe(3);
    expect(await page.getByRole('region', { name: 'Steps' }).textContent()).toMatch(/\d+s left/);
    await page.screenshot({ path: 'test-results/sandbox-3-bluegreen-preview.png' });
    await page.getByRole('button', { name: 'Promote', exact: true }).click();
    await nextUntil(o, /Healthy/);
    await expect.poll(async () => traffic.textContent()).toContain('100% green');
    await playUntil(o, /Healthy/);
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('keyboard only: Tab to Next event and Promote, Enter works, focus is visible', async () => {
    const o = await open();
    const { page, status } = o;
    const focusedName = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
      });
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        if ((await focusedName()).endsWith(name)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not Tab to ${name}`);
    };
    await tabTo('Next event');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as HTMLElement).outlineStyle,
    );
    expect(outline).not.toBe('none');
    for (let i = 0; i < 20 && !/Paused/.test((await status.textContent()) ?? ''); i++)
      await page.keyboard.press('Enter');
    expect(await status.textContent()).toMatch(/Paused/);
    await page.keyboard.press('Shift+Tab');
    await tabTo('Promote');
    expect(await focusedName()).toBe('Promote');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/Progressing/);
    await page.screenshot({ path: 'test-results/sandbox-4-keyboard.png' });
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('every scenario loads (or shows its issues) with no page errors, console errors or failed requests', async () => {
    const o = await open();
    const { page } = o;
    const names = await page
      .getByLabel('Scenario', { exact: true })
      .locator('option')
      .evaluateAll((opts) => opts.map((x) => (x as HTMLOptionElement).value));
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      await pickScenario(page, name);
      const region = page.getByRole('region', { name: 'Rollout status' });
      await region.waitFor();
      const alert = page.getByRole('alert');
      if ((await alert.count()) > 0) {
        // A scenario the engine cannot simulate yet: its issues, positioned, and a usable page.
        expect(await alert.textContent(), name).toMatch(
          new RegExp(`simulations/${name}\\.yaml:\\d+:\\d+: `),
        );
        await page.screenshot({ path: `test-results/sandbox-5-load-error-${name}.png` });
      } else {
        expect(await region.textContent(), name).not.toContain('No scenario is running');
      }
    }
    await pickScenario(page, 'bad-image-degraded');
    await playUntil(o, /Degraded/);
    expect(
      await page.locator('.pods-panel li.pod[data-state="imagepull"]').count(),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/sandbox-5-bad-image.png' });
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('editor: a broken value is shown at its line, the page stays usable, the fix runs', async () => {
    const o = await open();
    const { page, status } = o;
    await page.getByRole('tab', { name: 'Editor' }).click();
    const editor = page.getByRole('textbox', { name: 'Manifest YAML editor' });
    await editor.waitFor();
    const line = page.locator('.cm-line', { hasText: '- setWeight: 20' }).first();
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    await expect.poll(() => line.textContent()).toContain('- setWeight: 200');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    // Inline, at the edited line, naming the field; and in the problem list with line:column.
    const note = page.locator('.cm-line .rl-inline-issue');
    await expect
      .poll(() => note.first().textContent())
      .toContain('setWeight: SetWeight needs to be between 0 and 100');
    expect(
      await page
        .locator('.cm-line', { has: page.locator('.rl-inline-issue') })
        .first()
        .textContent(),
    ).toContain('- setWeight: 200');
    const problems = page.getByRole('region', { name: 'Problems' });
    expect(await problems.textContent()).toMatch(
      /35:26\s+manifests\[0\]\.spec\.strategy\.canary\.steps\[0\]\.setWeight:/,
    );
    expect(await page.getByRole('alert').textContent()).toContain('blue-to-yellow.yaml:35:26');
    await page.screenshot({ path: 'test-results/sandbox-6-editor-error.png' });
    // Still usable: the tabs and the status region answer.
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    expect(await status.textContent()).toContain('No scenario is running');
    await page.getByRole('tab', { name: 'Editor' }).click();
    const broken = page.locator('.cm-line', { hasText: '- setWeight: 200' }).first();
    await broken.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Problems' }).textContent()).toContain(
      'No problems found.',
    );
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await nextUntil(o, /Paused/);
    expect((await status.textContent()) ?? '').toMatch(/SetWeight\s*20/);
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('한국어: the status region and the buttons speak Korean, and the choice is remembered', async () => {
    const o = await open();
    const { page } = o;
    await page.getByRole('button', { name: '한국어' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    const status = page.getByRole('region', { name: 'Rollout 상태' });
    await status.waitFor();
    expect(await status.textContent()).toContain('기다리는 것');
    for (const name of ['재생', '다음 이벤트', '이미지 변경', 'Promote', '시나리오 다시 시작'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByRole('tab', { name: '대시보드' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const next = page.getByRole('button', { name: '다음 이벤트' });
    for (let i = 0; i < 20 && !/Paused/.test((await status.textContent()) ?? ''); i++)
      await next.click();
    expect(await status.textContent()).toContain('Promote를 기다립니다');
    expect(await page.getByRole('heading', { name: '왜?' }).locator('..').textContent()).toContain(
      '일시 정지했습니다',
    );
    await page.screenshot({ path: 'test-results/sandbox-7-korean.png' });
    await page.reload();
    await page.getByRole('region', { name: 'Rollout 상태' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(o.problems).toEqual([]);
    await page.close();
  });

  it('lesson: the canary lesson leads to the 20% pause, Promote completes the step and it moves on', async () => {
    const o = await open();
    const { page, status } = o;
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /Canary: blue to yellow/ }).click();
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    await lesson.getByRole('heading', { name: 'What Argo Rollouts is for' }).waitFor();
    const highlighted = () =>
      page.locator('[data-lesson-active="true"]').getAttribute('data-lesson-target');
    expect(await highlighted()).toBe('status');
    const nextStep = lesson.getByRole('button', { name: 'Next', exact: true });
    await nextStep.click();
    await lesson.getByRole('heading', { name: 'Five blue pods' }).waitFor();
    expect(await highlighted()).toBe('pods');
    expect(await lesson.textContent()).toContain('Done — this step is complete.');
    await nextStep.click();
    await lesson.getByRole('heading', { name: 'Start a canary' }).waitFor();
    expect(await highlighted()).toBe('actions');
    await lesson
      .getByRole('button', { name: 'Do it: Set image argoproj/rollouts-demo:yellow' })
      .click();
    await nextUntil(o, /Paused/);
    expect(await lesson.textContent()).toContain('Done — this step is complete.');
    await nextStep.click();
    await lesson.getByRole('heading', { name: 'Paused at 20%: one yellow pod of five' }).waitFor();
    expect(await lesson.textContent()).not.toContain('Done — this step is complete.');
    expect(await pods(page, 'yellow')).toBe(1);
    await page.getByRole('button', { name: 'Promote', exact: true }).click();
    const next = page.getByRole('button', { name: 'Next event' });
    for (let i = 0; i < 30 && !((await lesson.textContent()) ?? '').includes('Done'); i++)
      await next.click();
    expect(await lesson.textContent()).toContain('Done — this step is complete.');
    expect((await status.textContent()) ?? '').toMatch(/Step\s*3\/8/);
    await page.screenshot({ path: 'test-results/sandbox-8-lesson.png' });
    await nextStep.click();
    await lesson
      .getByRole('heading', { name: '40 → 60 → 80 → 100 with ten-second pauses' })
      .waitFor();
    expect(await highlighted()).toBe('steps');
    expect(o.problems).toEqual([]);
    await page.close();
  });
});
