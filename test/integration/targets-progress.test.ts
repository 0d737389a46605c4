import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeCore, type TestCore } from '../helpers';
import { cli } from '../cli';
import { callAsync } from '../../src-main/dispatch';
import type { MethodOutput } from '@shared/contract/contract';
import { TARGET_KEYS } from '@shared/reports/targets';
import { driveTo, makeDemand, makeEnterprise } from './fixtures';

// Progress against the annual targets (the 晾晒表) on a hand-built year: each target of asOf's
// year against its figure from 1 January to asOf, pct = actual ÷ target.
//
//   visits          2025-12-20 (E1) · 2026-01-05 (E1) · 2026-03-10 (E1) · 2026-06-30 (E2) · 2026-07-02 (E3)
//   demands         D0 received and closed in December 2025; D1, D2 received 2026-02-10,
//                   D1 closed 2026-03-01, D2 closed 2026-06-20, when D3 is received
//   today           2026-07-02

function district(): TestCore {
  const t = makeCore({ now: '2025-12-15T10:00:00+08:00' });
  const [e1, e2, e3] = [makeEnterprise(t), makeEnterprise(t), makeEnterprise(t)];
  driveTo(t, makeDemand(t, { enterpriseId: e1.id }), 'closed');
  t.clock.set('2026-02-10T10:00:00+08:00');
  const d1 = makeDemand(t, { enterpriseId: e1.id });
  const d2 = makeDemand(t, { enterpriseId: e2.id });
  t.clock.set('2026-03-01T10:00:00+08:00');
  driveTo(t, d1, 'closed');
  t.clock.set('2026-06-20T10:00:00+08:00');
  driveTo(t, d2, 'closed');
  makeDemand(t, { enterpriseId: e3.id });
  t.clock.set('2026-07-02T12:00:00+08:00');
  for (const [e, date] of [
    [e1, '2025-12-20'],
    [e1, '2026-01-05'],
    [e1, '2026-03-10'],
    [e2, '2026-06-30'],
    [e3, '2026-07-02'],
  ] as const) {
    t.ok('visits.create', { enterpriseId: e.id, date, mode: 'onsite', leadStaffId: t.meId });
  }
  // Service work of the year: one activity held in March, financing in May (and one refused).
  t.ok('activities.create', {
    type: 'matchmaking',
    date: '2026-03-15',
    title: '产学研对接会',
    enterpriseIds: [e1.id, e2.id],
    attendees: 30,
    status: 'held',
  } as never);
  t.ok('outcomes.create', { enterpriseId: e1.id, type: 'financing', date: '2026-05-20', amount: 300_000 });
  t.ok('outcomes.create', {
    enterpriseId: e2.id,
    type: 'financing',
    date: '2026-05-21',
    amount: 500_000,
    status: 'rejected',
  });
  const targets = {
    visits: 8,
    enterprisesVisited: 4,
    newDemands: 4,
    closed: 10,
    clinics: 0,
    activities: 12,
    'outcome:financing:amount': 1_000_000,
  } as const;
  for (const [key, value] of Object.entries(targets))
    t.ok('targets.set', { year: 2026, key, value } as never);
  t.ok('targets.set', { year: 2025, key: 'visits', value: 100 });
  return t;
}

describe('progress against targets', () => {
  it('counts from 1 January of asOf’s year to asOf: today for a period not over', () => {
    const t = district();
    const r = t.ok('reports.summary', { period: '2026-07' });
    expect(r.asOf).toBe('2026-07-02');
    expect(r.targets).toEqual({
      visits: { target: 8, actual: 4, pct: 0.5 },
      enterprisesVisited: { target: 4, actual: 3, pct: 0.75 },
      newDemands: { target: 4, actual: 3, pct: 0.75 },
      closed: { target: 10, actual: 2, pct: 0.2 },
      // A target of 0 has no share to reach.
      clinics: { target: 0, actual: 0, pct: null },
      // Activities held, and outcomes not refused, to asOf.
      activities: { target: 12, actual: 1, pct: 1 / 12 },
      'outcome:financing:amount': { target: 1_000_000, actual: 300_000, pct: 0.3 },
    });
    // The quarterly report says the same.
    expect(t.ok('reports.quarterly', { quarter: '2026Q3' }).targets).toEqual(r.targets);
  });

  it('counts to the period’s last day for a period over, and in its own year', () => {
    const t = district();
    // Q2 ended 2026-06-30: the visit of 2 July is not in its year to date.
    expect(t.ok('reports.summary', { period: '2026Q2' }).targets.visits).toEqual({
      target: 8,
      actual: 3,
      pct: 3 / 8,
    });
    // A range across the year end: the year to date of its asOf (2026-01-31) is January.
    const range = t.ok('reports.summary', { period: '2025-12-01..2026-01-31' });
    expect(range.targets.visits).toEqual({ target: 8, actual: 1, pct: 1 / 8 });
    expect(range.targets.closed).toEqual({ target: 10, actual: 0, pct: 0 });
    // 2025 against 2025's targets: the one visit of December.
    expect(t.ok('reports.summary', { period: '2025' }).targets).toEqual({
      visits: { target: 100, actual: 1, pct: 0.01 },
    });
  });

  it('belong to the bureau: a staff member’s or a town’s summary has none; a year without targets neither', () => {
    const t = district();
    expect(t.ok('reports.summary', { period: '2026-07', staffId: t.meId }).targets).toEqual({});
    expect(t.ok('reports.summary', { period: '2024' }).targets).toEqual({});
  });

  it('follow a target changed or deleted', () => {
    const t = district();
    t.ok('targets.set', { year: 2026, key: 'visits', value: 5 });
    t.ok('targets.delete', { year: 2026, key: 'closed' });
    const r = t.ok('reports.summary', { period: '2026-07' });
    expect(r.targets.visits).toEqual({ target: 5, actual: 4, pct: 0.8 });
    expect(r.targets.closed).toBeUndefined();
  });
});

describe('upward reporting (上级报送)', () => {
  it('gives every target key in order, with the period’s figure, the target and progress', () => {
    const t = district();
    t.ok('settings.set', { orgName: '启明区科技局' });
    const r = t.ok('reports.upward', { period: '2026Q2' });
    expect(r).toMatchObject({
      orgName: '启明区科技局',
      period: '2026Q2',
      periodTitle: '2026年第二季度',
      from: '2026-04-01',
      to: '2026-06-30',
      asOf: '2026-06-30',
      year: 2026,
    });
    expect(r.rows.map((row) => row.key)).toEqual(TARGET_KEYS);
    const row = (key: string) => r.rows.find((x) => x.key === key);
    // Q2: the visit of 30 June; newly received none; D2 closed 20 June. Year to date: 3 visits.
    expect(row('visits')).toEqual({
      key: 'visits',
      label: '走访家次',
      unit: '家次',
      value: 1,
      target: 8,
      actual: 3,
      pct: 3 / 8,
    });
    expect(row('newDemands')).toMatchObject({ value: 1, target: 4, actual: 3, pct: 0.75 });
    expect(row('closed')).toMatchObject({ value: 1, target: 10, actual: 2, pct: 0.2 });
    // No target set: the figures still go up, with no share.
    expect(row('outcome:tech_contract:count')).toMatchObject({
      value: 0,
      target: null,
      pct: null,
      unit: '项',
    });
    expect(row('outcome:financing:amount')).toMatchObject({
      value: 300_000,
      target: 1_000_000,
      actual: 300_000,
      pct: 0.3,
    });
    expect(row('outcome:financing:count')).toMatchObject({ value: 1, actual: 1 });
    expect(row('activities')).toMatchObject({ value: 0, actual: 1 });
    expect(row('attendees')).toMatchObject({ value: 0, actual: 30 });
  });

  it('is refused for a period that does not exist, naming the field', () => {
    const t = district();
    for (const period of ['2026Q5', '2026-13', '2026-03-01..2026-02-01']) {
      expect(t.err('reports.upward', { period })).toMatchObject({
        code: 'VALIDATION',
        details: { field: 'period' },
      });
    }
  });

  it('is an Excel sheet of fixed layout: the heading cells, one row per key, the columns in order', async () => {
    const t = district();
    t.ok('settings.set', { orgName: '启明区科技局' });
    const file = await callAsync(t.core, 'reports.upwardExport', { period: '2026Q2' });
    if (!file.ok) throw new Error(JSON.stringify(file.error));
    const out = file.result as MethodOutput<'reports.upwardExport'>;
    expect(out.fileName).toBe('启明区科技局_2026年第二季度主要指标报送表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64!, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('主要指标')!;
    const at = (ref: string) => {
      const v = ws.getCell(ref).value;
      return v && typeof v === 'object' && 'result' in v ? v.result : v;
    };
    expect([at('A1'), at('A2'), at('B2'), at('E2'), at('F2')]).toEqual([
      '科技服务主要指标报送表',
      '填报单位',
      '启明区科技局',
      '报送期间',
      '2026年第二季度',
    ]);
    expect([at('B3'), at('D3'), at('F3'), at('H3')]).toEqual(['2026Q2', '2026-04-01', '2026-06-30', 2026]);
    expect(ws.getRow(4).values).toEqual([
      undefined,
      '序号',
      '指标代码',
      '指标名称',
      '计量单位',
      '本期完成',
      '年度目标',
      '年累计完成',
      '完成率',
    ]);
    // Row 5 on: every key, in TARGET_KEYS' order.
    expect(TARGET_KEYS.map((_, i) => at(`B${5 + i}`))).toEqual(TARGET_KEYS);
    expect(['A5', 'C5', 'D5', 'E5', 'F5', 'G5', 'H5'].map(at)).toEqual([
      1,
      '走访家次',
      '家次',
      1,
      8,
      3,
      3 / 8,
    ]);
    expect((ws.getCell('H5').value as { formula: string }).formula).toBe(
      'IF(AND(ISNUMBER(G5),ISNUMBER(F5),F5>0),G5/F5,"")',
    );
    const financing = 5 + TARGET_KEYS.indexOf('outcome:financing:amount');
    // Financing of 20 May: the quarter's figure and the year's so far; the refused one not counted.
    expect([at(`E${financing}`), at(`F${financing}`), at(`G${financing}`)]).toEqual([
      300_000, 1_000_000, 300_000,
    ]);
    expect(String(at(`A${5 + TARGET_KEYS.length + 1}`))).toMatch(/^说明：/);
  });

  it('reaches the CLI through call, as the same JSON', async () => {
    const t = district();
    const r = await cli(['--db', t.path, 'call', 'reports.upward', JSON.stringify({ period: '2026Q2' })]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as MethodOutput<'reports.upward'>;
    expect(json.rows.find((x) => x.key === 'visits')).toMatchObject({ value: 1, target: 8, actual: 3 });
    const bad = await cli(['--db', t.path, 'call', 'reports.upward', JSON.stringify({ period: '2026Q5' })]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('"field": "period"');
  });
});

describe('the progress in the Excel and Word reports', () => {
  const exported = async (
    t: TestCore,
    format: 'xlsx' | 'docx',
    input: { period: string; staffId?: string },
  ) => {
    const r = await callAsync(t.core, 'reports.export', { ...input, format });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return Buffer.from((r.result as MethodOutput<'reports.export'>).contentBase64!, 'base64');
  };

  it('Excel: a 目标进度 sheet, one row per target with % complete as a formula and the pace', async () => {
    const t = district();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(t, 'xlsx', { period: '2026-07' })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['汇总', '目标进度']);
    const ws = wb.getWorksheet('目标进度')!;
    expect(ws.getCell('A1').value).toMatch(/2026年目标任务完成情况$/);
    expect(ws.getCell('A2').value).toMatch(/累计区间：2026年1月1日至2026年7月2日/);
    const value = (ref: string) => {
      const v = ws.getCell(ref).value;
      return v && typeof v === 'object' && 'result' in v ? v.result : v;
    };
    // visits 4 of 8 (50.0%) on 2 July, the 183rd of 365 days (50.1%): just behind.
    expect(['B4', 'C4', 'D4', 'E4', 'F4', 'H4', 'I4'].map(value)).toEqual([
      '走访家次',
      '家次',
      8,
      4,
      0.5,
      '滞后',
      'visits',
    ]);
    expect((ws.getCell('F4').value as { formula: string }).formula).toBe(
      'IF(AND(ISNUMBER(E4),D4>0),E4/D4,"")',
    );
    expect(ws.getCell('G4').value).toBeCloseTo(183 / 365);
    expect(['B5', 'F5', 'H5'].map(value)).toEqual(['走访企业数', 0.75, '超前']);
    expect(ws.getColumn(9).hidden).toBe(true);
    // Outcomes count their amounts (the refused financing not).
    const financing = 4 + 6;
    expect([value(`B${financing}`), value(`E${financing}`), value(`F${financing}`)]).toEqual([
      '融资到位金额',
      300_000,
      0.3,
    ]);
    // A staff member's report has no targets, and no sheet.
    const staff = new ExcelJS.Workbook();
    await staff.xlsx.load(
      (await exported(t, 'xlsx', { period: '2026-07', staffId: t.meId })) as unknown as ArrayBuffer,
    );
    expect(staff.getWorksheet('目标进度')).toBeUndefined();
  });

  it('Word: 九、目标任务完成情况, with the text and the table with its bars', async () => {
    const t = district();
    const zip = await JSZip.loadAsync(await exported(t, 'docx', { period: '2026-07' }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('九、目标任务完成情况');
    expect(text).toContain('截至2026年7月2日，全年时间进度为50.1%。');
    expect(text).toContain(
      '走访企业数3家，完成全年目标4家的75.0%；新增需求3件，完成全年目标4件的75.0%，快于时间进度。',
    );
    expect(text).toContain(
      '办结数2件，完成全年目标10件的20.0%；服务活动场次1场，完成全年目标12场的8.3%；融资到位金额30.00万元，完成全年目标100.00万元的30.0%，慢于时间进度，需加快推进。',
    );
    expect(text).toContain('目标任务完成进度（年累计）');
    expect(text).toContain('█████░░░░░（滞后）');
    expect(text).toContain('融资到位金额100.00万元30.00万元30.0%');
    const staff = await JSZip.loadAsync(await exported(t, 'docx', { period: '2026-07', staffId: t.meId }));
    expect(await staff.file('word/document.xml')!.async('string')).not.toContain('目标任务完成情况');
  });
});
