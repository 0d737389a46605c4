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

/** The enterprise (alias e) is in the scope: the liaison's, or the town's. */
const inScope = (scope: ResolvedScope): string =>
  scope.type === 'staff' ? `e."liaisonStaffId" = @staffId` : scope.type === 'town' ? `e."town" = @town` : '1';

/** The scope's live enterprises (alias e) with each tier entry (alias j) of the figure. */
export function tierEntriesFrom(scope: ResolvedScope, figure: TierFigure): string {
  return `FROM enterprises e, json_each(e."tiers") j WHERE e."deletedAt" IS NULL AND ${inScope(scope)}
    AND ${TIER_HELD[figure]}`;
}

/** A tier entry of an enterprise (enterprises.tiers holds a JSON array of them). */
interface TierEntry {
  tier?: unknown;
  year?: unknown;
  expiresOn?: unknown;
}

/** The entries of a `tiers` JSON with a tier name; none when it is not a JSON array. */
export function tierEntries(json: string | null): (TierEntry & { tier: string })[] {
  if (!json || json === '[]') return [];
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).filter(
    (t): t is TierEntry & { tier: string } =>
      t !== null && typeof t === 'object' && typeof (t as TierEntry).tier === 'string',
  );
}

/**
 * tierEntries read once per JSON text: a summary reads the tiers of the enterprises visited
 * and of every enterprise (tierSplits), mostly the same texts.
 */
export type TierEntriesCache = Map<string, (TierEntry & { tier: string })[]>;

export function cachedTierEntries(json: string, cache: TierEntriesCache | undefined) {
  let entries = cache?.get(json);
  if (!entries) {
    entries = tierEntries(json);
    cache?.set(json, entries);
  }
  return entries;
}

/**
 * Certified in `year` or before and not expired before `day`: TIER_HELD.tierStock (day = asOf)
 * and TIER_VALID of visitFigures (day = the first day) in JS. The SQL and this must agree
 * (reports-crosscheck holds the figures to the oracle, the drill-downs read the SQL).
 */
export function heldIn(t: TierEntry, year: number, day: string): boolean {
  if (typeof t.year !== 'number' || t.year > year) return false;
  // As in SQL: a number is never after a date string, so only a date string can be in force.
  return (
    t.expiresOn === undefined ||
    t.expiresOn === null ||
    (typeof t.expiresOn === 'string' && t.expiresOn >= day)
  );
}

/** BINARY collation, as SQLite orders text (tier names are ASCII). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Enterprises per tier for both figures, largest first: the scope's live enterprises' tiers
 * are read once and counted in JS (json_each and json_extract over every entry cost ×4).
 */
export function tierSplits(
  db: Database.Database,
  scope: ResolvedScope,
  p: Record<string, unknown>,
  cache?: TierEntriesCache,
): Record<TierFigure, Record<string, number>> {
  const rows = preparedOn(
    db,
    `SELECT e."tiers" FROM enterprises e WHERE e."deletedAt" IS NULL AND ${inScope(scope)}
       AND e."tiers" IS NOT NULL AND e."tiers" <> '[]'`,
  )
    .pluck()
    .all(p) as string[];
  const year = Number(p.qeYear);
  const asOf = String(p.asOf);
  // Many enterprises hold the same tiers: each distinct JSON is read once.
  const enterprises = new Map<string, number>();
  for (const json of rows) enterprises.set(json, (enterprises.get(json) ?? 0) + 1);
  const stock = new Map<string, number>();
  const fresh = new Map<string, number>();
  const count = (m: Map<string, number>, tiers: Set<string>, n: number) => {
    for (const t of tiers) m.set(t, (m.get(t) ?? 0) + n);
  };
  for (const [json, n] of enterprises) {
    const entries = cachedTierEntries(json, cache);
    // An enterprise counts once under each tier, however many entries it has.
    count(stock, new Set(entries.filter((t) => heldIn(t, year, asOf)).map((t) => t.tier)), n);
    count(fresh, new Set(entries.filter((t) => t.year === year).map((t) => t.tier)), n);
  }
  const sorted = (m: Map<string, number>) =>
    Object.fromEntries([...m].sort(([x, a], [y, b]) => b - a || byName(x, y)));
  return { tierStock: sorted(stock), tierNew: sorted(fresh) };
}
