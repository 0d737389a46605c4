import { addDays } from '@shared/domain/dates';
import type { VisitMode } from '@shared/domain/enums';
import type { MethodInput } from '@shared/contract/contract';
import type { Firm, Member, Seeder } from './context';
import type { Rand } from './random';
import { dateOf, datesBetween, dayWeight, iso, later, msOn, workMinutes } from './clock';
import { castFor, liveOut, type DemandCase } from './demands';
import { hash } from './units';
import { categoriesFor, demandText, fill, firmVars } from './text';
import {
  CLOSING_WITH_DEMANDS,
  CLOSINGS,
  DISCUSSIONS,
  FOLLOWUP_CONTENT,
  FOLLOWUP_RESULTS,
  POLICIES,
  PRODUCTS,
  SITUATION_GOOD,
  SITUATION_PRESSURE,
  SITUATION_STABLE,
  SOLVED_ON_SITE,
} from './vocabulary';

// A year of visits: important firms are visited often, most a few times, some never; on
// working days, busier before quarter ends. Some visits raise demands (which then live
// their lives), some get a follow-up, recent ones may still be drafts, older ones reviewed.

export const VISITS_PER_SCALE = 5200;

interface PlannedVisit {
  firm: Firm;
  date: string;
}

/** Samples dates from the year by their weight (binary search over the cumulative weights). */
function dateSampler(rand: Rand, dates: string[]): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (const d of dates) cumulative.push((total += dayWeight(d)));
  return () => {
    const x = rand.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return dates[lo]!;
  };
}

export function planVisits(s: Seeder, rand: Rand): PlannedVisit[] {
  const target = VISITS_PER_SCALE * s.scale;
  const totalWeight = s.firms.reduce((sum, f) => sum + f.weight, 0);
  const sample = dateSampler(rand, datesBetween(s.start, s.asOf));
  const planned: PlannedVisit[] = [];
  for (const firm of s.firms) {
    const expected = (firm.weight / totalWeight) * target;
    const n = Math.floor(expected) + (rand.chance(expected % 1) ? 1 : 0);
    const dates = new Set<string>();
    for (let i = 0; i < n * 3 && dates.size < n; i++) dates.add(sample());
    for (const date of dates) planned.push({ firm, date });
  }
  // By date, so visit numbers follow the calendar; the firm order breaks ties.
  return planned.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * 领导带队: the bureau's leader leads about one visit in thirty to a firm holding a tier (高企,
 * 专精特新…). Drawn from the visit itself (firm and date), so it adds no draw to the streams.
 */
function leaderLeads(s: Seeder, firm: Firm, date: string): boolean {
  return (
    firm.tiers.length > 0 &&
    Math.abs(hash(`leader|${firm.name}|${date}`)) % 30 === 0 &&
    s.activeOn(date).includes(s.leader)
  );
}

function leadFor(s: Seeder, rand: Rand, firm: Firm, date: string): Member {
  const active = s.activeOn(date);
  if (firm.liaison && rand.chance(0.82)) return s.standIn(firm.liaison, date);
  return rand.pick(active.filter((m) => m.role === 'staff' || rand.chance(0.3)));
}

interface Outcome {
  demands: number;
  /** The policy a question was answered about on the spot, if any. */
  solvedPolicy: string | null;
}

function summaryFor(rand: Rand, firm: Firm, date: string, year: string, outcome: Outcome): string {
  const month = Number(date.slice(5, 7));
  const section = firm.division[0]!;
  const vars = {
    ...firmVars(rand, firm, year),
    m: Math.max(1, month - 1),
    x: rand.int(3, 35),
    n: rand.int(8, 120),
    k: rand.int(1, 6),
    q: rand.pick(['三', '四', '明年一']),
    product: rand.pick(PRODUCTS[section] ?? PRODUCTS.other!),
    policy: outcome.solvedPolicy ?? '',
  };
  const situation = rand.weighted([
    [SITUATION_GOOD, 40],
    [SITUATION_STABLE, 40],
    [SITUATION_PRESSURE, 20],
  ] as const);
  const parts = [rand.pick(situation), rand.pick(DISCUSSIONS)];
  if (outcome.solvedPolicy) parts.push(rand.pick(SOLVED_ON_SITE));
  parts.push(outcome.demands ? CLOSING_WITH_DEMANDS : rand.pick(CLOSINGS));
  return parts.map((t) => fill(t, vars)).join('');
}

function peopleMet(rand: Rand, firm: Firm, mode: VisitMode): string {
  const n = mode === 'phone' ? 1 : rand.int(1, Math.min(2, firm.contacts.length));
  return rand
    .sample(firm.contacts, n)
    .map((c) => `${c.name}（${c.title}）`)
    .join('、');
}

function modeFor(rand: Rand, firm: Firm): VisitMode {
  if (firm.status === 'unreachable') return rand.chance(0.85) ? 'phone' : 'onsite';
  return rand.weighted([
    ['onsite', 55],
    ['phone', 22],
    ['meeting', 10],
    ['online', 13],
  ] as const);
}

type VisitDemand = NonNullable<MethodInput<'visits.create'>['demands']>[number];

function demandsFor(
  s: Seeder,
  rand: Rand,
  firm: Firm,
  date: string,
): { input: VisitDemand; receivedMs: number }[] {
  if (firm.status !== 'normal' || !rand.chance(0.11)) return [];
  const year = s.asOf.slice(0, 4);
  const n = rand.chance(0.85) ? 1 : 2;
  const out: { input: VisitDemand; receivedMs: number }[] = [];
  const minutes = rand.int(14 * 60, 17 * 60);
  for (let i = 0; i < n; i++) {
    const categories = categoriesFor(rand);
    const text = demandText(rand, firm, categories[0]!, year);
    // Five minutes apart: the demands raised in one visit are received one after another.
    const receivedMs = Math.min(msOn(date, minutes + 5 * i), s.cutoffMs - (n - i) * 60_000);
    out.push({
      receivedMs,
      input: { categories, ...text, receivedAt: iso(receivedMs) },
    });
  }
  return out;
}

export function createVisits(s: Seeder): void {
  const rand = s.rand.fork(4);
  const life = s.rand.fork(5);
  const year = s.asOf.slice(0, 4);
  const recent = addDays(s.asOf, -10);
  const reviewBefore = addDays(s.asOf, -14);
  for (const { firm, date } of planVisits(s, rand)) {
    const usual = leadFor(s, rand, firm, date);
    const lead = leaderLeads(s, firm, date) ? s.leader : usual;
    const active = s.activeOn(date).filter((m) => m !== lead);
    const companions = rand.sample(
      active.filter((m) => m.role === 'staff'),
      rand.weighted([
        [0, 70],
        [1, 25],
        [2, 5],
      ] as const),
    );
    const supervisors = active.filter((m) => m.role === 'supervisor');
    if (supervisors.length && rand.chance(firm.weight > 25 ? 0.2 : 0.06))
      companions.push(rand.pick(supervisors));
    const mode = modeFor(rand, firm);
    const draft = date >= recent && rand.chance(0.2);
    const demands = draft ? [] : demandsFor(s, rand, firm, date);
    const policies = rand.chance(0.55) ? rand.sample(POLICIES, rand.int(1, 3)) : [];
    const solvedPolicy = !draft && policies.length && rand.chance(0.25) ? policies[0]! : null;
    const visit = s.as(lead, () =>
      s.make(
        'visits.create',
        {
          enterpriseId: firm.id,
          date,
          mode,
          leadStaffId: lead.id,
          staffIds: [lead.id, ...companions.map((m) => m.id)],
          peopleMet: peopleMet(rand, firm, mode),
          summary: summaryFor(rand, firm, date, year, { demands: demands.length, solvedPolicy }),
          policiesExplained: policies.length ? policies.join('、') : null,
          solvedOnSite: solvedPolicy !== null,
          enterpriseConfirmed: !draft && rand.chance(mode === 'onsite' || mode === 'meeting' ? 0.8 : 0.45),
          status: draft ? 'draft' : 'submitted',
          demands: demands.map((d) => d.input),
        },
        (v) => ({ id: v.id, with: (v.demands ?? []).map((d) => d.id) }),
      ),
    );
    s.counts.visits += 1;
    s.counts.demands += demands.length;
    if (visit.with.length !== demands.length)
      throw new Error(`demo generator: ${visit.with.length} demands made of ${demands.length} planned`);
    // Made in the order given.
    for (const [i, id] of visit.with.entries()) {
      const planned = demands[i]!;
      const c: DemandCase = {
        id,
        firm,
        categories: planned.input.categories,
        complex: planned.input.complex ?? false,
        level: planned.input.level ?? 'district',
        receivedMs: planned.receivedMs,
      };
      liveOut(s, life, c, castFor(s, life, firm, date));
    }
    if (!draft && date < reviewBefore && rand.chance(0.25)) {
      const reviewer = rand.pick(s.supervisors);
      s.as(reviewer, () => s.write('visits.update', { id: visit.id, status: 'reviewed' }));
    }
    if (!draft && rand.chance(0.07)) visitFollowup(s, rand, visit.id, lead, date);
  }
  discardDrafts(s, rand);
}

/** A follow-up on what a visit brought up, due one to four weeks later. */
function visitFollowup(s: Seeder, rand: Rand, visitId: string, owner: Member, date: string): void {
  const due = addDays(date, rand.int(7, 30));
  const doneMs = later(rand, msOn(due, workMinutes(rand)), rand.between(-3, 4));
  const done = doneMs <= s.cutoffMs && rand.chance(0.9);
  const who = s.standIn(owner, due);
  const sat = rand.weighted([
    ['satisfied', 75],
    ['mostly_satisfied', 22],
    ['dissatisfied', 3],
  ] as const);
  s.as(who, () =>
    s.write('followups.create', {
      parentType: 'visit',
      parentId: visitId,
      ownerStaffId: who.id,
      dueDate: due,
      channel: rand.weighted([
        ['phone', 6],
        ['onsite', 3],
        ['online', 1],
      ] as const),
      content: rand.pick(FOLLOWUP_CONTENT.visit),
      ...(done
        ? {
            doneAt: iso(Math.max(doneMs, msOn(date, 18 * 60))),
            result: rand.pick(FOLLOWUP_RESULTS[sat]),
            satisfaction: sat,
            nextFollowupDate: rand.chance(0.2) ? addDays(dateOf(doneMs), rand.int(30, 90)) : null,
          }
        : {}),
    }),
  );
  s.counts.followups += 1;
}

/** A few drafts that their authors threw away (soft-deleted). */
function discardDrafts(s: Seeder, rand: Rand): void {
  for (let i = 0; i < s.scale * 2; i++) {
    const firm = rand.pick(s.firms);
    const date = addDays(s.asOf, -rand.int(0, 20));
    const lead = leadFor(s, rand, firm, date);
    s.as(lead, () => {
      const v = s.make(
        'visits.create',
        {
          enterpriseId: firm.id,
          date,
          mode: 'phone',
          leadStaffId: lead.id,
          status: 'draft',
          summary: '（草稿）',
        },
        ({ id }) => ({ id, with: [] }),
      );
      s.api('visits.delete', { id: v.id });
    });
  }
}
