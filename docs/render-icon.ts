// The app icon electron-builder packages (resources/icon.png, 512 px), drawn from
// resources/icon.svg in Debian's Chromium:
//
//   npx tsx docs/render-icon.ts
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness';

const RESOURCES = resolve(dirname(fileURLToPath(import.meta.url)), '../resources');
const SIZE = 512;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  const svg = readFileSync(resolve(RESOURCES, 'icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: resolve(RESOURCES, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
