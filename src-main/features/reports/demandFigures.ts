import type Database from 'better-sqlite3';
import { preparedOn } from '../../store/records';
import type { ResolvedScope } from './scope';
import { enterpriseFilter, enterpriseFilterOf, enterpriseSetSql, scopeSql } from './scope';
import { isOpenSql, shanghaiDaySql as day } from '../../store/rulesSql';
import { longerThanAQuarter } from './period';

// Demand figures. The status of a demand at a moment is rebuilt from demand_history: the
// state after the last move (ordered by `at`, then id) before that moment, moves that lost
// their place in the demand's replay (`superseded`) left out: they never applied. Done in SQL, per
// candidate demand, with seeks into the covering index demand_history_report:
//   c0 / c1   the last move before the quarter's start / end, packed as 'at|to'. A demand
//             closed now with closedAt before the end needs no seek for c1: its last move is
//             that closing (closedAt is the `at` of the move to closed), and all its holds
//             ended before it (heldBy = onHoldDays)
//   holds     for demands that were ever on hold: the latest hold start before the end, and
//             Σ end days − Σ start days of the holds moved before the end (julian days); for
//             a demand on hold at the end, adding back its running hold's start day leaves
//             the days of the holds that ended by then (heldBy)
// The due date in force at the end = the current dueDate minus the days added by holds that
// ended after the quarter (onHoldDays − heldBy); see NOTES in definitions.ts.
// A demand received in the period and closed before its end, for good (most of a long
// period's: a year at ×20, 13.5k of 15k), is "settled": its facts are read from its row alone,
// without the replay (settledSql).
// Instants are compared as UTC ISO strings with @ts / @te (see period.ts).
// The per-demand facts (for lists) and the totals (for the summary) share every expression.

const HOLD_START = `h."to" = 'on_hold' AND h."from" IS NOT 'on_hold'`;
const HOLD_END = `h."from" = 'on_hold' AND h."to" IS NOT 'on_hold'`;

/** The history rows that count: live, and not superseded (columns of demand_history_report). */
const LIVE = `h."deletedAt" IS NULL AND h."superseded" = 0`;

/** The last move of demand `t.id` before `bound`, as 'at|to' (index order: no sort). */
const lastMove = (bound: string) => `(SELECT h."at" || '|' || h."to" FROM demand_history h
  WHERE h."demandId" = t."id" AND h."at" < ${bound} AND ${LIVE} ORDER BY h."at" DESC, h."id" DESC LIMIT 1)`;

/**
 * The enterprises of enterpriseFilter (a CTE defined with the candidates): the filter is
 * pushed into each of their branches and the settled demands', ten sets in all, read once.
 */
const ENTERPRISES = 'scope_enterprises';

/**
 * Candidates with their boundary states: one materialized row per demand (alias x). `endOnly`
 * leaves out c0 and holds (NULL): enough for the state at the end (S1, AT1), not for the rest.
 */
function candidatesSql(scope: ResolvedScope, endOnly = false, replayAll = false, byStatus = false): string {
  const cols = `t."id", t."enterpriseId", t."assigneeStaffId", t."status", t."dueDate", t."onHoldDays",
    t."closureType", t."closedAt", t."receivedAt", t."leadUnitId"`;
  const before = `t."receivedAt" < @ts AND t."deletedAt" IS NULL`;
  // Each branch is a range of a covering index: received in Q and not settled; or received before it and
  // open now, closed since Q began, closed without a closing time, or rejected and moved since
  // (an OR inside a branch would make it scan every closed demand).
  // Any other demand received before Q was closed or rejected before Q and stayed so.
  const shortcut = `t."status" = 'closed' AND t."closedAt" < @te`;
  const received = `t."receivedAt" >= @ts AND t."receivedAt" < @te AND t."deletedAt" IS NULL`;
  // Received in Q and not settled (NOT coalesce(shortcut, 0)). `byStatus` (a long period):
  // as ranges of the index led by status (receivedAt checked per entry, `+`: not a range): not
  // closed, or closed at or after the end or without a closing time. The few unsettled of a
  // long period's many demands are then read alone (a year to date at ×20: ~1.3k of 14.5k),
  // not found among all received in it; a short period's receipts are fewer than the demands
  // not closed (~1.1k at ×20), which those ranges always read.
  const recv = `+t."receivedAt" >= @ts AND +t."receivedAt" < @te AND t."deletedAt" IS NULL`;
  const byStatusRanges = [
    `t."status" < 'closed'`,
    `t."status" > 'closed'`,
    `t."status" IS NULL`,
    `t."status" = 'closed' AND t."closedAt" >= @te`,
    `t."status" = 'closed' AND t."closedAt" IS NULL`,
  ]
    .map((w) => `SELECT ${cols} FROM demands t WHERE ${w} AND ${recv}`)
    .join('\n    UNION ALL\n    ');
  const unsettled = replayAll
    ? `SELECT ${cols} FROM demands t WHERE ${received}`
    : byStatus
      ? byStatusRanges
      : `SELECT ${cols} FROM demands t WHERE ${received} AND NOT coalesce(${shortcut}, 0)`;
  return `${enterpriseSetSql(scope, ENTERPRISES)},
x AS MATERIALIZED (
  SELECT t."id" AS id, t."status" AS cur, t."dueDate" AS due, coalesce(t."onHoldDays", 0) AS held,
    t."closureType" AS ctype, t."closedAt" AS closedAt, t."receivedAt" AS receivedAt, t."leadUnitId" AS unit,
    (t."receivedAt" >= @ts) AS isNew,
    (${shortcut}) AS sc,
    ${endOnly ? 'NULL' : `CASE WHEN t."receivedAt" < @ts THEN ${lastMove('@ts')} END`} AS c0,
    CASE WHEN ${shortcut} THEN t."closedAt" || '|closed' ELSE ${lastMove('@te')} END AS c1,
    ${
      endOnly
        ? 'NULL'
        : `CASE WHEN (t."onHoldDays" > 0 OR t."status" = 'on_hold') AND NOT (${shortcut}) THEN (
      SELECT coalesce(max(CASE WHEN ${HOLD_START} THEN h."at" END), '') || '#' || (
        total(CASE WHEN ${HOLD_END} THEN julianday(${day('h."at"')}) END)
        - total(CASE WHEN ${HOLD_START} THEN julianday(${day('h."at"')}) END))
      FROM demand_history h WHERE h."demandId" = t."id" AND h."at" < @te AND ${LIVE}) END`
    } AS holds
  FROM (
    ${unsettled}
    UNION ALL
    SELECT ${cols} FROM demands t WHERE (${isOpenSql('t."status"')} OR t."status" IS NULL) AND ${before}
    UNION ALL
    SELECT ${cols} FROM demands t WHERE t."status" = 'closed' AND t."closedAt" >= @ts AND ${before}
    UNION ALL
    SELECT ${cols} FROM demands t WHERE t."status" = 'closed' AND t."closedAt" IS NULL AND ${before}
    UNION ALL
    SELECT ${cols} FROM demands t WHERE t."status" = 'rejected' AND ${before}
      AND (SELECT max(hh."at") FROM demand_history hh WHERE hh."demandId" = t."id") >= @ts
  ) t
  WHERE ${enterpriseFilterOf(scope, 't."enterpriseId"', ENTERPRISES)} AND (${scopeSql(scope).demands})
)`;
}

/** The status at the end, from x's c1 (see statesSql). */
const S1 = `CASE WHEN x.c1 IS NOT NULL THEN substr(x.c1, instr(x.c1, '|') + 1)
    WHEN x.cur = 'closed' AND x.closedAt >= @te THEN 'pending' ELSE coalesce(x.cur, 'pending') END`;
/** The instant of the last move before the end (the closing, for a demand closed then). */
const AT1 = `CASE WHEN x.c1 IS NOT NULL THEN substr(x.c1, 1, instr(x.c1, '|') - 1) ELSE coalesce(x.closedAt, x.receivedAt) END`;

/**
 * The boundary states and every date computed once per candidate (alias y). Without any
 * history (c1 NULL): received, then closed at closedAt, or as it is now since receipt.
 */
function statesSql(): string {
  const s0 = `CASE WHEN x.c1 IS NOT NULL THEN coalesce(substr(x.c0, instr(x.c0, '|') + 1), 'pending')
    WHEN x.cur = 'closed' AND x.closedAt >= @ts THEN 'pending' ELSE coalesce(x.cur, 'pending') END`;
  const holdSince = `nullif(substr(x.holds, 1, instr(x.holds, '#') - 1), '')`;
  return `y0 AS MATERIALIZED (
  SELECT x.id, x.isNew, x.due, x.held, x.ctype, x.receivedAt, x.sc, x.holds, x.unit,
    (${s0}) AS s0, (${S1}) AS s1, (${AT1}) AS at1, (${holdSince}) AS holdSince
  FROM x
),
y AS MATERIALIZED (
  SELECT id, isNew, due, held, ctype, s1, unit,
    (NOT isNew AND ${isOpenSql('s0')}) AS carried,
    (${isOpenSql('s1')}) AS openEnd,
    (s1 = 'closed' AND at1 >= @ts) AS closed,
    CASE WHEN s1 = 'closed' AND at1 >= @ts THEN ${day('at1')} END AS closedOn,
    CASE WHEN s1 = 'closed' AND at1 >= @ts THEN ${day('receivedAt')} END AS receivedOn,
    CASE WHEN s1 = 'on_hold' AND holdSince IS NOT NULL THEN ${day('holdSince')} END AS holdDay,
    CASE WHEN sc THEN held WHEN holds IS NULL THEN 0 ELSE CAST(
      CAST(substr(holds, instr(holds, '#') + 1) AS REAL)
      + CASE WHEN s1 = 'on_hold' AND holdSince IS NOT NULL THEN julianday(${day('holdSince')}) ELSE 0 END AS INTEGER) END AS heldBy
  FROM y0
),
f AS (
  SELECT *, CASE WHEN due IS NULL THEN NULL WHEN held <= heldBy THEN due
                 ELSE date(due, printf('%d days', heldBy - held)) END AS dueEnd
  FROM y
)`;
}

/**
 * The 督办 and 延期 events of the history by demand (alias ev): whether a supervision was
 * recorded by the end (it stays once recorded), and the extension requests approved in the
 * period. Few demands have any: found through the index led by the event type, then joined.
 */
const EVENTS = `ev AS MATERIALIZED (
  SELECT h."demandId" AS id, max(h."type" = 'supervised') AS supervised,
    count(CASE WHEN h."type" = 'extension_decided' AND h."at" >= @ts AND json_extract(h."data", '$.approve') THEN 1 END)
      AS extensions
  FROM demand_history h WHERE h."type" IN ('supervised', 'extension_decided') AND h."at" < @te AND ${LIVE}
  GROUP BY h."demandId"
)`;

/**
 * The facts of a demand (alias d) from its state at the end, as both branches of
 * demandFactsSql compute them: d has id, s1, isNew, carried, openEnd, closed, dueEnd, heldBy,
 * closedOn, receivedOn, holdDay, ctype and unit, and ev (EVENTS) is joined on its id.
 */
const FACTS = `d.id, d.s1, d.isNew, d.carried, d.openEnd, d.closed, d.dueEnd, d.heldBy, d.closedOn, d.unit,
  -- 督办 recorded by the end, on the period's workload.
  (d.isNew OR d.carried) AND coalesce(ev.supervised, 0) AS supervised,
  coalesce(ev.extensions, 0) AS extensions,
  -- An open demand on hold at the end is judged on the day its hold began (its clock was paused).
  CASE WHEN d.openEnd THEN coalesce(coalesce(d.holdDay, @qe) > d.dueEnd, 0) ELSE 0 END AS overdueEnd,
  CASE WHEN d.closed THEN CAST(julianday(d.closedOn) - julianday(d.receivedOn) AS INTEGER) - d.heldBy END AS daysToClose,
  CASE WHEN d.closed THEN (d.dueEnd IS NULL OR d.closedOn <= d.dueEnd) END AS onTime,
  -- The closure type now, or (reopened since) the last one recorded in the change log.
  CASE WHEN d.closed THEN coalesce(d.ctype, (
    SELECT c."value" FROM changes c
    WHERE c."tbl" = 'demands' AND c."rowId" = d.id AND c."field" = 'closureType' AND c."value" IS NOT NULL
    ORDER BY c."hlc" DESC LIMIT 1)) END AS closureType`;

/**
 * Received in the period and closed before its end, for good (the shortcut of candidatesSql
 * holds, alias t): new, closed at the end at closedAt, not on hold then, its holds all ended
 * (heldBy = onHoldDays, so the due date in force is dueDate). Most of a long period's demands:
 * their state at the end is read from their row, without the replay of statesSql. Read as the
 * range of the period's receipts (`+`: not the range of every demand closed before its end, ×10
 * the entries for a month at ×20, which also made the planner scan ev once per demand).
 */
const settledSql = (scope: ResolvedScope) => `FROM demands t
  WHERE t."receivedAt" >= @ts AND t."receivedAt" < @te AND t."deletedAt" IS NULL
    AND +t."status" = 'closed' AND t."closedAt" < @te
    AND ${enterpriseFilterOf(scope, 't."enterpriseId"', ENTERPRISES)} AND (${scopeSql(scope).demands})`;

/** The settled demands with the columns of statesSql's f (see FACTS). */
const settledStatesSql = (scope: ResolvedScope) => `SELECT t."id" AS id, 'closed' AS s1, 1 AS isNew,
    0 AS carried, 0 AS openEnd, (t."closedAt" >= @ts) AS closed, t."dueDate" AS dueEnd,
    coalesce(t."onHoldDays", 0) AS heldBy, CASE WHEN t."closedAt" >= @ts THEN ${day('t."closedAt"')} END AS closedOn,
    CASE WHEN t."closedAt" >= @ts THEN ${day('t."receivedAt"')} END AS receivedOn, NULL AS holdDay,
    t."closureType" AS ctype, t."leadUnitId" AS unit
  ${settledSql(scope)}`;

/**
 * Per-demand facts for the period; one row per demand that can count in any figure: the
 * candidates replayed by statesSql, and the settled demands. `replayAll` replays the settled
 * ones too (for the test that holds both ways to the same facts).
 */
export function demandFactsSql(scope: ResolvedScope, { replayAll = false, byStatus = false } = {}): string {
  const replayed = `SELECT ${FACTS} FROM f d LEFT JOIN ev ON ev.id = d.id`;
  const settled = `SELECT ${FACTS} FROM (${settledStatesSql(scope)}) d LEFT JOIN ev ON ev.id = d.id`;
  return `WITH ${candidatesSql(scope, false, replayAll, byStatus)},
${statesSql()},
${EVENTS}
${replayed}${replayAll ? '' : `\nUNION ALL\n${settled}`}`;
}

type Params = Record<string, unknown>;

/** Longer than a quarter: its unsettled demands are read by status (candidatesSql). */
const longWindow = (p: Params) => longerThanAQuarter(p.qs, p.qe);

/**
 * New and closed demands only (what targets measure): `closed` as in statesSql, from the state
 * at the end alone (no seek for the start or the holds, no dates: a year to date costs half).
 */
export function demandFlow(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
): { newDemands: number; closed: number } {
  return preparedOn(
    db,
    `WITH ${candidatesSql(scope, true, false, longWindow(p))}
SELECT sum(newDemands) AS newDemands, sum(closed) AS closed FROM (
  SELECT total(isNew) AS newDemands, total((${S1}) = 'closed' AND (${AT1}) >= @ts) AS closed FROM x
  UNION ALL
  SELECT count(*), total(t."closedAt" >= @ts) ${settledSql(scope)})`,
  ).get(p) as { newDemands: number; closed: number };
}

/**
 * The totals over the per-demand facts, by status at the end, workload and lead unit (NULL for
 * a demand without one, or one that counts in no unit figure: its lead unit is not looked up).
 */
function demandTotalsSql(scope: ResolvedScope, withUnits: boolean, byStatus: boolean): string {
  // Without units (a comparison's totals), no demand's lead unit is looked up.
  const unitId = withUnits
    ? `CASE WHEN f.isNew OR f.carried OR f.closed OR f.openEnd THEN nullif(f.unit, '') END`
    : 'NULL';
  const totals = (facts: string) => `SELECT s1, workload, unitId, count(*) AS n,
  total(isNew) AS newDemands, total(carried) AS carriedOver, total(closed) AS closed,
  total(closed AND workload) AS closedOfWorkload, total(closed AND closureType = 'substantive') AS substantive,
  total(closed AND onTime) AS onTime, total(daysToClose) AS daysToCloseTotal,
  total(openEnd) AS openAtEnd, total(overdueEnd) AS overdueAtEnd,
  total(supervised) AS supervised, total(extensions) AS extensions
FROM (SELECT f.*, (f.isNew OR f.carried) AS workload, ${unitId} AS unitId FROM (${facts}) f)
GROUP BY 1, 2, 3`;
  // The replayed and the settled demands (demandFactsSql's branches) are totalled apart: two
  // smaller groupings cost less than one of both (the rows' sums add up in demandTotals).
  return `WITH ${candidatesSql(scope, false, false, byStatus)},
${statesSql()},
${EVENTS}
${totals(`SELECT ${FACTS} FROM f d LEFT JOIN ev ON ev.id = d.id`)}
UNION ALL
${totals(`SELECT ${FACTS} FROM (${settledStatesSql(scope)}) d LEFT JOIN ev ON ev.id = d.id`)}`;
}

// --- Per lead unit (主办单位): the unit a demand has now, over the same facts as the totals.

export interface UnitFigures {
  name: string;
  /** New in the period or carried over into it. */
  assigned: number;
  closed: number;
  openAtEnd: number;
  overdueAtEnd: number;
  onTimeRate: number | null;
}

export interface DemandTotals {
  newDemands: number;
  carriedOver: number;
  closed: number;
  closedOfWorkload: number;
  substantive: number;
  onTime: number;
  daysToCloseTotal: number;
  openAtEnd: number;
  overdueAtEnd: number;
  supervised: number;
  extensions: number;
  /** Status at the end of the quarter of the workload (new + carried over), for the funnel. */
  workloadAtEnd: Record<string, number>;
  /** Per lead unit id, most assigned first (then by name and id, as SQLite orders text). */
  byUnit: Record<string, UnitFigures>;
}

type TotalsRow = { s1: string; workload: number; unitId: string | null; n: number } & Omit<
  DemandTotals,
  'workloadAtEnd' | 'byUnit'
>;

const SUMMED = [
  'newDemands',
  'carriedOver',
  'closed',
  'closedOfWorkload',
  'substantive',
  'onTime',
  'daysToCloseTotal',
  'openAtEnd',
  'overdueAtEnd',
  'supervised',
  'extensions',
] as const satisfies readonly (keyof TotalsRow)[];

/** BINARY collation: SQLite compares text as UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The unit figures from the totals' rows of demands with a lead unit, named and ordered. */
function unitFigures(db: Database.Database, rows: TotalsRow[]): Record<string, UnitFigures> {
  const sums = new Map<
    string,
    { assigned: number; closed: number; onTime: number; openAtEnd: number; overdueAtEnd: number }
  >();
  for (const r of rows) {
    if (r.unitId === null) continue;
    const u = sums.get(r.unitId) ?? { assigned: 0, closed: 0, onTime: 0, openAtEnd: 0, overdueAtEnd: 0 };
    if (r.workload) u.assigned += r.n;
    u.closed += r.closed;
    u.onTime += r.onTime;
    u.openAtEnd += r.openAtEnd;
    u.overdueAtEnd += r.overdueAtEnd;
    sums.set(r.unitId, u);
  }
  if (!sums.size) return {};
  const ids = [...sums.keys()];
  const names = new Map(
    (
      db
        .prepare(`SELECT "id", "name" FROM units WHERE "id" IN (${ids.map(() => '?').join(',')})`)
        .all(...ids) as {
        id: string;
        name: string | null;
      }[]
    ).map((u) => [u.id, u.name]),
  );
  const units = ids.map((id) => ({ id, name: names.get(id) ?? id, ...sums.get(id)! }));
  units.sort((a, b) => b.assigned - a.assigned || byBytes(a.name, b.name) || byBytes(a.id, b.id));
  return Object.fromEntries(
    units.map(({ id, name, assigned, closed, onTime, openAtEnd, overdueAtEnd }) => [
      id,
      { name, assigned, closed, openAtEnd, overdueAtEnd, onTimeRate: closed === 0 ? null : onTime / closed },
    ]),
  );
}

/** The totals; `byUnit` empty unless `withUnits`. */
export function demandTotals(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
  withUnits = true,
): DemandTotals {
  const rows = preparedOn(db, demandTotalsSql(scope, withUnits, longWindow(p))).all(p) as TotalsRow[];
  const totals = Object.fromEntries(SUMMED.map((k) => [k, 0])) as Omit<
    DemandTotals,
    'workloadAtEnd' | 'byUnit'
  >;
  const workloadAtEnd: Record<string, number> = {};
  for (const r of rows) {
    for (const k of SUMMED) totals[k] += r[k];
    if (r.workload) workloadAtEnd[r.s1] = (workloadAtEnd[r.s1] ?? 0) + r.n;
  }
  // Statuses in SQLite's order (the rows of both branches are grouped apart).
  const ordered = Object.fromEntries(Object.entries(workloadAtEnd).sort(([a], [b]) => byBytes(a, b)));
  return { ...totals, workloadAtEnd: ordered, byUnit: unitFigures(db, rows) };
}

/** New demands of Q, counted once in each of their categories. */
export function categorySplit(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
): Record<string, number> {
  const rows = preparedOn(
    db,
    // A demand's categories are distinct (the schema refuses repeats): count(*) counts it once in each.
    `SELECT j.value AS k, count(*) AS n
       FROM demands t, json_each(t."categories") j
       WHERE t."receivedAt" >= @ts AND t."receivedAt" < @te AND t."deletedAt" IS NULL
         AND ${enterpriseFilter(scope, 't."enterpriseId"')} AND (${scopeSql(scope).demands})
       GROUP BY 1 ORDER BY 2 DESC, 1`,
  ).all(p) as { k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

// --- 按时答复率: demands received in the period, first replied on or before firstReplyDue,
// over those whose firstReplyDue is on or before @asOf (a reply not due yet is not judged).

/** The demands (alias t) of the first-reply rate's denominator, with `onTime` for its numerator. */
export function firstReplySql(scope: ResolvedScope): string {
  return `SELECT t."id" AS id,
    coalesce(${day('t."firstRepliedAt"')} <= t."firstReplyDue", 0) AS onTime
  FROM demands t
  WHERE t."receivedAt" >= @ts AND t."receivedAt" < @te AND t."deletedAt" IS NULL
    AND t."firstReplyDue" IS NOT NULL AND t."firstReplyDue" <= @asOf
    AND ${enterpriseFilter(scope, 't."enterpriseId"')} AND (${scopeSql(scope).demands})`;
}

export function firstReplyTotals(
  db: Database.Database,
  scope: ResolvedScope,
  p: Params,
): { onTime: number; due: number } {
  return preparedOn(db, `SELECT total(onTime) AS onTime, count(*) AS due FROM (${firstReplySql(scope)})`).get(
    p,
  ) as { onTime: number; due: number };
}

/** The facts (alias f) of the demands handed to a lead unit that count in any of its figures. */
export function unitFactsSql(scope: ResolvedScope): string {
  return `SELECT f.*, f.unit AS unitId FROM (${demandFactsSql(scope)}) f
    WHERE coalesce(f.unit, '') <> '' AND (f.isNew OR f.carried OR f.closed OR f.openEnd)`;
}
