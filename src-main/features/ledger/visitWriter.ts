// Creating imported visits with the rules of visits.create (services/visits.ts insertNewVisit,
// validated by the same VisitFields schema). Only the numbering differs: createVisit reads
// this device's highest number of the year for each visit, which is a range of the visitNo
// index that grows with every visit (quadratic over a 50,000-row file), so the importer reads
// it once per year and counts on. A test holds an imported visit equal to one made by
// visits.create.
import type { z } from 'zod';
import type { Core } from '../../core';
import { insertNewVisit } from '../visits/service';
import type { VisitNumbers } from '../visits/numbers';
import { VisitFields } from '@shared/contract/schemas';

type VisitInput = z.output<typeof VisitFields>;

/** Inserts a visit whose enterprise the caller has found live. Returns its id. */
export function insertVisit(core: Core, numbers: VisitNumbers, raw: VisitInput): string {
  return insertNewVisit(core, VisitFields.parse(raw), (date) => numbers.take(date));
}
