import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
// Subpath imports: the package root loads all of date-fns (~2 s at every CLI start).
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

// Backups: consistent copies of the whole database taken with VACUUM INTO (one read
// transaction; cannot run inside a write transaction), checked with integrity_check before
// they count, then gzipped (store/gzipFile.ts; a copy is ×7 smaller) and checked again: the
// compressed file must give back exactly the checked copy. Backups of earlier versions are
// plain database files; both kinds are listed, checked and restored, told apart by their first
// bytes. Rotation keeps the newest 10, then one a day for 7 days, one a week for 4 weeks and
// one a month for 12 months, within twice the database's size (the oldest go first).
// The SHA-256 of each file as it lies in the folder (compressed or not) is written beside it
// when it is taken, in the folder's SHA256SUMS (as sha256sum writes it, so `sha256sum -c`
// checks it too), and checked before it is restored: integrity_check sees a broken structure,
// not a changed value.

export const BACKUP_RE = /^visit-ledger-(\d{8}T\d{6})(\d{3})-([a-z0-9-]+)\.db(?:\.gz)?$/;
const BAD_SUFFIX = '.corrupt';
export const KEEP = { newest: 10, daily: 7, weekly: 4, monthly: 12 } as const;
export const DAILY_MS = 24 * 3600_000;
/**
 * A backup named further ahead of now than this was taken while the clock ran fast: it neither
 * holds back the names of later backups nor counts as today's. Less is a clock set back by a
 * correction, and backup names keep going forward.
 */
export const FUTURE_MS = 3600_000;
export const CHECKSUMS = 'SHA256SUMS';

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
  // The newest name, even with a clock that stalls or goes back a little, so that rotation
  // never removes the backup just taken; but not after a backup from the future.
  const newest = newestBackup(listBackups(dir), nowMs);
  const ms = newest ? Math.max(nowMs, Date.parse(newest.at) + 1) : nowMs;
  const file = `visit-ledger-${stampOf(ms)}-${safeReason}.db`;
  const path = join(dir, file);
  writeCheckedCopy(db, path);
  rotateBackups(dir, nowMs);
  return { file, path, at: new Date(ms).toISOString(), reason: safeReason, bytes: statSync(path).size };
}

/** The newest backup not taken by a clock that ran fast (backups sorted newest first). */
export function newestBackup<B extends { at: string }>(backups: B[], nowMs: number): B | undefined {
  return backups.find((b) => Date.parse(b.at) <= nowMs + FUTURE_MS);
}

/**
 * VACUUM INTO a temporary name, integrity-check, write its checksum, then rename into place
 * (the checksum first: a listed backup has one, unless an older version took it).
 */
export function writeCheckedCopy(db: Database.Database, path: string): void {
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  const check = checkIntegrity(partial);
  if (!check.ok) {
    renameSync(partial, `${path}${BAD_SUFFIX}`);
    throw new Error(`the backup failed its integrity check (${check.message}) and was set aside`);
  }
  recordChecksums(dirname(path), new Map([[basename(path), sha256OfFile(partial)]]));
  renameSync(partial, path);
}

/** SHA-256 of a file, read a megabyte at a time (a backup may be larger than memory allows). */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export type ChecksumState = 'verified' | 'unverified' | 'mismatch';

// Checking reads the whole file: each file is checked once while its size and time are unchanged.
const checked = new Map<string, { key: string; state: ChecksumState }>();

/** Whether a backup's bytes are still those whose checksum was recorded when it was taken. */
export function checkChecksum(path: string): ChecksumState {
  const expected = readChecksums(dirname(path)).get(basename(path));
  if (expected === undefined) return 'unverified';
  const st = statSync(path);
  const key = `${st.size}:${st.mtimeMs}:${expected}`;
  const known = checked.get(path);
  if (known?.key === key) return known.state;
  const state: ChecksumState = expected === sha256OfFile(path) ? 'verified' : 'mismatch';
  checked.set(path, { key, state });
  return state;
}

const CHECKSUM_LINE = /^([0-9a-f]{64}) [ *](.+)$/;

/** The lines of a folder's SHA256SUMS (none when there is none). */
function checksumLines(dir: string): string[] {
  const path = join(dir, CHECKSUMS);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

/** A folder's SHA256SUMS as file name → SHA-256. */
function readChecksums(dir: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of checksumLines(dir)) {
    const m = CHECKSUM_LINE.exec(line);
    if (m) sums.set(m[2]!, m[1]!);
  }
  return sums;
}

/**
 * Sets (a hash) or removes (null) the entries of these files in a folder's SHA256SUMS, replaced
 * whole and atomically; other lines are kept as they were (a folder the user chose may have
 * its own).
 */
function recordChecksums(dir: string, changes: Map<string, string | null>): void {
  const kept = checksumLines(dir).filter((line) => !changes.has(CHECKSUM_LINE.exec(line)?.[2] ?? ''));
  const added = [...changes].flatMap(([name, sum]) => (sum === null ? [] : [`${sum}  ${name}`]));
  const path = join(dir, CHECKSUMS);
  writeFileSync(`${path}.${process.pid}.partial`, [...kept, ...added].map((l) => `${l}\n`).join(''));
  renameSync(`${path}.${process.pid}.partial`, path);
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

/**
 * The backups rotation keeps (pure, for testing). Backups from the future (taken while the
 * clock ran fast, more than FUTURE_MS after `nowMs`) are rotated among themselves, so they
 * never push out today's.
 */
export function backupsToKeep(backups: { file: string; at: string }[], nowMs?: number): Set<string> {
  if (nowMs === undefined) return keepByAge(backups);
  const future = backups.filter((b) => Date.parse(b.at) > nowMs + FUTURE_MS);
  const present = backups.filter((b) => Date.parse(b.at) <= nowMs + FUTURE_MS);
  return new Set([...keepByAge(present), ...keepByAge(future)]);
}

function keepByAge(backups: { file: string; at: string }[]): Set<string> {
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

export function rotateBackups(dir: string, nowMs: number): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all, nowMs);
  const removed = all.filter((b) => !keep.has(b.file));
  for (const b of removed) rmSync(b.path, { force: true });
  if (removed.length) recordChecksums(dir, new Map(removed.map((b) => [b.file, null])));
  return removed.map((b) => b.file);
}

export function isBackupFile(path: string): boolean {
  return BACKUP_RE.test(basename(path));
}
