import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCore, type TestCore } from '../helpers';
import { handToUnits, makeDemand, makeEnterprise, makeUnits } from './fixtures';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import type { Core } from '../../src-main/core';
import { demoDistrictAt, REPORTS_TEST_DISTRICT } from '../district';
import { activityTotals, outcomesByType } from '../../src-main/features/reports/activityFigures';
import { resolveScope, scopeParams } from '../../src-main/features/reports/scope';
import { addDays } from '@shared/domain/dates';
import { oracleActivityFigures } from './reports-oracle-activities';

// The activity and outcome figures: exact values on a hand-built district (boundaries, status,
// deletes, scopes, money in fen), their records, and agreement with the independent
// computation on every month and quarter of the demo district.

function district() {
  const t = makeCore();
  const organiser = t.ok('staff.create', { name: '李组织' });
  const liaison = t.ok('staff.create', { name: '王包联' });
  const e1 = makeEnterprise(t, { town: '东街道', liaisonStaffId: liaison.id });
  const e2 = makeEnterprise(t, { town: '西镇' });
  const e3 = makeEnterprise(t, { town: '东街道' });
  const act = (fields: Record<string, unknown>) =>
    t.ok('activities.create', { title: '活动', ...fields } as never).id as string;
  const a1 = act({
    type: 'policy_briefing',
    date: '2026-07-01',
    enterpriseIds: [e1.id, e2.id],
    attendees: 40,
    organizerStaffIds: [organiser.id],
  });
  const a2 = act({ type: 'training', date: '2026-09-30', enterpriseIds: [e1.id, e3.id], attendees: 25 });
  act({ type: 'training', date: '2026-08-10', status: 'cancelled' });
  act({ type: 'salon', date: '2026-10-01', attendees: 12 });
  const a5 = act({ type: 'matchmaking', date: '2026-08-05', attendees: 30 });
  t.ok('activities.delete', { id: a5 });
  const a6 = act({ type: 'popular_science', date: '2026-08-20', attendees: 100 });
  const out = (fields: Record<string, unknown>) => t.ok('outcomes.create', fields as never).id as string;
  const o1 = out({ enterpriseId: e1.id, type: 'tech_contract', date: '2026-07-15', amount: 1234567.89 });
  const o2 = out({ enterpriseId: e2.id, type: 'tech_contract', date: '2026-09-30', amount: 0.11, count: 2 });
  out({ enterpriseId: e1.id, type: 'high_tech_application', date: '2026-08-01', status: 'rejected' });
  const o4 = out({
    enterpriseId: e1.id,
    type: 'high_tech_application',
    date: '2026-08-02',
    status: 'applied',
  });
  out({ enterpriseId: e3.id, type: 'policy_funds', date: '2026-08-03', amount: 50000 });
  out({ enterpriseId: e2.id, type: 'policy_funds', date: '2026-10-01', amount: 8000 });
  const o7 = out({ enterpriseId: e2.id, type: 'financing', date: '2026-07-02', amount: 3_000_000 });
  t.ok('outcomes.delete', { id: o7 });
  // An enterprise deleted: its outcomes and its taking part no longer count.
  t.ok('enterprises.delete', { id: e3.id });
  return { t, organiser, liaison, e1, e2, a1, a2, a6, o1, o2, o4 };
}

const q3 = (t: TestCore, scope: Record<string, string> = {}) =>
  t.ok('reports.quarterly', { quarter: '2026Q3', ...scope }).figures;
const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);

describe('activity and outcome figures on a hand-built district (2026Q3)', () => {
  it('counts held activities of the quarter, their attendees and live enterprises; outcomes not rejected, in fen', () => {
    const { t } = district();
    expect(q3(t)).toMatchObject({
      activities: 3,
      activitiesByType: { policy_briefing: 1, training: 1, popular_science: 1 },
      attendees: 165,
      enterprisesReached: 2,
      outcomesByType: {
        tech_contract: { count: 3, amount: 1234568 },
        high_tech_application: { count: 1, amount: 0 },
      },
    });
    const f = q3(t);
    expect(Object.keys(f.outcomesByType).sort()).toEqual(['high_tech_application', 'tech_contract']);
    // Q4 is not over: compared with as many days of Q3 (to 23 August: the briefing of 1 July
    // and the science day of 20 August, not the training of 30 September).
    const r = t.ok('reports.quarterly', { quarter: '2026Q4' });
    expect(r.asOf).toBe('2026-11-23');
    expect(r.figures).toMatchObject({ activities: 1, attendees: 12, enterprisesReached: 0 });
    expect(r.comparison.figures.activities).toMatchObject({ current: 1, previous: 2, changeVsPrevious: -1 });
  });

  it('a town: activities its live enterprises took part in, only they reached; a staff member: organised, and the outcomes of their firms', () => {
    const { t, organiser, liaison } = district();
    expect(q3(t, { town: '东街道' })).toMatchObject({
      activities: 2,
      activitiesByType: { policy_briefing: 1, training: 1 },
      attendees: 65,
      enterprisesReached: 1,
      outcomesByType: {
        tech_contract: { count: 1, amount: 1234567.89 },
        high_tech_application: { count: 1, amount: 0 },
      },
    });
    expect(q3(t, { staffId: organiser.id })).toMatchObject({
      activities: 1,
      attendees: 40,
      enterprisesReached: 2,
      outcomesByType: {},
    });
    expect(q3(t, { staffId: liaison.id })).toMatchObject({
      activities: 0,
      outcomesByType: {
        tech_contract: { count: 1, amount: 1234567.89 },
        high_tech_application: { count: 1, amount: 0 },
      },
    });
  });

  it('a unit: activities are not handed to units (0); outcomes answering the demands it leads', () => {
    const { t, e1, e2 } = district();
    const { lead, other } = makeUnits(t);
    const led = makeDemand(t, { enterpriseId: e1.id });
    handToUnits(t, led.id, lead.id);
    const elsewhere = makeDemand(t, { enterpriseId: e2.id });
    handToUnits(t, elsewhere.id, other.id);
    t.ok('outcomes.create', {
      enterpriseId: e1.id,
      type: 'financing',
      date: '2026-08-08',
      amount: 200,
      demandId: led.id,
    });
    t.ok('outcomes.create', {
      enterpriseId: e2.id,
      type: 'financing',
      date: '2026-08-09',
      amount: 700,
      demandId: elsewhere.id,
    });
    expect(q3(t, { unitId: lead.id })).toMatchObject({
      activities: 0,
      activitiesByType: {},
      attendees: 0,
      enterprisesReached: 0,
      outcomesByType: { financing: { count: 1, amount: 200 } },
    });
    // The report says so among its scope rules.
    const rules = t.ok('reports.summary', { period: '2026Q3', unitId: lead.id }).scope.rules;
    expect(rules.find((r) => r.group === 'activities')).toMatchObject({
      zh: expect.stringMatching(/计为0.*主办需求/),
      en: expect.stringMatching(/counted as 0.*demands the unit leads/),
    });
  });

  it('lists the records behind each figure; a split needs its key', () => {
    const { t, e1, e2, a1, a2, a6, o1, o2, o4 } = district();
    const records = (figure: string, key?: string) =>
      t.ok('reports.records', { quarter: '2026Q3', figure, ...(key ? { key } : {}) } as never);
    expect(ids(records('activities'))).toEqual([a1, a6, a2]);
    expect(records('activities').kind).toBe('activity');
    expect(ids(records('attendees'))).toEqual([a1, a6, a2]);
    expect(ids(records('activitiesByType', 'training'))).toEqual([a2]);
    expect(ids(records('enterprisesReached')).sort()).toEqual([e1.id, e2.id].sort());
    expect(ids(records('outcomesByType', 'tech_contract'))).toEqual([o1, o2]);
    expect(records('outcomesByType', 'tech_contract').rows[0]).toMatchObject({
      kind: 'outcome',
      enterpriseId: e1.id,
      detail: { amount: 1234567.89, count: 1, type: 'tech_contract' },
    });
    expect(ids(records('outcomesByType', 'high_tech_application'))).toEqual([o4]);
    const err = t.err('reports.records', { quarter: '2026Q3', figure: 'outcomesByType' });
    expect(err).toMatchObject({ code: 'VALIDATION', details: { field: 'key' } });
  });
});

// --- the demo district, against the oracle ----------------------------------

const NOW = Date.parse('2027-01-04T09:00:00+08:00');
let dir = '';
let core: Core;
const picked = { staffId: '', organiserId: '', town: '' };

function ok<T>(method: string, input: unknown): T {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vl-activities-'));
  // Seeded once in the run, for both report crosschecks (test/district.ts).
  demoDistrictAt(join(dir, 'demo.db'), REPORTS_TEST_DISTRICT);
  core = openCore(join(dir, 'demo.db'), { now: () => NOW, deviceName: 'activities' });
  const db = core.store.db;
  const every = (sql: string, n: number) =>
    (db.prepare(sql).all() as { id: string }[]).filter((_, i) => i % n === n - 1).map((r) => r.id);
  for (const id of every(`SELECT "id" FROM activities ORDER BY "id"`, 6)) ok('activities.delete', { id });
  for (const id of every(`SELECT "id" FROM outcomes ORDER BY "id"`, 9)) ok('outcomes.delete', { id });
  const noOpen = `SELECT e."id" FROM enterprises e JOIN outcomes o ON o."enterpriseId" = e."id" WHERE NOT EXISTS
    (SELECT 1 FROM demands d WHERE d."enterpriseId" = e."id" AND d."deletedAt" IS NULL AND d."status" NOT IN ('closed', 'rejected'))
    GROUP BY e."id" ORDER BY e."id"`;
  for (const id of every(noOpen, 15)) ok('enterprises.delete', { id });
  picked.staffId = (
    db
      .prepare(`SELECT "liaisonStaffId" AS id FROM enterprises GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
      .get() as { id: string }
  ).id;
  picked.organiserId = (
    db
      .prepare(
        `SELECT j.value AS id FROM activities a, json_each(a."organizerStaffIds") j GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )
      .get() as { id: string }
  ).id;
  picked.town = (
    db.prepare(`SELECT "town" FROM enterprises GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`).get() as {
      town: string;
    }
  ).town;
}, 600_000);

afterAll(() => {
  core?.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const start = `2026-${String(i + 1).padStart(2, '0')}-01`;
  const next = i === 11 ? '2027-01-01' : `2026-${String(i + 2).padStart(2, '0')}-01`;
  return { name: start.slice(0, 7), start, end: addDays(next, -1) };
});
const QUARTERS = [1, 2, 3, 4].map((q) => ({
  name: `2026Q${q}`,
  start: MONTHS[(q - 1) * 3]!.start,
  end: MONTHS[q * 3 - 1]!.end,
}));

describe('the demo district: activity and outcome figures agree with the oracle', () => {
  it('the demo year has a believable story: activities and hundreds of attendees, outcomes of every kind, some answering demands', () => {
    const year = oracleActivityFigures(core.store.db, { start: '2026-01-01', end: '2026-12-31' });
    expect(year.activities).toBeGreaterThanOrEqual(10);
    expect(year.attendees).toBeGreaterThan(200);
    expect(Object.keys(year.outcomesByType).sort()).toEqual(
      [
        'achievement_transfer',
        'financing',
        'high_tech_application',
        'ip_pledge',
        'policy_funds',
        'project_application',
        'talent_application',
        'tech_contract',
      ].sort(),
    );
    expect(year.outcomesByType.tech_contract!.amount).toBeGreaterThan(1e6);
    const linked = core.store.db
      .prepare(
        `SELECT count(*) AS n FROM outcomes o JOIN demands d ON d."id" = o."demandId" AND d."status" = 'closed'`,
      )
      .get() as { n: number };
    expect(linked.n).toBeGreaterThan(0);
  });

  for (const period of [...MONTHS, ...QUARTERS]) {
    it(period.name, () => {
      for (const scope of [
        {},
        { staffId: picked.staffId },
        { staffId: picked.organiserId },
        { town: picked.town },
      ]) {
        const resolved = resolveScope(core, scope);
        const p = { qs: period.start, qe: period.end, ...scopeParams(resolved) };
        const totals = activityTotals(core.store.db, resolved, p);
        expect(
          { ...totals, outcomesByType: outcomesByType(core.store.db, resolved, p) },
          JSON.stringify(scope),
        ).toEqual(oracleActivityFigures(core.store.db, period, scope));
      }
    });
  }
});
