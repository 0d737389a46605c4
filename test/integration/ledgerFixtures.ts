// Builders for the ledger tests: .xlsx and .csv files written by the tests themselves (with
// exceljs and iconv-lite) into temporary folders, and calls through callAsync.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { callAsync } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { ApiErrorBody } from '@shared/contract/errors';
import { tempDir, type TestCore } from '../helpers';

export type Cell = string | number | boolean | Date | null | undefined;

export async function aok<M extends MethodName>(
  t: TestCore,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await callAsync(t.core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

export async function aerr(t: TestCore, method: MethodName, input: unknown): Promise<ApiErrorBody> {
  const r = await callAsync(t.core, method, input);
  if (r.ok)
    throw new Error(`${method} succeeded but should have failed: ${JSON.stringify(r.result).slice(0, 300)}`);
  return r.error;
}

export interface SheetSpec {
  name?: string;
  rows: Cell[][];
  /** e.g. 'A1:H1' */
  merges?: string[];
  /** 0-based columns to hide. */
  hiddenColumns?: number[];
}

/** Writes a workbook (one sheet per spec) and returns its path. */
export async function xlsxFile(
  sheets: SheetSpec | SheetSpec[],
  name = 'ledger.xlsx',
  dir = tempDir(),
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [i, s] of (Array.isArray(sheets) ? sheets : [sheets]).entries()) {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`);
    s.rows.forEach((r, n) => {
      const row = ws.getRow(n + 1);
      r.forEach((v, c) => {
        if (v !== undefined && v !== null) row.getCell(c + 1).value = v;
      });
      row.commit();
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030';

export function csvText(rows: Cell[][], delimiter = ','): string {
  return rows.map((r) => r.map(csvField).join(delimiter)).join('\r\n') + '\r\n';
}

export function csvFile(
  rows: Cell[][],
  encoding: CsvEncoding = 'utf8',
  name = 'ledger.csv',
  dir = tempDir(),
): string {
  const text = csvText(rows);
  const bytes =
    encoding === 'utf8'
      ? Buffer.from(text, 'utf8')
      : encoding === 'utf8-bom'
        ? Buffer.from(`\uFEFF${text}`, 'utf8')
        : iconv.encode(text, encoding);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Reads back the first sheet of an .xlsx as values (row 1 first). */
export async function readBack(pathOrBuffer: string | Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  if (typeof pathOrBuffer === 'string') await wb.xlsx.readFile(pathOrBuffer);
  else await wb.xlsx.load(pathOrBuffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    out.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1] ?? null));
  });
  return out;
}

export function staffNamed(t: TestCore, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, t.ok('staff.create', { name: n }).id]));
}

/** A visits ledger as bureaus keep them: a merged title row, a blank row, then the header. */
export const VISIT_HEADER = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '走访日期',
  '走访方式',
  '走访人员',
  '走访情况',
];

/** A visits-with-demands ledger's header: a visit, its demands in one cell, their status. */
export const VISITS_WITH_DEMANDS_HEADER: Cell[] = [
  ...VISIT_HEADER.slice(1),
  '企业需求',
  '办理状态',
  '办结时间',
];

export type BookType = 'biff8' | 'ods' | 'xlsx';

export type WorkbookSheet = SheetSpec;

/**
 * Writes a workbook with SheetJS (the library the importer reads .xls, .et and .ods with):
 * BIFF8 for .xls and .et (WPS saves .et as a BIFF8 compound document), OpenDocument for .ods.
 * Dates become date-formatted serial numbers, as Excel stores them.
 */
export function workbookBytes(sheets: WorkbookSheet | WorkbookSheet[], bookType: BookType): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [i, s] of (Array.isArray(sheets) ? sheets : [sheets]).entries()) {
    const ws: XLSX.WorkSheet = {};
    let width = 1;
    s.rows.forEach((r, n) => {
      width = Math.max(width, r.length);
      r.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const ref = XLSX.utils.encode_cell({ r: n, c });
        ws[ref] =
          v instanceof Date
            ? { t: 'n', v: (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, z: 'm/d/yy' }
            : typeof v === 'number'
              ? { t: 'n', v }
              : typeof v === 'boolean'
                ? { t: 'b', v }
                : { t: 's', v };
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, s.rows.length - 1), c: width - 1 },
    });
    if (s.merges?.length) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    if (s.hiddenColumns?.length)
      ws['!cols'] = Array.from({ length: width }, (_, c) => ({ hidden: s.hiddenColumns!.includes(c) }));
    XLSX.utils.book_append_sheet(wb, ws, s.name ?? `Sheet${i + 1}`);
  }
  return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
}

export function workbookFile(
  sheets: WorkbookSheet | WorkbookSheet[],
  name: string,
  bookType: BookType = 'biff8',
  dir = tempDir(),
): string {
  const path = join(dir, name);
  writeFileSync(path, workbookBytes(sheets, bookType));
  return path;
}
