// .xls (Excel 97–2003, BIFF8), .et (WPS 表格) and .ods → sheets of cells, read with SheetJS CE
// (@e965/xlsx). Loaded only when such a file is read: the library is large and the CLI starts
// without it. SheetJS parses in one synchronous call, so the bounds come first: the file's size
// here, the rows it may read (`sheetRows`) and the cells it may hand on. Cells are taken from
// the dense rows SheetJS filled, never by walking the sheet's declared range, which a damaged
// file may claim to be a million rows wide.
import { msg, say, type Msg } from '@shared/messages';
import * as XLSX from '@e965/xlsx';
import { fillMerges, nonEmpty, type MergeRange } from './merges';
import type { CellValue, SheetData, SheetRow } from '@shared/ledger/types';

export interface WorkbookLimits {
  /** Larger workbooks are refused: SheetJS holds the whole file in memory at once. */
  bytes: number;
  /** Rows per sheet: more refuses the file rather than importing part of it. */
  rows: number;
  /** Cells (up to each row's last non-empty one) in all sheets together. */
  cells: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  bytes: 64 * 1024 * 1024,
  rows: 200_000,
  cells: 4_000_000,
};

/** Why a workbook cannot be read, for the message the user sees. */
export class WorkbookRefused extends Error {
  constructor(
    readonly reason: 'password' | 'damaged' | 'tooLarge',
    readonly msg: Msg,
  ) {
    super(say('en', msg));
  }
}

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

interface Cell {
  t: string;
  v?: unknown;
  z?: string | number;
}

function toCell(c: Cell | undefined, date1904: boolean): CellValue {
  if (!c) return null;
  switch (c.t) {
    case 's':
      return typeof c.v === 'string' ? c.v : null;
    case 'b':
      return typeof c.v === 'boolean' ? c.v : null;
    case 'd':
      return c.v instanceof Date ? c.v : null;
    case 'n': {
      if (typeof c.v !== 'number' || !Number.isFinite(c.v)) return null;
      // A number formatted as a date is a date, as Excel shows it (wall time, kept as UTC).
      if (c.z !== undefined && XLSX.SSF.is_date(c.z))
        return new Date((date1904 ? EPOCH_1904_MS : EXCEL_EPOCH_MS) + Math.round(c.v * DAY_MS));
      return c.v;
    }
    default:
      return null; // errors (#N/A) and stubs
  }
}

function refusal(e: unknown): WorkbookRefused {
  const text = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(text)) return new WorkbookRefused('password', msg('ledger.password'));
  return new WorkbookRefused('damaged', msg('ledger.damaged', { detail: text.slice(0, 200) }));
}

const tooLarge = (what: string) => new WorkbookRefused('tooLarge', msg('ledger.workbookTooLarge', { what }));

export function readWorkbook(buf: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): SheetData[] {
  if (buf.length > limits.bytes) throw tooLarge(`超过 ${Math.round(limits.bytes / 1024 / 1024)} MB`);
  // A compound document's signature cut short: SheetJS would read the bytes as text.
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0 && !buf.subarray(0, 8).equals(CFB_SIGNATURE))
    throw refusal(new Error('bad compound document signature'));
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, {
      type: 'buffer',
      dense: true,
      // Number formats tell dates from numbers; styles carry the hidden columns.
      cellNF: true,
      cellStyles: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      sheetRows: limits.rows + 1,
    });
  } catch (e) {
    throw refusal(e);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  let cells = 0;
  const out: SheetData[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const data = (ws['!data'] ?? []) as (Cell[] | undefined)[];
    if (data.length > limits.rows) throw tooLarge(`工作表 ${name} 超过 ${limits.rows} 行`);
    const rows: SheetRow[] = [];
    for (let r = 0; r < data.length; r++) {
      const source = data[r];
      if (!source) continue;
      const row: CellValue[] = [];
      for (let c = 0; c < source.length; c++) row.push(toCell(source[c], date1904));
      while (row.length && !nonEmpty(row[row.length - 1]!)) row.pop();
      if (!row.length) continue;
      cells += row.length;
      if (cells > limits.cells) throw tooLarge(`超过 ${limits.cells} 个单元格`);
      rows.push({ rowNo: r + 1, cells: row });
    }
    // Ranges cut to the cells read: a damaged file may declare merges over the whole sheet.
    const lastRow = rows.at(-1)?.rowNo ?? 0;
    const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
    const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({
      r1: m.s.r + 1,
      c1: m.s.c,
      r2: Math.min(m.e.r + 1, lastRow),
      c2: Math.min(m.e.c, width - 1),
    }));
    fillMerges(rows, merges);
    const hiddenColumns = (ws['!cols'] ?? []).flatMap((col, i) => (col?.hidden ? [i] : []));
    out.push({ name, rows, ...(hiddenColumns.length ? { hiddenColumns } : {}) });
  }
  return out;
}
