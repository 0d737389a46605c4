// Merged ranges, as every workbook reader reports them: a value merged over several rows (an
// enterprise's name over its three demands) is copied into every cell of the range, as the
// user sees it.
import type { CellValue, SheetRow } from '@shared/ledger/types';

/** A merged range, 1-based rows as Excel numbers them, 0-based columns. */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function nonEmpty(c: CellValue): boolean {
  return c !== null && !(typeof c === 'string' && c.trim() === '');
}

export function fillMerges(rows: SheetRow[], merges: MergeRange[]): void {
  if (!merges.length) return;
  const byNo = new Map(rows.map((r) => [r.rowNo, r]));
  for (const m of merges) {
    const top = byNo.get(m.r1)?.cells[m.c1] ?? null;
    if (top === null) continue;
    for (let r = m.r1; r <= m.r2; r++) {
      const row = byNo.get(r);
      if (!row) continue;
      for (let c = m.c1; c <= m.c2; c++) {
        if (!nonEmpty(row.cells[c] ?? null)) {
          while (row.cells.length <= c) row.cells.push(null);
          row.cells[c] = top;
        }
      }
    }
  }
}
