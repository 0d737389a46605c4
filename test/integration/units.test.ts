import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { handToUnits, makeDemand, makeUnits } from './fixtures';

// Units (承办单位): a record kind of their own, and the demands handed to them (交办).

const PASS = 'correct horse battery staple';

describe('units', () => {
  it('are created, listed, updated and soft-deleted, with their defaults', () => {
    const t = makeCore();
    const u = t.ok('units.create', { name: '科技服务中心' });
    expect(u).toMatchObject({ name: '科技服务中心', kind: 'other', active: true, deletedAt: null });
    t.ok('units.update', { id: u.id, kind: 'bureau_section', phone: '0591-87654321' });
    expect(t.ok('units.get', { id: u.id })).toMatchObject({ kind: 'bureau_section', phone: '0591-87654321' });
    expect(t.ok('units.list', { q: '科技服务' }).rows.map((r) => r.id)).toEqual([u.id]);
    t.ok('units.delete', { id: u.id });
    expect(t.ok('units.list', {}).total).toBe(0);
    // The name of a deleted unit is free again.
    expect(t.ok('units.create', { name: '科技服务中心' }).id).not.toBe(u.id);
  });

  it('refuses a second live unit of the same name, and a rename onto one', () => {
    const t = makeCore();
    const { lead, co } = makeUnits(t);
    expect(t.err('units.create', { name: lead.name })).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'name' },
    });
    expect(t.err('units.update', { id: co.id, name: lead.name }).code).toBe('CONFLICT');
    // Its own name is not a clash.
    expect(t.ok('units.update', { id: lead.id, name: '区工信局' }).name).toBe(lead.name);
  });

  it('refuses deleting a unit that leads or co-handles an open demand, not a closed one', () => {
    const t = makeCore();
    const { lead, co } = makeUnits(t);
    const d = makeDemand(t, { leadUnitId: lead.id, coUnitIds: [co.id] });
    for (const id of [lead.id, co.id]) {
      const e = t.err('units.delete', { id });
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('1 open demand');
    }
    t.ok('demands.transition', { id: d.id, to: 'rejected', note: '不属于本局职责' });
    t.ok('units.delete', { id: co.id });
  });
});

describe('demands handed to units', () => {
  it('a move to assigned names the lead and co units: set on the demand and on the event', () => {
    const t = makeCore();
    const { lead, co, other } = makeUnits(t);
    const d = makeDemand(t);
    const moved = t.ok('demands.transition', {
      id: d.id,
      to: 'assigned',
      assigneeStaffId: t.meId,
      leadUnitId: lead.id,
      coUnitIds: [co.id, other.id],
    });
    expect(moved).toMatchObject({
      leadUnitId: lead.id,
      coUnitIds: [co.id, other.id],
      leadUnitName: '区工信局',
      coUnitNames: ['东街道', '知识产权服务站'],
    });
    const row = t.core.store.db
      .prepare(`SELECT "data" FROM demand_history WHERE "demandId" = ? AND "to" = 'assigned'`)
      .get(d.id) as { data: string };
    expect(JSON.parse(row.data)).toEqual({
      assigneeStaffId: t.meId,
      leadUnitId: lead.id,
      coUnitIds: [co.id, other.id],
    });
    const listed = t.ok('demands.list', { filter: { leadUnitId: lead.id } }).rows;
    expect(listed.map((r) => [r.id, r.leadUnitName, r.coUnitNames])).toEqual([
      [d.id, '区工信局', ['东街道', '知识产权服务站']],
    ]);
  });

  it('a refused hand-over changes nothing', () => {
    const t = makeCore();
    const { lead } = makeUnits(t);
    const d = makeDemand(t);
    const e = t.err('demands.transition', {
      id: d.id,
      to: 'assigned',
      assigneeStaffId: t.meId,
      leadUnitId: lead.id,
      coUnitIds: [lead.id],
    });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'coUnitIds.0' } });
    expect(t.ok('demands.get', { id: d.id })).toMatchObject({ status: 'pending', leadUnitId: null });
  });

  it('records what a handling unit reported as an event that does not move the demand', () => {
    const t = makeCore();
    const { lead, co, other } = makeUnits(t);
    const d = makeDemand(t);
    handToUnits(t, d.id, lead.id, [co.id]);
    t.clock.ms += 60_000;
    const replied = t.ok('demands.unitReply', { id: d.id, unitId: co.id, note: '已联系企业，正在协调场地' });
    expect(replied.status).toBe('assigned');
    const last = replied.history!.at(-1)!;
    expect(last).toMatchObject({
      type: 'unit_reply',
      unitId: co.id,
      from: 'assigned',
      to: 'assigned',
      note: '已联系企业，正在协调场地',
      superseded: false,
    });
    // The workflow goes on from where it was: the reply is no move.
    expect(t.ok('demands.transition', { id: d.id, to: 'in_progress' }).status).toBe('in_progress');
    expect(t.err('demands.unitReply', { id: d.id, unitId: other.id, note: 'x' })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'unitId' },
    });
  });
});

describe('the board per unit', () => {
  it('counts open, overdue and due-soon demands per lead unit, and filters by a lead or co unit', () => {
    const t = makeCore({ now: '2026-11-01T10:00:00+08:00' });
    const { lead, co, other } = makeUnits(t);
    const hand = (leadUnitId: string | null, coUnitIds: string[]) =>
      handToUnits(t, makeDemand(t).id, leadUnitId, coUnitIds).id;
    const a = hand(lead.id, [co.id]);
    const b = hand(lead.id, []);
    const c = hand(other.id, [lead.id]);
    const none = hand(null, []);
    // Ten days on: every demand (7-day default) is overdue; one handed now is not.
    t.clock.advanceDays(10);
    const fresh = hand(co.id, []);
    const board = t.ok('demands.openBoard', {});
    // Worst first; ties in any order.
    expect(board.byUnit[0]!.unitId).toBe(lead.id);
    expect(board.byUnit.at(-1)!.unitId).toBe(co.id);
    expect(board.byUnit).toHaveLength(4);
    expect(board.byUnit).toEqual(
      expect.arrayContaining([
        { unitId: lead.id, name: '区工信局', open: 2, overdue: 2, dueSoon: 0 },
        { unitId: other.id, name: '知识产权服务站', open: 1, overdue: 1, dueSoon: 0 },
        { unitId: null, name: null, open: 1, overdue: 1, dueSoon: 0 },
        { unitId: co.id, name: '东街道', open: 1, overdue: 0, dueSoon: 0 },
      ]),
    );
    const ids = (unitId: string) =>
      t
        .ok('demands.openBoard', { unitId })
        .rows.map((r) => r.id)
        .sort();
    expect(ids(lead.id)).toEqual([a, b, c].sort());
    expect(ids(co.id)).toEqual([a, fresh].sort());
    expect(ids(other.id)).toEqual([c]);
    expect(board.rows.map((r) => r.id)).toContain(none);
  });
});

describe('units across laptops', () => {
  it('a unit and a demand handed to it reach the other laptop, and its reply comes back', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    const ship = (from: TestCore, to: TestCore) => {
      const file = from.ok('sync.export', {});
      to.ok('sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName });
    };
    const { lead, co } = makeUnits(a);
    const d = makeDemand(a);
    handToUnits(a, d.id, lead.id, [co.id]);
    ship(a, b);
    expect(b.ok('units.get', { id: lead.id })).toMatchObject({
      name: '区工信局',
      kind: 'department',
      contact: '王科长',
    });
    expect(b.ok('demands.get', { id: d.id })).toMatchObject({
      status: 'assigned',
      leadUnitId: lead.id,
      coUnitIds: [co.id],
      leadUnitName: '区工信局',
      coUnitNames: ['东街道'],
    });
    expect(b.ok('demands.openBoard', { unitId: co.id }).rows.map((r) => r.id)).toEqual([d.id]);
    b.clock.ms += 60_000;
    b.ok('demands.unitReply', { id: d.id, unitId: lead.id, note: '已安排专人对接' });
    b.ok('units.update', { id: co.id, phone: '0591-88880000' });
    ship(b, a);
    const back = a.ok('demands.get', { id: d.id });
    expect(back.history!.filter((h) => h.type === 'unit_reply')).toMatchObject([
      { unitId: lead.id, note: '已安排专人对接' },
    ]);
    expect(back.status).toBe('assigned');
    expect(a.ok('units.get', { id: co.id }).phone).toBe('0591-88880000');
  });
});
