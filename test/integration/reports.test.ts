import { describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from './reports-dataset';
import { makeCore } from '../helpers';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import { SCALAR_KEYS } from '@shared/reports/definitions';
import type { MethodOutput } from '@shared/contract/contract';

// The quarterly summary on a hand-built district whose answers are worked out by hand
// (see reports-dataset.ts for every record and why it counts or not).

type Report = MethodOutput<'reports.quarterly'>;

let cached: { ds: Dataset; q3: Report } | null = null;
function dataset() {
  // Built once per file: the dataset is read-only for these tests.
  if (!cached || !isOpen(cached.ds)) {
    const ds = buildDataset();
    cached = { ds, q3: ds.t.ok('reports.quarterly', { quarter: '2026Q3' }) };
  }
  return cached;
}
function isOpen(ds: Dataset): boolean {
  try {
    ds.t.core.store.db.prepare('SELECT 1').get();
    return true;
  } catch {
    return false;
  }
}

const ids = (r: MethodOutput<'reports.records'>) => r.rows.map((x) => x.id).sort();

describe('reports.quarterly on a hand-built district (2026Q3, whole bureau)', () => {
  it('visits: first and last day of the quarter in, drafts, deleted and other quarters out', () => {
    const { ds, q3 } = dataset();
    const f = q3.figures;
    expect(q3.quarter).toBe('2026Q3');
    expect(q3.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(q3.scope.type).toBe('bureau');
    expect(f.visits).toBe(5);
    expect(f.enterprisesVisited).toBe(4);
    expect(f.solvedOnSite).toBe(2);
    // Base: E1 E2 E3 E6 (E4 has no liaison, E5 is deleted); visited among them: E1 E2 E3.
    expect(f.coverage).toBe(0.75);
    expect(q3.rates.coverage).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(f.byMode).toEqual({
      onsite: { visits: 2, enterprisesVisited: 2 },
      phone: { visits: 1, enterprisesVisited: 1 },
      meeting: { visits: 1, enterprisesVisited: 1 },
      online: { visits: 1, enterprisesVisited: 1 },
    });
    expect(f.byTown).toEqual({
      东城街道: { visits: 3, enterprisesVisited: 2 },
      西湖镇: { visits: 2, enterprisesVisited: 2 },
    });
    expect(f.byIndustry).toEqual({
      C: { visits: 3, enterprisesVisited: 2 },
      I: { visits: 1, enterprisesVisited: 1 },
      unknown: { visits: 1, enterprisesVisited: 1 },
    });
    expect(f.byTier).toEqual({
      high_tech: { visits: 2, enterprisesVisited: 1 },
      tech_sme: { visits: 1, enterprisesVisited: 1 },
      none: { visits: 2, enterprisesVisited: 2 },
    });
    expect(f.byStaff).toEqual({
      [ds.staff.a]: { visits: 3, enterprisesVisited: 3 },
      [ds.staff.b]: { visits: 2, enterprisesVisited: 2 },
    });
    expect(q3.details.staffNames).toEqual({ [ds.staff.a]: '张三', [ds.staff.b]: '李四' });
    expect(q3.details.byMonth).toEqual({
      '2026-07': { visits: 2, enterprisesVisited: 2 },
      '2026-08': { visits: 1, enterprisesVisited: 1 },
      '2026-09': { visits: 2, enterprisesVisited: 2 },
    });
    const v = ds.v;
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'visits' }))).toEqual(
      [v.V1, v.V2, v.V3, v.V4, v.V5].sort(),
    );
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'byMode', key: 'onsite' }))).toEqual(
      [v.V1, v.V4].sort(),
    );
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'byTier', key: 'none' }))).toEqual(
      [v.V3, v.V5].sort(),
    );
    const cov = ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'coverage' });
    expect(cov.total).toBe(4);
    expect(
      cov.rows
        .filter((r) => r.inNumerator)
        .map((r) => r.id)
        .sort(),
    ).toEqual([ds.e.E1, ds.e.E2, ds.e.E3].sort());
  });

  it('demands: new (Shanghai dates), carried over, closed once, reopened, holds across the boundary', () => {
    const { ds, q3 } = dataset();
    const f = q3.figures;
    const d = ds.d;
    const rec = (figure: MethodOutput<'reports.records'>['figure'], key?: string) =>
      ds.t.ok('reports.records', { quarter: '2026Q3', figure, ...(key ? { key } : {}) });

    expect(f.newDemands).toBe(9);
    expect(ids(rec('newDemands'))).toEqual([d.D3, d.D3b, d.D4, d.D5, d.D6, d.D7b, d.D8, d.D9, d.D14].sort());
    expect(f.carriedOver).toBe(3);
    expect(ids(rec('carriedOver'))).toEqual([d.D1, d.D11, d.D16].sort());
    expect(f.byCategory).toEqual({
      tech: 2,
      talent: 2,
      ip: 2,
      policy: 2,
      finance: 1,
      other: 1,
      platform: 1,
      rnd: 1,
    });
    expect(ids(rec('byCategory', 'tech'))).toEqual([d.D3, d.D14].sort());

    // D2 (closed, reopened, closed again in Q3) counts once; D6 (closed then reopened) and
    // D8 (closed on 10-01 Shanghai) do not.
    expect(f.closed).toBe(5);
    expect(ids(rec('closed'))).toEqual([d.D1, d.D2, d.D4, d.D14, d.D16].sort());
    // D2 was not part of the quarter's workload: closure rate 4 / (9 + 3).
    expect(q3.rates.closureRate).toMatchObject({ numerator: 4, denominator: 12 });
    expect(f.closureRate).toBeCloseTo(1 / 3, 12);
    // Closure types: D16 partial, the rest substantive (D2's latest closing).
    expect(q3.rates.substantiveRate).toMatchObject({ value: 0.8, numerator: 4, denominator: 5 });
    // On time: D4 (due moved to 07-19 by its hold), D14 (complex), D16 (due moved to 07-08); late: D1, D2.
    expect(q3.rates.onTimeRate).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    const onTime = rec('onTimeRate');
    expect(
      onTime.rows
        .filter((r) => r.inNumerator)
        .map((r) => r.id)
        .sort(),
    ).toEqual([d.D4, d.D14, d.D16].sort());
    // Days: D1 20, D2 88, D4 17 − 10, D14 21, D16 37 − 30.
    expect(q3.rates.avgDaysToClose).toMatchObject({ numerator: 143, denominator: 5 });
    expect(f.avgDaysToClose).toBeCloseTo(28.6, 12);
    const days = Object.fromEntries(rec('avgDaysToClose').rows.map((r) => [r.id, r.detail.daysToClose]));
    expect(days).toEqual({ [d.D1]: 20, [d.D2]: 88, [d.D4]: 7, [d.D14]: 21, [d.D16]: 7 });

    expect(f.openAtEnd).toBe(7);
    expect(ids(rec('openAtEnd'))).toEqual([d.D3, d.D3b, d.D5, d.D6, d.D7b, d.D8, d.D11].sort());
    // D3 was on hold at the end with its clock paused before its due date: not overdue.
    expect(f.overdueAtEnd).toBe(6);
    expect(ids(rec('overdueAtEnd'))).toEqual([d.D3b, d.D5, d.D6, d.D7b, d.D8, d.D11].sort());
    const d3 = rec('openAtEnd').rows.find((r) => r.id === d.D3)!;
    expect(d3.detail).toMatchObject({
      statusAtEnd: 'on_hold',
      dueDateAtEnd: '2026-09-08',
      overdueAtEnd: false,
    });
    const d8 = rec('openAtEnd').rows.find((r) => r.id === d.D8)!;
    expect(d8.detail).toMatchObject({ statusAtEnd: 'answered', dueDateAtEnd: '2026-09-27' });
    // The funnel: status at the end of the workload.
    expect(q3.details.workloadAtEnd).toEqual({
      closed: 4,
      on_hold: 2,
      assigned: 1,
      in_progress: 2,
      pending: 1,
      answered: 1,
      rejected: 1,
    });
  });

  it('follow-ups and clinics: Shanghai dates, satisfaction, held clinics, deleted experts and enterprises', () => {
    const { ds, q3 } = dataset();
    const f = q3.figures;
    expect(f.followups).toBe(5);
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'followups' }))).toEqual(
      [ds.f.F1, ds.f.F2, ds.f.F3, ds.f.F5, ds.f.F9].sort(),
    );
    expect(q3.rates.satisfactionRate).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(q3.details.satisfaction).toEqual({ satisfied: 2, mostly_satisfied: 1, dissatisfied: 1, none: 1 });
    expect(f.clinics).toBe(2);
    expect(f.experts).toBe(2);
    expect(f.enterprisesServed).toBe(3);
    expect(f.cooperationIntentions).toBe(3);
    expect(f.signedProjects).toBe(1);
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'clinics' }))).toEqual(
      [ds.c.C1, ds.c.C2].sort(),
    );
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'experts' }))).toEqual(
      [ds.x.X1, ds.x.X2].sort(),
    );
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q3', figure: 'enterprisesServed' }))).toEqual(
      [ds.e.E1, ds.e.E2, ds.e.E3].sort(),
    );
  });

  it('every count figure lists exactly as many records as it counts', () => {
    const { ds, q3 } = dataset();
    const counts = [
      'visits',
      'enterprisesVisited',
      'solvedOnSite',
      'newDemands',
      'carriedOver',
      'closed',
      'openAtEnd',
      'overdueAtEnd',
      'followups',
      'clinics',
      'experts',
      'enterprisesServed',
    ] as const;
    for (const figure of counts) {
      const r = ds.t.ok('reports.records', { quarter: '2026Q3', figure });
      expect(r.total, figure).toBe(q3.figures[figure]);
      expect(r.rows).toHaveLength(r.total);
    }
    for (const [key, rate] of Object.entries(q3.rates)) {
      const r = ds.t.ok('reports.records', { quarter: '2026Q3', figure: key as 'coverage' });
      expect(r.total, key).toBe(rate.denominator);
      if (key !== 'avgDaysToClose')
        expect(r.rows.filter((x) => x.inNumerator).length, key).toBe(rate.numerator);
    }
  });

  it('comparison with the previous quarter and the same quarter last year', () => {
    const { q3 } = dataset();
    const c = q3.comparison;
    expect(c.previousQuarter).toBe('2026Q2');
    expect(c.sameQuarterLastYear).toBe('2025Q3');
    // Q2: V6; D1 D2 D10 D15 D16 new, D11 carried over; D2 and D15 closed.
    expect(c.figures.visits).toEqual({
      current: 5,
      previous: 1,
      changeVsPrevious: 4,
      pctVsPrevious: 4,
      lastYear: 0,
      changeVsLastYear: 5,
      pctVsLastYear: null,
    });
    expect(c.figures.newDemands).toMatchObject({
      current: 9,
      previous: 5,
      changeVsPrevious: 4,
      pctVsPrevious: 0.8,
    });
    expect(c.figures.carriedOver).toMatchObject({ previous: 1 });
    expect(c.figures.closed).toMatchObject({ previous: 2 });
    // Q2's open at the end: D1 (in progress), D11, D16 (on hold): the carried over of Q3.
    expect(c.figures.openAtEnd).toMatchObject({ previous: 3 });
    expect(c.figures.coverage.lastYear).toBe(0);
    expect(c.figures.closureRate).toMatchObject({
      lastYear: null,
      changeVsLastYear: null,
      pctVsLastYear: null,
    });
    expect(Object.keys(c.figures).sort()).toEqual([...SCALAR_KEYS].sort());
  });

  it('Q4 sees what happened on 10-01 Shanghai time', () => {
    const { ds } = dataset();
    const q4 = ds.t.ok('reports.quarterly', { quarter: '2026Q4' });
    // D7 (received 2026-09-30T17:00Z) is new in Q4; D8 (closed at that instant) is closed in Q4.
    expect(
      ds.t.ok('reports.records', { quarter: '2026Q4', figure: 'newDemands' }).rows.map((r) => r.id),
    ).toEqual([ds.d.D7]);
    expect(ids(ds.t.ok('reports.records', { quarter: '2026Q4', figure: 'closed' }))).toEqual([ds.d.D8]);
    expect(q4.figures.carriedOver).toBe(7); // Q3's open at the end
    expect(q4.figures.visits).toBe(1); // V7
    expect(q4.figures.followups).toBe(1); // F4
    expect(q4.partial).toBe(true);
    expect(q4.asOf).toBe('2026-10-15');
  });
});

describe('reports.quarterly scopes', () => {
  it('town scope: visits and demands of the town, clinics that served it', () => {
    const { ds } = dataset();
    const r = ds.t.ok('reports.quarterly', { quarter: '2026Q3', town: '西湖镇' });
    const f = r.figures;
    expect(r.scope).toMatchObject({ type: 'town', town: '西湖镇', key: 'town:西湖镇' });
    expect(f.visits).toBe(2);
    expect(f.enterprisesVisited).toBe(2);
    expect(r.rates.coverage).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(Object.keys(f.byTown)).toEqual(['西湖镇']);
    expect(f.newDemands).toBe(5);
    expect(f.carriedOver).toBe(2);
    expect(f.closed).toBe(1);
    expect(r.rates.closureRate).toMatchObject({ numerator: 1, denominator: 7 });
    expect(f.openAtEnd).toBe(6);
    expect(f.overdueAtEnd).toBe(5);
    expect(f.followups).toBe(1); // F9, of clinic C1 which diagnosed E3
    expect(f.satisfactionRate).toBe(1);
    expect(f.clinics).toBe(1);
    expect(f.experts).toBe(2);
    expect(f.enterprisesServed).toBe(1);
    expect(f.cooperationIntentions).toBe(2);
    expect(f.signedProjects).toBe(1);
  });

  it('staff scope: visits led, demands assigned, follow-ups owned; clinics not applicable', () => {
    const { ds } = dataset();
    const r = ds.t.ok('reports.quarterly', { quarter: '2026Q3', staffId: ds.staff.a });
    const f = r.figures;
    expect(r.scope).toMatchObject({ type: 'staff', staffId: ds.staff.a, staffName: '张三' });
    expect(f.visits).toBe(3);
    expect(f.enterprisesVisited).toBe(3);
    expect(r.rates.coverage).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(Object.keys(f.byStaff)).toEqual([ds.staff.a]);
    expect(f.newDemands).toBe(6);
    expect(f.carriedOver).toBe(2);
    expect(f.closed).toBe(5);
    expect(r.rates.closureRate).toMatchObject({ value: 0.5, numerator: 4, denominator: 8 });
    expect(f.openAtEnd).toBe(4);
    expect(f.overdueAtEnd).toBe(3);
    expect(f.followups).toBe(3);
    expect(r.rates.satisfactionRate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(f.clinics).toBeNull();
    expect(f.experts).toBeNull();
    expect(f.enterprisesServed).toBeNull();
    expect(f.cooperationIntentions).toBeNull();
    expect(f.signedProjects).toBeNull();
    expect(r.scope.rules.find((x) => x.group === 'clinics')?.en).toMatch(/null/);
  });

  it('refuses a bad quarter, an unknown staff member, and staff and town together', () => {
    const { ds } = dataset();
    expect(ds.t.err('reports.quarterly', { quarter: '2026Q5' }).code).toBe('VALIDATION');
    expect(ds.t.err('reports.quarterly', { quarter: '2026-Q3' }).details.field).toBe('quarter');
    expect(ds.t.err('reports.quarterly', { quarter: '2026Q3', staffId: 'nobody' }).code).toBe('NOT_FOUND');
    expect(
      ds.t.err('reports.quarterly', { quarter: '2026Q3', staffId: ds.staff.a, town: '西湖镇' }).code,
    ).toBe('VALIDATION');
    expect(ds.t.err('reports.records', { quarter: '2026Q3', figure: 'byMode' }).details.field).toBe('key');
    expect(ds.t.err('reports.records', { quarter: '2026Q3', figure: 'nothing' }).code).toBe('VALIDATION');
  });
});

describe('an empty quarter', () => {
  it('gives zeros and null rates, never NaN', () => {
    const t = makeCore({ now: '2026-10-15T12:00:00+08:00' });
    const r = t.ok('reports.quarterly', { quarter: '2026Q3' });
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const key of SCALAR_KEYS) {
      const value = r.figures[key];
      if (key in r.rates) expect(value, key).toBeNull();
      else expect(value, key).toBe(0);
    }
    expect(r.figures.byMode).toEqual({});
    expect(r.figures.byCategory).toEqual({});
    expect(r.details.byMonth['2026-08']).toEqual({ visits: 0, enterprisesVisited: 0 });
    expect(r.comparison.figures.visits).toEqual({
      current: 0,
      previous: 0,
      changeVsPrevious: 0,
      pctVsPrevious: null,
      lastYear: 0,
      changeVsLastYear: 0,
      pctVsLastYear: null,
    });
    for (const rate of Object.values(r.rates))
      expect(rate).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(t.ok('reports.records', { quarter: '2026Q3', figure: 'overdueAtEnd' })).toMatchObject({
      total: 0,
      rows: [],
    });
  });
});

describe('reports.narrative', () => {
  it('saves per quarter and scope, keeps unsent sections, and is captured for sync', () => {
    const { ds } = dataset();
    const t = ds.t;
    expect(t.ok('reports.narrative.get', { quarter: '2026Q3' })).toMatchObject({
      typicalCases: '',
      recurringProblems: '',
      nextQuarterPlan: '',
      updatedAt: null,
    });
    const saved = t.ok('reports.narrative.save', {
      quarter: '2026Q3',
      typicalCases: '东城精密机械：协调检测设备，两周内解决。',
    });
    expect(saved.typicalCases).toContain('东城精密机械');
    t.ok('reports.narrative.save', { quarter: '2026Q3', nextQuarterPlan: '走访全覆盖' });
    const again = t.ok('reports.narrative.get', { quarter: '2026Q3' });
    expect(again).toMatchObject({
      typicalCases: saved.typicalCases,
      nextQuarterPlan: '走访全覆盖',
      scopeKey: 'bureau',
    });
    expect(again.updatedAt).not.toBeNull();
    // Another scope, another narrative; the same scope and quarter always the same record id.
    expect(t.ok('reports.narrative.get', { quarter: '2026Q3', town: '西湖镇' }).typicalCases).toBe('');
    expect(t.ok('reports.narrative.get', { quarter: '2026Q2' }).typicalCases).toBe('');
    expect(t.ok('reports.narrative.get', { quarter: '2026Q3' }).id).toBe(saved.id);
    const captured = t.core.store.db
      .prepare(
        `SELECT "field", "value" FROM changes WHERE "tbl" = 'narratives' AND "rowId" = ? ORDER BY "seq"`,
      )
      .all(saved.id) as { field: string; value: string }[];
    expect(captured).toContainEqual({ field: 'nextQuarterPlan', value: '走访全覆盖' });
  });
});

describe('figures kept between calls', () => {
  it('follow every write: through this connection, through another one, and are not shared with callers', () => {
    const { ds } = dataset();
    const t = ds.t;
    const first = t.ok('reports.quarterly', { quarter: '2026Q3' });
    expect(first.comparison.figures.visits.previous).toBe(1);
    // A mutated result does not leak into the next call.
    first.comparison.figures.visits.previous = 999;
    first.rates.closureRate.numerator = 999;
    const again = t.ok('reports.quarterly', { quarter: '2026Q3' });
    expect(again.comparison.figures.visits.previous).toBe(1);
    expect(again.rates.closureRate.numerator).toBe(4);

    // A write through this connection: a Q2 visit.
    t.ok('visits.create', {
      enterpriseId: ds.e.E2,
      date: '2026-05-10',
      mode: 'phone',
      leadStaffId: ds.staff.a,
    });
    expect(t.ok('reports.quarterly', { quarter: '2026Q3' }).comparison.figures.visits.previous).toBe(2);

    // A write through another connection to the same file: a Q3 demand closed in Q3.
    const other = openCore(t.path, { now: t.clock.now });
    try {
      const r = call(other, 'demands.create', {
        enterpriseId: ds.e.E6,
        receivedAt: '2026-08-01T02:00:00Z',
        categories: ['rnd'],
        title: '另一台电脑录入的需求',
      });
      expect(r.ok).toBe(true);
    } finally {
      other.store.close();
    }
    const after = t.ok('reports.quarterly', { quarter: '2026Q3' });
    expect(after.figures.newDemands).toBe(10);
    expect(after.figures.byCategory.rnd).toBe(2);
    // Q4 is not over (today is 10-15): its comparison is Q3's first 15 days, read afresh too.
    const q4 = t.ok('reports.quarterly', { quarter: '2026Q4' }).comparison;
    expect(q4.previous).toEqual({ period: '2026Q3', from: '2026-07-01', to: '2026-07-15' });
    expect(q4.figures.newDemands.previous).toBe(
      t.ok('reports.summary', { period: '2026-07-01..2026-07-15' }).figures.newDemands,
    );
  });
});
