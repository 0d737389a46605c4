import { describe, expect, it } from 'vitest';
import { callAsync } from '../../src-main/dispatch';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeCore, snapshot, type TestCore, zhOf } from '../helpers';
import { cliSync } from '../cli';
import { freshUscc } from './fixtures';
import type { MethodInput } from '@shared/contract/contract';
import type { DemandStatus } from '@shared/domain/enums';
import {
  cutPeriod,
  parsePeriod,
  periodYearEarlier,
  previousPeriod,
  PeriodError,
} from '@shared/domain/period';
import { fileStem, periodTitle } from '../../src-main/features/reports/format';
import { oracleFigures } from './reports-oracle';

// Summaries of periods other than whole past quarters, on a small district built by hand.
// Today is 4 December 2026: the fourth quarter, December, the year and any range that
// reaches past today are not over, and are counted up to today (asOf); their comparisons
// take as many days of the other periods.

const NOW = '2026-12-04T12:00:00+08:00';

function district() {
  const t = makeCore({ now: NOW });
  const a = t.ok('staff.create', { name: '张三', role: 'staff' }).id;
  const unit = t.ok('units.create', { name: '区工信局', kind: 'department' }).id;
  const other = t.ok('units.create', { name: '区市场监管局', kind: 'department' }).id;
  const e1 = t.ok('enterprises.create', {
    uscc: freshUscc(),
    name: '东城精密机械有限公司',
    town: '东城街道',
    liaisonStaffId: a,
  }).id;
  const visit = (date: string) =>
    t.ok('visits.create', { enterpriseId: e1, date, mode: 'onsite', summary: '走访', leadStaffId: a });
  // Q4 2026 so far: 10-10, 11-04, 11-15, 12-02. Q3's first 65 days (as many as Q4 has had by
  // 12-04) end on 09-03: 09-04 is outside them. The year before: 2025-12-04 in, 12-05 out.
  for (const d of [
    '2025-12-04',
    '2025-12-05',
    '2026-01-15',
    '2026-07-05',
    '2026-07-20',
    '2026-09-03',
    '2026-09-04',
    '2026-10-10',
    '2026-11-04',
    '2026-11-15',
    '2026-12-02',
  ])
    visit(d);
  const demand = (
    receivedAt: string,
    fields: Partial<MethodInput<'demands.create'>>,
    moves: [DemandStatus, string][] = [],
  ) => {
    const id = t.ok('demands.create', {
      enterpriseId: e1,
      receivedAt,
      categories: ['policy'],
      title: `需求 ${receivedAt}`,
      ...fields,
    }).id;
    for (const [to, at] of moves) {
      t.ok('demands.transition', {
        id,
        to,
        at,
        ...(to === 'assigned' ? { assigneeStaffId: a } : {}),
        ...(to === 'closed' ? { closureType: 'substantive' as const, resolution: '已解决' } : {}),
      });
    }
    return id;
  };
  const d = {
    // Open, due 11-30: overdue today.
    late: demand('2026-11-10T02:00:00Z', { dueDate: '2026-11-30', leadUnitId: unit }),
    // Open, due 12-20: not overdue today, though it will be by 31 December if still open.
    dueLater: demand('2026-11-20T02:00:00Z', { dueDate: '2026-12-20', leadUnitId: other }),
    // Received 2025-12-28, closed 2026-01-05: across the year end.
    acrossYears: demand('2025-12-28T02:00:00Z', { dueDate: '2026-01-20', leadUnitId: unit }, [
      ['assigned', '2025-12-29T02:00:00Z'],
      ['in_progress', '2025-12-30T02:00:00Z'],
      ['answered', '2026-01-04T02:00:00Z'],
      ['closed', '2026-01-05T02:00:00Z'],
    ]),
  };
  return { t, a, unit, e1, d };
}

const summary = (t: TestCore, period: string, scope: Partial<MethodInput<'reports.summary'>> = {}) =>
  t.ok('reports.summary', { period, ...scope });

describe('periods', () => {
  it('parses months, quarters, halves, years and ranges to their first and last day', () => {
    expect(parsePeriod('2026-02')).toMatchObject({ kind: 'month', start: '2026-02-01', end: '2026-02-28' });
    expect(parsePeriod('2024-02').end).toBe('2024-02-29');
    expect(parsePeriod('2026Q4')).toMatchObject({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('2026H2')).toMatchObject({ kind: 'half', start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2025-12-01..2026-01-31')).toMatchObject({
      kind: 'range',
      start: '2025-12-01',
      end: '2026-01-31',
    });
  });

  it('the previous period is of the same kind; a range is followed back by as many days', () => {
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026Q1')).key).toBe('2025Q4');
    expect(previousPeriod(parsePeriod('2026H1')).key).toBe('2025H2');
    expect(previousPeriod(parsePeriod('2026')).key).toBe('2025');
    expect(previousPeriod(parsePeriod('2025-12-01..2026-01-31')).key).toBe('2025-09-30..2025-11-30');
    expect(periodYearEarlier(parsePeriod('2024-02-29..2024-03-31')).key).toBe('2023-02-28..2023-03-31');
    // Cut to 31 days, a 30-day month stays whole.
    expect(cutPeriod(parsePeriod('2026-11'), 31).end).toBe('2026-11-30');
  });

  it('refuses periods that do not exist, saying why', () => {
    for (const bad of ['2026Q5', '2026Q0', '2026-13', '2026-00', '2026H3', '2026-02-30..2026-03-01']) {
      expect(() => parsePeriod(bad), bad).toThrow(PeriodError);
    }
    expect(() => parsePeriod('2026-08-31..2026-01-01')).toThrow(/结束日期早于开始日期/);
    expect(() => parsePeriod('2020-01-01..2025-01-02')).toThrow(/超过5年/);
    expect(parsePeriod('2020-01-01..2024-12-31').kind).toBe('range');
    expect(() => parsePeriod('2026-Q3')).toThrow(/期间格式/);
  });

  it('names periods as titles and file names do', () => {
    expect(periodTitle('2026-08')).toBe('2026年8月');
    expect(periodTitle('2026Q3')).toBe('2026年第三季度');
    expect(periodTitle('2026H1')).toBe('2026年上半年');
    expect(periodTitle('2026')).toBe('2026年');
    expect(periodTitle('2026-01-01..2026-08-31')).toBe('2026年1-8月');
    expect(periodTitle('2025-12-01..2026-01-31')).toBe('2025年12月-2026年1月');
    expect(periodTitle('2026-01-05..2026-02-10')).toBe('2026年1月5日至2026年2月10日');
    const bureau = { type: 'bureau' } as Parameters<typeof fileStem>[0]['scope'];
    expect(fileStem({ period: '2026-01-01..2026-08-31', scope: bureau }, '启明区科技局')).toBe(
      '启明区科技局_2026年1-8月走访工作总结',
    );
  });
});

describe('reports.summary as of today', () => {
  it('an unfinished quarter: overdue at its end means overdue today, not by 31 December', () => {
    const { t } = district();
    // reports.quarterly as ever: a demand due 12-20 is not late on 12-04.
    const q4 = t.ok('reports.quarterly', { quarter: '2026Q4' });
    expect(q4.figures.openAtEnd).toBe(2);
    expect(q4.figures.overdueAtEnd).toBe(1);
    expect(q4.partial).toBe(true);
    expect(q4.asOf).toBe('2026-12-04');
    const s = summary(t, '2026Q4');
    expect(s).toMatchObject({ period: '2026Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(s.asOf).toBe('2026-12-04');
    expect(s.figures).toEqual(q4.figures);
    expect(t.ok('reports.records', { period: '2026Q4', figure: 'overdueAtEnd' }).total).toBe(1);
  });

  it('an unfinished quarter is compared with as many days of the others', () => {
    const { t } = district();
    const c = summary(t, '2026Q4').comparison;
    // 10-01…12-04 is 65 days: Q3's 07-01…09-03, and 2025-10-01…2025-12-04.
    expect(c.previous).toEqual({ period: '2026Q3', from: '2026-07-01', to: '2026-09-03' });
    expect(c.lastYear).toEqual({ period: '2025Q4', from: '2025-10-01', to: '2025-12-04' });
    expect(c.figures.visits).toMatchObject({ current: 4, previous: 3, lastYear: 1 });
    // The whole of Q3 had 4 visits; a finished quarter is compared whole.
    expect(summary(t, '2026Q3').figures.visits).toBe(4);
    expect(summary(t, '2026Q3').comparison.previous).toEqual({
      period: '2026Q2',
      from: '2026-04-01',
      to: '2026-06-30',
    });
  });

  it('a month: counted to today, compared with the first days of the month before', () => {
    const { t } = district();
    const dec = summary(t, '2026-12');
    expect(dec).toMatchObject({
      kind: 'month',
      from: '2026-12-01',
      to: '2026-12-31',
      asOf: '2026-12-04',
      partial: true,
    });
    expect(dec.figures.visits).toBe(1);
    expect(Object.keys(dec.details.byMonth)).toEqual(['2026-12']);
    expect(dec.comparison.previous).toEqual({ period: '2026-11', from: '2026-11-01', to: '2026-11-04' });
    expect(dec.comparison.figures.visits).toMatchObject({ previous: 1, lastYear: 1 });
    // November is over: whole, with its two visits, asOf its last day.
    const nov = summary(t, '2026-11');
    expect(nov).toMatchObject({ asOf: '2026-11-30', partial: false });
    expect(nov.figures.visits).toBe(2);
    expect(nov.figures.newDemands).toBe(2);
  });

  it('a custom range across a year end, finished and not', () => {
    const { t, d } = district();
    const done = summary(t, '2025-12-01..2026-01-31');
    expect(done).toMatchObject({ kind: 'range', asOf: '2026-01-31', partial: false });
    expect(done.figures).toMatchObject({ visits: 3, newDemands: 1, closed: 1, openAtEnd: 0 });
    expect(done.details.byMonth).toEqual({
      '2025-12': { visits: 2, enterprisesVisited: 1 },
      '2026-01': { visits: 1, enterprisesVisited: 1 },
    });
    expect(done.comparison.previous).toEqual({
      period: '2025-09-30..2025-11-30',
      from: '2025-09-30',
      to: '2025-11-30',
    });
    expect(t.ok('reports.records', { period: '2025-12-01..2026-01-31', figure: 'closed' }).rows[0]!.id).toBe(
      d.acrossYears,
    );

    const open = summary(t, '2026-11-01..2027-02-28');
    expect(open).toMatchObject({ asOf: '2026-12-04', partial: true });
    expect(open.figures).toMatchObject({ visits: 3, newDemands: 2, openAtEnd: 2, overdueAtEnd: 1 });
    // 34 days so far: the 120 days before, cut to their first 34.
    expect(open.comparison.previous).toEqual({
      period: '2026-07-04..2026-10-31',
      from: '2026-07-04',
      to: '2026-08-06',
    });
    expect(open.comparison.lastYear).toEqual({
      period: '2025-11-01..2026-02-28',
      from: '2025-11-01',
      to: '2025-12-04',
    });
    expect(open.comparison.figures.visits).toMatchObject({ previous: 2, lastYear: 1 });
  });

  it('a year not over, and the scope of one lead unit', () => {
    const { t, unit } = district();
    const year = summary(t, '2026');
    expect(year).toMatchObject({ asOf: '2026-12-04', partial: true });
    expect(Object.keys(year.details.byMonth)).toHaveLength(12);
    expect(year.figures.visits).toBe(9);
    expect(year.comparison.lastYear).toEqual({ period: '2025', from: '2025-01-01', to: '2025-12-04' });
    const u = summary(t, '2026', { unitId: unit });
    expect(u.scope).toMatchObject({ type: 'unit', unitId: unit, unitName: '区工信局', key: `unit:${unit}` });
    // The unit leads the late demand and the one closed in January (carried over into 2026).
    expect(u.figures).toMatchObject({
      newDemands: 1,
      carriedOver: 1,
      closed: 1,
      openAtEnd: 1,
      overdueAtEnd: 1,
    });
    expect(u.figures.visits).toBe(0);
    expect(u.figures.clinics).toBeNull();
  });

  it('every figure of a period not over agrees with the independent computation as of today', () => {
    const { t, a } = district();
    for (const period of ['2026Q4', '2026-12', '2026H2', '2026', '2026-11-01..2027-02-28']) {
      for (const scope of [{}, { staffId: a }, { town: '东城街道' }]) {
        expect(summary(t, period, scope).figures, `${period} ${JSON.stringify(scope)}`).toEqual(
          oracleFigures(t.core.store.db, period, scope, '2026-12-04'),
        );
      }
    }
  });

  it('narratives are kept per period; a quarter keeps the record it always had', () => {
    const { t } = district();
    const q = t.ok('reports.narrative.save', { quarter: '2026Q3', typicalCases: '季度案例' });
    expect(t.ok('reports.narrative.get', { period: '2026Q3' })).toMatchObject({
      id: q.id,
      typicalCases: '季度案例',
    });
    t.ok('reports.narrative.save', { period: '2026-08', typicalCases: '八月案例' });
    expect(t.ok('reports.narrative.get', { period: '2026-08' })).toMatchObject({
      period: '2026-08',
      typicalCases: '八月案例',
    });
    expect(t.ok('reports.narrative.get', { quarter: '2026Q3' }).typicalCases).toBe('季度案例');
  });
});

describe('reports.summary refuses', () => {
  it('periods that do not exist or have not begun, and scopes naming nothing: typed, in Chinese, data unchanged', async () => {
    const { t } = district();
    const before = snapshot(t.core);
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ period: '2026Q5' }, 'VALIDATION', 'period', /季度应为 Q1 至 Q4/],
      [{ period: '2026-13' }, 'VALIDATION', 'period', /月份应为 01 至 12/],
      [{ period: '2026H3' }, 'VALIDATION', 'period', /半年应为 H1 或 H2/],
      [{ period: '2026-08-31..2026-01-01' }, 'VALIDATION', 'period', /结束日期早于开始日期/],
      [{ period: '2020-01-01..2026-01-01' }, 'VALIDATION', 'period', /超过5年/],
      [{ period: '2027Q1' }, 'VALIDATION', 'period', /期间尚未开始/],
      [{ period: '2026', staffId: 'ghost-staff' }, 'NOT_FOUND', 'staffId', /没有这个人员/],
      [{ period: '2026', town: '不存在镇' }, 'NOT_FOUND', 'town', /没有企业在这个镇街/],
      [{ period: '2026', unitId: 'ghost-unit' }, 'NOT_FOUND', 'unitId', /没有这个承办单位/],
    ];
    for (const [input, code, field, message] of cases) {
      const e = t.err('reports.summary', input);
      expect(e, JSON.stringify(input)).toMatchObject({ code, details: { field } });
      expect(zhOf(e), JSON.stringify(input)).toMatch(message);
    }
    expect(t.err('reports.records', { period: '2026H3', figure: 'visits' }).details.field).toBe('period');
    const exported = await callAsync(t.core, 'reports.export', { period: '2026-13', format: 'xlsx' });
    expect(exported).toMatchObject({ ok: false, error: { details: { field: 'period' } } });
    expect(snapshot(t.core)).toEqual(before);
  });
});

async function exported(t: TestCore, input: MethodInput<'reports.export'>) {
  const r = await callAsync(t.core, 'reports.export', input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const file = r.result as { fileName: string; contentBase64: string };
  return { fileName: file.fileName, bytes: Buffer.from(file.contentBase64, 'base64') };
}

describe("exports of any period, in Chinese, under the bureau's name", () => {
  it('Excel: the name in titles and file name, 截至 for a period not over, no English, ids hidden', async () => {
    const { t } = district();
    t.ok('settings.set', { orgName: '启明区科技局' });
    const range = await exported(t, { period: '2026-01-01..2026-08-31', format: 'xlsx' });
    expect(range.fileName).toBe('启明区科技局_2026年1-8月走访工作总结.xlsx');
    const file = await exported(t, { period: '2026Q4', format: 'xlsx' });
    expect(file.fileName).toBe('启明区科技局_2026年第四季度走访工作总结.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('A1').value).toBe('启明区科技局2026年第四季度走访工作汇总表');
    expect(String(sum.getCell('A2').value)).toContain('数据截至：2026年12月4日（期间未结束）');
    // The comparison columns name the days they count.
    expect(String(sum.getRow(3).getCell(8).value)).toBe('上季度同期\n2026年7月1日至2026年9月3日');
    const english: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const header = String(ws.getRow(3).getCell(c).value ?? '');
          if (ws.getColumn(c).hidden) {
            // Keys and ids only in hidden columns headed as technical.
            expect(header, `${ws.name} column ${c}`).toContain('（系统）');
            return;
          }
          const text = typeof cell.value === 'string' ? cell.value : '';
          // 'UTC+8' is how a Chinese text names Beijing time.
          if (/[A-Za-z]{3,}/.test(text.replace('UTC', ''))) english.push(`${ws.name}!${r}:${c} ${text}`);
        }),
      );
    }
    expect(english).toEqual([]);
    const staff = wb.getWorksheet('按带队人员')!;
    expect(staff.getRow(4).getCell(2).value).toBe('张三');
    expect(staff.getColumn(3).hidden).toBe(true);
  });

  it('Word: the name and the period in the title, 截至 today, comparisons of as many days', async () => {
    const { t } = district();
    t.ok('settings.set', { orgName: '启明区科技局' });
    const file = await exported(t, { period: '2026Q4', format: 'docx' });
    expect(file.fileName).toBe('启明区科技局_2026年第四季度走访工作总结.docx');
    const zip = await JSZip.loadAsync(file.bytes);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('启明区科技局2026年第四季度走访工作总结');
    expect(text).toContain('（2026年10月1日至2026年12月31日，截至2026年12月4日）');
    expect(text).toContain(
      '环比、同比均按相同天数比较，即与2026年7月1日至2026年9月3日、2025年10月1日至2025年12月4日相比',
    );
    expect(text).toContain('上季度同期（2026年7月1日至2026年9月3日）');
    const month = await exported(t, { period: '2026-11', format: 'docx', staffId: t.meId });
    expect(month.fileName).toBe('启明区科技局_2026年11月走访工作总结_测试员.docx');
  });
});

describe('CLI: report summary', () => {
  it('prints the JSON of reports.summary; a period that does not exist exits 1 with the error', () => {
    const { t, unit } = district();
    // A finished period: the CLI reads today from the real clock.
    const expected = t.ok('reports.summary', { period: '2025-12-01..2026-01-31', unitId: unit });
    t.core.store.close();
    const json = JSON.parse(
      cliSync(['--db', t.path, 'report', 'summary', '--period', '2025-12-01..2026-01-31', '--unit', unit]),
    );
    expect(json).toEqual(expected);
    let status = 0;
    let stderr = '';
    try {
      cliSync(['--db', t.path, 'report', 'summary', '--period', '2026H3']);
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(JSON.parse(stderr).error).toMatchObject({ code: 'VALIDATION', details: { field: 'period' } });
  });
});
