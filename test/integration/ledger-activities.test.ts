import { describe, expect, it } from 'vitest';
import { makeCore, snapshot } from '../helpers';
import { makeEnterprise } from './fixtures';
import { aok, csvFile, readBack, xlsxFile } from './ledgerFixtures';

// 活动台账 and 成效台账 from Excel or CSV: activities with their enterprises named in one
// cell, outcomes with amounts in 元, 万元 or 亿元 (in the cell or the header); re-importing
// changes nothing; what the exports write reads back.

function district() {
  const t = makeCore();
  const a = makeEnterprise(t, { name: '启明精密机械有限公司' });
  const b = makeEnterprise(t, { name: '东城光电科技有限公司' });
  const c = makeEnterprise(t, { name: '江州（启明）新材料有限公司' });
  return { t, a, b, c };
}

describe('an activity ledger', () => {
  it('is recognised; names its enterprises in one cell; rejects a row naming an unknown one', async () => {
    const { t, a, b, c } = district();
    const path = await xlsxFile({
      rows: [
        ['2026年服务活动台账'],
        ['序号', '活动名称', '类型', '日期', '地点', '参加企业', '参加人次'],
        [
          1,
          '研发费用加计扣除政策宣讲会',
          '政策宣讲',
          '2026-03-05',
          '区科技局三楼',
          '启明精密机械有限公司、东城光电科技有限公司',
          46,
        ],
        [
          2,
          '高企申报实务培训',
          '培训',
          '2026.4.12',
          null,
          '江州（启明）新材料有限公司\n启明精密机械有限公司',
          '80人次',
        ],
        [3, '科技活动周科普进园区', '科普活动', '2026-05-20', null, null, 300],
        [4, '产学研对接会', '产学研对接', '2026-06-18', null, '东城光电科技有限公司，不存在的公司', 20],
      ],
      merges: ['A1:G1'],
    });
    const r = await aok(t, 'ledger.import', { path });
    expect(r).toMatchObject({ kind: 'activities', headerRow: 2, created: 3, rejected: 1 });
    expect(r.errors).toEqual([
      {
        row: 6,
        column: '参加企业',
        field: 'activityEnterprises',
        message: expect.stringContaining('不存在的公司'),
      },
    ]);
    const rows = t.ok('activities.list', { sort: [{ field: 'date', dir: 'asc' }] }).rows;
    expect(
      rows.map(({ title, type, date, enterpriseIds, attendees, status }) => ({
        title,
        type,
        date,
        enterpriseIds,
        attendees,
        status,
      })),
    ).toEqual([
      {
        title: '研发费用加计扣除政策宣讲会',
        type: 'policy_briefing',
        date: '2026-03-05',
        enterpriseIds: [a.id, b.id],
        attendees: 46,
        status: 'held',
      },
      {
        title: '高企申报实务培训',
        type: 'training',
        date: '2026-04-12',
        enterpriseIds: [c.id, a.id],
        attendees: 80,
        status: 'held',
      },
      {
        title: '科技活动周科普进园区',
        type: 'popular_science',
        date: '2026-05-20',
        enterpriseIds: [],
        attendees: 300,
        status: 'held',
      },
    ]);
    // Again: nothing changes.
    const before = snapshot(t.core);
    expect(await aok(t, 'ledger.import', { path })).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 3,
      rejected: 1,
    });
    expect(snapshot(t.core).activities).toEqual(before.activities);
  });

  it('refuses a held activity without enterprises or attendees, on the row, leaving nothing', async () => {
    const { t } = district();
    const path = csvFile([
      ['活动名称', '活动类型', '活动日期', '参加企业', '参加人次'],
      ['科技沙龙', '沙龙', '2026-07-01', null, null],
    ]);
    const r = await aok(t, 'ledger.import', { path, kind: 'activities' });
    expect(r).toMatchObject({ created: 0, rejected: 1 });
    expect(r.errors[0]).toMatchObject({
      field: 'attendees',
      message: expect.stringContaining('已举办的活动须填写参加企业或参加人次'),
    });
    expect(t.ok('activities.list', {}).total).toBe(0);
  });

  it('reads back what the export writes', async () => {
    const { t, a, b } = district();
    t.ok('activities.create', {
      type: 'matchmaking',
      date: '2026-09-09',
      title: '对接会',
      enterpriseIds: [a.id, b.id],
      attendees: 33,
      place: '报告厅',
    });
    const file = await aok(t, 'ledger.export', { kind: 'activities' });
    const sheet = await readBack(Buffer.from(file.contentBase64!, 'base64'));
    expect(sheet[0]!.slice(0, 7)).toEqual([
      '活动名称',
      '类型',
      '日期',
      '活动地点',
      '活动状态',
      '参加企业',
      '参加人次',
    ]);
    expect(sheet[1]![5]).toBe('启明精密机械有限公司、东城光电科技有限公司');
    const other = makeCore();
    makeEnterprise(other, { name: '启明精密机械有限公司' });
    makeEnterprise(other, { name: '东城光电科技有限公司' });
    const r = await aok(other, 'ledger.import', {
      contentBase64: file.contentBase64!,
      fileName: 'activities.xlsx',
    });
    expect(r).toMatchObject({ kind: 'activities', created: 1, rejected: 0 });
    expect(other.ok('activities.list', {}).rows[0]).toMatchObject({
      type: 'matchmaking',
      attendees: 33,
      place: '报告厅',
    });
  });
});

describe('an outcome ledger', () => {
  it('is recognised; converts 万元 and 亿元 to yuan, from the cell or the header', async () => {
    const { t, a, b, c } = district();
    const path = await xlsxFile({
      rows: [
        ['企业', '类型', '金额（万元）', '日期', '说明'],
        ['启明精密机械有限公司', '技术合同登记', 125.5, '2026-03-01', '技术开发合同'],
        ['东城光电科技有限公司', '兑现政策资金', '12.345', '2026-03-15', null],
        ['江州（启明）新材料有限公司', '融资到位', '1.2亿元', '2026-04-01', null],
        ['启明精密机械有限公司', '推荐申报高企', null, '2026-06-01', null],
        ['东城光电科技有限公司', '知识产权质押', '3800元', '2026-06-02', null],
      ],
    });
    const r = await aok(t, 'ledger.import', { path });
    expect(r).toMatchObject({ kind: 'outcomes', created: 5, rejected: 0 });
    const rows = t.ok('outcomes.list', { sort: [{ field: 'date', dir: 'asc' }] }).rows;
    expect(
      rows.map(({ enterpriseId, type, amount, count }) => ({ enterpriseId, type, amount, count })),
    ).toEqual([
      { enterpriseId: a.id, type: 'tech_contract', amount: 1_255_000, count: 1 },
      { enterpriseId: b.id, type: 'policy_funds', amount: 123_450, count: 1 },
      { enterpriseId: c.id, type: 'financing', amount: 120_000_000, count: 1 },
      { enterpriseId: a.id, type: 'high_tech_application', amount: null, count: 1 },
      { enterpriseId: b.id, type: 'ip_pledge', amount: 3800, count: 1 },
    ]);
    expect(await aok(t, 'ledger.import', { path })).toMatchObject({ created: 0, skipped: 5 });
  });

  it('rejects a negative amount, a fraction of a fen, an unknown type and an unknown enterprise, each on its column', async () => {
    const { t } = district();
    const before = snapshot(t.core);
    const path = csvFile([
      ['企业名称', '成效类型', '金额', '日期'],
      ['启明精密机械有限公司', '技术合同登记', '-5', '2026-03-01'],
      ['启明精密机械有限公司', '技术合同登记', '10.005元', '2026-03-02'],
      ['启明精密机械有限公司', '获得表彰', '100', '2026-03-03'],
      ['没有这家企业', '技术合同登记', '100', '2026-03-04'],
    ]);
    const r = await aok(t, 'ledger.import', { path, kind: 'outcomes' });
    expect(r).toMatchObject({ created: 0, rejected: 4 });
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'amount'],
      [3, 'amount'],
      [4, 'outcomeType'],
      [5, 'enterpriseName'],
    ]);
    expect(r.errors[0]!.message).toContain('金额不能为负数');
    expect(r.errors[1]!.message).toContain('两位小数');
    expect(snapshot(t.core).outcomes).toEqual(before.outcomes);
  });

  it('reads back what the export writes (yuan)', async () => {
    const { t, a } = district();
    t.ok('outcomes.create', {
      enterpriseId: a.id,
      type: 'policy_funds',
      date: '2026-05-05',
      amount: 88090000.5,
      count: 2,
    });
    const file = await aok(t, 'ledger.export', { kind: 'outcomes' });
    const other = makeCore();
    // The same enterprise on another laptop: found by its USCC, which the export writes.
    const e = makeEnterprise(other, { name: '启明精密机械有限公司', uscc: a.uscc! });
    const r = await aok(other, 'ledger.import', {
      contentBase64: file.contentBase64!,
      fileName: 'outcomes.xlsx',
    });
    expect(r).toMatchObject({ kind: 'outcomes', created: 1, rejected: 0 });
    expect(other.ok('outcomes.list', {}).rows[0]).toMatchObject({
      enterpriseId: e.id,
      amount: 88090000.5,
      count: 2,
      status: 'done',
    });
  });
});
