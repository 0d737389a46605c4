import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
// Subpath imports: the package root loads all of date-fns (~2 s at every CLI start).
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

// Backups: consistent copies of the whole database taken with VACUUM INTO (one read
// transaction; cannot run inside a write transaction), checked with integrity_check
// before they count, and rotated: the newest 10, then one a day for 7 days, one a
// week for 4 weeks and one a month for 12 months.

export const BACKUP_RE = /^visit-ledger-(\d{8}T\d{6})(\d{3})-([a-z0-9-]+)\.db$/;
const BAD_SUFFIX = '.corrupt';
export const KEEP = { newest: 10, daily: 7, weekly: 4, monthly: 12 } as const;
export const DAILY_MS = 24 * 3600_000;

export interface BackupInfo {
  file: string;
  path: string;
  at: string;
  reason: string;
  bytes: number;
}

export const backupsDirFor = (dbPath: string): string => join(dirname(dbPath), 'backups');

function stampOf(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}`;
}

function atOf(stamp: string, millis: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${millis}Z`;
}

/** Opens a database file read-only and runs SQLite's full integrity check. */
export function checkIntegrity(path: string): { ok: boolean; message: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const message = rows.map((r) => r.integrity_check).join('; ');
    return { ok: message === 'ok', message };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  } finally {
    db?.close();
  }
}

/** Takes a checked backup of an open database; a copy that fails its check is set aside, never listed. */
export function backupDatabase(
  db: Database.Database,
  dbPath: string,
  nowMs: number,
  reason: string,
): BackupInfo {
  const dir = backupsDirFor(dbPath);
  mkdirSync(dir, { recursive: true });
  const safeReason = reason.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  // Always the newest name, even with a clock that stalls or goes back, so that
  // rotation never removes the backup just taken.
  const newest = listBackups(dir)[0];
  const ms = newest ? Math.max(nowMs, Date.parse(newest.at) + 1) : nowMs;
  const file = `visit-ledger-${stampOf(ms)}-${safeReason}.db`;
  const path = join(dir, file);
  writeCheckedCopy(db, path);
  rotateBackups(dir);
  return { file, path, at: new Date(ms).toISOString(), reason: safeReason, bytes: statSync(path).size };
}

/** VACUUM INTO a temporary name, integrity-check, then rename into place. */
export function writeCheckedCopy(db: Database.Database, path: string): void {
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  const check = checkIntegrity(partial);
  if (!check.ok) {
    renameSync(partial, `${path}${BAD_SUFFIX}`);
    throw new Error(`the backup failed its integrity check (${check.message}) and was set aside`);
  }
  renameSync(partial, path);
}

export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((file) => ({ file, m: BACKUP_RE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({
      file,
      path: join(dir, file),
      at: atOf(m[1]!, m[2]!),
      reason: m[3]!,
      bytes: statSync(join(dir, file)).size,
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** The backups rotation keeps, newest first (pure, for testing). */
export function backupsToKeep(backups: { file: string; at: string }[]): Set<string> {
  const sorted = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const keep = new Set(sorted.slice(0, KEEP.newest).map((b) => b.file));
  const bucketed = (bucket: (at: string) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of sorted) {
      const key = bucket(b.at);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > count) break;
      keep.add(b.file);
    }
  };
  bucketed((at) => at.slice(0, 10), KEEP.daily);
  bucketed((at) => isoWeek(at), KEEP.weekly);
  bucketed((at) => at.slice(0, 7), KEEP.monthly);
  return keep;
}

function isoWeek(at: string): string {
  const local = new Date(Number(at.slice(0, 4)), Number(at.slice(5, 7)) - 1, Number(at.slice(8, 10)));
  return `${getISOWeekYear(local)}-W${getISOWeek(local)}`;
}

export function rotateBackups(dir: string): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all);
  const removed = all.filter((b) => !keep.has(b.file));
  for (const b of removed) rmSync(b.path, { force: true });
  return removed.map((b) => b.file);
}

export function isBackupFile(path: string): boolean {
  return BACKUP_RE.test(basename(path));
}
