import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { driveTo, makeDemand, makeEnterprise } from './fixtures';

// Progress against the annual targets (the 晾晒表) on a hand-built year: each target of asOf's
// year against its figure from 1 January to asOf, pct = actual ÷ target.
//
//   visits          2025-12-20 (E1) · 2026-01-05 (E1) · 2026-03-10 (E1) · 2026-06-30 (E2) · 2026-07-02 (E3)
//   demands         D0 received and closed in December 2025; D1, D2 received 2026-02-10,
//                   D1 closed 2026-03-01, D2 closed 2026-06-20, when D3 is received
//   today           2026-07-02

function district(): TestCore {
  const t = makeCore({ now: '2025-12-15T10:00:00+08:00' });
  const [e1, e2, e3] = [makeEnterprise(t), makeEnterprise(t), makeEnterprise(t)];
  driveTo(t, makeDemand(t, { enterpriseId: e1.id }), 'closed');
  t.clock.set('2026-02-10T10:00:00+08:00');
  const d1 = makeDemand(t, { enterpriseId: e1.id });
  const d2 = makeDemand(t, { enterpriseId: e2.id });
  t.clock.set('2026-03-01T10:00:00+08:00');
  driveTo(t, d1, 'closed');
  t.clock.set('2026-06-20T10:00:00+08:00');
  driveTo(t, d2, 'closed');
  makeDemand(t, { enterpriseId: e3.id });
  t.clock.set('2026-07-02T12:00:00+08:00');
  for (const [e, date] of [
    [e1, '2025-12-20'],
    [e1, '2026-01-05'],
    [e1, '2026-03-10'],
    [e2, '2026-06-30'],
    [e3, '2026-07-02'],
  ] as const) {
    t.ok('visits.create', { enterpriseId: e.id, date, mode: 'onsite', leadStaffId: t.meId });
  }
  const targets = {
    visits: 8,
    enterprisesVisited: 4,
    newDemands: 4,
    closed: 10,
    clinics: 0,
    activities: 12,
    'outcome:financing:amount': 1_000_000,
  } as const;
  for (const [key, value] of Object.entries(targets))
    t.ok('targets.set', { year: 2026, key, value } as never);
  t.ok('targets.set', { year: 2025, key: 'visits', value: 100 });
  return t;
}

describe('progress against targets', () => {
  it('counts from 1 January of asOf’s year to asOf: today for a period not over', () => {
    const t = district();
    const r = t.ok('reports.summary', { period: '2026-07' });
    expect(r.asOf).toBe('2026-07-02');
    expect(r.targets).toEqual({
      visits: { target: 8, actual: 4, pct: 0.5 },
      enterprisesVisited: { target: 4, actual: 3, pct: 0.75 },
      newDemands: { target: 4, actual: 3, pct: 0.75 },
      closed: { target: 10, actual: 2, pct: 0.2 },
      // A target of 0 has no share to reach.
      clinics: { target: 0, actual: 0, pct: null },
      // Not counted yet by this app (activities and outcomes): no actual, no share.
      activities: { target: 12, actual: null, pct: null },
      'outcome:financing:amount': { target: 1_000_000, actual: null, pct: null },
    });
    // The quarterly report says the same.
    expect(t.ok('reports.quarterly', { quarter: '2026Q3' }).targets).toEqual(r.targets);
  });

  it('counts to the period’s last day for a period over, and in its own year', () => {
    const t = district();
    // Q2 ended 2026-06-30: the visit of 2 July is not in its year to date.
    expect(t.ok('reports.summary', { period: '2026Q2' }).targets.visits).toEqual({
      target: 8,
      actual: 3,
      pct: 3 / 8,
    });
    // A range across the year end: the year to date of its asOf (2026-01-31) is January.
    const range = t.ok('reports.summary', { period: '2025-12-01..2026-01-31' });
    expect(range.targets.visits).toEqual({ target: 8, actual: 1, pct: 1 / 8 });
    expect(range.targets.closed).toEqual({ target: 10, actual: 0, pct: 0 });
    // 2025 against 2025's targets: the one visit of December.
    expect(t.ok('reports.summary', { period: '2025' }).targets).toEqual({
      visits: { target: 100, actual: 1, pct: 0.01 },
    });
  });

  it('belong to the bureau: a staff member’s or a town’s summary has none; a year without targets neither', () => {
    const t = district();
    expect(t.ok('reports.summary', { period: '2026-07', staffId: t.meId }).targets).toEqual({});
    expect(t.ok('reports.summary', { period: '2024' }).targets).toEqual({});
  });

  it('follow a target changed or deleted', () => {
    const t = district();
    t.ok('targets.set', { year: 2026, key: 'visits', value: 5 });
    t.ok('targets.delete', { year: 2026, key: 'closed' });
    const r = t.ok('reports.summary', { period: '2026-07' });
    expect(r.targets.visits).toEqual({ target: 5, actual: 4, pct: 0.8 });
    expect(r.targets.closed).toBeUndefined();
  });
});
