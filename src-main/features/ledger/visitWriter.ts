// Creating imported visits with the rules of visits.create (services/visits.ts insertNewVisit,
// validated by the same VisitFields schema). Only the numbering differs: createVisit reads
// this device's highest number of the year for each visit, which is a range of the visitNo
// index that grows with every visit (quadratic over a 50,000-row file), so the importer reads
// it once per year and counts on. A test holds an imported visit equal to one made by
// visits.create.
import type { z } from 'zod';
import type { Core } from '../../core';
import { insertNewVisit, lastVisitSeq } from '../visits/service';
import { VisitFields } from '@shared/contract/schemas';
import { formatVisitNo } from '@shared/domain/visitNo';

type VisitInput = z.output<typeof VisitFields>;

/** The next visit numbers of this device, per year; rolled back with a rejected row. */
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

/** Inserts a visit whose enterprise the caller has found live. Returns its id. */
export function insertVisit(core: Core, numbers: VisitNumbers, raw: VisitInput): string {
  return insertNewVisit(core, VisitFields.parse(raw), (date) => numbers.take(date));
}
