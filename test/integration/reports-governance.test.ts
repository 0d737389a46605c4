import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { makeEnterprise } from './fixtures';
import { oracleFigures } from './reports-oracle';

// The summary's supervision and extension figures (DOMAIN.md, "Period summary"): `supervised`
// counts the demands of the quarter's workload (new or carried over) under 督办 by its end;
// `extensions` the extension requests approved in the quarter. Checked against the oracle.

const at = (t: TestCore, iso: string) => t.clock.set(iso);

function scenario() {
  const t = makeCore({ now: '2026-07-01T09:00:00+08:00' });
  const e = makeEnterprise(t);
  const demand = (title: string) => {
    const d = t.ok('demands.create', { enterpriseId: e.id, title, categories: ['tech'] });
    t.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: t.meId });
    return d.id;
  };
  // C: received, supervised and closed in Q3.
  const c = demand('C');
  at(t, '2026-07-20T10:00:00+08:00');
  t.ok('demands.supervise', { ids: [c], level: 'bureau', note: '督办' });
  t.ok('demands.transition', { id: c, to: 'in_progress' });
  t.ok('demands.transition', { id: c, to: 'answered' });
  t.ok('demands.transition', { id: c, to: 'closed', closureType: 'substantive', resolution: '已解决' });
  // A: received in Q3, supervised and extended then, still open in Q4 (carried over).
  at(t, '2026-08-10T10:00:00+08:00');
  const a = demand('A');
  t.ok('demands.supervise', { ids: [a], level: 'district', note: '挂牌督办' });
  t.ok('demands.requestExtension', { id: a, dueDate: '2026-09-30', reason: '等待检测' });
  t.ok('demands.decideExtension', { id: a, approve: true });
  // B: received in Q4; one request refused, the next approved; supervised.
  at(t, '2026-10-05T10:00:00+08:00');
  const b = demand('B');
  t.ok('demands.requestExtension', { id: b, dueDate: '2026-10-30', reason: '材料未齐' });
  t.ok('demands.decideExtension', { id: b, approve: false });
  t.ok('demands.requestExtension', { id: b, dueDate: '2026-10-25', reason: '材料未齐' });
  t.ok('demands.decideExtension', { id: b, approve: true });
  t.ok('demands.supervise', { ids: [b], level: 'bureau', note: '督办' });
  at(t, '2026-11-23T12:00:00+08:00');
  return { t, a, b, c };
}

describe('supervision and extensions in the summary', () => {
  it('counts the supervised workload and the approved extensions of each quarter, as the oracle does', () => {
    const { t, a, b, c } = scenario();
    const q3 = t.ok('reports.quarterly', { quarter: '2026Q3' });
    const q4 = t.ok('reports.quarterly', { quarter: '2026Q4' });
    expect(q3.figures).toMatchObject({ supervised: 2, extensions: 1 });
    expect(q4.figures).toMatchObject({ supervised: 2, extensions: 1 });
    expect(q4.comparison.figures.supervised).toMatchObject({ current: 2, previous: 2 });
    for (const [quarter, report] of [
      ['2026Q3', q3],
      ['2026Q4', q4],
    ] as const)
      expect(report.figures).toEqual(oracleFigures(t.core.store.db, quarter));

    const listed = (quarter: string, figure: 'supervised' | 'extensions') =>
      t
        .ok('reports.records', { quarter, figure })
        .rows.map((r) => r.id)
        .sort();
    expect(listed('2026Q3', 'supervised')).toEqual([a, c].sort());
    expect(listed('2026Q4', 'supervised')).toEqual([a, b].sort());
    expect(listed('2026Q3', 'extensions')).toEqual([a]);
    expect(listed('2026Q4', 'extensions')).toEqual([b]);
  });

  it('leaves out a staff member’s scope what others handle', () => {
    const { t } = scenario();
    const other = t.ok('staff.create', { name: '李四' });
    const scoped = t.ok('reports.quarterly', { quarter: '2026Q4', staffId: other.id });
    expect(scoped.figures).toMatchObject({ supervised: 0, extensions: 0 });
    expect(scoped.figures).toEqual(oracleFigures(t.core.store.db, '2026Q4', { staffId: other.id }));
  });
});
