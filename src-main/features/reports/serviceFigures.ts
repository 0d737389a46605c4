import type Database from 'better-sqlite3';
import { preparedOn } from '../../store/records';
import type { ResolvedScope } from './scope';
import { enterpriseFilter, scopeSql, townEnterpriseInClinic } from './scope';

// Follow-up and clinic figures.

/**
 * Follow-ups done in Q (doneAt on a Shanghai day of Q), live, whose parent is live (a demand,
 * a visit that is not a draft, or a clinic), of the scope, and not of a deleted enterprise.
 * One lookup per follow-up, into the parent's own table; INDEXED BY names the covering
 * indexes, which the planner would otherwise pass over for the primary key (reading whole rows).
 */
export function followupsFrom(scope: ResolvedScope): string {
  const clinicTown = scope.type === 'town' ? `AND ${townEnterpriseInClinic('pc')}` : '';
  return `FROM followups f
    WHERE f."doneAt" >= @ts AND f."doneAt" < @te AND f."deletedAt" IS NULL AND (${scopeSql(scope).followups})
      AND CASE f."parentType"
        WHEN 'demand' THEN EXISTS (SELECT 1 FROM demands pd INDEXED BY demands_report_id WHERE pd."id" = f."parentId" AND pd."deletedAt" IS NULL
          AND ${enterpriseFilter(scope, 'pd."enterpriseId"')})
        WHEN 'visit' THEN EXISTS (SELECT 1 FROM visits pv INDEXED BY visits_report_id WHERE pv."id" = f."parentId" AND pv."deletedAt" IS NULL
          AND pv."status" IS NOT 'draft' AND ${enterpriseFilter(scope, 'pv."enterpriseId"')})
        WHEN 'clinic' THEN EXISTS (SELECT 1 FROM clinics pc WHERE pc."id" = f."parentId" AND pc."deletedAt" IS NULL ${clinicTown})
        ELSE 0 END`;
}

export interface FollowupTotals {
  followups: number;
  /** Count per satisfaction, `none` when not given. */
  bySatisfaction: Record<string, number>;
}

type Params = Record<string, unknown>;

export function followupTotals(db: Database.Database, scope: ResolvedScope, p: Params): FollowupTotals {
  const rows = preparedOn(
    db,
    `SELECT coalesce(f."satisfaction", 'none') AS k, count(*) AS n ${followupsFrom(scope)} GROUP BY 1`,
  ).all(p) as { k: string; n: number }[];
  return {
    followups: rows.reduce((a, r) => a + r.n, 0),
    bySatisfaction: Object.fromEntries(rows.map((r) => [r.k, r.n])),
  };
}

/** Clinics dated in Q with status held or later, live; null in staff scope. */
export function clinicsFrom(scope: ResolvedScope): string | null {
  const cond = scopeSql(scope).clinics;
  if (cond === null) return null;
  return `FROM clinics c WHERE c."deletedAt" IS NULL AND c."date" BETWEEN @qs AND @qe
    AND c."status" IN ('held', 'written_up', 'closed') AND (${cond})`;
}

/** The live enterprises a clinic served, limited to the town in town scope. */
export function servedEnterprisesSql(scope: ResolvedScope): string {
  return `JOIN json_each(c."enterprises") je
    JOIN enterprises se ON se."id" = json_extract(je.value, '$.enterpriseId') AND se."deletedAt" IS NULL
      ${scope.type === 'town' ? 'AND se."town" = @town' : ''}`;
}

export interface ClinicTotals {
  clinics: number;
  experts: number;
  enterprisesServed: number;
  cooperationIntentions: number;
  signedProjects: number;
}

/** The clinics, their cooperation intentions and signed projects (no experts, no enterprises). */
export function clinicSums(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
): Omit<ClinicTotals, 'experts' | 'enterprisesServed'> | null {
  const from = clinicsFrom(scope);
  if (from === null) return null;
  return preparedOn(
    db,
    `SELECT count(*) AS clinics, coalesce(sum(c."cooperationIntentions"), 0) AS cooperationIntentions,
              coalesce(sum(c."signedProjects"), 0) AS signedProjects ${from}`,
  ).get(p) as Omit<ClinicTotals, 'experts' | 'enterprisesServed'>;
}

export function clinicTotals(db: Database.Database, scope: ResolvedScope, p: Params): ClinicTotals | null {
  const from = clinicsFrom(scope);
  const sums = clinicSums(db, scope, p);
  if (from === null || sums === null) return null;
  const experts = preparedOn(
    db,
    `SELECT count(DISTINCT x."id") AS n FROM (SELECT c."expertIds" ${from}) c
       JOIN json_each(c."expertIds") jx JOIN experts x ON x."id" = jx.value AND x."deletedAt" IS NULL`,
  ).get(p) as { n: number };
  const served = preparedOn(
    db,
    `SELECT count(DISTINCT se."id") AS n FROM (SELECT c."enterprises" ${from}) c ${servedEnterprisesSql(scope)}`,
  ).get(p) as { n: number };
  return { ...sums, experts: experts.n, enterprisesServed: served.n };
}
