// Working days (shared/DOMAIN.md, "Working days"): Monday–Friday not listed as an official
// holiday, plus the weekend days listed as worked (调休). The State Council publishes each
// year's list; `calendar.set` records it per year.
import type { Msg } from '../messages';
import { addDays, isValidDate } from './dates';

/** A year's official list: its holidays and the weekend days that are worked. */
export interface CalendarYear {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

/** The lists of every year known, as sets: what the working-day functions read. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** No official list: Monday–Friday are the working days. */
export const PLAIN_WEEKS: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export function workCalendar(years: readonly CalendarYear[]): WorkCalendar {
  return {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
}

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  return !isWeekend(date) && !cal.holidays.has(date);
}

/** The n-th working day strictly after `date` (n ≥ 0; 0 gives `date` itself). */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/** The working days after `from` up to and including `to` (dates; 0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n += 1;
  return n;
}

/** What is wrong with one entry of a year's list: the field path (`holidays.3`) and why. */
export interface CalendarProblem {
  field: string;
  msg: Msg;
}

/**
 * The problems of a year's list, first ones first: a date that is no calendar date, one outside
 * the year, one listed twice, one both a holiday and a worked day. Empty when it can be kept.
 */
export function calendarProblems(y: CalendarYear): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const check = (list: 'holidays' | 'workdays') =>
    y[list].forEach((d, i) => {
      const field = `${list}.${i}`;
      if (!isValidDate(d)) problems.push({ field, msg: { key: 'calendar.date', params: { date: d } } });
      else if (!d.startsWith(`${y.year}-`))
        problems.push({ field, msg: { key: 'calendar.year', params: { date: d, year: y.year } } });
      else if (y[list].indexOf(d) !== i)
        problems.push({ field, msg: { key: 'calendar.twice', params: { date: d } } });
    });
  check('holidays');
  check('workdays');
  y.workdays.forEach((d, i) => {
    if (y.holidays.includes(d))
      problems.push({ field: `workdays.${i}`, msg: { key: 'calendar.both', params: { date: d } } });
  });
  return problems;
}
