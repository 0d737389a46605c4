import type { Core } from '../src-main/core';
import { addDays, isValidDate, shanghaiDate } from '@shared/domain/dates';
import { Rand } from './random';
import { Seeder } from './context';
import { msOn } from './clock';
import { chooseMe, createExperts, createStaff, retireLeavers } from './people';
import { createUnits } from './units';
import { createEnterprises, existingUsccs } from './enterprises';
import { createClinics } from './clinics';
import { createActivities, createOutcomes } from './activities';
import { createVisits } from './visits';
import { createInboundDemands } from './inbound';
import { createShowcase } from './showcase';
import { createTargets } from './targets';
import { DISTRICT } from './vocabulary';
import { VisitNumbers } from '../src-main/features/visits/numbers';
import { setAsideIndexes, withLargeLoadSettings, withRollbackJournal } from '../src-main/store/bulk';
import { capturingInBulk } from '../src-main/store/bulkCapture';

// The demo district (启明区, a fictional district of a fictional 江州市): a year of the
// bureau's work ending on `asOf`. ×1 is the app's first-start demo (10 staff, 300 firms,
// ~5,000 visits, 16 service activities, ~200 outcomes); ×N multiplies firms, visits, demands,
// clinics, activities and outcomes (×20 ≈ 6,000 firms and 100,000+ visits) for benchmarks. The same seed and asOf give the same content.

export interface SeedOptions {
  scale: number;
  seed?: number;
  /** The day the demo's year of work ends (default: today). */
  asOf?: string;
  /**
   * Write as a bulk load (the default): the same calls in the same one transaction, with what
   * only a writer holding it alone may do: visit numbers counted on from one read, the indexes
   * nothing reads meanwhile built once at the end, the changes captured in JS instead of by
   * the triggers (store/bulkCapture.ts), and the inputs not parsed again. False writes call by
   * call exactly as a door would, parsing each input; both give the same records and change
   * log (test/soak/seed-equivalence.test.ts).
   */
  bulk?: boolean;
  /**
   * Tests only: a bulk load that parses each input and runs each method's handler, as a door
   * would, instead of trusting the inputs and running the methods' writes. The same district
   * comes out (test/integration/seed.test.ts): the generator's inputs are the contract's as
   * they stand, and each write does what its handler does.
   */
  checked?: boolean;
}

export type SeedCounts = Record<string, number>;

/**
 * The indexes that writing the district never reads (reports, lists and sync do): a bulk seed
 * builds them once at its end. Those the services read while writing stay: records by id, a
 * visit's demands, a demand's history (demand_history_events; the reports' two others go) and
 * follow-ups, a record's changes, USCCs, the visit numbers, an enterprise's visits and demands.
 */
const UNREAD_WHILE_SEEDING = [
  'changes_hlc',
  'enterprises_name',
  'enterprises_liaison',
  'enterprises_report',
  'visits_date',
  'visits_lead',
  'visits_report',
  'visits_report_id',
  'visits_by_enterprise',
  'demands_status',
  'demands_assignee',
  'demands_received',
  'demands_lead_unit',
  'demands_report',
  'demands_report_status',
  'demands_report_id',
  'followups_owner',
  'followups_done',
  'followups_report',
  'demand_history_report',
  'demand_history_by_type',
];

/** Bump when the generator's output changes (benchmarks cache seeded files by it). */
export const GENERATOR_VERSION = 4;

export function seedDemo(core: Core, options: SeedOptions): SeedCounts {
  const { scale, seed = 1 } = options;
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`scale must be a whole number ≥ 1, got ${scale}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const now = core.store.now();
  const today = shanghaiDate(now);
  const asOf = options.asOf ?? today;
  if (!isValidDate(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got '${asOf}'`);
  if (asOf > today) throw new RangeError(`asOf (${asOf}) cannot be after today (${today})`);

  // Nothing may happen later than now: the last working day ends at 18:00 or a minute ago.
  const cutoffMs = Math.min(msOn(asOf, 18 * 60), now - 60_000);
  const bulk = options.bulk ?? true;
  // Only a writer that holds the transaction alone may count visit numbers on from one read.
  const writer: Core = bulk ? { ...core, visitNumbers: new VisitNumbers(core) } : core;
  const trusted = bulk && !options.checked;
  const s = new Seeder(writer, new Rand(seed), addDays(asOf, -364), asOf, cutoffMs, scale, trusted);
  const { db } = core.store;
  const actor = core.store.actor;
  try {
    // The whole district in the page cache while writing it (a bound, not an allocation: ×1
    // takes some 25 MB, ×20 some 450 MB).
    withRollbackJournal(db, () =>
      withLargeLoadSettings(db, 1 << 20, () =>
        db.transaction(() => {
          const rebuildIndexes = bulk ? setAsideIndexes(db, UNREAD_WHILE_SEEDING) : null;
          if (bulk) capturingInBulk(core.store, () => writeDistrict(s), { batching: true });
          else writeDistrict(s);
          rebuildIndexes?.();
        })(),
      ),
    );
  } finally {
    core.store.actor = { deviceId: actor.deviceId, staffId: core.store.getMeta('meStaffId') };
  }
  return { ...s.counts };
}

/** The district, in the order its story happens. */
function writeDistrict(s: Seeder): void {
  const names = new Set<string>();
  createStaff(s, names);
  chooseMe(s);
  createExperts(s, names);
  createUnits(s);
  s.as(s.supervisors[0]!, () => createEnterprises(s, existingUsccs(s)));
  createClinics(s);
  createVisits(s);
  createInboundDemands(s);
  createShowcase(s);
  createActivities(s);
  createOutcomes(s);
  s.as(s.supervisors[0]!, () => handOver(s));
  s.as(s.supervisors[0]!, () => {
    s.api('settings.set', { orgName: `${DISTRICT}科技局` });
    createTargets(s);
  });
}

/** The colleague who left: their firms go to their successor, and they become inactive. */
function handOver(s: Seeder): void {
  for (const firm of s.firms) {
    const liaison = firm.liaison;
    if (!liaison?.leftOn) continue;
    const successor = s.standIn(liaison, s.asOf);
    if (successor === liaison) continue;
    s.write('enterprises.update', { id: firm.id, liaisonStaffId: successor.id });
    firm.liaison = successor;
  }
  retireLeavers(s);
}
