import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { demandIn } from './fixtures';

// 我的待办 beyond due dates (DOMAIN.md, "Supervision", "Deadlines are controlled"): a unit's
// reply the handler has not acted on since, and, for a supervisor, extension requests to decide.

const HOUR = 3_600_000;

/** Runs `fn` as another staff member, then is "me" again. */
function as<T>(t: TestCore, staffId: string, fn: () => T): T {
  t.ok('me.set', { staffId });
  try {
    return fn();
  } finally {
    t.ok('me.set', { staffId: t.meId });
  }
}

function handedToUnit(t: TestCore) {
  const unit = t.ok('units.create', { name: '区工信局', kind: 'department' });
  const d = demandIn(t, 'in_progress');
  const assigned = t.ok('demands.update', { id: d.id, leadUnitId: unit.id });
  return { unit, demand: assigned };
}

describe('my tasks: unit replies', () => {
  it('lists a unit reply someone else recorded after my last step, until I act on the demand', () => {
    const t = makeCore({ role: 'staff' });
    const clerk = t.ok('staff.create', { name: '单位联络员' });
    const { unit, demand } = handedToUnit(t);
    expect(t.ok('me.tasks').unitReplies).toEqual([]);

    t.clock.ms += HOUR;
    as(t, clerk.id, () => t.ok('demands.unitReply', { id: demand.id, unitId: unit.id, note: '已安排检测' }));
    const waiting = t.ok('me.tasks').unitReplies;
    expect(waiting.map((d) => d.id)).toEqual([demand.id]);
    expect(waiting[0]!.unitReply).toMatchObject({ unitName: '区工信局', note: '已安排检测' });
    // The colleague who recorded it has nothing waiting: the demand is not theirs.
    expect(as(t, clerk.id, () => t.ok('me.tasks').unitReplies)).toEqual([]);

    t.clock.ms += HOUR;
    t.ok('demands.transition', { id: demand.id, to: 'answered', note: '已答复企业' });
    expect(t.ok('me.tasks').unitReplies).toEqual([]);
  });

  it('does not list a reply I recorded myself, nor one on a demand that has ended', () => {
    const t = makeCore({ role: 'supervisor' });
    const clerk = t.ok('staff.create', { name: '单位联络员' });
    const { unit, demand } = handedToUnit(t);
    t.clock.ms += HOUR;
    t.ok('demands.unitReply', { id: demand.id, unitId: unit.id, note: '我记下的答复' });
    expect(t.ok('me.tasks').unitReplies).toEqual([]);

    t.clock.ms += HOUR;
    as(t, clerk.id, () => t.ok('demands.unitReply', { id: demand.id, unitId: unit.id, note: '补充材料' }));
    expect(t.ok('me.tasks').unitReplies).toHaveLength(1);
    t.ok('demands.transition', { id: demand.id, to: 'answered' });
    t.ok('demands.transition', {
      id: demand.id,
      to: 'closed',
      closureType: 'substantive',
      resolution: '已解决',
    });
    t.clock.ms += HOUR;
    as(t, clerk.id, () => t.ok('demands.unitReply', { id: demand.id, unitId: unit.id, note: '办结后补报' }));
    expect(t.ok('me.tasks').unitReplies).toEqual([]);
  });
});

describe('my tasks: extension decisions', () => {
  it('a supervisor has each pending request to decide; a staff member has none', () => {
    const t = makeCore({ role: 'supervisor' });
    const colleague = t.ok('staff.create', { name: '李承办', role: 'staff' });
    const d = demandIn(t, 'in_progress');
    as(t, colleague.id, () =>
      t.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-20', reason: '等待检测报告' }),
    );
    const tasks = t.ok('me.tasks');
    expect(tasks.extensionRequests.map((x) => x.id)).toEqual([d.id]);
    expect(tasks.extensionRequests[0]!.extension).toMatchObject({ dueDate: '2026-12-20', by: colleague.id });
    expect(as(t, colleague.id, () => t.ok('me.tasks').extensionRequests)).toEqual([]);

    t.ok('demands.decideExtension', { id: d.id, approve: true });
    expect(t.ok('me.tasks').extensionRequests).toEqual([]);
  });
});
