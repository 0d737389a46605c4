import { describe, expect, it } from 'vitest';
import { makeCore, snapshot, type TestCore } from '../helpers';
import { DEMAND_STATUSES, type DemandStatus } from '@shared/domain/enums';
import { MOVES, allowedMoves } from '@shared/domain/workflow';
import { demandIn, makeDemand, makeEnterprise, moveInput, type Demand } from './fixtures';

// The clock of makeCore: 2026-11-23 12:00 in Shanghai.
const NOW = '2026-11-23T12:00:00+08:00';
const TODAY = '2026-11-23';

const ALLOWED: [DemandStatus, DemandStatus][] = [
  ['pending', 'assigned'],
  ['pending', 'rejected'],
  ['assigned', 'in_progress'],
  ['assigned', 'pending'],
  ['in_progress', 'on_hold'],
  ['in_progress', 'answered'],
  ['on_hold', 'in_progress'],
  ['answered', 'closed'],
  ['answered', 'in_progress'],
  ['closed', 'in_progress'],
];

function lastHistory(d: Demand) {
  return d.history![d.history!.length - 1]!;
}

describe('demand workflow through the API', () => {
  it.each(ALLOWED)('%s → %s is accepted and recorded in the history', (from, to) => {
    const t = makeCore();
    const d = demandIn(t, from);
    expect(d.status).toBe(from);
    const note = `移交 ${from}→${to}`;
    const moved = t.ok('demands.transition', { ...moveInput(d.id, to, t.meId), note });
    expect(moved.status).toBe(to);
    expect(t.ok('demands.get', { id: d.id }).status).toBe(to);
    expect(lastHistory(moved)).toMatchObject({ from, to, note, by: t.meId });
    expect(moved.history).toHaveLength(d.history!.length + 1);
    // The history keeps every earlier step too.
    expect(moved.history!.slice(0, -1)).toEqual(d.history);
  });

  it('refuses every move the workflow does not list, naming the allowed ones, and changes nothing', () => {
    const t = makeCore();
    const byStatus = Object.fromEntries(DEMAND_STATUSES.map((s) => [s, demandIn(t, s)])) as Record<
      DemandStatus,
      Demand
    >;
    const before = snapshot(t.core);
    let refused = 0;
    for (const from of DEMAND_STATUSES) {
      for (const to of DEMAND_STATUSES) {
        if (ALLOWED.some(([f, x]) => f === from && x === to)) continue;
        const e = t.err('demands.transition', {
          ...moveInput(byStatus[from].id, to, t.meId),
          note: '尝试',
        });
        expect(e.code, `${from} → ${to}`).toBe('WORKFLOW');
        expect(e.message).toContain(`'${from}'`);
        expect(e.message).toContain(`'${to}'`);
        expect(e.details).toMatchObject({ field: 'to', from, to });
        const allowed = ALLOWED.filter(([f]) => f === from).map(([, x]) => x);
        for (const a of allowed) expect(e.message).toContain(a);
        if (!allowed.length) expect(e.message).toMatch(/final/);
        refused += 1;
      }
    }
    expect(refused).toBe(DEMAND_STATUSES.length ** 2 - ALLOWED.length);
    expect(snapshot(t.core)).toEqual(before);
  });

  it('the workflow table agrees with the moves of DOMAIN.md', () => {
    for (const from of DEMAND_STATUSES) {
      expect(allowedMoves(from).sort()).toEqual(
        ALLOWED.filter(([f]) => f === from)
          .map(([, x]) => x)
          .sort(),
      );
    }
  });

  it.each([
    ['pending', 'rejected'],
    ['assigned', 'pending'],
    // A hold stops the clock: why is asked of every door (screen, CLI, HTTP), not the screens only.
    ['in_progress', 'on_hold'],
    ['closed', 'in_progress'],
  ] as const)('%s → %s needs a note', (from, to) => {
    const t = makeCore();
    const d = demandIn(t, from);
    const before = snapshot(t.core);
    for (const note of [undefined, '', '   ']) {
      const e = t.err('demands.transition', { id: d.id, to, ...(note === undefined ? {} : { note }) });
      expect(e.code).toBe('VALIDATION');
      expect(e.details.field).toBe('note');
      expect(e.message).toMatch(/^note: /);
    }
    expect(snapshot(t.core)).toEqual(before);
    expect(MOVES[from][to]?.noteRequired).toBe(true);
    expect(t.ok('demands.transition', { id: d.id, to, note: '原因说明' }).status).toBe(to);
  });

  it('only a supervisor reopens a closed demand', () => {
    const staff = makeCore({ role: 'staff' });
    const d = demandIn(staff, 'closed');
    const before = snapshot(staff.core);
    const e = staff.err('demands.transition', { id: d.id, to: 'in_progress', note: '企业再次反映' });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/supervisor/);
    expect(snapshot(staff.core)).toEqual(before);

    const boss = makeCore({ role: 'supervisor' });
    const c = demandIn(boss, 'closed');
    const reopened = boss.ok('demands.transition', { id: c.id, to: 'in_progress', note: '企业再次反映' });
    expect(reopened).toMatchObject({ status: 'in_progress', closedAt: null, closureType: null });
    expect(lastHistory(reopened)).toMatchObject({ from: 'closed', to: 'in_progress', note: '企业再次反映' });
  });

  it('closing needs closureType and resolution', () => {
    const t = makeCore();
    const d = demandIn(t, 'answered');
    const before = snapshot(t.core);
    const cases: [Record<string, unknown>, string][] = [
      [{ resolution: '已解决' }, 'closureType'],
      [{ closureType: 'partial' }, 'resolution'],
      [{ closureType: 'partial', resolution: '   ' }, 'resolution'],
      [{ closureType: null, resolution: '已解决' }, 'closureType'],
    ];
    for (const [extra, field] of cases) {
      const e = t.err('demands.transition', { id: d.id, to: 'closed', ...extra });
      expect(e.code).toBe('VALIDATION');
      expect(e.details.field).toBe(field);
      expect(e.message).toContain(field);
    }
    const bad = t.err('demands.transition', {
      id: d.id,
      to: 'closed',
      closureType: 'solved',
      resolution: 'x',
    });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details.field).toBe('closureType');
    expect(snapshot(t.core)).toEqual(before);
    const closed = t.ok('demands.transition', {
      id: d.id,
      to: 'closed',
      closureType: 'explained',
      resolution: '  已向企业解释政策  ',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closureType: 'explained',
      resolution: '已向企业解释政策',
    });
  });

  it('closedAt is the `at` of the move to closed', () => {
    const t = makeCore();
    const d = makeDemand(t, { receivedAt: '2026-11-01T09:00:00+08:00' });
    const steps = ['2026-11-02T10:00:00+08:00', '2026-11-03T10:00:00+08:00', '2026-11-10T16:30:00+08:00'];
    (['assigned', 'in_progress', 'answered'] as const).forEach((to, i) =>
      t.ok('demands.transition', { ...moveInput(d.id, to, t.meId), at: steps[i] }),
    );
    const closeAt = '2026-11-12T09:15:00+08:00';
    const closed = t.ok('demands.transition', { ...moveInput(d.id, 'closed', t.meId), at: closeAt });
    expect(closed.closedAt).toBe(new Date(closeAt).toISOString());
    expect(lastHistory(closed).at).toBe(closed.closedAt);
    expect(closed.history!.map((h) => h.at)).toEqual(
      ['2026-11-01T09:00:00+08:00', ...steps, closeAt].map((s) => new Date(s).toISOString()),
    );
    // A plain date means the start of that day in Shanghai.
    const e = makeDemand(t, { receivedAt: '2026-11-01' });
    (['assigned', 'in_progress', 'answered'] as const).forEach((to, i) =>
      t.ok('demands.transition', { ...moveInput(e.id, to, t.meId), at: `2026-11-0${i + 2}` }),
    );
    const c2 = t.ok('demands.transition', { ...moveInput(e.id, 'closed', t.meId), at: '2026-11-20' });
    expect(c2.closedAt).toBe('2026-11-19T16:00:00.000Z');
  });

  it('refuses an `at` in the future or before the previous step; the first step not before receivedAt', () => {
    const t = makeCore();
    const d = makeDemand(t, { receivedAt: '2026-11-10T09:00:00+08:00' });
    const before = snapshot(t.core);
    const tries: [string, RegExp][] = [
      ['2026-11-24T12:00:00+08:00', /future/],
      ['2026-11-24', /future/],
      ['2026-11-10T08:59:00+08:00', /previous step/],
      ['2026-11-09', /previous step/],
    ];
    for (const [at, why] of tries) {
      const e = t.err('demands.transition', { ...moveInput(d.id, 'assigned', t.meId), at });
      expect(e.code).toBe('VALIDATION');
      expect(e.details.field).toBe('at');
      expect(e.message).toMatch(/^at: /);
      expect(e.message).toMatch(why);
    }
    expect(snapshot(t.core)).toEqual(before);
    // Exactly at receipt is fine; then the next step may not go back before it.
    t.ok('demands.transition', { ...moveInput(d.id, 'assigned', t.meId), at: '2026-11-10T09:00:00+08:00' });
    t.ok('demands.transition', { id: d.id, to: 'in_progress', at: '2026-11-15T09:00:00+08:00' });
    const e = t.err('demands.transition', { id: d.id, to: 'answered', at: '2026-11-14T23:00:00+08:00' });
    expect(e.details.field).toBe('at');
    expect(e.message).toContain(new Date('2026-11-15T09:00:00+08:00').toISOString());
    t.ok('demands.transition', { id: d.id, to: 'answered', at: '2026-11-15T09:00:00+08:00' });
  });

  it('a demand received in the future is refused', () => {
    const t = makeCore();
    const e = t.err('demands.create', {
      enterpriseId: makeEnterprise(t).id,
      categories: ['ip'],
      title: 'x',
      receivedAt: '2026-11-25',
    });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'receivedAt' } });
  });
});

describe('due dates and the SLA clock', () => {
  it('defaults to +7 days (ordinary) and +30 days (complex) from the Shanghai date of receipt', () => {
    const t = makeCore();
    // 2026-11-19 21:00 UTC is already 2026-11-20 in Shanghai.
    const late = '2026-11-19T21:00:00Z';
    expect(makeDemand(t, { receivedAt: late }).dueDate).toBe('2026-11-27');
    expect(makeDemand(t, { receivedAt: late, complex: true }).dueDate).toBe('2026-12-20');
    // Received now (23 Nov) by default.
    const d = makeDemand(t);
    expect(d.receivedAt).toBe(new Date(NOW).toISOString());
    expect(d.dueDate).toBe('2026-11-30');
    expect(makeDemand(t, { complex: true }).dueDate).toBe('2026-12-23');
    // An explicit due date is kept, but not one before receipt.
    expect(makeDemand(t, { dueDate: '2026-12-01' }).dueDate).toBe('2026-12-01');
    const e = t.err('demands.create', {
      enterpriseId: d.enterpriseId!,
      categories: ['tech'],
      title: 'x',
      receivedAt: '2026-11-20',
      dueDate: '2026-11-19',
    });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'dueDate' } });
  });

  it('switching ordinary/complex moves a default due date, also after a hold', () => {
    const t = makeCore();
    const d = makeDemand(t, { receivedAt: '2026-11-20T10:00:00+08:00' });
    expect(d.dueDate).toBe('2026-11-27');
    expect(t.ok('demands.update', { id: d.id, complex: true }).dueDate).toBe('2026-12-20');
    expect(t.ok('demands.update', { id: d.id, complex: false }).dueDate).toBe('2026-11-27');
    // A hold of 2 days: the default due date is now 2 days later, and still follows the switch.
    t.ok('demands.transition', { ...moveInput(d.id, 'assigned', t.meId), at: '2026-11-20T11:00:00+08:00' });
    t.ok('demands.transition', { id: d.id, to: 'in_progress', at: '2026-11-20T12:00:00+08:00' });
    t.ok('demands.transition', {
      id: d.id,
      to: 'on_hold',
      note: '等待第三方',
      at: '2026-11-21T10:00:00+08:00',
    });
    const resumed = t.ok('demands.transition', {
      id: d.id,
      to: 'in_progress',
      at: '2026-11-23T10:00:00+08:00',
    });
    expect(resumed).toMatchObject({ dueDate: '2026-11-29', onHoldDays: 2 });
    expect(t.ok('demands.update', { id: d.id, complex: true }).dueDate).toBe('2026-12-22');
    // A due date set by hand is left alone.
    const m = makeDemand(t, { dueDate: '2026-12-05' });
    expect(t.ok('demands.update', { id: m.id, complex: true }).dueDate).toBe('2026-12-05');
  });

  it('on hold for N days moves the due date by N; onHoldDays accumulates', () => {
    const t = makeCore();
    const d = demandIn(t, 'in_progress'); // received today, due 2026-11-30
    expect(d.dueDate).toBe('2026-11-30');
    const held = t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待检测机构' });
    expect(held.holdSince).toBe(new Date(NOW).toISOString());
    expect(held.dueDate).toBe('2026-11-30');

    t.clock.advanceDays(5); // 28 Nov
    const during = t.ok('demands.get', { id: d.id });
    expect(during).toMatchObject({ status: 'on_hold', dueDate: '2026-11-30', daysLeft: 7 });
    expect(during.effectiveDueDate).toBe('2026-12-05');
    expect(during.dueSoon).toBe(false);

    const resumed = t.ok('demands.transition', { id: d.id, to: 'in_progress' });
    expect(resumed).toMatchObject({ dueDate: '2026-12-05', onHoldDays: 5, holdSince: null, daysLeft: 7 });

    t.clock.advanceDays(1); // 29 Nov
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方' });
    t.clock.advanceDays(3); // 2 Dec
    const again = t.ok('demands.transition', { id: d.id, to: 'in_progress' });
    expect(again).toMatchObject({ dueDate: '2026-12-08', onHoldDays: 8 });
    expect(again.history!.filter((h) => h.to === 'on_hold')).toHaveLength(2);
  });

  it('a backdated hold counts the days from when it began', () => {
    const t = makeCore();
    const d = demandIn(t, 'in_progress', { receivedAt: '2026-11-10T09:00:00+08:00' }); // due 17 Nov
    // The moves were logged today, so the hold cannot begin before them: log them in the past.
    const e = makeDemand(t, { receivedAt: '2026-11-10T09:00:00+08:00' });
    t.ok('demands.transition', { ...moveInput(e.id, 'assigned', t.meId), at: '2026-11-10T10:00:00+08:00' });
    t.ok('demands.transition', { id: e.id, to: 'in_progress', at: '2026-11-11T10:00:00+08:00' });
    t.ok('demands.transition', {
      id: e.id,
      to: 'on_hold',
      note: '等待第三方',
      at: '2026-11-12T10:00:00+08:00',
    });
    const held = t.ok('demands.get', { id: e.id });
    // Judged at 12 Nov: 5 days left, not overdue although 17 Nov has passed.
    expect(held).toMatchObject({
      overdue: false,
      dueSoon: false,
      daysLeft: 5,
      effectiveDueDate: '2026-11-28',
    });
    const resumed = t.ok('demands.transition', { id: e.id, to: 'in_progress' });
    expect(resumed).toMatchObject({ onHoldDays: 11, dueDate: '2026-11-28', daysLeft: 5 });
    expect(t.ok('demands.get', { id: d.id }).overdue).toBe(true);
  });

  it('computes overdue (today > dueDate) and due soon (within 3 days) for open demands only', () => {
    const t = makeCore();
    const ent = makeEnterprise(t).id;
    const mk = (dueDate: string, status: DemandStatus = 'in_progress') =>
      demandIn(t, status, { enterpriseId: ent, receivedAt: '2026-11-01', dueDate });
    const cases: [string, DemandStatus, boolean, boolean, number | null][] = [
      ['2026-11-22', 'in_progress', true, false, -1],
      ['2026-11-23', 'in_progress', false, true, 0],
      ['2026-11-26', 'assigned', false, true, 3],
      ['2026-11-27', 'pending', false, false, 4],
      ['2026-11-05', 'answered', true, false, -18],
      ['2026-11-05', 'closed', false, false, null],
      ['2026-11-05', 'rejected', false, false, null],
    ];
    for (const [due, status, overdue, dueSoon, daysLeft] of cases) {
      const d = mk(due, status);
      expect(t.ok('demands.get', { id: d.id }), `${status} due ${due}`).toMatchObject({
        status,
        overdue,
        dueSoon,
        daysLeft,
      });
    }
    // Tomorrow the first due-soon one is late.
    const soon = mk('2026-11-23');
    t.clock.advanceDays(1);
    expect(t.ok('demands.get', { id: soon.id })).toMatchObject({
      overdue: true,
      dueSoon: false,
      daysLeft: -1,
    });
  });

  it('while on hold the flags stay as they were when the hold began', () => {
    const t = makeCore();
    const ent = makeEnterprise(t).id;
    const soon = demandIn(t, 'in_progress', {
      enterpriseId: ent,
      receivedAt: '2026-11-01',
      dueDate: '2026-11-25',
    });
    const late = demandIn(t, 'in_progress', {
      enterpriseId: ent,
      receivedAt: '2026-11-01',
      dueDate: '2026-11-20',
    });
    const far = demandIn(t, 'in_progress', {
      enterpriseId: ent,
      receivedAt: '2026-11-01',
      dueDate: '2026-12-20',
    });
    for (const d of [soon, late, far])
      t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方' });
    for (const days of [0, 10, 40]) {
      if (days) t.clock.advanceDays(days);
      expect(t.ok('demands.get', { id: soon.id })).toMatchObject({
        overdue: false,
        dueSoon: true,
        daysLeft: 2,
      });
      expect(t.ok('demands.get', { id: late.id })).toMatchObject({
        overdue: true,
        dueSoon: false,
        daysLeft: -3,
      });
      expect(t.ok('demands.get', { id: far.id })).toMatchObject({
        overdue: false,
        dueSoon: false,
        daysLeft: 27,
      });
    }
    // 50 days on hold: resumed, the soon one is due on 14 Jan, two days after today (12 Jan).
    const resumed = t.ok('demands.transition', { id: soon.id, to: 'in_progress' });
    expect(resumed).toMatchObject({ dueDate: '2027-01-14', onHoldDays: 50, dueSoon: true, daysLeft: 2 });
  });
});

describe('supervisor board and reassignment', () => {
  function boardFixture() {
    const t = makeCore();
    const wang = t.ok('staff.create', { name: '王芳' });
    const li = t.ok('staff.create', { name: '李强' });
    const east = makeEnterprise(t, { town: '东街道' }).id;
    const west = makeEnterprise(t, { town: '西镇' }).id;
    const base = { receivedAt: '2026-11-01' };
    const assign = (d: Demand, staffId: string) =>
      t.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: staffId });
    const d = {
      lateWang: assign(makeDemand(t, { ...base, enterpriseId: east, dueDate: '2026-11-20' }), wang.id),
      lateLi: assign(makeDemand(t, { ...base, enterpriseId: west, dueDate: '2026-11-10' }), li.id),
      soonWang: assign(makeDemand(t, { ...base, enterpriseId: west, dueDate: '2026-11-24' }), wang.id),
      farLi: assign(makeDemand(t, { ...base, enterpriseId: east, dueDate: '2026-12-20' }), li.id),
      nearLi: assign(makeDemand(t, { ...base, enterpriseId: east, dueDate: '2026-12-01' }), li.id),
      unassigned: makeDemand(t, { ...base, enterpriseId: west, dueDate: '2026-12-10' }),
      closed: demandIn(t, 'closed', { ...base, enterpriseId: east, dueDate: '2026-11-02' }),
      rejected: demandIn(t, 'rejected', { ...base, enterpriseId: east, dueDate: '2026-11-02' }),
    };
    return { t, wang, li, d };
  }

  it('lists open demands, overdue first, then due soon, then by due date; counts per staff', () => {
    const { t, wang, li, d } = boardFixture();
    const board = t.ok('demands.openBoard', {});
    expect(board.today).toBe(TODAY);
    expect(board.rows.map((r) => r.id)).toEqual(
      [d.lateLi, d.lateWang, d.soonWang, d.nearLi, d.unassigned, d.farLi].map((x) => x.id),
    );
    expect(board.counts).toEqual({ open: 6, overdue: 2, dueSoon: 1, supervised: 0 });
    const by = Object.fromEntries(board.byStaff.map((s) => [s.staffId ?? 'none', s]));
    expect(by[wang.id]).toMatchObject({ name: '王芳', open: 2, overdue: 1, dueSoon: 1 });
    expect(by[li.id]).toMatchObject({ name: '李强', open: 3, overdue: 1, dueSoon: 0 });
    expect(by.none).toMatchObject({ open: 1, overdue: 0, dueSoon: 0 });
    expect(board.byStaff).toHaveLength(3);
    // Most overdue first, then most open.
    expect(board.byStaff.map((s) => s.staffId)).toEqual([li.id, wang.id, null]);

    const mine = t.ok('demands.openBoard', { assigneeStaffId: wang.id });
    expect(mine.rows.map((r) => r.id)).toEqual([d.lateWang.id, d.soonWang.id]);
    const east = t.ok('demands.openBoard', { town: '东街道' });
    expect(east.rows.map((r) => r.id)).toEqual([d.lateWang.id, d.nearLi.id, d.farLi.id]);
  });

  it('reassigns in bulk: pending ones become assigned, others change hands with a history entry', () => {
    const { t, wang, li, d } = boardFixture();
    const inProgress = t.ok('demands.transition', { id: d.farLi.id, to: 'in_progress' });
    const before = snapshot(t.core);
    const refused = t.err('demands.reassign', {
      ids: [d.unassigned.id, d.closed.id],
      assigneeStaffId: wang.id,
    });
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { field: 'ids.1' } });
    expect(refused.message).toMatch(/closed/);
    expect(snapshot(t.core)).toEqual(before);
    expect(t.err('demands.reassign', { ids: [d.unassigned.id], assigneeStaffId: 'nobody' }).code).toBe(
      'NOT_FOUND',
    );

    const r = t.ok('demands.reassign', {
      ids: [d.unassigned.id, inProgress.id, d.soonWang.id],
      assigneeStaffId: wang.id,
      note: '李强出差',
    });
    expect(r.updated).toBe(2); // soonWang already was Wang's
    const u = t.ok('demands.get', { id: d.unassigned.id });
    expect(u).toMatchObject({ status: 'assigned', assigneeStaffId: wang.id });
    expect(lastHistory(u)).toMatchObject({ from: 'pending', to: 'assigned', note: '李强出差', by: t.meId });
    const p = t.ok('demands.get', { id: inProgress.id });
    expect(p).toMatchObject({ status: 'in_progress', assigneeStaffId: wang.id });
    expect(lastHistory(p)).toMatchObject({ from: 'in_progress', to: 'in_progress', note: '李强出差' });
    expect(t.ok('demands.get', { id: d.soonWang.id }).history).toEqual(d.soonWang.history);

    const board = t.ok('demands.openBoard', {});
    const by = Object.fromEntries(board.byStaff.map((s) => [s.staffId ?? 'none', s]));
    expect(by[wang.id]!.open).toBe(4);
    expect(by[li.id]!.open).toBe(2);
    expect(by.none).toBeUndefined();
    expect(t.ok('demands.reassign', { ids: [d.unassigned.id], assigneeStaffId: wang.id }).updated).toBe(0);
  });

  it('assigning needs an assignee that exists', () => {
    const t: TestCore = makeCore();
    const d = makeDemand(t);
    expect(t.err('demands.transition', { id: d.id, to: 'assigned' })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'assigneeStaffId' },
    });
    expect(t.err('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: 'ghost' })).toMatchObject(
      {
        code: 'NOT_FOUND',
        details: { field: 'assigneeStaffId' },
      },
    );
    const withAssignee = makeDemand(t, { assigneeStaffId: t.meId });
    expect(t.ok('demands.transition', { id: withAssignee.id, to: 'assigned' }).assigneeStaffId).toBe(t.meId);
  });

  it('history names who made each move', () => {
    const t = makeCore();
    const other = t.ok('staff.create', { name: '赵敏', role: 'staff' });
    const d = makeDemand(t);
    t.ok('demands.transition', moveInput(d.id, 'assigned', other.id));
    t.ok('me.set', { staffId: other.id });
    const moved = t.ok('demands.transition', { id: d.id, to: 'in_progress', note: '开始办理' });
    expect(moved.history!.map((h) => [h.from, h.to, h.by, h.note])).toEqual([
      [null, 'pending', t.meId, null],
      ['pending', 'assigned', t.meId, null],
      ['assigned', 'in_progress', other.id, '开始办理'],
    ]);
  });
});

describe('supervisor-only and protective rules', () => {
  it('only a supervisor reassigns in bulk', () => {
    const t = makeCore({ role: 'staff' });
    const d = makeDemand(t);
    const e = t.err('demands.reassign', { ids: [d.id], assigneeStaffId: t.meId });
    expect(e.code).toBe('FORBIDDEN');
    expect(t.ok('demands.get', { id: d.id }).status).toBe('pending');
  });

  it('an enterprise with open demands cannot be deleted; once they are closed it can', () => {
    const t = makeCore();
    const d = makeDemand(t);
    const e = t.err('enterprises.delete', { id: d.enterpriseId! });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/1 open demand/);
    t.ok('demands.transition', { id: d.id, to: 'rejected', note: '不属于本局职责' });
    expect(t.ok('enterprises.delete', { id: d.enterpriseId! }).id).toBe(d.enterpriseId);
  });
});
