import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../../store/db';
import { updateRecord } from '../../store/records';
import {
  DERIVED_DEMAND_FIELDS,
  replayDemand,
  type DerivedDemand,
  type HistoryEvent,
  type LegacyBasis,
  type Replay,
} from '@shared/domain/demandReplay';

// A demand's status and the fields that go with it are written from the replay of its
// history, and only from it: after a local event (capture on: the values sync like any
// edit) and after an import (capture off: every laptop computes the same from the same
// events). See @shared/domain/demandReplay.

/** An event as read for a replay, with what the history shows and a conflict describes. */
export interface StoredEvent extends HistoryEvent {
  demandId: string;
  by: string | null;
  note: string | null;
}

type DemandRow = LegacyBasis &
  Omit<DerivedDemand, 'status' | 'onHoldDays'> & {
    id: string;
    status: DerivedDemand['status'] | null;
    onHoldDays: number | null;
  };

const EVENTS_SQL = `
  SELECT h."id", h."demandId", h."type", h."at", h."by", h."from", h."to", h."note", h."data",
    (SELECT min(c."hlc") FROM changes c WHERE c."tbl" = 'demand_history' AND c."rowId" = h."id") AS "stamp"
  FROM demand_history h
  WHERE h."demandId" IN (SELECT value FROM json_each(?)) AND h."deletedAt" IS NULL`;

const DEMANDS_SQL = `
  SELECT "id", ${DERIVED_DEMAND_FIELDS.map((f) => `"${f}"`).join(', ')}
  FROM demands WHERE "id" IN (SELECT value FROM json_each(?))`;

/** The live events of these demands, each demand's in stamp order: one query for them all. */
export function eventsOf(store: Store, demandIds: readonly string[]): Map<string, StoredEvent[]> {
  const rows = store.db.prepare(EVENTS_SQL).all(JSON.stringify(demandIds)) as (Omit<
    StoredEvent,
    'data' | 'stamp'
  > & { data: string | null; stamp: string | null })[];
  const byDemand = new Map<string, StoredEvent[]>();
  for (const r of rows) {
    // An event with no change of its own (never, short of a hand-made row) sorts first.
    const e: StoredEvent = {
      ...r,
      stamp: r.stamp ?? '',
      data: r.data === null ? null : (JSON.parse(r.data) as StoredEvent['data']),
    };
    const list = byDemand.get(r.demandId);
    if (list) list.push(e);
    else byDemand.set(r.demandId, [e]);
  }
  return byDemand;
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
  const rows = store.db.prepare(DEMANDS_SQL).all(JSON.stringify(demandIds)) as DemandRow[];
  const write = store.db.prepare(
    `UPDATE demands SET ${DERIVED_DEMAND_FIELDS.map((f) => `"${f}" = @${f}`).join(', ')} WHERE "id" = @id`,
  );
  for (const row of rows) {
    const list = events.get(row.id) ?? [];
    const replay = replayDemand(list, row);
    if (!replay) continue;
    out.set(row.id, { replay, events: list });
    const { derived } = replay;
    if (DERIVED_DEMAND_FIELDS.every((f) => row[f] === derived[f])) continue;
    if (mode === 'local') updateRecord(store, 'demands', row.id, { ...derived });
    else write.run({ ...derived, id: row.id });
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
      const winner = byId.get(winnerId)!;
      stillSuperseded.add(loser.stamp);
      if (listed.has(loser.stamp)) continue;
      const detail = { demandId, winner: eventDetail(winner), loser: eventDetail(loser) };
      added += add.run(
        uuidv7(),
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
