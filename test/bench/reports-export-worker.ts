// Worker for reports.bench.ts: runs the (asynchronous) Excel export on its own connection
// and signals the waiting benchmark through a SharedArrayBuffer (see reports.bench.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from '../../src-main/open';
import { quarterlyXlsx } from '../../src-main/features/reports/xlsx';
import { clearReportMemo } from '../../src-main/features/reports/quarterly';

interface Job {
  quarter: string;
  /** [state, bytes]: state 1 = done, 2 = failed. */
  signal: SharedArrayBuffer;
}

const core = openCore((workerData as { path: string }).path);
parentPort!.on('message', (job: Job) => {
  const cell = new Int32Array(job.signal);
  clearReportMemo(core.store.db);
  quarterlyXlsx(core, { quarter: job.quarter }).then(
    (buffer) => {
      Atomics.store(cell, 1, buffer.length);
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
    },
    (e: unknown) => {
      process.stderr.write(`excel export failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      Atomics.store(cell, 0, 2);
      Atomics.notify(cell, 0);
    },
  );
});
