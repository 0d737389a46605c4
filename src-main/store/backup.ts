import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
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
import { DamagedCompressedError, type Destination } from './compressed';
import { GZIP_MAGIC, gunzipFile, gzipFile } from './gzipFile';
import { ZSTD_MAGIC, unzstdFile, zstdFile, type ZstdSettings } from './zstdFile';
// Subpath imports: the package root loads all of date-fns (~2 s at every CLI start).
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

// Backups: consistent copies of the whole database taken with VACUUM INTO (one read
// transaction; cannot run inside a write transaction), checked with integrity_check before
// they count, then compressed with zstd (store/zstdFile.ts; a copy is ×5 smaller) and
// checked again: the compressed file must give back exactly the checked copy. Backups of the
// previous version are gzipped (store/gzipFile.ts), those of earlier versions plain database
// files; all three kinds are listed, checked, rotated and restored, told apart by their first
// bytes. Rotation keeps the newest 10, then one a day for 7 days, one a week for 4 weeks and
// one a month for 12 months, within twice the database's size: when not all fit, the ones kept
// are spread over days, weeks and months (see backupsWithinBudget).
// The SHA-256 of each file as it lies in the folder (compressed or not) is written beside it
// when it is taken, in the folder's SHA256SUMS (as sha256sum writes it, so `sha256sum -c`
// checks it too), and checked before it is restored: integrity_check sees a broken structure,
// not a changed value.

export const BACKUP_RE = /^visit-ledger-(\d{8}T\d{6})(\d{3})-([a-z0-9-]+)\.db(?:\.zst|\.gz)?$/;
const BAD_SUFFIX = '.corrupt';
export const KEEP = { newest: 10, daily: 7, weekly: 4, monthly: 12 } as const;
/** The backups folder holds at most this many times the database's size. */
export const BUDGET = 2;
/** The newest backups kept even over the budget. */
const ALWAYS_KEPT = 2;
/**
 * zstd level 6 with a hash table of 2^17 entries (level 6's own has 2^20). On the ×20 bench
 * district (its 462 MB VACUUM INTO copy, in 4 MiB frames; CPU times on a loaded machine, from
 * runs side by side): level 3 gives ×0.209 of the copy, over the target of a fifth; level 5
 * ×0.200; level 6 ×0.189, but its table is 4 MiB, out of the cache: the whole backup took
 * ×2.5-3.0 the CPU of the plain copy. With 2^17 entries (512 KiB) ×0.195 for ×1.9-2.6
 * (test/bench/backups-cpu.ts, the load changing); gzip level 3 gives ×0.266. Larger frames
 * gain 2% at most.
 */
export const ZSTD: ZstdSettings = { level: 6, hashLog: 17 };
/**
 * gzip level 3 (backups the user names .gz): on the demo district, 0.6 s for a copy ×7.3
 * smaller; level 6 takes ×2.8 the time to be 9% smaller, level 1 is as fast and 5% larger (zlib
 * on its VACUUM INTO copy, 72 MB).
 */
export const GZIP_LEVEL = 3;

interface Compression {
  /** What the name of a file written with it ends in. */
  suffix: string;
  /** What a file written with it starts with (a SQLite database starts with "SQLite format 3"). */
  magic: Buffer;
  /** Compresses into a new file; its SHA-256. */
  compress(src: string, dest: string): string;
  decompress(src: string, to: Destination): void;
}

const COMPRESSIONS: readonly Compression[] = [
  {
    suffix: '.zst',
    magic: ZSTD_MAGIC,
    compress: (s, d) => zstdFile(s, d, ZSTD),
    decompress: unzstdFile,
  },
  {
    suffix: '.gz',
    magic: GZIP_MAGIC,
    compress: (s, d) => gzipFile(s, d, GZIP_LEVEL),
    decompress: gunzipFile,
  },
];

/** The compression a file is written with, told by its name: none but for .zst and .gz. */
const compressionNamed = (path: string) => COMPRESSIONS.find((c) => path.endsWith(c.suffix));

/** The compression a file was written with, told by its first bytes; none for a plain one. */
function compressionOf(path: string): Compression | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, head.length, 0);
    return COMPRESSIONS.find((c) => n >= c.magic.length && head.subarray(0, c.magic.length).equals(c.magic));
  } finally {
    closeSync(fd);
  }
}
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
  const file = `visit-ledger-${stampOf(ms)}-${safeReason}.db${COMPRESSIONS[0]!.suffix}`;
  const path = join(dir, file);
  writeCheckedCopy(db, path);
  rotateBackups(dir, nowMs, BUDGET * databaseBytes(db));
  return { file, path, at: new Date(ms).toISOString(), reason: safeReason, bytes: statSync(path).size };
}

/** The newest backup not taken by a clock that ran fast (backups sorted newest first). */
export function newestBackup<B extends { at: string }>(backups: B[], nowMs: number): B | undefined {
  return backups.find((b) => !isFuture(b, nowMs));
}

/** The database's size, the pages in its write-ahead log included. */
export function databaseBytes(db: Database.Database): number {
  return (
    (db.pragma('page_count', { simple: true }) as number) *
    (db.pragma('page_size', { simple: true }) as number)
  );
}

/**
 * VACUUM INTO a temporary name, integrity-check, compress when the name ends in .zst or .gz
 * (and check that the compressed file gives back the checked copy), write its checksum, then
 * rename into place (the checksum first: a listed backup has one, unless an older version took it).
 */
export function writeCheckedCopy(db: Database.Database, path: string): void {
  const compression = compressionNamed(path);
  const plain = compression ? path.slice(0, -compression.suffix.length) : path;
  const partial = `${path}.partial`;
  const copy = `${plain}.partial`;
  rmSync(partial, { force: true });
  rmSync(copy, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(copy);
    const check = checkIntegrity(copy);
    if (!check.ok) {
      renameSync(copy, `${plain}${BAD_SUFFIX}`);
      throw new Error(`the backup failed its integrity check (${check.message}) and was set aside`);
    }
    let sha256: string;
    if (compression) {
      sha256 = compression.compress(copy, partial);
      compression.decompress(partial, { sameAs: copy });
    } else {
      sha256 = sha256OfFile(partial);
    }
    recordChecksums(dirname(path), new Map([[basename(path), sha256]]));
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
    rmSync(copy, { force: true });
  }
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

export type BackupState = { checksum: ChecksumState; damaged: boolean };

// A compressed backup without a checksum is checked by decompressing it (without writing).
const inflated = new Map<string, { key: string; intact: boolean }>();

/**
 * Whether a backup is damaged: its checksum does not match, or, without one, a compressed
 * backup does not decompress (truncated, or a CRC-32 that does not match). Whether the content
 * is a sound database is checked on the decompressed copy before a restore.
 */
export function backupState(path: string): BackupState {
  try {
    const checksum = checkChecksum(path);
    const compression = checksum === 'unverified' ? compressionOf(path) : undefined;
    if (!compression) return { checksum, damaged: checksum === 'mismatch' };
    const st = statSync(path);
    const key = `${st.size}:${st.mtimeMs}`;
    let known = inflated.get(path);
    if (known?.key !== key) {
      known = { key, intact: decompresses(path, compression) };
      inflated.set(path, known);
    }
    return { checksum, damaged: !known.intact };
  } catch (e) {
    // Unreadable (or removed since the folder was read): listed, and not offered for restore.
    if ((e as NodeJS.ErrnoException).code) return { checksum: 'unverified', damaged: true };
    throw e;
  }
}

function decompresses(path: string, compression: Compression): boolean {
  try {
    compression.decompress(path, null);
    return true;
  } catch (e) {
    if (e instanceof DamagedCompressedError) return false;
    throw e;
  }
}

/**
 * A backup as a database file at `dest` (synced to disk): decompressed, or copied when it is a
 * plain one an earlier version took. Throws DamagedCompressedError for a compressed one that
 * does not decompress.
 */
export function extractBackup(path: string, dest: string): void {
  const compression = compressionOf(path);
  if (compression) compression.decompress(path, { file: dest });
  else {
    copyFileSync(path, dest);
    const fd = openSync(dest, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
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
export function backupsToKeep(
  backups: { file: string; at: string }[],
  nowMs?: number,
  tiers: Tiers = KEEP,
): Set<string> {
  if (nowMs === undefined) return keepByAge(backups, tiers);
  const future = backups.filter((b) => isFuture(b, nowMs));
  const present = backups.filter((b) => !isFuture(b, nowMs));
  return new Set([...keepByAge(present, tiers), ...keepByAge(future, tiers)]);
}

type Tiers = { [T in keyof typeof KEEP]: number };

const isFuture = (b: { at: string }, nowMs: number) => Date.parse(b.at) > nowMs + FUTURE_MS;

function keepByAge(backups: { file: string; at: string }[], tiers: Tiers): Set<string> {
  const sorted = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const keep = new Set(sorted.slice(0, tiers.newest).map((b) => b.file));
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
  bucketed((at) => at.slice(0, 10), tiers.daily);
  bucketed((at) => isoWeek(at), tiers.weekly);
  bucketed((at) => at.slice(0, 7), tiers.monthly);
  return keep;
}

function isoWeek(at: string): string {
  const local = new Date(Number(at.slice(0, 4)), Number(at.slice(5, 7)) - 1, Number(at.slice(8, 10)));
  return `${getISOWeekYear(local)}-W${getISOWeek(local)}`;
}

/**
 * The backups rotation keeps within a budget in bytes (pure, for testing). Those the age tiers
 * keep are taken in order of value, each while it still fits: the newest two always (the one
 * just taken, as the safety backup before a restore or a migration is, and the one before it:
 * two restores in a row keep both safety backups); then one a day, one a week and one a month
 * in turn, newest first in each, so that a budget of a few backups still reaches back months
 * rather than days; then the rest of the newest ten (minutes apart, mostly); backups from the
 * future last (their age is unknown).
 */
export function backupsWithinBudget(
  backups: { file: string; at: string; bytes: number }[],
  budget: number,
  nowMs: number,
): Set<string> {
  const kept = backupsToKeep(backups, nowMs);
  const newestFirst = (list: typeof backups) => [...list].sort((x, y) => y.at.localeCompare(x.at));
  const present = newestFirst(backups.filter((b) => !isFuture(b, nowMs)));
  const newest = present.slice(0, ALWAYS_KEPT);
  const none = { newest: 0, daily: 0, weekly: 0, monthly: 0 };
  const tiers = (['daily', 'weekly', 'monthly'] as const).map((tier) => {
    const picked = keepByAge(present, { ...none, [tier]: KEEP[tier] });
    return present.filter((b) => picked.has(b.file));
  });
  const spread = Array.from({ length: Math.max(...tiers.map((t) => t.length)) }, (_, i) =>
    tiers.flatMap((t) => t[i] ?? []),
  ).flat();
  const order = [...newest, ...spread, ...present, ...newestFirst(backups)].filter((b) => kept.has(b.file));
  const keep = new Set(newest.map((b) => b.file));
  let total = newest.reduce((sum, b) => sum + b.bytes, 0);
  for (const b of order) {
    if (keep.has(b.file) || total + b.bytes > budget) continue;
    keep.add(b.file);
    total += b.bytes;
  }
  return keep;
}

/** A backup's temporary file not written to for this long was left by a backup cut short. */
const STALE_PARTIAL_MS = 3600_000;
const PARTIAL_RE = /^visit-ledger-.*\.partial$/;

export function rotateBackups(dir: string, nowMs: number, budget = Infinity): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // File times are the system's, not the store's clock.
    if (PARTIAL_RE.test(name) && Date.now() - statSync(path).mtimeMs > STALE_PARTIAL_MS)
      rmSync(path, { force: true });
  }
  const all = listBackups(dir);
  const keep = backupsWithinBudget(all, budget, nowMs);
  const removed = all.filter((b) => !keep.has(b.file));
  for (const b of removed) rmSync(b.path, { force: true });
  if (removed.length) recordChecksums(dir, new Map(removed.map((b) => [b.file, null])));
  return removed.map((b) => b.file);
}

export function isBackupFile(path: string): boolean {
  return BACKUP_RE.test(basename(path));
}
