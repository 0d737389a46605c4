// The first screen's weight, in Chromium through the web door on the demo district: the
// JavaScript downloaded before the home screen shows its first rows stays under 1.5 MB, none
// of it is a screen or library the home screen does not use, and the screens that load on
// demand (Reports, Import, Sync) fetch their chunks when first opened and work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { seedDemo } from '../../seeds/demo';
import { startApp, type App } from './harness';

/** Uncompressed bytes of JavaScript the browser may fetch before the home screen shows. */
const FIRST_SCREEN_BUDGET = 1_500_000;
/** The home screen's first rows: my tasks, once the session and the tasks have loaded. */
const FIRST_ROWS = '[data-testid="my-tasks"] li';

interface Script {
  file: string;
  bytes: number;
}

let app: App;
let context: BrowserContext;
let page: Page;
/** Every script response of the page, in the order received. */
const scripts: Script[] = [];
const pending: Promise<void>[] = [];

function isScript(response: Response): boolean {
  const url = new URL(response.url());
  return url.pathname.endsWith('.js') || response.request().resourceType() === 'script';
}

/** Scripts received so far, once their bodies are read. */
async function received(): Promise<Script[]> {
  await Promise.all(pending);
  return [...scripts];
}

const total = (list: Script[]) => list.reduce((sum, s) => sum + s.bytes, 0);
const names = (list: Script[]) => list.map((s) => s.file);

beforeAll(async () => {
  app = await startApp();
  seedDemo(app.core, { scale: 1 });
  // A new context: an empty HTTP cache, as on the app's first start.
  context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (e) => app.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') app.problems.push(`console: ${m.text()}`);
  });
  page.on('response', (response) => {
    if (!isScript(response)) return;
    const file = new URL(response.url()).pathname.split('/').pop()!;
    pending.push(
      response.body().then(
        (body) => void scripts.push({ file, bytes: body.length }),
        () => undefined,
      ),
    );
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await app?.close();
});

describe('the first screen loads only what it needs', () => {
  it(`downloads under ${FIRST_SCREEN_BUDGET / 1e6} MB of JavaScript before its first rows show`, async () => {
    await page.goto(app.server.openUrl);
    await page.locator(FIRST_ROWS).first().waitFor({ timeout: 30_000 });
    const first = await received();
    const bytes = total(first);
    console.info(
      `first screen: ${bytes} bytes of JavaScript in ${first.length} files: ${names(first).join(', ')}`,
    );

    expect(first.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(FIRST_SCREEN_BUDGET);
    // The grid, the charts and the other screens are not part of the home screen.
    expect(names(first).filter((f) => /^(ag-grid|echarts|[A-Z]\w*Screen)-/.test(f))).toEqual([]);
    expect(app.problems).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
  });

  const onDemand: { screen: string; shows: string; chunks: RegExp[] }[] = [
    { screen: 'reports', shows: '[data-testid="report"]', chunks: [/^ReportsScreen-/, /^echarts-/] },
    { screen: 'import', shows: '[data-testid="import-screen"]', chunks: [/^ImportScreen-/] },
    { screen: 'sync', shows: '[data-testid="sync-screen"]', chunks: [/^SyncScreen-/] },
    { screen: 'enterprises', shows: '.ag-row', chunks: [/^EnterprisesScreen-/, /^ag-grid-/] },
  ];
  for (const { screen, shows, chunks } of onDemand) {
    it(`opening ${screen} loads its chunks and shows the screen`, async () => {
      const before = (await received()).length;
      await page.click(`[data-nav="${screen}"]`);
      await page.waitForSelector(`[data-nav="${screen}"][aria-current="page"]`);
      await page.locator(shows).first().waitFor({ timeout: 30_000 });
      const loaded = names((await received()).slice(before));
      for (const chunk of chunks)
        expect(
          loaded.some((f) => chunk.test(f)),
          `${chunk} in ${loaded}`,
        ).toBe(true);
      expect(app.problems).toEqual([]);
    });
  }
});
