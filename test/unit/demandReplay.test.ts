import { describe, expect, it } from 'vitest';
import { replayDemand, type HistoryEvent } from '../../src-shared/domain/demandReplay';

// Stamps sort as clock stamps do; `at` is when the move happened (Shanghai noon of a day).
let seq = 0;
function ev(
  from: HistoryEvent['from'],
  to: HistoryEvent['to'],
  day: string,
  extra: Partial<HistoryEvent> = {},
): HistoryEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(3, '0')}`,
    stamp: `00000000000${String(seq).padStart(4, '0')}-00000-dev`,
    type: 'transition',
    at: `${day}T12:00:00+08:00`,
    from,
    to,
    data: null,
    ...extra,
  };
}
const created = (day: string, dueDate: string) => ev(null, 'pending', day, { data: { dueDate } });
const closing = { data: { closureType: 'substantive' as const, resolution: '已解决' } };
const NO_ROW = {};

describe('replayDemand', () => {
  it('follows the moves: closure iff closed, hold iff on hold, due date moved by hold days', () => {
    const events = [
      created('2026-11-01', '2026-11-08'),
      ev('pending', 'assigned', '2026-11-01'),
      ev('assigned', 'in_progress', '2026-11-02'),
      ev('in_progress', 'on_hold', '2026-11-03'),
      ev('on_hold', 'in_progress', '2026-11-07'),
      ev('in_progress', 'answered', '2026-11-08'),
      ev('answered', 'closed', '2026-11-09', closing),
    ];
    const r = replayDemand(events, NO_ROW)!;
    expect(r.superseded.size).toBe(0);
    expect(r.derived).toEqual({
      status: 'closed',
      closedAt: '2026-11-09T12:00:00+08:00',
      closureType: 'substantive',
      resolution: '已解决',
      holdSince: null,
      onHoldDays: 4,
      dueDate: '2026-11-12',
      extension: null,
      supervision: null,
      firstReplyDue: null,
      firstRepliedAt: '2026-11-08T12:00:00+08:00',
    });
    // A reopen clears the whole closure (its text stays in the closing event).
    const reopened = replayDemand([...events, ev('closed', 'in_progress', '2026-11-10')], NO_ROW)!;
    expect(reopened.derived).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      closureType: null,
      resolution: null,
    });
    // On hold: the hold is recorded, its days not yet added.
    const held = replayDemand(events.slice(0, 4), NO_ROW)!;
    expect(held.derived).toMatchObject({
      status: 'on_hold',
      holdSince: '2026-11-03T12:00:00+08:00',
      dueDate: '2026-11-08',
    });
  });

  it('replays by stamp, whatever order the events come in, and marks the move that lost its place', () => {
    const base = [created('2026-11-01', '2026-11-08'), ev('pending', 'assigned', '2026-11-01')];
    const first = ev('assigned', 'in_progress', '2026-11-02');
    const second = ev('assigned', 'pending', '2026-11-02', { data: null });
    const r = replayDemand([second, ...base.reverse(), first], NO_ROW)!;
    expect(r.derived.status).toBe('in_progress');
    expect([...r.superseded]).toEqual([[second.id, first.id]]);
    // Equal stamps: the id decides.
    const tie = { ...second, stamp: first.stamp, id: 'e000' };
    expect([...replayDemand([...base, first, tie], NO_ROW)!.superseded.keys()]).toEqual([first.id]);
  });

  it('supersedes moves the workflow does not allow and a second creation', () => {
    const c = created('2026-11-01', '2026-11-08');
    const bad = ev('pending', 'closed', '2026-11-02', closing);
    const again = created('2026-11-02', '2026-11-09');
    const r = replayDemand([c, bad, again], NO_ROW)!;
    expect(r.derived).toMatchObject({ status: 'pending', closedAt: null, dueDate: '2026-11-08' });
    expect([...r.superseded.keys()]).toEqual([bad.id, again.id]);
  });

  it('ignores notes and unknown event types, and applies a due date switch', () => {
    const events = [
      created('2026-11-01', '2026-11-08'),
      ev('pending', 'pending', '2026-11-01', { type: 'reassigned' }),
      ev('pending', 'pending', '2026-11-01', { type: 'urged_by_a_newer_version' }),
      ev('pending', 'pending', '2026-11-01', { type: 'due_date_set', data: { dueDate: '2026-12-01' } }),
    ];
    const r = replayDemand(events, NO_ROW)!;
    expect(r.superseded.size).toBe(0);
    expect(r.derived).toMatchObject({ status: 'pending', dueDate: '2026-12-01' });
  });

  it('reads events written before types and data from the demand row', () => {
    const legacy = (from: HistoryEvent['from'], to: HistoryEvent['to'], day: string) =>
      ev(from, to, day, { type: null, data: null });
    const events = [
      legacy(null, 'pending', '2026-11-01'),
      legacy('pending', 'assigned', '2026-11-01'),
      legacy('assigned', 'assigned', '2026-11-01'), // a reassignment note
      legacy('assigned', 'in_progress', '2026-11-01'),
      legacy('in_progress', 'on_hold', '2026-11-02'),
      legacy('on_hold', 'in_progress', '2026-11-04'),
      legacy('in_progress', 'answered', '2026-11-05'),
      legacy('answered', 'closed', '2026-11-06'),
    ];
    const row = {
      dueDate: '2026-11-10',
      onHoldDays: 2,
      closureType: 'partial' as const,
      resolution: '部分解决',
    };
    const r = replayDemand(events, row)!;
    expect(r.superseded.size).toBe(0);
    expect(r.derived).toEqual({
      status: 'closed',
      closedAt: '2026-11-06T12:00:00+08:00',
      closureType: 'partial',
      resolution: '部分解决',
      holdSince: null,
      onHoldDays: 2,
      dueDate: '2026-11-10',
      extension: null,
      supervision: null,
      firstReplyDue: null,
      firstRepliedAt: '2026-11-05T12:00:00+08:00',
    });
  });

  it('a reopen written before types keeps the resolution, as that version did; a new one clears it', () => {
    const events = [
      ev(null, 'pending', '2026-11-01', { type: null }),
      ev('pending', 'assigned', '2026-11-01', { type: null }),
      ev('assigned', 'in_progress', '2026-11-01', { type: null }),
      ev('in_progress', 'answered', '2026-11-02', { type: null }),
      ev('answered', 'closed', '2026-11-03', { type: null }),
    ];
    const row = { dueDate: '2026-11-08', onHoldDays: 0, closureType: null, resolution: '已解决' };
    const legacyReopen = ev('closed', 'in_progress', '2026-11-04', { type: null });
    expect(replayDemand([...events, legacyReopen], row)!.derived).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      closureType: null,
      resolution: '已解决',
    });
    const reopen = ev('closed', 'in_progress', '2026-11-04');
    expect(replayDemand([...events, reopen], row)!.derived.resolution).toBeNull();
  });

  it('gives nothing until the creation has arrived', () => {
    expect(replayDemand([], NO_ROW)).toBeNull();
    expect(replayDemand([ev('pending', 'assigned', '2026-11-01')], NO_ROW)).toBeNull();
  });

  it('keeps a pending extension; an approval moves the due date, never after the demand ended', () => {
    const request = (day: string, dueDate: string) =>
      ev('in_progress', 'in_progress', day, {
        type: 'extension_requested',
        by: 'staff-1',
        data: { extension: { dueDate, reason: '等待' } },
      });
    const decide = (day: string, approve: boolean) =>
      ev('in_progress', 'in_progress', day, { type: 'extension_decided', data: { approve } });
    const base = [
      created('2026-11-01', '2026-11-08'),
      ev('pending', 'assigned', '2026-11-01'),
      ev('assigned', 'in_progress', '2026-11-02'),
    ];
    const asked = request('2026-11-03', '2026-11-20');
    const pending = replayDemand([...base, asked], NO_ROW)!;
    expect(pending.derived.extension).toEqual({
      dueDate: '2026-11-20',
      reason: '等待',
      by: 'staff-1',
      at: asked.at,
    });
    expect(pending.derived.dueDate).toBe('2026-11-08');

    const approved = replayDemand([...base, asked, decide('2026-11-04', true)], NO_ROW)!;
    expect(approved.derived).toMatchObject({ dueDate: '2026-11-20', extension: null });
    const refused = replayDemand([...base, asked, decide('2026-11-04', false)], NO_ROW)!;
    expect(refused.derived).toMatchObject({ dueDate: '2026-11-08', extension: null });

    // A second request while one is pending, a decision with none pending: superseded.
    const second = request('2026-11-04', '2026-11-30');
    const decided = decide('2026-11-05', true);
    const lonely = decide('2026-11-06', true);
    const r = replayDemand([...base, asked, second, decided, lonely], NO_ROW)!;
    expect(r.derived.dueDate).toBe('2026-11-20');
    expect([...r.superseded.keys()].sort()).toEqual([second.id, lonely.id].sort());

    // The demand closed before the decision came: its deadline stays.
    const closedFirst = [
      ...base,
      asked,
      ev('in_progress', 'answered', '2026-11-05'),
      ev('answered', 'closed', '2026-11-06', closing),
    ];
    const late = decide('2026-11-07', true);
    const c = replayDemand([...closedFirst, late], NO_ROW)!;
    expect(c.derived).toMatchObject({ status: 'closed', dueDate: '2026-11-08', extension: null });
    expect(c.superseded.has(late.id)).toBe(true);
  });

  it('keeps the latest supervision of an open demand', () => {
    const base = [created('2026-11-01', '2026-11-08'), ev('pending', 'assigned', '2026-11-01')];
    const supervised = ev('assigned', 'assigned', '2026-11-02', {
      type: 'supervised',
      by: 'boss',
      note: '督办',
      data: { level: 'district' },
    });
    const r = replayDemand([...base, supervised], NO_ROW)!;
    expect(r.derived.supervision).toEqual({
      level: 'district',
      since: supervised.at,
      by: 'boss',
      note: '督办',
    });
    const urged = ev('assigned', 'assigned', '2026-11-03', { type: 'urged', note: '催办' });
    expect(replayDemand([...base, supervised, urged], NO_ROW)!.superseded.size).toBe(0);
  });

  it('keeps the first reply: the earliest reply or answer, its date moved by holds before it', () => {
    const created = ev(null, 'pending', '2026-11-02', {
      data: { dueDate: '2026-11-09', firstReplyDue: '2026-11-05' },
    });
    const reply = (day: string) =>
      ev('in_progress', 'in_progress', day, { type: 'reply', note: '阶段性答复' });
    const base = [
      created,
      ev('pending', 'assigned', '2026-11-02'),
      ev('assigned', 'in_progress', '2026-11-02'),
      ev('in_progress', 'on_hold', '2026-11-03'),
      ev('on_hold', 'in_progress', '2026-11-06'),
    ];
    expect(replayDemand(base, NO_ROW)!.derived).toMatchObject({
      dueDate: '2026-11-12',
      // Three working days on hold (Wednesday to Friday) move the first reply by three.
      firstReplyDue: '2026-11-10',
      firstRepliedAt: null,
    });
    // Replied before the hold: the hold moves the due date only.
    const early = replayDemand([...base.slice(0, 3), reply('2026-11-02'), ...base.slice(3)], NO_ROW)!;
    expect(early.derived).toMatchObject({
      firstReplyDue: '2026-11-05',
      firstRepliedAt: '2026-11-02T12:00:00+08:00',
    });
    // A later reply, and an answer, leave the first; a reply stamped late but made earlier wins.
    const answered = ev('in_progress', 'answered', '2026-11-07');
    const late = replayDemand([...base, answered, reply('2026-11-08')], NO_ROW)!;
    expect(late.derived.firstRepliedAt).toBe('2026-11-07T12:00:00+08:00');
    const backdated = { ...reply('2026-11-06'), at: '2026-11-06T09:00:00+08:00' };
    expect(replayDemand([...base, answered, backdated], NO_ROW)!.derived.firstRepliedAt).toBe(
      '2026-11-06T09:00:00+08:00',
    );
    expect(late.superseded.size).toBe(0);
  });
});
