// `npm run bench [-- [MODULE] --scale N] [--runs N] [--module NAME] [--only TEXT]`: seeds (or
// reuses) the demo district at scale N (default 20) in .bench-cache/, runs every
// test/bench/*.bench.ts module (or one: `npm run bench -- reports`; `--only` keeps the cases
// whose name contains TEXT) against it and prints one table with each case's time, target and
// PASS/MISS. Each case is timed as the median of several runs after a warm-up; a
// module or case that fails shows as ERROR (and the exit code is 1) without stopping the others.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import { ensureDemo, timeFirstStartSeeds } from './fixture';
import {
  formatTable,
  isSizeCase,
  judged,
  measure,
  type BenchCase,
  type BenchModule,
  type ResultLine,
  type SizeCase,
} from './harness';
import type { SeedCounts } from '../../seeds/demo';

const SEED_TARGET_MS = 60_000;
/** The demo district a staff member's first start of the app waits for. */
const DEMO_SEED_TARGET_MS = 2_000;
/** First starts timed (an odd number: the median is one of them). */
const DEMO_SEED_RUNS = 3;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

interface Loaded {
  file: string;
  module: BenchModule | null;
  error?: string;
}

/** Every test/bench/*.bench.ts module; one that fails to load is reported, not fatal. */
async function loadModules(): Promise<Loaded[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const loaded: Loaded[] = [];
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: BenchModule };
      loaded.push({ file, module: mod.default });
    } catch (e) {
      loaded.push({ file, module: null, error: message(e) });
    }
  }
  return loaded;
}

/** The first argument that is neither an option nor an option's value: a module name. */
function positionalModule(): string {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith('--')) i++;
    else return args[i]!;
  }
  return '';
}

/** Issue 19: the ×20 district's database under 500 MB; in proportion at other scales. */
const SIZE_TARGET_MB_AT_20 = 500;

/** The database's size (its pages in use), set against the target for this scale. */
function databaseSize(core: Core, scale: number): SizeCase {
  const db = core.store.db;
  const pragma = (name: string) => db.pragma(name, { simple: true }) as number;
  const targetMb = (SIZE_TARGET_MB_AT_20 * scale) / 20;
  return {
    name: 'database size',
    size: () => ({
      bytes: (pragma('page_count') - pragma('freelist_count')) * pragma('page_size'),
      baselineBytes: targetMb * 1e6,
      note: `[${(db.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number).toLocaleString('en')} changes in the log]`,
    }),
    baselineName: `the target at ×${scale}: ${SIZE_TARGET_MB_AT_20} MB at ×20, in proportion`,
    maxRatio: 1,
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

async function main(): Promise<void> {
  const scale = option('scale', 20);
  const runs = option('runs', 15);
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : '';
  const moduleAt = process.argv.indexOf('--module');
  const onlyModule = moduleAt >= 0 ? (process.argv[moduleAt + 1] ?? '') : positionalModule();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const fixture = ensureDemo(scale, 1, log);
  const { info } = fixture;
  const records = (counts: SeedCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
  const described = (counts: SeedCounts) =>
    Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
  log(`seeding the demo district ×1, ${DEMO_SEED_RUNS} first starts …`);
  const seeds = timeFirstStartSeeds(DEMO_SEED_RUNS);
  const demo = seeds[Math.floor(seeds.length / 2)]!;
  const lines: ResultLine[] = [
    {
      operation: `seed --scale ${scale} (${described(info.counts)})`,
      rows: records(info.counts),
      ms: info.seedMs,
      ratio: null,
      targetMs: SEED_TARGET_MS,
      note: fixture.created ? '' : `[cached, made ${info.madeAt.slice(0, 16)}]`,
    },
    {
      operation: `seed, the demo district of a first start (${described(demo.counts)})`,
      rows: records(demo.counts),
      ms: demo.ms,
      ratio: demo.ms / demo.baseline.ms,
      targetMs: DEMO_SEED_TARGET_MS,
      note: `[median of ${seeds.length} first starts, each a new process: ${seeds.map((r) => r.ms.toFixed(0)).join(', ')} ms]`,
    },
    {
      // The same process's: how fast the machine wrote at that moment.
      operation:
        '    baseline: its rows loaded with plain SQL into a new file (INSERT … SELECT, indexes after)',
      rows: demo.baseline.rows,
      ms: demo.baseline.ms,
      ratio: null,
      targetMs: null,
    },
  ];

  // With the comparison worker, as the window and the web mode open the core.
  const core = openCore(fixture.path, {
    deviceName: 'bench',
    reportsWorker: new URL('../../src-main/features/reports/comparisonWorker.ts', import.meta.url),
  });
  lines.push(...sizeLines(`database size at ×${scale}`, databaseSize(core, scale)));
  const failed = (operation: string, e: unknown): ResultLine => ({
    operation,
    rows: 0,
    ms: 0,
    ratio: null,
    targetMs: null,
    error: message(e),
  });
  try {
    for (const { file, module, error } of await loadModules()) {
      if (onlyModule && module?.name !== onlyModule && !file.startsWith(`${onlyModule}.`)) continue;
      if (!module) {
        lines.push(failed(file, error));
        continue;
      }
      let cases: (BenchCase | SizeCase)[];
      try {
        cases = module.cases({ core, db: core.store.db });
      } catch (e) {
        lines.push(failed(module.name, e));
        continue;
      }
      for (const c of cases) {
        const operation = `${module.name}: ${c.name}`;
        if (only && !operation.includes(only)) continue;
        log(operation);
        if (isSizeCase(c)) {
          lines.push(...sizeLines(operation, c));
          continue;
        }
        try {
          const caseRuns = Math.min(c.runs ?? runs, runs);
          const op = measure(() => c.run(), { runs: caseRuns });
          const base = c.baseline ? measure(c.baseline, { runs: caseRuns }) : null;
          lines.push({
            operation,
            rows: op.rows,
            ms: op.ms,
            ratio: base && base.ms > 0 ? op.ms / base.ms : null,
            targetMs: c.targetMs ?? null,
            maxRatio: c.maxRatio ?? null,
            note: caseRuns < runs ? `[${caseRuns} runs]` : '',
          });
          if (base) {
            lines.push({
              operation: `    baseline: ${c.baselineName ?? 'plain SQL'}`,
              rows: base.rows,
              ms: base.ms,
              ratio: null,
              targetMs: null,
            });
          }
        } catch (e) {
          lines.push(failed(operation, e));
        }
      }
    }
  } finally {
    core.store.close();
  }
  process.stdout.write(`\n${formatTable(lines)}\n`);
  const withTarget = lines.filter((l) => judged(l) !== null);
  const met = withTarget.filter((l) => judged(l)).length;
  const errors = lines.filter((l) => l.error).length;
  process.stdout.write(
    `\n${met} of ${withTarget.length} targets met${errors ? `, ${errors} failed` : ''} (times are medians of ${runs} runs after 3 warm-up runs)\n`,
  );
  if (errors) process.exitCode = 1;
}

/** A size case's line and its baseline's, or its error. */
function sizeLines(operation: string, c: SizeCase): ResultLine[] {
  try {
    const { bytes, baselineBytes, note } = c.size();
    const line = { ms: 0, targetMs: null, size: true };
    return [
      { ...line, operation, note, rows: bytes, ratio: bytes / baselineBytes, maxRatio: c.maxRatio },
      { ...line, operation: `    baseline: ${c.baselineName}`, rows: baselineBytes, ratio: null },
    ];
  } catch (e) {
    return [{ operation, rows: 0, ms: 0, ratio: null, targetMs: null, error: message(e) }];
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
