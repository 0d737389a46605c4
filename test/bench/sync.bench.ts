import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../../src-main/core';
import { generateWork, joinLike } from '../integration/sync-workload';
import { decodeFile, type WireChange } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { CACHE_DIR } from './fixture';
import type { BenchModule } from './harness';

// Sync through files at team scale: one laptop holds 100,000 changes made through the
// services (enterprises, visits with demands, workflow moves, follow-ups, edits); it exports
// everything, and the file is imported into fresh laptops of the same team. The practical
// limit is a plain better-sqlite3 bulk insert of the same rows into a plain table (one
// prepared statement, one transaction). Targets: import under 2 s, and at least a third of
// the plain insert's speed (ratio ≤ ×3.0).

export const SYNC_CHANGES = 100_000;
const IMPORT_TARGET_MS = 2_000;
/** At least a third of the plain insert's speed. */
const IMPORT_MAX_RATIO = 3;
const EXPORT_TARGET_MS = 2_000;
const PASS = 'bench passphrase 2026';

function ok<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

/** How many timed runs run.ts will make (its --runs option) plus its warm-up runs. */
function plannedRuns(): number {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 15;
  return (Number.isInteger(runs) && runs > 0 ? runs : 15) + 3;
}

const sync: BenchModule = {
  name: 'sync',
  cases() {
    mkdirSync(CACHE_DIR, { recursive: true });
    const dir = mkdtempSync(join(CACHE_DIR, 'sync-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

    // The laptop that made the changes. Generation commits every call; fsync per call
    // would only measure the disk, so it is switched off while generating.
    const source = openCore(join(dir, 'source.db'), { deviceName: 'bench-source' });
    const me = ok(source, 'staff.create', { name: '基准测试员', role: 'supervisor' });
    ok(source, 'me.set', { staffId: me.id });
    const { teamCode } = ok(source, 'sync.team.create', { name: '基准测试局', passphrase: PASS });
    source.store.db.pragma('synchronous = OFF');
    const made = generateWork(source, SYNC_CHANGES);
    source.store.db.pragma('synchronous = FULL');

    const file = ok(source, 'sync.export', { full: true });
    const bytes = Buffer.from(file.contentBase64!, 'base64');
    const filePath = join(dir, 'full.vlsync');
    writeFileSync(filePath, bytes);
    const team = requireTeam(source.store);
    const decoded: WireChange[] = decodeFile(team, bytes).changes;
    if (decoded.length !== made) throw new Error(`export holds ${decoded.length} changes, the log ${made}`);

    // Fresh laptops of the same team, one per timed import (joined once with the
    // passphrase; the others get what joining stores, without deriving the key again).
    const replicas: Core[] = [];
    for (let i = 0; i < plannedRuns(); i++) {
      const r = openCore(join(dir, `replica-${i}`, 'ledger.db'), { deviceName: `bench-replica-${i}` });
      if (i === 0) ok(r, 'sync.team.join', { code: teamCode, passphrase: PASS });
      else joinLike(replicas[0]!, r);
      replicas.push(r);
    }
    process.on('exit', () => {
      for (const c of [source, ...replicas]) if (c.store.db.open) c.store.close();
    });
    let next = 0;

    // The practical limit: the same rows into a plain table of the same shape, in a fresh
    // database with the app's settings (WAL, synchronous FULL); timed from the first insert
    // to the commit, like the import.
    mkdirSync(join(dir, 'plain'), { recursive: true });
    const plainDbs = Array.from({ length: plannedRuns() }, (_, i) => {
      const db = new Database(join(dir, 'plain', `plain-${i}.db`));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(`CREATE TABLE plain ("seq" INTEGER PRIMARY KEY, "hlc" TEXT NOT NULL, "device" TEXT NOT NULL, "staff" TEXT,
        "tbl" TEXT NOT NULL, "rowId" TEXT NOT NULL, "field" TEXT NOT NULL, "value", "prevHlc" TEXT)`);
      return db;
    });
    process.on('exit', () => {
      for (const db of plainDbs) if (db.open) db.close();
    });
    let plainRun = 0;
    const plainInsert = (): number => {
      const db = plainDbs[plainRun++];
      if (!db) throw new Error('more timed runs than prepared databases');
      const insert = db.prepare(
        `INSERT INTO plain ("hlc","device","staff","tbl","rowId","field","value","prevHlc") VALUES (?,?,?,?,?,?,?,?)`,
      );
      db.transaction(() => {
        for (const c of decoded) insert.run(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
      })();
      return decoded.length;
    };

    // Each imported laptop holds a copy of the log: once the import runs are over, all but
    // the first are closed and removed (in the next case's untimed warm-up run).
    let cleaned = false;
    const removeImported = () => {
      if (cleaned) return;
      cleaned = true;
      for (const r of replicas.slice(1)) {
        r.store.close();
        rmSync(dirname(r.store.path), { recursive: true, force: true });
      }
      for (const db of plainDbs) db.close();
      rmSync(join(dir, 'plain'), { recursive: true, force: true });
    };

    const perChange = (bytes.length / made).toFixed(1);
    return [
      {
        name: `export full (${made.toLocaleString('en-US')} changes, ${(bytes.length / 1e6).toFixed(1)} MB, ${perChange} bytes/change)`,
        run: () => ok(source, 'sync.export', { full: true }).changeCount,
        baseline: () =>
          (source.store.db.prepare(`SELECT * FROM changes ORDER BY "seq"`).all() as unknown[]).length,
        targetMs: EXPORT_TARGET_MS,
      },
      {
        name: `import into a fresh laptop (vs plain bulk insert)`,
        run: () => {
          const replica = replicas[next++];
          if (!replica) throw new Error('more timed runs than prepared replicas');
          const report = ok(replica, 'sync.import', { path: filePath });
          if (report.newChanges !== made) throw new Error(`imported ${report.newChanges} of ${made} changes`);
          return report.newChanges;
        },
        baseline: plainInsert,
        targetMs: IMPORT_TARGET_MS,
        maxRatio: IMPORT_MAX_RATIO,
      },
      {
        name: `import the same file again (everything already known)`,
        run: () => {
          removeImported();
          return ok(replicas[0]!, 'sync.import', { path: filePath }).alreadyKnown;
        },
        targetMs: IMPORT_TARGET_MS,
      },
    ];
  },
};

export default sync;
