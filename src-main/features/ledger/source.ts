// The file to import: from a path or from base64 content (the renderer cannot read files),
// recognised by its first bytes, then its extension.
import { msg } from '@shared/messages';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { invalid } from '@shared/contract/errors';
import type { SourceFile } from '@shared/ledger/types';

export interface SourceInput {
  path?: string | undefined;
  contentBase64?: string | undefined;
  fileName?: string | undefined;
  /** CSV only: read the text in this encoding instead of detecting it. */
  encoding?: string | undefined;
}

const MAX_BYTES = 200 * 1024 * 1024;

/** Extensions of the formats SheetJS reads: a file of these that is no workbook is refused as damaged. */
const OLD_FORMATS = new Set(['.xls', '.et', '.ods', '.ett', '.xlt']);

async function bytesOf(input: SourceInput): Promise<{ buf: Buffer; fileName: string; field: string }> {
  if (input.path !== undefined && input.contentBase64 !== undefined) {
    throw invalid('path', msg('ledger.pathAndContent'));
  }
  if (input.path !== undefined) {
    const path = resolve(input.path);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw invalid('path', msg('ledger.noFile', { path }));
    if (info.size > MAX_BYTES) throw invalid('path', msg('ledger.tooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    return { buf: await readFile(path), fileName: input.fileName ?? basename(path), field: 'path' };
  }
  if (input.contentBase64 !== undefined) {
    const buf = Buffer.from(input.contentBase64, 'base64');
    if (!buf.length) throw invalid('contentBase64', msg('ledger.emptyContent'));
    return { buf, fileName: input.fileName ?? 'ledger', field: 'contentBase64' };
  }
  throw invalid('path', msg('ledger.giveFile'));
}

/**
 * The file read last, by its bytes, name and CSV encoding: the import wizard reads the same
 * file again on every change of kind, sheet, header row or mapping, then to import it, and
 * reading a workbook of 50,000 rows takes over a second each time. It is frozen, so nothing
 * downstream can change what the next call reads, and forgotten after a few idle minutes so
 * a large workbook does not stay in memory.
 */
let last: { key: string; file: SourceFile; timer: NodeJS.Timeout } | null = null;
export const KEEP_READ_FILE_MS = 5 * 60_000;

function frozen(file: SourceFile): SourceFile {
  for (const sheet of file.sheets) {
    for (const row of sheet.rows) Object.freeze(Object.freeze(row).cells);
    Object.freeze(Object.freeze(sheet).rows);
  }
  Object.freeze(file.sheets);
  return Object.freeze(file);
}

function forget(): void {
  if (last) clearTimeout(last.timer);
  last = null;
}

export async function readSource(input: SourceInput): Promise<SourceFile> {
  const read = await bytesOf(input);
  const key = [createHash('sha256').update(read.buf).digest('hex'), read.fileName, input.encoding ?? ''].join(
    '\u0000',
  );
  if (last?.key === key) {
    last.timer.refresh();
    return last.file;
  }
  const file = frozen(await parseSource(read, input.encoding));
  forget();
  // unref: a command-line import must not wait for the timer to end.
  last = { key, file, timer: setTimeout(forget, KEEP_READ_FILE_MS).unref() };
  return file;
}

async function parseSource(
  { buf, fileName, field }: { buf: Buffer; fileName: string; field: string },
  encoding: string | undefined,
): Promise<SourceFile> {
  const ext = extname(fileName).toLowerCase();
  const isZip = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  const isOle = buf.length > 8 && buf.readUInt32BE(0) === 0xd0cf11e0;
  // An OpenDocument file is a zip whose first entry (from LibreOffice and WPS), stored
  // uncompressed, names its type; other writers are known by the extension only. A zip with
  // OOXML's [Content_Types].xml is an Excel workbook whatever its name: SheetJS loops forever
  // on some valid ones, so it never gets them.
  const isOds =
    isZip &&
    !buf.includes('[Content_Types].xml') &&
    (ext === '.ods' || buf.subarray(30, 120).includes('application/vnd.oasis.opendocument'));
  if (isOle || isOds || (!isZip && OLD_FORMATS.has(ext))) {
    // Excel 97–2003 and WPS files are compound documents; so are password-protected .xlsx.
    const { readWorkbook, WorkbookRefused } = await import('./sheetjsRead');
    try {
      return {
        fileName,
        format: isOds ? 'ods' : ext === '.et' ? 'et' : 'xls',
        encoding: null,
        sheets: readWorkbook(buf),
      };
    } catch (e) {
      if (e instanceof WorkbookRefused) throw invalid(field, e.msg, { reason: e.reason });
      throw e;
    }
  }
  if (isZip) {
    try {
      return {
        fileName,
        format: 'xlsx',
        encoding: null,
        sheets: await (await import('./xlsxRead')).readXlsx(buf),
      };
    } catch (e) {
      throw invalid(field, msg('ledger.unreadableWorkbook', { detail: (e as Error).message }));
    }
  }
  if (ext === '.xlsx' || ext === '.xlsm') throw invalid(field, msg('ledger.notXlsx'));
  if (encoding !== undefined && !/^[\w.:-]{1,40}$/.test(encoding))
    throw invalid('encoding', msg('ledger.badEncoding'));
  // The encoding libraries load with the first text file read, not with every door.
  const { readCsv } = await import('./csvRead');
  try {
    const csv = readCsv(buf, encoding);
    return {
      fileName,
      format: 'csv',
      encoding: csv.encoding,
      sheets: [{ name: basename(fileName, ext) || 'CSV', rows: csv.rows }],
    };
  } catch (e) {
    if (e instanceof RangeError)
      throw invalid('encoding', msg('ledger.unknownEncoding', { detail: e.message }));
    throw e;
  }
}
