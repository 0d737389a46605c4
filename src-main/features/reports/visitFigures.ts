import type Database from 'better-sqlite3';
import { preparedOn } from '../../store/records';
import type { ResolvedScope } from './scope';
import { enterpriseFilter, scopeSql } from './scope';
import { UNKNOWN_KEY } from '@shared/reports/definitions';
import { VISIT_MODES } from '@shared/domain/enums';
import { industrySplitSql } from '@shared/domain/industries';
import { cachedTierEntries, heldIn, type TierEntriesCache } from './tierFigures';
import { longerThanAQuarter } from './period';

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
export function visitsFrom(scope: ResolvedScope, index = ''): string {
  return `${visitRowsFrom(scope, index)} AND ${enterpriseFilter(scope, 'v."enterpriseId"')}`;
}

/**
 * visitsFrom without the enterprise filter, for visits grouped by enterprise: the filter,
 * which depends on the enterprise alone, is then tested once per group (HAVING), not per visit
 * (a third less for a year's count; no gain where the grouping costs more than the filter).
 */
function visitRowsFrom(scope: ResolvedScope, index: string): string {
  return `FROM visits v ${index}
    WHERE v."date" BETWEEN @qs AND @qe AND v."status" IS NOT 'draft' AND v."deletedAt" IS NULL
      AND (${scopeSql(scope).visits})`;
}

/** Keeps the groups of visits (GROUP BY v."enterpriseId", …) of enterprises visitsFrom keeps. */
const groupsKept = (scope: ResolvedScope) => `HAVING ${enterpriseFilter(scope, 'v."enterpriseId"')}`;

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
  /** Counted with the splits (from the visits grouped by lead), else apart: leaderVisitCount. */
  leaderVisits?: number;
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

/** Months pivoted into columns: a year's at most (a longer range counts its months apart). */
export const PIVOT_MONTHS = 12;
/** Months per packed sum: three 16-bit fields, the fourth of the first sum holds solved-on-site. */
const PER_SUM = 3;

/** The months from `qs` to `qe` ('2026-07'…), in order. */
export function monthsBetween(qs: string, qe: string): string[] {
  const out: string[] = [];
  let y = Number(qs.slice(0, 4));
  let m = Number(qs.slice(5, 7));
  const last = qe.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}

/**
 * Over more days than a quarter, the bureau's visits are grouped in the order of the index led
 * by enterprise and lead (no sort of ~100k rows: a year at ×20 about ×2.5 faster); over fewer,
 * reading only the window's days through the date index costs less.
 */
function groupingIndex(scope: ResolvedScope, p: Params): string {
  if (scope.type !== 'bureau') return '';
  return longerThanAQuarter(p.qs, p.qe) ? 'INDEXED BY visits_by_enterprise' : '';
}

/**
 * Visits per enterprise (alias ve). With splits, the visits are grouped once by enterprise and
 * lead staff (alias vl: the staff split comes from it) and ve sums vl per enterprise. The
 * counts per mode, and per month (three months a sum, with the solved-on-site count in the
 * first), are packed into 16-bit fields of integer sums (`modes`, `months0`…): a few aggregate
 * calls per visit instead of one per column, which is most of the cost of grouping 100k+
 * visits. A field holds up to 65,535 visits of one enterprise in one month. The enterprise
 * filter is tested per group (groupsKept), not per visit: a quarter's counts cost ~2 ms less.
 */
function perEnterprise(scope: ResolvedScope, withSplits: boolean, months: number, index: string): string {
  if (!withSplits) {
    return `ve AS MATERIALIZED (
    SELECT v."enterpriseId" AS eid, count(*) AS n, total(v."solvedOnSite" = 1) AS solved
    ${visitRowsFrom(scope, index)} GROUP BY v."enterpriseId" ${groupsKept(scope)})`;
  }
  const modes = `CASE v."mode" ${VISIT_MODES.map((m, i) => `WHEN '${m}' THEN ${FIELD ** i}`).join(' ')} ELSE 0 END`;
  const sums = Array.from({ length: Math.max(1, Math.ceil(months / PER_SUM)) }, (_, g) => {
    const slots = Array.from({ length: Math.min(PER_SUM, months - g * PER_SUM) }, (_, i) => g * PER_SUM + i);
    // Month m (0-based) runs from @s{m+1} to @s{m+2} (first days): the dates are compared, not cut.
    const earlier = g === 0 ? '' : `WHEN v."date" < @s${g * PER_SUM + 1} THEN 0 `;
    const cases = slots.length
      ? `CASE ${earlier}${slots.map((m) => `WHEN v."date" < @s${m + 2} THEN ${FIELD ** (m % PER_SUM)}`).join(' ')} ELSE 0 END`
      : '0';
    return g === 0 ? `${cases} + CASE WHEN v."solvedOnSite" = 1 THEN ${FIELD ** SOLVED} ELSE 0 END` : cases;
  });
  return `vl AS MATERIALIZED (
    SELECT v."enterpriseId" AS eid, v."leadStaffId" AS lead, count(*) AS n, sum(${modes}) AS modes,
      ${sums.map((e, g) => `sum(${e}) AS months${g}`).join(', ')}
    ${visitRowsFrom(scope, index)} GROUP BY v."enterpriseId", v."leadStaffId" ${groupsKept(scope)}),
  ve AS MATERIALIZED (
    SELECT eid, total(n) AS n, sum(modes) AS modes, ${sums.map((_, g) => `sum(months${g}) AS months${g}`).join(', ')},
      (sum(months0) >> ${16 * SOLVED}) & 65535 AS solved
    FROM vl GROUP BY eid)`;
}

/** The staff members whose position is leader (领导). */
const LEADERS = `SELECT ls."id" FROM staff ls WHERE ls."position" = 'leader'`;

/** Field `i` (0-based) of a packed count. */
const field = (col: string, i: number) => `((${col} >> ${16 * i}) & 65535)`;
const FIELD = 65536;
/** The field of `months` that holds the solved-on-site count. */
const SOLVED = 3;

/** The tiers valid in the window (TIER_VALID) of a `tiers` JSON. */
function validTiers(json: string, qeYear: number, qs: string, cache?: TierEntriesCache): string[] {
  return [
    ...new Set(
      cachedTierEntries(json, cache)
        .filter((t) => heldIn(t, qeYear, qs))
        .map((t) => t.tier),
    ),
  ];
}

function statement(scope: ResolvedScope, withSplits: boolean, months: number, index: string): string {
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
    for (let i = 0; i < months; i++) {
      const f = field(`months${Math.floor(i / PER_SUM)}`, i % PER_SUM);
      parts.push(`SELECT 'byMonth', @m${i + 1}, total(${f}), total(${f} > 0), 0 FROM ve`);
    }
    // The visited enterprises per town, industry section and tiers (packed into k): the splits
    // by town, section and tier are summed from these in JS (reading each enterprise's tiers as
    // JSON in SQL cost more than all the rest). A visited enterprise that is not (yet) in the
    // table has no town, section or tier.
    parts.push(
      `SELECT 'enterprises', coalesce(ee."town", '') || char(31) || ${industrySplitSql(`coalesce(ee."industry", '')`)}
         || char(31) || coalesce(ee."tiers", ''), total(ve.n), count(*), 0
       FROM ve LEFT JOIN enterprises ee INDEXED BY enterprises_report ON ee."id" = ve.eid GROUP BY 2`,
    );
    parts.push(`SELECT 'leaders', NULL, total(n), 0, 0 FROM vl WHERE lead IN (${LEADERS})`);
    // By lead staff: vl has one row per enterprise and lead, so count(*) counts enterprises.
    parts.push(
      `SELECT 'byStaff', coalesce(nullif(lead, ''), '${UNKNOWN_KEY}'), total(n), count(*), 0 FROM vl GROUP BY 2`,
    );
  }
  return `WITH ${perEnterprise(scope, withSplits, months, index)}
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

/** The month after 'YYYY-MM'. */
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The window's months as `m1`… parameters and their first days as `s1`…, with the first day
 * of the month after as the last `s`, when they are few enough to pivot (else none).
 */
function monthParams(p: Params): { count: number; params: Record<string, string> } {
  const months = monthsBetween(String(p.qs), String(p.qe));
  if (months.length > PIVOT_MONTHS) return { count: 0, params: {} };
  const params: Record<string, string> = {};
  months.forEach((m, i) => {
    params[`m${i + 1}`] = m;
    params[`s${i + 1}`] = `${m}-01`;
  });
  params[`s${months.length + 1}`] = `${nextMonth(months[months.length - 1]!)}-01`;
  return { count: months.length, params };
}

function run(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
  withSplits: boolean,
  cache?: TierEntriesCache,
) {
  const months = withSplits ? monthParams(p) : { count: 0, params: {} };
  const index = groupingIndex(scope, p);
  const rows = preparedOn(db, statement(scope, withSplits, months.count, index)).all({
    ...p,
    ...months.params,
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
    if (!valid) tiersOf.set(tiers, (valid = validTiers(tiers, Number(p.qeYear), String(p.qs), cache)));
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
    } else if (r.dim === 'leaders') {
      totals.leaderVisits = r.a;
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

export function visitFigures(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
  cache?: TierEntriesCache,
) {
  return run(db, scope, p, true, cache);
}

/** The visits and the enterprises visited, without the coverage: what targets measure over a year to date. */
export function visitCounts(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
): { visits: number; enterprisesVisited: number } {
  return preparedOn(
    db,
    `SELECT total(n) AS visits, count(*) AS enterprisesVisited FROM (
       SELECT count(*) AS n ${visitRowsFrom(scope, groupingIndex(scope, p))}
       GROUP BY v."enterpriseId" ${groupsKept(scope)})`,
  ).get(p) as { visits: number; enterprisesVisited: number };
}

// --- 领导带队走访: visits whose lead staff member is a leader (staff `position`).
// The splits count them from the visits grouped by lead (statement); LEADER_LED on its own.

/** The visit (alias v) was led by a staff member whose position is leader. */
export const LEADER_LED = `v."leadStaffId" IN (${LEADERS})`;

export function leaderVisitCount(db: Database.Database, scope: ResolvedScope, p: Params): number {
  const row = preparedOn(db, `SELECT count(*) AS n ${visitsFrom(scope)} AND ${LEADER_LED}`).get(p) as {
    n: number;
  };
  return row.n;
}

/**
 * visitTotals of the days `inner` (@is…@ie) and visitCounts of the longer window `p` around
 * them, in one reading of p's visits: a summary's previous period and the year to date its
 * targets are measured over (~5 ms less than reading both at ×20). One sum per enterprise
 * packs three 21-bit counts (up to 2,097,151 visits each): its visits in p, in the inner days,
 * and solved on site in them.
 */
export function visitTotalsWithin(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
  inner: { qs: string; qe: string },
): { totals: VisitTotals; outer: { visits: number; enterprisesVisited: number } } {
  const count = (i: number) => `((packed >> ${21 * i}) & ${2 ** 21 - 1})`;
  const rows = preparedOn(
    db,
    `WITH ve AS MATERIALIZED (
       SELECT v."enterpriseId" AS eid, sum(CASE WHEN v."date" < @is OR v."date" > @ie THEN 1
         WHEN v."solvedOnSite" = 1 THEN ${1 + 2 ** 21 + 2 ** 42} ELSE ${1 + 2 ** 21} END) AS packed
       ${visitRowsFrom(scope, groupingIndex(scope, p))} GROUP BY v."enterpriseId" ${groupsKept(scope)})
     SELECT 'total' AS dim, total(${count(1)}) AS a, total(${count(1)} > 0) AS b, total(${count(2)}) AS c FROM ve
     UNION ALL SELECT 'outer', total(${count(0)}), count(*), 0 FROM ve
     UNION ALL SELECT 'coverage', count(*), total(b."id" IN (SELECT eid FROM ve WHERE ${count(1)} > 0)), 0
       ${baseFrom(scope)}`,
  ).all({ ...p, is: inner.qs, ie: inner.qe }) as Omit<Row, 'k'>[];
  const row = (dim: string) => rows.find((r) => r.dim === dim)!;
  const total = row('total');
  const coverage = row('coverage');
  const outer = row('outer');
  return {
    totals: {
      visits: total.a,
      enterprisesVisited: total.b,
      solvedOnSite: total.c,
      coverageNumerator: coverage.b,
      coverageDenominator: coverage.a,
    },
    outer: { visits: outer.a, enterprisesVisited: outer.b },
  };
}
