import { describe, expect, it } from 'vitest';
import { makeTeam, newStats, runSchedule, type Schedule } from './syncProperty';
import { makeCore, type TestCore } from '../helpers';

// A change held in quarantine on one laptop is released there when that laptop's own clock
// has moved past it, during an import; it is not lost if its maker has lost it since (a
// restore): the released change is a new change of the log, which the next export passes on.
// The soak found this schedule (seed 1204365037): laptop 3, a copy of laptop 0, holds laptop
// 0's year-ahead edit; laptop 0 restores a backup from before it; laptop 3's clock jumps a year
// ahead by an edit of its own, so the final import releases the edit on laptop 3 — after its
// final file was written.

const SPLIT: Schedule = {
  replicas: 3,
  shared: 1,
  ops: [
    { t: 'clone', r: 0 },
    { t: 'futureEdit', r: 0, ms: 31536000000, kind: 'enterprises', pick: 0, field: 0, value: 0 },
    { t: 'merge', r: 11, uscc: 0, pick: 0, other: 0 },
    { t: 'restore', r: 0, pick: 0 },
    { t: 'futureEdit', r: 3, ms: 31536000000, kind: 'enterprises', pick: 0, field: 1, value: 0 },
    { t: 'enterprise', r: 0, uscc: 0, name: 0 },
    { t: 'ship', r: 0, to: 0, full: false },
    { t: 'clock', r: 0, ms: 0 },
    { t: 'edit', r: 0, kind: 'enterprises', pick: 0, field: 0, value: 0 },
    { t: 'delete', r: 0, kind: 'enterprises', pick: 0 },
    { t: 'enterprise', r: 0, uscc: 0, name: 0 },
    { t: 'edit', r: 0, kind: 'enterprises', pick: 0, field: 0, value: 0 },
    { t: 'edit', r: 0, kind: 'enterprises', pick: 0, field: 0, value: 0 },
  ],
  finalOrder: [0, 0, 0, 0],
  catchUp: false,
};

const PASS = 'correct horse battery staple';
const YEAR_DAYS = 365;

function team(): [TestCore, TestCore, TestCore] {
  const laptops = [makeCore(), makeCore(), makeCore()] as const;
  const { teamCode } = laptops[0].ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  for (const t of laptops.slice(1)) t.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  return [...laptops];
}

const ship = (from: TestCore, to: TestCore) =>
  to.ok('sync.import', { contentBase64: from.ok('sync.export', {}).contentBase64! });

describe('a held change released on another laptop', () => {
  it('the schedule the soak found ends with one truth on every laptop', () => {
    expect(() => runSchedule(SPLIT, makeTeam(), newStats())).not.toThrow();
  });

  it('is passed on by the next export of the laptop that released it', () => {
    const [a, b, c] = team();
    const e = a.ok('experts.create', { name: '陈教授', title: '教授' });
    ship(a, b);
    ship(a, c);
    // a's clock runs a year ahead for one edit; b holds it, c never hears of it from a.
    a.clock.advanceDays(YEAR_DAYS);
    a.ok('experts.update', { id: e.id, title: '研究员' });
    ship(a, b);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(1);
    // b's own clock jumps a year ahead too: its next import releases the held edit.
    b.clock.advanceDays(YEAR_DAYS);
    b.ok('experts.create', { name: '无关专家' });
    b.clock.advanceDays(-YEAR_DAYS);
    ship(c, b);
    expect(b.ok('quarantine.list', {}).rows).toHaveLength(0);
    expect(b.ok('experts.get', { id: e.id }).title).toBe('研究员');
    // c, whose clock is right, gets it from b (with b's own year-ahead expert): held, in
    // sight, not lost.
    ship(b, c);
    const held = c.ok('quarantine.list', {}).rows.filter((r) => r.recordId === e.id);
    expect(held.map((r) => [r.field, r.value, r.device])).toEqual([
      ['title', '研究员', a.core.store.device.id],
    ]);
  });
});
