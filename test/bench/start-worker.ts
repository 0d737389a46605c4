// Worker for start.bench.ts: one app start per job, signalled to the waiting benchmark through
// a SharedArrayBuffer (see start.bench.ts). Chromium is launched once, on the first job; each
// start opens the database, starts the web door and loads the home screen in a new browser
// context (an empty HTTP cache) until its first rows show.
import { parentPort, workerData } from 'node:worker_threads';
import { chromium, type Browser } from 'playwright-core';
import { openCore } from '../../src-main/open';
import { startWebServer } from '../../src-main/doors/web/server';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';

export interface StartJob {
  kind: 'start' | 'close';
  /** [state, rows]: state 1 = done, 2 = failed. */
  signal: SharedArrayBuffer;
}

/** The home screen's first rows: my tasks, once the session and the tasks have loaded. */
export const FIRST_ROWS = '[data-testid="my-tasks"] li';

const { dbPath, staticDir } = workerData as { dbPath: string; staticDir: string };
let browser: Promise<Browser> | null = null;
/** Starts being taken down after their time was taken. */
const closing = new Set<Promise<unknown>>();

async function start(): Promise<number> {
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const b = await browser;
  const core = openCore(dbPath, { deviceName: 'bench-start' });
  const server = await startWebServer(core, { staticDir });
  const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(server.openUrl);
    await page.locator(FIRST_ROWS).first().waitFor({ timeout: 30_000 });
    return await page.locator(FIRST_ROWS).count();
  } finally {
    // Taken down while the benchmark goes on: the next start does not wait for it.
    const done = context
      .close()
      .then(() => server.close())
      .finally(() => core.store.close());
    closing.add(done);
    void done.finally(() => closing.delete(done));
  }
}

async function close(): Promise<number> {
  await Promise.allSettled([...closing]);
  if (browser) await (await browser).close();
  browser = null;
  return 0;
}

parentPort!.on('message', (job: StartJob) => {
  const cell = new Int32Array(job.signal);
  (job.kind === 'start' ? start() : close()).then(
    (rows) => {
      Atomics.store(cell, 1, rows);
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
    },
    (e: unknown) => {
      process.stderr.write(`app start failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      Atomics.store(cell, 0, 2);
      Atomics.notify(cell, 0);
    },
  );
});
