import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { demandIn, handToUnits, makeEnterprise, makeUnits } from './fixtures';

// Where units, supervision, extensions and reminders show besides the demand itself: the
// reminder's text, the enterprise timeline and the demand's change history.

const HOUR = 3_600_000;

function handed(t: TestCore) {
  const { lead, co } = makeUnits(t);
  const e = makeEnterprise(t, { name: '闽江精密机械有限公司' });
  const d = demandIn(t, 'pending', { enterpriseId: e.id, title: '检测设备共享' });
  handToUnits(t, d.id, lead.id, [co.id]);
  t.ok('demands.transition', { id: d.id, to: 'in_progress' });
  return { lead, co, enterprise: e, demand: t.ok('demands.get', { id: d.id }) };
}

describe('the reminder text', () => {
  it('names the lead and co units the demand was handed to, and its handler', () => {
    const t = makeCore();
    const { demand } = handed(t);
    t.clock.ms += 10 * 24 * HOUR;
    const text = t.ok('demands.urge', { ids: [demand.id] }).texts[0]!.text;
    expect(text).toContain('主办：区工信局');
    expect(text).toContain('协办：东街道');
    expect(text).toContain('测试员');
    expect(text).toContain('已超期');
  });
});

describe('the enterprise timeline', () => {
  it("says what each of a demand's events was, and which unit replied", () => {
    const t = makeCore();
    const { lead, enterprise, demand } = handed(t);
    t.clock.ms += HOUR;
    t.ok('demands.unitReply', { id: demand.id, unitId: lead.id, note: '已安排检测' });
    t.ok('demands.requestExtension', { id: demand.id, dueDate: '2026-12-20', reason: '等待检测报告' });
    t.ok('demands.decideExtension', { id: demand.id, approve: true });
    t.ok('demands.supervise', { ids: [demand.id], level: 'district', note: '挂牌督办' });
    t.ok('demands.urge', { ids: [demand.id] });
    const events = t
      .ok('enterprises.timeline', { id: enterprise.id })
      .items.filter((i) => i.type === 'demand_event');
    expect(events.map((i) => i.event).sort()).toEqual(
      [
        'transition',
        'transition',
        'unit_reply',
        'extension_requested',
        'extension_decided',
        'supervised',
        'urged',
      ].sort(),
    );
    expect(events.find((i) => i.event === 'unit_reply')).toMatchObject({
      unitName: '区工信局',
      title: expect.stringContaining('已安排检测'),
    });
    expect(events.find((i) => i.event === 'supervised')?.unitName).toBeNull();
  });
});

describe("a demand's change history", () => {
  it('lists the events that are not field edits: unit replies, reminders, decisions', () => {
    const t = makeCore();
    const { lead, demand } = handed(t);
    t.clock.ms += HOUR;
    t.ok('demands.unitReply', { id: demand.id, unitId: lead.id, note: '已安排检测' });
    t.clock.ms += HOUR;
    t.ok('demands.urge', { ids: [demand.id], note: '请加快' });
    t.clock.ms += HOUR;
    t.ok('demands.requestExtension', { id: demand.id, dueDate: '2026-12-20', reason: '等待检测报告' });
    t.ok('demands.decideExtension', { id: demand.id, approve: false, note: '时限不变' });
    const events = t
      .ok('audit.record', { kind: 'demands', id: demand.id })
      .rows.filter((r) => r.field === 'history')
      .map((r) => r.value as { type: string; note: string; unitName: string | null });
    // Newest first, like the rest of the change history; moves show as status changes instead.
    expect(events.map((e) => e.type)).toEqual([
      'extension_decided',
      'extension_requested',
      'urged',
      'unit_reply',
    ]);
    expect(events[3]).toMatchObject({ note: '已安排检测', unitName: '区工信局' });
    expect(events[0]!.note).toContain('不同意延期');
    expect(t.ok('audit.record', { kind: 'demands', id: demand.id }).rows[0]).toMatchObject({
      staffId: t.meId,
      staffName: '测试员',
    });
  });
});

describe('units by name wherever a demand’s history shows them', () => {
  it('the history, the change history and the timeline name the lead and co units, not their ids', () => {
    const t = makeCore();
    const { lead, co, enterprise, demand } = handed(t);
    t.clock.ms += HOUR;
    t.ok('demands.unitReply', { id: demand.id, unitId: co.id, note: '已联系企业' });
    // Renamed since: the history names the unit as it is called now.
    t.ok('units.update', { id: lead.id, name: '区工业和信息化局' });

    const history = t.ok('demands.get', { id: demand.id }).history!;
    expect(history.find((h) => h.to === 'assigned' && h.type === 'transition')).toMatchObject({
      leadUnitName: '区工业和信息化局',
      coUnitNames: ['东街道'],
    });
    expect(history.find((h) => h.type === 'unit_reply')).toMatchObject({ unitId: co.id, unitName: '东街道' });
    // A move that hands the demand to no unit names none.
    expect(history.find((h) => h.to === 'in_progress')).not.toHaveProperty('leadUnitName');

    const audit = t.ok('audit.record', { kind: 'demands', id: demand.id });
    expect(audit.rows.find((r) => r.field === 'leadUnitId')?.value).toBe(lead.id);
    expect(audit.names).toMatchObject({ [lead.id]: '区工业和信息化局', [co.id]: '东街道' });

    const handOver = t
      .ok('enterprises.timeline', { id: enterprise.id })
      .items.find((i) => i.type === 'demand_event' && i.status === 'assigned');
    expect(handOver).toMatchObject({ leadUnitName: '区工业和信息化局', coUnitNames: ['东街道'] });
  });
});
