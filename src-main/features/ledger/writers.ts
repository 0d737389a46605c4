// Writing a table to .xlsx (exceljs's streaming writer: flat memory for large lists) or to
// CSV (UTF-8 with a BOM and CRLF, so Excel opens Chinese text right). Dates are real date
// cells in .xlsx and YYYY-MM-DD[ HH:MM] in CSV.
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { dateCellText } from './text';
import type { CellValue } from '@shared/ledger/types';

export type ColumnType = 'text' | 'date' | 'datetime' | 'number';

export interface TableColumn {
  header: string;
  type: ColumnType;
  width?: number;
}

export interface Table {
  sheetName: string;
  columns: TableColumn[];
  rows: CellValue[][];
}

const NUM_FMT: Partial<Record<ColumnType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

function widthOf(col: TableColumn, rows: CellValue[][], i: number): number {
  if (col.width) return col.width;
  if (col.type === 'date') return 12;
  if (col.type === 'datetime') return 17;
  let w = [...col.header].reduce((s, ch) => s + (ch.charCodeAt(0) > 255 ? 2 : 1), 0);
  for (const r of rows.slice(0, 200)) {
    const t = String(r[i] ?? '');
    w = Math.max(
      w,
      [...t.slice(0, 60)].reduce((s, ch) => s + (ch.charCodeAt(0) > 255 ? 2 : 1), 0),
    );
  }
  return Math.min(60, Math.max(8, w + 2));
}

/** Writes the table as .xlsx to `path`, or returns the bytes when no path is given. */
export async function writeXlsx(table: Table, path?: string): Promise<Buffer | null> {
  const sink = path ? createWriteStream(path) : new PassThrough();
  const chunks: Buffer[] = [];
  if (!path) sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName(table.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: widthOf(c, table.rows, i),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const values of table.rows) {
    const row = ws.addRow(values.map((v) => (v === null ? undefined : v)));
    table.columns.forEach((c, i) => {
      const fmt = NUM_FMT[c.type];
      if (fmt && values[i] instanceof Date) row.getCell(i + 1).numFmt = fmt;
    });
    row.commit();
  }
  ws.commit();
  const done = finished(sink);
  await wb.commit();
  await done;
  return path ? null : Buffer.concat(chunks);
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Numbers and phone numbers may start with + or -: they are not formulas. */
const NUMBER_LIKE = /^[+-]?[\d\s().,-]+$/;

function csvCell(v: CellValue, type: ColumnType): string {
  let s: string;
  if (v === null) s = '';
  else if (v instanceof Date) s = type === 'date' ? dateCellText(v).slice(0, 10) : dateCellText(v);
  else s = String(v);
  // A text starting like a formula is written with an apostrophe (read back without it).
  if (typeof v === 'string' && FORMULA_START.test(s) && !NUMBER_LIKE.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Table): Buffer {
  const lines = [table.columns.map((c) => csvCell(c.header, 'text')).join(',')];
  for (const r of table.rows)
    lines.push(table.columns.map((c, i) => csvCell(r[i] ?? null, c.type)).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
