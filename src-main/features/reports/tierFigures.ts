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

/** The scope's live enterprises (alias e) with each tier entry (alias j) of the figure. */
export function tierEntriesFrom(scope: ResolvedScope, figure: TierFigure): string {
  const inScope =
    scope.type === 'staff'
      ? `e."liaisonStaffId" = @staffId`
      : scope.type === 'town'
        ? `e."town" = @town`
        : '1';
  return `FROM enterprises e, json_each(e."tiers") j
    WHERE e."deletedAt" IS NULL AND ${inScope} AND ${TIER_HELD[figure]}`;
}

/** Enterprises per tier, largest first. */
export function tierSplit(
  db: Database.Database,
  scope: ResolvedScope,
  figure: TierFigure,
  p: Record<string, unknown>,
): Record<string, number> {
  const rows = preparedOn(
    db,
    `SELECT json_extract(j.value, '$.tier') AS k, count(DISTINCT e."id") AS n ${tierEntriesFrom(scope, figure)}
     GROUP BY 1 ORDER BY 2 DESC, 1`,
  ).all(p) as { k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}
