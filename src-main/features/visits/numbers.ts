import type { Core } from '../../core';
import { preparedOn } from '../../store/records';
import { formatVisitNo, visitNoPrefix } from '@shared/domain/visitNo';

// Visit numbers: each device numbers its own visits per year (see @shared/domain/visitNo).
// The highest number so far is read from the visitNo index: a range that grows with every
// visit of the year, so a writer of many visits in one transaction (the ledger import, the
// demo generator) reads it once per year and counts on with VisitNumbers.

/** The highest number in this device's series for `year` (0 when it has none yet). */
export function lastVisitSeq(core: Core, year: string): number {
  const prefix = visitNoPrefix(year, core.store.device.code);
  // A range on the visitNo index ('.' follows the prefix's final '-'), so numbering reads only
  // this device's numbers for the year instead of every visit.
  const row = preparedOn(
    core.store.db,
    `SELECT max(CAST(substr("visitNo", ?) AS INTEGER)) AS n FROM visits WHERE "visitNo" >= ? AND "visitNo" < ?`,
  ).get(prefix.length + 1, prefix, `${prefix.slice(0, -1)}.`) as { n: number | null };
  return row.n ?? 0;
}

/** The next number in this device's series for the visit's year, read from the index. */
export function nextVisitNo(core: Core, date: string): string {
  const year = date.slice(0, 4);
  return formatVisitNo(year, core.store.device.code, lastVisitSeq(core, year) + 1);
}

/**
 * The next visit numbers of this device, per year, for a writer that holds the transaction
 * alone while it writes many visits; rolled back with a rejected row (checkpoint/restore).
 */
export class VisitNumbers {
  private next = new Map<string, number>();

  constructor(private readonly core: Core) {}

  take(date: string): string {
    const year = date.slice(0, 4);
    const n = this.next.get(year) ?? lastVisitSeq(this.core, year) + 1;
    this.next.set(year, n + 1);
    return formatVisitNo(year, this.core.store.device.code, n);
  }

  checkpoint(): Map<string, number> {
    return new Map(this.next);
  }

  restore(saved: Map<string, number>): void {
    this.next = saved;
  }
}
