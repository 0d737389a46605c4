import { describe, expect, it } from 'vitest';
import { makeCore, VALID_USCC } from '../helpers';
import { aok, staffNamed, xlsxFile } from './ledgerFixtures';
import { readDateTime } from '../../src-main/features/ledger/dates';

// Dates written without their year (3月5日, 3.5) take it from the title above the table
// ("2026年一季度走访台账"); without a year there they are an error that says so.

const [U1, U2] = VALID_USCC as [string, string];

describe('dates without a year', () => {
  it('read with the year given, refused without one', () => {
    expect(readDateTime('3月5日', 2026)).toEqual({
      ok: true,
      value: { date: '2026-03-05', time: null, instant: null },
    });
    expect(readDateTime('12月31日', 2025)).toMatchObject({ ok: true, value: { date: '2025-12-31' } });
    expect(readDateTime('3.5', 2026)).toMatchObject({ ok: true, value: { date: '2026-03-05' } });
    expect(readDateTime('3月5日 14:30', 2026)).toMatchObject({
      ok: true,
      value: { date: '2026-03-05', time: '14:30:00' },
    });
    expect(readDateTime('2月30日', 2026).ok).toBe(false);
    const none = readDateTime('3月5日');
    expect(none.ok).toBe(false);
    expect(!none.ok && none.message).toContain('年份');
  });

  it('take the year from the title row of the ledger', async () => {
    const t = makeCore();
    staffNamed(t, '张三');
    const path = await xlsxFile({
      rows: [
        ['2026年一季度企业走访台账'],
        ['企业名称', '统一社会信用代码', '走访日期', '走访人员'],
        ['福州示例科技有限公司', U1, '2026.3.5', '张三'],
        ['北京示例精密有限公司', U2, '3月9日', '张三'],
      ],
      merges: ['A1:D1'],
    });
    const r = await aok(t, 'ledger.import', { path, dryRun: true });
    expect(r).toMatchObject({ created: 2, rejected: 0 });
    await aok(t, 'ledger.import', { path });
    expect(t.ok('visits.list', { sort: [{ field: 'date', dir: 'asc' }] }).rows.map((v) => v.date)).toEqual([
      '2026-03-05',
      '2026-03-09',
    ]);
  });

  it('without a year in the title, a year-less date is an error on its column', async () => {
    const t = makeCore();
    staffNamed(t, '张三');
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '走访日期', '走访人员'],
        ['北京示例精密有限公司', U2, '3月9日', '张三'],
      ],
    });
    const r = await aok(t, 'ledger.import', { path, dryRun: true });
    expect(r.errors).toEqual([
      { row: 2, column: '走访日期', field: 'visitDate', message: expect.stringContaining('年份') },
    ]);
  });
});
