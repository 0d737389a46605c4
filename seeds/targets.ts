import { addDays, startOfShanghaiDay } from '@shared/domain/dates';
import type { TargetKey } from '@shared/reports/targets';
import type { Seeder } from './context';

// The demo district's annual targets (目标任务), set by the bureau's head for each year the
// demo's year of work touches. They are sized from the district's own pace of work (its
// figures over the demo year, per 365 days), so that the 晾晒表 tells the same story at any
// scale: visits and clinics ahead of the year's pace, new demands about on it, demands closed
// and the enterprises reached behind it, activities and outcomes some ahead and some behind;
// last year's targets a notch lower than this year's.

/** Target ÷ the demo's yearly pace, per key: below 1 is a target the district runs ahead of. */
const STRETCH = {
  visits: 0.92,
  enterprisesVisited: 1.12,
  newDemands: 1.0,
  closed: 1.3,
  clinics: 0.85,
  activities: 1.1,
  attendees: 0.9,
  'outcome:high_tech_application:count': 1.2,
  'outcome:project_application:count': 1.0,
  'outcome:talent_application:count': 0.9,
  'outcome:tech_contract:count': 1.05,
  'outcome:tech_contract:amount': 0.95,
  'outcome:policy_funds:amount': 1.05,
  'outcome:financing:amount': 1.25,
  'outcome:ip_pledge:amount': 0.9,
  'outcome:achievement_transfer:count': 1.0,
} satisfies Partial<Record<TargetKey, number>>;
type PacedKey = keyof typeof STRETCH;

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
  const activities = `FROM activities WHERE "deletedAt" IS NULL AND "status" = 'held' AND "date" BETWEEN ? AND ?`;
  const perYear = 365 / 364;
  const outcomes = Object.fromEntries(
    (
      db
        .prepare(
          `SELECT "type", sum("count") AS n, coalesce(sum("amount"), 0) AS amount FROM outcomes
           WHERE "deletedAt" IS NULL AND "status" <> 'rejected' AND "date" BETWEEN ? AND ? GROUP BY 1`,
        )
        .all(from, to) as { type: string; n: number; amount: number }[]
    ).flatMap((o) => [
      [`outcome:${o.type}:count`, o.n * perYear],
      [`outcome:${o.type}:amount`, o.amount * perYear],
    ]),
  ) as Record<string, number>;
  const outcomeKeys = Object.keys(STRETCH).filter((k) => k.startsWith('outcome:'));
  return {
    ...(Object.fromEntries(outcomeKeys.map((k) => [k, outcomes[k] ?? 0])) as Record<PacedKey, number>),
    activities: one(`SELECT count(*) ${activities}`, from, to) * perYear,
    attendees: one(`SELECT coalesce(sum("attendees"), 0) ${activities}`, from, to) * perYear,
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
    // A figure the demo year has none of gets no target (a target of 1 for nothing done).
    const values = Object.entries(STRETCH)
      .map(([k, f]) => [k, pace[k as PacedKey] * f] as [TargetKey, number])
      .filter(([, v]) => v > 0);
    for (const [key, value] of values) s.api('targets.set', { year, key, value: round(value * growth) });
  }
}
