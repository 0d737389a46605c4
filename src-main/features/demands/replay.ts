import { newId } from '../../store/ids';
import type { Store } from '../../store/db';
import { preparedOn, updateRecord } from '../../store/records';
import { withCapture } from '../../store/capture';
import { KINDS, fromSql, toSql } from '../../store/schema';
import {
  DERIVED_DEMAND_FIELDS,
  eventType,
  replayDemand,
  type DerivedDemand,
  type HistoryEvent,
  type LegacyBasis,
  type Replay,
} from '@shared/domain/demandReplay';
import { workCalendarIn } from '../settings/service';

// A demand's status and the fields that go with it are written from the replay of its
// history, and only from it: after a local event (capture on: the values sync like any
// edit) and after an import (capture off: every laptop computes the same from the same
// events). See @shared/domain/demandReplay. So is each event's `superseded` flag, written
// directly in both cases: it is local (never captured), so reports and the timeline can read
// it in SQL.

/** An event as read for a replay, with what the history shows and a conflict describes. */
export interface StoredEvent extends HistoryEvent {
  demandId: string;
  by: string | null;
  note: string | null;
  /** Whether the replay found this move out of place, as the last replay wrote it. */
  superseded: boolean;
}

type DemandRow = LegacyBasis &
  Omit<DerivedDemand, 'status' | 'onHoldDays'> & {
    id: string;
    status: DerivedDemand['status'] | null;
    onHoldDays: number | null;
  };

/**
 * An event's stamp: the oldest of its record's changes. A run's changes have one wall time and
 * node and counters one apart (changeLog.ts), so the oldest is the first left of one of its
 * runs: the view makes the text of those few, not of every field of the event.
 */
const firstStamp = (id: string) => `(SELECT min(c."hlc") FROM changes c WHERE c."seq" IN (
    SELECT (SELECT min(l."seq") FROM change_log l
            WHERE l."seq" BETWEEN r."run" AND r."run" + r."n" - 1 AND l."seq" - l."off" = r."run")
    FROM change_runs r
    WHERE r."rec" = (SELECT "n" FROM change_records WHERE "rowId" = ${id} AND "tbl" = 'demand_history')))`;

const eventsSql = (stamp: string, demands: string) => `
  SELECT h."id", h."demandId", h."type", h."at", h."by", h."from", h."to", h."note", h."data", h."superseded",
    ${stamp} AS "stamp"
  FROM demand_history h
  WHERE h."demandId" ${demands} AND h."deletedAt" IS NULL`;
const LISTED = 'IN (SELECT value FROM json_each(?))';
const EVENTS_SQL = eventsSql(firstStamp('h."id"'), LISTED);
/** The events without their stamps, for a bulk load that knows them (Store.firstStamp). */
const EVENTS_UNSTAMPED_SQL = eventsSql('NULL', LISTED);
/** The same for one demand (a bulk load replays one after each of its events). */
const EVENTS_UNSTAMPED_OF_ONE_SQL = eventsSql('NULL', '= ?');
const STAMP_SQL = `SELECT ${firstStamp('?')}`;

const demandsSql = (ids: string) => `
  SELECT "id", ${DERIVED_DEMAND_FIELDS.map((f) => `"${f}"`).join(', ')}
  FROM demands WHERE "id" ${ids}`;
const DEMANDS_SQL = demandsSql(LISTED);
/** One demand's (a local event replays one) without the JSON list. */
const DEMAND_SQL = demandsSql('= ?');

/** These demands' derived fields as the API holds them (the pending extension, the supervision: JSON). */
function demandRows(store: Store, demandIds: readonly string[]): DemandRow[] {
  const rows = (
    demandIds.length === 1
      ? preparedOn(store.db, DEMAND_SQL).all(demandIds[0])
      : preparedOn(store.db, DEMANDS_SQL).all(JSON.stringify(demandIds))
  ) as Record<string, unknown>[];
  for (const row of rows) {
    for (const f of DERIVED_DEMAND_FIELDS) row[f] = fromSql(KINDS.demands.fields[f]!, row[f]);
  }
  return rows as unknown as DemandRow[];
}

/** Whether a derived field already holds the replay's value (JSON values compared as text). */
const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** The live events of these demands, each demand's in stamp order: one query for them all. */
export function eventsOf(store: Store, demandIds: readonly string[]): Map<string, StoredEvent[]> {
  // A bulk load's replays read each demand's events again after each of its events: the
  // stamps it wrote are known without reading the log each time.
  const known = store.firstStamp;
  const one = known && demandIds.length === 1;
  const rows = preparedOn(
    store.db,
    one ? EVENTS_UNSTAMPED_OF_ONE_SQL : known ? EVENTS_UNSTAMPED_SQL : EVENTS_SQL,
  ).all(one ? demandIds[0] : JSON.stringify(demandIds)) as (Omit<
    StoredEvent,
    'data' | 'stamp' | 'superseded'
  > & {
    data: string | null;
    stamp: string | null;
    superseded: number;
  })[];
  const byDemand = new Map<string, StoredEvent[]>();
  for (const r of rows) {
    if (known)
      r.stamp =
        known('demand_history', r.id) ?? (preparedOn(store.db, STAMP_SQL).pluck().get(r.id) as string | null);
    // An event with no change of its own (never, short of a hand-made row) sorts first.
    const e: StoredEvent = {
      ...r,
      stamp: r.stamp ?? '',
      superseded: r.superseded === 1,
      data: r.data === null ? null : (JSON.parse(r.data) as StoredEvent['data']),
    };
    const list = byDemand.get(r.demandId);
    if (list) list.push(e);
    else byDemand.set(r.demandId, [e]);
  }
  return byDemand;
}

const TIMES_SQL = `
  SELECT "type", "from", "to", "at", "superseded" FROM demand_history
  WHERE "demandId" = ? AND "deletedAt" IS NULL`;

/** A demand's live events as far as their kind and time: eventsOf without stamps, notes and data. */
export function eventTimesOf(
  store: Store,
  demandId: string,
): Pick<StoredEvent, 'type' | 'from' | 'to' | 'at' | 'superseded'>[] {
  return (
    preparedOn(store.db, TIMES_SQL).all(demandId) as (Omit<StoredEvent, 'superseded'> & {
      superseded: number;
    })[]
  ).map((e) => ({ ...e, superseded: e.superseded === 1 }));
}

/**
 * Writes each event's `superseded` where the replay now says otherwise (a later file can give
 * a move its place back). A plain UPDATE of an unsynced column: nothing is captured, and the
 * event's updatedAt stays that of its last synced change.
 */
function flagWriter(store: Store): (events: StoredEvent[], replay: Replay) => void {
  const write = preparedOn(store.db, `UPDATE demand_history SET "superseded" = ? WHERE "id" = ?`);
  return (events, replay) => {
    for (const e of events) {
      const superseded = replay.superseded.has(e.id);
      if (e.superseded === superseded) continue;
      write.run(superseded ? 1 : 0, e.id);
      e.superseded = superseded;
    }
  };
}

/** The meta key migration 11 leaves until every demand's flags have been written. */
const FLAGS_PENDING = 'supersededFlagsPending';

/**
 * Once, at the first open after migration 11: writes the `superseded` flags of every demand's
 * history (only them: the demands stay as they are), in one transaction.
 */
export function settlePendingSupersededFlags(store: Store): void {
  if (!store.getMeta(FLAGS_PENDING) || store.db.readonly) return;
  store.db.transaction(() => {
    const ids = store.db
      .prepare(`SELECT DISTINCT "demandId" FROM demand_history WHERE "demandId" IS NOT NULL`)
      .pluck()
      .all() as string[];
    const events = eventsOf(store, ids);
    const rows = demandRows(store, ids);
    const flag = flagWriter(store);
    const cal = workCalendarIn(store);
    for (const row of rows) {
      const list = events.get(row.id) ?? [];
      const replay = replayDemand(list, row, cal);
      if (replay) flag(list, replay);
    }
    store.db.prepare(`DELETE FROM meta WHERE "key" = ?`).run(FLAGS_PENDING);
  })();
}

export interface ReplayOutcome {
  replay: Replay;
  events: StoredEvent[];
}

/**
 * Replays these demands and writes their derived fields where they differ: `local` through
 * the store (captured, synced), `import` directly (capture is off during an import, and the
 * record's last change stays the one that came by sync). Demands whose creation has not
 * arrived are left as they are.
 */
export function replayDemands(
  store: Store,
  demandIds: readonly string[],
  mode: 'local' | 'import',
): Map<string, ReplayOutcome> {
  const out = new Map<string, ReplayOutcome>();
  if (!demandIds.length) return out;
  const events = eventsOf(store, demandIds);
  const rows = demandRows(store, demandIds);
  const write = preparedOn(
    store.db,
    `UPDATE demands SET ${DERIVED_DEMAND_FIELDS.map((f) => `"${f}" = @${f}`).join(', ')} WHERE "id" = @id`,
  );
  const flag = flagWriter(store);
  const cal = workCalendarIn(store);
  for (const row of rows) {
    const list = events.get(row.id) ?? [];
    const replay = replayDemand(list, row, cal);
    if (!replay) continue;
    out.set(row.id, { replay, events: list });
    flag(list, replay);
    const { derived } = replay;
    if (DERIVED_DEMAND_FIELDS.every((f) => same(row[f], derived[f]))) continue;
    if (mode === 'local') updateRecord(store, 'demands', row.id, { ...derived });
    else {
      const values = Object.fromEntries(
        DERIVED_DEMAND_FIELDS.map((f) => [f, toSql(KINDS.demands.fields[f]!, derived[f])]),
      );
      write.run({ ...values, id: row.id });
    }
  }
  return out;
}

/** What a workflow conflict shows of an event. */
const eventDetail = (e: StoredEvent) => ({
  eventId: e.id,
  from: e.from,
  to: e.to,
  by: e.by,
  at: e.at,
  note: e.note,
});

/**
 * After an import: replays every demand whose record or history it touched, lists each
 * superseded move as a workflow conflict (once: a re-import or a later replay finds it
 * listed, resolved or not), and drops open ones whose move found its place again (an
 * earlier move that arrived late). Returns the number of conflicts added.
 */
export function replayImported(
  store: Store,
  touched: Iterable<{ table: string; rowId: string }>,
  detectedAt: string,
): number {
  const demandIds = new Set<string>();
  const historyIds: string[] = [];
  for (const { table, rowId } of touched) {
    if (table === 'demands') demandIds.add(rowId);
    else if (table === 'demand_history') historyIds.push(rowId);
  }
  if (historyIds.length) {
    const owners = store.db
      .prepare(
        `SELECT DISTINCT "demandId" AS id FROM demand_history WHERE "id" IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(JSON.stringify(historyIds)) as (string | null)[];
    for (const id of owners) if (id) demandIds.add(id);
  }
  const ids = [...demandIds];
  const outcomes = replayDemands(store, ids, 'import');

  const listed = new Map<string, { id: string; resolvedAt: string | null }>();
  for (const c of store.db
    .prepare(
      `SELECT "id", "loserHlc", "resolvedAt" FROM conflicts
       WHERE "type" = 'workflow' AND "rowId" IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: string; loserHlc: string; resolvedAt: string | null }[]) {
    listed.set(c.loserHlc, c);
  }
  const add = store.db.prepare(
    `INSERT OR IGNORE INTO conflicts ("id","detectedAt","type","detail","tbl","rowId","field","winnerHlc","winnerValue","loserHlc","loserValue")
     VALUES (?,?,'workflow',?,'demands',?,'status',?,?,?,?)`,
  );
  const drop = store.db.prepare(`DELETE FROM conflicts WHERE "id" = ?`);
  let added = 0;
  for (const [demandId, { replay, events }] of outcomes) {
    const byId = new Map(events.map((e) => [e.id, e]));
    const stillSuperseded = new Set<string>();
    for (const [loserId, winnerId] of replay.superseded) {
      const loser = byId.get(loserId)!;
      // An extension or supervision that found the demand ended stays in its history, marked:
      // there is no move to redo, and the demand's deadline must not change anyway.
      if (eventType(loser) !== 'transition') continue;
      const winner = byId.get(winnerId)!;
      stillSuperseded.add(loser.stamp);
      if (listed.has(loser.stamp)) continue;
      const detail = { demandId, winner: eventDetail(winner), loser: eventDetail(loser) };
      added += add.run(
        newId(),
        detectedAt,
        JSON.stringify(detail),
        demandId,
        winner.stamp,
        winner.to,
        loser.stamp,
        loser.to,
      ).changes;
    }
    for (const e of events) {
      const c = listed.get(e.stamp);
      if (c && !c.resolvedAt && !stillSuperseded.has(e.stamp)) drop.run(c.id);
    }
  }
  return added;
}

/**
 * After a restore: the conflicts table is the backup's, so superseded moves recorded since
 * are listed no more, and files imported again are known and replay nothing. Every demand
 * is replayed once, as after an import, and its superseded moves listed again.
 */
export function relistWorkflowConflicts(store: Store): void {
  const ids = store.db.prepare(`SELECT "id" FROM demands`).pluck().all() as string[];
  withCapture(store, false, () =>
    store.db.transaction(() =>
      replayImported(
        store,
        ids.map((rowId) => ({ table: 'demands', rowId })),
        new Date(store.now()).toISOString(),
      ),
    )(),
  );
}
