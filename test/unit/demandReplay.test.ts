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
});
