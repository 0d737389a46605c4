import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../src-main/dispatch';
import { openCore } from '../../src-main/open';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { makeCore, tempDir, TestClock, type TestCore } from '../helpers';

// A laptop's identity (device id, clock node, visit-number code) must be its own: a restored
// backup or a database file copied to another laptop takes a new one, so no clock stamp and
// no visit number is ever issued twice.

const PASS = 'passphrase-1';
const USCC = '91350100M000100Y43';

function pair(): { a: TestCore; b: TestCore } {
  const a = makeCore();
  const b = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  return { a, b };
}

function ship(from: TestCore, to: TestCore, full = false) {
  const file = from.ok('sync.export', { full });
  return to.ok('sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName });
}

/** Opens an existing database file the way the app does (no staff created). */
function reopen(path: string, clock: TestClock, deviceName: string): TestCore {
  const core = openCore(path, { now: clock.now, deviceName });
  const ok = <M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> => {
    const r = call(core, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.result as MethodOutput<M>;
  };
  const err = (method: string, input?: unknown) => {
    const r = call(core, method, input);
    if (r.ok) throw new Error(`${method} succeeded but should have failed`);
    return r.error;
  };
  return { core, path, clock, meId: core.store.actor.staffId ?? '', ok, err };
}

/** Stamps both laptops hold must carry the same change. */
function sharedStampsAgree(x: TestCore, y: TestCore): number {
  const rows = (t: TestCore) =>
    new Map(
      (
        t.core.store.db.prepare(`SELECT "hlc","tbl","rowId","field","value" FROM changes`).all() as {
          hlc: string;
        }[]
      ).map((r) => [r.hlc, JSON.stringify(r)]),
    );
  const rx = rows(x);
  const ry = rows(y);
  let shared = 0;
  for (const [hlc, change] of rx) {
    if (!ry.has(hlc)) continue;
    shared += 1;
    expect(ry.get(hlc), `stamp ${hlc}`).toBe(change);
  }
  return shared;
}

describe('a new device identity', () => {
  it('after a restore: no stamp issued twice, both laptops converge, no later edit lost', () => {
    const { a, b } = pair();
    const e = a.ok('enterprises.create', { uscc: USCC, name: '闽江智造' });
    ship(a, b, true);
    const oldId = a.core.store.device.id;
    const oldCode = a.core.store.device.code;
    const backup = a.ok('backups.create', {});
    // After the backup: a imports b's edit, then edits another field and shares that.
    b.clock.ms += 60_000;
    b.ok('enterprises.update', { id: e.id, town: '东城街道' });
    const fromB = b.ok('sync.export', {});
    a.clock.ms += 120_000;
    const editAt = a.clock.ms;
    a.ok('sync.import', { contentBase64: fromB.contentBase64! });
    a.ok('enterprises.update', { id: e.id, address: '甲路1号' });
    const fromA = a.ok('sync.export', {});
    b.ok('sync.import', { contentBase64: fromA.contentBase64! });

    // a restores the backup taken before the import (what it is for), imports b's file again
    // and edits again at the very same moment: the clock is where it was then.
    const restored = a.ok('backups.restore', { file: backup.path });
    a.ok('sync.import', { contentBase64: fromB.contentBase64! });
    a.clock.ms = editAt;
    a.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    ship(a, b);
    // a's file of before the restore comes back (a shared folder gives it back): known again.
    a.ok('sync.import', { contentBase64: fromA.contentBase64! });
    ship(b, a);

    expect(sharedStampsAgree(a, b)).toBeGreaterThan(0);
    expect(a.ok('enterprises.get', { id: e.id })).toMatchObject({ address: '乙路2号', town: '东城街道' });
    expect(b.ok('enterprises.get', { id: e.id })).toMatchObject({ address: '乙路2号', town: '东城街道' });
    expect(restored.newIdentity).toMatchObject({ previousDeviceId: oldId });
    expect(a.core.store.device.id).not.toBe(oldId);
    expect(a.core.store.device.code).not.toBe(oldCode);
    expect(JSON.parse(a.core.store.getMeta('previousDeviceIds')!)).toEqual([oldId]);
    expect(a.ok('app.info', {}).newIdentity).toMatchObject({ reason: 'restored', previousDeviceId: oldId });
    // The old identity's devices row stays as it was; the new one is known to b too.
    const devices = b.ok('sync.status', {}).devices.map((d) => d.id);
    expect(devices).toEqual(expect.arrayContaining([oldId, a.core.store.device.id]));
  });

  it('after a restore, the sync folder gives back the edits made after the backup', () => {
    const { a, b } = pair();
    const dir = tempDir();
    const e = a.ok('enterprises.create', { uscc: USCC, name: '闽江智造' });
    a.ok('sync.folder', { path: dir });
    const backup = a.ok('backups.create', {});
    a.clock.ms += 60_000;
    a.ok('enterprises.update', { id: e.id, address: '甲路1号' });
    a.ok('sync.folder', { path: dir });
    a.ok('backups.restore', { file: backup.path });
    expect(a.ok('enterprises.get', { id: e.id }).address).toBeNull();
    const r = a.ok('sync.folder', { path: dir });
    expect(r.imported.length).toBe(2);
    expect(a.ok('enterprises.get', { id: e.id }).address).toBe('甲路1号');
    b.ok('sync.folder', { path: dir });
    expect(b.ok('enterprises.get', { id: e.id }).address).toBe('甲路1号');
  });

  it('on a copied database file: new identity, distinct visit numbers, the original files imported', () => {
    const { a } = pair();
    const dir = tempDir();
    const e = a.ok('enterprises.create', { uscc: USCC, name: '闽江智造' });
    const v1 = a.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite' });
    a.ok('sync.folder', { path: dir });
    a.core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const copyPath = join(tempDir(), 'copied.db');
    copyFileSync(a.path, copyPath);
    // The original keeps working and shares an edit.
    a.clock.ms += 60_000;
    a.ok('enterprises.update', { id: e.id, town: '西城街道' });
    a.ok('sync.folder', { path: dir });

    const c = reopen(copyPath, new TestClock(a.clock.ms + 60_000), 'copy-laptop');
    try {
      expect(c.core.store.device.id).not.toBe(a.core.store.device.id);
      expect(c.core.store.device.code).not.toBe(a.core.store.device.code);
      expect(c.core.store.device.name).toBe('copy-laptop');
      expect(c.ok('app.info', {}).newIdentity).toMatchObject({
        reason: 'copied',
        previousDeviceId: a.core.store.device.id,
      });
      c.ok('me.set', { staffId: a.meId });
      const va = a.ok('visits.create', { enterpriseId: e.id, date: '2026-11-21', mode: 'onsite' });
      const vc = c.ok('visits.create', { enterpriseId: e.id, date: '2026-11-21', mode: 'onsite' });
      expect(vc.visitNo).not.toBe(va.visitNo);
      expect(vc.visitNo).not.toBe(v1.visitNo);
      const r = c.ok('sync.folder', { path: dir });
      expect(r.imported.length).toBe(2);
      expect(c.ok('enterprises.get', { id: e.id }).town).toBe('西城街道');
      // The original's devices row is left as it was.
      const original = c.core.store.db
        .prepare(`SELECT "name","code" FROM devices WHERE "id" = ?`)
        .get(a.core.store.device.id);
      expect(original).toEqual({ name: 'test-laptop', code: a.core.store.device.code });
    } finally {
      c.core.store.close();
    }
  });

  it('keeps its identity on a normal reopen, a checkpoint, a VACUUM and a renamed folder', () => {
    const root = tempDir();
    const path = join(root, 'data', 'ledger.db');
    mkdirSync(join(root, 'data'));
    const t = makeCore({ path });
    const id = t.core.store.device.id;
    t.core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.store.db.exec('VACUUM');
    t.core.store.close();
    const again = reopen(path, t.clock, 'test-laptop');
    expect(again.core.store.device.id).toBe(id);
    again.core.store.close();
    renameSync(join(root, 'data'), join(root, 'moved'));
    const moved = reopen(join(root, 'moved', 'ledger.db'), t.clock, 'test-laptop');
    expect(moved.core.store.device.id).toBe(id);
    expect(moved.core.store.getMeta('previousDeviceIds')).toBeNull();
    expect(moved.ok('app.info', {}).newIdentity).toBeNull();
    moved.core.store.close();
  });
});

describe('device codes', () => {
  it('reports two laptops with one code, and the newer one moves to a fresh code', () => {
    const { a, b } = pair();
    const code = a.core.store.device.code;
    // b drew the same code as a (one chance in a thousand in a team of 50).
    b.core.store.db.prepare(`UPDATE devices SET "code" = ? WHERE "id" = ?`).run(code, b.core.store.device.id);
    b.core.store.device = { ...b.core.store.device, code };
    a.core.store.db
      .prepare(`UPDATE devices SET "name" = '甲电脑' WHERE "id" = ?`)
      .run(a.core.store.device.id);
    a.core.store.device = { ...a.core.store.device, name: '甲电脑' };
    const ea = a.ok('enterprises.create', { uscc: USCC, name: '闽江智造' });
    const eb = b.ok('enterprises.create', { uscc: '91110000600037341L', name: '京华精密' });
    const va = a.ok('visits.create', { enterpriseId: ea.id, date: '2026-11-20', mode: 'onsite' });
    const vb = b.ok('visits.create', { enterpriseId: eb.id, date: '2026-11-20', mode: 'onsite' });
    expect(vb.visitNo).toBe(va.visitNo);

    const [older, newer] = [a, b].sort((x, y) =>
      x.core.store.device.id < y.core.store.device.id ? -1 : 1,
    ) as [TestCore, TestCore];
    const reportB = ship(a, b, true);
    const codeAnomaly = reportB.anomalies.find((x) => x.kind === 'device_code');
    expect(codeAnomaly?.message).toMatch(/甲电脑/);
    expect(codeAnomaly?.message).toMatch(/test-laptop/);
    const reused = reportB.anomalies.find((x) => x.kind === 'visit_no_reused');
    expect(reused?.message).toContain(va.visitNo!);

    const reportA = ship(b, a, true);
    expect(reportA.anomalies.find((x) => x.kind === 'visit_no_reused')?.message).toContain(va.visitNo!);
    ship(a, b);
    // Exactly one of them moved (the one with the later id), and both know it.
    expect(older.core.store.device.code).toBe(code);
    expect(newer.core.store.device.code).not.toBe(code);
    for (const t of [a, b]) {
      const codes = t.ok('sync.status', {}).devices.map((d) => d.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    const na = a.ok('visits.create', { enterpriseId: ea.id, date: '2026-11-21', mode: 'onsite' });
    const nb = b.ok('visits.create', { enterpriseId: ea.id, date: '2026-11-21', mode: 'onsite' });
    expect(na.visitNo).not.toBe(nb.visitNo);
    // Later imports find nothing more to report about codes.
    expect(ship(b, a).anomalies.some((x) => x.kind === 'device_code')).toBe(false);
  });
});
