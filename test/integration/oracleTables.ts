import type Database from 'better-sqlite3';

// The oracles (reports-oracle*.ts) read whole tables for every figure they check, and a file
// checks hundreds of figures on one unchanged district. Reading the tables once per state of
// the database keeps the oracles' plain code and drops most of their cost. The rows are frozen:
// an oracle that changed one would throw instead of corrupting the next figure's input.

type Row = Readonly<Record<string, unknown>>;

interface Cached {
  /** The connection's total changes and the file's data version the rows were read at. */
  state: string;
  tables: Map<string, readonly Row[]>;
}

const cache = new WeakMap<Database.Database, Cached>();

/** Every row of `table` (SELECT *), as the database holds them now. */
export function wholeTable(db: Database.Database, table: string): readonly Row[] {
  // A write on this connection moves total_changes(); a commit by another moves data_version.
  const state = `${db.prepare('SELECT total_changes()').pluck().get()}:${db.pragma('data_version', { simple: true })}`;
  let cached = cache.get(db);
  if (cached?.state !== state) cache.set(db, (cached = { state, tables: new Map() }));
  let rows = cached.tables.get(table);
  if (!rows) {
    rows = Object.freeze(
      (db.prepare(`SELECT * FROM "${table}"`).all() as Row[]).map((r) => Object.freeze(r)),
    );
    cached.tables.set(table, rows);
  }
  return rows;
}
