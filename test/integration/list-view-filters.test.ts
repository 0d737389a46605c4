import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { followupLate } from '@shared/domain/workflow';
import { demandIn, makeEnterprise, moveInput } from './fixtures';

// The filters the grids' built-in views need (issue 15): 督办 demands and late follow-ups, as
// list filters that agree with the board and with domain/workflow.followupLate.

const DAY = 24 * 3_600_000;

describe('demands.list by supervision', () => {
  it('finds the demands under supervision, and the open ones are those the board counts', () => {
    const t = makeCore();
    const e = makeEnterprise(t).id;
    const watched = demandIn(t, 'in_progress', { enterpriseId: e, title: '督办中' });
    const watchedThenClosed = demandIn(t, 'in_progress', { enterpriseId: e, title: '督办后办结' });
    demandIn(t, 'in_progress', { enterpriseId: e, title: '普通件' });
    t.ok('demands.supervise', { ids: [watched.id, watchedThenClosed.id], level: 'bureau', note: '请加快' });
    t.clock.ms += 3_600_000;
    for (const to of ['answered', 'closed'] as const)
      t.ok('demands.transition', moveInput(watchedThenClosed.id, to, t.meId));
    const titles = (filter: Record<string, boolean>) =>
      t
        .ok('demands.list', { filter })
        .rows.map((d) => d.title)
        .sort();
    expect(titles({ supervised: true })).toEqual(['督办中', '督办后办结'].sort());
    expect(titles({ supervised: false })).toEqual(['普通件']);
    const board = t.ok('demands.openBoard', { supervised: true });
    expect(titles({ supervised: true, open: true })).toEqual(board.rows.map((d) => d.title).sort());
    expect(board.counts.supervised).toBe(1);
  });

  it('refuses a flag compared with text, naming the filter, and an unknown filter by name', () => {
    const t = makeCore();
    const bad = t.err('demands.list', { filter: { supervised: 'yes' } });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('filter.supervised');
    expect(bad.message).toContain('true or false');
    expect(t.err('demands.list', { filter: { supervisedd: true } }).message).toContain("'supervisedd'");
  });
});

describe('followups.list by lateness', () => {
  it('picks exactly the follow-ups followupLate() calls late, on the day it is asked', () => {
    const t = makeCore({ now: '2026-11-23T12:00:00+08:00' });
    const d = demandIn(t, 'answered');
    const make = (dueDate: string | null, doneAt: string | null) =>
      t.ok('followups.create', { parentType: 'demand', parentId: d.id, dueDate, doneAt });
    make('2026-11-20', null); // late
    make('2026-11-22', null); // late
    make('2026-11-23', null); // due today: not yet late
    make('2026-11-30', null); // ahead
    make('2026-11-20', '2026-11-21T10:00:00+08:00'); // done
    make(null, null); // no planned date
    const check = () => {
      const all = t.ok('followups.list', { limit: 100 }).rows;
      const day = t.ok('app.info').today;
      const late = t.ok('followups.list', { filter: { overdue: true }, limit: 100 }).rows;
      expect(late.map((f) => f.id).sort()).toEqual(
        all
          .filter((f) => followupLate(f, day))
          .map((f) => f.id)
          .sort(),
      );
      return late.length;
    };
    expect(check()).toBe(2);
    t.clock.ms += DAY;
    expect(check()).toBe(3);
    t.clock.ms += 7 * DAY;
    expect(check()).toBe(4);
  });
});
