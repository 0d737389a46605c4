import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { newId } from './ids';
import { HybridClock } from '@shared/domain/hlc';
import { deviceCodeFrom } from '@shared/domain/visitNo';
import type { z } from 'zod';
import type { NewIdentity as NewIdentitySchema } from '@shared/contract/contract';
import type { Store } from './db';
import { newestStamp } from './changeLog';

// A device identity (device id = clock node, and the code in visit numbers) belongs to one
// database on one laptop. A restored backup or a database file copied to another laptop
// would otherwise issue the stamps and visit numbers its twin already issued (or will), so
// either takes a new identity when it is opened, before anything else is written.

/** Where this database's file was when it was last opened: host, disk and file number. */
export const FILE_IDENTITY = 'fileIdentity';
/** Written into a backup as it is restored (features/backups restoreBackup). */
export const RESTORED_FROM = 'restoredFrom';
/** The ids this database had before, oldest first (JSON). */
export const PREVIOUS_DEVICE_IDS = 'previousDeviceIds';
/** The last new identity taken (JSON NewIdentity), for the restore result and app info. */
export const NEW_IDENTITY = 'newIdentity';

export type NewIdentity = z.infer<typeof NewIdentitySchema>;

interface FileIdentity {
  host: string;
  dev: string;
  ino: string;
}

export function fileIdentityOf(path: string): string {
  const st = statSync(path, { bigint: true });
  return JSON.stringify({ host: hostname(), dev: String(st.dev), ino: String(st.ino) });
}

/**
 * Another file than the one recorded: another host, or another file number. A rename (even of
 * the data folder) keeps the file number, and SQLite writes checkpoints and VACUUM into the
 * same file. The disk number alone is not trusted: a USB or network drive gets a new one when
 * mounted again. A file system without file numbers (0) is never taken for a copy.
 */
function isAnotherFile(recorded: string, here: string): boolean {
  let was: FileIdentity;
  try {
    was = JSON.parse(recorded) as FileIdentity;
  } catch {
    return false;
  }
  const now = JSON.parse(here) as FileIdentity;
  if (was.host !== now.host) return true;
  return was.ino !== '0' && now.ino !== '0' && was.ino !== now.ino;
}

/**
 * Checks that this file is the one this identity was given to; takes a new identity for a
 * restored or copied database. Returns the device id to use.
 */
export function checkIdentity(store: Store, deviceName: string): string {
  const here = fileIdentityOf(store.path);
  // Nothing to write on a normal open (a read, no write lock).
  if (store.getMeta(FILE_IDENTITY) === here && store.getMeta(RESTORED_FROM) === null)
    return store.getMeta('deviceId')!;
  const check = store.db.transaction(() => {
    // Read again under the write lock: another process may have just done this.
    const deviceId = store.getMeta('deviceId')!;
    const recorded = store.getMeta(FILE_IDENTITY);
    const restored = store.getMeta(RESTORED_FROM) !== null;
    store.setMeta(FILE_IDENTITY, here);
    if (restored) store.db.prepare(`DELETE FROM meta WHERE "key" = ?`).run(RESTORED_FROM);
    // A database of an older version has no file recorded: it is taken as it is.
    const reason = restored
      ? 'restored'
      : recorded !== null && isAnotherFile(recorded, here)
        ? 'copied'
        : null;
    return reason ? renewIdentity(store, deviceId, deviceName, reason) : deviceId;
  });
  return check.immediate();
}

/** A new id and code for this database; the old devices row stays as it is. */
function renewIdentity(
  store: Store,
  previousId: string,
  name: string,
  reason: NewIdentity['reason'],
): string {
  const id = newId();
  const previous = JSON.parse(store.getMeta(PREVIOUS_DEVICE_IDS) ?? '[]') as string[];
  store.setMeta(PREVIOUS_DEVICE_IDS, JSON.stringify([...previous, previousId]));
  store.setMeta('deviceId', id);
  insertDevice(store, id, name);
  const renewed: NewIdentity = {
    at: new Date(store.now()).toISOString(),
    reason,
    previousDeviceId: previousId,
    deviceId: id,
  };
  store.setMeta(NEW_IDENTITY, JSON.stringify(renewed));
  return id;
}

/** The last new identity this database took, if any. */
export function lastNewIdentity(store: Store): NewIdentity | null {
  const value = store.getMeta(NEW_IDENTITY);
  return value ? (JSON.parse(value) as NewIdentity) : null;
}

/**
 * Writes this database's devices row with a code no known device has, as a captured change
 * stamped by the device itself, past every stamp the database holds.
 */
export function insertDevice(store: Store, id: string, name: string): void {
  const { db } = store;
  store.clock = new HybridClock(id, store.now);
  const newest = newestStamp(db);
  if (newest) store.clock.observe(newest);
  store.actor = { deviceId: id, staffId: store.getMeta('meStaffId') };
  store.capturing = true;
  const at = new Date(store.now()).toISOString();
  db.prepare(
    `INSERT INTO devices ("id","name","code","createdAt","updatedAt","updatedByDevice") VALUES (?,?,?,?,?,?)`,
  ).run(id, name, freshDeviceCode(store), at, at, id);
}

/** A random device code that no device known to this database has. */
export function freshDeviceCode(store: Store): string {
  const taken = new Set(store.db.prepare(`SELECT "code" FROM devices`).pluck().all() as string[]);
  for (;;) {
    const code = deviceCodeFrom(randomBytes(4));
    if (!taken.has(code)) return code;
  }
}
