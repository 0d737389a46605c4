// Starts the web door on a fresh database and opens it in Debian's Chromium.
// Without /usr/bin/chromium the browser tests fail with a clear message: they never skip.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openCore } from '../../src-main/open';
import { startWebServer, type WebServer } from '../../src-main/doors/web/server';
import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../../src-main/core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
const HERE = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = resolve(HERE, 'screenshots');
// VL_RENDERER_DIR: a renderer built elsewhere (`electron-vite build --outDir DIR` → DIR/renderer).
const STATIC_DIR = process.env.VL_RENDERER_DIR ?? resolve(HERE, '../../out/renderer');

export interface App {
  core: Core;
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dbPath: string;
  /** Console errors and uncaught page errors seen so far. */
  problems: string[];
  api<M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M>;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. The browser tests need it ` +
        '(Debian: apt-get install -y chromium fonts-noto-cjk); they fail rather than skip.',
    );
  }
}

export async function startApp(): Promise<App> {
  requireChromium();
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`no built renderer in ${STATIC_DIR}: run \`npm run test:e2e\` (it builds first)`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'vl-e2e-'));
  const dbPath = join(dir, 'e2e.db');
  const core = openCore(dbPath, { deviceName: 'e2e-laptop' });
  const server = await startWebServer(core, { staticDir: STATIC_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A refused call is an HTTP 4xx the app shows next to its field: expected, not a problem.
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    ) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.openUrl);
  const api = <M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> => {
    const r = call(core, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.result as MethodOutput<M>;
  };
  return {
    core,
    server,
    browser,
    context,
    page,
    dbPath,
    problems,
    api,
    shot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
      core.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
