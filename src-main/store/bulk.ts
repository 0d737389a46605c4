import type Database from 'better-sqlite3';
import { q } from './schema';
import { TEXT_INDEX_TRIGGERS } from './textIndex';

// Loads so large that building an index once beats growing it entry by entry (a sync file
// into a new laptop, the demo district): the indexes nothing reads during the load are
// dropped and created again at its end. Only inside a transaction, so that a failure leaves
// every index and trigger as it was.

interface SchemaItem {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

function dropAll(db: Database.Database, items: SchemaItem[]): () => void {
  for (const { type, name } of items) db.exec(`DROP ${type.toUpperCase()} ${q(name)}`);
  return () => {
    for (const { sql } of items) db.exec(sql);
  };
}

/**
 * Drops the indexes (primary keys apart) and triggers of these tables and returns what creates
 * them again: a trigger's work is then better done once for the whole load. The text indexes'
 * triggers stay (store/textIndex.ts): the rows the load writes are indexed as they are written.
 */
export function setAside(db: Database.Database, tables: string[]): () => void {
  const items = db
    .prepare(
      `SELECT "type","name","sql" FROM sqlite_master WHERE "type" IN ('index','trigger') AND "sql" IS NOT NULL
         AND "tbl_name" IN (SELECT value FROM json_each(?)) AND "name" NOT IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables), JSON.stringify(TEXT_INDEX_TRIGGERS)) as SchemaItem[];
  return dropAll(db, items);
}

/** Drops those of these indexes that exist (a later schema may have none of that name); returns what creates them again. */
export function setAsideIndexes(db: Database.Database, names: readonly string[]): () => void {
  const items = db
    .prepare(
      `SELECT "type","name","sql" FROM sqlite_master WHERE "type" = 'index' AND "sql" IS NOT NULL
         AND "name" IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(names)) as SchemaItem[];
  return dropAll(db, items);
}

/**
 * Runs `load` (which opens the load's transaction) with a page cache of up to `cacheKib` and
 * temporary storage in memory, then puts both back. The cache holds the pages the load changes:
 * a transaction larger than it spills them to the WAL, again each time it changes them. In
 * memory too go the load's temporary tables (the bulk capture's and text indexes' notes of the
 * rows written) and a row's savepoint journal: in a temporary file they took a quarter of the
 * ×20 demo's seeding. Set outside the transaction: SQLite refuses temp_store inside one.
 */
export function withLargeLoadSettings<T>(db: Database.Database, cacheKib: number, load: () => T): T {
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  const tempBefore = db.pragma('temp_store', { simple: true }) as number;
  db.pragma(`cache_size = -${cacheKib}`);
  db.pragma('temp_store = MEMORY');
  try {
    return load();
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
    db.pragma(`temp_store = ${tempBefore}`);
  }
}

/**
 * Runs `load` with a rollback journal instead of the WAL, when the connection is the file's
 * only one (else as it is). In WAL mode a load's pages are written twice: into the WAL at its
 * commit, then into the file by the checkpoint the commit sets off; with a rollback journal,
 * once, and a page the file did not have yet costs the journal nothing (a new database's
 * seed: 24 MB written instead of 48). Set outside the transaction, as SQLite requires.
 */
export function withRollbackJournal<T>(db: Database.Database, load: () => T): T {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return load();
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  // Another connection keeps the WAL in use: SQLite says busy at once, and the load goes on in WAL mode.
  db.pragma('busy_timeout = 0');
  let switched: boolean;
  try {
    switched = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    switched = false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    return load();
  } finally {
    if (switched) db.pragma('journal_mode = WAL');
  }
}
