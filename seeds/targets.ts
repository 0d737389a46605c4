import { addDays, startOfShanghaiDay } from '@shared/domain/dates';
import type { TargetKey } from '@shared/reports/targets';
import type { Seeder } from './context';

// The demo district's annual targets (目标任务), set by the bureau's head for each year the
// demo's year of work touches. They are sized from the district's own pace of work (its
// figures over the demo year, per 365 days), so that the 晾晒表 tells the same story at any
// scale: visits and clinics ahead of the year's pace, new demands about on it, demands closed
// and the enterprises reached behind it; last year's targets a notch lower than this year's.

/** Target ÷ the demo's yearly pace, per key: below 1 is a target the district runs ahead of. */
const STRETCH = {
  visits: 0.92,
  enterprisesVisited: 1.12,
  newDemands: 1.0,
  closed: 1.3,
  clinics: 0.85,
} satisfies Partial<Record<TargetKey, number>>;
type PacedKey = keyof typeof STRETCH;

// The demo has no activities or outcomes yet: these targets are what a district of 300 firms
// sets (per ×1 of scale); their actuals stay uncounted until those records exist.
// TODO(lead): size these from the demo's pace too once it seeds activities and outcomes.
const PER_SCALE: Partial<Record<TargetKey, number>> = {
  activities: 48,
  attendees: 3000,
  'outcome:high_tech_application:count': 40,
  'outcome:project_application:count': 25,
  'outcome:talent_application:count': 12,
  'outcome:tech_contract:count': 60,
  'outcome:tech_contract:amount': 500_000_000,
  'outcome:policy_funds:amount': 80_000_000,
  'outcome:financing:amount': 150_000_000,
  'outcome:ip_pledge:amount': 30_000_000,
  'outcome:achievement_transfer:count': 15,
};

/** A target as a bureau writes one: two significant figures (1,234 → 1,200). */
function round(n: number): number {
  if (n < 10) return Math.max(1, Math.round(n));
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

/** The district's figures over the demo year, per 365 days. */
function yearlyPace(s: Seeder): Record<PacedKey, number> {
  const { db } = s.core.store;
  const from = s.start;
  const to = s.asOf;
  const ts = startOfShanghaiDay(from);
  const te = startOfShanghaiDay(addDays(to, 1));
  const one = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  const visits = `FROM visits WHERE "deletedAt" IS NULL AND "status" <> 'draft' AND "date" BETWEEN ? AND ?`;
  const perYear = 365 / 364;
  return {
    visits: one(`SELECT count(*) ${visits}`, from, to) * perYear,
    // Distinct firms do not add up over days: the demo year's own number.
    enterprisesVisited: one(`SELECT count(DISTINCT "enterpriseId") ${visits}`, from, to),
    newDemands:
      one(
        `SELECT count(*) FROM demands WHERE "deletedAt" IS NULL AND "receivedAt" >= ? AND "receivedAt" < ?`,
        ts,
        te,
      ) * perYear,
    closed:
      one(
        `SELECT count(*) FROM demands WHERE "deletedAt" IS NULL AND "status" = 'closed' AND "closedAt" >= ? AND "closedAt" < ?`,
        ts,
        te,
      ) * perYear,
    clinics:
      one(
        `SELECT count(*) FROM clinics WHERE "deletedAt" IS NULL AND "status" <> 'planned' AND "date" BETWEEN ? AND ?`,
        from,
        to,
      ) * perYear,
  };
}

export function createTargets(s: Seeder): void {
  const pace = yearlyPace(s);
  const thisYear = Number(s.asOf.slice(0, 4));
  for (let year = Number(s.start.slice(0, 4)); year <= thisYear; year++) {
    // Each year's targets grow on the last year's by a tenth.
    const growth = 1.1 ** (year - thisYear);
    const values: [TargetKey, number][] = [
      ...Object.entries(STRETCH).map(
        ([k, f]) => [k, pace[k as keyof typeof pace] * f!] as [TargetKey, number],
      ),
      ...Object.entries(PER_SCALE).map(([k, n]) => [k, n! * s.scale] as [TargetKey, number]),
    ];
    for (const [key, value] of values) s.api('targets.set', { year, key, value: round(value * growth) });
  }
}
