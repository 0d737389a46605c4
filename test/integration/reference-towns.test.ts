import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { makeEnterprise } from './fixtures';
import { aok, xlsxFile } from './ledgerFixtures';
import { pair, ship } from './syncPair';

// The bureau's list of towns (镇街, shared/DOMAIN.md "settings — this bureau"): a town typed that
// is not in it is saved with a warning, so the report's town split is not polluted unnoticed.

describe('the list of towns', () => {
  it('is, until a supervisor sets it, the towns live enterprises already use', () => {
    const t = makeCore();
    expect(t.ok('settings.get', {}).towns).toEqual([]);
    makeEnterprise(t, { town: '城东街道' });
    makeEnterprise(t, { town: '城南镇' });
    makeEnterprise(t, { town: '城东街道' });
    const gone = makeEnterprise(t, { town: '已删镇' });
    t.ok('enterprises.delete', { id: gone.id });
    expect(t.ok('settings.get', {}).towns).toEqual(['城东街道', '城南镇']);
  });

  it('is set by supervisors, without blanks or duplicates', () => {
    const t = makeCore();
    expect(t.ok('settings.set', { towns: [' 城东街道 ', '城南镇'] }).towns).toEqual(['城东街道', '城南镇']);
    expect(t.ok('settings.get', {}).towns).toEqual(['城东街道', '城南镇']);
    expect(t.err('settings.set', { towns: ['城东街道', ' '] })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'towns' },
    });
    expect(t.err('settings.set', { towns: ['城东街道', '城东街道 '] })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'towns' },
    });
    const staff = t.ok('staff.create', { name: '工作人员', role: 'staff' });
    t.ok('me.set', { staffId: staff.id });
    expect(t.err('settings.set', { towns: ['别的镇'] })).toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'towns' },
    });
    expect(t.ok('settings.get', {}).towns).toEqual(['城东街道', '城南镇']);
  });

  it('warns when an enterprise is saved with a town not in it, and saves it anyway', () => {
    const t = makeCore();
    t.ok('settings.set', { towns: ['城东街道', '城南镇'] });
    const listed = makeEnterprise(t, { town: '城东街道' });
    expect(listed.warnings ?? []).toEqual([]);
    const odd = makeEnterprise(t, { town: '不存在镇' });
    expect(odd.town).toBe('不存在镇');
    expect(odd.warnings).toEqual([
      expect.objectContaining({ field: 'town', code: 'not_listed', value: '不存在镇' }),
    ]);
    expect(t.ok('enterprises.get', { id: odd.id }).warnings).toHaveLength(1);
    t.ok('settings.set', { towns: ['城东街道', '城南镇', '不存在镇'] });
    expect(t.ok('enterprises.get', { id: odd.id }).warnings).toBeUndefined();
    const moved = t.ok('enterprises.update', { id: listed.id, town: '城西镇' });
    expect(moved.warnings).toEqual([expect.objectContaining({ field: 'town', value: '城西镇' })]);
    expect(t.ok('enterprises.update', { id: listed.id, town: '城南镇' }).warnings ?? []).toEqual([]);
  });

  it('before any list is set, warns on a town no other enterprise uses', () => {
    const t = makeCore();
    makeEnterprise(t, { town: '城东街道' });
    expect(makeEnterprise(t, { town: '城东街道' }).warnings ?? []).toEqual([]);
    expect(makeEnterprise(t, { town: '城东街' }).warnings).toHaveLength(1);
  });

  it('the ledger dry run lists the towns not in the list', async () => {
    const t = makeCore();
    t.ok('settings.set', { towns: ['城东街道'] });
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '所属镇街'],
        ['福州示例科技有限公司', '91350100M000100Y43', '城东街道'],
        ['北京示例精密有限公司', '91110000600037341L', '不存在镇'],
      ],
    });
    const dry = await aok(t, 'ledger.import', { path, dryRun: true });
    expect(dry.unknownTowns).toEqual(['不存在镇']);
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.unknownTowns).toEqual(['不存在镇']);
  });

  it('is synced like the other settings: set on one laptop, the list of the team', () => {
    const { a, b } = pair();
    a.ok('settings.set', { towns: ['城东街道', '城南镇'] });
    ship(a, b);
    expect(b.ok('settings.get', {}).towns).toEqual(['城东街道', '城南镇']);
    expect(makeEnterprise(b, { town: '不存在镇' }).warnings).toHaveLength(1);
  });
});
