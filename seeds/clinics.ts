import { addDays, daysBetween } from '@shared/domain/dates';
import type { Firm, Member, Seeder } from './context';
import type { Rand } from './random';
import { isWeekend, iso, later, msOn } from './clock';
import { raiseDemand } from './demands';
import { fill, firmVars } from './text';
import {
  CLINIC_ADVICE,
  CLINIC_PLACES,
  CLINIC_PROBLEMS,
  CLINIC_TOPICS,
  FIELDS,
  FOLLOWUP_CONTENT,
  FOLLOWUP_RESULTS,
  type Field,
} from './vocabulary';

// Expert clinics (专家会诊): two a month per scale unit, each with two or three experts of one
// field and three to six firms of that field. Older clinics are written up and closed, recent
// ones held, a couple planned for the coming weeks. Some diagnosed firms get a demand with
// source 'clinic'; the organiser follows up on the outcomes.

export const CLINICS_PER_SCALE = 24;

function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

type ClinicStatus = 'planned' | 'held' | 'written_up' | 'closed';

/**
 * Future clinics are planned; of the past ones (`rank` 0 = the most recent) the latest was
 * just held, the next ones are written up, and older ones closed (a few reports still late).
 */
function statusFor(s: Seeder, rand: Rand, date: string, rank: number): ClinicStatus {
  if (date > s.asOf) return 'planned';
  if (rank < s.scale) return 'held';
  if (rank < 3 * s.scale) return 'written_up';
  return rand.chance(0.06) ? 'written_up' : 'closed';
}

export function createClinics(s: Seeder): void {
  const rand = s.rand.fork(6);
  const life = s.rand.fork(7);
  const year = s.asOf.slice(0, 4);
  const n = CLINICS_PER_SCALE * s.scale;
  const span = daysBetween(s.start, s.asOf);
  const dates: string[] = [];
  for (let k = 0; k < n; k++)
    dates.push(weekdayOnOrAfter(addDays(s.start, Math.floor(((k + 0.5) * span) / n) + rand.int(-4, 4))));
  // A couple more already planned for the coming weeks.
  for (let k = 0; k < Math.max(1, Math.round(s.scale * 1.5)); k++)
    dates.push(weekdayOnOrAfter(addDays(s.asOf, rand.int(3, 24))));

  const byField = new Map<Field, Firm[]>(
    FIELDS.map((f) => [f, s.firms.filter((firm) => firm.status === 'normal' && firm.fields.includes(f))]),
  );
  const sorted = dates.filter((d) => d >= s.start).sort();
  const past = sorted.filter((d) => d <= s.asOf).length;
  sorted.forEach((date, i) => {
    const field = rand.weighted(FIELDS.map((f) => [f, Math.sqrt(byField.get(f)!.length)] as const));
    const candidates = byField.get(field)!;
    const experts = rand.sample(
      s.experts.filter((e) => e.field === field),
      rand.int(2, 3),
    );
    if (candidates.length < 3 || experts.length < 2) return;
    const firms = rand.sample(candidates, rand.int(3, 6));
    const organiser = rand.pick(s.activeOn(date));
    const vars = firmVars(rand, firms[0]!, year);
    const town = firms[0]!.town;
    const status = statusFor(s, rand, date, past - 1 - i);
    const clinic = s.as(organiser, () =>
      s.api('clinics.create', {
        date,
        place: fill(rand.pick(CLINIC_PLACES), { ...vars, park: rand.pick(town.parks), town: town.name }),
        topic: fill(rand.pick(CLINIC_TOPICS), { field: field.name, town: town.name }),
        field: field.name,
        expertIds: experts.map((e) => e.id),
        status: 'planned',
        enterprises: firms.map((f) => ({
          enterpriseId: f.id,
          problems: problemOf(rand, f, year),
          advice: null,
        })),
      }),
    );
    s.counts.clinics += 1;
    if (status === 'planned') return;

    // Held: the experts' advice per firm, and the cooperation intentions found.
    const intentions = firms.filter(() => rand.chance(0.4)).length;
    s.as(organiser, () =>
      s.api('clinics.update', {
        id: clinic.id,
        status: 'held',
        enterprises: firms.map((f, i) => ({
          enterpriseId: f.id,
          problems: clinic.enterprises?.[i]?.problems ?? null,
          advice: fill(rand.pick(CLINIC_ADVICE), firmVars(rand, f, year)),
        })),
        cooperationIntentions: intentions,
      }),
    );
    if (status !== 'held') {
      s.as(organiser, () => s.api('clinics.update', { id: clinic.id, status: 'written_up' }));
    }
    if (status === 'closed') {
      const signed = Math.min(
        intentions,
        rand.weighted([
          [0, 40],
          [1, 40],
          [2, 20],
        ] as const),
      );
      s.as(organiser, () =>
        s.api('clinics.update', { id: clinic.id, status: 'closed', signedProjects: signed }),
      );
    }
    clinicDemands(s, life, clinic.id, firms, date, year);
    clinicFollowup(s, rand, clinic.id, organiser, date);
  });
}

function problemOf(rand: Rand, firm: Firm, year: string): string {
  return fill(rand.pick(CLINIC_PROBLEMS), firmVars(rand, firm, year));
}

/** Demands found in a clinic: ordinary demands with source 'clinic'. */
function clinicDemands(
  s: Seeder,
  rand: Rand,
  clinicId: string,
  firms: Firm[],
  date: string,
  year: string,
): void {
  for (const firm of firms) {
    if (!rand.chance(0.45)) continue;
    const receivedMs = Math.min(later(rand, msOn(date, 16 * 60), rand.between(0, 2)), s.cutoffMs);
    raiseDemand(
      s,
      rand,
      firm,
      { source: 'clinic', sourceClinicId: clinicId },
      receivedMs,
      ['tech', 'tech_transfer', 'talent', 'platform'],
      year,
    );
  }
}

function clinicFollowup(s: Seeder, rand: Rand, clinicId: string, organiser: Member, date: string): void {
  const due = addDays(date, rand.int(10, 20));
  const doneMs = later(rand, msOn(due, 10 * 60), rand.between(-2, 3));
  const done = doneMs <= s.cutoffMs;
  const sat = rand.weighted([
    ['satisfied', 70],
    ['mostly_satisfied', 27],
    ['dissatisfied', 3],
  ] as const);
  const owner = s.standIn(organiser, due);
  s.as(owner, () =>
    s.write('followups.create', {
      parentType: 'clinic',
      parentId: clinicId,
      ownerStaffId: owner.id,
      dueDate: due,
      channel: 'phone',
      content: rand.pick(FOLLOWUP_CONTENT.clinic),
      ...(done ? { doneAt: iso(doneMs), satisfaction: sat, result: rand.pick(FOLLOWUP_RESULTS[sat]) } : {}),
    }),
  );
  s.counts.followups += 1;
}
