import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import type { ApplyReport } from '../../src-main/features/sync/merge';
import { decodeFile, type WireChange } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { PENDING_DETAIL_MAX } from '../../src-main/features/sync/service';
import { applyAsImport, copyDatabaseFile, makeCore, snapshot, tempDir } from '../helpers';
import { generateWork, joinLike } from './sync-workload';

// A large import into a small log is loaded in bulk (every decision first, then the log's
// indexes set aside and rebuilt). It must give exactly what applying record by record gives:
// same records, same change log (even the same order), same conflicts, same report.

const PASS = 'correct horse battery staple';

const apply = (core: Core, changes: WireChange[], bulk: boolean): ApplyReport =>
  applyAsImport(core.store, changes, { confirmMassDelete: true, bulk });

/** Indexes and triggers: a bulk load sets some aside and must put every one back. */
function schemaOf(core: Core): unknown[] {
  return core.store.db
    .prepare(
      `SELECT "type","name","sql" FROM sqlite_master WHERE "type" IN ('index', 'trigger') ORDER BY 1, 2`,
    )
    .all();
}

/** change_origins, kept by a trigger or, in bulk, once per device: the newest stamp of each. */
function expectOriginsKept(core: Core): void {
  const db = core.store.db;
  const kept = db.prepare(`SELECT "device","lastHlc" FROM change_origins ORDER BY 1`).all();
  const newest = db
    .prepare(`SELECT "device", max("hlc") AS "lastHlc" FROM changes GROUP BY 1 ORDER BY 1`)
    .all();
  expect(kept.length).toBeGreaterThan(1);
  expect(kept).toEqual(newest);
}

function everything(core: Core): Record<string, unknown[]> {
  const db = core.store.db;
  const tables = db
    .prepare(
      `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // A conflict's id is random; the rest of it must match.
    const cols =
      t === 'conflicts' ? `"tbl","rowId","field","winnerHlc","winnerValue","loserHlc","loserValue"` : '*';
    // Which file it is (store/identity.ts) differs between two copies by definition.
    const where = t === 'meta' ? ` WHERE "key" <> 'fileIdentity'` : '';
    out[t] = db.prepare(`SELECT ${cols} FROM "${t}"${where}`).all();
    out[t].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  }
  out.schema = schemaOf(core);
  return out;
}

describe('bulk loading of a large import', () => {
  it('gives exactly what applying record by record gives, known changes, conflicts and deletions included', () => {
    const a = makeCore({ path: ':memory:' });
    a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    const b = makeCore({ path: join(tempDir(), 'b.db') });
    joinLike(a.core, b.core);
    // b already holds part of a's work and edited some of it; a edits and deletes some too.
    generateWork(a.core, 1_500, 'MD');
    b.ok('sync.import', { contentBase64: a.ok('sync.export', {}).contentBase64! });
    const some = b.ok('enterprises.list', { limit: 8 }).rows;
    for (const e of some) b.ok('enterprises.update', { id: e.id, address: '本机地址', town: '本机街道' });
    for (const e of some.slice(0, 4)) a.ok('enterprises.update', { id: e.id, address: '对方地址' });
    for (const x of a.ok('experts.list', {}).rows) a.ok('experts.delete', { id: x.id });
    generateWork(a.core, 6_000, 'ME');
    const file = Buffer.from(a.ok('sync.export', { full: true }).contentBase64!, 'base64');
    const changes = decodeFile(requireTeam(a.core.store), file).changes;
    // A change listed twice in the file is known the second time.
    changes.push([...changes[changes.length - 1]!] as WireChange);
    b.core.store.close();

    const copies = ['normal', 'bulk'].map((name) => {
      const path = join(tempDir(), `${name}.db`);
      copyDatabaseFile(b.path, path);
      return openCore(path, { now: b.clock.now });
    });
    try {
      const [normal, bulk] = [apply(copies[0]!, changes, false), apply(copies[1]!, changes, true)];
      expect(bulk).toEqual(normal);
      expect(normal.alreadyKnown).toBeGreaterThan(1_000);
      expect(normal.conflicts).toBeGreaterThan(0);
      expect(normal.deletions).toEqual({ experts: 3 });
      expect(everything(copies[1]!)).toEqual(everything(copies[0]!));
      // Both ways the log's own indexes (on its runs since migration 24) are in place.
      const indexes = copies[1]!.store.db
        .prepare(
          `SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" IN ('change_log', 'change_runs') ORDER BY 1`,
        )
        .pluck()
        .all();
      expect(indexes).toEqual(['changes_hlc', 'changes_row']);
      for (const c of copies) expectOriginsKept(c);
    } finally {
      for (const c of copies) c.store.close();
    }
  });

  it('puts back every index and capture trigger, so later edits are captured; a refused bulk import changes nothing', () => {
    const a = makeCore({ path: ':memory:' });
    a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    const b = makeCore({ path: join(tempDir(), 'b.db') });
    joinLike(a.core, b.core);
    const experts = Array.from({ length: 10 }, (_, i) => a.ok('experts.create', { name: `专家${i}` }).id);
    b.ok('sync.import', { contentBase64: a.ok('sync.export', {}).contentBase64! });
    const schema = schemaOf(b.core);
    expect(schema.filter((r) => (r as { type: string }).type === 'trigger').length).toBeGreaterThan(20);

    // Every expert deleted among 20,000+ new changes: loaded in bulk, then refused by the guard.
    for (const id of experts) a.ok('experts.delete', { id });
    generateWork(a.core, 21_000, 'BK');
    // Too many changes wait to say which records they touch cheaply: the count alone.
    const waiting = a.ok('sync.status', {});
    expect(waiting.pendingChanges).toBeGreaterThan(PENDING_DETAIL_MAX);
    expect(waiting.pendingByKind).toBeNull();
    const full = a.ok('sync.export', { full: true });
    const before = snapshot(b.core);
    const refused = b.err('sync.import', { contentBase64: full.contentBase64! });
    expect(refused.details.reason).toBe('mass_delete');
    expect(snapshot(b.core)).toEqual(before);
    expect(schemaOf(b.core)).toEqual(schema);

    const report = b.ok('sync.import', { contentBase64: full.contentBase64!, confirmMassDelete: true });
    expect(report.newChanges).toBeGreaterThan(20_000);
    expect(schemaOf(b.core)).toEqual(schema);
    expectOriginsKept(b.core);
    // Capture works again: a local edit lands in the change log.
    const seq = b.core.store.db.prepare(`SELECT max("seq") FROM changes`).pluck().get() as number;
    const staff = b.ok('staff.list', {}).rows.find((r) => r.id !== b.meId)!;
    b.ok('staff.update', { id: staff.id, phone: '13800000000' });
    const captured = b.core.store.db
      .prepare(`SELECT "field","value" FROM changes WHERE "seq" > ? AND "rowId" = ?`)
      .all(seq, staff.id);
    expect(captured).toEqual([{ field: 'phone', value: '13800000000' }]);
    expectOriginsKept(b.core);
    const mine = b.ok('sync.status', {}).devices.find((d) => d.isMe)!;
    expect(mine.lastChangeAt).toBe(new Date(b.clock.ms).toISOString());
  });
});
