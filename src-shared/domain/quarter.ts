import { addDays } from './dates';

export const QUARTER_RE = /^(\d{4})Q([1-4])$/;

export interface Quarter {
  key: string;
  /** First calendar day, inclusive. */
  start: string;
  /** Last calendar day, inclusive. */
  end: string;
}

export function parseQuarter(key: string): Quarter {
  const m = QUARTER_RE.exec(key);
  if (!m) throw new RangeError(`quarter must look like 2026Q3, got '${key}'`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = q === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { key, start, end: addDays(nextStart, -1) };
}

export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`;
}

export function shiftQuarter(key: string, by: number): string {
  const m = QUARTER_RE.exec(key);
  if (!m) throw new RangeError(`quarter must look like 2026Q3, got '${key}'`);
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}
