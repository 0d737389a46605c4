import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { driveTo, makeDemand } from './fixtures';

// The workflow fixes of issue 15 (point 5) that the core answers.

describe('closing a demand', () => {
  it('with both closure fields empty flags both, so one try shows everything missing', () => {
    const t = makeCore();
    const d = driveTo(t, makeDemand(t), 'answered');
    const e = t.err('demands.transition', { id: d.id, to: 'closed' });
    expect(e.code).toBe('VALIDATION');
    expect((e.details.issues ?? []).map((i) => i.path).sort()).toEqual(['closureType', 'resolution']);
  });
});

describe('the enterprise timeline', () => {
  it('shows a reopen above the closing it undid, though both carry the same time', () => {
    const t = makeCore();
    const d = driveTo(t, makeDemand(t), 'closed');
    // A dissatisfied follow-up done before the closing was recorded: the reopen takes the
    // closing's time (never before the previous step).
    t.ok('followups.create', {
      parentType: 'demand',
      parentId: d.id,
      dueDate: '2026-11-20',
      doneAt: '2026-11-20T09:00:00+08:00',
      satisfaction: 'dissatisfied',
    });
    expect(t.ok('demands.get', { id: d.id }).status).toBe('in_progress');
    const events = t
      .ok('enterprises.timeline', { id: d.enterpriseId! })
      .items.filter((i) => i.type === 'demand_event')
      .map((i) => i.status);
    expect(events.slice(0, 2)).toEqual(['in_progress', 'closed']);
  });
});

describe('my tasks', () => {
  it('list a demand assigned to me today though it is due in 7 days; not one assigned to someone else', () => {
    const t = makeCore();
    const other = t.ok('staff.create', { name: '李强' });
    const mine = driveTo(t, makeDemand(t, { title: '今天交给我的' }), 'assigned');
    const theirs = makeDemand(t, { title: '交给别人的' });
    t.ok('demands.transition', { id: theirs.id, to: 'assigned', assigneeStaffId: other.id });
    const tasks = t.ok('me.tasks');
    expect(tasks.demands).toEqual([]);
    expect(tasks.assignedToday.map((d) => d.id)).toEqual([mine.id]);
    // Tomorrow it is no longer new.
    t.clock.advanceDays(1);
    expect(t.ok('me.tasks').assignedToday).toEqual([]);
  });

  it('list a demand created today with me as its handler, and leave out one already due', () => {
    const t = makeCore();
    const d = makeDemand(t, { assigneeStaffId: t.meId });
    expect(t.ok('me.tasks').assignedToday.map((x) => x.id)).toEqual([d.id]);
    const late = makeDemand(t, { assigneeStaffId: t.meId, receivedAt: '2026-11-01' });
    const tasks = t.ok('me.tasks');
    expect(tasks.demands.map((x) => x.id)).toEqual([late.id]);
    expect(tasks.assignedToday.map((x) => x.id)).toEqual([d.id]);
  });
});
