import type Database from 'better-sqlite3';
import { preparedOn } from '../store/records';
import type { ResolvedScope } from './scope';
import { enterpriseFilter, scopeSql } from './scope';
import { UNKNOWN_KEY } from './definitions';
import { VISIT_MODES } from '../domain/enums';

// Visit figures, counted in SQL. The quarter's visits are read once from the covering index
// visits_report and grouped per enterprise, with the counts per mode and per month pivoted
// into columns (modes and months are fixed lists); every split except by staff is then a
// sum over those ≤ one-row-per-enterprise groups, so no split sorts the visits again.

export interface SplitEntry {
  visits: number;
  enterprisesVisited: number;
}
export type Split = Record<string, SplitEntry>;

/** The quarter's visits in scope: live, not drafts, dated in Q, not of a deleted enterprise. */
export function visitsFrom(scope: ResolvedScope): string {
  return `FROM visits v
    WHERE v."date" BETWEEN @qs AND @qe AND v."status" IS NOT 'draft' AND v."deletedAt" IS NULL
      AND ${enterpriseFilter(scope, 'v."enterpriseId"')} AND (${scopeSql(scope).visits})`;
}

/** Live enterprises with a liaison, in scope (the coverage base; alias b). */
export function baseFrom(scope: ResolvedScope): string {
  return `FROM enterprises b WHERE b."deletedAt" IS NULL AND b."liaisonStaffId" IS NOT NULL
    AND b."liaisonStaffId" <> '' AND (${scopeSql(scope).base})`;
}

/** Valid in the quarter: certified in or before its year and not expired before it began. */
export const TIER_VALID = `json_extract(j.value, '$.year') <= @qeYear
  AND (json_extract(j.value, '$.expiresOn') IS NULL OR json_extract(j.value, '$.expiresOn') >= @qs)`;

export interface VisitTotals {
  visits: number;
  enterprisesVisited: number;
  solvedOnSite: number;
  coverageNumerator: number;
  coverageDenominator: number;
}

export interface VisitSplits {
  byMode: Split;
  byTown: Split;
  byIndustry: Split;
  byTier: Split;
  byStaff: Split;
  byMonth: Split;
}

type Params = Record<string, unknown>;

const MONTHS = ['m1', 'm2', 'm3'] as const;

/**
 * Visits per enterprise (alias ve). With splits, the visits are grouped once by enterprise and
 * lead staff (alias vl: the staff split comes from it) and ve sums vl per enterprise. The
 * counts per mode, and per month with the solved-on-site count, are packed into 16-bit fields
 * of one integer sum each (`modes`, `months`): three aggregate calls per visit instead of ten,
 * which is most of the cost of grouping 100k+ visits. A field holds up to 65,535 visits of one
 * enterprise in one quarter.
 */
function perEnterprise(scope: ResolvedScope, withSplits: boolean): string {
  if (!withSplits) {
    return `ve AS MATERIALIZED (
    SELECT v."enterpriseId" AS eid, count(*) AS n, total(v."solvedOnSite" = 1) AS solved
    ${visitsFrom(scope)} GROUP BY v."enterpriseId")`;
  }
  const modes = `CASE v."mode" ${VISIT_MODES.map((m, i) => `WHEN '${m}' THEN ${FIELD ** i}`).join(' ')} ELSE 0 END`;
  const months = `CASE substr(v."date", 1, 7) ${MONTHS.map((m, i) => `WHEN @${m} THEN ${FIELD ** i}`).join(' ')} ELSE 0 END
    + CASE WHEN v."solvedOnSite" = 1 THEN ${FIELD ** SOLVED} ELSE 0 END`;
  return `vl AS MATERIALIZED (
    SELECT v."enterpriseId" AS eid, v."leadStaffId" AS lead, count(*) AS n, sum(${modes}) AS modes, sum(${months}) AS months
    ${visitsFrom(scope)} GROUP BY v."enterpriseId", v."leadStaffId"),
  ve AS MATERIALIZED (
    SELECT eid, total(n) AS n, sum(modes) AS modes, sum(months) AS months, (sum(months) >> ${16 * SOLVED}) & 65535 AS solved
    FROM vl GROUP BY eid)`;
}

/** Field `i` (0-based) of a packed count. */
const field = (col: string, i: number) => `((${col} >> ${16 * i}) & 65535)`;
const FIELD = 65536;
/** The field of `months` that holds the solved-on-site count. */
const SOLVED = 3;

/**
 * The visited enterprises with their town, industry section and the tiers valid in Q (a JSON
 * array, NULL when none), in one ordered pass over the enterprises matched to ve (alias ea).
 */
const VISITED_ENTERPRISES = `ea AS MATERIALIZED (
    SELECT ve.eid, ve.n, ee."town" AS town, upper(substr(ee."industry", 1, 1)) AS ind,
      CASE WHEN ee."tiers" IS NULL OR ee."tiers" = '[]' THEN NULL ELSE nullif(
        (SELECT json_group_array(DISTINCT json_extract(j.value, '$.tier')) FROM json_each(ee."tiers") j WHERE ${TIER_VALID}),
        '[]') END AS tiers
    FROM enterprises ee CROSS JOIN ve WHERE ve.eid = ee."id")`;

function statement(scope: ResolvedScope, withSplits: boolean): string {
  const parts = [
    `SELECT 'total' AS dim, NULL AS k, total(n) AS a, count(*) AS b, total(solved) AS c FROM ve`,
    `SELECT 'coverage', NULL, count(*), total(b."id" IN (SELECT eid FROM ve)), 0 ${baseFrom(scope)}`,
  ];
  if (withSplits) {
    VISIT_MODES.forEach((m, i) =>
      parts.push(
        `SELECT 'byMode', '${m}', total(${field('modes', i)}), total(${field('modes', i)} > 0), 0 FROM ve`,
      ),
    );
    const known = VISIT_MODES.map((_, i) => field('modes', i)).join(' + ');
    parts.push(`SELECT 'byMode', '${UNKNOWN_KEY}', total(n - (${known})), total(n > ${known}), 0 FROM ve`);
    MONTHS.forEach((m, i) =>
      parts.push(
        `SELECT 'byMonth', @${m}, total(${field('months', i)}), total(${field('months', i)} > 0), 0 FROM ve`,
      ),
    );
    // By town and industry section, from ea; a visited enterprise that is not (yet) in the
    // table counts under 'unknown'.
    parts.push(
      `SELECT 'byTownIndustry', coalesce(nullif(town, ''), '${UNKNOWN_KEY}') || char(31) ||
         coalesce(nullif(ind, ''), '${UNKNOWN_KEY}'), total(n), count(*), 0 FROM ea GROUP BY 2`,
      `SELECT 'byTownIndustry', '${UNKNOWN_KEY}' || char(31) || '${UNKNOWN_KEY}', total(n), count(*), 0
       FROM ve WHERE eid NOT IN (SELECT eid FROM ea)`,
    );
    // By tier: an enterprise counts under each tier valid in Q, or under 'none'.
    parts.push(
      `SELECT 'byTier', t.value, total(ea.n), count(*), 0 FROM ea, json_each(ea.tiers) t WHERE ea.tiers IS NOT NULL GROUP BY 2`,
    );
    parts.push(
      `SELECT 'byTier', 'none', total(n), count(*), 0 FROM ve WHERE eid NOT IN (SELECT eid FROM ea WHERE tiers IS NOT NULL)`,
    );
    // By lead staff: vl has one row per enterprise and lead, so count(*) counts enterprises.
    parts.push(
      `SELECT 'byStaff', coalesce(nullif(lead, ''), '${UNKNOWN_KEY}'), total(n), count(*), 0 FROM vl GROUP BY 2`,
    );
  }
  return `WITH ${perEnterprise(scope, withSplits)}${withSplits ? `, ${VISITED_ENTERPRISES}` : ''}
    ${parts.join('\n    UNION ALL ')}`;
}

function add(split: Split, key: string, r: Row): void {
  const e = split[key] ?? { visits: 0, enterprisesVisited: 0 };
  // An enterprise has one town and one section: enterprise counts add up across the other key.
  split[key] = { visits: e.visits + r.a, enterprisesVisited: e.enterprisesVisited + r.b };
}

interface Row {
  dim: string;
  k: string | null;
  a: number;
  b: number;
  c: number;
}

/** The three months of the quarter, as `m1`…`m3` parameters ('2026-07'…). */
export function monthParams(qs: string): Record<(typeof MONTHS)[number], string> {
  const y = qs.slice(0, 4);
  const m = Number(qs.slice(5, 7));
  const key = (n: number) => `${y}-${String(n).padStart(2, '0')}`;
  return { m1: key(m), m2: key(m + 1), m3: key(m + 2) };
}

function run(db: Database.Database, scope: ResolvedScope, p: Params, withSplits: boolean) {
  const rows = preparedOn(db, statement(scope, withSplits)).all({
    ...p,
    ...monthParams(String(p.qs)),
  }) as Row[];
  const totals: VisitTotals = {
    visits: 0,
    enterprisesVisited: 0,
    solvedOnSite: 0,
    coverageNumerator: 0,
    coverageDenominator: 0,
  };
  const splits: VisitSplits = {
    byMode: {},
    byTown: {},
    byIndustry: {},
    byTier: {},
    byStaff: {},
    byMonth: {},
  };
  const sorted = [...rows].sort((x, y) => y.a - x.a || String(x.k).localeCompare(String(y.k)));
  for (const r of sorted) {
    if (r.dim === 'total') {
      totals.visits = r.a;
      totals.enterprisesVisited = r.b;
      totals.solvedOnSite = r.c;
    } else if (r.dim === 'coverage') {
      totals.coverageDenominator = r.a;
      totals.coverageNumerator = r.b;
    } else if (r.dim === 'byTownIndustry') {
      if (!r.a) continue;
      // Small pre-aggregated rows (town × section): summed here into the two splits.
      const [town, section] = String(r.k).split('\u001f') as [string, string];
      add(splits.byTown, town, r);
      add(splits.byIndustry, section, r);
    } else if (r.a > 0 || r.dim === 'byMonth') {
      splits[r.dim as keyof VisitSplits][r.k ?? UNKNOWN_KEY] = { visits: r.a, enterprisesVisited: r.b };
    }
  }
  for (const key of ['byTown', 'byIndustry'] as const) {
    splits[key] = Object.fromEntries(
      Object.entries(splits[key]).sort(([x, a], [y, b]) => b.visits - a.visits || x.localeCompare(y)),
    );
  }
  // Months in calendar order, every month present.
  splits.byMonth = Object.fromEntries(Object.entries(splits.byMonth).sort(([x], [y]) => x.localeCompare(y)));
  return { totals, splits };
}

export function visitTotals(db: Database.Database, scope: ResolvedScope, p: Params): VisitTotals {
  return run(db, scope, p, false).totals;
}

export function visitFigures(db: Database.Database, scope: ResolvedScope, p: Params) {
  return run(db, scope, p, true);
}
