// App start in web mode: from the web door starting on the demo district (open the database,
// listen) to the home screen's first rows in Chromium, in a new browser context each time (an
// empty HTTP cache, as on a first start) with the renderer already built. Chromium's own
// launch is not counted: the desktop app's window is a page of an Electron already running.
// Target: under 1.5 s. Needs a fresh `npx electron-vite build` and /usr/bin/chromium.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isBuildFresh, RENDERER_BUILD } from '../../src-main/doors/web/build';
import { PROJECT_ROOT, RENDERER_BUILD_DIR } from '../../src-main/paths';
import { requireChromium } from '../e2e/harness';
import { ensureDemo } from './fixture';
import type { BenchModule } from './harness';
import type { StartJob } from './start-worker';

const TARGET_MS = 1_500;
/** The district a first start shows: the demo at its shipped size. */
const DEMO_SCALE = 1;

/** A worker that starts the app on `dbPath` per call; `close` ends its browser. */
function starter(dbPath: string): { start(): number; close(): void } {
  let worker: Worker | null = null;
  const send = (kind: StartJob['kind'], timeoutMs: number): number => {
    worker ??= new Worker(new URL('./start-worker.ts', import.meta.url), {
      workerData: { dbPath, staticDir: RENDERER_BUILD_DIR },
    });
    worker.unref();
    const signal = new SharedArrayBuffer(8);
    const cell = new Int32Array(signal);
    worker.postMessage({ kind, signal } satisfies StartJob);
    Atomics.wait(cell, 0, 0, timeoutMs);
    if (Atomics.load(cell, 0) !== 1) throw new Error(`app ${kind} failed or timed out`);
    return Atomics.load(cell, 1);
  };
  return {
    start: () => send('start', 60_000),
    // Waits for the worker even at exit, so no Chromium outlives the benchmark.
    close: () => void (worker && send('close', 15_000)),
  };
}

const start: BenchModule = {
  name: 'start',
  cases() {
    requireChromium();
    if (!isBuildFresh(PROJECT_ROOT)) {
      throw new Error(
        `${join(PROJECT_ROOT, RENDERER_BUILD)} is missing or older than its sources: run \`npx electron-vite build\``,
      );
    }
    const { path } = ensureDemo(DEMO_SCALE);
    const app = starter(path);
    process.on('exit', () => app.close());
    return [
      {
        name: `web door start → home screen's first rows in Chromium (demo --scale ${DEMO_SCALE}, empty cache)`,
        run: () => app.start(),
        targetMs: TARGET_MS,
      },
    ];
  },
};

export default start;
