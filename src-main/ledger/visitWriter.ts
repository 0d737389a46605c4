// Creating imported visits. The rules are those of services/visits.ts createVisit (validated
// by the same VisitFields schema; date not after today unless a draft; only a supervisor may
// write a reviewed visit; the lead is the first participant; numbers from this device's
// series), but visit numbers come from a counter read once per year instead of a scan of
// all visits per visit, which makes createVisit O(n) per call (~450 s for 50,000 visits).
// A test holds an imported visit equal to one made by visits.create.
import type { z } from 'zod';
import { type Core, myRole, notAfterToday } from '../services/core';
import { insertRecord } from '../store/records';
import { ApiError } from '../api/errors';
import { VisitFields } from '../api/schemas';
import { formatVisitNo, visitNoPrefix } from '../domain/visitNo';

type VisitInput = z.output<typeof VisitFields>;

/** The next visit numbers of this device, per year; rolled back with a rejected row. */
export class VisitNumbers {
  private next = new Map<string, number>();

  constructor(private readonly core: Core) {}

  take(date: string): string {
    const year = date.slice(0, 4);
    let n = this.next.get(year);
    if (n === undefined) {
      const prefix = visitNoPrefix(year, this.core.store.device.code);
      const row = this.core.store.db
        .prepare(
          `SELECT max(CAST(substr("visitNo", ?) AS INTEGER)) AS n FROM visits WHERE substr("visitNo", 1, ?) = ?`,
        )
        .get(prefix.length + 1, prefix.length, prefix) as { n: number | null };
      n = (row.n ?? 0) + 1;
    }
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

/** Inserts a visit whose enterprise and staff the caller has found live. Returns its id. */
export function insertVisit(core: Core, numbers: VisitNumbers, raw: VisitInput): string {
  const input = VisitFields.parse(raw);
  const status = input.status ?? 'submitted';
  if (status !== 'draft') notAfterToday(core, 'date', input.date);
  if (status === 'reviewed' && myRole(core) !== 'supervisor') {
    throw new ApiError('FORBIDDEN', 'status: only a supervisor can review a visit or undo a review', {
      field: 'status',
    });
  }
  const lead = input.leadStaffId!;
  const others = (input.staffIds ?? []).filter((s) => s !== lead);
  return insertRecord(core.store, 'visits', {
    ...input,
    leadStaffId: lead,
    staffIds: [lead, ...others],
    solvedOnSite: input.solvedOnSite ?? false,
    enterpriseConfirmed: input.enterpriseConfirmed ?? false,
    status,
    reviewedBy: status === 'reviewed' ? core.store.actor.staffId : null,
    visitNo: numbers.take(input.date),
  });
}
