// Worker for ledger.bench.ts: writes the ledger file and runs the (asynchronous) imports,
// signalling the waiting benchmark through a SharedArrayBuffer (as reports-export-worker.ts).
import { parentPort } from 'node:worker_threads';
import { writeVisitLedger, writeVisitLedgerXls } from './ledgerFile';
import { importJob, readJob } from './ledgerJob';

type Job = { signal: SharedArrayBuffer } & (
  | { kind: 'write'; file: string; rows: number }
  | { kind: 'writeXls'; file: string; rows: number }
  | { kind: 'import'; file: string; dbPath: string }
  | { kind: 'read'; file: string; reader: 'exceljs' | 'sheetjs' }
);

parentPort!.on('message', (job: Job) => {
  const cell = new Int32Array(job.signal);
  const work: Promise<number> =
    job.kind === 'write'
      ? writeVisitLedger(job.file, job.rows).then(() => job.rows)
      : job.kind === 'writeXls'
        ? Promise.resolve().then(() => (writeVisitLedgerXls(job.file, job.rows), job.rows))
        : job.kind === 'read'
          ? readJob(job.file, job.reader)
          : importJob(job.file, job.dbPath).then((r) => r.created);
  work.then(
    (n) => {
      Atomics.store(cell, 1, n);
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
    },
    (e: unknown) => {
      process.stderr.write(`ledger bench job failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      Atomics.store(cell, 0, 2);
      Atomics.notify(cell, 0);
    },
  );
});
