import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { quarterlyXlsx } from '../../src-main/features/reports/xlsx';
import { quarterlyDocx } from '../../src-main/features/reports/docx';
import { makeCore, type TestCore } from '../helpers';
import { handToUnits, moveInput, makeDemand, makeEnterprise, makeUnits } from './fixtures';
import { oracleFigures } from './reports-oracle';

// The figures of DOMAIN.md's "Period summary" that need staff positions, first replies, units and
// tiers: leaderVisits, firstReplyRate, byUnit, tierStock, tierNew. A hand-built 2026Q3, each
// figure by hand, its records, and the whole summary against the independent oracle.

const at = (t: TestCore, iso: string) => t.clock.set(iso);

/** From assigned on to closed, now (a supervisor closes without a follow-up). */
function close(t: TestCore, id: string): void {
  for (const to of ['in_progress', 'answered', 'closed'] as const)
    t.ok('demands.transition', moveInput(id, to, t.meId));
}

function district() {
  const t = makeCore({ now: '2026-06-20T10:00:00+08:00' });
  const leader = t.ok('staff.create', { name: '张局长', role: 'supervisor', position: 'leader' });
  const worker = t.ok('staff.create', { name: '李四', role: 'staff' });
  const { lead, co } = makeUnits(t);
  const e1 = makeEnterprise(t, {
    town: '东街道',
    liaisonStaffId: worker.id,
    tiers: [
      { tier: 'high_tech', year: 2025, expiresOn: '2028-12-31' },
      { tier: 'tech_sme', year: 2026 },
    ],
  });
  const e2 = makeEnterprise(t, {
    town: '西街道',
    tiers: [
      // Expired inside the quarter: not held at its end.
      { tier: 'high_tech', year: 2023, expiresOn: '2026-09-15' },
      { tier: 'tech_sme', year: 2026, expiresOn: '2026-12-31' },
    ],
  });
  // Deleted later: never counts.
  const e3 = makeEnterprise(t, { tiers: [{ tier: 'high_tech', year: 2026 }] });
  // Certified this year, expired before the quarter's end: new in the year, not held.
  const e4 = makeEnterprise(t, { tiers: [{ tier: 'little_giant', year: 2026, expiresOn: '2026-08-01' }] });

  // D4: received in Q2 (complex: due 07-20), handed to 东街道, closed on time in Q3.
  const d4 = makeDemand(t, { enterpriseId: e1.id, complex: true, title: 'D4' }).id;
  handToUnits(t, d4, co.id);
  // D1: first reply on time (07-08 ≤ 07-09), closed late (due 07-13) in Q3, 区工信局 leads.
  at(t, '2026-07-02T10:00:00+08:00');
  close(t, d4);
  at(t, '2026-07-06T10:00:00+08:00');
  const d1 = makeDemand(t, { enterpriseId: e1.id, title: 'D1' });
  expect(d1.firstReplyDue).toBe('2026-07-09');
  handToUnits(t, d1.id, lead.id, [co.id]);
  at(t, '2026-07-08T10:00:00+08:00');
  t.ok('demands.reply', { id: d1.id, note: '已电话答复企业，正在联系检测机构' });
  at(t, '2026-07-16T10:00:00+08:00');
  close(t, d1.id);
  // D2: first replied by its answer on 07-20, after 07-15: late; answered and overdue at the end.
  at(t, '2026-07-10T10:00:00+08:00');
  const d2 = makeDemand(t, { enterpriseId: e2.id, title: 'D2' });
  expect(d2.firstReplyDue).toBe('2026-07-15');
  handToUnits(t, d2.id, lead.id);
  t.ok('demands.transition', { id: d2.id, to: 'in_progress' });
  at(t, '2026-07-20T10:00:00+08:00');
  t.ok('demands.transition', { id: d2.id, to: 'answered' });
  // D5: never replied, no unit.
  at(t, '2026-08-03T10:00:00+08:00');
  const d5 = makeDemand(t, { enterpriseId: e2.id, title: 'D5' }).id;
  // D3: received on 09-29, its first reply due on 10-02, after the quarter: not judged yet.
  at(t, '2026-09-29T10:00:00+08:00');
  const d3 = makeDemand(t, { enterpriseId: e2.id, title: 'D3' });
  expect(d3.firstReplyDue).toBe('2026-10-02');
  handToUnits(t, d3.id, co.id);

  at(t, '2026-10-10T10:00:00+08:00');
  const visit = (enterpriseId: string, date: string, leadStaffId: string, draft = false) =>
    t.ok('visits.create', {
      enterpriseId,
      date,
      mode: 'onsite',
      summary: '了解企业生产经营情况',
      leadStaffId,
      ...(draft ? { status: 'draft' as const } : {}),
    }).id;
  const v1 = visit(e1.id, '2026-07-03', leader.id);
  const v2 = visit(e2.id, '2026-08-15', leader.id);
  visit(e1.id, '2026-09-01', worker.id);
  visit(e1.id, '2026-09-05', leader.id, true);
  visit(e2.id, '2026-06-28', leader.id);
  t.ok('enterprises.delete', { id: e3.id });
  return {
    t,
    leader,
    worker,
    lead,
    co,
    e: { e1, e2, e4 },
    d: { d1: d1.id, d2: d2.id, d3: d3.id, d4, d5 },
    v: { v1, v2 },
  };
}

const sorted = (ids: string[]) => [...ids].sort();

describe('leaderVisits, firstReplyRate, byUnit, tierStock and tierNew', () => {
  it('count what DOMAIN.md defines, in the hand-built quarter', () => {
    const { t, lead, co } = district();
    const r = t.ok('reports.quarterly', { quarter: '2026Q3' });
    expect(r.figures.leaderVisits).toBe(2);
    expect(r.rates.firstReplyRate).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(r.rates.firstReplyRate.formula.zh).toContain('按时答复率');
    expect(r.figures.byUnit).toEqual({
      [lead.id]: { name: '区工信局', assigned: 2, closed: 1, openAtEnd: 1, overdueAtEnd: 1, onTimeRate: 0 },
      [co.id]: { name: '东街道', assigned: 2, closed: 1, openAtEnd: 1, overdueAtEnd: 0, onTimeRate: 1 },
    });
    expect(r.figures.tierStock).toEqual({ tech_sme: 2, high_tech: 1 });
    expect(r.figures.tierNew).toEqual({ tech_sme: 2, little_giant: 1 });
    // Every figure is defined in the notes; the leader count is compared like the others.
    for (const key of ['leaderVisits', 'firstReplyRate', 'byUnit', 'tierStock'])
      expect(r.notes.map((n) => n.key)).toContain(key);
    expect(r.comparison.figures.leaderVisits).toMatchObject({ current: 2, previous: 1 });
  });

  it('open the records behind each figure', () => {
    const { t, lead, co, e, d, v } = district();
    const rows = (
      figure: 'leaderVisits' | 'firstReplyRate' | 'byUnit' | 'tierStock' | 'tierNew',
      key?: string,
    ) => t.ok('reports.records', { quarter: '2026Q3', figure, ...(key ? { key } : {}) });
    expect(sorted(rows('leaderVisits').rows.map((x) => x.id))).toEqual(sorted([v.v1, v.v2]));
    const replies = rows('firstReplyRate');
    expect(replies.kind).toBe('demand');
    expect(replies.rows.map((x) => [x.id, x.inNumerator])).toEqual([
      [d.d1, true],
      [d.d2, false],
      [d.d5, false],
    ]);
    expect(replies.rows[0]!.detail).toMatchObject({
      firstReplyDue: '2026-07-09',
      firstRepliedOn: '2026-07-08',
    });
    expect(sorted(rows('byUnit', lead.id).rows.map((x) => x.id))).toEqual(sorted([d.d1, d.d2]));
    expect(sorted(rows('byUnit', co.id).rows.map((x) => x.id))).toEqual(sorted([d.d3, d.d4]));
    expect(sorted(rows('tierStock', 'tech_sme').rows.map((x) => x.id))).toEqual(sorted([e.e1.id, e.e2.id]));
    expect(rows('tierStock', 'high_tech').rows.map((x) => x.id)).toEqual([e.e1.id]);
    expect(rows('tierNew', 'little_giant').rows.map((x) => x.id)).toEqual([e.e4.id]);
    for (const figure of ['byUnit', 'tierStock', 'tierNew'] as const)
      expect(t.err('reports.records', { quarter: '2026Q3', figure })).toMatchObject({
        code: 'VALIDATION',
        details: { field: 'key' },
      });
  });

  it('agree with the oracle in every scope and quarter', () => {
    const { t, leader, worker } = district();
    const db = t.core.store.db;
    for (const quarter of ['2026Q2', '2026Q3', '2026Q4'])
      for (const scope of [{}, { staffId: leader.id }, { staffId: worker.id }, { town: '东街道' }]) {
        const r = t.ok('reports.quarterly', { quarter, ...scope });
        expect(r.figures, `${quarter} ${JSON.stringify(scope)}`).toEqual(oracleFigures(db, quarter, scope));
      }
    // A staff member's tiers are those of the enterprises they are liaison for.
    expect(t.ok('reports.quarterly', { quarter: '2026Q3', staffId: worker.id }).figures.tierStock).toEqual({
      high_tech: 1,
      tech_sme: 1,
    });
  });

  it('are in the Excel and Word files: the summary rows, the unit and tier tables', async () => {
    const { t } = district();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await quarterlyXlsx(
        t.core,
        { quarter: '2026Q3' },
        { orgName: '测试区科技局' },
      )) as unknown as ArrayBuffer,
    );
    const sum = wb.getWorksheet('汇总')!;
    const rows: ExcelJS.CellValue[][] = [];
    sum.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const row = (label: string) => rows.find((r) => r[1] === label)!;
    expect(row('领导带队走访')[3]).toBe(2);
    expect(row('按时答复率').slice(4, 6)).toEqual([1, 3]);
    expect(rows.some((r) => String(r[0]).startsWith('附表1 主办单位办理情况'))).toBe(true);
    expect(row('区工信局').slice(2, 7)).toEqual([2, 1, 1, 1, 0]);
    expect(row('东街道').slice(2, 7)).toEqual([2, 1, 1, 0, 1]);
    expect(rows.some((r) => String(r[0]).startsWith('附表2 梯次培育企业（截至2026年9月30日'))).toBe(true);
    expect(row('科技型中小企业').slice(2, 5)).toEqual([2, 2, 'tech_sme']);
    expect(row('高新技术企业').slice(2, 4)).toEqual([1, 0]);
    expect(row('专精特新“小巨人”').slice(2, 4)).toEqual([0, 1]);

    const zip = await JSZip.loadAsync(
      await quarterlyDocx(t.core, { quarter: '2026Q3' }, { orgName: '测试区科技局' }),
    );
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('局领导带队走访企业2家次');
    expect(text).toContain('按时答复率33.3%');
    expect(text).toContain('主办单位办理情况');
    expect(text).toContain('区工信局2111');
    expect(text).toContain('梯次培育企业');
    expect(text).toContain('科技型中小企业22');
  });
});
