// Ledger import at bureau scale: a 50,000-row visits ledger (.xlsx, a title row, 3,000
// enterprises that do not exist yet, 12 staff) imported through the API into a fresh
// database: read, header detection, mapping, normalisation, enterprise creation, one visit
// per row, one transaction after a backup. Targets: under 15 s, and under 1 GB of memory.
// Time: run.ts's median (a worker thread imports while run() waits, as in reports.bench.ts).
// Memory: the peak resident set of one import alone in a child process, shown in the case name.
// The same ledger as an Excel 97–2003 .xls (read through SheetJS): under 20 s.
// Which reader for .xlsx: the current one (exceljs streaming + jszip for merges) against
// SheetJS reading the same file, as the baseline, shown without a target: SheetJS reads this
// file ~1.5× faster, but loops forever on some valid .xlsx (see source.ts), in one synchronous
// call nothing can interrupt, and holds the whole workbook in memory; exceljs streams.
// `--ledger-rows N` changes the size.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CACHE_DIR } from './fixture';
import type { BenchModule } from './harness';

const TARGET_MS = 15_000;
const XLS_TARGET_MS = 20_000;
/** These cases take seconds a run: three timed runs each. */
const SLOW_RUNS = 3;
const MEMORY_LIMIT_MB = 1024;

function rowsOption(): number {
  const i = process.argv.indexOf('--ledger-rows');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 50_000;
  if (!Number.isInteger(n) || n < 1) throw new Error('--ledger-rows must be a whole number ≥ 1');
  return n;
}

function runner(): (job: Record<string, unknown>) => number {
  const worker = new Worker(new URL('./ledger-worker.ts', import.meta.url));
  worker.unref();
  return (job) => {
    const signal = new SharedArrayBuffer(8);
    const cell = new Int32Array(signal);
    worker.postMessage({ ...job, signal });
    Atomics.wait(cell, 0, 0, 600_000);
    if (Atomics.load(cell, 0) !== 1) throw new Error(`ledger bench ${String(job.kind)} failed or timed out`);
    return Atomics.load(cell, 1);
  };
}

/** One import alone in a child process: its time, CPU time and peak resident memory. */
export function importInChild(
  file: string,
  dbPath: string,
): { ms: number; cpuMs: number; maxRssMb: number; created: number } {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const child = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      fileURLToPath(new URL('./ledger-child.ts', import.meta.url)),
      file,
      dbPath,
    ],
    { cwd: root, encoding: 'utf8', timeout: 600_000 },
  );
  if (child.status !== 0) throw new Error(`ledger import child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    ms: number;
    cpuMs: number;
    maxRssMb: number;
    created: number;
  };
}

const ledger: BenchModule = {
  name: 'ledger',
  cases() {
    const rows = rowsOption();
    mkdirSync(CACHE_DIR, { recursive: true });
    const dir = mkdtempSync(join(CACHE_DIR, 'ledger-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const run = runner();
    const file = join(dir, `visits-${rows}.xlsx`);
    run({ kind: 'write', file, rows });
    const xls = join(dir, `visits-${rows}.xls`);
    run({ kind: 'writeXls', file: xls, rows });
    const alone = importInChild(file, join(dir, 'memory.db'));
    if (alone.created !== rows) throw new Error(`the import created ${alone.created} of ${rows} visits`);
    const memory = `peak RSS ${Math.round(alone.maxRssMb)} MB ${alone.maxRssMb < MEMORY_LIMIT_MB ? '<' : '≥'} 1 GB`;
    let n = 0;
    return [
      {
        name: `import ${rows.toLocaleString('en-US')}-row visits ledger .xlsx (fresh db, ${memory})`,
        run: () => run({ kind: 'import', file, dbPath: join(dir, `run-${n++ % 2}.db`) }),
        targetMs: TARGET_MS,
      },
      {
        name: `import ${rows.toLocaleString('en-US')}-row visits ledger .xls (Excel 97–2003, fresh db)`,
        run: () => run({ kind: 'import', file: xls, dbPath: join(dir, `run-${n++ % 2}.db`) }),
        targetMs: XLS_TARGET_MS,
        runs: SLOW_RUNS,
      },
      {
        name: `read the ${rows.toLocaleString('en-US')}-row .xlsx: exceljs streaming reader (kept: SheetJS hangs on some)`,
        run: () => run({ kind: 'read', file, reader: 'exceljs' }),
        baseline: () => run({ kind: 'read', file, reader: 'sheetjs' }),
        baselineName: 'SheetJS (@e965/xlsx) reading the same file',
        runs: SLOW_RUNS,
      },
    ];
  },
};

export default ledger;
