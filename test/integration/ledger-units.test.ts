import { describe, expect, it } from 'vitest';
import { makeCore, VALID_USCC, type TestCore } from '../helpers';
import { aok, staffNamed, xlsxFile, type Cell } from './ledgerFixtures';

// Units columns (#14): 责任单位/承办单位/主办单位 name the demand's lead unit and 协办单位 its
// co-handling units, matched to the app's units by name. A name that is no unit rejects the row
// and is listed for a one-click add (createUnits); it is never kept as free text.

const [U1, U2] = VALID_USCC as [string, string];

function world(): { t: TestCore; units: Record<string, string> } {
  const t = makeCore();
  staffNamed(t, '张三');
  const units = Object.fromEntries(
    ['区工信局', '区财政局'].map((name) => [name, t.ok('units.create', { name }).id]),
  );
  return { t, units };
}

const HEADER: Cell[] = [
  '企业名称',
  '统一社会信用代码',
  '需求名称',
  '受理时间',
  '办理状态',
  '承办人',
  '责任单位',
  '协办单位',
];
const ROWS: Cell[][] = [
  HEADER,
  ['福州示例科技有限公司', U1, '检测设备', '2026-03-05', '已交办', '张三', '区工信局', '区财政局'],
  ['北京示例精密有限公司', U2, '贷款贴息', '2026-03-06', '待受理', null, '区 财政局', null],
  ['福州示例科技有限公司', U1, '人才公寓', '2026-03-07', '已交办', '张三', '区工信局', '区财政局、高新镇'],
  ['北京示例精密有限公司', U2, '用地指标', '2026-03-08', '已交办', '张三', '区自然资源局', null],
];

function demandUnits(t: TestCore, units: Record<string, string>) {
  const nameOf = new Map(t.ok('units.list', { limit: 100 }).rows.map((u) => [u.id, u.name]));
  void units;
  return t
    .ok('demands.list', { sort: [{ field: 'title', dir: 'asc' }], limit: 100 })
    .rows.map((d) => [
      d.title,
      d.leadUnitId ? nameOf.get(d.leadUnitId) : null,
      (d.coUnitIds ?? []).map((id: string) => nameOf.get(id)),
    ]);
}

describe('lead and co-handling units from a ledger', () => {
  it('matches unit names; unknown ones reject the row and are listed, nothing created', async () => {
    const { t, units } = world();
    const path = await xlsxFile({ rows: ROWS });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.kind).toBe('demands');
    const mapped = Object.fromEntries(preview.mapping.map((m) => [m.header, m.field]));
    expect(mapped).toMatchObject({ 责任单位: 'leadUnit', 协办单位: 'coUnits' });
    expect(preview).toMatchObject({ created: 2, rejected: 2, unknownUnits: ['高新镇', '区自然资源局'] });
    expect(preview.errors).toEqual([
      { row: 4, column: '协办单位', field: 'coUnits', message: expect.stringContaining("'高新镇'") },
      { row: 5, column: '责任单位', field: 'leadUnit', message: expect.stringContaining("'区自然资源局'") },
    ]);
    expect(t.ok('units.list', { limit: 100 }).total).toBe(2);

    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({ created: 2, rejected: 2, unitsCreated: [] });
    expect(demandUnits(t, units)).toEqual([
      ['检测设备', '区工信局', ['区财政局']],
      ['贷款贴息', '区财政局', []],
    ]);
  });

  it('adds the unknown units in one go when asked (createUnits), then imports every row', async () => {
    const { t, units } = world();
    const path = await xlsxFile({ rows: ROWS });
    const dry = await aok(t, 'ledger.import', { path, dryRun: true, createUnits: true });
    expect(dry).toMatchObject({ created: 4, rejected: 0, unitsCreated: ['高新镇', '区自然资源局'] });
    expect(t.ok('units.list', { limit: 100 }).total).toBe(2);
    const result = await aok(t, 'ledger.import', { path, createUnits: true });
    expect(result).toMatchObject({ created: 4, rejected: 0, unitsCreated: ['高新镇', '区自然资源局'] });
    expect(demandUnits(t, units)).toEqual([
      ['人才公寓', '区工信局', ['区财政局', '高新镇']],
      ['检测设备', '区工信局', ['区财政局']],
      ['用地指标', '区自然资源局', []],
      ['贷款贴息', '区财政局', []],
    ]);
  });

  it.each([['主办单位'], ['承办单位']])('%s is the lead unit too', async (header) => {
    const { t } = world();
    const rows = ROWS.slice(0, 2).map((r, i) =>
      i === 0 ? r.map((h) => (h === '责任单位' ? header : h)) : r,
    );
    const preview = await aok(t, 'ledger.preview', { path: await xlsxFile({ rows }) });
    expect(preview.mapping.find((m) => m.header === header)?.field).toBe('leadUnit');
    expect(preview.created).toBe(1);
  });

  it('a lead unit also named as co-handling is an error on the 协办单位 column', async () => {
    const { t } = world();
    const rows = [
      HEADER,
      ['福州示例科技有限公司', U1, '检测设备', '2026-03-05', '已交办', '张三', '区工信局', '区工信局'],
    ];
    const preview = await aok(t, 'ledger.preview', { path: await xlsxFile({ rows }) });
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: '协办单位',
        field: 'coUnits',
        message: expect.stringContaining('主办单位不能同时是协办单位'),
      },
    ]);
  });
});
