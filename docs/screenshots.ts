// Screenshots of the app on the demo district for the README (docs/screen-*.png, and the
// report's targets section: docs/targets-progress.png), taken in Debian's Chromium through the
// web mode. Build the renderer first:
//
//   npx electron-vite build && npx tsx docs/screenshots.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openCore } from '../src-main/open';
import { startWebServer } from '../src-main/doors/web/server';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHOTS: [name: string, hash: string][] = [
  ['board', '#/board'],
  ['demands', '#/demands'],
  ['reports', '#/reports'],
];

const dir = mkdtempSync(join(tmpdir(), 'vl-shots-'));
const core = openCore(join(dir, 'demo.db'), { deviceName: 'demo', demoOnFirstStart: true });
const server = await startWebServer(core, { staticDir: resolve(HERE, '../out/renderer') });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await page.goto(server.openUrl);
  for (const [name, hash] of SHOTS) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(HERE, `screen-${name}.png`) });
    console.log(`docs/screen-${name}.png`);
  }
  // The report's progress against the year's targets (晾晒表), the section alone.
  await page.evaluate(() => (window.location.hash = '#/reports'));
  const section = page.locator('[data-section="targets"]');
  await section.waitFor({ timeout: 30_000 });
  await section.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await section.screenshot({ path: join(HERE, 'targets-progress.png') });
  console.log('docs/targets-progress.png');
} finally {
  await browser.close();
  await server.close();
  core.store.close();
  rmSync(dir, { recursive: true, force: true });
}
