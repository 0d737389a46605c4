// The activity and outcome figures computed independently (see reports-oracle.ts): plain
// reads of whole tables, filtered and summed in JavaScript. Shares no code with src-main.
import type Database from 'better-sqlite3';
import { wholeTable } from './oracleTables';
import type { OracleScope } from './reports-oracle';

type Row = Record<string, unknown>;

export function oracleActivityFigures(
  db: Database.Database,
  period: { start: string; end: string },
  scope: OracleScope = {},
) {
  const all = (table: string) => wholeTable(db, table) as Row[];
  const enterprises = new Map(all('enterprises').map((e) => [String(e.id), e]));
  const live = (id: string) => {
    const e = enterprises.get(id);
    return e && !e.deletedAt ? e : null;
  };
  const inPeriod = (r: Row) => String(r.date) >= period.start && String(r.date) <= period.end;
  const ids = (json: unknown) => JSON.parse(String(json ?? '[]')) as string[];

  const held = all('activities').filter((a) => {
    if (a.deletedAt || a.status !== 'held' || !inPeriod(a)) return false;
    if (scope.staffId) return ids(a.organizerStaffIds).includes(scope.staffId);
    if (scope.town) return ids(a.enterpriseIds).some((id) => live(id)?.town === scope.town);
    return true;
  });
  const activitiesByType: Record<string, number> = {};
  for (const a of held) activitiesByType[String(a.type)] = (activitiesByType[String(a.type)] ?? 0) + 1;
  const reached = new Set(
    held.flatMap((a) =>
      ids(a.enterpriseIds).filter((id) => {
        const e = live(id);
        return e && (!scope.town || e.town === scope.town);
      }),
    ),
  );

  const counted = all('outcomes').filter((o) => {
    if (o.deletedAt || o.status === 'rejected' || !inPeriod(o)) return false;
    const e = enterprises.get(String(o.enterpriseId));
    if (e?.deletedAt) return false;
    if (scope.town) return e?.town === scope.town;
    if (scope.staffId) return e?.liaisonStaffId === scope.staffId;
    return true;
  });
  const fen: Record<string, { count: number; fen: number }> = {};
  for (const o of counted) {
    const t = (fen[String(o.type)] ??= { count: 0, fen: 0 });
    t.count += Number(o.count ?? 0);
    t.fen += o.amount === null ? 0 : Math.round(Number(o.amount) * 100);
  }
  const outcomesByType = Object.fromEntries(
    Object.entries(fen).map(([type, t]) => [type, { count: t.count, amount: t.fen / 100 }]),
  );

  return {
    activities: held.length,
    activitiesByType,
    attendees: held.reduce((a, x) => a + Number(x.attendees ?? 0), 0),
    enterprisesReached: reached.size,
    outcomesByType,
  };
}
