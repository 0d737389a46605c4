import type { DemandCategory } from '@shared/domain/enums';
import type { Firm, Member, Seeder } from './context';
import type { Rand } from './random';
import { datesBetween, dayWeight, iso, msOn, workMinutes } from './clock';
import { castFor, liveOut, type DemandCase } from './demands';
import { categoriesFor, demandText } from './text';

// Demands that did not come from a visit or a clinic: the service hotline, firms reporting
// their own needs (self_reported), and other channels (a letter, a meeting of the district).

const PER_SCALE = { hotline: 30, self_reported: 40, other: 8 } as const;

/** Creates a demand received at `receivedMs` (by `receiver`) and returns its case. */
export function newDemand(
  s: Seeder,
  rand: Rand,
  firm: Firm,
  source: 'hotline' | 'self_reported' | 'other',
  receivedMs: number,
  receiver: Member,
  options: { categories?: DemandCategory[]; complex?: boolean } = {},
): DemandCase {
  const categories = options.categories ?? categoriesFor(rand);
  const text = demandText(rand, firm, categories[0]!, s.asOf.slice(0, 4));
  const complex = options.complex ?? text.complex;
  // An ordinary demand is one the district can settle itself.
  if (!complex) text.level = 'district';
  const at = Math.min(receivedMs, s.cutoffMs);
  const demand = s.as(receiver, () =>
    s.api('demands.create', {
      enterpriseId: firm.id,
      source,
      categories,
      ...text,
      complex,
      receivedAt: iso(at),
    }),
  );
  s.counts.demands += 1;
  return { id: demand.id, firm, categories, complex, level: text.level, receivedMs: at };
}

export function createInboundDemands(s: Seeder): void {
  const rand = s.rand.fork(8);
  const dates = datesBetween(s.start, s.asOf).filter((d) => dayWeight(d) >= 0.3);
  const firms = s.firms.filter((f) => f.status === 'normal');
  for (const [source, perScale] of Object.entries(PER_SCALE) as [keyof typeof PER_SCALE, number][]) {
    for (let i = 0; i < perScale * s.scale; i++) {
      const firm = rand.pick(firms);
      const date = rand.pick(dates);
      const cast = castFor(s, rand, firm, date);
      const receiver =
        source === 'self_reported' && firm.liaison
          ? s.standIn(firm.liaison, date)
          : rand.pick(s.activeOn(date));
      const c = newDemand(s, rand, firm, source, msOn(date, workMinutes(rand)), receiver);
      liveOut(s, rand, c, cast);
    }
  }
}
