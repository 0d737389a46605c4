import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { aok } from './ledgerFixtures';
import { parseCsv } from '../../src-main/features/ledger/csvRead';

// staff.position, the field added through the models: API, lists, export.

describe('staff.position', () => {
  it('defaults to 工作人员, is written on create and update, and read by get and list', () => {
    const t = makeCore();
    const plain = t.ok('staff.create', { name: '王五' });
    expect(plain.position).toBe('staff');
    const head = t.ok('staff.create', { name: '李局', position: 'leader', role: 'supervisor' });
    expect(t.ok('staff.get', { id: head.id }).position).toBe('leader');
    expect(t.ok('staff.update', { id: plain.id, position: 'commissioner' }).position).toBe('commissioner');
    // An update that does not name it keeps it.
    expect(t.ok('staff.update', { id: plain.id, phone: '0591-1234' }).position).toBe('commissioner');
    const rows = t.ok('staff.list', {}).rows;
    expect(rows.find((s) => s.id === plain.id)?.position).toBe('commissioner');
  });

  it('lists filter and sort by it', () => {
    const t = makeCore();
    t.ok('staff.create', { name: '甲', position: 'liaison' });
    t.ok('staff.create', { name: '乙', position: 'section_head' });
    t.ok('staff.create', { name: '丙', position: 'liaison' });
    const liaisons = t.ok('staff.list', { filter: { position: 'liaison' } });
    expect(liaisons.rows.map((s) => s.name).sort()).toEqual(['甲', '丙'].sort());
    expect(liaisons.total).toBe(2);
    const some = t.ok('staff.list', { filter: { position: ['section_head', 'liaison'] } });
    expect(some.total).toBe(3);
    const sorted = t.ok('staff.list', {
      filter: { position: { ne: 'staff' } },
      sort: [{ field: 'position', dir: 'desc' }],
    });
    expect(sorted.rows.map((s) => s.position)).toEqual(['section_head', 'liaison', 'liaison']);
  });

  it('refuses a position that is not one of the five, naming the field', () => {
    const t = makeCore();
    const e = t.err('staff.create', { name: '赵六', position: 'boss' });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'position' } });
    const id = t.ok('staff.create', { name: '赵六' }).id;
    expect(t.err('staff.update', { id, position: '局领导' })).toMatchObject({
      details: { field: 'position' },
    });
    expect(t.ok('staff.get', { id }).position).toBe('staff');
  });

  it('is exported as 职务 after 角色, with its words', async () => {
    const t = makeCore();
    t.ok('staff.create', { name: '钱七', position: 'commissioner' });
    const r = await aok(t, 'ledger.export', { kind: 'staff', format: 'csv' });
    const text = Buffer.from(r.contentBase64!, 'base64').toString('utf8').slice(1);
    const [header, ...rows] = parseCsv(text, ',').map((row) => row.cells);
    expect(header).toEqual(['姓名', '角色', '职务', '联系电话', '在岗']);
    expect(rows.find((row) => row[0] === '钱七')?.slice(0, 3)).toEqual(['钱七', '工作人员', '科技特派员']);
  });
});
