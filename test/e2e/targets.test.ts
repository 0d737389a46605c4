// The targets on the demo district, in Chromium through the web door: the 目标任务 screen lists
// the year's targets, and the bureau's report shows the progress section (晾晒表) with figures
// ahead of and behind the year's pace. Screenshots: test/e2e/screenshots/targets-*.png (the
// docs' picture of the section is docs/screenshots.ts's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { quarterOf } from '@shared/domain/quarter';
import { seedDemo } from '../../seeds/demo';
import { startApp, type App } from './harness';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  seedDemo(app.core, { scale: 1 });
  await page.reload();
  await page.waitForSelector('[data-testid="me-name"]');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('targets', () => {
  it('the targets screen shows the year’s targets', async () => {
    await page.click('[data-nav="targets"]');
    const year = new Date().getFullYear();
    await page.waitForSelector(`[data-testid="targets-year"]:has-text("${year}")`);
    const visits = app.api('targets.list', { year }).rows.find((r) => r.key === 'visits')!;
    // Thousands grouped, as the screen shows a saved target (4,700).
    await expect(page.inputValue('input[name="visits"]')).resolves.toBe(visits.value.toLocaleString('en-US'));
    await app.shot('targets-screen');
  });

  it('the bureau’s report shows progress against them, some ahead and some behind', async () => {
    const quarter = quarterOf(app.api('app.info', {}).today);
    await page.click('[data-nav="reports"]');
    await page.waitForSelector(`[data-testid="report"][data-key="${quarter}|bureau"][aria-busy="false"]`, {
      timeout: 30_000,
    });
    const section = page.locator('[data-section="targets"]');
    await section.scrollIntoViewIfNeeded();
    const report = app.api('reports.quarterly', { quarter });
    const shown = await section
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), r.getAttribute('data-pace')]));
    expect(shown.map(([key]) => key).sort()).toEqual(Object.keys(report.targets).sort());
    const paces = shown.map(([, pace]) => pace);
    expect(paces).toContain('ahead');
    expect(paces).toContain('behind');
    await app.shot('targets-progress');
    expect(app.problems).toEqual([]);
  });
});
