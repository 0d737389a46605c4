import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { callAsync } from '../../src-main/dispatch';
import { makeCore, snapshot, type TestCore } from '../helpers';
import { driveTo, makeDemand } from './fixtures';
import { derived, exchange, pair, ship } from './syncPair';
import { NATIONAL_DAY_2025 } from '../holidays';

// 阶段性答复 and working days (DOMAIN.md, the demand fields firstReplyDue / firstRepliedAt,
// "Working days", settings `sla` and the calendar).

/** A bureau counting in working days with the 2025 National Day list, on 2025-09-30. */
function workdayBureau(role: 'supervisor' | 'staff' = 'supervisor'): TestCore {
  const t = makeCore({ now: '2025-09-30T10:00:00+08:00' });
  t.ok('settings.set', { sla: { unit: 'workday' } });
  t.ok('calendar.set', NATIONAL_DAY_2025);
  if (role === 'staff') {
    const staff = t.ok('staff.create', { name: '工作人员', role: 'staff' });
    t.ok('me.set', { staffId: staff.id });
  }
  return t;
}

describe('settings and the calendar', () => {
  it('default to calendar days, 7 / 30: due dates stay as they were, a first reply in 3 working days', () => {
    const t = makeCore();
    expect(t.ok('settings.get', {})).toEqual({
      orgName: null,
      sla: { unit: 'calendar', ordinary: 7, complex: 30, firstReply: 3 },
      towns: [],
      industries: [],
      updatedAt: null,
      updatedByStaff: null,
    });
    // 2026-11-23 is a Monday.
    const d = makeDemand(t);
    expect(d.dueDate).toBe('2026-11-30');
    expect(d.firstReplyDue).toBe('2026-11-26');
    expect(d.firstRepliedAt).toBeNull();
    expect(makeDemand(t, { complex: true }).dueDate).toBe('2026-12-23');
  });

  it("count in working days: DOMAIN.md's example, received 2025-09-30", () => {
    const t = workdayBureau();
    expect(t.ok('calendar.get', { year: 2025 })).toMatchObject({
      year: 2025,
      holidays: NATIONAL_DAY_2025.holidays,
      workdays: NATIONAL_DAY_2025.workdays,
    });
    const d = makeDemand(t);
    expect(d.dueDate).toBe('2025-10-16');
    expect(d.firstReplyDue).toBe('2025-10-11');
  });

  it('move a default due date to the complex limit in working days, and back', () => {
    const t = workdayBureau();
    const d = makeDemand(t);
    // 30 working days after 2025-09-30, counted by hand on the 2025 calendar.
    expect(t.ok('demands.update', { id: d.id, complex: true }).dueDate).toBe('2025-11-18');
    expect(t.ok('demands.update', { id: d.id, complex: false }).dueDate).toBe('2025-10-16');
  });

  it('apply a change of limits to demands received afterwards only', () => {
    const t = makeCore({ now: '2025-09-30T10:00:00+08:00' });
    const before = makeDemand(t);
    t.ok('settings.set', { sla: { unit: 'workday', ordinary: 5 }, orgName: '启明区科技局' });
    expect(t.ok('settings.get', {})).toMatchObject({
      orgName: '启明区科技局',
      sla: { unit: 'workday', ordinary: 5, complex: 30, firstReply: 3 },
    });
    expect(t.ok('demands.get', { id: before.id }).dueDate).toBe('2025-10-07');
    expect(makeDemand(t).dueDate).toBe('2025-10-07'); // 5 weekdays: no holiday list yet
    t.ok('calendar.set', NATIONAL_DAY_2025);
    expect(makeDemand(t).dueDate).toBe('2025-10-14');
    expect(t.ok('demands.get', { id: before.id }).dueDate).toBe('2025-10-07');
  });
});

describe('the first reply (阶段性答复)', () => {
  it('is the first reply event; a later one, or the answer, leaves it', () => {
    const t = workdayBureau();
    const d = driveTo(t, makeDemand(t), 'in_progress');
    t.clock.set('2025-10-09T09:00:00+08:00');
    const replied = t.ok('demands.reply', { id: d.id, note: '已联系检测机构，预计两周内出结果' });
    expect(replied.firstRepliedAt).toBe('2025-10-09T01:00:00.000Z');
    expect(replied.status).toBe('in_progress');
    expect(replied.firstReplyLate).toBe(false);
    expect(replied.history!.at(-1)).toMatchObject({
      type: 'reply',
      note: '已联系检测机构，预计两周内出结果',
    });

    t.clock.set('2025-10-13T09:00:00+08:00');
    t.ok('demands.reply', { id: d.id, note: '检测排期已确定' });
    const answered = t.ok('demands.transition', { id: d.id, to: 'answered' });
    expect(answered.firstRepliedAt).toBe('2025-10-09T01:00:00.000Z');
  });

  it('is the move to answered when no reply came first', () => {
    const t = workdayBureau();
    const d = driveTo(t, makeDemand(t), 'in_progress');
    t.clock.set('2025-10-10T09:00:00+08:00');
    expect(t.ok('demands.transition', { id: d.id, to: 'answered' }).firstRepliedAt).toBe(
      '2025-10-10T01:00:00.000Z',
    );
  });

  it('is flagged late past its date, on the record, in list filters and on the board', () => {
    const t = workdayBureau();
    const waiting = makeDemand(t);
    const inTime = makeDemand(t);
    t.clock.set('2025-10-11T09:00:00+08:00');
    t.ok('demands.reply', { id: inTime.id, note: '已受理，正在协调' });
    expect(t.ok('demands.get', { id: waiting.id }).firstReplyLate).toBe(false);
    expect(t.ok('demands.openBoard', {}).lateFirstReplies).toBe(0);

    t.clock.set('2025-10-13T09:00:00+08:00');
    expect(t.ok('demands.get', { id: waiting.id }).firstReplyLate).toBe(true);
    expect(t.ok('demands.get', { id: inTime.id }).firstReplyLate).toBe(false);
    const late = t.ok('demands.list', { filter: { firstReplyLate: true } });
    expect(late.rows.map((r) => r.id)).toEqual([waiting.id]);
    expect(late.rows[0]!.firstReplyLate).toBe(true);
    expect(t.ok('demands.openBoard', {}).lateFirstReplies).toBe(1);

    // Replied late: still flagged, though replied.
    const repliedLate = t.ok('demands.reply', { id: waiting.id, note: '已联系企业' });
    expect(repliedLate.firstReplyLate).toBe(true);
    expect(t.ok('demands.list', { filter: { firstReplyLate: true } }).total).toBe(1);
  });

  it('waits while the demand is on hold, as the due date does', () => {
    const t = makeCore({ now: '2026-11-23T10:00:00+08:00' });
    const d = driveTo(t, makeDemand(t), 'in_progress');
    expect(d.firstReplyDue).toBe('2026-11-26');
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方' });
    t.clock.set('2026-11-28T10:00:00+08:00');
    // On hold since before its date: judged at the day the hold began, so not late.
    expect(t.ok('demands.get', { id: d.id }).firstReplyLate).toBe(false);
    expect(t.ok('demands.list', { filter: { firstReplyLate: true } }).total).toBe(0);
    const resumed = t.ok('demands.transition', { id: d.id, to: 'in_progress' });
    expect(resumed.dueDate).toBe('2026-12-05');
    // A first reply counts working days: the hold lasted four (Tuesday to Friday).
    expect(resumed.firstReplyDue).toBe('2026-12-02');
    expect(resumed.firstReplyLate).toBe(false);
  });

  it('in working days, a hold moves both dates by the working days it lasted', () => {
    const t = workdayBureau();
    const d = driveTo(t, makeDemand(t), 'in_progress');
    t.clock.set('2025-10-09T10:00:00+08:00');
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方' });
    t.clock.set('2025-10-13T10:00:00+08:00');
    // On hold Friday 10-10, the worked Saturday 10-11 and Monday 10-13: three working days.
    const resumed = t.ok('demands.transition', { id: d.id, to: 'in_progress' });
    expect(resumed.onHoldDays).toBe(4);
    expect(resumed.dueDate).toBe('2025-10-21');
    expect(resumed.firstReplyDue).toBe('2025-10-15');
    // An approved extension counts from the date asked; a later hold moves it in working days.
    t.ok('demands.requestExtension', { id: d.id, dueDate: '2025-10-31', reason: '等待检测' });
    t.ok('demands.decideExtension', { id: d.id, approve: true });
    t.clock.set('2025-10-17T10:00:00+08:00');
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方' });
    t.clock.set('2025-10-20T10:00:00+08:00');
    expect(t.ok('demands.transition', { id: d.id, to: 'in_progress' }).dueDate).toBe('2025-11-03');
  });

  it('moves no more once given: a later hold pauses only the due date', () => {
    const t = makeCore({ now: '2026-11-23T10:00:00+08:00' });
    const d = driveTo(t, makeDemand(t), 'in_progress');
    t.ok('demands.reply', { id: d.id, note: '已受理' });
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方' });
    t.clock.set('2026-11-28T10:00:00+08:00');
    const resumed = t.ok('demands.transition', { id: d.id, to: 'in_progress' });
    expect(resumed.dueDate).toBe('2026-12-05');
    expect(resumed.firstReplyDue).toBe('2026-11-26');
  });
});

describe('bad input', () => {
  it('a calendar with a bad date is refused, naming the entry and why, the database unchanged', () => {
    const t = makeCore();
    t.ok('calendar.set', NATIONAL_DAY_2025);
    const before = snapshot(t.core);
    const cases: [unknown, string, RegExp][] = [
      [
        { ...NATIONAL_DAY_2025, holidays: ['2025-10-01', '2024-12-31'] },
        'holidays.1',
        /outside the year 2025/,
      ],
      [{ ...NATIONAL_DAY_2025, workdays: ['2025-10-11', '2025-10-08'] }, 'workdays.1', /both as a holiday/],
      [{ ...NATIONAL_DAY_2025, holidays: ['2025-10-1'] }, 'holidays.0', /not a calendar date/],
      [{ ...NATIONAL_DAY_2025, workdays: ['2025-02-30'] }, 'workdays.0', /not a calendar date/],
      [{ ...NATIONAL_DAY_2025, holidays: ['2025-10-01', '2025-10-01'] }, 'holidays.1', /listed twice/],
    ];
    for (const [input, field, why] of cases) {
      const e = t.err('calendar.set', input);
      expect(e.code).toBe('VALIDATION');
      expect(e.details.field).toBe(field);
      expect(e.message).toMatch(why);
    }
    expect(t.err('calendar.set', { year: 2025, holidays: [] }).details.issues).toEqual([
      expect.objectContaining({ path: 'workdays' }),
    ]);
    expect(t.err('settings.set', { sla: { unit: 'weeks' } }).details.issues).toEqual([
      expect.objectContaining({ path: 'sla.unit' }),
    ]);
    expect(t.err('settings.set', { sla: { firstReply: 0 } }).details.issues).toEqual([
      expect.objectContaining({ path: 'sla.firstReply' }),
    ]);
    expect(snapshot(t.core)).toEqual(before);
  });

  it('settings and the calendar are changed by supervisors only; anyone reads them', () => {
    const t = workdayBureau('staff');
    const before = snapshot(t.core);
    const sla = t.err('settings.set', { sla: { unit: 'calendar' } });
    expect(sla).toMatchObject({ code: 'FORBIDDEN', details: { field: 'sla' } });
    expect(t.err('settings.set', { orgName: '别的局' })).toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'orgName' },
    });
    expect(t.err('calendar.set', { year: 2026, holidays: [], workdays: [] })).toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'year' },
    });
    expect(snapshot(t.core)).toEqual(before);
    expect(t.ok('settings.get', {}).sla.unit).toBe('workday');
    expect(t.ok('calendar.get', { year: 2025 }).workdays).toEqual(NATIONAL_DAY_2025.workdays);
  });

  it('a reply to an ended or unknown demand is refused, naming the field', () => {
    const t = makeCore();
    const rejected = driveTo(t, makeDemand(t), 'rejected');
    const before = snapshot(t.core);
    expect(t.err('demands.reply', { id: rejected.id, note: '已答复' })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'id' },
    });
    expect(t.err('demands.reply', { id: 'nope', note: '已答复' }).code).toBe('NOT_FOUND');
    expect(t.err('demands.reply', { id: rejected.id, note: '  ' }).details.issues).toEqual([
      expect.objectContaining({ path: 'note' }),
    ]);
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('between two laptops', () => {
  it('settings, the calendar and a reply travel; the reply replays the same on both', () => {
    const { a, b } = pair();
    // Both clocks at Monday 2026-11-23, noon; a made-up holiday on the Tuesday.
    const list = { year: 2026, holidays: ['2026-11-24'], workdays: [] };
    a.ok('settings.set', { sla: { unit: 'workday' }, orgName: '启明区科技局' });
    a.ok('calendar.set', list);
    ship(a, b);
    expect(b.ok('settings.get', {})).toMatchObject({ orgName: '启明区科技局', sla: { unit: 'workday' } });
    expect(b.ok('calendar.get', { year: 2026 })).toMatchObject(list);

    // B counts with A's limits and list.
    b.clock.ms = a.clock.ms + 60_000;
    const d = makeDemand(b);
    expect(d.firstReplyDue).toBe('2026-11-27');
    expect(d.dueDate).toBe('2026-12-03');
    ship(b, a);
    b.clock.set('2026-11-25T09:00:00+08:00');
    a.clock.set('2026-11-26T09:00:00+08:00');
    // Both reply before seeing the other's: the earlier is the demand's first reply on both.
    a.ok('demands.reply', { id: d.id, note: 'A 已上门答复' });
    b.ok('demands.reply', { id: d.id, note: 'B 已电话答复' });
    exchange(a, b);
    const onA = a.ok('demands.get', { id: d.id });
    const onB = b.ok('demands.get', { id: d.id });
    expect(onA.firstRepliedAt).toBe('2026-11-25T01:00:00.000Z');
    expect(derived(onA)).toEqual(derived(onB));
    expect(onA.history!.filter((h) => h.type === 'reply').map((h) => h.note)).toEqual([
      'B 已电话答复',
      'A 已上门答复',
    ]);
    expect(onB.history!.filter((h) => h.type === 'reply')).toHaveLength(2);
  });

  it('a year set on both laptops is one record after sync', () => {
    const { a, b } = pair();
    a.ok('calendar.set', { year: 2026, holidays: ['2026-01-01'], workdays: [] });
    b.ok('calendar.set', { year: 2026, holidays: ['2026-01-01', '2026-01-02'], workdays: ['2026-01-04'] });
    exchange(a, b);
    ship(a, b);
    const onA = a.ok('calendar.get', { year: 2026 });
    expect(b.ok('calendar.get', { year: 2026 })).toEqual(onA);
    expect(a.core.store.db.prepare(`SELECT count(*) AS n FROM calendars`).get()).toEqual({ n: 1 });
  });
});

describe('the bureau name', () => {
  it('titles the reports once set, unless the export names another', async () => {
    const t = makeCore();
    const title = async (orgName?: string) => {
      const r = await callAsync(t.core, 'reports.export', {
        quarter: '2026Q4',
        format: 'xlsx',
        ...(orgName ? { orgName } : {}),
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const wb = new ExcelJS.Workbook();
      const bytes = Buffer.from((r.result as { contentBase64: string }).contentBase64, 'base64');
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb.getWorksheet('汇总')!.getCell('A1').value;
    };
    expect(await title()).toBe('XX区科技局2026年第四季度走访工作汇总表');
    t.ok('settings.set', { orgName: '启明区科技局' });
    expect(await title()).toBe('启明区科技局2026年第四季度走访工作汇总表');
    expect(await title('测试区科技局')).toBe('测试区科技局2026年第四季度走访工作汇总表');
  });
});
