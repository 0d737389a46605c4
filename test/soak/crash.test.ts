import { describe, expect, it, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../../src-main/open';
import { bundleChild, integrity } from '../crashTools';
import { call } from '../../src-main/dispatch';
import { usccCheckChar } from '@shared/domain/uscc';
import { migrate } from '../../src-main/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src-main/store/migrations';

// Kills a writing process at random moments and checks that the database always opens,
// passes integrity_check, and holds every change whose save had returned.

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'vl-crash-'));
let child = '';
const KILLS = { records: 70, migrate: 30, ledger: 20 };

beforeAll(() => {
  child = bundleChild('test/soak/crash-child.ts');
  return () => rmSync(work, { recursive: true, force: true });
});

interface Run {
  lines: string[];
  /** Milliseconds from READY to the child's exit. */
  afterReady: number;
}

/** Runs the child (`arg`: a seed, or the ledger file) and kills it `delayMs` after READY. */
function runAndKill(mode: string, db: string, arg: number | string, delayMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, mode, db, String(arg)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    let readyAt = 0;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('READY\n')) {
        readyAt = Date.now();
        timer = setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child failed (${code}): ${err}`));
      else done({ lines: out.split('\n').filter(Boolean), afterReady: Date.now() - readyAt });
    });
  });
}

// A seeded generator so a failing run can be repeated.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('crash safety', () => {
  it(`loses no saved change over ${KILLS.records} kills while saving records`, async () => {
    const rand = random(42);
    const db = join(work, 'records.db');
    const setup = openCore(db, { deviceName: 'crash' });
    const me = call(setup, 'staff.create', { name: '测试员', role: 'supervisor' });
    call(setup, 'me.set', { staffId: (me as { result: { id: string } }).result.id });
    setup.store.close();
    let saved = 0;
    let lost = 0;
    for (let i = 0; i < KILLS.records; i++) {
      const { lines } = await runAndKill('records', db, i + 1, 5 + Math.floor(rand() * 400));
      expect(integrity(db)).toBe('ok');
      const core = openCore(db);
      try {
        for (const line of lines.filter((l) => l.startsWith('OK '))) {
          const { method, id, input } = JSON.parse(line.slice(3)) as {
            method: string;
            id: string;
            input: Record<string, unknown>;
          };
          saved += 1;
          const kind = method.split('.')[0]!;
          const got = call(core, `${kind}.get`, { id });
          if (!got.ok) {
            lost += 1;
            continue;
          }
          if (
            method === 'enterprises.update' &&
            (got.result as { address: string }).address !== input.address
          )
            lost += 1;
        }
      } finally {
        core.store.close();
      }
    }
    console.log(`crash (records): ${KILLS.records} kills, ${saved} saves that had returned, ${lost} lost`);
    expect(saved).toBeGreaterThan(KILLS.records);
    expect(lost).toBe(0);
  });

  it(`a migration killed at ${KILLS.migrate} random moments leaves the old or the new schema, never a mix`, async () => {
    const rand = random(7);
    const template = join(work, 'v1.db');
    // A populated database of the first schema version.
    const old = new Database(template);
    stubCaptureFunctions(old);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.close();
    const core = openCoreAtV1(template);
    core.close();
    const populated = join(work, 'v1-populated.db');
    copyFileSync(template, populated);
    // How long a whole migration takes here, to spread the kills over it.
    const timing = join(work, 'timing.db');
    copyFileSync(populated, timing);
    const took = (await runAndKill('migrate', timing, 0, 3_600_000)).afterReady;
    let sawOld = 0;
    let sawNew = 0;
    let runs = 0;
    const killAt = async (delay: number) => {
      const db = join(work, `m${runs}.db`);
      copyFileSync(populated, db);
      await runAndKill('migrate', db, runs++, delay);
      expect(integrity(db)).toBe('ok');
      const check = new Database(db, { readonly: true });
      const version = (
        check.prepare(`SELECT max("version") AS v FROM schema_migrations`).get() as { v: number }
      ).v;
      const cols = (check.pragma('table_info(changes)') as { name: string }[]).map((c) => c.name);
      const experts = (check.prepare(`SELECT count(*) AS n FROM experts`).get() as { n: number }).n;
      check.close();
      expect([1, SCHEMA_VERSION]).toContain(version);
      expect(cols.includes('prevHlc')).toBe(version >= 2);
      expect(experts).toBe(V1_EXPERTS);
      if (version === 1) sawOld += 1;
      else sawNew += 1;
      // Whatever the kill left, the next open migrates and works.
      const reopened = openCore(db);
      expect(call(reopened, 'experts.list', {}).ok).toBe(true);
      reopened.store.close();
      rmSync(db, { force: true });
    };
    for (let i = 0; i < KILLS.migrate; i++) await killAt(Math.floor(rand() * took * 1.2));
    // A loaded machine can slow a child down: kill later (earlier) until a kill has landed
    // after (before) the commit, so both outcomes are seen.
    for (let k = 2; sawNew === 0 && k <= 32; k *= 2) await killAt(took * k);
    for (let k = 4; sawOld === 0 && k <= 64; k *= 2) await killAt(Math.floor(took / k));
    console.log(
      `crash (migration): ${runs} kills (unkilled migration ${took} ms), ${sawOld} left at v1, ${sawNew} at v${SCHEMA_VERSION}`,
    );
    expect(sawOld).toBeGreaterThan(0);
    expect(sawNew).toBeGreaterThan(0);
  });

  it(`a ledger import killed at ${KILLS.ledger} random moments leaves the database as before or as after`, async () => {
    const rand = random(11);
    const template = join(work, 'ledger-template.db');
    const setup = openCore(template, { deviceName: 'crash' });
    const me = call(setup, 'staff.create', { name: '测试员', role: 'supervisor' });
    call(setup, 'me.set', { staffId: (me as { result: { id: string } }).result.id });
    setup.store.close();
    const ROWS = 3000;
    const lines = ['企业名称,统一社会信用代码,走访日期,走访方式,走访人,走访内容'];
    for (let i = 0; i < ROWS; i++) {
      const first17 = `91350100MB${String(i % 600).padStart(7, '0')}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      lines.push(
        `台账企业${i % 600},${first17}${usccCheckChar(first17)},2026-10-${day},实地,测试员,第${i}次走访`,
      );
    }
    const file = join(work, 'ledger.csv');
    writeFileSync(file, lines.join('\n'));
    const visits = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM visits`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const fresh = () => {
      const db = join(work, `ledger-${runs++}.db`);
      copyFileSync(template, db);
      return db;
    };
    let runs = 0;
    const whole = fresh();
    const took = (await runAndKill('ledger', whole, file, 3_600_000)).afterReady;
    expect(visits(whole)).toBe(ROWS);
    let sawBefore = 0;
    let sawAfter = 0;
    let partial = 0;
    let lost = 0;
    const killAt = async (delay: number) => {
      const db = fresh();
      const run = await runAndKill('ledger', db, file, delay);
      expect(integrity(db)).toBe('ok');
      openCore(db).store.close(); // the app opens it
      const n = visits(db);
      const returned = run.lines.some((l) => l.startsWith('OK '));
      if (n === ROWS) sawAfter += 1;
      else if (n === 0) {
        sawBefore += 1;
        if (returned) lost += 1;
      } else partial += 1;
      rmSync(db, { force: true });
    };
    for (let i = 0; i < KILLS.ledger; i++) await killAt(Math.floor(rand() * took * 1.2));
    for (let k = 2; sawAfter === 0 && k <= 32; k *= 2) await killAt(took * k);
    for (let k = 4; sawBefore === 0 && k <= 64; k *= 2) await killAt(Math.floor(took / k));
    console.log(
      `crash (ledger import): ${runs - 1} kills during an import of ${ROWS} rows (${took} ms unkilled), ` +
        `${sawBefore} left as before, ${sawAfter} as after, ${partial} partial, ${lost} lost`,
    );
    expect(partial).toBe(0);
    expect(lost).toBe(0);
    expect(sawBefore).toBeGreaterThan(0);
    expect(sawAfter).toBeGreaterThan(0);
  });
});

const V1_EXPERTS = 20_000;

/**
 * Fills a version-1 database with plain SQL, large enough (a big change log to index,
 * a backup to copy) that random kills land inside the migration.
 */
function openCoreAtV1(path: string): { close(): void } {
  const db = new Database(path);
  stubCaptureFunctions(db);
  const at = new Date().toISOString();
  db.transaction(() => {
    db.prepare(`INSERT INTO meta VALUES ('deviceId', 'dev-v1')`).run();
    db.prepare(
      `INSERT INTO devices ("id","name","code","createdAt","updatedAt") VALUES ('dev-v1','old','OLD',?,?)`,
    ).run(at, at);
    const expert = db.prepare(
      `INSERT INTO experts ("id","name","organization","createdAt","updatedAt") VALUES (?,?,?,?,?)`,
    );
    const change = db.prepare(
      `INSERT INTO changes ("hlc","device","tbl","rowId","field","value") VALUES (?,?,?,?,?,?)`,
    );
    for (let i = 0; i < V1_EXPERTS; i++) {
      expert.run(`x-${i}`, `专家${i}`, '福州大学', at, at);
      const hlc = `${String(1795000000000 + i).padStart(15, '0')}-00000-dev-v1`;
      change.run(hlc, 'dev-v1', 'experts', `x-${i}`, 'name', `专家${i}`);
    }
  })();
  return { close: () => db.close() };
}

/** The capture triggers call these; with capture off they record nothing. */
function stubCaptureFunctions(db: Database.Database): void {
  db.function('vl_capturing', () => 0);
  for (const name of ['vl_hlc', 'vl_device', 'vl_staff', 'vl_today']) db.function(name, () => null);
}
