// Deletes racing edits and children across laptops: an edit that loses to a delete is a
// conflict the user sees (and can restore), and a record left under a deleted or merged-away
// parent is an orphan to re-attach, delete or restore the parent of.
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '@shared/contract/contract';
import { makeCore, VALID_USCC, type TestCore } from '../helpers';
import { freshUscc } from './fixtures';

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

type SyncFile = MethodOutput<'sync.export'>;
const exported = (from: TestCore, full = false): SyncFile => from.ok('sync.export', { full });
const load = (to: TestCore, file: SyncFile) =>
  to.ok('sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName });
const ship = (from: TestCore, to: TestCore, full = false) => load(to, exported(from, full));

/** Both laptops' new changes, each to the other. */
function exchange(x: TestCore, y: TestCore) {
  const fx = exported(x);
  const fy = exported(y);
  return { fx, fy, toY: load(y, fx), toX: load(x, fy) };
}

const deleteConflicts = (t: TestCore) => t.ok('conflicts.list', {}).rows.filter((r) => r.type === 'delete');
const orphans = (t: TestCore) => t.ok('orphans.list', {}).rows;

describe('an edit that loses to a delete', () => {
  it.each([
    ['after', 1000],
    ['before', -500],
  ])('is a delete conflict on every laptop that saw both (edit stamped %s the delete)', (_, offset) => {
    const { a, b, c } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    ship(a, b, true);
    ship(a, c, true);
    a.clock.ms += 10_000;
    a.ok('enterprises.delete', { id: e.id });
    b.clock.ms = a.clock.ms + offset;
    b.ok('enterprises.update', { id: e.id, address: '乙路2号', town: '城东街道' });

    const { fx: fa, fy: fb, toX: toA, toY: toB } = exchange(a, b);
    expect(toA.conflicts).toBe(1);
    expect(toB.conflicts).toBe(1);
    load(c, fb);
    load(c, fa);
    for (const t of [a, b, c]) {
      const rows = deleteConflicts(t);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: 'enterprises',
        recordId: e.id,
        recordLabel: '甲公司',
        winner: { device: a.core.store.device.id },
        loser: { device: b.core.store.device.id },
        detail: { fields: { address: '乙路2号', town: '城东街道' }, deletedBy: { staffName: '测试员' } },
      });
      expect(t.err('enterprises.get', { id: e.id }).code).toBe('NOT_FOUND');
    }

    // Files imported again, in any order, find nothing new.
    expect(load(a, fb).conflicts).toBe(0);
    expect(load(b, fa).conflicts).toBe(0);
    expect(load(c, fa).conflicts).toBe(0);
    for (const t of [a, b, c]) expect(deleteConflicts(t)).toHaveLength(1);

    // Keeping the edit restores the record with it, and the restore syncs.
    a.clock.ms += 60_000;
    const resolved = a.ok('conflicts.resolve', { id: deleteConflicts(a)[0]!.id, keep: 'loser' });
    expect(resolved.resolution).toBe('loser');
    expect(a.ok('enterprises.get', { id: e.id })).toMatchObject({ address: '乙路2号', deletedAt: null });
    const fr = exported(a);
    for (const t of [b, c]) {
      load(t, fr);
      expect(t.ok('enterprises.get', { id: e.id })).toMatchObject({ address: '乙路2号', town: '城东街道' });
      // Restored elsewhere: nothing left to decide here.
      expect(deleteConflicts(t)).toHaveLength(0);
    }
  });

  it('is a conflict though the deleter edited other fields after it (what it knew is per field)', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    ship(a, b, true);
    // B edits the address offline; A, whose clock is later, renames, then deletes.
    b.clock.ms = a.clock.ms + 1_000;
    b.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    a.clock.ms += 10_000;
    a.ok('enterprises.update', { id: e.id, name: '甲公司（新）' });
    a.ok('enterprises.delete', { id: e.id });
    const { toX: toA, toY: toB } = exchange(a, b);
    expect([toA.conflicts, toB.conflicts]).toEqual([1, 1]);
    for (const t of [a, b]) {
      expect(deleteConflicts(t).map((r) => r.detail)).toMatchObject([{ fields: { address: '乙路2号' } }]);
    }
  });

  it('is a conflict when the deleter had moved the demand too: a move it never saw', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    const d = a.ok('demands.create', { enterpriseId: e.id, categories: ['tech'], title: '检测设备' });
    ship(a, b, true);
    // A rejects it; B, whose clock is later, hands it over and then deletes it.
    a.clock.ms += 1_000;
    a.ok('demands.transition', { id: d.id, to: 'rejected', note: '不属于科技局职责' });
    b.clock.ms = a.clock.ms + 5_000;
    b.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: b.meId });
    b.ok('demands.delete', { id: d.id });
    exchange(a, b);
    for (const t of [a, b]) expect(deleteConflicts(t).map((r) => r.recordId)).toEqual([d.id]);
    // Keeping the lost move brings the demand back as its history replays.
    const [conflict] = deleteConflicts(a);
    a.ok('conflicts.resolve', { id: conflict!.id, keep: 'loser' });
    expect(a.ok('demands.get', { id: d.id }).status).toBe('rejected');
  });

  it('stays deleted when the delete is confirmed', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    ship(a, b, true);
    a.clock.ms += 10_000;
    b.clock.ms += 10_000;
    b.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    a.ok('enterprises.delete', { id: e.id });
    exchange(a, b);
    const [conflict] = deleteConflicts(b);
    b.ok('conflicts.resolve', { id: conflict!.id, keep: 'winner' });
    expect(b.err('enterprises.get', { id: e.id }).code).toBe('NOT_FOUND');
    expect(deleteConflicts(b)).toHaveLength(0);
    expect(b.ok('conflicts.list', { includeResolved: true }).rows[0]?.resolution).toBe('winner');
  });

  it('is no conflict when the deleter had seen the edit', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    ship(a, b, true);
    b.clock.ms += 10_000;
    b.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    ship(b, a);
    a.clock.ms = b.clock.ms + 1000;
    // The deleter last saw another field: what it knew is its newest stamp of any field.
    a.ok('enterprises.update', { id: e.id, industry: 'C' });
    a.ok('enterprises.delete', { id: e.id });
    expect(ship(a, b).conflicts).toBe(0);
    expect(deleteConflicts(b)).toHaveLength(0);
  });
});

describe('orphans', () => {
  /** a deletes an enterprise while b, offline, registers a demand for it; both exchange files. */
  function demandUnderDeleted() {
    const { a, b, c } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    const other = a.ok('enterprises.create', { uscc: VALID_USCC[1]!, name: '乙公司' });
    ship(a, b, true);
    a.clock.ms += 10_000;
    b.clock.ms += 20_000;
    a.ok('enterprises.delete', { id: e.id });
    const d = b.ok('demands.create', { enterpriseId: e.id, categories: ['tech'], title: '需要检测设备' });
    const { toX: toA, toY: toB } = exchange(a, b);
    return { a, b, c, e, other, d, toA, toB };
  }

  it('lists a demand registered for an enterprise deleted elsewhere, on both laptops', () => {
    const { a, b, e, d, toA, toB } = demandUnderDeleted();
    expect(toA.orphans).toBe(1);
    expect(toB.orphans).toBe(1);
    for (const t of [a, b]) {
      expect(orphans(t)).toEqual([
        {
          kind: 'demands',
          recordId: d.id,
          recordLabel: '需要检测设备',
          parentKind: 'enterprises',
          parentId: e.id,
          parentLabel: '甲公司',
          reason: 'deleted',
          suggestedParentId: null,
        },
      ]);
      expect(t.ok('sync.status', {}).orphans).toBe(1);
      // The demand still opens, and the board shows it with its enterprise marked deleted.
      expect(t.ok('demands.get', { id: d.id })).toMatchObject({
        enterpriseId: e.id,
        enterpriseDeleted: true,
      });
      const row = t.ok('demands.openBoard', {}).rows.find((r) => r.id === d.id);
      expect(row).toMatchObject({ enterpriseName: '甲公司', enterpriseDeleted: true });
    }
  });

  it('re-attaches an orphan to a live parent, and the move syncs', () => {
    const { a, b, other, d } = demandUnderDeleted();
    const bad = a.err('orphans.resolve', {
      kind: 'demands',
      recordId: d.id,
      action: 'reattach',
      parentId: d.id,
    });
    expect(bad.code).toBe('NOT_FOUND');
    a.clock.ms += 60_000;
    a.ok('orphans.resolve', { kind: 'demands', recordId: d.id, action: 'reattach', parentId: other.id });
    expect(a.ok('demands.get', { id: d.id }).enterpriseId).toBe(other.id);
    expect(orphans(a)).toEqual([]);
    ship(a, b);
    expect(b.ok('demands.get', { id: d.id }).enterpriseId).toBe(other.id);
    expect(orphans(b)).toEqual([]);
  });

  it('restores the parent, and then the delete rules hold again', () => {
    const { a, b, e, d } = demandUnderDeleted();
    a.clock.ms += 60_000;
    a.ok('orphans.resolve', { kind: 'demands', recordId: d.id, action: 'restoreParent' });
    expect(a.ok('enterprises.get', { id: e.id }).openDemands).toBe(1);
    expect(orphans(a)).toEqual([]);
    ship(a, b);
    expect(b.ok('enterprises.get', { id: e.id }).deletedAt).toBeNull();
    expect(orphans(b)).toEqual([]);
    for (const t of [a, b]) {
      const refused = t.err('enterprises.delete', { id: e.id });
      expect(refused.code).toBe('CONFLICT');
    }
  });

  it('restoring the parent also settles an edit of it lost to the same delete', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    ship(a, b, true);
    a.clock.ms += 10_000;
    b.clock.ms += 20_000;
    a.ok('enterprises.delete', { id: e.id });
    b.ok('enterprises.update', { id: e.id, address: '乙路2号' });
    const d = b.ok('demands.create', { enterpriseId: e.id, categories: ['tech'], title: '需要检测设备' });
    exchange(a, b);
    expect(deleteConflicts(a)).toHaveLength(1);
    a.clock.ms += 60_000;
    a.ok('orphans.resolve', { kind: 'demands', recordId: d.id, action: 'restoreParent' });
    expect(a.ok('enterprises.get', { id: e.id }).address).toBe('乙路2号');
    expect(deleteConflicts(a)).toHaveLength(0);
  });

  it('deletes an orphan by its own delete rules, and the delete syncs', () => {
    const { a, b, c, d } = demandUnderDeleted();
    a.clock.ms += 60_000;
    a.ok('orphans.resolve', { kind: 'demands', recordId: d.id, action: 'delete' });
    expect(a.err('demands.get', { id: d.id }).code).toBe('NOT_FOUND');
    expect(orphans(a)).toEqual([]);
    ship(a, b);
    expect(orphans(b)).toEqual([]);
    // A third laptop receiving everything sees no orphan either.
    ship(a, c, true);
    expect(orphans(c)).toEqual([]);
    expect(c.ok('sync.status', {}).orphans).toBe(0);
  });

  it('lists a follow-up of a visit deleted elsewhere', () => {
    const { a, b } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    const v = a.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite' });
    ship(a, b, true);
    a.clock.ms += 10_000;
    b.clock.ms += 20_000;
    a.ok('visits.delete', { id: v.id });
    const f = b.ok('followups.create', { parentType: 'visit', parentId: v.id, content: '回访设备使用情况' });
    exchange(a, b);
    for (const t of [a, b]) {
      expect(orphans(t)).toMatchObject([
        { kind: 'followups', recordId: f.id, parentKind: 'visits', parentId: v.id, reason: 'deleted' },
      ]);
    }
    a.clock.ms += 60_000;
    a.ok('orphans.resolve', { kind: 'followups', recordId: f.id, action: 'restoreParent' });
    expect(a.ok('visits.get', { id: v.id }).deletedAt).toBeNull();
    expect(orphans(a)).toEqual([]);
  });

  it('suggests the survivor for a visit made under the losing copy of a duplicate merge', () => {
    const { a, b } = team();
    const ea = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '闽江智造' });
    const eb = b.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '闽江智造有限公司' });
    ship(a, b, true);
    ship(b, a, true);
    a.clock.ms += 10_000;
    b.clock.ms += 20_000;
    a.ok('duplicates.merge', { keepId: ea.id, mergeIds: [eb.id] });
    const vb = b.ok('visits.create', { enterpriseId: eb.id, date: '2026-11-20', mode: 'onsite' });
    exchange(a, b);
    for (const t of [a, b]) {
      expect(orphans(t)).toEqual([
        {
          kind: 'visits',
          recordId: vb.id,
          recordLabel: vb.visitNo,
          parentKind: 'enterprises',
          parentId: eb.id,
          parentLabel: '闽江智造有限公司',
          reason: 'merged',
          suggestedParentId: ea.id,
        },
      ]);
    }
    // A merged-away parent is not brought back: the record goes to the survivor.
    expect(b.err('orphans.resolve', { kind: 'visits', recordId: vb.id, action: 'restoreParent' }).code).toBe(
      'VALIDATION',
    );
    b.clock.ms += 60_000;
    b.ok('orphans.resolve', { kind: 'visits', recordId: vb.id, action: 'reattach' });
    expect(b.ok('visits.get', { id: vb.id }).enterpriseId).toBe(ea.id);
    ship(b, a);
    expect(a.ok('visits.get', { id: vb.id }).enterpriseId).toBe(ea.id);
    expect(orphans(a)).toEqual([]);
  });

  it("mends a clinic's entry for an enterprise deleted elsewhere, and only that entry", () => {
    const { a, b } = team();
    const e1 = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    const e2 = a.ok('enterprises.create', { uscc: VALID_USCC[1]!, name: '乙公司' });
    const e3 = a.ok('enterprises.create', { uscc: freshUscc(), name: '丙公司' });
    ship(a, b, true);
    a.clock.ms += 10_000;
    b.clock.ms += 20_000;
    a.ok('enterprises.delete', { id: e1.id });
    const clinic = b.ok('clinics.create', {
      date: '2026-11-20',
      topic: '数控机床专家会诊',
      enterprises: [{ enterpriseId: e1.id, problems: '主轴振动' }, { enterpriseId: e2.id }],
    });
    exchange(a, b);
    expect(orphans(a)).toMatchObject([
      { kind: 'clinics', recordId: clinic.id, recordLabel: '数控机床专家会诊', parentId: e1.id },
    ]);
    a.clock.ms += 60_000;
    a.ok('orphans.resolve', { kind: 'clinics', recordId: clinic.id, action: 'reattach', parentId: e3.id });
    expect(a.ok('clinics.get', { id: clinic.id }).enterprises).toEqual([
      { enterpriseId: e3.id, problems: '主轴振动' },
      { enterpriseId: e2.id },
    ]);
    ship(a, b);
    expect(orphans(b)).toEqual([]);

    // Deleting the orphaned entry of a clinic drops that entry; the clinic stays.
    b.clock.ms = a.clock.ms + 10_000;
    a.clock.ms += 20_000;
    b.ok('enterprises.delete', { id: e2.id });
    exchange(a, b);
    b.ok('orphans.resolve', { kind: 'clinics', recordId: clinic.id, action: 'delete' });
    expect(b.ok('clinics.get', { id: clinic.id }).enterprises).toEqual([
      { enterpriseId: e3.id, problems: '主轴振动' },
    ]);
  });

  it('still refuses locally to delete an enterprise with open demands', () => {
    const { a } = team();
    const e = a.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '甲公司' });
    a.ok('demands.create', { enterpriseId: e.id, categories: ['tech'], title: '需要检测设备' });
    expect(a.err('enterprises.delete', { id: e.id }).code).toBe('CONFLICT');
    expect(orphans(a)).toEqual([]);
  });
});
