// Shapes shared by the ledger import and export (pure types and constants: no I/O here,
// so the renderer may import them for the import wizard).

/** One cell as read from a file: text, number, boolean, a real date, or empty. */
export type CellValue = string | number | boolean | Date | null;

/** One row of a sheet, numbered as the user sees it in Excel (1-based). */
export interface SheetRow {
  rowNo: number;
  /** 0-based columns: cells[0] is column A. */
  cells: CellValue[];
}

export interface SheetData {
  name: string;
  rows: SheetRow[];
  /** 0-based columns hidden in the sheet: a visible column wins over a hidden one of the same meaning. */
  hiddenColumns?: number[];
}

/** How a file was read: Excel 2007+, Excel 97–2003 (BIFF8), WPS 表格, OpenDocument, or text. */
export const FILE_FORMATS = ['xlsx', 'xls', 'et', 'ods', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface SourceFile {
  fileName: string;
  format: FileFormat;
  /** CSV only: the text encoding used to read it. */
  encoding: string | null;
  sheets: SheetData[];
}

/** What one row of a ledger file is. `visits_with_demands`: a visit whose demands are in one cell. */
export const IMPORT_KINDS = [
  'enterprises',
  'visits',
  'demands',
  'followups',
  'visits_with_demands',
  'staff',
  'activities',
  'outcomes',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const ROW_OUTCOMES = ['create', 'update', 'skip', 'reject'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** A problem with one row, tied to the column the user should look at (null: the row as a whole). */
export interface RowError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The inverse of columnLetter: 'A' → 0, 'AA' → 26; null for anything else. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
