// Reads the dates out of the State Council's yearly holiday notice (国务院办公厅关于…部分节假日
// 安排的通知), as pasted from its web page, or out of a plain list of dates:
//   "国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。"
// Each clause (between 。；， or line breaks) is read on its own: one that says 上班/补班 lists
// worked days, any other lists holidays; "A至B" is every day from A to B.
import { addDays, isValidDate } from './dates';

export interface NoticeDates {
  holidays: string[];
  workdays: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Full-width digits and tildes as half-width ones (pasted text mixes both). */
const halfWidth = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[～〜]/g, '~');

// A date: 2025-10-01, 2025/10/1, 2025年10月1日, 10月1日, or (after 至, in the same month) 8日.
const DATE = String.raw`(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})[日号])`;
const DATE_OR_RANGE = new RegExp(`${DATE}(?:\\s*(?:至|到|~|—|–|-)\\s*${DATE})?`, 'g');

interface Parts {
  year: number;
  month: number | null;
  day: number;
}

function parts(m: RegExpExecArray, at: number, year: number): Parts | null {
  const g = (i: number) => m[at + i];
  if (g(0)) return { year: Number(g(0)), month: Number(g(1)), day: Number(g(2)) };
  if (!g(5)) return null;
  return { year: g(3) ? Number(g(3)) : year, month: g(4) ? Number(g(4)) : null, day: Number(g(5)) };
}

/** The dates a notice (or a list of dates) names for `year`, sorted, each once. */
export function parseHolidayNotice(text: string, year: number): NoticeDates {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  // Parentheses hold weekdays and lunar dates (（周三）, （农历正月初七、周一）): never a date of the list.
  const clean = halfWidth(text).replace(/[（(][^（）()]*[）)]/g, '');
  for (const clause of clean.split(/[。；;，,\n\r]+/)) {
    const into = /上班|补班/.test(clause) ? workdays : holidays;
    let month: number | null = null;
    for (const m of clause.matchAll(DATE_OR_RANGE)) {
      const from = parts(m, 1, year);
      if (!from) continue;
      from.month ??= month;
      if (from.month === null) continue;
      month = from.month;
      const first = `${from.year}-${pad(from.month)}-${pad(from.day)}`;
      if (!isValidDate(first)) continue;
      const to = parts(m, 7, from.year);
      let last = first;
      if (to) {
        to.month ??= from.month;
        // A range into January (12月31日至1月2日) ends in the next year.
        if (to.year === from.year && to.month < from.month) to.year += 1;
        last = `${to.year}-${pad(to.month)}-${pad(to.day)}`;
        if (!isValidDate(last) || last < first) last = first;
        month = to.month;
      }
      // A range is a holiday's length at most: a stray match never floods the list.
      for (let d = first, n = 0; d <= last && n < 60; d = addDays(d, 1), n++) into.add(d);
    }
  }
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
