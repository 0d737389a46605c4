import Database from 'better-sqlite3';
import { migrate } from '../src-main/store/db';

// Migrating an empty database takes a few hundred milliseconds, paid by every test that opens
// one. Tests copy instead an empty database migrated once per run (test/globalSetup.ts,
// helpers.ts freshDatabaseAt). It holds the schema only, no device: opening a copy gives it
// its own device id and clock, as opening a new file does (template.test.ts checks both agree).

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated empty database that test databases are copied from. */
    migratedTemplate: string;
  }
}

/** Writes an empty database at the current schema to `path`, as one file (no WAL beside it). */
export function writeMigratedTemplate(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
