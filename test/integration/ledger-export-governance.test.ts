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

describe('exporting first replies (阶段性答复)', () => {
  it('writes the first-reply date, when it came and whether it was late; the default columns carry them and the units', async () => {
    // Monday 2026-11-23: a first reply is due on the 26th.
    const t = makeCore({ now: '2026-11-23T10:00:00+08:00' });
    const e = makeEnterprise(t, { name: '闽江精密机械有限公司' });
    const replied = demandIn(t, 'pending', { enterpriseId: e.id, title: '按时答复' });
    demandIn(t, 'pending', { enterpriseId: e.id, title: '未答复' });
    t.clock.set('2026-11-24T15:30:00+08:00');
    t.ok('demands.reply', { id: replied.id, note: '已电话答复企业' });
    t.clock.set('2026-11-30T10:00:00+08:00');

    const out = join(tempDir(), '需求.xlsx');
    await aok(t, 'ledger.export', {
      kind: 'demands',
      columns: ['title', 'firstReplyDue', 'firstRepliedAt', 'firstReplyLate'],
      sort: [{ field: 'title', dir: 'asc' }],
      path: out,
    });
    const rows = await readBack(out);
    expect(rows[0]).toEqual(['需求标题', '首次答复期限', '首次答复时间', '答复超期']);
    const byTitle = Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(byTitle['按时答复']![0]).toEqual(byTitle['未答复']![0]);
    // Dates and instants are Excel dates, in Shanghai wall-clock time.
    expect((byTitle['按时答复']![0] as Date).toISOString().slice(0, 10)).toBe('2026-11-26');
    expect((byTitle['按时答复']![1] as Date).toISOString().slice(0, 16)).toBe('2026-11-24T15:30');
    expect(byTitle['按时答复']![2]).toBe('否');
    expect(byTitle['未答复']!.slice(1)).toEqual([null, '是']);

    const all = join(tempDir(), '全部.xlsx');
    await aok(t, 'ledger.export', { kind: 'demands', path: all });
    const header = (await readBack(all))[0]!;
    for (const h of ['主办单位', '协办单位', '首次答复期限', '首次答复时间', '答复超期'])
      expect(header).toContain(h);
  });
});
