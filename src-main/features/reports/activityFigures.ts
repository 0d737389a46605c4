import type Database from 'better-sqlite3';
import { preparedOn } from '../../store/records';
import type { ResolvedScope } from './scope';
import { enterpriseFilter } from './scope';
import { longerThanAQuarter } from './period';

// Service activity and outcome figures (shared/DOMAIN.md: activities, activitiesByType,
// attendees, enterprisesReached, outcomesByType).
//
// How the scope applies: staff: the activities the member organised, and the outcomes of
// the enterprises the member is liaison for (包联); town: the activities a live enterprise
// of the town took part in (enterprisesReached counts the town's only, attendees are whole
// activities, as clinics do), and the outcomes of the town's enterprises; unit: no activity
// (not handed to units, as visits are not), and the outcomes answering demands the unit leads.

type Params = Record<string, unknown>;

/** Activities held and dated in Q, live, of the scope (alias `a`). */
export function activitiesFrom(scope: ResolvedScope): string {
  const cond =
    scope.type === 'staff'
      ? `EXISTS (SELECT 1 FROM json_each(a."organizerStaffIds") jo WHERE jo.value = @staffId)`
      : scope.type === 'town'
        ? `EXISTS (SELECT 1 FROM json_each(a."enterpriseIds") jt JOIN enterprises te
             ON te."id" = jt.value AND te."deletedAt" IS NULL AND te."town" = @town)`
        : // Activities are not handed to units (as visits are not).
          scope.type === 'unit'
          ? '0'
          : '1';
  return `FROM activities a WHERE a."deletedAt" IS NULL AND a."status" = 'held'
    AND a."date" BETWEEN @qs AND @qe AND (${cond})`;
}

/** The live enterprises that took part in an activity (alias `a`), the town's only in town scope. */
export function reachedEnterprisesSql(scope: ResolvedScope): string {
  return `JOIN json_each(a."enterpriseIds") je
    JOIN enterprises re ON re."id" = je.value AND re."deletedAt" IS NULL
      ${scope.type === 'town' ? 'AND re."town" = @town' : ''}`;
}

export interface ActivityTotals {
  activities: number;
  attendees: number;
  enterprisesReached: number;
  activitiesByType: Record<string, number>;
}

type TypeRow = { k: string; n: number; attendees: number };

function activityTypeRows(db: Database.Database, scope: ResolvedScope, p: Params): TypeRow[] {
  return preparedOn(
    db,
    `SELECT a."type" AS k, count(*) AS n, coalesce(sum(a."attendees"), 0) AS attendees ${activitiesFrom(scope)} GROUP BY 1 ORDER BY 1`,
  ).all(p) as TypeRow[];
}

const sumOf = (rows: TypeRow[]) => ({
  activities: rows.reduce((a, r) => a + r.n, 0),
  attendees: rows.reduce((a, r) => a + r.attendees, 0),
});

/** The activities and their attendees only (what targets measure), as activityTotals counts them. */
export function activityCounts(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
): { activities: number; attendees: number } {
  return sumOf(activityTypeRows(db, scope, p));
}

export function activityTotals(db: Database.Database, scope: ResolvedScope, p: Params): ActivityTotals {
  const from = activitiesFrom(scope);
  const byType = activityTypeRows(db, scope, p);
  const reached = preparedOn(
    db,
    // Materialized: flattened, the planner may drive the join by every enterprise (seconds).
    `WITH a AS MATERIALIZED (SELECT a."enterpriseIds" ${from})
     SELECT count(DISTINCT re."id") AS n FROM a ${reachedEnterprisesSql(scope)}`,
  ).get(p) as { n: number };
  return {
    ...sumOf(byType),
    enterprisesReached: reached.n,
    activitiesByType: Object.fromEntries(byType.map((r) => [r.k, r.n])),
  };
}

/** Outcomes dated in Q and not rejected, live, of a live enterprise of the scope (alias `o`). */
export function outcomesFrom(scope: ResolvedScope, index = ''): string {
  const staff =
    scope.type === 'staff'
      ? `AND o."enterpriseId" IN (SELECT le."id" FROM enterprises le WHERE le."liaisonStaffId" = @staffId)`
      : scope.type === 'unit'
        ? `AND o."demandId" IN (SELECT ud."id" FROM demands ud WHERE ud."leadUnitId" = @unitId)`
        : '';
  return `FROM outcomes o ${index} WHERE o."deletedAt" IS NULL AND o."status" IS NOT 'rejected'
    AND o."date" BETWEEN @qs AND @qe AND ${enterpriseFilter(scope, 'o."enterpriseId"')} ${staff}`;
}

export type OutcomesByType = Record<string, { count: number; amount: number }>;

/**
 * Over more days than a quarter, the bureau's or a town's outcomes are read from the table
 * itself: most of them are in the window (a year to date at ×20: 4.9k of 5k), and a row read
 * in turn costs less than a seek from the date index (about a third less).
 */
function outcomesIndex(scope: ResolvedScope, p: Params): string {
  if (scope.type !== 'bureau' && scope.type !== 'town') return '';
  return longerThanAQuarter(p.qs, p.qe) ? 'NOT INDEXED' : '';
}

/** Per type: the sum of `count` and of `amount` (yuan, summed in fen so that it stays exact). */
export function outcomesByType(db: Database.Database, scope: ResolvedScope, p: Params): OutcomesByType {
  const rows = preparedOn(
    db,
    `SELECT o."type" AS k, coalesce(sum(o."count"), 0) AS count,
        coalesce(sum(round(o."amount" * 100)), 0) AS fen ${outcomesFrom(scope, outcomesIndex(scope, p))}
      GROUP BY 1 ORDER BY 1`,
  ).all(p) as { k: string; count: number; fen: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, { count: r.count, amount: r.fen / 100 }]));
}
