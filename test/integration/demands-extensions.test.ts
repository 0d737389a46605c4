import { describe, expect, it } from 'vitest';
import { makeCore, snapshot, type TestCore } from '../helpers';
import { demandIn, makeEnterprise, moveInput } from './fixtures';

// 延期 and 督办 (DOMAIN.md, "Deadlines are controlled", "Supervision"): requests, decisions,
// supervision and reminders are history events; the replay keeps the pending request and the
// supervision and moves the due date on approval, never once the demand has ended.

const HOUR = 3_600_000;

describe('extensions (延期)', () => {
  it('a request is pending until a supervisor decides; approval moves the due date', () => {
    const t = makeCore();
    const d = demandIn(t, 'in_progress');
    expect(d.dueDate).toBe('2026-11-30');
    expect(d.extension).toBeNull();

    const asked = t.ok('demands.requestExtension', {
      id: d.id,
      dueDate: '2026-12-20',
      reason: '等待检测报告',
    });
    expect(asked.dueDate).toBe('2026-11-30');
    expect(asked.extension).toEqual({
      dueDate: '2026-12-20',
      reason: '等待检测报告',
      by: t.meId,
      at: expect.any(String),
    });
    expect(asked.history!.at(-1)).toMatchObject({ type: 'extension_requested', superseded: false });

    const board = t.ok('demands.openBoard', {});
    expect(board.extensions).toEqual([
      expect.objectContaining({ demandId: d.id, dueDate: '2026-12-20', currentDueDate: '2026-11-30' }),
    ]);

    const approved = t.ok('demands.decideExtension', { id: d.id, approve: true, note: '同意' });
    expect(approved.dueDate).toBe('2026-12-20');
    expect(approved.extension).toBeNull();
    expect(approved.history!.at(-1)).toMatchObject({
      type: 'extension_decided',
      note: expect.stringContaining('同意延期'),
    });
    expect(t.ok('demands.openBoard', {}).extensions).toEqual([]);
  });

  it('a refused request leaves the due date, and another may then be asked', () => {
    const t = makeCore();
    const d = demandIn(t, 'assigned');
    t.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-05', reason: '企业材料未齐' });
    const refused = t.ok('demands.decideExtension', { id: d.id, approve: false });
    expect(refused.dueDate).toBe('2026-11-30');
    expect(refused.extension).toBeNull();
    const again = t.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-03', reason: '再申请' });
    expect(again.extension?.dueDate).toBe('2026-12-03');
  });

  it('an approved extension counts from the date asked, across a hold', () => {
    const t = makeCore();
    const d = demandIn(t, 'in_progress');
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等第三方' });
    t.clock.ms += 3 * 24 * HOUR;
    t.ok('demands.transition', { id: d.id, to: 'in_progress' });
    expect(t.ok('demands.get', { id: d.id }).dueDate).toBe('2026-12-03');
    t.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-10', reason: '延期' });
    expect(t.ok('demands.decideExtension', { id: d.id, approve: true }).dueDate).toBe('2026-12-10');
  });

  it('closing ends a pending request: the closed demand keeps its due date', () => {
    const t = makeCore();
    const d = demandIn(t, 'answered');
    t.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-20', reason: '等待' });
    const closed = t.ok('demands.transition', moveInput(d.id, 'closed', t.meId));
    expect(closed.extension).toBeNull();
    expect(closed.dueDate).toBe('2026-11-30');
    const e = t.err('demands.decideExtension', { id: d.id, approve: true });
    expect(e).toMatchObject({ code: 'WORKFLOW', details: { field: 'id' } });
  });

  it('refuses bad requests and staff decisions, naming the field, changing nothing', () => {
    const staff = makeCore({ role: 'staff' });
    const d = demandIn(staff, 'in_progress');
    const rejected = demandIn(staff, 'rejected');
    const before = JSON.stringify(snapshot(staff.core));
    expect(
      staff.err('demands.requestExtension', { id: d.id, dueDate: '2026-11-30', reason: '同日' }),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'dueDate' } });
    expect(
      staff.err('demands.requestExtension', { id: rejected.id, dueDate: '2026-12-30', reason: '已不予受理' }),
    ).toMatchObject({ code: 'WORKFLOW', details: { field: 'id' } });
    expect(JSON.stringify(snapshot(staff.core))).toBe(before);

    staff.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-10', reason: '等待' });
    const pending = JSON.stringify(snapshot(staff.core));
    expect(
      staff.err('demands.requestExtension', { id: d.id, dueDate: '2026-12-20', reason: '再来一个' }),
    ).toMatchObject({ code: 'WORKFLOW', details: { field: 'id' } });
    const e = staff.err('demands.decideExtension', { id: d.id, approve: true });
    expect(e).toMatchObject({ code: 'FORBIDDEN', details: { field: 'approve' } });
    expect(e.message).toContain('supervisor');
    expect(JSON.stringify(snapshot(staff.core))).toBe(pending);
  });
});

describe('supervision (督办) and reminders (催办)', () => {
  it('supervised demands carry their supervision; the board filters and counts them', () => {
    const t = makeCore();
    const a = demandIn(t, 'in_progress');
    const b = demandIn(t, 'assigned');
    demandIn(t, 'pending');
    expect(t.ok('demands.supervise', { ids: [a.id, b.id], level: 'district', note: '区领导批示' })).toEqual({
      updated: 2,
    });
    expect(t.ok('demands.get', { id: a.id }).supervision).toEqual({
      level: 'district',
      since: expect.any(String),
      by: t.meId,
      note: '区领导批示',
    });
    const all = t.ok('demands.openBoard', {});
    expect(all.counts).toMatchObject({ open: 3, supervised: 2 });
    const only = t.ok('demands.openBoard', { supervised: true });
    expect(only.rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('only a supervisor supervises, and only open demands', () => {
    const staff = makeCore({ role: 'staff' });
    const d = demandIn(staff, 'in_progress');
    const before = JSON.stringify(snapshot(staff.core));
    expect(staff.err('demands.supervise', { ids: [d.id], level: 'bureau', note: '督办' })).toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'level' },
    });
    expect(JSON.stringify(snapshot(staff.core))).toBe(before);

    const t = makeCore();
    const open = demandIn(t, 'in_progress');
    const closed = demandIn(t, 'closed');
    const mid = JSON.stringify(snapshot(t.core));
    expect(
      t.err('demands.supervise', { ids: [open.id, closed.id], level: 'bureau', note: '督办' }),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'ids.1' } });
    expect(JSON.stringify(snapshot(t.core))).toBe(mid);
  });

  it('a reminder is recorded and returns a text to paste: enterprise, title, days overdue, handler', () => {
    const t = makeCore();
    const colleague = t.ok('staff.create', { name: '李承办' });
    const e = makeEnterprise(t, { name: '闽江精密机械有限公司' });
    const d = demandIn(t, 'in_progress', {
      enterpriseId: e.id,
      title: '检测设备共享',
      responsibleUnit: '区工信局',
    });
    t.ok('demands.reassign', { ids: [d.id], assigneeStaffId: colleague.id });
    t.clock.ms += 10 * 24 * HOUR; // due 2026-11-30, today 2026-12-03
    const { texts } = t.ok('demands.urge', { ids: [d.id], note: '请本周内答复' });
    expect(texts).toHaveLength(1);
    const text = texts[0]!.text;
    for (const part of [
      '闽江精密机械有限公司',
      '检测设备共享',
      '已超期 3 天',
      '李承办',
      '区工信局',
      '请本周内答复',
    ]) {
      expect(text).toContain(part);
    }
    expect(t.ok('demands.get', { id: d.id }).history!.at(-1)).toMatchObject({ type: 'urged', note: text });
  });
});

describe('closing (销号)', () => {
  function answered(t: TestCore) {
    const d = demandIn(t, 'answered');
    t.clock.ms += HOUR;
    return d;
  }
  const followup = (t: TestCore, demandId: string, satisfaction: 'satisfied' | 'mostly_satisfied' | null) =>
    t.ok('followups.create', {
      parentType: 'demand',
      parentId: demandId,
      dueDate: '2026-11-25',
      doneAt: new Date(t.clock.ms).toISOString(),
      satisfaction,
    });

  it('a staff member cannot close without a follow-up after the answer; the refusal says what is missing', () => {
    const t = makeCore({ role: 'staff' });
    const d = demandIn(t, 'in_progress');
    followup(t, d.id, 'satisfied'); // before the answer: does not count
    t.clock.ms += HOUR;
    t.ok('demands.transition', { id: d.id, to: 'answered' });
    t.clock.ms += HOUR;
    const before = JSON.stringify(snapshot(t.core));
    const e = t.err('demands.transition', moveInput(d.id, 'closed', t.meId));
    expect(e).toMatchObject({ code: 'FORBIDDEN', details: { field: 'to' } });
    expect(e.message).toContain('no follow-up has been done since it was answered');
    expect(JSON.stringify(snapshot(t.core))).toBe(before);

    followup(t, d.id, null);
    const e2 = t.err('demands.transition', moveInput(d.id, 'closed', t.meId));
    expect(e2.message).toContain('no satisfaction recorded');
  });

  it('a staff member closes after a satisfied or mostly satisfied follow-up', () => {
    const t = makeCore({ role: 'staff' });
    for (const satisfaction of ['satisfied', 'mostly_satisfied'] as const) {
      const d = answered(t);
      followup(t, d.id, satisfaction);
      expect(t.ok('demands.transition', moveInput(d.id, 'closed', t.meId)).status).toBe('closed');
    }
  });

  it('a supervisor may always close', () => {
    const t = makeCore();
    const d = answered(t);
    expect(t.ok('demands.transition', moveInput(d.id, 'closed', t.meId)).status).toBe('closed');
  });
});
