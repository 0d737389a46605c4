import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, snapshot, tempDir, type TestCore } from '../helpers';

const PASS = 'correct horse battery staple';

function team(): { a: TestCore; b: TestCore; c: TestCore } {
  const a = makeCore();
  const b = makeCore();
  const c = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  c.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  return { a, b, c };
}

function ship(from: TestCore, to: TestCore, full = false) {
  const file = from.ok('sync.export', { full });
  return to.ok('sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName });
}

/** Record content without per-device bookkeeping, for "same database" comparisons. */
function content(t: TestCore) {
  const snap = snapshot(t.core);
  const out: Record<string, unknown> = {};
  for (const table of [
    'staff',
    'enterprises',
    'experts',
    'units',
    'visits',
    'demands',
    'demand_history',
    'clinics',
    'followups',
    'activities',
    'outcomes',
    'devices',
  ]) {
    out[table] = (snap[table] as Record<string, unknown>[])
      .map(({ updatedAt: _u, updatedByDevice: _d, updatedByStaff: _s, ...rest }) => rest)
      .sort((x, y) => String(x.id).localeCompare(String(y.id)));
  }
  return out;
}

describe('sync through files', () => {
  it('carries records from one laptop to another, once', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '闽江智造有限公司' });
    const first = ship(a, b, true);
    expect(first.newChanges).toBeGreaterThan(0);
    expect(b.ok('enterprises.get', { id: e.id }).name).toBe('闽江智造有限公司');

    const file = a.ok('sync.export', { full: true });
    const again = b.ok('sync.import', { contentBase64: file.contentBase64! });
    expect(again.newChanges).toBe(0);
    expect(again.alreadyKnown).toBe(again.received);
  });

  it('exports only what changed since the last export', () => {
    const { a } = team();
    a.ok('experts.create', { name: '陈教授' });
    const first = a.ok('sync.export', {});
    expect(first.changeCount).toBeGreaterThan(0);
    expect(a.ok('sync.export', {}).changeCount).toBe(0);
    a.ok('experts.create', { name: '林研究员' });
    const third = a.ok('sync.export', {});
    expect(third.changeCount).toBeGreaterThan(0);
    expect(third.changeCount).toBeLessThan(first.changeCount);
  });

  it('counts the changes waiting for the next export, relayed ones included', () => {
    const { a, b } = team();
    a.ok('experts.create', { name: '陈教授' });
    const waiting = a.ok('sync.status', {}).pendingChanges;
    expect(waiting).toBeGreaterThan(0);
    const file = a.ok('sync.export', {});
    expect(file.changeCount).toBe(waiting);
    expect(a.ok('sync.status', {}).pendingChanges).toBe(0);
    expect(a.ok('sync.status', {}).pendingByKind).toEqual({});
    // What the next export holds, per kind: records touched and their changes.
    const expert = a.ok('experts.create', { name: '林研究员', title: '研究员' });
    a.ok('experts.update', { id: expert.id, title: '教授' });
    const e = a.ok('enterprises.create', { uscc: '91110000600037341L', name: '京华精密' });
    const status = a.ok('sync.status', {});
    expect(Object.keys(status.pendingByKind!)).toEqual(['enterprises', 'experts']);
    expect(status.pendingByKind!.experts!.records).toBe(1);
    expect(status.pendingByKind!.experts!.changes).toBe(
      a.core.store.db.prepare(`SELECT count(*) FROM changes WHERE "rowId" = ?`).pluck().get(expert.id),
    );
    expect(status.pendingByKind!.enterprises!.records).toBe(1);
    expect(status.pendingByKind!.enterprises!.changes).toBe(
      a.core.store.db.prepare(`SELECT count(*) FROM changes WHERE "rowId" = ?`).pluck().get(e.id),
    );
    expect(Object.values(status.pendingByKind!).reduce((n, k) => n + k.changes, 0)).toBe(
      status.pendingChanges,
    );
    a.ok('sync.export', {});
    // A refused call writes nothing and leaves no gap in the count.
    a.err('experts.create', { name: '' });
    expect(a.ok('sync.status', {}).pendingChanges).toBe(0);
    const imported = b.ok('sync.import', { contentBase64: file.contentBase64! });
    const bWaiting = b.ok('sync.status', {}).pendingChanges;
    expect(bWaiting).toBeGreaterThanOrEqual(imported.newChanges);
    expect(b.ok('sync.export', {}).changeCount).toBe(bWaiting);
    const device = b.ok('sync.status', {}).devices.find((d) => d.id === a.core.store.device.id);
    expect(device?.lastChangeAt).not.toBeNull();
  });

  it('relays changes that originated elsewhere, and any import order gives the same database', () => {
    const { a, b, c } = team();
    const e = a.ok('enterprises.create', { uscc: '91110000600037341L', name: '京华精密' });
    const fa = a.ok('sync.export', { full: true });
    b.ok('sync.import', { contentBase64: fa.contentBase64! });
    b.ok('enterprises.update', { id: e.id, town: '城东街道' });
    const fb = b.ok('sync.export', {});
    // c gets b's file (which relays a's record) first, then a's.
    c.ok('sync.import', { contentBase64: fb.contentBase64! });
    c.ok('sync.import', { contentBase64: fa.contentBase64! });
    a.ok('sync.import', { contentBase64: fb.contentBase64! });
    expect(c.ok('enterprises.get', { id: e.id }).town).toBe('城东街道');
    expect(a.ok('enterprises.get', { id: e.id }).town).toBe('城东街道');
    const ca = content(a);
    const cc = content(c);
    expect(cc.enterprises).toEqual(ca.enterprises);
  });

  it('keeps the losing value of a concurrent edit as a conflict, and keeping it syncs', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '甲公司' });
    ship(a, b, true);
    a.ok('enterprises.update', { id: e.id, address: '甲路1号' });
    b.clock.ms = a.clock.ms + 1000; // b edits later: b wins
    b.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    const rb = ship(b, a);
    expect(rb.conflicts).toBe(1);
    expect(a.ok('enterprises.get', { id: e.id }).address).toBe('乙路2号');
    const [conflict] = a.ok('conflicts.list', {}).rows;
    expect(conflict).toMatchObject({
      field: 'address',
      winner: { value: '乙路2号' },
      loser: { value: '甲路1号' },
    });

    a.clock.ms = b.clock.ms + 1000;
    a.ok('conflicts.resolve', { id: conflict!.id, keep: 'loser' });
    expect(a.ok('enterprises.get', { id: e.id }).address).toBe('甲路1号');
    expect(a.ok('conflicts.list', {}).rows).toHaveLength(0);
    ship(a, b);
    expect(b.ok('enterprises.get', { id: e.id }).address).toBe('甲路1号');
  });

  it("carries a staff member's position, and its edits, to the other laptop", () => {
    const { a, b } = team();
    const s = a.ok('staff.create', { name: '陈八', position: 'liaison' });
    ship(a, b, true);
    expect(b.ok('staff.get', { id: s.id }).position).toBe('liaison');
    a.ok('staff.update', { id: s.id, position: 'section_head' });
    expect(ship(a, b).conflicts).toBe(0);
    expect(b.ok('staff.get', { id: s.id }).position).toBe('section_head');
    expect(b.ok('staff.list', { filter: { position: 'section_head' } }).rows.map((r) => r.id)).toEqual([
      s.id,
    ]);
  });

  it('gives a staff member from a laptop without positions the default position', () => {
    const { a, b } = team();
    const s = a.ok('staff.create', { name: '林九' });
    // As a laptop of the previous version writes it: no change for the field it does not know.
    a.core.store.db.prepare(`DELETE FROM changes WHERE "tbl" = 'staff' AND "field" = 'position'`).run();
    ship(a, b, true);
    expect(b.ok('staff.get', { id: s.id })).toMatchObject({ name: '林九', position: 'staff' });
  });

  it('does not call a sequential edit a conflict', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '甲公司' });
    ship(a, b, true);
    b.clock.ms = a.clock.ms + 1000;
    b.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    expect(ship(b, a).conflicts).toBe(0);
  });

  it('asks before an import deletes more than a fifth of a kind, and changes nothing meanwhile', () => {
    const { a, b } = team();
    const ids = Array.from({ length: 10 }, (_, i) => a.ok('experts.create', { name: `专家${i}` }).id);
    ship(a, b, true);
    for (const id of ids.slice(0, 5)) a.ok('experts.delete', { id });
    const file = a.ok('sync.export', {});
    const before = snapshot(b.core);
    const refused = b.err('sync.import', { contentBase64: file.contentBase64! });
    expect(refused.details.reason).toBe('mass_delete');
    expect(refused.message).toMatch(/5 of 10 experts/);
    expect(snapshot(b.core)).toEqual(before);
    const done = b.ok('sync.import', { contentBase64: file.contentBase64!, confirmMassDelete: true });
    expect(done.deletions).toEqual({ experts: 5 });
    expect(b.ok('experts.list', {}).total).toBe(5);
  });

  it('refuses damaged, foreign, truncated, empty and random files with their own message', () => {
    const { a, b } = team();
    const other = makeCore();
    other.ok('sync.team.create', { name: '别的局', passphrase: PASS });
    a.ok('experts.create', { name: '陈教授' });
    const good = Buffer.from(a.ok('sync.export', { full: true }).contentBase64!, 'base64');
    const foreign = Buffer.from(other.ok('sync.export', { full: true }).contentBase64!, 'base64');
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 40) ^ 0x01, flipped.length - 40);
    const cases: [string, Buffer, string][] = [
      ['flipped bit', flipped, 'damaged'],
      ['other team', foreign, 'wrong_team'],
      ['truncated', good.subarray(0, good.length - 100), 'truncated'],
      ['bytes appended', Buffer.concat([good, Buffer.from('x')]), 'damaged'],
      ['cut in the header', good.subarray(0, 10), 'truncated'],
      ['empty', Buffer.alloc(0), 'not_a_sync_file'],
      [
        'random bytes',
        Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7919) % 256)),
        'not_a_sync_file',
      ],
    ];
    const before = snapshot(b.core);
    const messages = new Set<string>();
    for (const [, bytes, reason] of cases) {
      const e = b.err('sync.import', { contentBase64: bytes.toString('base64') });
      expect(e.details.reason).toBe(reason);
      messages.add(e.message);
    }
    expect(messages.size).toBeGreaterThanOrEqual(5);
    expect(snapshot(b.core)).toEqual(before);
  });

  it('flags changes stamped far in the future', () => {
    const { a, b } = team();
    a.clock.advanceDays(3); // a's clock is three days fast
    a.ok('experts.create', { name: '未来专家' });
    const report = ship(a, b, true);
    expect(report.anomalies.some((x) => x.kind === 'clock_ahead')).toBe(true);
  });

  it('syncs through a shared folder: own files only, each imported once', () => {
    const { a, b } = team();
    const dir = tempDir();
    a.ok('experts.create', { name: '甲专家' });
    const ra = a.ok('sync.folder', { path: dir });
    expect(ra.exported?.changeCount).toBeGreaterThan(0);
    const rb = b.ok('sync.folder', { path: dir });
    expect(rb.imported).toHaveLength(1);
    expect(b.ok('experts.list', {}).rows.map((e) => e.name)).toContain('甲专家');
    const again = b.ok('sync.folder', { path: dir });
    expect(again.imported).toHaveLength(0);
    expect(readdirSync(dir).every((n) => n.endsWith('.vlsync'))).toBe(true);
    const rows = a.ok('sync.folder', { path: dir });
    expect(rows.imported).toHaveLength(1); // b's own export
  });

  it('merges duplicate enterprises created on two laptops, and the merge syncs', () => {
    const { a, b } = team();
    const ea = a.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '闽江智造' });
    const eb = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '闽江智造有限公司' });
    const vb = b.ok('visits.create', { enterpriseId: eb.id, date: '2026-11-20', mode: 'onsite' });
    ship(b, a, true);
    const [group] = a.ok('duplicates.list', {}).groups;
    expect(group!.enterprises.map((e) => e.id).sort()).toEqual([ea.id, eb.id].sort());
    const merged = a.ok('duplicates.merge', { keepId: ea.id, mergeIds: [eb.id] });
    expect(merged.moved.visits).toBe(1);
    expect(merged.kept.formerNames).toContain('闽江智造有限公司');
    expect(a.ok('visits.get', { id: vb.id }).enterpriseId).toBe(ea.id);
    ship(a, b);
    expect(b.ok('visits.get', { id: vb.id }).enterpriseId).toBe(ea.id);
    expect(b.ok('duplicates.list', {}).groups).toHaveLength(0);
  });

  it('writes export files to a path atomically', () => {
    const { a, b } = team();
    const dir = tempDir();
    a.ok('experts.create', { name: '陈教授' });
    const out = a.ok('sync.export', { path: join(dir, 'a.vlsync') });
    expect(readdirSync(dir)).toEqual(['a.vlsync']);
    expect(readFileSync(join(dir, 'a.vlsync')).length).toBe(out.bytes);
    writeFileSync(join(dir, 'copy.vlsync'), readFileSync(join(dir, 'a.vlsync')));
    expect(b.ok('sync.import', { path: join(dir, 'copy.vlsync') }).newChanges).toBe(out.changeCount);
  });
});
