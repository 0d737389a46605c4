import { msg, say, sayZh, type Msg } from '@shared/messages';
import type Database from 'better-sqlite3';
import { newId } from '../../store/ids';
import type { Store } from '../../store/db';
import { KINDS, KIND_NAMES, UNCAPTURED, q } from '../../store/schema';
import { setAside } from '../../store/bulk';
import { changeByStamp, changeLogWriter, logReader, logSize } from '../../store/changeLog';
import { parseHlc } from '@shared/domain/hlc';
import { ApiError } from '@shared/contract/errors';
import type { WireChange } from './package';
import { runSteps, type Steps } from '../../infra/steps';
import { noteEditsLostToDeletes } from './lostToDeletes';
import { deviceNameOf, heldAfter, holdChanges, type Sender } from './quarantine';
import { DERIVED_DEMAND_FIELDS } from '@shared/domain/demandReplay';
import { replayImported } from '../demands/replay';

// Applies changes from elsewhere: last writer wins per field by clock stamp, ties
// impossible (a stamp ends with its device id). Applying is idempotent (a stamp is
// stored once) and order-independent (the value shown is always that of the highest
// stamp). When two changes meet that did not know of each other, the loser is kept
// in `conflicts`: a change "knew" another when its prevHlc (the newest stamp of that
// field where it was made) is at or after the other's stamp.

export interface Anomaly {
  kind: 'clock_ahead' | 'unknown_field' | 'malformed_stamp' | 'device_code' | 'visit_no_reused';
  device?: string;
  /** The device's name (its id when this laptop knows no name for it). */
  deviceName?: string;
  /** In English; `msg` says it in the reader's language. */
  message: string;
  msg: Msg;
}

/** An anomaly said by its message, with the English for the CLI and the logs. */
export const anomaly = (kind: Anomaly['kind'], m: Msg): Anomaly => ({ kind, message: say('en', m), msg: m });

export interface ApplyReport {
  received: number;
  newChanges: number;
  alreadyKnown: number;
  createdRecords: number;
  updatedRecords: number;
  conflicts: number;
  deletions: Record<string, number>;
  anomalies: Anomaly[];
}

/** A table's records in Chinese ("企业"), for the mass-delete question. */
function tableWords(table: string): string {
  const kind = KIND_NAMES.find((k) => KINDS[k].table === table);
  return kind ? sayZh({ key: `kind.${kind}` }) : table;
}

/** An import deleting more than this share of a kind's live records needs confirmation… */
export const MASS_DELETE_SHARE = 0.2;
/** …when it deletes at least this many. */
export const MASS_DELETE_MIN = 5;
/** Imports of at least this many changes, into a log no larger, are loaded in bulk. */
export const BULK_MIN = 20_000;
/** Progress is told after about this many changes (or rows of the log) at a time. */
const STEP = 2_000;

const TABLE_KIND = new Map(KIND_NAMES.map((k) => [KINDS[k].table as string, k]));

/** A demand's status and the fields that go with it are replayed from its history, not merged. */
const REPLAYED = new Set<string>(DERIVED_DEMAND_FIELDS.map((f) => `demands\u0000${f}`));

// Per connection: the synced columns of each table (re-read when the schema changes) and
// compiled statements, so an import compiles each SQL text once, not once per record.
interface Connection {
  schemaCookie: number;
  columns: Map<string, Set<string>>;
  statements: Map<string, Database.Statement>;
}
const connections = new WeakMap<Database.Database, Connection>();
const MAX_STATEMENTS = 200;

function connection(db: Database.Database): Connection {
  const cookie = db.pragma('schema_version', { simple: true }) as number;
  let c = connections.get(db);
  if (!c || c.schemaCookie !== cookie) {
    const columns = new Map<string, Set<string>>();
    for (const table of TABLE_KIND.keys()) {
      const cols = (db.pragma(`table_info(${q(table)})`) as { name: string }[])
        .map((col) => col.name)
        .filter((col) => !UNCAPTURED.has(col));
      columns.set(table, new Set(cols));
    }
    c = { schemaCookie: cookie, columns, statements: new Map() };
    connections.set(db, c);
  }
  return c;
}

function statement(conn: Connection, db: Database.Database, sql: string): Database.Statement {
  let stmt = conn.statements.get(sql);
  if (!stmt) {
    if (conn.statements.size >= MAX_STATEMENTS) conn.statements.clear();
    stmt = db.prepare(sql);
    conn.statements.set(sql, stmt);
  }
  return stmt;
}

// A change as it travels: [hlc, device, staff, table, rowId, field, value, prevHlc].
const HLC = 0;
const DEVICE = 1;
const STAFF = 2;
const VALUE = 6;
const PREV = 7;

/** When the earliest of a record's changes was made (its stamp's wall time), as an ISO time. */
function earliestChangeAt(fields: Map<string, WireChange[]>): string {
  let earliest: string | undefined;
  for (const list of fields.values())
    for (const c of list) if (!earliest || c[HLC] < earliest) earliest = c[HLC];
  return new Date(Number(earliest!.slice(0, 15))).toISOString();
}

/** The statement writing these fields of a record (compiled once per table and set of fields). */
function rowWrite(
  conn: Connection,
  db: Database.Database,
  table: string,
  kind: 'insert' | 'update',
  names: string[],
): Database.Statement {
  const key = `${kind}\u0000${table}\u0000${names.join('\u0000')}`;
  let stmt = conn.statements.get(key);
  if (!stmt) {
    const sql =
      kind === 'update'
        ? `UPDATE ${q(table)} SET ${names.map((n) => `${q(n)} = ?`).join(', ')}, "updatedAt" = ?, "updatedByDevice" = ?, "updatedByStaff" = ? WHERE "id" = ?`
        : `INSERT INTO ${q(table)} ("id", ${names.map(q).join(', ')}, "updatedAt", "updatedByDevice", "updatedByStaff") VALUES (?, ${names.map(() => '?').join(', ')}, ?, ?, ?)`;
    stmt = statement(conn, db, sql);
    conn.statements.set(key, stmt);
  }
  return stmt;
}

/** "a knew b": a was made where b (or something newer) was already the field's value. */
const knew = (a: WireChange, b: WireChange) => a[PREV] !== null && a[PREV] >= b[HLC];
const byStamp = (a: WireChange, b: WireChange) => (a[HLC] < b[HLC] ? -1 : a[HLC] > b[HLC] ? 1 : 0);

/** The incoming changes of one record, by field. */
interface RowGroup {
  table: string;
  rowId: string;
  fields: Map<string, WireChange[]>;
}

export interface ApplyOptions {
  confirmMassDelete?: boolean;
  /** Load in bulk (or not) whatever the sizes; tests use it to compare both ways. */
  bulk?: boolean;
  /** The laptop whose file brings the changes: changes held in quarantine keep its name. */
  sender?: Sender;
}

/** Runs inside the caller's transaction, with capture switched off by the caller. */
export function applyChanges(store: Store, changes: WireChange[], options: ApplyOptions = {}): ApplyReport {
  return runSteps(applySteps(store, changes, options));
}

/** applyChanges, telling its progress in changes weighed (and, in bulk, rows of the log read). */
export function* applySteps(
  store: Store,
  changes: WireChange[],
  options: ApplyOptions = {},
): Steps<ApplyReport> {
  const db = store.db;
  const conn = connection(db);
  const sql = (text: string) => statement(conn, db, text);
  const anomalies: Anomaly[] = [];
  const report: ApplyReport = {
    received: changes.length,
    newChanges: 0,
    alreadyKnown: 0,
    createdRecords: 0,
    updatedRecords: 0,
    conflicts: 0,
    deletions: {},
    anomalies,
  };

  // Group by record, then field (a record's changes mostly travel together, so the last
  // group is tried first); note the newest stamp (the clock follows it). Stamps implausibly
  // far ahead of this machine are held apart, in quarantine, per device.
  const unknown = new Set<string>();
  const rows = new Map<string, RowGroup>();
  const horizon = heldAfter(store);
  let newest = '';
  let usable = 0;
  const held: WireChange[] = [];
  const ahead = new Map<string, { newest: string; count: number }>();
  let group: RowGroup | undefined;
  let columns: Set<string> | undefined;
  for (const c of changes) {
    const hlc = c[HLC];
    if (Number(hlc.slice(0, 15)) > horizon) {
      held.push(c);
      const seen = ahead.get(c[DEVICE]);
      if (!seen) ahead.set(c[DEVICE], { newest: hlc, count: 1 });
      else {
        seen.count += 1;
        if (hlc > seen.newest) seen.newest = hlc;
      }
      continue;
    }
    const table = c[3];
    const rowId = c[4];
    const field = c[5];
    if (!group || group.rowId !== rowId || group.table !== table) {
      columns = conn.columns.get(table);
      const rowKey = `${table}\u0000${rowId}`;
      group = rows.get(rowKey);
      if (!group) rows.set(rowKey, (group = { table, rowId, fields: new Map() }));
    }
    if (!columns?.has(field)) {
      unknown.add(`${table}.${field}`);
      continue;
    }
    usable += 1;
    if (hlc > newest) newest = hlc;
    const list = group.fields.get(field);
    if (list) list.push(c);
    else group.fields.set(field, [c]);
  }
  for (const f of unknown) {
    anomalies.push(anomaly('unknown_field', msg('anomaly.unknownField', { field: f })));
  }

  const localChange = changeByStamp(db);
  // Takes the tuple as it is: the columns are in the wire order.
  const log = changeLogWriter(db);
  const addConflict = sql(
    `INSERT OR IGNORE INTO conflicts ("id","detectedAt","tbl","rowId","field","winnerHlc","winnerValue","loserHlc","loserValue")
     VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const detectedAt = new Date(store.now()).toISOString();
  const conflict = (winner: WireChange, loser: WireChange) => {
    // Both wrote the same value: nothing was lost, nothing to decide.
    if (winner[VALUE] === loser[VALUE]) return;
    if (REPLAYED.has(`${loser[3]}\u0000${loser[5]}`)) return;
    const r = addConflict.run(
      newId(),
      detectedAt,
      loser[3],
      loser[4],
      loser[5],
      winner[HLC],
      winner[VALUE],
      loser[HLC],
      loser[VALUE],
    );
    report.conflicts += r.changes;
  };

  /**
   * Weighs one field's incoming changes, in stamp order, against the field's newest local
   * change; returns the change to show when the shown value changes. The local winner is
   * read only when an incoming change has to be weighed against it.
   */
  const weigh = (list: WireChange[], isNew: (c: WireChange) => boolean, localHlc: string | undefined) => {
    if (list.length > 1) list.sort(byStamp);
    let current: WireChange | undefined;
    let loaded = localHlc === undefined;
    let changed = false;
    for (const c of list) {
      if (!isNew(c)) {
        report.alreadyKnown += 1;
        continue;
      }
      report.newChanges += 1;
      if (!loaded) {
        current = localChange(localHlc!) as WireChange;
        loaded = true;
      }
      if (!current || c[HLC] > current[HLC]) {
        if (current && !knew(c, current)) conflict(c, current);
        current = c;
        changed = true;
      } else if (!knew(current, c)) {
        conflict(current, c);
      }
    }
    return changed ? current : undefined;
  };

  const liveBefore = new Map<string, number>();
  /**
   * Writes the fields whose shown value changed into the record (creating it if needed); `all`
   * is every change of the record in the file.
   */
  const writeRow = (
    table: string,
    rowId: string,
    writes: Map<string, WireChange>,
    all: Map<string, WireChange[]>,
  ) => {
    const existing = sql(
      `SELECT "deletedAt","updatedAt","updatedByDevice","updatedByStaff" FROM ${q(table)} WHERE "id" = ?`,
    ).get(rowId) as
      | {
          deletedAt: string | null;
          updatedAt: string;
          updatedByDevice: string | null;
          updatedByStaff: string | null;
        }
      | undefined;
    const deleted = writes.get('deletedAt');
    if (existing && existing.deletedAt === null && deleted && deleted[VALUE] !== null) {
      report.deletions[table] = (report.deletions[table] ?? 0) + 1;
      if (!liveBefore.has(table)) {
        liveBefore.set(
          table,
          (sql(`SELECT count(*) AS n FROM ${q(table)} WHERE "deletedAt" IS NULL`).get() as { n: number }).n,
        );
      }
    }
    // The record's creation may not have arrived yet (files in any order): a placeholder
    // createdAt keeps a new row valid until the real one fills it in. It is the time of the
    // record's earliest change in the file, never this laptop's clock: every laptop that gets
    // the same changes dates the record alike.
    const placeholder = !existing && !writes.has('createdAt');
    const names = [...writes.keys()];
    if (placeholder) names.push('createdAt');
    const params: unknown[] = existing ? [] : [rowId];
    let last: WireChange | undefined;
    for (const w of writes.values()) {
      params.push(w[VALUE]);
      if (!last || w[HLC] > last[HLC]) last = w;
    }
    const updatedAt = new Date(Math.min(Number(last![HLC].slice(0, 15)), store.now())).toISOString();
    if (placeholder) params.push(earliestChangeAt(all));
    // Who changed the record last, and when: an older change arriving late does not turn
    // that back (so every laptop ends with the record's newest change, clocks permitting).
    if (existing && existing.updatedAt > updatedAt) {
      params.push(existing.updatedAt, existing.updatedByDevice, existing.updatedByStaff);
    } else params.push(updatedAt, last![DEVICE], last![STAFF]);
    if (existing) params.push(rowId);
    rowWrite(conn, db, table, existing ? 'update' : 'insert', names).run(params);
    if (existing) report.updatedRecords += 1;
    else report.createdRecords += 1;
  };

  /**
   * A record neither the log nor the file holds the creation of keeps the placeholder date of
   * its earliest change (writeRow): a change older than the row's date, arriving in a later
   * file, moves the date back to it, so the order files arrive in does not change it.
   */
  const redateUndated = (table: string, rowId: string, fields: Map<string, WireChange[]>) => {
    const earliest = earliestChangeAt(fields);
    sql(`UPDATE ${q(table)} SET "createdAt" = ? WHERE "id" = ? AND "createdAt" > ?`).run(
      earliest,
      rowId,
      earliest,
    );
  };

  // A large import into a smaller log (a new laptop's first import) is loaded in bulk: what
  // the log holds is read in one pass, every decision is made first, then the new changes
  // are appended with the log's indexes set aside and rebuilt once (sorting beats growing
  // its indexes entry by entry), all inside the caller's transaction.
  const bulk = options.bulk ?? (usable >= BULK_MIN && usable >= logSize(db));

  if (!bulk) {
    // Record by record: what it already holds (every stamp, to skip known ones without
    // touching the log, and the newest per field), then its new changes, then the record.
    const stored = logReader(db);
    let done = 0;
    let told = 0;
    yield { phase: 'applying', done, total: usable };
    for (const { table, rowId, fields } of rows.values()) {
      if (done - told >= STEP) {
        told = done;
        yield { phase: 'applying', done, total: usable };
      }
      const known = new Set<string>();
      const localNewest = new Map<string, string>();
      for (const [field, hlc] of stored.stampsOf(table, rowId)) {
        known.add(hlc);
        if ((localNewest.get(field) ?? '') < hlc) localNewest.set(field, hlc);
      }
      const isNew = (c: WireChange) => !known.has(c[HLC]) && log.add(c);
      const writes = new Map<string, WireChange>();
      for (const [field, list] of fields) {
        done += list.length;
        const shown = weigh(list, isNew, localNewest.get(field));
        if (shown) writes.set(field, shown);
      }
      if (writes.size) writeRow(table, rowId, writes, fields);
      if (!fields.has('createdAt') && !localNewest.has('createdAt')) redateUndated(table, rowId, fields);
    }
    yield { phase: 'applying', done, total: usable };
  } else {
    const local = new Set<string>();
    const localNewest = new Map<string, string>();
    const localRows = new Set<string>();
    const size = logSize(db);
    yield { phase: 'scanning', done: 0, total: size };
    for (const [table, rowId, field, hlc] of logReader(db).all()) {
      // The open read is safe across steps: the job holds the connection alone.
      if (local.size % (STEP * 25) === 0 && local.size)
        yield { phase: 'scanning', done: local.size, total: size };
      local.add(hlc);
      const rowKey = `${table}\u0000${rowId}`;
      if (!rows.has(rowKey)) continue;
      localRows.add(rowKey);
      const key = `${rowKey}\u0000${field}`;
      if ((localNewest.get(key) ?? '') < hlc) localNewest.set(key, hlc);
    }
    const fresh: WireChange[] = [];
    const isNew = (c: WireChange) => {
      if (local.has(c[HLC])) return false;
      local.add(c[HLC]); // a stamp twice in the file: the second is known
      fresh.push(c);
      return true;
    };
    const pending: [string, string, Map<string, WireChange>, Map<string, WireChange[]>, boolean][] = [];
    let done = 0;
    let told = 0;
    yield { phase: 'applying', done, total: usable };
    for (const [rowKey, { table, rowId, fields }] of rows) {
      if (done - told >= STEP * 5) {
        told = done;
        yield { phase: 'applying', done, total: usable };
      }
      const held = localRows.has(rowKey);
      const writes = new Map<string, WireChange>();
      for (const [field, list] of fields) {
        done += list.length;
        const shown = weigh(list, isNew, held ? localNewest.get(`${rowKey}\u0000${field}`) : undefined);
        if (shown) writes.set(field, shown);
      }
      const undated = !fields.has('createdAt') && !(held && localNewest.has(`${rowKey}\u0000createdAt`));
      if (writes.size || undated) pending.push([table, rowId, writes, fields, undated]);
    }
    const rebuild = options.bulk ?? fresh.length >= BULK_MIN / 2;
    // The log's tables since migration 24: its changes and their runs, which hold its indexes.
    const logAside = rebuild ? setAside(db, ['change_log', 'change_runs']) : null;
    /** Each device's newest stamp appended, while the log's trigger is set aside. */
    const newestOf = new Map<string, string>();
    // Every stamp in `fresh` is new (isNew), so they are appended unchecked, a slice at a time.
    for (let i = 0; i < fresh.length; i += STEP * 10) {
      yield { phase: 'saving', done: i, total: fresh.length };
      const slice = fresh.slice(i, i + STEP * 10);
      log.append(slice);
      if (logAside)
        for (const c of slice) if ((newestOf.get(c[DEVICE]) ?? '') < c[HLC]) newestOf.set(c[DEVICE], c[HLC]);
    }
    yield { phase: 'indexing', done: 0, total: 0 };
    if (logAside) {
      // What the log's trigger (changes_origin, migration 5) does per change, once per device.
      const noteOrigin = sql(
        `INSERT INTO change_origins ("device","lastHlc") VALUES (?, ?)
           ON CONFLICT ("device") DO UPDATE SET "lastHlc" = excluded."lastHlc" WHERE excluded."lastHlc" > "lastHlc"`,
      );
      for (const [device, hlc] of newestOf) noteOrigin.run(device, hlc);
      logAside();
    }
    // Many records: their tables' indexes are set aside too, and so are their capture
    // triggers, which capture nothing now (capturing is off) but cost a call per row written.
    const tables = [...new Set(pending.map(([table]) => table))];
    const recordsAside = rebuild ? setAside(db, tables) : null;
    for (let i = 0; i < pending.length; i++) {
      if (i % (STEP * 5) === 0) yield { phase: 'writing', done: i, total: pending.length };
      const [table, rowId, writes, fields, undated] = pending[i]!;
      if (writes.size) writeRow(table, rowId, writes, fields);
      if (undated) redateUndated(table, rowId, fields);
    }
    if (recordsAside) {
      yield { phase: 'indexing', done: 0, total: 0 };
      recordsAside();
    }
  }

  // Edits that lost to a delete they were concurrent with: kept as conflicts.
  report.conflicts += noteEditsLostToDeletes(store, rows.values(), detectedAt);
  // Demands whose record or history changed: their state is what their merged history gives.
  report.conflicts += replayImported(store, rows.values(), detectedAt);

  if (!options.confirmMassDelete) {
    const heavy = Object.entries(report.deletions).filter(
      ([table, n]) => n >= MASS_DELETE_MIN && n > (liveBefore.get(table) ?? 0) * MASS_DELETE_SHARE,
    );
    if (heavy.length) {
      const what = heavy.map(([t, n]) => `${n} of ${liveBefore.get(t)} ${t}`).join(', ');
      const whatZh = heavy.map(([t, n]) => `${liveBefore.get(t)} 条${tableWords(t)}中的 ${n} 条`).join('、');
      throw new ApiError('CONFLICT', msg('sync.massDelete', { what, whatZh }), {
        reason: 'mass_delete',
        deletions: Object.fromEntries(heavy.map(([t, n]) => [t, { deleting: n, live: liveBefore.get(t) }])),
      });
    }
  }

  // Clocks: this machine's clock moves past every stamp it applied, so a change made here is
  // always stamped after the values it overwrites (otherwise an edit made after seeing a value
  // from a fast clock would lose to it on every other laptop, while this one kept showing the
  // edit). Stamps far ahead are not applied, so never followed: one wrong clock cannot carry
  // every laptop's clock into its future.
  if (newest) store.clock.observe(newest);
  if (held.length) holdChanges(store, held, options.sender);
  for (const [device, { newest: stamp, count }] of ahead) {
    const at = new Date(parseHlc(stamp).ms).toISOString();
    const deviceName = deviceNameOf(store, device, options.sender);
    const m = msg('anomaly.clockAhead', { device: deviceName, n: count, s: count === 1 ? '' : 's', at });
    anomalies.push({ ...anomaly('clock_ahead', m), device, deviceName });
  }
  return report;
}
