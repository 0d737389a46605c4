// The rejects report: the rows that could not be imported, as they were (same columns, same
// values, dates still dates), with the reasons in a column 导入失败原因 and the row's number
// in the original file. Fixed in Excel, it imports as it is (the two added columns are known
// headers that import into nothing; rows already imported are skipped).
import { basename, extname } from 'node:path';
import type { Execution } from './execute';
import type { Plan } from './plan';
import { writeTable, type WrittenFile } from './output';
import { columnLetter, type CellValue } from '@shared/ledger/types';
import type { ColumnType } from './writers';

export const REASON_HEADER = '导入失败原因';
export const ROW_HEADER = '原行号';

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;

export interface RejectsFile extends WrittenFile {
  rows: number;
  containsPhones: boolean;
}

export async function writeRejects(
  plan: Plan,
  exec: Execution,
  path?: string,
  field = 'path',
): Promise<RejectsFile> {
  const width = exec.rejects.reduce((w, r) => Math.max(w, r.row.cells.length), plan.layout.headers.length);
  const types: ColumnType[] = [];
  for (let i = 0; i < width; i++) {
    const dates = exec.rejects.map((r) => r.row.cells[i]).filter((c): c is Date => c instanceof Date);
    types.push(
      dates.some((d) => d.getTime() % 86_400_000 !== 0) ? 'datetime' : dates.length ? 'date' : 'text',
    );
  }
  const columns = [
    ...types.map((type, i) => ({ header: plan.layout.headers[i] || columnLetter(i), type })),
    { header: REASON_HEADER, type: 'text' as const, width: 60 },
    { header: ROW_HEADER, type: 'number' as const, width: 8 },
  ];
  const rows: CellValue[][] = exec.rejects.map(({ row, reasons }) => [
    ...Array.from({ length: width }, (_, i) => row.cells[i] ?? null),
    reasons.join('；'),
    row.rowNo,
  ]);
  const containsPhones =
    rows.some((r) => r.some((c) => typeof c === 'string' && (MOBILE.test(c) || LANDLINE.test(c)))) ||
    rows.some((r) => r.some((c) => typeof c === 'number' && MOBILE.test(String(c))));
  const stem = basename(plan.source.fileName, extname(plan.source.fileName)) || 'ledger';
  const written = await writeTable(
    { sheetName: '导入失败', columns, rows },
    'xlsx',
    `${stem}_导入失败.xlsx`,
    path,
    field,
  );
  return { ...written, rows: rows.length, containsPhones };
}
