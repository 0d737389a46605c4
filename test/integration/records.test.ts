import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeCore, snapshot, tempDir, VALID_USCC, type TestCore } from '../helpers';
import type { MethodName, RecordKind } from '@shared/contract/methods';
import { KINDS, UNCAPTURED } from '../../src-main/store/schema';
import { VISIT_NO_RE } from '@shared/domain/visitNo';
import { freshUscc, makeDemand, makeEnterprise, moveInput, withWrongCheck } from './fixtures';

type Rec = { id: string; [k: string]: unknown };

/** For each kind: how to make the i-th record (carrying a search marker), a patch, and a sort field. */
interface KindSpec {
  make(t: TestCore, i: number, marker: string): Record<string, unknown>;
  patch: Record<string, unknown>;
  sortField: string;
}

function parents(t: TestCore) {
  const enterprise = makeEnterprise(t);
  const visit = t.ok('visits.create', { enterpriseId: enterprise.id, date: '2026-11-01', mode: 'onsite' });
  const expert = t.ok('experts.create', { name: '陈教授' });
  return { enterprise, visit, expert };
}

const SPECS: Record<RecordKind, KindSpec> = {
  staff: {
    make: (_t, i, m) => ({ name: `${m}${i}`, phone: `1380000000${i}`, role: 'staff' }),
    patch: { phone: '139 0000 0000', active: false },
    sortField: 'name',
  },
  enterprises: {
    make: (_t, i, m) => ({
      uscc: freshUscc(),
      name: `${m}${i}科技有限公司`,
      town: '东街道',
      industry: 'c39',
    }),
    patch: { address: '高新大道 1 号', status: 'unreachable' },
    sortField: 'name',
  },
  experts: {
    make: (_t, i, m) => ({ name: `${m}${i}`, organization: '福州大学', speciality: '材料' }),
    patch: { title: '教授' },
    sortField: 'name',
  },
  units: {
    make: (_t, i, m) => ({ name: `${m}${i}`, kind: 'department', contact: '王科长' }),
    patch: { phone: '0591-87654321', active: false },
    sortField: 'name',
  },
  visits: {
    make: (t, i, m) => ({
      enterpriseId: parents(t).enterprise.id,
      date: `2026-10-0${i + 1}`,
      mode: 'onsite',
      summary: `${m} 第${i}次`,
    }),
    patch: { summary: '经营正常', solvedOnSite: true },
    sortField: 'date',
  },
  demands: {
    make: (t, i, m) => ({
      enterpriseId: makeEnterprise(t).id,
      categories: ['tech', 'ip'],
      title: `${m}${i}`,
    }),
    patch: { description: '需要专利布局指导', level: 'city' },
    sortField: 'title',
  },
  clinics: {
    make: (t, i, m) => {
      const p = parents(t);
      return {
        date: `2026-09-1${i}`,
        topic: `${m}${i}`,
        expertIds: [p.expert.id],
        enterprises: [{ enterpriseId: p.enterprise.id, problems: '良率低' }],
      };
    },
    patch: { place: '区科技局三楼', status: 'held', cooperationIntentions: 2 },
    sortField: 'topic',
  },
  followups: {
    make: (t, i, m) => ({
      parentType: 'visit',
      parentId: parents(t).visit.id,
      content: `${m}${i}`,
      dueDate: `2026-12-0${i + 1}`,
    }),
    patch: { result: '已落实', channel: 'online' },
    sortField: 'content',
  },
  activities: {
    make: (t, i, m) => ({
      type: 'training',
      date: `2026-08-1${i}`,
      title: `${m}${i}`,
      enterpriseIds: [parents(t).enterprise.id],
      attendees: 20 + i,
    }),
    patch: { place: '区科技局报告厅', summary: '讲解高企认定' },
    sortField: 'title',
  },
  outcomes: {
    make: (t, i, m) => ({
      enterpriseId: makeEnterprise(t).id,
      type: 'policy_funds',
      date: `2026-07-1${i}`,
      amount: 150000.5 + i,
      description: `${m}${i}`,
    }),
    patch: { status: 'approved', count: 2 },
    sortField: 'description',
  },
};

const KIND_LIST = Object.keys(SPECS) as RecordKind[];
const m = (kind: RecordKind, op: string) => `${kind}.${op}` as MethodName;

describe.each(KIND_LIST)('%s: create, get, update, soft delete', (kind) => {
  const spec = SPECS[kind];
  const call = (t: TestCore, op: string, input: unknown) =>
    t.ok(m(kind, op) as 'staff.get', input as never) as Rec;

  it('creates, reads, updates and soft-deletes', () => {
    const t = makeCore();
    const input = spec.make(t, 1, '记录');
    const created = call(t, 'create', input);
    expect(created.id).toEqual(expect.any(String));
    for (const [k, v] of Object.entries(input)) {
      if (k === 'uscc' || k === 'industry' || k === 'staffIds') continue;
      expect(created[k], k).toEqual(v);
    }
    expect(created).toMatchObject({
      deletedAt: null,
      createdAt: new Date(t.clock.ms).toISOString(),
      updatedAt: new Date(t.clock.ms).toISOString(),
      updatedByDevice: t.core.store.device.id,
      updatedByStaff: t.meId,
    });
    expect(call(t, 'get', { id: created.id })).toEqual(created);

    t.clock.advanceDays(1);
    const updated = call(t, 'update', { id: created.id, ...spec.patch });
    expect(updated).toMatchObject(spec.patch);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt).toBe(new Date(t.clock.ms).toISOString());
    expect(call(t, 'get', { id: created.id })).toEqual(updated);
    // Fields the patch did not name are kept.
    for (const k of Object.keys(input)) if (!(k in spec.patch)) expect(updated[k]).toEqual(created[k]);

    t.clock.advanceDays(1);
    const del = call(t, 'delete', { id: created.id });
    expect(del).toEqual({ id: created.id, deletedAt: new Date(t.clock.ms).toISOString() });
    for (const op of ['get', 'delete'] as const) {
      expect(t.err(m(kind, op), { id: created.id })).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(t.err(m(kind, 'update'), { id: created.id, ...spec.patch }).code).toBe('NOT_FOUND');
    const listed = t.ok(m(kind, 'list') as 'staff.list', {}).rows.map((r) => r.id);
    expect(listed).not.toContain(created.id);
    const withDeleted = t.ok(m(kind, 'list') as 'staff.list', { includeDeleted: true }).rows;
    expect(withDeleted.find((r) => r.id === created.id)).toMatchObject({ deletedAt: del.deletedAt });
    // Still in the table: deletes are soft.
    const row = t.core.store.db
      .prepare(`SELECT "deletedAt" FROM "${KINDS[kind].table}" WHERE "id" = ?`)
      .get(created.id);
    expect(row).toEqual({ deletedAt: del.deletedAt });
  });

  it('an update that changes nothing leaves the record alone', () => {
    const t = makeCore();
    const created = call(t, 'create', spec.make(t, 1, '原样'));
    call(t, 'update', { id: created.id, ...spec.patch });
    const before = snapshot(t.core);
    t.clock.advanceDays(1);
    call(t, 'update', { id: created.id, ...spec.patch });
    expect(snapshot(t.core)).toEqual(before);
  });

  it('lists with filter, sort, offset, limit, q and total', () => {
    const t = makeCore();
    const marker = `检索${kind}`;
    const made: Record<number, Rec> = {};
    for (const i of [3, 0, 4, 1, 2]) made[i] = call(t, 'create', spec.make(t, i, marker));
    const other = call(t, 'create', spec.make(t, 5, '别的'));
    const list = (q: Record<string, unknown>) =>
      t.ok(m(kind, 'list') as 'staff.list', q as never) as unknown as { rows: Rec[]; total: number };
    const ids = (rows: Rec[]) => rows.map((r) => r.id);
    const asc = [0, 1, 2, 3, 4].map((i) => made[i]!.id);

    const all = list({ q: marker, sort: [{ field: spec.sortField, dir: 'asc' }] });
    expect(ids(all.rows)).toEqual(asc);
    expect(all.total).toBe(5);
    const desc = list({ q: marker, sort: [{ field: spec.sortField, dir: 'desc' }] });
    expect(ids(desc.rows)).toEqual([...asc].reverse());
    const page = list({ q: marker, sort: [{ field: spec.sortField, dir: 'asc' }], offset: 1, limit: 2 });
    expect(ids(page.rows)).toEqual(asc.slice(1, 3));
    expect(page.total).toBe(5);
    const lastPage = list({ q: marker, sort: [{ field: spec.sortField, dir: 'asc' }], offset: 4, limit: 2 });
    expect(ids(lastPage.rows)).toEqual(asc.slice(4));
    expect(lastPage.total).toBe(5);
    expect(list({ q: marker, offset: 10 })).toEqual({ rows: [], total: 5 });

    // q: every word must match; the other record is not found by the marker.
    expect(ids(list({ q: marker }).rows)).not.toContain(other.id);
    expect(list({ q: `${marker} 不存在的词` }).total).toBe(0);
    expect(list({}).total).toBeGreaterThanOrEqual(6);

    // Filters: equality, list, operators, and the id.
    const third = made[3]!;
    const v3 = third[spec.sortField];
    expect(ids(list({ filter: { [spec.sortField]: v3 } }).rows)).toEqual([third.id]);
    expect(
      ids(
        list({
          filter: { [spec.sortField]: { in: [v3, made[1]![spec.sortField]] } },
          sort: [{ field: spec.sortField, dir: 'asc' }],
        }).rows,
      ),
    ).toEqual([made[1]!.id, third.id]);
    expect(
      ids(
        list({
          q: marker,
          filter: { [spec.sortField]: { gte: v3 } },
          sort: [{ field: spec.sortField, dir: 'asc' }],
        }).rows,
      ),
    ).toEqual(asc.slice(3));
    expect(ids(list({ q: marker, filter: { [spec.sortField]: { ne: v3 } } }).rows).sort()).toEqual(
      asc.filter((id) => id !== third.id).sort(),
    );
    expect(ids(list({ filter: { id: third.id } }).rows)).toEqual([third.id]);
    expect(list({ filter: { [spec.sortField]: [] } }).total).toBe(0);

    // Deleted rows: hidden, unless asked for.
    call(t, 'delete', { id: third.id });
    expect(list({ q: marker }).total).toBe(4);
    expect(list({ q: marker, includeDeleted: true }).total).toBe(5);
    expect(ids(list({ filter: { deletedAt: { isNull: false } }, includeDeleted: true }).rows)).toEqual([
      third.id,
    ]);
  });

  it('refuses an unknown filter or sort field by name', () => {
    const t = makeCore();
    const before = snapshot(t.core);
    const e1 = t.err(m(kind, 'list'), { filter: { colour: 'red' } });
    expect(e1).toMatchObject({ code: 'VALIDATION', details: { field: 'filter.colour' } });
    expect(e1.message).toContain("'colour'");
    const e2 = t.err(m(kind, 'list'), {
      sort: [
        { field: spec.sortField, dir: 'asc' },
        { field: 'shoeSize', dir: 'desc' },
      ],
    });
    expect(e2).toMatchObject({ code: 'VALIDATION', details: { field: 'sort.1.field' } });
    expect(e2.message).toContain("'shoeSize'");
    expect(e2.message).toContain(spec.sortField); // lists the known fields
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('list filters on special fields', () => {
  it('filters booleans, JSON lists (has), text operators and nulls', () => {
    const t = makeCore();
    const a = t.ok('staff.create', { name: '张三', active: false });
    const b = t.ok('staff.create', { name: '张三丰', phone: '123' });
    expect(t.ok('staff.list', { filter: { active: false } }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(t.ok('staff.list', { filter: { name: { startsWith: '张三' } } }).total).toBe(2);
    expect(t.ok('staff.list', { filter: { name: { contains: '三丰' } } }).rows.map((r) => r.id)).toEqual([
      b.id,
    ]);
    expect(t.ok('staff.list', { filter: { name: { contains: '%' } } }).total).toBe(0);
    expect(
      t.ok('staff.list', { filter: { phone: null, name: { startsWith: '张' } } }).rows.map((r) => r.id),
    ).toEqual([a.id]);

    const e1 = makeEnterprise(t, {
      tiers: [{ tier: 'high_tech', year: 2024 }],
      contacts: [{ name: '周经理', phone: '0591-1' }],
    });
    makeEnterprise(t, { tiers: [{ tier: 'tech_sme', year: 2025 }] });
    // 高新技术企业 is valid three years: issued in 2024, to the end of 2026.
    expect(e1.tiers).toEqual([{ tier: 'high_tech', year: 2024, expiresOn: '2026-12-31' }]);
    expect(
      t.ok('enterprises.list', { filter: { tiers: { has: 'high_tech' } } }).rows.map((r) => r.id),
    ).toEqual([e1.id]);
    expect(
      t.ok('enterprises.list', { filter: { contacts: { has: '周经理' } } }).rows.map((r) => r.id),
    ).toEqual([e1.id]);
    expect(t.err('staff.list', { filter: { name: { has: 'x' } } })).toMatchObject({
      details: { field: 'filter.name' },
    });
  });

  it('demand lists filter on categories and derived fields', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { town: '西镇', name: '派生字段公司' });
    const d1 = makeDemand(t, { enterpriseId: e.id, categories: ['finance'] });
    makeDemand(t, { categories: ['talent'] });
    expect(
      t.ok('demands.list', { filter: { categories: { has: 'finance' } } }).rows.map((r) => r.id),
    ).toEqual([d1.id]);
    expect(t.ok('demands.list', { filter: { town: '西镇' } }).rows.map((r) => r.id)).toEqual([d1.id]);
    const row = t.ok('demands.list', { filter: { enterpriseName: '派生字段公司' } }).rows[0]!;
    expect(row).toMatchObject({ id: d1.id, enterpriseName: '派生字段公司', town: '西镇' });
    expect(t.ok('enterprises.get', { id: e.id }).openDemands).toBe(1);
  });
});

describe('enterprises: USCC rules', () => {
  const [A, B] = VALID_USCC as [string, string];

  it('normalises the USCC on create', () => {
    const t = makeCore();
    const messy = ` ${A.slice(0, 4)}-${A.slice(4, 10).toLowerCase()} ${A.slice(10)} `;
    const e = t.ok('enterprises.create', { uscc: messy, name: '规范化公司' });
    expect(e.uscc).toBe(A);
    expect(e.usccOverride).toBe(false);
    const fullWidth = B.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(t.ok('enterprises.create', { uscc: fullWidth, name: '全角公司' }).uscc).toBe(B);
  });

  it('refuses a wrong check character, saying so; accepts it overridden with a reason', () => {
    const t = makeCore();
    const bad = withWrongCheck(A);
    const before = snapshot(t.core);
    const e = t.err('enterprises.create', { uscc: bad, name: '校验位错误公司' });
    expect(e).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'uscc', reason: 'check', normalized: bad },
    });
    expect(e.message).toMatch(/^uscc: /);
    expect(e.message).toContain('check character');
    expect(e.message).toContain(`should be '${A[17]}'`);
    expect(e.message).toContain('usccOverride');
    const noReason = t.err('enterprises.create', { uscc: bad, name: '校验位错误公司', usccOverride: true });
    expect(noReason).toMatchObject({ code: 'VALIDATION', details: { field: 'usccOverrideReason' } });
    const blankReason = t.err('enterprises.create', {
      uscc: bad,
      name: '校验位错误公司',
      usccOverride: true,
      usccOverrideReason: '   ',
    });
    expect(blankReason.details.field).toBe('usccOverrideReason');
    expect(t.err('enterprises.create', { uscc: 'ABC', name: 'x' }).message).toMatch(/18 characters/);
    expect(snapshot(t.core)).toEqual(before);

    const kept = t.ok('enterprises.create', {
      uscc: bad,
      name: '校验位错误公司',
      usccOverride: true,
      usccOverrideReason: '营业执照原件如此',
    });
    expect(kept).toMatchObject({ uscc: bad, usccOverride: true, usccOverrideReason: '营业执照原件如此' });
    // Updating its name keeps the override.
    expect(t.ok('enterprises.update', { id: kept.id, name: '新名称公司' }).uscc).toBe(bad);
    // Taking the override away refuses the code again.
    expect(t.err('enterprises.update', { id: kept.id, usccOverride: false }).details.field).toBe('uscc');
  });

  it('refuses a duplicate live USCC, allows it again once the other is deleted', () => {
    const t = makeCore();
    const first = t.ok('enterprises.create', { uscc: A, name: '先来公司' });
    const dup = t.err('enterprises.create', { uscc: A.toLowerCase(), name: '后到公司' });
    expect(dup).toMatchObject({ code: 'CONFLICT', details: { field: 'uscc', existingId: first.id } });
    expect(dup.message).toContain('先来公司');
    const other = t.ok('enterprises.create', { uscc: B, name: '后到公司' });
    expect(t.err('enterprises.update', { id: other.id, uscc: A }).code).toBe('CONFLICT');
    // Its own USCC is not a conflict.
    expect(t.ok('enterprises.update', { id: first.id, uscc: A, town: '东街道' }).town).toBe('东街道');
    t.ok('enterprises.delete', { id: first.id });
    const again = t.ok('enterprises.create', { uscc: A, name: '先来公司（重建）' });
    expect(again.uscc).toBe(A);
    expect(again.id).not.toBe(first.id);
  });

  it('a renamed enterprise keeps its former name', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '旧名公司' });
    const renamed = t.ok('enterprises.update', { id: e.id, name: '新名公司' });
    expect(renamed.formerNames).toEqual(['旧名公司']);
    expect(t.ok('enterprises.list', { q: '旧名' }).rows.map((r) => r.id)).toEqual([e.id]);
  });

  it('checkDuplicates finds the same USCC and similar names among live enterprises', () => {
    const t = makeCore();
    const a = t.ok('enterprises.create', { uscc: A, name: '福州示例科技有限公司' });
    const similar = makeEnterprise(t, { name: '福州示例科技股份有限公司' });
    const unrelated = makeEnterprise(t, { name: '闽江食品厂' });
    const gone = makeEnterprise(t, { name: '福州示例科技（集团）有限公司' });
    t.ok('enterprises.delete', { id: gone.id });

    const r = t.ok('enterprises.checkDuplicates', { uscc: A.toLowerCase(), name: '福州示例科技有限公司' });
    expect(r.sameUscc.map((e) => e.id)).toEqual([a.id]);
    expect(r.similarName.map((e) => e.id)).toEqual([similar.id]);
    expect(r.usccProblem).toBeNull();

    const byName = t.ok('enterprises.checkDuplicates', { name: '示例科技' });
    expect(byName.similarName.map((e) => e.id).sort()).toEqual([a.id, similar.id].sort());
    expect(byName.similarName.map((e) => e.id)).not.toContain(unrelated.id);
    const excluding = t.ok('enterprises.checkDuplicates', { uscc: A, name: '福州示例科技', excludeId: a.id });
    expect(excluding.sameUscc).toEqual([]);
    expect(excluding.similarName.map((e) => e.id)).toEqual([similar.id]);
    expect(t.ok('enterprises.checkDuplicates', { uscc: withWrongCheck(A) }).usccProblem).toMatch(
      /check character/,
    );
  });
});

describe('visits', () => {
  it('numbers visits per device and year, never reusing a number', () => {
    const t = makeCore();
    const code = t.core.store.device.code;
    const ent = makeEnterprise(t).id;
    const v = (date: string) => t.ok('visits.create', { enterpriseId: ent, date, mode: 'phone' });
    const a = v('2026-03-01');
    const b = v('2026-01-15');
    const old = v('2025-12-31');
    expect([a.visitNo, b.visitNo, old.visitNo]).toEqual([
      `2026-${code}-0001`,
      `2026-${code}-0002`,
      `2025-${code}-0001`,
    ]);
    for (const x of [a, b, old]) expect(x.visitNo).toMatch(VISIT_NO_RE);
    t.ok('visits.delete', { id: b.id });
    expect(v('2026-05-01').visitNo).toBe(`2026-${code}-0003`);
    // The lead defaults to me and is among the participants.
    expect(a).toMatchObject({ leadStaffId: t.meId, staffIds: [t.meId], status: 'submitted' });
  });

  it('two databases are two devices with their own codes and series', () => {
    const dir = tempDir();
    const one = makeCore({ path: join(dir, 'one.db') });
    const two = makeCore({ path: join(dir, 'two.db') });
    expect(one.core.store.device.id).not.toBe(two.core.store.device.id);
    expect(one.core.store.device.code).not.toBe(two.core.store.device.code);
    const mk = (t: TestCore) =>
      t.ok('visits.create', { enterpriseId: makeEnterprise(t).id, date: '2026-11-20', mode: 'onsite' });
    const n1 = mk(one).visitNo!;
    const n2 = mk(two).visitNo!;
    expect(n1).toBe(`2026-${one.core.store.device.code}-0001`);
    expect(n2).toBe(`2026-${two.core.store.device.code}-0001`);
    expect(n1).not.toBe(n2);
  });

  it('creates demands raised in the visit', () => {
    const t = makeCore();
    const ent = makeEnterprise(t);
    const visit = t.ok('visits.create', {
      enterpriseId: ent.id,
      date: '2026-11-18',
      mode: 'onsite',
      summary: '企业反映两项需求',
      demands: [
        { categories: ['talent'], title: '招聘研发人员' },
        { categories: ['finance', 'policy'], title: '贷款贴息', complex: true },
      ],
    });
    expect(visit.demands).toHaveLength(2);
    expect(visit.demandCount).toBe(2);
    for (const d of visit.demands!) {
      expect(d).toMatchObject({
        enterpriseId: ent.id,
        source: 'visit',
        sourceVisitId: visit.id,
        status: 'pending',
        receivedAt: '2026-11-17T16:00:00.000Z', // the start of the visit day in Shanghai
      });
    }
    expect(visit.demands!.map((d) => d.dueDate)).toEqual(['2026-11-25', '2026-12-18']);
    expect(t.ok('demands.list', { filter: { sourceVisitId: visit.id } }).total).toBe(2);
    expect(t.ok('visits.get', { id: visit.id })).toEqual(visit);
  });

  it('refuses a submitted visit dated after today, allows a draft', () => {
    const t = makeCore();
    const ent = makeEnterprise(t).id;
    expect(t.err('visits.create', { enterpriseId: ent, date: '2026-11-24', mode: 'onsite' })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'date' },
    });
    const draft = t.ok('visits.create', {
      enterpriseId: ent,
      date: '2026-11-24',
      mode: 'onsite',
      status: 'draft',
    });
    expect(t.err('visits.update', { id: draft.id, status: 'submitted' }).details.field).toBe('date');
  });

  it('only a supervisor reviews a visit', () => {
    const staff = makeCore({ role: 'staff' });
    const ent = makeEnterprise(staff).id;
    const v = staff.ok('visits.create', { enterpriseId: ent, date: '2026-11-20', mode: 'onsite' });
    expect(staff.err('visits.update', { id: v.id, status: 'reviewed' }).code).toBe('FORBIDDEN');
    const boss = makeCore();
    const w = boss.ok('visits.create', {
      enterpriseId: makeEnterprise(boss).id,
      date: '2026-11-20',
      mode: 'onsite',
    });
    expect(boss.ok('visits.update', { id: w.id, status: 'reviewed' })).toMatchObject({
      reviewedBy: boss.meId,
    });
  });
});

describe('enterprise timeline and my tasks', () => {
  it('shows visits, demands, clinics and follow-ups of one enterprise, newest first', () => {
    const t = makeCore();
    const ent = makeEnterprise(t);
    const elsewhere = makeEnterprise(t);
    const visit = t.ok('visits.create', {
      enterpriseId: ent.id,
      date: '2026-10-08',
      mode: 'onsite',
      summary: '走访',
    });
    t.ok('visits.create', { enterpriseId: elsewhere.id, date: '2026-10-09', mode: 'onsite' });
    const demand = makeDemand(t, { enterpriseId: ent.id, receivedAt: '2026-10-10T10:00:00+08:00' });
    t.ok('demands.transition', {
      ...moveInput(demand.id, 'assigned', t.meId),
      at: '2026-10-12T10:00:00+08:00',
    });
    const expert = t.ok('experts.create', { name: '林教授' });
    const clinic = t.ok('clinics.create', {
      date: '2026-10-20',
      topic: '工艺诊断',
      expertIds: [expert.id],
      enterprises: [{ enterpriseId: ent.id }, { enterpriseId: elsewhere.id }],
    });
    t.ok('clinics.create', {
      date: '2026-10-21',
      topic: '别家会诊',
      enterprises: [{ enterpriseId: elsewhere.id }],
    });
    const done = t.ok('followups.create', {
      parentType: 'demand',
      parentId: demand.id,
      doneAt: '2026-11-02T09:00:00+08:00',
      content: '电话回访',
      satisfaction: 'satisfied',
    });
    const planned = t.ok('followups.create', {
      parentType: 'visit',
      parentId: visit.id,
      dueDate: '2026-11-30',
      content: '计划回访',
    });

    const { enterprise, items } = t.ok('enterprises.timeline', { id: ent.id });
    expect(enterprise.id).toBe(ent.id);
    expect(items.map((i) => [i.type, i.id])).toEqual([
      ['followup', planned.id],
      ['followup', done.id],
      ['clinic', clinic.id],
      ['demand_event', expect.any(String)],
      ['demand', demand.id],
      ['visit', visit.id],
    ]);
    expect(items.find((i) => i.type === 'demand_event')).toMatchObject({
      refId: demand.id,
      status: 'assigned',
    });
    expect(items.find((i) => i.id === done.id)).toMatchObject({ refId: demand.id, status: 'satisfied' });
    expect(t.err('enterprises.timeline', { id: 'nope' }).code).toBe('NOT_FOUND');
  });

  it('deleted records leave the timeline, with their events and follow-ups', () => {
    const t = makeCore();
    const ent = makeEnterprise(t);
    const visit = t.ok('visits.create', { enterpriseId: ent.id, date: '2026-11-02', mode: 'onsite' });
    const demand = makeDemand(t, { enterpriseId: ent.id, receivedAt: '2026-11-03' });
    t.ok('demands.transition', { ...moveInput(demand.id, 'assigned', t.meId), at: '2026-11-04' });
    t.ok('followups.create', { parentType: 'demand', parentId: demand.id, dueDate: '2026-11-30' });
    t.ok('followups.create', { parentType: 'visit', parentId: visit.id, dueDate: '2026-11-29' });
    expect(t.ok('enterprises.timeline', { id: ent.id }).items).toHaveLength(5);
    t.ok('demands.delete', { id: demand.id });
    t.ok('visits.delete', { id: visit.id });
    expect(t.ok('enterprises.timeline', { id: ent.id }).items).toEqual([]);
  });

  it('me.tasks lists my open follow-ups and demands due today or late', () => {
    const t = makeCore();
    const other = t.ok('staff.create', { name: '其他人' });
    const ent = makeEnterprise(t);
    const visit = t.ok('visits.create', { enterpriseId: ent.id, date: '2026-11-01', mode: 'onsite' });
    const fu = (extra: Record<string, unknown>) =>
      t.ok('followups.create', { parentType: 'visit', parentId: visit.id, ...extra });
    const dueToday = fu({ dueDate: '2026-11-23' });
    const late = fu({ dueDate: '2026-11-20' });
    fu({ dueDate: '2026-11-24' });
    fu({ dueDate: '2026-11-20', doneAt: '2026-11-21' });
    fu({ dueDate: '2026-11-20', ownerStaffId: other.id });

    const base = { enterpriseId: ent.id, receivedAt: '2026-11-01' };
    const mine = (dueDate: string, to: 'assigned' | 'in_progress' = 'assigned', staffId = t.meId) => {
      const d = makeDemand(t, { ...base, dueDate });
      t.ok('demands.transition', moveInput(d.id, 'assigned', staffId));
      if (to === 'in_progress') t.ok('demands.transition', { id: d.id, to });
      return d;
    };
    const lateDemand = mine('2026-11-15');
    const todayDemand = mine('2026-11-23', 'in_progress');
    mine('2026-11-24');
    mine('2026-11-10', 'assigned', other.id);
    const tasks = t.ok('me.tasks', {});
    expect(tasks.today).toBe('2026-11-23');
    expect(tasks.followups.map((f) => f.id)).toEqual([late.id, dueToday.id]);
    expect(tasks.demands.map((d) => d.id)).toEqual([lateDemand.id, todayDemand.id]);
    expect(tasks.demands[0]).toMatchObject({ overdue: true });
  });
});

describe('change log', () => {
  type Change = {
    hlc: string;
    device: string;
    staff: string | null;
    tbl: string;
    rowId: string;
    field: string;
    value: unknown;
  };
  const changesOf = (t: TestCore, rowId: string, since = 0) =>
    t.core.store.db
      .prepare(`SELECT * FROM changes WHERE "rowId" = ? AND "seq" > ? ORDER BY "seq"`)
      .all(rowId, since) as Change[];
  const lastSeq = (t: TestCore) =>
    (t.core.store.db.prepare(`SELECT max("seq") AS s FROM changes`).get() as { s: number }).s;

  it('records one row per set field on create and per changed field on update, with device and staff', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { town: '东街道' });
    const created = changesOf(t, e.id);
    const setFields = Object.entries(
      t.core.store.db.prepare(`SELECT * FROM enterprises WHERE id = ?`).get(e.id) as object,
    )
      .filter(([k, v]) => v !== null && !UNCAPTURED.has(k))
      .map(([k]) => k);
    expect(created.map((c) => c.field).sort()).toEqual(setFields.sort());
    expect(created.find((c) => c.field === 'town')?.value).toBe('东街道');
    for (const c of created) {
      expect(c).toMatchObject({ device: t.core.store.device.id, staff: t.meId, tbl: 'enterprises' });
    }

    const seq = lastSeq(t);
    t.ok('enterprises.update', { id: e.id, name: '改名后公司', town: '东街道' });
    const updated = changesOf(t, e.id, seq);
    // town did not change; the rename also keeps the former name.
    expect(updated.map((c) => c.field).sort()).toEqual(['formerNames', 'name']);
    expect(updated.find((c) => c.field === 'name')?.value).toBe('改名后公司');

    // Stamps grow with every change, even at the same wall-clock time.
    const stamps = changesOf(t, e.id).map((c) => c.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);

    // Another staff member as "me" is recorded as such.
    const other = t.ok('staff.create', { name: '同事' });
    t.ok('me.set', { staffId: other.id });
    const seq2 = lastSeq(t);
    t.ok('enterprises.update', { id: e.id, address: '新地址' });
    expect(changesOf(t, e.id, seq2)).toEqual([
      expect.objectContaining({ field: 'address', staff: other.id }),
    ]);

    const seq3 = lastSeq(t);
    t.ok('enterprises.delete', { id: e.id });
    // The delete, and what it knew of each field (lostToDeletes.ts).
    expect(changesOf(t, e.id, seq3).map((c) => c.field)).toEqual(['deletedAt', 'deletedKnew']);
  });

  it('captures a raw SQL update made outside the services', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const seq = lastSeq(t);
    t.core.store.db
      .prepare(`UPDATE enterprises SET "town" = '手工镇', "status" = 'dormant' WHERE "id" = ?`)
      .run(e.id);
    const rows = changesOf(t, e.id, seq);
    expect(rows.map((c) => [c.field, c.value]).sort()).toEqual([
      ['status', 'dormant'],
      ['town', '手工镇'],
    ]);
    expect(rows[0]).toMatchObject({ device: t.core.store.device.id, staff: t.meId });
  });

  it('refuses a hard DELETE', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const before = snapshot(t.core);
    for (const table of ['enterprises', 'staff', 'devices'] as const) {
      expect(() => t.core.store.db.prepare(`DELETE FROM "${table}"`).run()).toThrow(/never deleted/);
    }
    expect(() => t.core.store.db.prepare(`DELETE FROM enterprises WHERE id = ?`).run(e.id)).toThrow(
      /deletedAt/,
    );
    expect(snapshot(t.core)).toEqual(before);
  });

  it('a refused call leaves no change rows', () => {
    const t = makeCore();
    const seq = lastSeq(t);
    t.err('enterprises.create', { uscc: withWrongCheck(VALID_USCC[0]!), name: '不会保存' });
    expect(lastSeq(t)).toBe(seq);
  });
});
