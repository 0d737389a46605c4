import type Database from 'better-sqlite3';
import { fitsShape, formatHlc, readHlc, type HlcParts } from '@shared/domain/hlc';

// The change log is stored compactly (migrations 15 and 24): a run of changes one write made
// (`change_runs`: wall time, first counter, node, device, staff and record as numbers into
// the dictionaries change_names and change_records) and each change's offset in its run,
// field and value (`change_log`); the view `changes` shows it as it always was. Reading by
// record goes through the view; what the view cannot do fast (find a change by its stamp, the
// newest stamp, the size) and bulk writing go to the tables, through here.

/** A change in the columns (and order) of `changes` and of the sync files. */
export type LogChange = [
  hlc: string,
  device: string,
  staff: string | null,
  tbl: string,
  rowId: string,
  field: string,
  value: unknown,
  prevHlc: string | null,
];

/** A stamp as the log stores it: wall time, counter and node; a stamp of another shape is kept whole (-1, 0, text). */
export type StampColumns = [ms: number, counter: number, node: string];

/** A stamp's columns. */
export function stampColumns(stamp: string): StampColumns {
  const parts = readHlc(stamp);
  return parts ? [parts.ms, parts.counter, parts.node] : [-1, 0, stamp];
}

/** The columns of the stamp these parts format to (stampColumns of formatHlc), without its text. */
export function partsColumns(parts: HlcParts): StampColumns {
  return fitsShape(parts) ? [parts.ms, parts.counter, parts.node] : [-1, 0, formatHlc(parts)];
}

/** The stamp whose columns these are (what stampColumns read). */
export const columnsText = ([ms, counter, node]: StampColumns): string =>
  ms < 0 ? node : formatHlc({ ms, counter, node });

/** A LogChange whose stamp is given by its columns: a bulk load's, never written out as text. */
export type ColumnsChange = LogChange extends [string, ...infer Rest]
  ? [stamp: StampColumns, ...Rest]
  : never;

/**
 * The seq of the change whose stamp's columns (stampColumns) are bound. Runs of one wall time
 * and node hold counters that never overlap (stamps are unique, runs grow only at the log's
 * end), so the run that can hold a counter is the last to start at or before it: one step
 * down the stamp index, however many runs share the wall time (a clock that stands still).
 */
const STAMP_ROW = `WITH s("ms","ctr","node") AS (SELECT ?, ?, (SELECT "n" FROM change_names WHERE "name" = ?))
  SELECT l."seq" FROM s, change_runs h JOIN change_log l ON l."seq" = h."run" + (s."ctr" - h."ctr")
  WHERE h."run" = (SELECT "run" FROM change_runs WHERE "ms" = s."ms" AND "node" = s."node" AND "ctr" <= s."ctr"
      ORDER BY "ctr" DESC LIMIT 1)
    AND l."off" = s."ctr" - h."ctr"`;

/** The change rows `l` of run `h`. */
const OF_RUN = `l."seq" BETWEEN h."run" AND h."run" + h."n" - 1 AND l."seq" - l."off" = h."run"`;

/** The change with this stamp, or undefined. */
export function changeByStamp(db: Database.Database): (stamp: string) => LogChange | undefined {
  const find = db
    .prepare(
      `SELECT "hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes WHERE "seq" = (${STAMP_ROW})`,
    )
    .raw(true);
  return (stamp) => find.get(...stampColumns(stamp)) as LogChange | undefined;
}

/** SQL that is true when the log holds the stamp bound to its three parameters (stampColumns). */
export const HOLDS_STAMP = `EXISTS (${STAMP_ROW})`;

/** The newest stamp in the log, as `max(hlc)` over `changes` gives it, without reading every row. */
export function newestStamp(db: Database.Database): string | null {
  // The newest of a run is its last change; only runs of the newest wall time and stamps of
  // another shape (kept whole, compared as text) can hold the newest.
  return db
    .prepare(
      `SELECT max("hlc") FROM changes WHERE "seq" IN (
         SELECT max(l."seq") FROM change_runs h JOIN change_log l ON ${OF_RUN}
         WHERE h."ms" = -1 OR h."ms" = (SELECT max("ms") FROM change_runs)
         GROUP BY h."run")`,
    )
    .pluck()
    .get() as string | null;
}

/** How many changes the log holds. */
export const logSize = (db: Database.Database): number =>
  db.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;

/**
 * Appends changes straight to the log's runs and changes, forming runs as the view's trigger
 * does a row at a time in SQL: for imports, which need to know whether each was new (`add`),
 * and for changes known new, a bulk load's own or an import's already sorted out (`append`,
 * several rows a statement, unchecked). Ids are looked up once per writer; use a writer within
 * one transaction, and tell it when a savepoint in it was rolled back (`forget`): the numbers
 * it gave new names there are given again, to other names. A `sole` writer is told that nothing
 * else writes the log until then (a bulk load with the triggers set aside): it keeps the log's
 * end in memory instead of reading it before each append; a `batching` one (sole too) also
 * holds its changes back until BATCH of them wait or it is told to `settle`, so that a load of
 * many small writes makes few statements: whoever reads the log while it writes settles it
 * first, and no savepoint may be rolled back meanwhile (`forget` refuses).
 */
export function changeLogWriter(
  db: Database.Database,
  { sole = false, batching = false }: { sole?: boolean; batching?: boolean } = {},
): {
  add(c: LogChange): boolean;
  append(changes: readonly LogChange[]): void;
  /**
   * append() for changes whose stamps are given by their columns; `fresh`: they are all of one
   * record just inserted, which a batching writer then numbers without looking it up.
   */
  appendColumns(changes: readonly ColumnsChange[], fresh?: boolean): void;
  /** Whether the record's first change in the log is this writer's (it held none of it before). */
  wroteFirst(table: string, rowId: string): boolean;
  /** Writes the changes a batching writer holds: before anything reads the log. */
  settle(): void;
  forget(): void;
} {
  if (batching && !sole) throw new Error('only a sole writer of the log can hold changes back');
  const names = new Map<string, number>();
  const findName = db.prepare(`SELECT "n" FROM change_names WHERE "name" = ?`).pluck();
  const addName = db.prepare(`INSERT INTO change_names ("name") VALUES (?)`);
  const nameId = (name: string): number => {
    let n = names.get(name);
    if (n === undefined) {
      n = (findName.get(name) as number | undefined) ?? Number(addName.run(name).lastInsertRowid);
      names.set(name, n);
    }
    return n;
  };
  const records = new Map<string, number>();
  /** The records this writer numbered itself. */
  const added = new Set<string>();
  const findRecord = db.prepare(`SELECT "n" FROM change_records WHERE "rowId" = ? AND "tbl" = ?`).pluck();
  // Tried first: a record the log holds no change of is numbered in one step, not two.
  const addRecord = db.prepare(`INSERT OR IGNORE INTO change_records ("rowId","tbl") VALUES (?, ?)`);
  /** A batching writer's new records, not yet written ("n", "tbl", "rowId" one after another). */
  const heldRecords: unknown[] = [];
  /** The number the table gives the next record (its rowid: the largest so far + 1). */
  let nextRecord: number | undefined;
  const holdRecord = (table: string, rowId: string): number => {
    nextRecord ??=
      ((db.prepare(`SELECT max("n") FROM change_records`).pluck().get() as number | null) ?? 0) + 1;
    heldRecords.push(nextRecord, table, rowId);
    return nextRecord++;
  };
  /** The last record looked up: a firing's changes are all of one record. */
  let lastRecord: { table: string; rowId: string; n: number } | undefined;
  /** The record's number; `fresh`: the record was just inserted, so the log holds none of it. */
  const recordId = (table: string, rowId: string, fresh: boolean): number => {
    if (lastRecord && lastRecord.rowId === rowId && lastRecord.table === table) return lastRecord.n;
    const key = `${table}\u0000${rowId}`;
    let n = records.get(key);
    if (n === undefined) {
      if (batching) {
        // Held with the changes. Were a fresh record in the log after all, its row would
        // break the table's unique key when written: the load fails, nothing is mixed up.
        n = fresh ? undefined : (findRecord.get(rowId, table) as number | undefined);
        if (n === undefined) {
          n = holdRecord(table, rowId);
          added.add(key);
        }
      } else {
        const { changes, lastInsertRowid } = addRecord.run(rowId, table);
        if (changes) {
          n = Number(lastInsertRowid);
          added.add(key);
        } else n = findRecord.get(rowId, table) as number;
      }
      records.set(key, n);
    }
    if (lastRecord) {
      lastRecord.table = table;
      lastRecord.rowId = rowId;
      lastRecord.n = n;
    } else lastRecord = { table, rowId, n };
    return n;
  };
  /** What a run's changes share: stamp columns, names and record as numbers (a run's are its first change's). */
  interface RunColumns {
    ms: number;
    ctr: number;
    node: number;
    device: number;
    staff: number | null;
    rec: number;
  }
  /** A change as stored: its run's columns and its own. */
  interface Numbered extends RunColumns {
    field: number;
    value: unknown;
    pms: number | null;
    pctr: number | null;
    pnode: number | null;
  }
  const numbered = (
    [ms, ctr, node]: StampColumns,
    [, device, staff, tbl, rowId, field, value, prevHlc]: LogChange | ColumnsChange,
    fresh = false,
  ): Numbered => {
    const prev = prevHlc === null ? null : stampColumns(prevHlc);
    // Names numbered in the order the view's trigger numbers them (namesOf, migration 15).
    const nodeId = nameId(node);
    const deviceId = nameId(device);
    const staffId = staff === null ? null : nameId(staff);
    const fieldId = nameId(field);
    const prevNode = prev ? nameId(prev[2]) : null;
    return {
      ms,
      ctr,
      node: nodeId,
      device: deviceId,
      staff: staffId,
      rec: recordId(tbl, rowId, fresh),
      field: fieldId,
      value,
      pms: prev?.[0] ?? null,
      pctr: prev?.[1] ?? null,
      pnode: prevNode,
    };
  };
  /** A run: its columns, its first seq and how many changes it holds. */
  interface Run extends RunColumns {
    run: number;
    n: number;
  }
  /** The next change of run `h` (as the view's trigger decides it): well-formed, next counter, same columns. */
  const continues = (h: Run, c: Numbered) =>
    c.ms >= 0 &&
    h.ms === c.ms &&
    h.ctr + h.n === c.ctr &&
    h.node === c.node &&
    h.device === c.device &&
    h.staff === c.staff &&
    h.rec === c.rec;
  /** The log's last run (if it ends the log: a change deleted at its end closes it) and last seq. */
  const tail = db.prepare(
    `SELECT h."run",h."ms",h."ctr",h."node",h."device",h."staff",h."rec",h."n", m."end"
     FROM (SELECT coalesce(max("seq"), 0) AS "end" FROM change_log) m
       LEFT JOIN change_runs h ON h."run" = (SELECT max("run") FROM change_runs)`,
  );
  const grow = db.prepare(`UPDATE change_runs SET "n" = "n" + ? WHERE "run" = ?`);
  const RUN_INSERT = `INSERT INTO change_runs ("run","ms","ctr","node","device","staff","rec","n") VALUES `;
  const RECORD_INSERT = `INSERT INTO change_records ("n","tbl","rowId") VALUES `;
  const LOG_INSERT = `INSERT INTO change_log ("seq","off","field","value","pms","pctr","pnode") VALUES `;
  const BATCH = 64;
  /** Each insert's statement for a number of rows, compiled once. */
  const statements = new Map<string, Database.Statement[]>();
  /** Inserts rows of `width` columns, given one after another in `values`, up to BATCH a statement. */
  const insertAll = (insert: string, width: number, values: unknown[]) => {
    let byCount = statements.get(insert);
    if (!byCount) statements.set(insert, (byCount = []));
    for (let i = 0; i < values.length; i += BATCH * width) {
      const count = Math.min(BATCH, (values.length - i) / width);
      let stmt = byCount[count];
      if (!stmt) {
        const row = `(${Array(width).fill('?').join(',')})`;
        stmt = byCount[count] = db.prepare(insert + Array(count).fill(row).join(','));
      }
      stmt.run(...(i === 0 && count * width === values.length ? values : values.slice(i, i + count * width)));
    }
  };
  /**
   * The log's end as this writer leaves it: its last run (null when it holds none) and last
   * seq, and the last run whose row is written with the count it had then (it may grow).
   */
  interface Tail {
    last: Run | null;
    end: number;
    stored: { run: Run; n: number } | null;
  }
  const readTail = (): Tail => {
    const t = tail.get() as Run & { end: number };
    if (t.run === null) return { last: null, end: t.end, stored: null };
    const last: Run = {
      run: t.run,
      ms: t.ms,
      ctr: t.ctr,
      node: t.node,
      device: t.device,
      staff: t.staff,
      rec: t.rec,
      n: t.n,
    };
    return { last, end: t.end, stored: { run: last, n: t.n } };
  };
  /** A sole writer's knowledge of the log's end (as `tail` reads it once its rows are written). */
  let known: Tail | undefined;
  /** Runs and changes numbered but not yet written (a batching writer holds them until `settle`). */
  const runs: Run[] = [];
  const rows: unknown[] = [];
  /** Writes what the writer holds: runs first, as the log's trigger (changes_origin) reads a change's run. */
  const settle = (at: Tail) => {
    insertAll(RECORD_INSERT, 3, heldRecords);
    heldRecords.length = 0;
    const { stored } = at;
    if (stored && stored.run.n > stored.n) grow.run(stored.run.n - stored.n, stored.run.run);
    const runValues: unknown[] = [];
    for (const h of runs) runValues.push(h.run, h.ms, h.ctr, h.node, h.device, h.staff, h.rec, h.n);
    insertAll(RUN_INSERT, 8, runValues);
    insertAll(LOG_INSERT, 7, rows);
    if (at.last) at.stored = { run: at.last, n: at.last.n };
    runs.length = rows.length = 0;
  };
  /** Appends numbered changes at the log's end, each continuing the run before it when it can. */
  const write = (changes: readonly Numbered[]) => {
    const at = known ?? readTail();
    // The last run takes more only while it ends the log (a change deleted at its end closes it).
    let cur = at.last !== null && at.last.run + at.last.n - 1 === at.end ? at.last : null;
    let seq = at.end + 1;
    for (const c of changes) {
      let off = 0;
      if (cur && continues(cur, c)) off = cur.n++;
      else {
        // A new run's count is written once it is known, when the writer settles.
        cur = {
          ms: c.ms,
          ctr: c.ctr,
          node: c.node,
          device: c.device,
          staff: c.staff,
          rec: c.rec,
          run: seq,
          n: 1,
        };
        runs.push(cur);
      }
      rows.push(seq++, off, c.field, c.value, c.pms, c.pctr, c.pnode);
    }
    if (cur) at.last = cur;
    at.end = seq - 1;
    if (sole) known = at;
    if (!batching || rows.length >= BATCH * 7) settle(at);
  };
  /** Writes what a batching writer holds, if anything (only a sole writer holds, and knows the tail). */
  const settleHeld = () => {
    if (known && rows.length) settle(known);
  };
  const holds = db.prepare(STAMP_ROW).pluck();
  return {
    add(c) {
      settleHeld();
      const stamp = stampColumns(c[0]);
      if (holds.get(...stamp) !== undefined) return false;
      write([numbered(stamp, c)]);
      return true;
    },
    append: (changes) => write(changes.map((c) => numbered(stampColumns(c[0]), c))),
    appendColumns: (changes, fresh) => write(changes.map((c) => numbered(c[0], c, fresh))),
    wroteFirst: (table, rowId) => added.has(`${table}\u0000${rowId}`),
    settle: settleHeld,
    forget: () => {
      // A batching writer's held changes may be older than the savepoint rolled back.
      if (rows.length) throw new Error('a savepoint was rolled back while the log writer held changes');
      names.clear();
      records.clear();
      nextRecord = undefined;
      lastRecord = undefined;
      added.clear();
      known = undefined;
    },
  };
}

/**
 * Reads change_log rows with their names and stamps made in JS (as the view makes them in SQL,
 * which costs reads of many rows twice the time). Names are looked up once per reader: use a
 * reader within one transaction or read.
 */
export function logReader(db: Database.Database) {
  const names = new Map<number, string>();
  const findName = db.prepare(`SELECT "name" FROM change_names WHERE "n" = ?`).pluck();
  const nameOf = (n: number): string => {
    let name = names.get(n);
    if (name === undefined) {
      name = findName.get(n) as string;
      names.set(n, name);
    }
    return name;
  };
  const stamp = (ms: number, counter: number, node: number): string =>
    ms < 0 ? nameOf(node) : formatHlc({ ms, counter, node: nameOf(node) });
  const range = db
    .prepare(
      `SELECT l."seq", h."ms", h."ctr" + l."off", h."node", h."device", h."staff", r."tbl", r."rowId", l."field",
         l."value", l."pms", l."pctr", l."pnode"
       FROM change_log l JOIN change_runs h ON h."run" = l."seq" - l."off" JOIN change_records r ON r."n" = h."rec"
       WHERE l."seq" > ? AND l."seq" <= ? ORDER BY l."seq" LIMIT ?`,
    )
    .raw(true);
  type RangeRow = [number, number, number, number, number, number | null, string, string, number, unknown];
  type Prev = [number | null, number | null, number | null];
  const ofRecord = db
    .prepare(
      `SELECT l."field", h."ms", h."ctr" + l."off", h."node" FROM change_runs h JOIN change_log l ON ${OF_RUN}
       WHERE h."rec" = (SELECT "n" FROM change_records WHERE "rowId" = ? AND "tbl" = ?)`,
    )
    .raw(true);
  const every = db.prepare(
    `SELECT r."tbl", r."rowId", l."field", h."ms", h."ctr" + l."off", h."node"
     FROM change_log l JOIN change_runs h ON h."run" = l."seq" - l."off" JOIN change_records r ON r."n" = h."rec"`,
  );
  return {
    /** Up to `limit` changes with seq in (after, upTo], in seq order, each with its seq. */
    range(after: number, upTo: number, limit: number): { seq: number; change: LogChange }[] {
      return (range.all(after, upTo, limit) as [...RangeRow, ...Prev][]).map((r) => ({
        seq: r[0],
        change: [
          stamp(r[1], r[2], r[3]),
          nameOf(r[4]),
          r[5] === null ? null : nameOf(r[5]),
          r[6],
          r[7],
          nameOf(r[8]),
          r[9],
          r[12] === null ? null : stamp(r[10]!, r[11]!, r[12]),
        ],
      }));
    },
    /** The field and stamp of each change of one record. */
    stampsOf(table: string, rowId: string): [field: string, hlc: string][] {
      return (ofRecord.all(rowId, table) as [number, number, number, number][]).map((r) => [
        nameOf(r[0]),
        stamp(r[1], r[2], r[3]),
      ]);
    },
    /** Table, record, field and stamp of every change, in no particular order. */
    *all(): Generator<[table: string, rowId: string, field: string, hlc: string]> {
      for (const r of every.raw(true).iterate() as IterableIterator<
        [string, string, number, number, number, number]
      >)
        yield [r[0], r[1], nameOf(r[2]), stamp(r[3], r[4], r[5])];
    },
  };
}
