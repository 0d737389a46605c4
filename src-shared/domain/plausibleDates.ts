// Dates that are valid but most likely mistyped (1998 for 2018): forms warn, nothing refuses.

/** The earliest year a record of this ledger plausibly has. */
export const FIRST_PLAUSIBLE_YEAR = 2000;

/** A YYYY-MM-DD date before 2000 or after next year (as of `today`). */
export function isImplausibleDate(date: string, today: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(year)) return false;
  return year < FIRST_PLAUSIBLE_YEAR || year > Number(today.slice(0, 4)) + 1;
}
