import { describe, expect, it } from 'vitest';
import { makeCore, snapshot, type TestCore, zhOf } from '../helpers';
import { demandIn, makeEnterprise } from './fixtures';

// 服务活动 and 服务成效: their rules, what a refusal leaves (nothing), merges and deletes of
// the enterprises they name, and their sync between two laptops.

const PASS = 'correct horse battery staple';

function briefing(t: TestCore, fields: Record<string, unknown> = {}) {
  return t.ok('activities.create', {
    type: 'policy_briefing',
    date: '2026-11-10',
    title: '研发费用加计扣除政策宣讲会',
    ...fields,
  } as never);
}

describe('activities', () => {
  it('is held when dated up to today and planned after it, with empty lists for what is not given', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const held = briefing(t, { enterpriseIds: [e.id] });
    expect(held).toMatchObject({
      status: 'held',
      enterpriseIds: [e.id],
      organizerStaffIds: [],
      expertIds: [],
      enterpriseCount: 1,
    });
    const planned = briefing(t, { date: '2026-12-08' });
    expect(planned).toMatchObject({ status: 'planned', attendees: null, enterpriseCount: 0 });
    // Held with attendees only (人次 from a sign-in sheet): allowed.
    expect(briefing(t, { attendees: 60 })).toMatchObject({ status: 'held', attendees: 60 });
  });

  it('refuses a held activity that says neither who took part nor how many, also by an update', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const before = snapshot(t.core);
    const err = t.err('activities.create', {
      type: 'training',
      date: '2026-11-02',
      title: '高企申报培训',
      status: 'held',
    });
    expect(err).toMatchObject({ code: 'VALIDATION', details: { field: 'attendees' } });
    expect(zhOf(err)).toContain('已举办的活动须填写参加企业或参加人次');
    expect(snapshot(t.core)).toEqual(before);

    const planned = briefing(t, { date: '2026-12-08' });
    const move = t.err('activities.update', { id: planned.id, status: 'held' });
    expect(move).toMatchObject({ code: 'VALIDATION', details: { field: 'attendees' } });
    expect(
      t.ok('activities.update', { id: planned.id, status: 'held', enterpriseIds: [e.id] }),
    ).toMatchObject({
      status: 'held',
    });
    const held = briefing(t, { attendees: 30 });
    expect(t.err('activities.update', { id: held.id, attendees: null })).toMatchObject({
      details: { field: 'attendees' },
    });
    // A cancelled one needs neither.
    expect(t.ok('activities.update', { id: held.id, status: 'cancelled', attendees: null })).toMatchObject({
      status: 'cancelled',
    });
  });
});

describe('outcomes', () => {
  it('counts one, is done unless said otherwise, and names its enterprise and demand', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '启明精密机械有限公司' });
    const d = demandIn(t, 'closed', { enterpriseId: e.id, title: '融资需求' });
    const o = t.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'financing',
      date: '2026-11-15',
      amount: 5_000_000,
      demandId: d.id,
    });
    expect(o).toMatchObject({
      count: 1,
      status: 'done',
      amount: 5_000_000,
      enterpriseName: '启明精密机械有限公司',
      demandTitle: '融资需求',
    });
    expect(t.ok('outcomes.list', { filter: { demandId: d.id } }).rows.map((r) => r.id)).toEqual([o.id]);
    // Cents are kept; a third decimal is refused, in Chinese, naming the field.
    expect(t.ok('outcomes.update', { id: o.id, amount: 1234.56 }).amount).toBe(1234.56);
    const before = snapshot(t.core);
    const third = t.err('outcomes.update', { id: o.id, amount: 1234.567 });
    expect(third).toMatchObject({ code: 'VALIDATION', details: { field: 'amount' } });
    expect(zhOf(third)).toContain('金额最多保留两位小数');
    const negative = t.err('outcomes.create', {
      enterpriseId: e.id,
      type: 'policy_funds',
      date: '2026-11-15',
      amount: -100,
    });
    expect(negative).toMatchObject({ code: 'VALIDATION', details: { field: 'amount' } });
    expect(zhOf(negative)).toContain('金额不能为负数');
    expect(snapshot(t.core)).toEqual(before);
  });

  it('refuses a demand of another enterprise, also when the enterprise changes under it', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const other = makeEnterprise(t);
    const d = demandIn(t, 'closed', { enterpriseId: e.id });
    const o = t.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'ip_pledge',
      date: '2026-11-01',
      demandId: d.id,
    });
    const err = t.err('outcomes.update', { id: o.id, enterpriseId: other.id });
    expect(err).toMatchObject({ code: 'VALIDATION', details: { field: 'demandId' } });
    expect(zhOf(err)).toContain('所选需求不是该企业的需求');
    // Moved with its demand dropped: fine.
    expect(t.ok('outcomes.update', { id: o.id, enterpriseId: other.id, demandId: null })).toMatchObject({
      enterpriseId: other.id,
      demandId: null,
    });
  });
});

describe('the enterprises they name', () => {
  it('a merge moves outcomes and activity participation to the enterprise kept', () => {
    const t = makeCore();
    const keep = makeEnterprise(t);
    const dup = makeEnterprise(t);
    const third = makeEnterprise(t);
    const o = t.ok('outcomes.create', { enterpriseId: dup.id, type: 'tech_contract', date: '2026-10-01' });
    const both = briefing(t, { enterpriseIds: [keep.id, dup.id] });
    const one = briefing(t, { enterpriseIds: [dup.id, third.id] });
    const r = t.ok('duplicates.merge', { keepId: keep.id, mergeIds: [dup.id] });
    expect(r.moved).toMatchObject({ outcomes: 1, activities: 2 });
    expect(t.ok('outcomes.get', { id: o.id }).enterpriseId).toBe(keep.id);
    expect(t.ok('activities.get', { id: both.id }).enterpriseIds).toEqual([keep.id]);
    expect(t.ok('activities.get', { id: one.id }).enterpriseIds).toEqual([keep.id, third.id]);
  });

  it('an outcome of a deleted enterprise is an orphan, deleted or re-attached like a demand', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const o = t.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'policy_funds',
      date: '2026-10-01',
      description: '研发补助',
    });
    t.ok('enterprises.delete', { id: e.id });
    expect(t.ok('orphans.list', {}).rows).toMatchObject([
      {
        kind: 'outcomes',
        recordId: o.id,
        recordLabel: '研发补助',
        parentKind: 'enterprises',
        parentId: e.id,
      },
    ]);
    t.ok('orphans.resolve', { kind: 'outcomes', recordId: o.id, action: 'delete' });
    expect(t.ok('orphans.list', {}).rows).toEqual([]);
    expect(t.ok('outcomes.list', {}).total).toBe(0);
  });
});

describe('demands raised at an activity', () => {
  it("have source 'activity' and name it; the enterprise must have taken part", () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const other = makeEnterprise(t);
    const a = briefing(t, { enterpriseIds: [e.id] });
    const d = t.ok('demands.create', {
      enterpriseId: e.id,
      categories: ['policy'],
      title: '加计扣除政策咨询',
      sourceActivityId: a.id,
    });
    expect(d).toMatchObject({ source: 'activity', sourceActivityId: a.id });
    const before = snapshot(t.core);
    expect(
      t.err('demands.create', {
        enterpriseId: other.id,
        categories: ['policy'],
        title: 'x',
        sourceActivityId: a.id,
      }),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'sourceActivityId' } });
    expect(
      t.err('demands.create', { enterpriseId: e.id, categories: ['policy'], title: 'x', source: 'activity' }),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'sourceActivityId' } });
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('the enterprise timeline', () => {
  it('lists the activities it took part in and its outcomes, with type, amount and the demand answered', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const other = makeEnterprise(t);
    const organiser = t.ok('staff.create', { name: '李组织' });
    const d = demandIn(t, 'closed', { enterpriseId: e.id });
    const a = briefing(t, { enterpriseIds: [e.id], organizerStaffIds: [organiser.id] });
    briefing(t, { title: '别家的活动', enterpriseIds: [other.id] });
    const o = t.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'policy_funds',
      date: '2026-11-20',
      amount: 88_090_000,
      description: '研发补助',
      demandId: d.id,
    });
    const items = t.ok('enterprises.timeline', { id: e.id }).items;
    expect(items.filter((i) => i.type === 'activity' || i.type === 'outcome')).toEqual([
      expect.objectContaining({
        type: 'outcome',
        id: o.id,
        at: '2026-11-20',
        title: '研发补助',
        status: 'done',
        kind: 'policy_funds',
        amount: 88_090_000,
        refId: d.id,
      }),
      expect.objectContaining({
        type: 'activity',
        id: a.id,
        at: '2026-11-10',
        kind: 'policy_briefing',
        staffName: '李组织',
        status: 'held',
      }),
    ]);
  });
});

describe('sync', () => {
  it('carries activities and outcomes, their edits and deletes, to the other laptop', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '启明区科技局', passphrase: PASS });
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    const ship = (from: TestCore, to: TestCore) => {
      const file = from.ok('sync.export', {});
      to.ok('sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName });
    };
    const e = makeEnterprise(a);
    const act = briefing(a, { enterpriseIds: [e.id], attendees: 45 });
    const out = a.ok('outcomes.create', {
      enterpriseId: e.id,
      type: 'tech_contract',
      date: '2026-11-03',
      amount: 880000.5,
    });
    const gone = a.ok('outcomes.create', { enterpriseId: e.id, type: 'other', date: '2026-11-04' });
    ship(a, b);
    expect(b.ok('activities.get', { id: act.id })).toMatchObject({ enterpriseIds: [e.id], attendees: 45 });
    expect(b.ok('outcomes.get', { id: out.id })).toMatchObject({ amount: 880000.5, count: 1 });

    b.clock.ms += 60_000;
    b.ok('activities.update', { id: act.id, attendees: 52 });
    b.ok('outcomes.delete', { id: gone.id });
    ship(b, a);
    expect(a.ok('activities.get', { id: act.id }).attendees).toBe(52);
    expect(a.ok('outcomes.list', {}).rows.map((r) => r.id)).toEqual([out.id]);
  });
});
