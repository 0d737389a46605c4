import { spawnSync } from 'node:child_process';
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

/** Seeds the demo district (×1, the app's first start) into a new file and times the seed alone. */
export function timeDemoSeed(): DemoSeedTime {
  const dir = mkdtempSync(join(tmpdir(), 'vl-bench-demo-'));
  try {
    const core = openCore(join(dir, 'demo.db'), { deviceName: 'bench' });
    try {
      const started = performance.now();
      const counts = seedDemo(core, { scale: 1 });
      return { ms: performance.now() - started, counts };
    } finally {
      core.store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
