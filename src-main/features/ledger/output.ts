// Where a written file goes: a path of the caller's choosing (written to a temporary name and
// renamed, so a failure leaves no half file), or back as base64 when no path is given.
import { msg } from '@shared/messages';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { invalid } from '@shared/contract/errors';
import type { Table } from './writers';

export type OutFormat = 'xlsx' | 'csv';

export interface WrittenFile {
  fileName: string;
  format: OutFormat;
  path: string | null;
  contentBase64: string | null;
  bytes: number;
}

/** The format a path asks for; refuses a path whose extension says another format (or none). */
export function formatFor(
  path: string | undefined,
  format: OutFormat | undefined,
  field = 'path',
): OutFormat {
  if (!path) return format ?? 'xlsx';
  const ext = extname(path).toLowerCase();
  const byExt: OutFormat | null = ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : null;
  if (!byExt) throw invalid(field, msg('ledger.mustXlsxOrCsv', { ext: ext || '—' }));
  if (format && format !== byExt) throw invalid(field, msg('ledger.extVsFormat', { ext, format }));
  return byExt;
}

export async function writeTable(
  table: Table,
  format: OutFormat,
  fileName: string,
  path?: string,
  field = 'path',
): Promise<WrittenFile> {
  // Loaded here, not at start: the Excel library costs every CLI call a quarter of a second.
  const { toCsv, writeXlsx } = await import('./writers');
  if (!path) {
    const buf = format === 'csv' ? toCsv(table) : (await writeXlsx(table))!;
    return { fileName, format, path: null, contentBase64: buf.toString('base64'), bytes: buf.length };
  }
  const target = await outputPath(path, field);
  const bytes = await writeAtomically(target, async (tmp) => {
    if (format === 'csv') await writeFile(tmp, toCsv(table));
    else await writeXlsx(table, tmp);
  });
  return { fileName, format, path: target, contentBase64: null, bytes };
}

/** The absolute path a file will be written to; refuses a path whose folder does not exist. */
export async function outputPath(path: string, field = 'path'): Promise<string> {
  const target = resolve(path);
  const dir = await stat(dirname(target)).catch(() => null);
  if (!dir?.isDirectory()) throw invalid(field, msg('ledger.noFolder', { dir: dirname(target) }));
  return target;
}

/** Writes through `write(tmp)` under a temporary name, then renames it to `target`; returns its size. */
export async function writeAtomically(
  target: string,
  write: (tmp: string) => Promise<void>,
): Promise<number> {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
  }
  return (await stat(target)).size;
}
