import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../src-main/open';
import { shanghaiDate } from '@shared/domain/dates';
import { GENERATOR_VERSION, seedDemo, type SeedCounts } from '../../seeds/demo';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';

// The benchmarks' database: the demo district at a large scale, seeded once into
// .bench-cache/ and reused while the generator's version and the schema are the same (a file
// migrated since keeps the pages an older layout needed, which its size line would count).

export const CACHE_DIR = fileURLToPath(new URL('../../.bench-cache/', import.meta.url));

export interface FixtureInfo {
  generatorVersion: number;
  /** The schema it was seeded at. */
  schemaVersion?: number;
  scale: number;
  seed: number;
  asOf: string;
  /** How long seeding took when the file was made. */
  seedMs: number;
  counts: SeedCounts;
  madeAt: string;
}

export interface Fixture {
  path: string;
  info: FixtureInfo;
  /** True when this run made the file (so the seed time was measured now). */
  created: boolean;
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function readInfo(path: string): FixtureInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FixtureInfo;
  } catch {
    return null;
  }
}

export function ensureDemo(scale: number, seed = 1, log: (line: string) => void = () => {}): Fixture {
  mkdirSync(CACHE_DIR, { recursive: true });
  const base = join(CACHE_DIR, `demo-x${scale}-seed${seed}`);
  const path = `${base}.db`;
  const infoPath = `${base}.json`;
  const cached = existsSync(path) ? readInfo(infoPath) : null;
  if (
    cached &&
    cached.generatorVersion === GENERATOR_VERSION &&
    cached.schemaVersion === SCHEMA_VERSION &&
    cached.scale === scale &&
    cached.seed === seed
  ) {
    return { path, info: cached, created: false };
  }

  log(`seeding the demo district ×${scale} into ${path} (generator v${GENERATOR_VERSION}) …`);
  removeDb(path);
  rmSync(infoPath, { force: true });
  const tmp = `${base}.tmp.db`;
  removeDb(tmp);
  const core = openCore(tmp, { deviceName: 'bench' });
  const asOf = shanghaiDate(core.store.now());
  const started = performance.now();
  const counts = seedDemo(core, { scale, seed, asOf });
  const seedMs = performance.now() - started;
  core.store.close();
  renameSync(tmp, path);
  const info: FixtureInfo = {
    generatorVersion: GENERATOR_VERSION,
    schemaVersion: SCHEMA_VERSION,
    scale,
    seed,
    asOf,
    seedMs,
    counts,
    madeAt: new Date().toISOString(),
  };
  writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
  return { path, info, created: true };
}

export interface DemoSeedTime {
  ms: number;
  counts: SeedCounts;
  /** The plain baseline in the same process (plainLoad): its time and the rows it loaded. */
  baseline: { ms: number; rows: number };
}

/**
 * The demo seed of `runs` first starts, each in a new process (demo-seed-child.ts) as a first
 * start is: the code it runs is not yet compiled by V8, which costs a first seed about a third
 * more than a repeated one in one process. Sorted by time.
 */
export function timeFirstStartSeeds(runs: number): DemoSeedTime[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const child = [
    join(root, 'node_modules/tsx/dist/cli.mjs'),
    fileURLToPath(new URL('./demo-seed-child.ts', import.meta.url)),
  ];
  const times: DemoSeedTime[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, child, { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`the demo seed child failed: ${run.stderr || run.error?.message}`);
    times.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as DemoSeedTime);
  }
  return times.sort((a, b) => a.ms - b.ms);
}

/**
 * Seeds the demo district (×1, the app's first start) into a new file and times the seed alone;
 * then its plain baseline.
 */
export function timeDemoSeed(): DemoSeedTime {
  const dir = mkdtempSync(join(tmpdir(), 'vl-bench-demo-'));
  try {
    const seeded = join(dir, 'demo.db');
    const core = openCore(seeded, { deviceName: 'bench' });
    let ms: number;
    let counts: SeedCounts;
    try {
      const started = performance.now();
      counts = seedDemo(core, { scale: 1 });
      ms = performance.now() - started;
    } finally {
      core.store.close();
    }
    return { ms, counts, baseline: plainLoad(seeded, join(dir, 'plain.db')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor a seed's writes can reach on this machine at this moment: every row of the seeded
 * file's tables (the change log's included; the text index apart, which has no rows to select)
 * loaded into a new file with plain SQL, one INSERT … SELECT a table, the indexes built after,
 * in one transaction, with the settings a seed of a new file writes with (a rollback journal,
 * withRollbackJournal; synchronous FULL).
 */
function plainLoad(from: string, to: string): { ms: number; rows: number } {
  const db = new Database(to);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.prepare('ATTACH DATABASE ? AS src').run(from);
    // Plain tables only: SQLite lists the text index's virtual table and its shadow tables apart.
    const items = db
      .prepare(
        `SELECT m."type", m."name", m."sql" FROM src.sqlite_master m
         WHERE m."sql" IS NOT NULL AND m."type" IN ('table','index') AND m."tbl_name" IN (
           SELECT "name" FROM pragma_table_list WHERE "schema" = 'src' AND "type" = 'table'
             AND "name" NOT LIKE 'sqlite\\_%' ESCAPE '\\')`,
      )
      .all() as { type: 'table' | 'index'; name: string; sql: string }[];
    const tables = items.filter((i) => i.type === 'table');
    const started = performance.now();
    let rows = 0;
    db.transaction(() => {
      for (const t of tables) {
        db.exec(t.sql);
        rows += db.prepare(`INSERT INTO main."${t.name}" SELECT * FROM src."${t.name}"`).run().changes;
      }
      for (const i of items) if (i.type === 'index') db.exec(i.sql);
    })();
    return { ms: performance.now() - started, rows };
  } finally {
    db.close();
  }
}
