import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import type { Core } from '../../src-main/core';
import type { MethodOutput } from '@shared/contract/contract';
import { demoDistrictAt, REPORTS_TEST_DISTRICT } from '../district';
import { oracleFigures, type OracleScope } from './reports-oracle';
import { targetActuals } from '../../src-main/features/reports/quarterly';
import { resolveScope, scopeParams } from '../../src-main/features/reports/scope';
import { demandFactsSql } from '../../src-main/features/reports/demandFigures';
import { periodParams } from '../../src-main/features/reports/period';
import { parsePeriod } from '@shared/domain/period';

// The report against an independent computation (reports-oracle.ts) on the seeded demo
// district: a year of work (2026), with some records of every kind deleted afterwards.
// Every figure of every quarter and every month must agree, for the bureau, a staff member
// and a town.

const NOW = Date.parse('2027-01-04T09:00:00+08:00');
let dir = '';
let core: Core;
const picked: { staffId: string; town: string; deleted: Record<string, number> } = {
  staffId: '',
  town: '',
  deleted: {},
};

function ok<T>(method: string, input: unknown): T {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

/** Deletes every n-th live record of a table through the API (a fixed choice, not random). */
function deleteSome(
  kind: 'enterprises' | 'visits' | 'demands' | 'followups' | 'clinics' | 'experts',
  every: number,
): void {
  // Enterprises with open demands cannot be deleted: choose among the others.
  const deletable =
    kind === 'enterprises'
      ? `AND NOT EXISTS (SELECT 1 FROM demands d WHERE d."enterpriseId" = t."id" AND d."deletedAt" IS NULL AND d."status" NOT IN ('closed', 'rejected'))`
      : '';
  const rows = core.store.db
    .prepare(`SELECT "id" FROM ${kind} t WHERE "deletedAt" IS NULL ${deletable} ORDER BY "id"`)
    .all() as { id: string }[];
  const chosen = rows.filter((_, i) => i % every === every - 1);
  for (const r of chosen) ok(`${kind}.delete`, { id: r.id });
  picked.deleted[kind] = chosen.length;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vl-report-'));
  // Seeded once in the run, for both report crosschecks (test/district.ts).
  demoDistrictAt(join(dir, 'demo.db'), REPORTS_TEST_DISTRICT);
  core = openCore(join(dir, 'demo.db'), { now: () => NOW, deviceName: 'crosscheck' });
  deleteSome('enterprises', 40);
  deleteSome('visits', 50);
  deleteSome('demands', 30);
  deleteSome('followups', 25);
  deleteSome('clinics', 8);
  deleteSome('experts', 10);
  const staff = core.store.db
    .prepare(`SELECT "leadStaffId" AS id, count(*) AS n FROM visits GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)
    .get() as { id: string };
  const town = core.store.db
    .prepare(
      `SELECT "town", count(*) AS n FROM enterprises WHERE "town" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    )
    .get() as { town: string };
  picked.staffId = staff.id;
  picked.town = town.town;
}, 600_000);

afterAll(() => {
  core?.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const QUARTERS = ['2026Q1', '2026Q2', '2026Q3', '2026Q4'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const lastDayOf = (month: string) => parsePeriod(month).end;
const SCOPES: [string, () => OracleScope][] = [
  ['the bureau', () => ({})],
  ['a staff member', () => ({ staffId: picked.staffId })],
  ['a town', () => ({ town: picked.town })],
];

describe('quarterly figures agree with an independent computation on the demo district', () => {
  it('the district has work in every quarter and deletions of every kind', () => {
    for (const kind of ['enterprises', 'visits', 'demands', 'followups', 'clinics', 'experts']) {
      expect(picked.deleted[kind], kind).toBeGreaterThan(0);
    }
    for (const quarter of QUARTERS) {
      const f = oracleFigures(core.store.db, quarter);
      expect(f.visits, quarter).toBeGreaterThan(100);
      expect(f.newDemands, quarter).toBeGreaterThan(10);
      expect(f.closed, quarter).toBeGreaterThan(10);
      // The leader leads visits, first replies are judged, units and tiers are tables.
      expect(f.leaderVisits, quarter).toBeGreaterThan(10);
      expect(f.leaderVisits, quarter).toBeLessThan(f.visits / 10);
      expect(f.firstReplyRate, quarter).toBeGreaterThan(0.3);
      expect(f.firstReplyRate, quarter).toBeLessThan(1);
      expect(Object.keys(f.byUnit).length, quarter).toBeGreaterThan(5);
      expect(Object.keys(f.tierStock).length, quarter).toBeGreaterThan(2);
      expect(Object.keys(f.tierNew).length, quarter).toBeGreaterThan(0);
    }
    // Quarters after the first have demands carried over, and the year ends with open ones.
    expect(oracleFigures(core.store.db, '2026Q2').carriedOver).toBeGreaterThan(0);
    expect(oracleFigures(core.store.db, '2026Q4').openAtEnd).toBeGreaterThan(0);
  });

  for (const quarter of QUARTERS) {
    for (const [name, scopeOf] of SCOPES) {
      it(`${quarter}, ${name}`, () => {
        const scope = scopeOf();
        const report = ok<MethodOutput<'reports.quarterly'>>('reports.quarterly', { quarter, ...scope });
        const expected = oracleFigures(core.store.db, quarter, scope);
        expect(report.figures).toEqual(expected);
        // The comparison columns are the other quarters' figures.
        expect(report.comparison.figures.closed.previous).toBe(
          oracleFigures(core.store.db, report.comparison.previousQuarter, scope).closed,
        );
      });
    }
  }

  for (const month of MONTHS) {
    for (const [name, scopeOf] of SCOPES) {
      it(`${month}, ${name}`, () => {
        const scope = scopeOf();
        const report = ok<MethodOutput<'reports.summary'>>('reports.summary', { period: month, ...scope });
        expect(report.figures).toEqual(oracleFigures(core.store.db, month, scope));
        // The previous month, whole: every month of 2026 is over.
        expect(report.comparison.figures.closed.previous).toBe(
          oracleFigures(core.store.db, report.comparison.previous.period, scope).closed,
        );
      });
    }
  }
});

// A year and its halves group their visits through other paths than months and quarters do:
// by enterprise in index order, their months pivoted into columns (visitFigures.ts).
describe('a year and its halves agree with the independent computation, month by month', () => {
  // The halves for the bureau only: the index order applies to the bureau's visits alone.
  for (const period of ['2026', '2026H1', '2026H2']) {
    for (const [name, scopeOf] of period === '2026' ? SCOPES : SCOPES.slice(0, 1)) {
      it(`${period}, ${name}`, () => {
        const scope = scopeOf();
        const report = ok<MethodOutput<'reports.summary'>>('reports.summary', { period, ...scope });
        expect(report.figures).toEqual(oracleFigures(core.store.db, period, scope));
        const months = Object.keys(report.details.byMonth);
        expect(months).toHaveLength(period === '2026' ? 12 : 6);
        for (const month of months) {
          const m = oracleFigures(core.store.db, month, scope);
          expect(report.details.byMonth[month], month).toEqual({
            visits: m.visits,
            enterprisesVisited: m.enterprisesVisited,
          });
        }
      });
    }
  }
});

// A comparison's figures are kept without the lead units (quarterly.scalarsOf): the same
// period asked for next, its figures kept as they are, must count them.
describe('a period first counted as a comparison, then as the summary', () => {
  it('2026-11 after 2026-12, and 2026Q3 after 2026Q4: every figure, the units too', () => {
    for (const [later, period] of [
      ['2026-12', '2026-11'],
      ['2026Q4', '2026Q3'],
    ] as const) {
      ok('reports.summary', { period: later });
      const report = ok<MethodOutput<'reports.summary'>>('reports.summary', { period });
      const expected = oracleFigures(core.store.db, period);
      expect(Object.keys(expected.byUnit).length, period).toBeGreaterThan(5);
      expect(report.figures, period).toEqual(expected);
    }
  });
});

// Targets are measured over the year to date; for a period that is not a year as of its end,
// those days are counted apart, with only the figures targets measure (quarterly.targetActuals).
describe('the year to date behind the targets agrees with the independent computation', () => {
  const ends = [...MONTHS.map((m) => lastDayOf(m)), '2026-02-14', '2026-08-09'];
  for (const end of ends) {
    it(`2026-01-01..${end}`, () => {
      const actual = targetActuals(core, resolveScope(core, {}), '2026-01-01', end, new Map());
      const o = oracleFigures(core.store.db, '2026', {}, end);
      expect(actual).toEqual({
        visits: o.visits,
        enterprisesVisited: o.enterprisesVisited,
        newDemands: o.newDemands,
        closed: o.closed,
        clinics: (o as Record<string, unknown>).clinics,
        activities: o.activities,
        attendees: o.attendees,
        outcomesByType: o.outcomesByType,
      });
    });
  }
});

// A bureau summary whose previous period (longer than two months) lies within the year to
// date reads both periods' visits at once (quarterly.previousWithYearToDate): each must still
// agree on its own, and so must a month's, read apart.
describe('the previous period and the year to date, read together, agree with the independent computation', () => {
  for (const period of ['2026Q2', '2026Q3', '2026Q4', '2026H2', '2026-02', '2026-12']) {
    it(period, () => {
      const report = ok<MethodOutput<'reports.summary'>>('reports.summary', { period });
      const previous = oracleFigures(core.store.db, report.comparison.previous.period);
      const c = report.comparison.figures;
      for (const key of ['visits', 'enterprisesVisited', 'coverage', 'solvedOnSite'] as const) {
        expect(c[key].previous, key).toEqual(previous[key]);
      }
      const ytd = oracleFigures(core.store.db, '2026', {}, report.asOf);
      expect(report.targets.visits?.actual).toBe(ytd.visits);
      expect(report.targets.enterprisesVisited?.actual).toBe(ytd.enterprisesVisited);
    });
  }
});

describe('the records behind the new figures', () => {
  for (const quarter of QUARTERS) {
    it(`${quarter}: as many as each figure counts`, () => {
      const report = ok<MethodOutput<'reports.quarterly'>>('reports.quarterly', { quarter });
      const f = report.figures;
      const records = (figure: string, key?: string) =>
        ok<MethodOutput<'reports.records'>>('reports.records', { quarter, figure, ...(key ? { key } : {}) });
      expect(records('leaderVisits').total).toBe(f.leaderVisits);
      const replies = records('firstReplyRate', undefined);
      expect(replies.total).toBe(report.rates.firstReplyRate.denominator);
      expect(replies.rows.filter((r) => r.inNumerator).length).toBe(report.rates.firstReplyRate.numerator);
      for (const [unitId, u] of Object.entries(f.byUnit)) {
        const rows = records('byUnit', unitId).rows;
        expect(rows.filter((r) => r.detail.new === true || r.detail.carriedOver === true).length).toBe(
          u.assigned,
        );
        expect(rows.filter((r) => r.detail.closedInQuarter === true).length).toBe(u.closed);
      }
      for (const figure of ['tierStock', 'tierNew'] as const)
        for (const [tier, n] of Object.entries(f[figure])) expect(records(figure, tier).total).toBe(n);
    });
  }
});

// Most demands of a long period were received in it and closed before its end, for good: their
// facts are read from their row, not replayed from their history (demandFigures.settledSql).
// Replaying them instead gives every demand the same facts, in every period and scope.
describe("settled demands: the facts read from their row are the replay's", () => {
  const facts = (period: string, scope: OracleScope, replayAll: boolean) => {
    const resolved = resolveScope(core, scope);
    return core.store.db
      .prepare(`SELECT * FROM (${demandFactsSql(resolved, { replayAll })}) ORDER BY id`)
      .all({ ...periodParams(period), ...scopeParams(resolved) }) as Record<string, unknown>[];
  };
  for (const period of ['2026', '2026H2', ...QUARTERS, ...MONTHS, '2026-03-15..2026-09-20']) {
    for (const [name, scopeOf] of SCOPES) {
      it(`${period}, ${name}`, () => {
        const replayed = facts(period, scopeOf(), true);
        expect(facts(period, scopeOf(), false)).toEqual(replayed);
      });
    }
  }
  it('the year has settled demands of every kind: held a while, supervised, closed late or not substantively', () => {
    const settled = facts('2026', {}, false).filter((f) => f.isNew && f.s1 === 'closed');
    expect(settled.length).toBeGreaterThan(100);
    expect(settled.filter((f) => (f.heldBy as number) > 0).length).toBeGreaterThan(0);
    expect(settled.filter((f) => f.supervised).length).toBeGreaterThan(0);
    expect(settled.filter((f) => f.onTime === 0).length).toBeGreaterThan(0);
    expect(settled.filter((f) => f.closureType !== 'substantive').length).toBeGreaterThan(0);
  });
});
