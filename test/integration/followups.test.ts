import { describe, expect, it } from 'vitest';
import { makeCore, snapshot } from '../helpers';
import { DEMAND_STATUSES, SATISFACTIONS } from '@shared/domain/enums';
import { demandIn, makeDemand, moveInput } from './fixtures';

// makeCore's clock: 2026-11-23 12:00 in Shanghai.
const DONE = '2026-11-23T11:00:00+08:00';

const followup = (demandId: string, extra: Record<string, unknown> = {}) => ({
  parentType: 'demand' as const,
  parentId: demandId,
  channel: 'phone' as const,
  content: '电话回访',
  doneAt: DONE,
  ...extra,
});

describe('follow-ups and the demand workflow', () => {
  it.each(['answered', 'closed'] as const)(
    'a dissatisfied follow-up on an %s demand sends it back to in_progress',
    (status) => {
      // A staff member (not a supervisor) may trigger it: the system reopens, not the person.
      const t = makeCore({ role: 'staff' });
      const d = demandIn(t, status, { receivedAt: '2026-11-20' });
      const f = t.ok('followups.create', followup(d.id, { satisfaction: 'dissatisfied' }));
      expect(f).toMatchObject({ ownerStaffId: t.meId, satisfaction: 'dissatisfied' });
      const after = t.ok('demands.get', { id: d.id });
      expect(after.status).toBe('in_progress');
      expect(after.closedAt).toBeNull();
      expect(after.closureType).toBeNull();
      const last = after.history![after.history!.length - 1]!;
      expect(last).toMatchObject({ from: status, to: 'in_progress', by: t.meId });
      // Written into the record in the bureau's language, with no English gloss.
      expect(last.note).toBe('回访不满意，重新办理');
      // The follow-up is dated 11:00, before the last step (logged at 12:00): the reopening
      // cannot be dated before that step, so it takes the step's time.
      const prev = d.history![d.history!.length - 1]!.at;
      expect(Date.parse(prev)).toBeGreaterThan(Date.parse(DONE));
      expect(last.at).toBe(prev);
    },
  );

  it('the reopening is dated when the follow-up was done', () => {
    const t = makeCore();
    const d = makeDemand(t, { receivedAt: '2026-11-01' });
    (['assigned', 'in_progress', 'answered'] as const).forEach((to, i) =>
      t.ok('demands.transition', { ...moveInput(d.id, to, t.meId), at: `2026-11-0${i + 2}` }),
    );
    t.ok(
      'followups.create',
      followup(d.id, { satisfaction: 'dissatisfied', doneAt: '2026-11-10T15:00:00+08:00' }),
    );
    const h = t.ok('demands.get', { id: d.id }).history!;
    expect(h[h.length - 1]).toMatchObject({ to: 'in_progress', at: '2026-11-10T07:00:00.000Z' });
  });

  it.each(SATISFACTIONS.filter((s) => s !== 'dissatisfied'))(
    'a %s follow-up does not move the demand',
    (satisfaction) => {
      const t = makeCore();
      const answered = demandIn(t, 'answered');
      const closed = demandIn(t, 'closed');
      for (const d of [answered, closed]) {
        t.ok('followups.create', followup(d.id, { satisfaction }));
        expect(t.ok('demands.get', { id: d.id })).toEqual(d);
      }
    },
  );

  it.each(DEMAND_STATUSES.filter((s) => s !== 'answered' && s !== 'closed'))(
    'a dissatisfied follow-up on a %s demand does not move it',
    (status) => {
      const t = makeCore();
      const d = demandIn(t, status);
      t.ok('followups.create', followup(d.id, { satisfaction: 'dissatisfied' }));
      expect(t.ok('demands.get', { id: d.id })).toEqual(d);
    },
  );

  it('a planned (not yet done) dissatisfied follow-up does not move it', () => {
    const t = makeCore();
    const d = demandIn(t, 'answered');
    const f = t.ok(
      'followups.create',
      followup(d.id, { satisfaction: 'dissatisfied', doneAt: null, dueDate: '2026-11-30' }),
    );
    expect(t.ok('demands.get', { id: d.id }).status).toBe('answered');
    // Once it is done, it does.
    t.ok('followups.update', { id: f.id, doneAt: DONE });
    expect(t.ok('demands.get', { id: d.id }).status).toBe('in_progress');
  });

  it('updating a follow-up to dissatisfied reopens the demand once', () => {
    const t = makeCore();
    const d = demandIn(t, 'answered');
    const f = t.ok('followups.create', followup(d.id, { satisfaction: 'satisfied' }));
    expect(t.ok('demands.get', { id: d.id }).status).toBe('answered');

    t.ok('followups.update', { id: f.id, satisfaction: 'dissatisfied', result: '企业认为未解决' });
    const reopened = t.ok('demands.get', { id: d.id });
    expect(reopened.status).toBe('in_progress');
    const reopenings = () =>
      t
        .ok('demands.get', { id: d.id })
        .history!.filter((h) => h.from === 'answered' && h.to === 'in_progress');
    expect(reopenings()).toHaveLength(1);

    // Handled and answered again; further edits of the same dissatisfied follow-up do not reopen it.
    t.ok('demands.transition', { id: d.id, to: 'answered' });
    t.ok('followups.update', { id: f.id, result: '补充说明' });
    t.ok('followups.update', { id: f.id, satisfaction: 'dissatisfied', channel: 'onsite' });
    expect(t.ok('demands.get', { id: d.id }).status).toBe('answered');
    expect(reopenings()).toHaveLength(1);
  });

  it('moving a dissatisfied follow-up to another answered demand reopens that one', () => {
    const t = makeCore();
    const a = demandIn(t, 'in_progress');
    const b = demandIn(t, 'answered');
    const f = t.ok('followups.create', followup(a.id, { satisfaction: 'dissatisfied' }));
    expect(t.ok('demands.get', { id: a.id }).status).toBe('in_progress');
    t.ok('followups.update', { id: f.id, parentId: b.id });
    expect(t.ok('demands.get', { id: b.id }).status).toBe('in_progress');
  });

  it('a staff member closes on a satisfied follow-up done since the latest answer, not an earlier one', () => {
    const t = makeCore({ role: 'staff' });
    const d = demandIn(t, 'answered', { receivedAt: '2026-11-20' });
    t.ok(
      'followups.create',
      followup(d.id, { doneAt: '2026-11-23T12:00:00+08:00', satisfaction: 'satisfied' }),
    );
    // Answered again a day later: the satisfied follow-up now comes before the answer in force.
    t.clock.advanceDays(1);
    t.ok('demands.transition', moveInput(d.id, 'in_progress', t.meId));
    t.ok('demands.transition', moveInput(d.id, 'answered', t.meId));
    const close = {
      id: d.id,
      to: 'closed' as const,
      closureType: 'substantive' as const,
      resolution: '已解决',
    };
    const before = snapshot(t.core);
    expect(t.err('demands.transition', close)).toMatchObject({ code: 'FORBIDDEN', details: { field: 'to' } });
    expect(snapshot(t.core)).toEqual(before);
    t.ok(
      'followups.create',
      followup(d.id, { doneAt: new Date(t.clock.ms).toISOString(), satisfaction: 'satisfied' }),
    );
    expect(t.ok('demands.transition', close).status).toBe('closed');
  });

  it('refuses a follow-up done in the future or on a missing or deleted parent, changing nothing', () => {
    const t = makeCore();
    const d = demandIn(t, 'answered');
    const gone = makeDemand(t);
    t.ok('demands.delete', { id: gone.id });
    const before = snapshot(t.core);
    expect(
      t.err('followups.create', followup(d.id, { satisfaction: 'dissatisfied', doneAt: '2026-11-25' })),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'doneAt' } });
    expect(t.err('followups.create', followup('no-such-demand'))).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'parentId' },
    });
    expect(t.err('followups.create', followup(gone.id))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'parentId' },
    });
    expect(t.err('followups.create', followup(d.id, { parentType: 'visit' }))).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'parentId' },
    });
    expect(snapshot(t.core)).toEqual(before);
  });
});
