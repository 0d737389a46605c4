import { msg } from '@shared/messages';
import type { Core } from '../../core';
import type { Store } from '../../store/db';
import { KINDS, KIND_NAMES, UNCAPTURED, allColumns, fromSql, labelFieldOf, q } from '../../store/schema';
import { insertRecord, updateRecord } from '../../store/records';
import { HOLDS_STAMP, stampColumns } from '../../store/changeLog';
import { parseHlc } from '@shared/domain/hlc';
import { ApiError, notFound } from '@shared/contract/errors';
import type { WireChange } from './package';

// Changes stamped too far ahead of this laptop's clock (CLOCK_AHEAD_MS) come from a
// laptop whose clock is wrong. Applied, they would win every later edit and drag this laptop's
// clock (and so every laptop's) into their future. They wait here instead, unapplied and unseen
// by the clock, until a person accepts them (the value written again now, as an edit of this
// laptop, which syncs like any other) or discards them, or until time has caught up with them:
// the next import then applies them as it applies any change.

interface QuarantineRow {
  hlc: string;
  device: string;
  staff: string | null;
  tbl: string;
  rowId: string;
  field: string;
  value: string | number | null;
  prevHlc: string | null;
  receivedAt: string;
  senderName: string | null;
}

/** Changes stamped further ahead of this laptop's clock than this are held. */
export const CLOCK_AHEAD_MS = 24 * 3600_000;

/**
 * The newest stamp time (ms) an import applies. "Ahead" is measured from the later of the wall
 * clock and the newest time the laptop's clock has seen: a wall clock that fell back (a flat
 * battery, a wrong manual setting) must not make the team's healthy edits look ahead, and the
 * clock only ever follows changes that were within the bound when they came.
 */
export const heldAfter = (store: Store): number =>
  Math.max(store.now(), store.clock.latestMs) + CLOCK_AHEAD_MS;

const COLUMNS = `"hlc","device","staff","tbl","rowId","field","value","prevHlc"`;
const kindOfTable = (table: string) => KIND_NAMES.find((k) => KINDS[k].table === table);
/** Fixed-width stamps sort as their times: every stamp of `ms` or before is below this. */
const stampAfter = (ms: number) => String(Math.max(0, Math.floor(ms) + 1)).padStart(15, '0');

/** The laptop that sent a file: its quarantined changes keep its name. */
export interface Sender {
  id: string;
  name: string;
}

/** Holds changes (once each: a file imported again adds nothing), unless the log has them already. */
export function holdChanges(store: Store, changes: WireChange[], sender: Sender | undefined): void {
  const hold = store.db.prepare(
    `INSERT OR IGNORE INTO quarantine (${COLUMNS},"receivedAt","senderName")
     SELECT ?,?,?,?,?,?,?,?,?,? WHERE NOT ${HOLDS_STAMP}`,
  );
  const receivedAt = new Date(store.now()).toISOString();
  for (const c of changes) hold.run(...c, receivedAt, sender?.name ?? null, ...stampColumns(c[0]));
}

/** Takes out and returns the held changes no longer too far ahead: time caught up with them. */
export function releaseDue(store: Store): WireChange[] {
  const after = stampAfter(heldAfter(store));
  const due = store.db
    .prepare(`SELECT ${COLUMNS} FROM quarantine WHERE "hlc" < ? ORDER BY "hlc"`)
    .raw(true)
    .all(after) as WireChange[];
  if (due.length) store.db.prepare(`DELETE FROM quarantine WHERE "hlc" < ?`).run(after);
  return due;
}

export function quarantineCount(store: Store): number {
  return store.db.prepare(`SELECT count(*) FROM quarantine`).pluck().get() as number;
}

/** A device by its name: the one it gave itself, else that of the laptop that sent it, else its id. */
export function deviceNameOf(store: Store, id: string, sender?: Sender): string {
  const known = store.db.prepare(`SELECT "name" FROM devices WHERE "id" = ?`).pluck().get(id) as
    string | undefined;
  return known ?? (sender?.id === id ? sender.name : id);
}

export function listQuarantine(core: Core) {
  const { db } = core.store;
  const rows = db
    .prepare(
      `SELECT x.*, d."name" AS "knownName" FROM quarantine x LEFT JOIN devices d ON d."id" = x."device"
       ORDER BY x."receivedAt", x."hlc" LIMIT 1000`,
    )
    .all() as (QuarantineRow & { knownName: string | null })[];
  /** The record's label: as stored here, else as held (a record whose creation is held). */
  const labelOf = (tbl: string, rowId: string): string | null => {
    const kind = kindOfTable(tbl);
    const field = kind ? labelFieldOf(kind) : null;
    if (!field) return null;
    const stored = db
      .prepare(`SELECT ${q(field)} FROM ${q(tbl)} WHERE "id" = ?`)
      .pluck()
      .get(rowId);
    const held = db
      .prepare(
        `SELECT "value" FROM quarantine WHERE "tbl" = ? AND "rowId" = ? AND "field" = ? ORDER BY "hlc" DESC`,
      )
      .pluck()
      .get(tbl, rowId, field);
    const label = stored ?? held;
    return typeof label === 'string' ? label : null;
  };
  return {
    rows: rows.map((r) => {
      const kind = kindOfTable(r.tbl);
      const type = kind ? allColumns(kind)[r.field] : undefined;
      return {
        hlc: r.hlc,
        device: r.device,
        deviceName: r.knownName ?? r.senderName,
        kind: kind ?? r.tbl,
        recordId: r.rowId,
        recordLabel: labelOf(r.tbl, r.rowId),
        field: r.field,
        value: type ? fromSql(type, r.value) : r.value,
        at: new Date(parseHlc(r.hlc).ms).toISOString(),
      };
    }),
  };
}

/**
 * accept: each record's held values are written again now, as this laptop's edit (the capture
 * triggers stamp them afresh), creating the record when its creation was held; discard: they
 * are dropped. Either way they leave the quarantine.
 */
export function resolveQuarantine(core: Core, input: { hlcs: string[]; action: 'accept' | 'discard' }) {
  const { store } = core;
  const rows = store.db
    .prepare(`SELECT * FROM quarantine WHERE "hlc" IN (SELECT value FROM json_each(?)) ORDER BY "hlc"`)
    .all(JSON.stringify(input.hlcs)) as QuarantineRow[];
  const found = new Set(rows.map((r) => r.hlc));
  const missing = input.hlcs.find((h) => !found.has(h));
  if (missing !== undefined) throw notFound('kind.heldChange', missing, 'hlcs');
  if (input.action === 'accept') {
    // By record, the newest held value of each field (rows come in stamp order).
    const records = new Map<string, { tbl: string; rowId: string; values: Map<string, unknown> }>();
    for (const r of rows) {
      const key = `${r.tbl}\u0000${r.rowId}`;
      let rec = records.get(key);
      if (!rec) records.set(key, (rec = { tbl: r.tbl, rowId: r.rowId, values: new Map() }));
      rec.values.set(r.field, r.value);
    }
    for (const { tbl, rowId, values } of records.values()) accept(store, tbl, rowId, values);
  }
  store.db
    .prepare(`DELETE FROM quarantine WHERE "hlc" IN (SELECT value FROM json_each(?))`)
    .run(JSON.stringify(input.hlcs));
  return { resolved: rows.length };
}

function accept(store: Store, tbl: string, rowId: string, values: Map<string, unknown>): void {
  const kind = kindOfTable(tbl);
  // A kind or field this app does not know cannot be written (an import skips them too).
  if (!kind) return;
  const columns = allColumns(kind);
  const patch: Record<string, unknown> = {};
  for (const [field, value] of values) {
    const type = columns[field];
    if (type && !UNCAPTURED.has(field)) patch[field] = fromSql(type, value);
  }
  if (!Object.keys(patch).length) return;
  if (store.db.prepare(`SELECT 1 FROM ${q(tbl)} WHERE "id" = ?`).get(rowId)) {
    updateRecord(store, kind, rowId, patch);
    return;
  }
  try {
    insertRecord(store, kind, patch, rowId);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_NOTNULL') throw e;
    throw new ApiError(
      'VALIDATION',
      msg('quarantine.cannotCreate', { kind: { key: `kind.${kind}` }, id: rowId }),
      { field: 'hlcs' },
    );
  }
}
