import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeCore, tempDir } from '../helpers';
import { exportColumnsOf } from '../../src-renderer/components/gridExport';
import { aok, readBack } from './ledgerFixtures';
import { demandIn, handToUnits, makeEnterprise, makeUnits } from './fixtures';

// A demands export carries who it was handed to (主办, 协办), its supervision (督办) and a
// pending extension request (延期申请), in words: from the ledger export and the grid's.

describe('exporting demands handed to units', () => {
  it('writes the lead and co units, the supervision and a pending extension in words', async () => {
    const t = makeCore();
    const { lead, co: co1, other: co2 } = makeUnits(t);
    const e = makeEnterprise(t, { name: '闽江精密机械有限公司' });
    const d = demandIn(t, 'pending', { enterpriseId: e.id, title: '检测设备共享' });
    handToUnits(t, d.id, lead.id, [co1.id, co2.id]);
    t.ok('demands.supervise', { ids: [d.id], level: 'district', note: '区领导批示' });
    t.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-20', reason: '等待检测报告' });
    demandIn(t, 'pending', { enterpriseId: e.id, title: '未交办的需求' });

    const out = join(tempDir(), '需求.xlsx');
    const columns = ['title', 'leadUnitName', 'coUnitNames', 'supervision', 'extension'];
    await aok(t, 'ledger.export', {
      kind: 'demands',
      columns,
      sort: [{ field: 'title', dir: 'desc' }],
      path: out,
    });
    expect(await readBack(out)).toEqual([
      ['需求标题', '主办单位', '协办单位', '督办', '延期申请'],
      [
        '检测设备共享',
        '区工信局',
        '东街道、知识产权服务站',
        '挂牌督办：区领导批示',
        '申请延期至 2026-12-20：等待检测报告',
      ],
      ['未交办的需求'],
    ]);
  });

  it('the grid exports its unit columns', () => {
    expect(exportColumnsOf('demands', ['title', 'leadUnitName', 'coUnitNames'])).toEqual({
      keys: ['title', 'leadUnitName', 'coUnitNames'],
      left: [],
    });
  });
});
