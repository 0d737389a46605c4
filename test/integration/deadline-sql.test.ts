import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { DEMAND_STATUSES, type DemandStatus } from '@shared/domain/enums';
import { makeDemand, makeEnterprise, moveInput, PATH_TO, type Demand } from './fixtures';

// The SQL filters `open`, `overdue` and `dueSoon` of demands.list must pick exactly the demands
// whose flags (computed in JS by domain/workflow.deadline) say so, on any day, for every status.

const FLAGS = ['open', 'overdue', 'dueSoon'] as const;
type Flag = (typeof FLAGS)[number];

function jsFlag(d: Demand, flag: Flag): boolean {
  return flag === 'open' ? d.status !== 'closed' && d.status !== 'rejected' : d[flag];
}

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

function buildVariedDemands(t: TestCore): string[] {
  const rand = lcg(7);
  const ent = makeEnterprise(t).id;
  const ids: string[] = [];
  // Five weeks of work: every day two demands arrive and older ones move on.
  t.clock.set('2026-09-20T09:00:00+08:00');
  const progress = new Map<string, { target: DemandStatus; step: number }>();
  for (let day = 0; day < 36; day++) {
    for (let k = 0; k < 2; k++) {
      const complex = rand(4) === 0;
      const own =
        rand(3) === 0
          ? { dueDate: `2026-${rand(2) ? '10' : '11'}-${String(1 + rand(28)).padStart(2, '0')}` }
          : {};
      // Due dates before receipt are refused; keep only those after.
      const received = new Date(t.clock.ms).toISOString();
      const dueOk = !('dueDate' in own) || own.dueDate! >= received.slice(0, 10);
      const d = makeDemand(t, { enterpriseId: ent, complex, ...(dueOk ? own : {}) });
      ids.push(d.id);
      const target = DEMAND_STATUSES[rand(DEMAND_STATUSES.length)]!;
      progress.set(d.id, { target, step: 0 });
    }
    // Each day, some demands take one step towards their target status.
    for (const [id, p] of progress) {
      const path = PATH_TO[p.target];
      if (p.step >= path.length || rand(2) !== 0) continue;
      t.ok('demands.transition', moveInput(id, path[p.step]!, t.meId));
      p.step += 1;
    }
    // Some on-hold demands resume (and may go on hold again later).
    for (const [id, p] of progress) {
      if (p.target === 'on_hold' && p.step === PATH_TO.on_hold.length && rand(6) === 0) {
        t.ok('demands.transition', { id, to: 'in_progress' });
        p.step -= 1;
      }
    }
    t.clock.advanceDays(1);
    t.clock.ms += rand(3) * 3_600_000; // not always at the same hour
  }
  // Holds logged after the fact: one begun after its due date, one just before it.
  const held = (receivedAt: string, dueDate: string, holdAt: string) => {
    const d = makeDemand(t, { enterpriseId: ent, receivedAt, dueDate });
    t.ok('demands.transition', {
      ...moveInput(d.id, 'assigned', t.meId),
      at: `${receivedAt}T10:00:00+08:00`,
    });
    t.ok('demands.transition', { id: d.id, to: 'in_progress', at: `${receivedAt}T11:00:00+08:00` });
    t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方', at: holdAt });
    ids.push(d.id);
  };
  held('2026-09-21', '2026-09-23', '2026-09-25T09:00:00+08:00');
  held('2026-10-20', '2026-10-24', '2026-10-22T09:00:00+08:00');
  return ids;
}

function checkAgreement(t: TestCore, total: number): Record<Flag, number> {
  const all = t.ok('demands.list', { limit: 10_000 }).rows;
  expect(all).toHaveLength(total);
  const counts = {} as Record<Flag, number>;
  for (const flag of FLAGS) {
    for (const value of [true, false]) {
      const page = t.ok('demands.list', { filter: { [flag]: value }, limit: 10_000 });
      for (const row of page.rows)
        expect(jsFlag(row, flag), `${flag}=${value} returned ${row.status} ${row.dueDate}`).toBe(value);
      const expected = all
        .filter((d) => jsFlag(d, flag) === value)
        .map((d) => d.id)
        .sort();
      expect(page.rows.map((r) => r.id).sort(), `${flag}=${value}`).toEqual(expected);
      expect(page.total).toBe(expected.length);
      if (value) counts[flag] = expected.length;
    }
  }
  return counts;
}

describe('deadline filters in SQL agree with the JS flags', () => {
  it('across demands in every status, on many days', () => {
    const t = makeCore();
    const ids = buildVariedDemands(t);
    const statuses = new Set(t.ok('demands.list', { limit: 10_000 }).rows.map((d) => d.status));
    expect([...statuses].sort()).toEqual([...DEMAND_STATUSES].sort());

    const seen: Record<Flag, number> = { open: 0, overdue: 0, dueSoon: 0 };
    let onHoldOverdue = 0;
    let onHoldSoon = 0;
    for (const step of [0, 2, 3, 8, 30]) {
      t.clock.advanceDays(step);
      const counts = checkAgreement(t, ids.length);
      for (const f of FLAGS) seen[f] += counts[f];
      const held = t.ok('demands.list', { filter: { status: 'on_hold' }, limit: 10_000 }).rows;
      onHoldOverdue += held.filter((d) => d.overdue).length;
      onHoldSoon += held.filter((d) => d.dueSoon).length;
    }
    // The data really exercised every flag, on hold too.
    expect(seen.open).toBeGreaterThan(0);
    expect(seen.overdue).toBeGreaterThan(0);
    expect(seen.dueSoon).toBeGreaterThan(0);
    expect(onHoldOverdue).toBeGreaterThan(0);
    expect(onHoldSoon + onHoldOverdue).toBeGreaterThan(0);
  });

  it('at the edges: due today, due in 3 and 4 days, late by one, on hold since a day boundary', () => {
    const t = makeCore();
    const ent = makeEnterprise(t).id;
    const base = { enterpriseId: ent, receivedAt: '2026-11-01' };
    for (const due of ['2026-11-22', '2026-11-23', '2026-11-26', '2026-11-27']) {
      makeDemand(t, { ...base, dueDate: due });
    }
    // On hold since 23:59 and 00:00 Shanghai time around a due date.
    for (const at of ['2026-11-19T23:59:00+08:00', '2026-11-20T00:00:00+08:00']) {
      const d = makeDemand(t, { ...base, dueDate: '2026-11-19' });
      t.ok('demands.transition', { ...moveInput(d.id, 'assigned', t.meId), at: '2026-11-02' });
      t.ok('demands.transition', { id: d.id, to: 'in_progress', at: '2026-11-03' });
      t.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待第三方', at });
    }
    const counts = checkAgreement(t, 6);
    expect(counts).toEqual({ open: 6, overdue: 2, dueSoon: 3 });
  });

  it('a demand without a due date (as sync may bring) is neither overdue nor due soon, in SQL too', () => {
    const t = makeCore();
    const d = makeDemand(t);
    const held = makeDemand(t);
    t.ok('demands.transition', moveInput(held.id, 'assigned', t.meId));
    t.ok('demands.transition', { id: held.id, to: 'in_progress' });
    t.ok('demands.transition', { id: held.id, to: 'on_hold', note: '等待第三方' });
    makeDemand(t, { receivedAt: '2026-11-01' });
    t.core.store.db.prepare(`UPDATE demands SET "dueDate" = NULL WHERE "id" IN (?, ?)`).run(d.id, held.id);
    expect(t.ok('demands.get', { id: d.id })).toMatchObject({ overdue: false, dueSoon: false });
    checkAgreement(t, 3);
  });
});

describe('the late first reply in SQL agrees with the JS flag', () => {
  it('across demands in every status, replied or not, on many days', () => {
    const t = makeCore();
    const ids = buildVariedDemands(t);
    // Some open demands get a 阶段性答复 today: late for the older ones, in time for the newest.
    const open = t.ok('demands.list', { filter: { open: true }, limit: 10_000 }).rows;
    open
      .filter((_, i) => i % 3 === 0)
      .forEach((d) => t.ok('demands.reply', { id: d.id, note: '阶段性答复' }));
    const seen = { late: 0, inTime: 0 };
    for (const step of [0, 1, 4, 30]) {
      t.clock.advanceDays(step);
      const all = t.ok('demands.list', { limit: 10_000 }).rows;
      expect(all).toHaveLength(ids.length);
      for (const value of [true, false]) {
        const page = t.ok('demands.list', { filter: { firstReplyLate: value }, limit: 10_000 });
        const expected = all
          .filter((d) => d.firstReplyLate === value)
          .map((d) => d.id)
          .sort();
        expect(page.rows.map((r) => r.id).sort(), `firstReplyLate=${value}`).toEqual(expected);
      }
      seen.late += all.filter((d) => d.firstReplyLate && d.firstRepliedAt).length;
      seen.inTime += all.filter((d) => !d.firstReplyLate && d.firstRepliedAt).length;
      const waitingLate = all.filter((d) => d.firstReplyLate && !d.firstRepliedAt);
      expect(waitingLate.every((d) => d.status !== 'closed' && d.status !== 'rejected')).toBe(true);
    }
    // The data replied both late and in time.
    expect(seen.late).toBeGreaterThan(0);
    expect(seen.inTime).toBeGreaterThan(0);
  });
});
