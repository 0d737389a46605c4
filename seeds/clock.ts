import { addDays, shanghaiDate, startOfShanghaiDay } from '@shared/domain/dates';
import type { Rand } from './random';

// Instants of the demo's working year. Work happens on weekdays between 08:30 and 18:00
// Shanghai time; a step that would fall outside moves to the next working morning.

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

/** The instant `minutes` after the start of a Shanghai calendar day, in ms. */
export function msOn(date: string, minutes: number): number {
  return Date.parse(startOfShanghaiDay(date)) + minutes * MINUTE;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const dateOf = (ms: number): string => shanghaiDate(ms);

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (date: string): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** How busy a day is for visits: weekdays, with public holidays and the quarter-end rush. */
export function dayWeight(date: string): number {
  const md = date.slice(5);
  if (md === '01-01' || (md >= '05-01' && md <= '05-03') || (md >= '10-01' && md <= '10-07')) return 0.03;
  // Around the Spring Festival (its date moves; late January to mid-February is quiet anyway).
  if (md >= '01-25' && md <= '02-15') return isWeekend(date) ? 0.01 : 0.35;
  if (isWeekend(date)) return 0.04;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return month % 3 === 0 && day >= 15 ? 1.3 : 1;
}

/** A time of the working day, in minutes after midnight (09:00–17:30). */
export function workMinutes(rand: Rand): number {
  return rand.int(9 * 60, 17 * 60 + 30);
}

/**
 * `days` (fractional) after `fromMs`, moved into working hours: after 18:00 or on a weekend
 * it becomes the next working morning. Never earlier than `fromMs`.
 */
export function later(rand: Rand, fromMs: number, days: number): number {
  let ms = fromMs + Math.max(0, days) * DAY_MS;
  let date = dateOf(ms);
  const minutes = (ms - msOn(date, 0)) / MINUTE;
  if (minutes > 18 * 60) {
    date = addDays(date, 1);
    ms = msOn(date, rand.int(8 * 60 + 30, 10 * 60));
  } else if (minutes < 8 * 60 + 30) {
    ms = msOn(date, rand.int(8 * 60 + 30, 10 * 60));
  }
  while (isWeekend(date) && rand.chance(0.92)) {
    date = addDays(date, 1);
    ms = msOn(date, rand.int(8 * 60 + 30, 10 * 60));
  }
  return Math.max(ms, fromMs);
}
