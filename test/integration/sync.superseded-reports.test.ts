import { describe, expect, it } from 'vitest';
import { downgradeTo, type TestCore } from '../helpers';
import { moveInput } from './fixtures';
import { exchange, pair, shared, ship } from './syncPair';
import { oracleFigures } from './reports-oracle';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import { schemaVersion } from '../../src-main/store/db';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';

// A move that lost its place when two laptops moved a demand apart never applied: the period
// reports and the enterprise timeline read it as the replay does, on both laptops. The
// reports leave it out; the timeline shows it, marked.

const QUARTER = '2026Q4';
const SUPERSEDED_FLAGS = 11;

/**
 * The quarter's report on this laptop, its figures as the independent computation finds them
 * (as of the report's day: the quarter is not over).
 */
function quarterly(t: TestCore) {
  const report = t.ok('reports.quarterly', { quarter: QUARTER });
  expect(report.figures).toEqual(oracleFigures(t.core.store.db, QUARTER, {}, report.asOf));
  return { ...report.figures, workloadAtEnd: report.details.workloadAtEnd };
}

const supersededFlags = (t: TestCore, demandId: string) =>
  t.core.store.db
    .prepare(`SELECT "to", "superseded" FROM demand_history WHERE "demandId" = ? ORDER BY "at", "id"`)
    .all(demandId) as { to: string; superseded: number }[];

describe('reports and the timeline read a superseded move as the replay does', () => {
  it('a superseded close: the demand is open at the quarter end, not closed, on both laptops', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'answered');
    // A re-handles first; B closes a minute later: the close lost its place.
    a.ok('demands.transition', { id: d.id, to: 'in_progress', note: '重新办理' });
    b.ok('demands.transition', moveInput(d.id, 'closed', b.meId));
    exchange(a, b);
    for (const t of [a, b]) {
      expect(t.ok('demands.get', { id: d.id }).status).toBe('in_progress');
      const f = quarterly(t);
      expect(f.closed).toBe(0);
      expect(f.openAtEnd).toBe(1);
      expect(f.workloadAtEnd).toEqual({ in_progress: 1 });
    }
  });

  it('a superseded hold: the demand is answered at the quarter end, not on hold, on both laptops', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'in_progress');
    a.ok('demands.transition', { id: d.id, to: 'answered', note: '已答复' });
    b.ok('demands.transition', { id: d.id, to: 'on_hold', note: '等待检测机构' });
    exchange(a, b);
    for (const t of [a, b]) {
      expect(t.ok('demands.get', { id: d.id })).toMatchObject({ status: 'answered', onHoldDays: 0 });
      expect(quarterly(t).workloadAtEnd).toEqual({ answered: 1 });
    }
    // Closed later: its days to close count no day of the hold that never applied.
    a.clock.advanceDays(5);
    a.ok('demands.transition', moveInput(d.id, 'closed', a.meId));
    b.clock.ms = a.clock.ms + 60_000;
    ship(a, b);
    for (const t of [a, b]) {
      const f = quarterly(t);
      expect(f.closed).toBe(1);
      expect(f.workloadAtEnd).toEqual({ closed: 1 });
    }
  });

  it('the timeline shows the superseded move, marked, and the others unmarked', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'answered');
    a.ok('demands.transition', { id: d.id, to: 'in_progress', note: '重新办理' });
    b.ok('demands.transition', moveInput(d.id, 'closed', b.meId));
    exchange(a, b);
    for (const t of [a, b]) {
      const events = t
        .ok('enterprises.timeline', { id: d.enterpriseId! })
        .items.filter((i) => i.type === 'demand_event');
      expect(events.filter((e) => e.superseded).map((e) => e.status)).toEqual(['closed']);
      // assigned, in_progress, answered, then A's re-handling: shown as they applied.
      expect(events.filter((e) => e.superseded === false)).toHaveLength(4);
    }
  });

  it('a move that only seemed out of place is unmarked when the earlier file arrives', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'assigned');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    const first = a.ok('sync.export', {});
    a.ok('demands.transition', { id: d.id, to: 'answered', note: '已答复' });
    const second = a.ok('sync.export', {});
    b.ok('sync.import', { contentBase64: second.contentBase64! });
    expect(quarterly(b).workloadAtEnd).toEqual({ assigned: 1 });
    expect(supersededFlags(b, d.id).filter((h) => h.superseded)).toEqual([{ to: 'answered', superseded: 1 }]);
    b.ok('sync.import', { contentBase64: first.contentBase64! });
    expect(quarterly(b).workloadAtEnd).toEqual({ answered: 1 });
    expect(supersededFlags(b, d.id).every((h) => h.superseded === 0)).toBe(true);
  });

  it('the flag is local: it is never captured into the change log', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'answered');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.ok('demands.transition', moveInput(d.id, 'closed', b.meId));
    exchange(a, b);
    for (const t of [a, b]) {
      const captured = t.core.store.db
        .prepare(`SELECT count(*) FROM changes WHERE "tbl" = 'demand_history' AND "field" = 'superseded'`)
        .pluck()
        .get();
      expect(captured).toBe(0);
    }
  });
});

describe('migration 11: the superseded flag of existing history', () => {
  it('a schema-10 database with a superseded move opens with it flagged, its report as the replay says', () => {
    const { a, b } = pair();
    const d = shared(a, b, 'answered');
    a.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.ok('demands.transition', moveInput(d.id, 'closed', b.meId));
    exchange(a, b);
    b.core.store.close();
    downgradeTo(a.core, SUPERSEDED_FLAGS - 1);
    a.core.store.close();

    const again = openCore(a.path, { now: a.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      const flagged = again.store.db
        .prepare(`SELECT "to" FROM demand_history WHERE "demandId" = ? AND "superseded" = 1`)
        .pluck()
        .all(d.id);
      expect(flagged).toEqual(['closed']);
      const report = call(again, 'reports.quarterly', { quarter: QUARTER });
      expect(report).toMatchObject({ ok: true, result: { figures: { closed: 0, openAtEnd: 1 } } });
    } finally {
      again.store.close();
    }
  });
});
