// A date as people type it into one text box: 2026-03-05, 2026-3-5, 20260305, 2026.3.5,
// 2026/3/5, 2026年3月5日, or only month and day (3.5, 3-5, 3月5日) for this year.
import { isValidDate } from './dates';

export type TypedDate =
  | { ok: true; date: string }
  /** empty: nothing typed; format: not a way of writing a date; impossible: no such day (2-30). */
  | { ok: false; reason: 'empty' | 'format' | 'impossible' };

const SEP = String.raw`\s*[-./年月]\s*`;
const FULL = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})\s*日?$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})\s*日?$`);

const pad = (n: string) => n.padStart(2, '0');

/** Reads `text` as a calendar date; a month and day alone fall in the year of `today` (YYYY-MM-DD). */
export function parseTypedDate(text: string, today: string): TypedDate {
  // NFKC turns an input method's full-width digits and punctuation into ASCII.
  const s = text.normalize('NFKC').trim();
  if (!s) return { ok: false, reason: 'empty' };
  const m = FULL.exec(s) ?? COMPACT.exec(s);
  const parts = m ? [m[1]!, m[2]!, m[3]!] : MONTH_DAY.exec(s)?.slice(1, 3);
  if (!parts) return { ok: false, reason: 'format' };
  const [year, month, day] = parts.length === 3 ? parts : [today.slice(0, 4), ...parts];
  const date = `${year}-${pad(month!)}-${pad(day!)}`;
  return isValidDate(date) ? { ok: true, date } : { ok: false, reason: 'impossible' };
}
