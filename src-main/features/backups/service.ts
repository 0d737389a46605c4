import { msg } from '@shared/messages';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../core';
import { openStore } from '../../store/db';
import { relistWorkflowConflicts, settlePendingSupersededFlags } from '../demands/replay';
import { SCHEMA_VERSION } from '../../store/migrations';
import { lastNewIdentity, RESTORED_FROM } from '../../store/identity';
import {
  DAILY_MS,
  backupDatabase,
  backupState,
  backupsDirFor,
  checkChecksum,
  checkIntegrity,
  extractBackup,
  listBackups,
  newestBackup,
  writeCheckedCopy,
  type BackupInfo,
} from '../../store/backup';
import { DamagedCompressedError } from '../../store/compressed';
import { ApiError, invalid } from '@shared/contract/errors';
import type { MethodOutput } from '@shared/contract/contract';

/**
 * A checked copy to a file of the user's choosing (not rotated): zstd-compressed when it is
 * named .zst, gzipped when .gz, plain otherwise.
 */
export function backupToFile(core: Core, path: string): { path: string; bytes: number } {
  const target = resolve(path);
  if (existsSync(target)) throw invalid('out', msg('backup.exists', { path: target }));
  writeCheckedCopy(core.store.db, target);
  return { path: target, bytes: statSync(target).size };
}

export function backupStore(core: Core, reason: string): BackupInfo | null {
  const { store } = core;
  if (store.path === ':memory:') return null;
  return backupDatabase(store.db, store.path, store.now(), reason);
}

/**
 * At most once a day: called when the app opens its database. A backup taken while the clock
 * ran fast does not count as the day's.
 */
export function dailyBackup(core: Core): BackupInfo | null {
  const now = core.store.now();
  const newest = newestBackup(listBackups(backupsDirFor(core.store.path)), now);
  if (newest && now - Date.parse(newest.at) < DAILY_MS) return null;
  return backupStore(core, 'daily');
}

/** The backups, each checked: a damaged one is shown, and cannot be restored. */
export function listBackupsOf(core: Core): MethodOutput<'backups.list'>['rows'] {
  if (core.store.path === ':memory:') return [];
  return listBackups(backupsDirFor(core.store.path)).map((b) => ({ ...b, ...backupState(b.path) }));
}

/**
 * The backup as a database file at `staging`, checked: its checksum, then (compressed) that it
 * decompresses whole; the database check runs on the copy that will be put in place.
 */
function stageRestorable(source: string, staging: string): void {
  rmSync(staging, { force: true });
  try {
    if (checkChecksum(source) === 'mismatch') throw invalid('file', msg('backup.checksum'));
    extractBackup(source, staging);
    checkRestorable(staging);
  } catch (e) {
    rmSync(staging, { force: true });
    if (e instanceof DamagedCompressedError)
      throw invalid('file', msg('backup.decompress', { detail: e.message }));
    if (e instanceof ApiError) throw e;
    throw invalid('file', msg('backup.unreadable', { detail: (e as Error).message }));
  }
}

/** Checks that a file is a sound Visit Ledger database this app can open. */
function checkRestorable(path: string): void {
  const integrity = checkIntegrity(path);
  if (!integrity.ok) throw invalid('file', msg('backup.unsound', { detail: integrity.message }));
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const version = db.prepare(`SELECT max("version") AS v FROM schema_migrations`).get() as {
      v: number | null;
    };
    const device = db.prepare(`SELECT "value" FROM meta WHERE "key" = 'deviceId'`).get();
    if (!device) throw invalid('file', msg('backup.notLedger'));
    if ((version.v ?? 0) > SCHEMA_VERSION) throw invalid('file', msg('backup.newer'));
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw invalid('file', msg('backup.notLedger'));
  } finally {
    db.close();
  }
}

/**
 * Replaces the database with a backup. The backup is decompressed (or copied) next to the
 * database and checked there; the current database is backed up; the copy is synced and
 * renamed into place so a crash leaves either the old or the new file. The copy is
 * marked as restored before: it takes a new device identity when opened (store/identity.ts),
 * or it would issue again the stamps and visit numbers issued since the backup was taken.
 */
export function restoreBackup(core: Core, file: string): MethodOutput<'backups.restore'> {
  const { store } = core;
  if (store.path === ':memory:') throw invalid('file', msg('backup.inMemory'));
  const source = resolve(file);
  // Staged first: the safety backup's rotation may remove the very backup restored.
  const staging = `${store.path}.restoring`;
  stageRestorable(source, staging);
  let safety: BackupInfo | null;
  try {
    safety = backupStore(core, 'before-restore');
  } catch (e) {
    rmSync(staging, { force: true });
    throw e;
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  try {
    markRestored(staging, source);
    rmSync(`${store.path}-wal`, { force: true });
    rmSync(`${store.path}-shm`, { force: true });
    renameSync(staging, store.path);
    syncDirectory(dirname(store.path));
  } finally {
    rmSync(staging, { force: true });
    core.store = openStore(store.path, store.options);
    // A backup from before migration 11 was just migrated: its history needs its flags.
    settlePendingSupersededFlags(core.store);
  }
  relistWorkflowConflicts(core.store);
  const newIdentity = lastNewIdentity(core.store);
  if (!newIdentity) throw new Error('the restored database took no new device identity');
  return { restoredFrom: source, safetyBackup: safety?.path ?? null, newIdentity };
}

function markRestored(path: string, source: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.prepare(`INSERT OR REPLACE INTO meta ("key","value") VALUES (?, ?)`).run(RESTORED_FROM, source);
  } finally {
    db.close();
  }
}

/** Makes a rename in a folder durable; Windows cannot open a folder, and its renames need not. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
