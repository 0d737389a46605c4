import type { Store } from './db';
import { capturedColumns } from './capture';
import {
  changeLogWriter,
  columnsText,
  logReader,
  partsColumns,
  type ColumnsChange,
  type StampColumns,
} from './changeLog';
import { KIND_NAMES, KINDS, q } from './schema';
import { deferTextIndexes } from './textIndex';

// Change capture for a load that writes many records through the services (the demo
// district): the same rows in the change log as the capture triggers write (capture.ts), in
// the same order with the same stamps, at a fraction of the cost. A trigger's change goes
// through the `changes` view, whose trigger looks up five names and the record and parses the
// stamp in SQL, and then through the log's trigger that notes its device's newest stamp: some
// 50 µs a field. Here each record table's trigger hands its row (NEW, and OLD for an update) to
// one JS call, which stamps each captured field as vl_hlc() would and queues it; the store's
// writes (records.ts) append the queue to the log, in runs, with the dictionaries' ids cached
// (changeLogWriter), before anything can read the log; the prior stamps an update records are
// kept in memory; the devices' newest stamps are noted once at the end. (A statement outside
// records.ts that changed captured fields would leave its changes queued until the next write
// there; the only others, the replay's superseded flags, change none.)

interface SchemaItem {
  name: string;
  sql: string;
}

/** A change as queued, before its prior stamp is known: its stamp as the log stores it, not as text. */
type Queued = [stamp: StampColumns, device: string, staff: string | null, field: string, value: unknown];

/** One firing of a capture trigger: one record's fields written by one statement. */
interface Firing {
  table: string;
  rowId: string;
  update: boolean;
  changes: Queued[];
}

/** SQLite's `a IS NOT b` for two values of one column as the trigger sees them (integers as BigInt). */
function differ(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  if (a === null || b === null) return true;
  if (typeof a === 'bigint' && typeof b === 'number') return !Number.isInteger(b) || a !== BigInt(b);
  if (typeof a === 'number' && typeof b === 'bigint') return differ(b, a);
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return !a.equals(b);
  return true;
}

/**
 * Text order as SQLite's max() compares it: UTF-8 bytes, which JS order (UTF-16) matches but
 * for characters from U+D800 on. A stamp stored whole for its odd shape may have them.
 */
const ODD = /[\ud800-\uffff]/;
function later(a: string, b: string): boolean {
  return ODD.test(a) || ODD.test(b) ? Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0 : a > b;
}

/**
 * later() for stamps given by their columns: those of the shape compare as their texts would
 * (fixed-width wall time and counter, then the node), without the texts.
 */
function laterColumns(a: StampColumns, b: StampColumns): boolean {
  if (a[0] < 0 || b[0] < 0) return later(columnsText(a), columnsText(b));
  return a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
}

/**
 * Runs `load` inside the caller's transaction with the record tables' capture triggers (and
 * the log's origin trigger) swapped for the bulk capture, and puts them back at its end. The
 * store's writes append the queued changes through `store.flushCapture`. A load that throws
 * leaves the triggers as they were and the rollback to the caller's transaction.
 */
export function capturingInBulk<T>(store: Store, load: () => T, { batching = false } = {}): T {
  const { db } = store;
  if (!db.inTransaction) throw new Error('capturingInBulk runs inside a transaction');
  const tables = KIND_NAMES.map((kind) => KINDS[kind].table);
  const columns = new Map(KIND_NAMES.map((kind) => [KINDS[kind].table, capturedColumns(db, kind)]));
  const names = tables.flatMap((t) => [`capture_${t}_insert`, `capture_${t}_update`]);
  const saved = db
    .prepare(
      `SELECT "name","sql" FROM sqlite_master WHERE "type" = 'trigger'
         AND "name" IN (SELECT value FROM json_each(?)) ORDER BY "name"`,
    )
    .all(JSON.stringify([...names, 'changes_origin'])) as SchemaItem[];
  for (const { name } of saved) db.exec(`DROP TRIGGER ${q(name)}`);

  const fired: Firing[] = [];
  const capture = (update: boolean, table: string, rowId: string, values: unknown[]): void => {
    const fields = columns.get(table)!;
    const changes: Queued[] = [];
    const step = update ? 2 : 1;
    for (let i = 0; i < fields.length; i++) {
      const v = values[i * step];
      if (update ? !differ(v, values[i * step + 1]) : v === null) continue;
      const stamp = partsColumns(store.clock.advance());
      changes.push([stamp, store.actor.deviceId, store.actor.staffId, fields[i]!, v]);
    }
    if (changes.length) fired.push({ table, rowId, update, changes });
  };
  const args = { varargs: true, deterministic: false, safeIntegers: true } as const;
  db.function('vl_bulk_insert', args, (table, rowId, ...values) => {
    capture(false, table as string, rowId as string, values);
  });
  db.function('vl_bulk_update', args, (table, rowId, ...values) => {
    capture(true, table as string, rowId as string, values);
  });
  for (const table of tables) {
    const cols = columns.get(table)!;
    if (!cols.length || !saved.some((s) => s.name === `capture_${table}_insert`)) continue;
    const text = `'${table}'`;
    db.exec(`
      CREATE TEMP TRIGGER ${q(`bulk_${table}_insert`)} AFTER INSERT ON main.${q(table)} WHEN vl_capturing() BEGIN
        SELECT vl_bulk_insert(${text}, NEW."id", ${cols.map((c) => `NEW.${q(c)}`).join(', ')});
      END;
      CREATE TEMP TRIGGER ${q(`bulk_${table}_update`)} AFTER UPDATE ON main.${q(table)} WHEN vl_capturing() BEGIN
        SELECT vl_bulk_update(${text}, NEW."id", ${cols.map((c) => `NEW.${q(c)}, OLD.${q(c)}`).join(', ')});
      END;`);
  }

  // The capture triggers and the log's own are set aside: this writer is the log's only one.
  const log = changeLogWriter(db, { sole: true, batching });
  const reader = logReader(db);
  /** Each record's newest stamp of each field, and of any field (under ''), as the log holds them. */
  const newest = new Map<string, Map<string, string>>();
  const newestOfDevice = new Map<string, StampColumns>();
  /** The oldest stamp of each record whose every change is this load's: that of its first firing. */
  const oldest = new Map<string, StampColumns>();
  const stampsOf = (table: string, rowId: string): Map<string, string> => {
    const key = `${table}\u0000${rowId}`;
    let stamps = newest.get(key);
    if (!stamps) {
      stamps = new Map();
      log.settle();
      for (const [field, hlc] of reader.stampsOf(table, rowId)) note(stamps, field, hlc);
      newest.set(key, stamps);
    }
    return stamps;
  };
  const noteOne = (stamps: Map<string, string>, field: string, hlc: string) => {
    const was = stamps.get(field);
    if (was === undefined || later(hlc, was)) stamps.set(field, hlc);
  };
  const note = (stamps: Map<string, string>, field: string, hlc: string) => {
    noteOne(stamps, field, hlc);
    noteOne(stamps, '', hlc);
  };

  const flush = (): void => {
    for (const { table, rowId, update, changes } of fired.splice(0)) {
      // A record's stamps are read from the log when an update first needs them, by when the
      // log holds those of its insert: an insert notes its own only if they are read already.
      const stamps = update ? stampsOf(table, rowId) : newest.get(`${table}\u0000${rowId}`);
      // Every prior stamp is that of the log before this statement (the trigger's rows are
      // made, then written): a delete's is the record's newest of any field.
      const rows: ColumnsChange[] = changes.map(([stamp, device, staff, field, value]) => [
        stamp,
        device,
        staff,
        table,
        rowId,
        field,
        value,
        update ? (stamps!.get(field === 'deletedAt' ? '' : field) ?? null) : null,
      ]);
      log.appendColumns(rows, !update);
      const key = `${table}\u0000${rowId}`;
      if (!oldest.has(key) && log.wroteFirst(table, rowId))
        oldest.set(
          key,
          rows.reduce((min, row) => (laterColumns(min, row[0]) ? row[0] : min), rows[0]![0]),
        );
      for (const row of rows) {
        if (stamps) note(stamps, row[5], columnsText(row[0]));
        const was = newestOfDevice.get(row[1]);
        if (was === undefined || laterColumns(row[0], was)) newestOfDevice.set(row[1], row[0]);
      }
    }
  };
  /** The triggers as they were: the capture triggers, on this connection too. */
  const restore = () => {
    store.flushCapture = undefined;
    store.settleCapture = undefined;
    store.rollbackCapture = undefined;
    store.firstStamp = undefined;
    for (const table of tables) {
      db.exec(`DROP TRIGGER IF EXISTS temp.${q(`bulk_${table}_insert`)};
        DROP TRIGGER IF EXISTS temp.${q(`bulk_${table}_update`)};`);
    }
    for (const { sql } of saved) db.exec(sql);
  };

  store.flushCapture = flush;
  store.settleCapture = () => {
    flush();
    log.settle();
  };
  // Stamps noted for a device stay: its clock never hands them out again, so a newest stamp
  // that was rolled back still bounds what the device wrote.
  store.rollbackCapture = () => {
    fired.length = 0;
    newest.clear();
    oldest.clear();
    log.forget();
  };
  // Later firings of a record have later stamps (one clock, ticking on): its first firing's
  // oldest is the record's, as the log would give it.
  store.firstStamp = (table, rowId) => {
    flush();
    const stamp = oldest.get(`${table}\u0000${rowId}`);
    if (stamp) return columnsText(stamp);
    // The caller reads the log instead.
    log.settle();
    return undefined;
  };
  // The text indexes too are written once, at the end, for the rows the load wrote.
  const indexTexts = deferTextIndexes(db);
  let result: T;
  try {
    result = load();
    flush();
    log.settle();
  } catch (e) {
    // A caller that goes on in its transaction finds every write captured by the triggers
    // again (one that failed in SQLite may have rolled it back, and the triggers with it),
    // and what the load kept indexed.
    if (db.inTransaction) {
      // What a batching writer holds is written first; if that fails too, the triggers are
      // given back all the same, and its failure is the one told.
      try {
        log.settle();
      } finally {
        restore();
        indexTexts();
      }
    } else store.flushCapture = store.settleCapture = store.rollbackCapture = store.firstStamp = undefined;
    throw e;
  }
  restore();
  indexTexts();
  // What the log's trigger (changes_origin, migration 5) does per change, once per device.
  const noteOrigin = db.prepare(
    `INSERT INTO change_origins ("device","lastHlc") VALUES (?, ?)
       ON CONFLICT ("device") DO UPDATE SET "lastHlc" = excluded."lastHlc" WHERE excluded."lastHlc" > "lastHlc"`,
  );
  for (const [device, stamp] of newestOfDevice) noteOrigin.run(device, columnsText(stamp));
  return result;
}
