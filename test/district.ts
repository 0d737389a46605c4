import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../src-main/open';
import { GENERATOR_VERSION, seedDemo, type SeedCounts } from '../seeds/demo';
import { copyDatabaseFile } from './helpers';

// Seeding the demo district takes seconds, and several test files read the same one. The first
// to ask seeds it into the run's temporary folder (globalSetup.ts points TMPDIR at it, so the
// run removes it and the next run seeds again); the others copy that file as the same
// laptop's database. Two test workers asking at once: one seeds, the other waits for it.
// cachedDatabase does the same for other databases several files start from.

export interface District {
  seed: number;
  /** The generator's "today" (seedDemo's asOf). */
  asOf: string;
  /** The seeding laptop's clock, as an ISO time. */
  now: string;
  deviceName: string;
}

const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 600_000;

/** Blocks the thread: the seeding runs inside synchronous hooks too. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A database file made once in the run for `key` and what making it returned: the first to ask
 * runs `make(path)`, which leaves a closed database at `path` (one file, no WAL beside it); the
 * others wait for it. Copy the file with copyDatabaseFile to use it.
 */
export function cachedDatabase<T>(key: unknown[], make: (path: string) => T): { file: string; made: T } {
  const dir = join(tmpdir(), 'vl-districts');
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16);
  const file = join(dir, `${name}.db`);
  const madeFile = `${file}.made.json`;
  const read = () => ({ file, made: JSON.parse(readFileSync(madeFile, 'utf8')) as T });
  const lock = `${file}.lock`;
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    if (existsSync(madeFile)) return read();
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is making it (if it fails, its lock goes and this one tries).
      if (waited > WAIT_LIMIT_MS) throw new Error(`waited too long for the database ${file}`);
      sleep(WAIT_STEP_MS);
    }
  }
  try {
    if (existsSync(madeFile)) return read(); // made between the look and the lock
    const partial = `${file}.partial`;
    const made = make(partial);
    renameSync(partial, file);
    writeFileSync(`${madeFile}.partial`, JSON.stringify(made));
    renameSync(`${madeFile}.partial`, madeFile);
    return { file, made };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The cached district's file and its counts, seeding it if nobody has in this run. */
function cached(d: District): { file: string; made: SeedCounts } {
  return cachedDatabase(['demo', GENERATOR_VERSION, d.seed, d.asOf, d.now, d.deviceName], (path) => {
    const core = openCore(path, { now: () => Date.parse(d.now), deviceName: d.deviceName });
    try {
      const counts = seedDemo(core, { scale: 1, seed: d.seed, asOf: d.asOf });
      core.store.db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    } finally {
      core.store.close();
    }
  });
}

/**
 * Puts the demo district `d` at `path`, as the laptop that seeded it left it (closed, its
 * clock at `d.now`), and returns what seeding it reported.
 */
export function demoDistrictAt(path: string, d: District): SeedCounts {
  const { file, made } = cached(d);
  copyDatabaseFile(file, path);
  return made;
}

/** The district the demo tests read (seed.test.ts, seed-targets, seed-units), and changeLog.migration. */
export const SEED_TEST_DISTRICT: District = {
  seed: 1,
  asOf: '2026-11-23',
  now: '2026-11-23T20:00:00+08:00',
  deviceName: 'seed-test',
};

/**
 * A year of work (2026) seen in the new year, the district the reports are checked on against
 * independent computations (reports-crosscheck, reports-activities).
 */
export const REPORTS_TEST_DISTRICT: District = {
  seed: 11,
  asOf: '2026-12-31',
  now: '2027-01-04T09:00:00+08:00',
  deviceName: 'crosscheck',
};
