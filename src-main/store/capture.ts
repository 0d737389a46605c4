import type Database from 'better-sqlite3';
import { KIND_NAMES, KINDS, UNCAPTURED, q, type KindName } from './schema';
import type { Store } from './db';

// Change capture by triggers: every write to a record table, whether it comes from a
// service, a migration or a hand-written statement, lands in `changes` one row per
// field. While sync applies remote changes, vl_capturing() is 0 and the importer
// writes the remote rows itself, with their original clock and origin.

/**
 * Runs `write` with the capture on or off (an import writes remote changes with it off, and
 * their own stamps), and puts it back as it was.
 */
export function withCapture<T>(store: Store, capturing: boolean, write: () => T): T {
  const was = store.capturing;
  store.capturing = capturing;
  try {
    return write();
  } finally {
    store.capturing = was;
  }
}

/** The table's columns that are captured: all but the meta stamps and the fields not synced. */
export function capturedColumns(db: Database.Database, kind: KindName): string[] {
  const { table, unsynced } = KINDS[kind];
  return (db.pragma(`table_info(${q(table)})`) as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !UNCAPTURED.has(c) && !unsynced.has(c));
}

export function installCaptureTriggers(db: Database.Database): void {
  // Since migration 2 each change records the stamp of the value it overwrote.
  const withPrev = (db.pragma('table_info(changes)') as { name: string }[]).some((c) => c.name === 'prevHlc');
  for (const kind of KIND_NAMES) {
    const table = KINDS[kind].table;
    const cols = capturedColumns(db, kind);
    // A kind whose table a later migration creates: its triggers come with that migration.
    if (!cols.length) continue;
    const ins = cols.map((c) => `SELECT ${sqlString(c)} AS f, NEW.${q(c)} AS v`).join(' UNION ALL ');
    const upd = cols
      .map((c) => `SELECT ${sqlString(c)} AS f, NEW.${q(c)} AS v, OLD.${q(c)} AS o`)
      .join(' UNION ALL ');
    const target = `INSERT INTO changes ("hlc","device","staff","tbl","rowId","field","value"${withPrev ? ',"prevHlc"' : ''})`;
    // A delete records what its maker knew of the whole record (the newest stamp of any of
    // its fields), so that an edit it never saw is told apart on import (sync/lostToDeletes.ts).
    const newest = (field: string) =>
      `(SELECT max(c."hlc") FROM changes c WHERE c."tbl" = ${sqlString(table)} AND c."rowId" = NEW."id"${field})`;
    const prev = withPrev
      ? `, CASE WHEN f = 'deletedAt' THEN ${newest('')} ELSE ${newest(' AND c."field" = f')} END`
      : '';
    db.exec(`
      DROP TRIGGER IF EXISTS ${q(`capture_${table}_insert`)};
      DROP TRIGGER IF EXISTS ${q(`capture_${table}_update`)};
      DROP TRIGGER IF EXISTS ${q(`capture_${table}_delete`)};
      CREATE TRIGGER ${q(`capture_${table}_insert`)} AFTER INSERT ON ${q(table)} WHEN vl_capturing() BEGIN
        ${target} SELECT vl_hlc(), vl_device(), vl_staff(), ${sqlString(table)}, NEW."id", f, v${withPrev ? ', NULL' : ''}
        FROM (${ins}) WHERE v IS NOT NULL;
      END;
      CREATE TRIGGER ${q(`capture_${table}_update`)} AFTER UPDATE ON ${q(table)} WHEN vl_capturing() BEGIN
        ${target} SELECT vl_hlc(), vl_device(), vl_staff(), ${sqlString(table)}, NEW."id", f, v${prev}
        FROM (${upd}) WHERE v IS NOT o;
      END;
      CREATE TRIGGER ${q(`capture_${table}_delete`)} BEFORE DELETE ON ${q(table)} WHEN vl_capturing() BEGIN
        SELECT RAISE(ABORT, 'records are never deleted: set deletedAt instead');
      END;
    `);
  }
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
