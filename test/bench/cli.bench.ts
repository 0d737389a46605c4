import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { quarterOf, shiftQuarter } from '@shared/domain/quarter';
import type { BenchModule } from './harness';

// The command line as a user meets it: one `visit-ledger` process per call, through the bin
// (bin/visit-ledger.mjs, compiled build first: it is made here so the run measures it).
// `call staff.list` against a plain Node script that opens the same database with
// better-sqlite3 and prints the rows; `report quarterly --format xlsx` against the same command
// run from source through tsx, as every call ran before the CLI was compiled.

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/visit-ledger.mjs');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SOURCE_CLI = join(ROOT, 'src-main/doors/cli/cli.ts');
const BUILD = join(ROOT, 'src-main/doors/cli/build.ts');

/** Startup dominates a CLI call: at most this many times the plain script. */
const CALL_RATIO = 4;

const PLAIN_SCRIPT = `
import Database from 'better-sqlite3';
const db = new Database(process.argv[1], { readonly: true, fileMustExist: true });
process.stdout.write(JSON.stringify(db.prepare('SELECT * FROM staff').all(), null, 2) + '\\n');
db.close();`;

/** Runs node with `args` in the project folder; returns how many lines it printed. */
function node(args: string[]): number {
  const stdout = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  return stdout.split('\n').length - 1;
}

const cliBench: BenchModule = {
  name: 'cli',
  cases({ db }) {
    node([TSX, BUILD]);
    const dbFile = db.name;
    const last = (
      db.prepare(`SELECT max("date") AS d FROM visits WHERE "deletedAt" IS NULL`).get() as { d: string }
    ).d;
    const quarter = shiftQuarter(quarterOf(last), -1);
    const xlsx = join(tmpdir(), `visit-ledger-bench-${process.pid}.xlsx`);
    const report = ['report', 'quarterly', '--quarter', quarter, '--format', 'xlsx', '--out', xlsx];
    return [
      {
        name: 'visit-ledger call staff.list (one process)',
        run: () => node([BIN, '--db', dbFile, 'call', 'staff.list', '{}']),
        baseline: () => node(['--input-type=module', '-e', PLAIN_SCRIPT, dbFile]),
        baselineName: 'plain better-sqlite3 script',
        maxRatio: CALL_RATIO,
      },
      {
        name: `visit-ledger report quarterly ${quarter} --format xlsx`,
        run: () => node([BIN, '--db', dbFile, ...report]),
        baseline: () => node([TSX, SOURCE_CLI, '--db', dbFile, ...report]),
        baselineName: 'the same from source through tsx',
        maxRatio: 1,
        runs: 5,
      },
    ];
  },
};

export default cliBench;
