import { newId } from '../../store/ids';
import type { Core } from '../../core';
import type { Store } from '../../store/db';
import { updateRecord } from '../../store/records';
import {
  DELETE_KNOWLEDGE,
  KINDS,
  KNOWN_EVENTS,
  KIND_NAMES,
  allColumns,
  fromSql,
  q,
  type KindName,
} from '../../store/schema';
import { parseHlc } from '@shared/domain/hlc';
import { DERIVED_DEMAND_FIELDS } from '@shared/domain/demandReplay';

// An edit that loses to a delete: fields merge one by one, so an edit of a record that another
// laptop deleted meanwhile is applied to a deleted record and would vanish with it. A delete
// records what its maker knew of the record: the newest stamp of each field it held
// (DELETE_KNOWLEDGE, written with deletedAt); an edit of a field stamped after that was never
// seen by the deleter. (A delete from before schema 14 tells only the newest stamp of any
// field, its prevHlc: see store/capture.ts.) Such edits are
// kept as one 'delete' conflict per record and delete, whichever side of the import each was
// on, so every laptop that holds both finds the same conflict and can restore the record.

/** What a delete conflict's `detail` holds. */
export interface LostToDeleteDetail {
  /** The fields edited without the deleter knowing, with the values they were given. */
  fields: Record<string, unknown>;
  deletedBy: {
    device: string;
    deviceName: string | null;
    staff: string | null;
    staffName: string | null;
    at: string;
  };
}

type Stamped = { hlc: string; device: string; staff: string | null; value: unknown; prevHlc: string | null };
type Edit = { field: string; value: unknown; hlc: string };

const kindOfTable = new Map(KIND_NAMES.map((k) => [KINDS[k].table, k]));

/**
 * After an import has written its changes (inside its transaction): looks at the records it
 * touched that end deleted and keeps the edits their delete did not know as a conflict (an
 * open one grows when more such edits arrive); closes the open delete conflicts whose record
 * is live again (restored on another laptop). Importing a file again finds nothing new.
 * Returns how many conflicts are new.
 */
export function noteEditsLostToDeletes(
  store: Store,
  touched: Iterable<{ table: string; rowId: string }>,
  detectedAt: string,
): number {
  const db = store.db;
  const byTable = new Map<string, string[]>();
  for (const { table, rowId } of touched) {
    if (!kindOfTable.has(table)) continue;
    const ids = byTable.get(table);
    if (ids) ids.push(rowId);
    else byTable.set(table, [rowId]);
  }
  const lastDelete = db.prepare(
    `SELECT "hlc","device","staff","value","prevHlc" FROM changes
     WHERE "tbl" = ? AND "rowId" = ? AND "field" = 'deletedAt' ORDER BY "hlc" DESC LIMIT 1`,
  );
  const editsAfter = db.prepare(
    `SELECT "field","value","hlc" FROM changes
     WHERE "tbl" = ? AND "rowId" = ? AND "field" NOT IN ('deletedAt', '${DELETE_KNOWLEDGE}') AND "hlc" > ?
     ORDER BY "hlc"`,
  );
  const known = db.prepare(
    `SELECT "id","loserHlc","resolvedAt" FROM conflicts
     WHERE "winnerHlc" = ? AND "type" = 'delete' AND "tbl" = ? AND "rowId" = ? ORDER BY "loserHlc" DESC LIMIT 1`,
  );
  const unseenMoves = db.prepare(
    `SELECT h."id", d."status",
       (SELECT min(c."hlc") FROM changes c WHERE c."tbl" = 'demand_history' AND c."rowId" = h."id") AS "stamp"
     FROM demand_history h JOIN demands d ON d."id" = h."demandId" WHERE h."demandId" = ?`,
  );
  const grow = db.prepare(`UPDATE conflicts SET "loserHlc" = ?, "detail" = ? WHERE "id" = ?`);
  const add = db.prepare(
    `INSERT OR IGNORE INTO conflicts ("id","detectedAt","type","detail","tbl","rowId","field","winnerHlc","winnerValue","loserHlc","loserValue")
     VALUES (?,?,'delete',?,?,?,'deletedAt',?,?,?,NULL)`,
  );
  let added = 0;
  for (const [table, ids] of byTable) {
    const kind = kindOfTable.get(table)!;
    const deleted = db
      .prepare(
        `SELECT "id" FROM ${q(table)} WHERE "deletedAt" IS NOT NULL AND "id" IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(JSON.stringify(ids)) as string[];
    const knowledge = db.prepare(`SELECT ${q(DELETE_KNOWLEDGE)} FROM ${q(table)} WHERE "id" = ?`).pluck();
    for (const rowId of deleted) {
      const del = lastDelete.get(table, rowId) as Stamped | undefined;
      const knew = knowledge.get(rowId) as string | null;
      // A delete from a laptop of schema 1 says nothing of what it knew: nothing to tell.
      if (!del || del.value === null || (del.prevHlc === null && knew === null)) continue;
      const perField = knew === null ? null : (JSON.parse(knew) as Record<string, string | string[]>);
      const edits = new Map<string, Edit>();
      for (const e of editsAfter.all(table, rowId, perField ? '' : del.prevHlc) as Edit[]) {
        if (!perField || e.hlc > (perField[e.field] ?? '')) edits.set(e.field, e);
      }
      // A demand's moves the deleter never saw (its status is replayed from them).
      const knownEvents = perField?.[KNOWN_EVENTS];
      if (Array.isArray(knownEvents)) {
        const seen = new Set(knownEvents);
        for (const ev of unseenMoves.all(rowId) as { id: string; stamp: string; status: string }[]) {
          if (seen.has(ev.id)) continue;
          const shown = edits.get('status');
          if (!shown || ev.stamp > shown.hlc)
            edits.set('status', { field: 'status', value: ev.status, hlc: ev.stamp });
        }
      }
      if (!edits.size) continue;
      const newest = [...edits.values()].reduce((a, b) => (b.hlc > a.hlc ? b : a));
      const before = known.get(del.hlc, table, rowId) as
        { id: string; loserHlc: string; resolvedAt: string | null } | undefined;
      if (before && before.loserHlc >= newest.hlc) continue;
      const detail = JSON.stringify(describeLoss(store, kind, edits, del));
      if (before && !before.resolvedAt) grow.run(newest.hlc, detail, before.id);
      else
        added += add.run(newId(), detectedAt, detail, table, rowId, del.hlc, del.value, newest.hlc).changes;
    }
  }
  closeRestored(store, detectedAt);
  return added;
}

function describeLoss(
  store: Store,
  kind: KindName,
  edits: Map<string, Edit>,
  del: Stamped,
): LostToDeleteDetail {
  const columns = allColumns(kind);
  const name = (table: string, id: string | null) =>
    id === null
      ? null
      : ((store.db
          .prepare(`SELECT "name" FROM ${q(table)} WHERE "id" = ?`)
          .pluck()
          .get(id) as string | null | undefined) ?? null);
  return {
    fields: Object.fromEntries(
      [...edits.values()].map((e) => [e.field, fromSql(columns[e.field] ?? 'text', e.value)]),
    ),
    deletedBy: {
      device: del.device,
      deviceName: name('devices', del.device),
      staff: del.staff,
      staffName: name('staff', del.staff),
      at: new Date(parseHlc(del.hlc).ms).toISOString(),
    },
  };
}

/** Open delete conflicts whose record is live again were settled elsewhere: the edit stays. */
export function closeRestored(store: Store, at: string): void {
  const open = store.db
    .prepare(`SELECT "id","tbl","rowId" FROM conflicts WHERE "type" = 'delete' AND "resolvedAt" IS NULL`)
    .all() as { id: string; tbl: string; rowId: string }[];
  const close = store.db.prepare(
    `UPDATE conflicts SET "resolvedAt" = ?, "resolution" = 'loser' WHERE "id" = ?`,
  );
  for (const c of open) {
    if (!kindOfTable.has(c.tbl)) continue;
    const live = store.db
      .prepare(`SELECT 1 FROM ${q(c.tbl)} WHERE "id" = ? AND "deletedAt" IS NULL`)
      .get(c.rowId);
    if (live) close.run(at, c.id);
  }
}

/**
 * Resolves a delete conflict: keeping the loser restores the record with the edit's values
 * written again (ordinary changes, so the restore syncs); keeping the winner confirms the delete.
 */
export function resolveLostToDelete(
  core: Core,
  kind: KindName,
  rowId: string,
  detail: LostToDeleteDetail,
  keep: 'winner' | 'loser',
): void {
  if (keep !== 'loser') return;
  // A demand's workflow fields are its history's: restoring it brings them back as replayed.
  const fields = { ...detail.fields };
  if (kind === 'demands') for (const f of DERIVED_DEMAND_FIELDS) delete fields[f];
  updateRecord(core.store, kind, rowId, { ...fields, deletedAt: null });
}
