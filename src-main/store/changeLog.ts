import type Database from 'better-sqlite3';
import { formatHlc, isHlc, parseHlc } from '@shared/domain/hlc';

// The change log is stored compactly (migration 15): `change_log` holds numbers into the
// dictionaries change_names and change_records, and the view `changes` shows it as it always
// was. Reading by record goes through the view; what the view cannot do fast (find a change
// by its stamp, the newest stamp, the size) and bulk writing go to the table, through here.

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

/** A stamp's columns: wall time, counter and node; a stamp of another shape is kept whole. */
export function stampColumns(stamp: string): [ms: number, counter: number, node: string] {
  if (!isHlc(stamp)) return [-1, 0, stamp];
  const { ms, counter, node } = parseHlc(stamp);
  return [ms, counter, node];
}

const STAMP_ROW = `SELECT "seq" FROM change_log
  WHERE "ms" = ? AND "ctr" = ? AND "node" = (SELECT "n" FROM change_names WHERE "name" = ?)`;

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
  return db
    .prepare(
      `SELECT max("hlc") FROM changes WHERE "seq" IN (
         SELECT "seq" FROM change_log WHERE "ms" = -1
         UNION ALL
         SELECT l."seq" FROM change_log l,
           (SELECT "ms","ctr" FROM change_log WHERE "ms" >= 0 ORDER BY "ms" DESC, "ctr" DESC LIMIT 1) m
         WHERE l."ms" = m."ms" AND l."ctr" = m."ctr")`,
    )
    .pluck()
    .get() as string | null;
}

/** How many changes the log holds. */
export const logSize = (db: Database.Database): number =>
  db.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;

/**
 * Appends changes straight to change_log (the view's trigger does the same, a row at a time in
 * SQL): for imports, which append many and need to know whether each was new (`add`), and bulk
 * loads, which append changes of their own (`append`, several rows a statement). Ids are looked
 * up once per writer; use a writer within one transaction.
 */
export function changeLogWriter(db: Database.Database): {
  add(c: LogChange): boolean;
  append(changes: readonly LogChange[]): void;
} {
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
  const findRecord = db.prepare(`SELECT "n" FROM change_records WHERE "rowId" = ? AND "tbl" = ?`).pluck();
  const addRecord = db.prepare(`INSERT INTO change_records ("rowId","tbl") VALUES (?, ?)`);
  const recordId = (table: string, rowId: string): number => {
    const key = `${table}\u0000${rowId}`;
    let n = records.get(key);
    if (n === undefined) {
      n =
        (findRecord.get(rowId, table) as number | undefined) ??
        Number(addRecord.run(rowId, table).lastInsertRowid);
      records.set(key, n);
    }
    return n;
  };
  const INSERT = `INSERT OR IGNORE INTO change_log ("ms","ctr","node","device","staff","rec","field","value","pms","pctr","pnode") VALUES `;
  const ROW = '(?,?,?,?,?,?,?,?,?,?,?)';
  const insert = db.prepare(INSERT + ROW);
  /** A change's columns, its names and record numbered in the order the view's trigger numbers them. */
  const columns = ([hlc, device, staff, tbl, rowId, field, value, prevHlc]: LogChange): unknown[] => {
    const [ms, ctr, node] = stampColumns(hlc);
    const prev = prevHlc === null ? null : stampColumns(prevHlc);
    return [
      ms,
      ctr,
      nameId(node),
      nameId(device),
      staff === null ? null : nameId(staff),
      recordId(tbl, rowId),
      nameId(field),
      value,
      prev?.[0] ?? null,
      prev?.[1] ?? null,
      prev ? nameId(prev[2]) : null,
    ];
  };
  const BATCH = 64;
  const inserts = new Map<number, Database.Statement>();
  const insertOf = (rows: number): Database.Statement => {
    let stmt = inserts.get(rows);
    if (!stmt) inserts.set(rows, (stmt = db.prepare(INSERT + Array(rows).fill(ROW).join(','))));
    return stmt;
  };
  return {
    add: (c) => insert.run(...columns(c)).changes === 1,
    append(changes) {
      for (let i = 0; i < changes.length; i += BATCH) {
        const batch = changes.slice(i, i + BATCH);
        insertOf(batch.length).run(...batch.flatMap(columns));
      }
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
      `SELECT l."seq", l."ms", l."ctr", l."node", l."device", l."staff", r."tbl", r."rowId", l."field", l."value",
         l."pms", l."pctr", l."pnode"
       FROM change_log l JOIN change_records r ON r."n" = l."rec"
       WHERE l."seq" > ? AND l."seq" <= ? ORDER BY l."seq" LIMIT ?`,
    )
    .raw(true);
  type RangeRow = [number, number, number, number, number, number | null, string, string, number, unknown];
  type Prev = [number | null, number | null, number | null];
  const ofRecord = db
    .prepare(
      `SELECT "field", "ms", "ctr", "node" FROM change_log
       WHERE "rec" = (SELECT "n" FROM change_records WHERE "rowId" = ? AND "tbl" = ?)`,
    )
    .raw(true);
  const every = db.prepare(
    `SELECT r."tbl", r."rowId", l."field", l."ms", l."ctr", l."node" FROM change_log l JOIN change_records r ON r."n" = l."rec"`,
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
