import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { freshUscc, makeEnterprise } from './fixtures';

// Finding anything (issue 15): one search through `search.global`, and each grid's
// `KIND.list {q}` reading the same fields — a visit or a demand found by its enterprise.

function district(t: TestCore) {
  const uscc = freshUscc();
  const huake = makeEnterprise(t, {
    uscc,
    name: '华科智能装备有限公司',
    formerNames: ['福州盛芯电子厂'],
    contacts: [{ name: '林晓峰', phone: '13905912345' }],
  });
  const other = makeEnterprise(t, { name: '闽江食品有限公司' });
  const visit = t.ok('visits.create', {
    enterpriseId: huake.id,
    date: '2026-11-20',
    mode: 'onsite',
    summary: '了解生产情况',
  });
  const otherVisit = t.ok('visits.create', {
    enterpriseId: other.id,
    date: '2026-11-21',
    mode: 'onsite',
    summary: '走访',
  });
  const demand = t.ok('demands.create', {
    enterpriseId: huake.id,
    categories: ['tech'],
    title: '需要检测设备',
  });
  t.ok('demands.create', { enterpriseId: other.id, categories: ['tech'], title: '需要冷库' });
  const expert = t.ok('experts.create', { name: '陈华', organization: '福州大学' });
  const unit = t.ok('units.create', { name: '区工信局', contact: '王科长' });
  return { uscc, huake, other, visit, otherVisit, demand, expert, unit };
}

const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

describe('KIND.list {q}', () => {
  it('finds an enterprise by name, former name, any part of its USCC, pinyin initials and contact', () => {
    const t = makeCore();
    const d = district(t);
    for (const q of ['华科', '盛芯', d.uscc.slice(-8), 'hkzn', 'HKZN', '林晓峰', '13905912345']) {
      expect(ids(t.ok('enterprises.list', { q })), q).toEqual([d.huake.id]);
    }
    // Initials match from any word of the name, not across the JSON of a list.
    expect(ids(t.ok('enterprises.list', { q: 'fzsx' }))).toEqual([d.huake.id]);
    expect(ids(t.ok('enterprises.list', { q: 'zbmj' }))).toEqual([]);
    // A key of the contacts' JSON is no contact.
    expect(ids(t.ok('enterprises.list', { q: 'phone' }))).toEqual([]);
  });

  it('finds a visit and a demand by their enterprise (name, USCC, initials)', () => {
    const t = makeCore();
    const d = district(t);
    for (const q of ['华科', '盛芯', d.uscc, 'hkzn']) {
      expect(ids(t.ok('visits.list', { q })), q).toEqual([d.visit.id]);
      expect(ids(t.ok('demands.list', { q })), q).toEqual([d.demand.id]);
    }
    // Still by their own fields, and every word must match somewhere.
    expect(ids(t.ok('visits.list', { q: d.visit.visitNo! }))).toEqual([d.visit.id]);
    expect(ids(t.ok('visits.list', { q: '华科 生产' }))).toEqual([d.visit.id]);
    expect(ids(t.ok('visits.list', { q: '闽江 生产' }))).toEqual([]);
    expect(ids(t.ok('demands.list', { q: '检测' }))).toEqual([d.demand.id]);
  });

  it('treats LIKE wildcards in a query as text', () => {
    const t = makeCore();
    district(t);
    expect(t.ok('enterprises.list', { q: '%' }).total).toBe(0);
    expect(t.ok('enterprises.list', { q: '_' }).total).toBe(0);
  });
});

describe('search.global', () => {
  it('groups what it finds by kind', () => {
    const t = makeCore();
    const d = district(t);
    const r = t.ok('search.global', { q: '华科' });
    const byKind = Object.fromEntries(r.groups.map((g) => [g.kind, g.items.map((i) => i.id)]));
    expect(byKind).toEqual({
      enterprises: [d.huake.id],
      visits: [d.visit.id],
      demands: [d.demand.id],
    });
    const ent = r.groups.find((g) => g.kind === 'enterprises')!.items[0]!;
    expect(ent).toMatchObject({ title: '华科智能装备有限公司', detail: expect.stringContaining(d.uscc) });
    const visit = r.groups.find((g) => g.kind === 'visits')!.items[0]!;
    expect(visit.title).toContain(d.visit.visitNo!);
    expect(visit.detail).toContain('华科智能装备有限公司');
  });

  it('finds experts and units, and by pinyin initials', () => {
    const t = makeCore();
    const d = district(t);
    const kinds = (q: string) =>
      Object.fromEntries(t.ok('search.global', { q }).groups.map((g) => [g.kind, g.items.map((i) => i.id)]));
    expect(kinds('福州大学')).toEqual({ experts: [d.expert.id] });
    expect(kinds('王科长')).toEqual({ units: [d.unit.id] });
    expect(kinds('hkzn')).toEqual({
      enterprises: [d.huake.id],
      visits: [d.visit.id],
      demands: [d.demand.id],
    });
  });

  it('caps each group at the limit and says whether there are more', () => {
    const t = makeCore();
    for (let i = 0; i < 4; i++) makeEnterprise(t, { name: `海峡科技${i}号有限公司` });
    const [g] = t.ok('search.global', { q: '海峡', limit: 3 }).groups;
    expect(g).toMatchObject({ kind: 'enterprises', more: true });
    expect(g!.items).toHaveLength(3);
    expect(t.ok('search.global', { q: '海峡', limit: 4 }).groups[0]).toMatchObject({ more: false });
  });

  it("finds a visit by its number and enterprise, not by its summary (that is the grid's search)", () => {
    const t = makeCore();
    const d = district(t);
    expect(t.ok('search.global', { q: '了解生产' }).groups).toEqual([]);
    expect(t.ok('visits.list', { q: '了解生产' }).rows.map((r) => r.id)).toEqual([d.visit.id]);
  });

  it('answers an empty query with no groups, and leaves out deleted records', () => {
    const t = makeCore();
    const d = district(t);
    expect(t.ok('search.global', { q: '  ' }).groups).toEqual([]);
    t.ok('experts.delete', { id: d.expert.id });
    expect(t.ok('search.global', { q: '福州大学' }).groups).toEqual([]);
  });
});
