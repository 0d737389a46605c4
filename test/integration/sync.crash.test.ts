import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../../src-main/open';
import { bundleChild, integrity } from '../crashTools';
import { call } from '../../src-main/dispatch';
import { copyDatabaseFile, makeCore, tempDir } from '../helpers';
import { generateWork, joinLike } from './sync-workload';
import { RECORD_TABLES } from '../recordTables';

// An import killed (SIGKILL) at random moments — while the backup is taken, while the file
// is read, while changes are applied, while the transaction commits — must leave the
// database sound (integrity_check) and exactly as before the import or exactly as after
// it: never half an import.

const ROOT = resolve(__dirname, '../..');
let CHILD = '';
const CHANGES = 20_000;
const KILLS = 12;
const PASS = 'correct horse battery staple';

beforeAll(() => {
  CHILD = bundleChild('test/integration/sync-crash-child.ts');
});

interface Run {
  lines: string[];
  killed: boolean;
}

/** Runs the child on a database; kills it `delayMs` after it is ready (never, if null). */
function runChild(db: string, file: string, delayMs: number | null): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [CHILD, db, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (delayMs !== null && !timer && out.includes('READY\n'))
        timer = setTimeout(() => p.kill('SIGKILL'), delayMs);
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

// A seeded generator so a failing run can be repeated.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('crash safety of sync import', () => {
  it(`an import killed at ${KILLS} random moments leaves the database as before or as after, never in between`, async () => {
    const rand = random(2026);
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

    // The import left to finish: what "after" is, and how long an import takes.
    const fresh = (name: string) => {
      const dir = join(work, name);
      mkdirSync(dir);
      const db = join(dir, 'ledger.db');
      copyDatabaseFile(join(work, 'template.db'), db);
      return db;
    };
    const reference = fresh('reference');
    const whole = await runChild(reference, file, null);
    const took = Number(whole.lines.find((l) => l.startsWith('DONE '))?.slice(5));
    expect(took).toBeGreaterThan(0);
    const after = state(reference);
    expect(after).not.toBe(before);

    let sawBefore = 0;
    let sawAfter = 0;
    let partial = 0;
    let lost = 0;
    let retried = false;
    let runs = 0;
    const killAt = async (delay: number) => {
      const db = fresh(`kill-${runs++}`);
      const run = await runChild(db, file, delay);
      expect(integrity(db), `integrity after a kill at ${delay} ms`).toBe('ok');
      // The app opens it (recovering the write-ahead log) …
      openCore(db).store.close();
      const now = state(db);
      const returned = run.lines.some((l) => l.startsWith('DONE'));
      if (now === after) sawAfter += 1;
      else if (now === before) {
        sawBefore += 1;
        if (returned) lost += 1; // an import that had returned must have stayed
      } else partial += 1;
      // … and the same file then imports normally.
      if (now === before && !retried) {
        const core = openCore(db);
        const r = call(core, 'sync.import', { path: file });
        core.store.close();
        expect(r.ok).toBe(true);
        expect(state(db)).toBe(after);
        retried = true;
      }
    };
    // Spread over the whole import, a little past its usual end.
    for (let i = 0; i < KILLS; i++) await killAt(Math.round(((i + rand()) / KILLS) * took * 1.15));
    // A loaded machine can make the child slower than the unkilled run: kill later until one
    // kill has landed after the commit (and earlier until one has landed before it).
    for (let k = 2; sawAfter === 0 && k <= 32; k *= 2) await killAt(took * k);
    for (let k = 4; sawBefore === 0 && k <= 64; k *= 2) await killAt(Math.round(took / k));
    console.log(
      `sync crash: ${runs} kills during an import of ${made} changes (${took} ms unkilled): ` +
        `${sawBefore} left as before, ${sawAfter} as after, ${partial} partial, ${lost} lost`,
    );
    expect(partial).toBe(0);
    expect(lost).toBe(0);
    // The kills did land on both sides of the commit.
    expect(sawBefore).toBeGreaterThan(0);
    expect(sawAfter).toBeGreaterThan(0);
  }, 120_000);
});
