import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { openCore } from '../../src-main/open';
import { bundleChild, integrity } from '../crashTools';
import { call } from '../../src-main/dispatch';
import { copyDatabaseFile, makeCore, tempDir } from '../helpers';
import { generateWork, joinLike } from './sync-workload';
import { RECORD_TABLES } from '../recordTables';

// An import killed (SIGKILL) mid-way — while the file is read and checked, while the backup is
// taken, while changes are applied, while the transaction commits — must leave the database
// sound (integrity_check) and exactly as before the import or exactly as after it: never half
// an import, and never without an import that had returned. `npm test` aims one kill at each
// phase of the import (sync.crash.test.ts); the soak kills at random moments
// (test/soak/sync.crash.test.ts).

const ROOT = resolve(__dirname, '../..');
const CHANGES = 20_000;
const PASS = 'correct horse battery staple';

interface Run {
  lines: string[];
  killed: boolean;
}

/** When to kill the child: `delayMs` after it is ready, or as soon as it says a line starting `said`. */
export type Aim = { delayMs: number } | { said: string };

/** Runs the child on a database and kills it as aimed (never, if null). */
function runChild(child: string, db: string, file: string, aim: Aim | null): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, db, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    let sent = false;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!aim || sent) return;
      if ('said' in aim) {
        // Whole lines only (the last piece may be the start of one).
        if (
          out
            .split('\n')
            .slice(0, -1)
            .some((l) => l.startsWith(aim.said))
        ) {
          sent = true;
          p.kill('SIGKILL');
        }
      } else if (!timer && out.includes('READY\n')) timer = setTimeout(() => p.kill('SIGKILL'), aim.delayMs);
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child failed (${code}): ${err}${out}`));
      else done({ lines: out.split('\n').filter(Boolean), killed: signal === 'SIGKILL' });
    });
  });
}

/** What an import changes: records (without per-device bookkeeping), the change log, conflicts, the import history. */
function state(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const records = RECORD_TABLES.map((t) =>
      (db.prepare(`SELECT * FROM "${t}" ORDER BY "id"`).all() as Record<string, unknown>[]).map(
        ({ updatedAt: _u, updatedByDevice: _d, updatedByStaff: _s, ...rest }) => rest,
      ),
    );
    const changes = db
      .prepare(`SELECT "hlc","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "hlc"`)
      .raw(true)
      .all();
    const conflicts = db
      .prepare(`SELECT "winnerHlc","loserHlc" FROM conflicts ORDER BY 1, 2`)
      .raw(true)
      .all();
    const imports = db.prepare(`SELECT count(*) FROM sync_imports`).pluck().get();
    return JSON.stringify({ records, changes, conflicts, imports });
  } finally {
    db.close();
  }
}

/** A laptop's database and a sync file to import into it, and what the import leaves. */
export interface CrashCase {
  /** The changes in the file. */
  made: number;
  /** Milliseconds the import took unkilled. */
  took: number;
  /** The phases the unkilled import went through, in order. */
  phases: string[];
  /** Kills so far, and where they left the database. */
  runs: number;
  sawBefore: number;
  sawAfter: number;
  partial: number;
  lost: number;
  /** Kills by the phase the child had last said ('ready' before any, 'returned' after the import). */
  landed: Record<string, number>;
  kill(aim: Aim): Promise<void>;
}

/** Builds the import (a full file of CHANGES changes) and runs it once unkilled. */
export async function crashCase(): Promise<CrashCase> {
  const child = bundleChild('test/integration/sync-crash-child.ts');
  const work = tempDir();
  // The laptop that made the changes, with its clock in the past so that the stamps it
  // writes (and what an import derives from them) do not depend on when the test runs.
  const source = makeCore({ path: ':memory:', now: new Date(Date.now() - 2 * 86_400_000).toISOString() });
  source.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  // The receiving laptop already holds part of the work and has edited some of it, so
  // the import also weighs incoming changes against local ones and records conflicts.
  const target = makeCore({ path: join(work, 'template.db') });
  joinLike(source.core, target.core);
  generateWork(source.core, 2_000, 'MB');
  target.ok('sync.import', { contentBase64: source.ok('sync.export', {}).contentBase64! });
  for (const e of target.ok('enterprises.list', { limit: 10 }).rows)
    target.ok('enterprises.update', { id: e.id, address: '本机修改的地址' });
  for (const e of source.ok('enterprises.list', { limit: 20 }).rows)
    source.ok('enterprises.update', { id: e.id, address: '对方修改的地址' });
  const made = generateWork(source.core, CHANGES, 'MC');
  const file = join(work, 'full.vlsync');
  writeFileSync(file, Buffer.from(source.ok('sync.export', { full: true }).contentBase64!, 'base64'));
  target.core.store.close(); // checkpoints the WAL: the template is one file
  const before = state(join(work, 'template.db'));

  let copies = 0;
  const fresh = () => {
    const dir = join(work, `copy-${copies++}`);
    mkdirSync(dir);
    const db = join(dir, 'ledger.db');
    copyDatabaseFile(join(work, 'template.db'), db);
    return db;
  };
  // The import left to finish: what "after" is, and how long an import takes.
  const reference = fresh();
  const whole = await runChild(child, reference, file, null);
  const took = Number(whole.lines.find((l) => l.startsWith('DONE '))?.slice(5));
  expect(took).toBeGreaterThan(0);
  const after = state(reference);
  expect(after).not.toBe(before);

  let retried = false;
  const c: CrashCase = {
    made,
    took,
    phases: whole.lines.filter((l) => l.startsWith('PHASE ')).map((l) => l.slice(6)),
    runs: 0,
    sawBefore: 0,
    sawAfter: 0,
    partial: 0,
    lost: 0,
    landed: {},
    async kill(aim) {
      const db = fresh();
      c.runs += 1;
      const run = await runChild(child, db, file, aim);
      const last = run.lines.findLast((l) => /^(READY|PHASE |DONE)/.test(l)) ?? '';
      const where = last.startsWith('PHASE ')
        ? last.slice(6)
        : last.startsWith('DONE')
          ? 'returned'
          : 'ready';
      c.landed[where] = (c.landed[where] ?? 0) + 1;
      expect(integrity(db), `integrity after a kill (${JSON.stringify(aim)})`).toBe('ok');
      // The app opens it (recovering the write-ahead log) …
      openCore(db).store.close();
      const now = state(db);
      const returned = run.lines.some((l) => l.startsWith('DONE'));
      if (now === after) c.sawAfter += 1;
      else if (now === before) {
        c.sawBefore += 1;
        if (returned) c.lost += 1; // an import that had returned must have stayed
      } else c.partial += 1;
      // … and the same file then imports normally.
      if (now === before && !retried) {
        const core = openCore(db);
        const r = call(core, 'sync.import', { path: file });
        core.store.close();
        expect(r.ok).toBe(true);
        expect(state(db)).toBe(after);
        retried = true;
      }
    },
  };
  return c;
}

/**
 * Kills later until one kill has landed after the commit, and earlier until one has landed
 * before it (a loaded machine can make the child slower than the unkilled run), then checks
 * that no kill left half an import or lost one that had returned.
 */
export async function expectWholeImports(c: CrashCase): Promise<void> {
  for (let k = 2; c.sawAfter === 0 && k <= 32; k *= 2) await c.kill({ delayMs: c.took * k });
  for (let k = 4; c.sawBefore === 0 && k <= 64; k *= 2) await c.kill({ delayMs: Math.round(c.took / k) });
  console.log(
    `sync crash: ${c.runs} kills during an import of ${c.made} changes (${c.took} ms unkilled): ` +
      `${c.sawBefore} left as before, ${c.sawAfter} as after, ${c.partial} partial, ${c.lost} lost; ` +
      `landed in ${JSON.stringify(c.landed)}`,
  );
  expect(c.partial).toBe(0);
  expect(c.lost).toBe(0);
  // The kills did land on both sides of the commit.
  expect(c.sawBefore).toBeGreaterThan(0);
  expect(c.sawAfter).toBeGreaterThan(0);
}
