// Calendar dates are Asia/Shanghai dates. Shanghai has had no DST since 1991,
// so a fixed +08:00 offset is exact for every date this app records.

/** Asia/Shanghai's offset from UTC, in hours (SQL reads calendar dates with it too). */
export const SHANGHAI_OFFSET_HOURS = 8;
const OFFSET_MS = SHANGHAI_OFFSET_HOURS * 3600_000;
const DAY_MS = 86_400_000;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: string | number | Date): string {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

export function isValidDate(d: string): boolean {
  if (!DATE_RE.test(d)) return false;
  const ms = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The instant at which a Shanghai calendar date begins, as an ISO string. */
export function startOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
}

/** Accepts an ISO instant or a plain date (read as the start of that Shanghai day); returns UTC ISO. */
export function toInstant(value: string): string {
  if (DATE_RE.test(value)) return startOfShanghaiDay(value);
  return new Date(Date.parse(value)).toISOString();
}
