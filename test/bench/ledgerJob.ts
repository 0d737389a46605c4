// One benchmark import: a fresh database with the ledger's staff, then ledger.import of the
// file through the API (callAsync, as the doors call it).
import { readFileSync, rmSync } from 'node:fs';
import { openCore } from '../../src-main/open';
import { call, callAsync } from '../../src-main/dispatch';
import { LEDGER_STAFF } from './ledgerFile';

export interface ImportJobResult {
  created: number;
  rejected: number;
  ms: number;
  cpuMs: number;
}

/** Reads a workbook with one of the two readers, for the .xlsx reader comparison: rows read. */
export async function readJob(file: string, reader: 'exceljs' | 'sheetjs'): Promise<number> {
  const buf = readFileSync(file);
  const sheets =
    reader === 'exceljs'
      ? await (await import('../../src-main/features/ledger/xlsxRead')).readXlsx(buf)
      : (await import('../../src-main/features/ledger/sheetjsRead')).readWorkbook(buf);
  return sheets.reduce((n, s) => n + s.rows.length, 0);
}

export async function importJob(file: string, dbPath: string): Promise<ImportJobResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const core = openCore(dbPath, { deviceName: 'bench-ledger' });
  try {
    const me = call(core, 'staff.create', { name: '基准测试员', role: 'supervisor' });
    if (!me.ok) throw new Error(JSON.stringify(me.error));
    call(core, 'me.set', { staffId: (me.result as { id: string }).id });
    for (const name of LEDGER_STAFF) call(core, 'staff.create', { name });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const r = await callAsync(core, 'ledger.import', { path: file });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (!r.ok) throw new Error(`ledger.import failed: ${JSON.stringify(r.error)}`);
    const result = r.result as { created: number; rejected: number };
    return {
      created: result.created,
      rejected: result.rejected,
      ms,
      cpuMs: (used.user + used.system) / 1000,
    };
  } finally {
    core.store.close();
  }
}
