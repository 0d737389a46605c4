import { describe, expect, it } from 'vitest';
import {
  PLAIN_WEEKS,
  addWorkingDays,
  calendarProblems,
  workingDaysBetween,
  isWorkingDay,
  workCalendar,
} from '@shared/domain/workingDays';
import { DEFAULT_SLA, defaultDueDate, slaDates } from '@shared/domain/workflow';
import { parseHolidayNotice } from '@shared/domain/holidayNotice';
import { NATIONAL_DAY_2025 } from '../holidays';

const cal = workCalendar([NATIONAL_DAY_2025]);
const RECEIVED = '2025-09-30T10:00:00+08:00';

describe('working days', () => {
  it("gives DOMAIN.md's example: received 2025-09-30, due 2025-10-16, first reply 2025-10-11", () => {
    const sla = { ...DEFAULT_SLA, unit: 'workday' as const };
    expect(slaDates(RECEIVED, false, sla, cal)).toEqual({
      dueDate: '2025-10-16',
      firstReplyDue: '2025-10-11',
    });
  });

  it('counts the N-th working day strictly after the date', () => {
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 0, cal)).toBe('2025-09-30');
    // A worked Sunday counts; an ordinary Saturday does not.
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-19', 1, cal)).toBe('2025-09-22');
    expect(isWorkingDay('2025-10-11', cal)).toBe(true);
    expect(isWorkingDay('2025-10-08', cal)).toBe(false);
    expect(isWorkingDay('2025-10-12', cal)).toBe(false);
    // After the first date, up to and including the second.
    expect(workingDaysBetween('2025-10-09', '2025-10-13', cal)).toBe(3);
    expect(workingDaysBetween('2025-09-30', '2025-10-08', cal)).toBe(0);
    expect(workingDaysBetween('2025-10-13', '2025-10-13', cal)).toBe(0);
  });

  it('keeps calendar days by default: 7 and 30 days, a first reply three weekdays on', () => {
    expect(slaDates(RECEIVED, false)).toEqual({ dueDate: '2025-10-07', firstReplyDue: '2025-10-03' });
    expect(defaultDueDate(RECEIVED, true)).toBe('2025-10-30');
    // The official list moves the first reply even when deadlines are in calendar days.
    expect(slaDates(RECEIVED, false, DEFAULT_SLA, cal).firstReplyDue).toBe('2025-10-11');
    expect(slaDates(RECEIVED, false, DEFAULT_SLA, PLAIN_WEEKS).dueDate).toBe('2025-10-07');
  });

  it('names each bad entry of a year: malformed, outside the year, twice, holiday and workday', () => {
    expect(calendarProblems(NATIONAL_DAY_2025)).toEqual([]);
    expect(
      calendarProblems({
        year: 2025,
        holidays: ['2025-10-01', '2025-13-01', '2024-12-31', '2025-10-01'],
        workdays: ['2025-10-11', '2025-10-01'],
      }),
    ).toEqual([
      { field: 'holidays.1', msg: { key: 'calendar.date', params: { date: '2025-13-01' } } },
      { field: 'holidays.2', msg: { key: 'calendar.year', params: { date: '2024-12-31', year: 2025 } } },
      { field: 'holidays.3', msg: { key: 'calendar.twice', params: { date: '2025-10-01' } } },
      { field: 'workdays.1', msg: { key: 'calendar.both', params: { date: '2025-10-01' } } },
    ]);
  });
});

describe("the State Council's notice, pasted", () => {
  it('reads ranges, single days and worked days', () => {
    const text =
      '一、元旦：1月1日（周三）放假1天，不调休。\n' +
      '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。\n' +
      '八、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。';
    const { holidays, workdays } = parseHolidayNotice(text, 2025);
    expect(workdays).toEqual(['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11']);
    expect(holidays).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      ...NATIONAL_DAY_2025.holidays,
    ]);
  });

  it("reads the brief's 2026 New Year line and plain lists of dates", () => {
    expect(
      parseHolidayNotice('1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。', 2026),
    ).toEqual({
      holidays: ['2026-01-01', '2026-01-02', '2026-01-03'],
      workdays: ['2026-01-04'],
    });
    expect(parseHolidayNotice('２０２５-10-01～2025-10-03\n2025-10-11 补班', 2025)).toEqual({
      holidays: ['2025-10-01', '2025-10-02', '2025-10-03'],
      workdays: ['2025-10-11'],
    });
  });

  it('carries a range across the new year, and ignores text with no date', () => {
    expect(parseHolidayNotice('12月31日至1月1日放假', 2025).holidays).toEqual(['2025-12-31', '2026-01-01']);
    expect(parseHolidayNotice('共8天，请各单位妥善安排', 2025)).toEqual({ holidays: [], workdays: [] });
  });
});
