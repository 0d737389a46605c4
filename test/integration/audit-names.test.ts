import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { makeDemand, makeEnterprise } from './fixtures';

// The change history names the records a change points at: an enterprise by its name, a
// demand by its title, an expert or a unit by theirs; never by an internal id alone.

describe('the change history names records', () => {
  it("a visit's enterprise, a follow-up's demand, a clinic's experts and enterprises", () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '华科智能装备有限公司' });
    const visit = t.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite' });
    const visitAudit = t.ok('audit.record', { kind: 'visits', id: visit.id });
    expect(visitAudit.rows.find((r) => r.field === 'enterpriseId')?.value).toBe(e.id);
    expect(visitAudit.names[e.id]).toBe('华科智能装备有限公司');

    const demand = makeDemand(t, { enterpriseId: e.id, title: '需要检测设备' });
    const followup = t.ok('followups.create', {
      parentType: 'demand',
      parentId: demand.id,
      dueDate: '2026-11-25',
    });
    expect(t.ok('audit.record', { kind: 'followups', id: followup.id }).names).toMatchObject({
      [demand.id]: '需要检测设备',
    });

    const expert = t.ok('experts.create', { name: '陈教授' });
    const clinic = t.ok('clinics.create', {
      date: '2026-11-01',
      topic: '数控会诊',
      expertIds: [expert.id],
      enterprises: [{ enterpriseId: e.id }],
    });
    expect(t.ok('audit.record', { kind: 'clinics', id: clinic.id }).names).toMatchObject({
      [expert.id]: '陈教授',
      [e.id]: '华科智能装备有限公司',
    });
  });

  it('a record deleted since is still named', () => {
    const t = makeCore();
    const e = makeEnterprise(t, { name: '已注销企业有限公司' });
    const visit = t.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'phone' });
    t.ok('visits.delete', { id: visit.id });
    t.ok('enterprises.delete', { id: e.id });
    expect(t.ok('audit.record', { kind: 'visits', id: visit.id }).names[e.id]).toBe('已注销企业有限公司');
  });
});
