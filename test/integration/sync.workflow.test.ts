import { msg, sayZh } from '@shared/messages';
import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { derived, exchange, pair, shared, ship } from './syncPair';
import { demandIn, makeDemand, moveInput, type Demand } from './fixtures';
import { DERIVED_DEMAND_FIELDS } from '../../src-shared/domain/demandReplay';

// A demand's state is its history (DOMAIN.md, "Sync"): two laptops that move the same demand
// apart end with the same legal state, replayed from the merged history; the move that lost
// its place is kept, marked superseded, and listed as a workflow conflict.

/** What must hold after any merge, checked on one laptop. */
function assertLegal(d: Demand) {
  const closed = d.status === 'closed';
  expect(d.closedAt !== null && d.closedAt !== undefined).toBe(closed);
  expect(d.closureType !== null && d.closureType !== undefined).toBe(closed);
  expect(d.resolution !== null && d.resolution !== undefined).toBe(closed);
  expect(d.holdSince !== null && d.holdSince !== undefined).toBe(d.status === 'on_hold');
  // The history, superseded moves apart, is a legal path ending in the demand's status.
  const moves = (d.history ?? []).filter((h) => h.type === 'transition' && !h.superseded);
  expect(moves[moves.length - 1]?.to).toBe(d.status);
}

function bothAgree(a: TestCore, b: TestCore, id: string): Demand {
  const da = a.ok('demands.get', { id });
  const db = b.ok('demands.get', { id });
  expect(derived(db)).toEqual(derived(da));
  expect(db.history).toEqual(da.history);
  assertLegal(da);
  return da;
}

const workflowConflicts = (t: TestCore) =>
  t.ok('conflicts.list', {}).rows.filter((c) => c.type === 'workflow');
const derivedFieldConflicts = (t: TestCore) =>
  t
    .ok('conflicts.list', { includeResolved: true })
    .rows.filter(
      (c) => c.kind === 'demands' && (DERIVED_DEMAND_FIELDS as readonly string[]).includes(c.field),
    )
    .filter((c) => c.type === 'field');

describe('concurrent workflow moves of one demand on two laptops', () => {
  it('close vs re-handling: closed, closure kept, the re-handling superseded and listed', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'answered');
    a.ok('demands.transition', moveInput(d.id, 'closed', a.meId));
    b.ok('demands.transition', { id: d.id, to: 'in_progress', note: '企业不满意' });
    exchange(a, b);
    const merged = bothAgree(a, b, d.id);
    expect(merged).toMatchObject({ status: 'closed', closureType: 'substantive', resolution: '已协调解决' });
    const lost = merged.history!.filter((h) => h.superseded);
    expect(lost).toMatchObject([{ from: 'answered', to: 'in_progress', note: '企业不满意' }]);
    for (const t of [a, b]) {
      expect(workflowConflicts(t)).toMatchObject([
        {
          kind: 'demands',
          recordId: d.id,
          field: 'status',
          winner: { value: 'closed' },
          loser: { value: 'in_progress' },
          detail: {
            demandId: d.id,
            winner: { from: 'answered', to: 'closed', by: a.meId },
            loser: {
              eventId: lost[0]!.id,
              from: 'answered',
              to: 'in_progress',
              by: b.meId,
              note: '企业不满意',
            },
          },
        },
      ]);
      expect(derivedFieldConflicts(t)).toEqual([]);
    }
  });

  it('a reopen racing a later close of the same answer: one legal state, closure iff closed', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'answered');
    // A re-handles first, B closes a minute later: the close lost its place.
    a.ok('demands.transition', { id: d.id, to: 'in_progress', note: '重新办理' });
    b.ok('demands.transition', moveInput(d.id, 'closed', b.meId));
    exchange(a, b);
    const merged = bothAgree(a, b, d.id);
    expect(merged).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      closureType: null,
      resolution: null,
    });
    expect(merged.history!.filter((h) => h.superseded)).toMatchObject([{ from: 'answered', to: 'closed' }]);
  });

  it('close vs reject: a demand closed on one laptop and rejected on the other has no stray closure', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'pending');
    for (const to of ['assigned', 'in_progress', 'answered', 'closed'] as const) {
      a.ok('demands.transition', moveInput(d.id, to, a.meId));
    }
    b.ok('demands.transition', { id: d.id, to: 'rejected', note: '不属于本局职责' });
    exchange(a, b);
    const merged = bothAgree(a, b, d.id);
    expect(merged.status).toBe('closed');
    expect(merged.history!.filter((h) => h.superseded)).toMatchObject([{ from: 'pending', to: 'rejected' }]);

    // The other way round: the rejection first, the whole handling after it lost its place.
    const e = shared(a, b, 'pending');
    b.ok('demands.transition', { id: e.id, to: 'rejected', note: '不属于本局职责' });
    a.clock.ms = b.clock.ms + 120_000;
    for (const to of ['assigned', 'in_progress', 'answered', 'closed'] as const) {
      a.ok('demands.transition', moveInput(e.id, to, a.meId));
    }
    exchange(a, b);
    const rejected = bothAgree(a, b, e.id);
    expect(rejected).toMatchObject({
      status: 'rejected',
      closedAt: null,
      closureType: null,
      resolution: null,
    });
  });

  it('hold vs answer: on hold, the hold kept, and its days move the due date on both laptops', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'in_progress');
    expect(d.dueDate).toBe('2026-11-30');
    a.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待检测机构' });
    b.ok('demands.transition', { id: d.id, to: 'answered', note: '已答复' });
    exchange(a, b);
    const held = bothAgree(a, b, d.id);
    expect(held).toMatchObject({ status: 'on_hold', holdSince: new Date(a.clock.ms).toISOString() });
    expect(held.history!.filter((h) => h.superseded)).toMatchObject([
      { from: 'in_progress', to: 'answered' },
    ]);

    a.clock.advanceDays(3);
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.clock.ms = a.clock.ms + 60_000;
    ship(a, b);
    const resumed = bothAgree(a, b, d.id);
    expect(resumed).toMatchObject({
      status: 'in_progress',
      holdSince: null,
      onHoldDays: 3,
      dueDate: '2026-12-03',
    });
  });

  it('two moves out of the same state: one stays, the other is superseded and listed once', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'assigned');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.ok('demands.transition', { id: d.id, to: 'pending', note: '退回重新分派' });
    const { ab, ba } = exchange(a, b);
    expect(ab.conflicts).toBe(1);
    expect(ba.conflicts).toBe(1);
    const merged = bothAgree(a, b, d.id);
    expect(merged.status).toBe('in_progress');
    const out = merged.history!.filter((h) => h.from === 'assigned');
    expect(out.map((h) => [h.to, h.superseded])).toEqual([
      ['in_progress', false],
      ['pending', true],
    ]);
    expect(workflowConflicts(a)).toHaveLength(1);
    expect(workflowConflicts(b)).toHaveLength(1);
  });

  it('files arriving out of order: a move that only seemed out of place finds it again, its conflict dropped', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'assigned');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    const first = a.ok('sync.export', {});
    a.ok('demands.transition', { id: d.id, to: 'answered', note: '已答复' });
    const second = a.ok('sync.export', {});
    b.ok('sync.import', { contentBase64: second.contentBase64! });
    expect(b.ok('demands.get', { id: d.id }).status).toBe('assigned');
    expect(workflowConflicts(b)).toHaveLength(1);
    b.ok('sync.import', { contentBase64: first.contentBase64! });
    expect(workflowConflicts(b)).toEqual([]);
    const merged = bothAgree(a, b, d.id);
    expect(merged.status).toBe('answered');
    expect(merged.history!.some((h) => h.superseded)).toBe(false);
  });

  it('re-importing the same files adds nothing: no second conflict, the same state', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'assigned');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.ok('demands.transition', { id: d.id, to: 'pending', note: '退回重新分派' });
    const fromB = b.ok('sync.export', {});
    expect(a.ok('sync.import', { contentBase64: fromB.contentBase64! }).conflicts).toBe(1);
    const before = a.ok('demands.get', { id: d.id });
    const again = a.ok('sync.import', { contentBase64: fromB.contentBase64! });
    expect(again.newChanges).toBe(0);
    expect(again.conflicts).toBe(0);
    expect(a.ok('demands.get', { id: d.id })).toEqual(before);
    expect(workflowConflicts(a)).toHaveLength(1);
    // Dismissed, it stays dismissed when the file comes again.
    a.ok('conflicts.resolve', { id: workflowConflicts(a)[0]!.id, keep: 'winner' });
    expect(a.ok('sync.import', { contentBase64: fromB.contentBase64! }).conflicts).toBe(0);
    expect(workflowConflicts(a)).toEqual([]);
    expect(a.ok('demands.get', { id: d.id }).status).toBe('in_progress');
  });
});

describe('resolving a workflow conflict goes through the workflow', () => {
  it('keeping the superseded move redoes it from the current status, with role checks and a history entry', () => {
    const { a, b } = pair({ b: 'staff' });
    const d = shared(a, b, 'answered');
    a.ok('demands.transition', moveInput(d.id, 'closed', a.meId));
    b.ok('demands.transition', { id: d.id, to: 'in_progress', note: '企业不满意' });
    exchange(a, b);

    // A staff member cannot reopen a closed demand, not even by keeping the lost move.
    const [onB] = workflowConflicts(b);
    expect(b.err('conflicts.resolve', { id: onB!.id, keep: 'loser' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(b.ok('demands.get', { id: d.id }).status).toBe('closed');
    expect(workflowConflicts(b)).toHaveLength(1);

    // A supervisor can: a new move closed → in_progress, by them, with the lost move's note.
    const [onA] = workflowConflicts(a);
    a.clock.ms = b.clock.ms + 60_000;
    const resolved = a.ok('conflicts.resolve', { id: onA!.id, keep: 'loser' });
    expect(resolved).toMatchObject({ type: 'workflow', resolution: 'loser' });
    expect(resolved.resolvedAt).not.toBeNull();
    const reopened = a.ok('demands.get', { id: d.id });
    expect(reopened).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      closureType: null,
      resolution: null,
    });
    expect(reopened.history!.at(-1)).toMatchObject({
      from: 'closed',
      to: 'in_progress',
      by: a.meId,
      note: '企业不满意',
      superseded: false,
    });
    expect(workflowConflicts(a)).toEqual([]);
    ship(a, b);
    bothAgree(a, b, d.id);

    // Dismissing the one on B leaves the demand as it is.
    b.ok('conflicts.resolve', { id: onB!.id, keep: 'winner' });
    expect(workflowConflicts(b)).toEqual([]);
    expect(b.ok('demands.get', { id: d.id }).status).toBe('in_progress');
  });

  it('redoing a hold an older version made without a note says so, since a hold needs one now', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'in_progress');
    a.ok('demands.transition', { id: d.id, to: 'answered' });
    b.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待检测报告' });
    ship(b, a);
    const [c] = workflowConflicts(a);
    // Versions before the rule took a hold without a note: its event arrived as such.
    a.core.store.db.prepare(`UPDATE demand_history SET "note" = NULL WHERE "to" = 'on_hold'`).run();
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    a.clock.ms += 60_000;
    a.ok('conflicts.resolve', { id: c!.id, keep: 'loser' });
    const held = a.ok('demands.get', { id: d.id });
    expect(held.status).toBe('on_hold');
    expect(held.history!.at(-1)).toMatchObject({ to: 'on_hold', note: sayZh(msg('note.redoneWithoutNote')) });
  });

  it('a move the workflow does not allow from the current status is refused with its message', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'assigned');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.ok('demands.transition', { id: d.id, to: 'pending', note: '退回重新分派' });
    ship(b, a);
    const [c] = workflowConflicts(a);
    const e = a.err('conflicts.resolve', { id: c!.id, keep: 'loser' });
    expect(e).toMatchObject({ code: 'WORKFLOW' });
    expect(e.message).toMatch(/cannot move a demand from 'in_progress' to 'pending'/);
    expect(workflowConflicts(a)).toHaveLength(1);
  });
});

describe('the due date is the history’s too', () => {
  it('demands.update refuses a due date change after creation, on the field dueDate', () => {
    const t = makeCore();
    const d = makeDemand(t);
    const e = t.err('demands.update', { id: d.id, dueDate: '2026-12-31' });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'dueDate' } });
    expect(t.ok('demands.get', { id: d.id }).dueDate).toBe(d.dueDate);
    // Sending the same date with other edits is no change.
    expect(t.ok('demands.update', { id: d.id, dueDate: d.dueDate!, title: '新标题' }).title).toBe('新标题');
  });

  it('switching to complex records an event, and the moved due date syncs through it', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'in_progress');
    const updated = a.ok('demands.update', { id: d.id, complex: true });
    expect(updated.dueDate).toBe('2026-12-23');
    expect(updated.history!.at(-1)).toMatchObject({
      type: 'due_date_set',
      from: 'in_progress',
      to: 'in_progress',
    });
    ship(a, b);
    bothAgree(a, b, d.id);
  });
});

describe('a field conflict on a demand status kept from an earlier version', () => {
  it('is never resolved by writing the raw status: a staff member cannot reopen that way', () => {
    const t = makeCore({ role: 'staff' });
    const d = demandIn(t, 'closed');
    // As an earlier version recorded it: the status B had set lost to A's close, per field.
    t.core.store.db
      .prepare(
        `INSERT INTO conflicts ("id","detectedAt","tbl","rowId","field","winnerHlc","winnerValue","loserHlc","loserValue")
         VALUES ('c1', '2026-11-20T00:00:00Z', 'demands', ?, 'status', '001763600000000-00000-laptop-a', 'closed', '001763500000000-00000-laptop-b', 'in_progress')`,
      )
      .run(d.id);
    const before = t.ok('demands.get', { id: d.id });
    const err = t.err('conflicts.resolve', { id: 'c1', keep: 'loser' });
    expect(err.code).toBe('WORKFLOW');
    expect(err.message).toMatch(/workflow/);
    expect(t.ok('demands.get', { id: d.id })).toEqual(before);
    // Keeping what the demand shows closes the conflict.
    expect(t.ok('conflicts.resolve', { id: 'c1', keep: 'winner' }).resolution).toBe('winner');
  });
});
