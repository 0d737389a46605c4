import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { newId } from './ids';
import { HybridClock } from '@shared/domain/hlc';
import { shanghaiDate } from '@shared/domain/dates';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { installCaptureTriggers } from './capture';
import { installInitialsFunction } from './initials';
import { installGramsFunction } from './textIndex';
import { newestStamp } from './changeLog';
import { backupDatabase } from './backup';
import { checkIdentity, fileIdentityOf, FILE_IDENTITY, insertDevice } from './identity';

export interface Actor {
  deviceId: string;
  staffId: string | null;
}

export interface StoreOptions {
  /** Wall clock for stamps and "today" (tests pin it). */
  now?: () => number;
  deviceName?: string;
  readonly?: boolean;
  /**
   * Tests only (test/helpers.ts), set by no door: team keys derived at a low scrypt cost that
   * the team code records; a store opened without it refuses such a code.
   */
  cheapTeamKeysForTests?: boolean;
}

export interface Store {
  db: Database.Database;
  path: string;
  clock: HybridClock;
  actor: Actor;
  device: { id: string; name: string; code: string };
  now: () => number;
  /** False while sync applies remote changes: triggers then capture nothing. */
  capturing: boolean;
  /**
   * Set while a bulk load captures changes in JS (bulkCapture.ts): appends the changes its
   * triggers queued to the log. The store's writes call it, so that nothing reads a log behind.
   */
  flushCapture?: () => void;
  /**
   * Set with flushCapture: writes all the load captured to the log, which its writer may hold
   * back to write many changes a statement. Whatever reads the log during the load calls it first.
   */
  settleCapture?: () => void;
  /**
   * Set with flushCapture: a savepoint inside the load was rolled back, so what the bulk
   * capture remembers of the log (queued changes, records' newest stamps) is forgotten.
   */
  rollbackCapture?: () => void;
  /**
   * Set with flushCapture: a record's oldest stamp in the log (the one `min("hlc")` over its
   * changes gives), when the load wrote all its changes; undefined when it cannot tell.
   */
  firstStamp?: (table: string, rowId: string) => string | undefined;
  /** True when this open created the file (the app then loads the demo district). */
  created: boolean;
  /** How it was opened, so a restore can reopen it the same way. */
  options: StoreOptions;
  getMeta(key: string): string | null;
  setMeta(key: string, value: string | null): void;
  /** Run by close() before the connection closes: what else holds the file lets go of it. */
  beforeClose: (() => void)[];
  close(): void;
}

export class StoreError extends Error {}

export function openStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false });
  const now = options.now ?? Date.now;
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // FULL: a commit that returned survives a power cut, not just a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Up to 64 MiB of pages kept (the default, 16 MiB, is less than a quarterly summary reads on a
  // large district, so its queries kept evicting each other's pages: ×20 demo, 148 → 123 ms).
  db.pragma('cache_size = -65536');

  const store = {
    db,
    path,
    now,
    capturing: true,
    created: false,
    options,
    beforeClose: [],
  } as unknown as Store;

  db.function('vl_hlc', { deterministic: false }, () => store.clock.tick());
  db.function('vl_device', { deterministic: false }, () => store.actor.deviceId);
  db.function('vl_staff', { deterministic: false }, () => store.actor.staffId);
  db.function('vl_today', { deterministic: false }, () => shanghaiDate(store.now()));
  db.function('vl_capturing', { deterministic: false }, () => (store.capturing ? 1 : 0));
  installInitialsFunction(db);

  store.created = !db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'meta'`).get();
  // Until the device is known, stamps carry a placeholder node; migrations capture nothing.
  store.actor = { deviceId: 'pending', staffId: null };
  store.clock = new HybridClock('pending', now);
  store.capturing = false;
  const hasSchema = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'`).get();
  if (hasSchema && path !== ':memory:' && schemaVersion(db) < SCHEMA_VERSION) {
    backupDatabase(db, path, now(), 'before-migration');
  }
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }

  const getMeta = db.prepare<[string], { value: string | null }>(`SELECT "value" FROM meta WHERE "key" = ?`);
  const setMeta = db.prepare(`INSERT INTO meta ("key","value") VALUES (?, ?)
    ON CONFLICT("key") DO UPDATE SET "value" = excluded."value"`);
  store.getMeta = (key) => getMeta.get(key)?.value ?? null;
  store.setMeta = (key, value) => void setMeta.run(key, value);
  store.close = () => {
    for (const release of store.beforeClose.splice(0)) release();
    db.close();
  };

  let deviceId = store.getMeta('deviceId');
  if (!deviceId) {
    const id = newId();
    db.transaction(() => {
      store.setMeta('deviceId', id);
      insertDevice(store, id, options.deviceName ?? hostname());
      if (path !== ':memory:') store.setMeta(FILE_IDENTITY, fileIdentityOf(path));
    })();
    deviceId = id;
  } else if (path !== ':memory:' && !db.readonly) {
    deviceId = checkIdentity(store, options.deviceName ?? hostname());
  }
  store.clock = new HybridClock(deviceId, now);
  const newest = newestStamp(db);
  if (newest) store.clock.observe(newest);
  store.actor = { deviceId, staffId: store.getMeta('meStaffId') };
  store.capturing = true;
  const device = db.prepare(`SELECT "id","name","code" FROM devices WHERE "id" = ?`).get(deviceId) as
    Store['device'] | undefined;
  if (!device) throw new StoreError(`this database's device ${deviceId} has no devices row`);
  store.device = device;
  return store;
}

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare(`SELECT max("version") AS v FROM schema_migrations`).get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Runs every pending migration and records each, all in one transaction: a migration that
 * fails leaves the database exactly as it was (no half-upgraded schema). The write lock is
 * taken first, so two processes opening a new database at once do not both migrate it.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  // Migration 26 fills the visits' text index with it, and its triggers keep the index with it.
  installGramsFunction(db);
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      "version" INTEGER PRIMARY KEY, "name" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`);
    const current = schemaVersion(db);
    if (current > latest) {
      throw new StoreError(
        `this database has schema version ${current}, newer than this app's ${latest}: update the app`,
      );
    }
    const applied: number[] = [];
    for (const m of migrations.filter((m) => m.version > current)) {
      db.exec(m.sql);
      installCaptureTriggers(db);
      db.prepare(`INSERT INTO schema_migrations VALUES (?, ?, ?)`).run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      applied.push(m.version);
    }
    return applied;
  });
  return db.readonly ? run() : run.immediate();
}
