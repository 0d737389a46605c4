import type Database from 'better-sqlite3';
import { preparedOn } from '../../store/records';
import type { ResolvedScope } from './scope';

// 梯次培育: the enterprises holding each tier (enterprises.tiers, a JSON array of
// `{ tier, year, expiresOn? }`) at @asOf, and those whose tier was certified in @asOf's year.
// An enterprise counts once under each tier it holds. Scope: staff, the enterprises the member
// is liaison for (as the coverage base); town, the town's enterprises.

export type TierFigure = 'tierStock' | 'tierNew';

/** The tier entry (alias j, from json_each) counts in the figure at @asOf / @qeYear (the year of asOf). */
export const TIER_HELD: Record<TierFigure, string> = {
  tierStock: `json_extract(j.value, '$.year') <= @qeYear
    AND (json_extract(j.value, '$.expiresOn') IS NULL OR json_extract(j.value, '$.expiresOn') >= @asOf)`,
  tierNew: `json_extract(j.value, '$.year') = @qeYear`,
};

/** The scope's live enterprises (alias e) with each of their tier entries (alias j). */
function allTierEntriesFrom(scope: ResolvedScope): string {
  const inScope =
    scope.type === 'staff'
      ? `e."liaisonStaffId" = @staffId`
      : scope.type === 'town'
        ? `e."town" = @town`
        : '1';
  return `FROM enterprises e, json_each(e."tiers") j WHERE e."deletedAt" IS NULL AND ${inScope}`;
}

/** The scope's live enterprises (alias e) with each tier entry (alias j) of the figure. */
export function tierEntriesFrom(scope: ResolvedScope, figure: TierFigure): string {
  return `${allTierEntriesFrom(scope)} AND ${TIER_HELD[figure]}`;
}

/**
 * Enterprises per tier for both figures, largest first: one pass over the enterprises' tiers
 * (the JSON of every enterprise is read once, not once per figure).
 */
export function tierSplits(
  db: Database.Database,
  scope: ResolvedScope,
  p: Record<string, unknown>,
): Record<TierFigure, Record<string, number>> {
  const rows = preparedOn(
    db,
    `WITH g AS MATERIALIZED (
       SELECT json_extract(j.value, '$.tier') AS k,
         count(DISTINCT CASE WHEN ${TIER_HELD.tierStock} THEN e."id" END) AS stock,
         count(DISTINCT CASE WHEN ${TIER_HELD.tierNew} THEN e."id" END) AS new
       ${allTierEntriesFrom(scope)} AND ((${TIER_HELD.tierStock}) OR (${TIER_HELD.tierNew}))
       GROUP BY 1)
     SELECT 'tierStock' AS f, k, stock AS n FROM g WHERE stock > 0
     UNION ALL SELECT 'tierNew', k, new FROM g WHERE new > 0
     ORDER BY 1, 3 DESC, 2`,
  ).all(p) as { f: TierFigure; k: string; n: number }[];
  const out: Record<TierFigure, Record<string, number>> = { tierStock: {}, tierNew: {} };
  for (const r of rows) out[r.f][r.k] = r.n;
  return out;
}
