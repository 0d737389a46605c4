import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { makeEnterprise } from './fixtures';
import { aok, xlsxFile } from './ledgerFixtures';
import { pair, ship } from './syncPair';

// The list of industries (GB/T 4754-2017 sections and divisions, which ship with the app, and
// the bureau's own entries, settings `industries`): an industry that is in neither is saved
// with a warning, never refused, so old data and imports keep what they hold.

describe('the list of industries', () => {
  it('takes the standard’s sections and divisions without a warning', () => {
    const t = makeCore();
    expect(t.ok('settings.get', {}).industries).toEqual([]);
    expect(makeEnterprise(t, { industry: 'C' }).warnings ?? []).toEqual([]);
    const e = makeEnterprise(t, { industry: 'c39' });
    expect(e.industry).toBe('C39');
    expect(e.warnings ?? []).toEqual([]);
  });

  it('saves an industry outside the list with a warning, until it is added to the list', () => {
    const t = makeCore();
    const odd = makeEnterprise(t, { industry: '智能制造' });
    expect(odd.industry).toBe('智能制造');
    expect(odd.warnings).toEqual([
      expect.objectContaining({ field: 'industry', code: 'not_listed', value: '智能制造' }),
    ]);
    expect(t.ok('enterprises.get', { id: odd.id }).warnings).toHaveLength(1);
    // A division the standard does not have is code-shaped but not listed.
    expect(makeEnterprise(t, { industry: 'C99' }).warnings).toEqual([
      expect.objectContaining({ field: 'industry', value: 'C99' }),
    ]);
    t.ok('settings.set', { industries: [' 智能制造 '] });
    expect(t.ok('settings.get', {}).industries).toEqual(['智能制造']);
    expect(t.ok('enterprises.get', { id: odd.id }).warnings).toBeUndefined();
  });

  it('warns on the town and the industry at once', () => {
    const t = makeCore();
    t.ok('settings.set', { towns: ['城东街道'] });
    const e = makeEnterprise(t, { town: '不存在镇', industry: '不存在行业' });
    expect(e.warnings?.map((w) => w.field).sort()).toEqual(['industry', 'town']);
  });

  it('is set by supervisors, without blanks or duplicates', () => {
    const t = makeCore();
    expect(t.err('settings.set', { industries: ['智能制造', ' '] })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'industries' },
    });
    expect(t.err('settings.set', { industries: ['智能制造', '智能制造 '] })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'industries' },
    });
    const staff = t.ok('staff.create', { name: '工作人员', role: 'staff' });
    t.ok('me.set', { staffId: staff.id });
    expect(t.err('settings.set', { industries: ['数字经济'] })).toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'industries' },
    });
    expect(t.ok('settings.get', {}).industries).toEqual([]);
  });

  it('the ledger import keeps a row with an unknown industry and lists it', async () => {
    const t = makeCore();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '所属行业'],
        ['福州示例科技有限公司', '91350100M000100Y43', '计算机、通信和其他电子设备制造业'],
        ['北京示例精密有限公司', '91110000600037341L', '智能制造'],
      ],
    });
    const dry = await aok(t, 'ledger.import', { path, dryRun: true });
    expect(dry.unknownIndustries).toEqual(['智能制造']);
    expect(dry.errors).toEqual([]);
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.unknownIndustries).toEqual(['智能制造']);
    const done = await aok(t, 'ledger.import', { path });
    expect(done).toMatchObject({ created: 2, rejected: 0 });
    const rows = t.ok('enterprises.list', { sort: [{ field: 'uscc', dir: 'asc' }] }).rows;
    expect(rows.map((r) => r.industry)).toEqual(['智能制造', 'C39']);
  });

  it('splits the quarter’s visits by section, a custom industry under its own name', () => {
    const t = makeCore();
    const a = makeEnterprise(t, { industry: 'C39' });
    const b = makeEnterprise(t, { industry: '智能制造' });
    for (const e of [a, b]) t.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite' });
    const report = t.ok('reports.quarterly', { quarter: '2026Q4' });
    expect(Object.keys(report.figures.byIndustry).sort()).toEqual(['C', '智能制造']);
    const records = t.ok('reports.records', { quarter: '2026Q4', figure: 'byIndustry', key: '智能制造' });
    expect(records.total).toBe(1);
  });

  it('is synced like the other settings', () => {
    const { a, b } = pair();
    a.ok('settings.set', { industries: ['智能制造'] });
    ship(a, b);
    expect(b.ok('settings.get', {}).industries).toEqual(['智能制造']);
    expect(makeEnterprise(b, { industry: '智能制造' }).warnings ?? []).toEqual([]);
  });
});
