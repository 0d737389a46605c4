import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  BUDGET,
  KEEP,
  ZSTD,
  backupDatabase,
  backupsWithinBudget,
  checkIntegrity,
  databaseBytes,
} from '../../src-main/store/backup';
import { CACHE_DIR } from './fixture';
import type { BenchModule } from './harness';

// Backups of the bench district: one backup's size against the database's, the time to take
// one against the uncompressed backup of earlier versions (VACUUM INTO and integrity_check,
// the same work but the compression and its check), and the backups folder under the default
// rotation against twice the database. Targets: a backup at most a fifth of the database (so ten or
// more fit in the budget), taken in at most ×2.5 the time of an uncompressed one, and the
// folder at most ×2.0 the database.

const SIZE_MAX_RATIO = 0.2;
const TIME_MAX_RATIO = 2.5;
const DAY = 86_400_000;
/** Backups a workday takes in the simulated year: the daily one, a sync import, a manual one. */
const PER_DAY = 3;

/**
 * The largest the backups folder grows over 400 days of backups of `bytes` each under the
 * rotation within `budget`, and what it keeps at the end.
 */
function simulateYear(bytes: number, budget: number) {
  const start = Date.parse('2026-01-05T01:00:00Z');
  let folder: { file: string; at: string; bytes: number }[] = [];
  let largest = 0;
  for (let i = 0; i < 400 * PER_DAY; i++) {
    const now = start + Math.floor(i / PER_DAY) * DAY + (i % PER_DAY) * 3 * 3600_000;
    folder.push({ file: `b${i}`, at: new Date(now).toISOString(), bytes });
    const keep = backupsWithinBudget(folder, budget, now);
    folder = folder.filter((b) => keep.has(b.file));
    largest = Math.max(largest, folder.length * bytes);
  }
  const reachDays = Math.round((Date.parse(folder.at(-1)!.at) - Date.parse(folder[0]!.at)) / DAY);
  return { largest, kept: folder.length, reachDays };
}

/** The uncompressed backup of earlier versions: VACUUM INTO and its integrity check. */
export function plainBackup(db: Database.Database, path: string): number {
  rmSync(path, { force: true });
  db.prepare('VACUUM INTO ?').run(path);
  if (!checkIntegrity(path).ok) throw new Error('the plain copy failed its integrity check');
  rmSync(path);
  return 1;
}

const backups: BenchModule = {
  name: 'backups',
  cases({ db }) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const dir = mkdtempSync(join(CACHE_DIR, 'backups-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    // backupDatabase writes into backups/ beside the path it is given: here, under `dir`.
    const dbPath = join(dir, 'bench.db');
    const take = () => {
      rmSync(join(dir, 'backups'), { recursive: true, force: true });
      return backupDatabase(db, dbPath, Date.now(), 'bench');
    };
    let one: number | null = null;
    const oneBackup = () => (one ??= take().bytes);
    return [
      {
        name: `one backup's size (zstd level ${ZSTD.level}, hashLog ${ZSTD.hashLog}) against the database's`,
        size: () => ({ bytes: oneBackup(), baselineBytes: databaseBytes(db) }),
        baselineName: 'the database',
        maxRatio: SIZE_MAX_RATIO,
      },
      {
        name: 'take a backup (VACUUM INTO, integrity_check, zstd, check it decompresses, checksum)',
        run: () => (take(), 1),
        baseline: () => plainBackup(db, join(dir, 'plain.db')),
        baselineName: 'uncompressed backup as before (VACUUM INTO, integrity_check)',
        runs: 3,
        maxRatio: TIME_MAX_RATIO,
      },
      {
        name: 'backups folder under the default rotation, at its largest over a year',
        size: () => {
          const database = databaseBytes(db);
          const year = simulateYear(oneBackup(), BUDGET * database);
          const tiersAlone = simulateYear(oneBackup(), Infinity);
          const tiers = `${KEEP.newest}/${KEEP.daily}/${KEEP.weekly}/${KEEP.monthly}`;
          const ratioAlone = (tiersAlone.largest / database).toFixed(1);
          return {
            bytes: year.largest,
            baselineBytes: database,
            note: `[${PER_DAY} a day: ${year.kept} kept, back ${year.reachDays} days; the age tiers ${tiers} alone: ${tiersAlone.kept} kept, ×${ratioAlone}]`,
          };
        },
        baselineName: 'the database',
        maxRatio: BUDGET,
      },
    ];
  },
};

export default backups;
