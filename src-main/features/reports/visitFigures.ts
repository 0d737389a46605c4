import type Database from 'better-sqlite3';
import { preparedOn } from '../../store/records';
import type { ResolvedScope } from './scope';
import { enterpriseFilter, scopeSql } from './scope';
import { UNKNOWN_KEY } from '@shared/reports/definitions';
import { VISIT_MODES } from '@shared/domain/enums';
import { industrySplitSql } from '@shared/domain/industries';

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

/** A tier entry of an enterprise (enterprises.tiers holds a JSON array of them). */
interface TierEntry {
  tier?: unknown;
  year?: unknown;
  expiresOn?: unknown;
}

/** TIER_VALID in JS, for the tiers split: the two must agree (reports-crosscheck holds them to it). */
function validTiers(json: string | null, qeYear: number, qs: string): string[] {
  if (!json || json === '[]') return [];
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const tiers = new Set<string>();
  for (const t of list as TierEntry[]) {
    if (t === null || typeof t !== 'object' || typeof t.tier !== 'string') continue;
    if (typeof t.year !== 'number' || t.year > qeYear) continue;
    // As in SQL: a number is never after a date string, so only a date string can be in force.
    if (
      t.expiresOn !== undefined &&
      t.expiresOn !== null &&
      !(typeof t.expiresOn === 'string' && t.expiresOn >= qs)
    )
      continue;
    tiers.add(t.tier);
  }
  return [...tiers];
}

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
    // The visited enterprises per town, industry section and tiers (packed into k): the splits
    // by town, section and tier are summed from these in JS (reading each enterprise's tiers as
    // JSON in SQL cost more than all the rest). A visited enterprise that is not (yet) in the
    // table has no town, section or tier.
    parts.push(
      `SELECT 'enterprises', coalesce(ee."town", '') || char(31) || ${industrySplitSql(`coalesce(ee."industry", '')`)}
         || char(31) || coalesce(ee."tiers", ''), total(ve.n), count(*), 0
       FROM ve LEFT JOIN enterprises ee ON ee."id" = ve.eid GROUP BY 2`,
    );
    // By lead staff: vl has one row per enterprise and lead, so count(*) counts enterprises.
    parts.push(
      `SELECT 'byStaff', coalesce(nullif(lead, ''), '${UNKNOWN_KEY}'), total(n), count(*), 0 FROM vl GROUP BY 2`,
    );
  }
  return `WITH ${perEnterprise(scope, withSplits)}
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
  // The groups of visited enterprises are many: summed into the splits by town, section and
  // tier, which are sorted below. The other rows are few, and entered largest first.
  const tiersOf = new Map<string, string[]>();
  for (const r of rows) {
    if (r.dim !== 'enterprises') continue;
    const [town, section, tiers] = String(r.k).split('\u001f') as [string, string, string];
    add(splits.byTown, town || UNKNOWN_KEY, r);
    add(splits.byIndustry, section || UNKNOWN_KEY, r);
    let valid = tiersOf.get(tiers);
    if (!valid) tiersOf.set(tiers, (valid = validTiers(tiers, Number(p.qeYear), String(p.qs))));
    if (!valid.length) add(splits.byTier, 'none', r);
    for (const tier of valid) add(splits.byTier, tier, r);
  }
  const sorted = rows
    .filter((r) => r.dim !== 'enterprises')
    .sort((x, y) => y.a - x.a || String(x.k).localeCompare(String(y.k)));
  for (const r of sorted) {
    if (r.dim === 'total') {
      totals.visits = r.a;
      totals.enterprisesVisited = r.b;
      totals.solvedOnSite = r.c;
    } else if (r.dim === 'coverage') {
      totals.coverageDenominator = r.a;
      totals.coverageNumerator = r.b;
    } else if (r.a > 0 || r.dim === 'byMonth') {
      splits[r.dim as keyof VisitSplits][r.k ?? UNKNOWN_KEY] = { visits: r.a, enterprisesVisited: r.b };
    }
  }
  for (const key of ['byTown', 'byIndustry', 'byTier'] as const) {
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

// --- 领导带队走访: visits whose lead staff member is a leader (staff `position`).

/** The visit (alias v) was led by a staff member whose position is leader. */
export const LEADER_LED = `v."leadStaffId" IN (SELECT ls."id" FROM staff ls WHERE ls."position" = 'leader')`;

export function leaderVisitCount(db: Database.Database, scope: ResolvedScope, p: Params): number {
  const row = preparedOn(db, `SELECT count(*) AS n ${visitsFrom(scope)} AND ${LEADER_LED}`).get(p) as {
    n: number;
  };
  return row.n;
}
