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

/** The cached district's file and its counts, seeding it if nobody has in this run. */
function cached(d: District): { file: string; counts: SeedCounts } {
  const dir = join(tmpdir(), 'vl-districts');
  mkdirSync(dir, { recursive: true });
  const key = createHash('sha256')
    .update(JSON.stringify([GENERATOR_VERSION, d.seed, d.asOf, d.now, d.deviceName]))
    .digest('hex')
    .slice(0, 16);
  const file = join(dir, `demo-${key}.db`);
  const countsFile = `${file}.counts.json`;
  const read = () => ({ file, counts: JSON.parse(readFileSync(countsFile, 'utf8')) as SeedCounts });
  const lock = `${file}.lock`;
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    if (existsSync(countsFile)) return read();
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is seeding it (if it fails, its lock goes and this one tries).
      if (waited > WAIT_LIMIT_MS) throw new Error(`waited too long for the demo district ${file}`);
      sleep(WAIT_STEP_MS);
    }
  }
  try {
    if (existsSync(countsFile)) return read(); // seeded between the look and the lock
    const partial = `${file}.partial`;
    const core = openCore(partial, { now: () => Date.parse(d.now), deviceName: d.deviceName });
    let counts: SeedCounts;
    try {
      counts = seedDemo(core, { scale: 1, seed: d.seed, asOf: d.asOf });
      core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      core.store.close();
    }
    renameSync(partial, file);
    writeFileSync(`${countsFile}.partial`, JSON.stringify(counts));
    renameSync(`${countsFile}.partial`, countsFile);
    return { file, counts };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Puts the demo district `d` at `path`, as the laptop that seeded it left it (closed, its
 * clock at `d.now`), and returns what seeding it reported.
 */
export function demoDistrictAt(path: string, d: District): SeedCounts {
  const { file, counts } = cached(d);
  copyDatabaseFile(file, path);
  return counts;
}

/** The district the demo tests read (seed.test.ts, seed-targets, seed-units), and changeLog.migration. */
export const SEED_TEST_DISTRICT: District = {
  seed: 1,
  asOf: '2026-11-23',
  now: '2026-11-23T20:00:00+08:00',
  deviceName: 'seed-test',
};
