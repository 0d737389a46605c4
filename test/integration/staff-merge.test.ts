import { describe, expect, it } from 'vitest';
import type { TestCore } from '../helpers';
import { pair, exchange } from './syncPair';
import { makeEnterprise } from './fixtures';

// Staff members are people, not devices (shared/DOMAIN.md, "staff"): when a laptop joins, the
// same person recorded on both (same name and phone) is offered for merging like duplicate
// enterprises, and the merge points every record that named the copy at the survivor.

/** Every record naming `staffId` on this laptop, by table and column (JSON lists included). */
function namings(t: TestCore, staffId: string): string[] {
  const db = t.core.store.db;
  const out: string[] = [];
  const cols = [
    ['enterprises', 'liaisonStaffId'],
    ['visits', 'leadStaffId'],
    ['visits', 'staffIds'],
    ['visits', 'reviewedBy'],
    ['demands', 'assigneeStaffId'],
    ['demands', 'supervision'],
    ['followups', 'ownerStaffId'],
    ['activities', 'organizerStaffIds'],
    ['demand_history', 'by'],
  ] as const;
  for (const [table, col] of cols) {
    const n = db
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE "deletedAt" IS NULL AND instr("${col}", ?) > 0`)
      .get(staffId) as { n: number };
    if (n.n) out.push(`${table}.${col}`);
  }
  return out;
}

describe('staff recorded on two laptops', () => {
  it('are offered for merging after a join, and the merge repoints every reference on both', () => {
    const { a, b } = pair();
    const wa = a.ok('staff.create', { name: '王伟', phone: '13800001111', role: 'supervisor' });
    a.ok('staff.create', { name: '王伟', phone: '13900002222' }); // a namesake, another person
    const wb = b.ok('staff.create', { name: '王伟 ', phone: '138-0000-1111', role: 'supervisor' });
    // On b, 王伟 does the work: leads a visit with a demand, follows it up, organises an activity.
    b.ok('me.set', { staffId: wb.id });
    const e = makeEnterprise(b, { liaisonStaffId: wb.id });
    const visit = b.ok('visits.create', {
      enterpriseId: e.id,
      date: '2026-11-20',
      mode: 'onsite',
      leadStaffId: wb.id,
      staffIds: [wb.id, b.meId],
      demands: [{ categories: ['tech'], title: '需要检测设备', assigneeStaffId: wb.id }],
    });
    b.ok('visits.update', { id: visit.id, status: 'reviewed' });
    const demandId = b.ok('demands.list', { filter: { sourceVisitId: visit.id } }).rows[0]!.id;
    b.ok('demands.supervise', { ids: [demandId], level: 'bureau', note: '重点跟进' });
    b.ok('followups.create', {
      parentType: 'demand',
      parentId: demandId,
      dueDate: '2026-11-25',
      ownerStaffId: wb.id,
    });
    b.ok('activities.create', {
      type: 'policy_briefing',
      date: '2026-11-10',
      title: '研发费用加计扣除政策宣讲',
      organizerStaffIds: [wb.id],
      attendees: 40,
    });
    expect(namings(b, wb.id)).toHaveLength(9);

    exchange(a, b);
    const { groups } = a.ok('staff.duplicates', {});
    expect(groups).toHaveLength(1);
    expect(groups[0]!.staff.map((s) => s.id).sort()).toEqual([wa.id, wb.id].sort());
    expect(b.ok('staff.duplicates', {}).groups).toHaveLength(1);

    const merged = a.ok('staff.merge', { keepId: wa.id, mergeIds: [wb.id] });
    expect(merged.kept.id).toBe(wa.id);
    expect(merged.moved).toMatchObject({
      visits: 1,
      demands: 1,
      followups: 1,
      activities: 1,
      enterprises: 1,
    });
    expect(namings(a, wb.id)).toEqual([]);
    expect(namings(a, wa.id)).toHaveLength(9);
    expect(a.ok('demands.get', { id: demandId }).supervision?.by).toBe(wa.id);
    expect(a.ok('staff.list', {}).rows.map((s) => s.id)).not.toContain(wb.id);
    expect(a.ok('staff.duplicates', {}).groups).toEqual([]);

    exchange(a, b);
    expect(namings(b, wb.id)).toEqual([]);
    expect(namings(b, wa.id)).toHaveLength(9);
    expect(b.ok('visits.get', { id: visit.id }).leadStaffId).toBe(wa.id);
    expect(b.ok('staff.duplicates', {}).groups).toEqual([]);
    // b's user was the merged-away copy: the laptop now knows its user as the survivor.
    expect(b.ok('app.info', {}).me?.id).toBe(wa.id);
  });

  it('are not offered when only the name is the same, and a merge keeps one person', () => {
    const { a } = pair();
    const one = a.ok('staff.create', { name: '李娜', phone: '13800001111' });
    a.ok('staff.create', { name: '李娜', phone: '13800009999' });
    a.ok('staff.create', { name: '李娜' });
    expect(a.ok('staff.duplicates', {}).groups).toEqual([]);
    expect(a.err('staff.merge', { keepId: one.id, mergeIds: [one.id] })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'mergeIds.0' },
    });
  });
});
