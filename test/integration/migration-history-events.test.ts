import { describe, expect, it } from 'vitest';
import { downgradeTo, makeCore, snapshot } from '../helpers';
import { schemaVersion } from '../../src-main/store/db';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { openCore } from '../../src-main/open';
import { eventsOf } from '../../src-main/features/demands/replay';
import { DERIVED_DEMAND_FIELDS, replayDemand } from '../../src-shared/domain/demandReplay';
import { demandIn, makeDemand, moveInput } from './fixtures';
import type { DemandStatus } from '../../src-shared/domain/enums';

const HISTORY_EVENTS = 8;

interface HistoryRow {
  demandId: string;
  from: string | null;
  to: string;
  at: string;
}
/** When a demand's history first moved it to answered, or null. */
const firstAnswered = (history: HistoryRow[], demandId: string): string | null =>
  history
    .filter((h) => h.demandId === demandId && h.to === 'answered' && h.from !== 'answered')
    .map((h) => h.at)
    .sort()[0] ?? null;

describe('migration 8: history rows become events', () => {
  it('a schema-7 database opens with every demand as it was, and its replay agrees', () => {
    const t = makeCore();
    const statuses: DemandStatus[] = [
      'pending',
      'assigned',
      'in_progress',
      'on_hold',
      'answered',
      'closed',
      'rejected',
    ];
    const ids = statuses.map((s) => demandIn(t, s, { receivedAt: '2026-11-01T09:00:00+08:00' }).id);
    const other = t.ok('staff.create', { name: '郑十', role: 'staff' });
    // Closed, then reopened; held, then resumed (days on hold moved its due date); reassigned.
    const reopened = demandIn(t, 'closed', { receivedAt: '2026-11-01T09:00:00+08:00' }).id;
    t.ok('demands.transition', { id: reopened, to: 'in_progress', note: '企业不满意，重新办理' });
    const resumed = makeDemand(t, { receivedAt: '2026-11-01T09:00:00+08:00', complex: true }).id;
    for (const [to, at] of [
      ['assigned', '2026-11-02'],
      ['in_progress', '2026-11-03'],
      ['on_hold', '2026-11-10'],
      ['in_progress', '2026-11-14'],
    ] as const) {
      t.ok('demands.transition', { ...moveInput(resumed, to, t.meId), at: `${at}T10:00:00+08:00` });
    }
    t.ok('demands.transition', moveInput(resumed, 'answered', t.meId));
    const reassigned = demandIn(t, 'in_progress').id;
    t.ok('demands.reassign', { ids: [reassigned], assigneeStaffId: other.id });
    const fresh = makeDemand(t, { dueDate: '2026-12-24' }).id;
    ids.push(reopened, resumed, reassigned, fresh);

    // As version 7 left it: history rows without type and data, and a reopened demand that
    // kept its resolution.
    const db = t.core.store.db;
    db.exec(`DROP TRIGGER capture_demands_update`);
    db.prepare(`UPDATE demands SET "resolution" = '已协调解决' WHERE "id" = ?`).run(reopened);
    downgradeTo(t.core, HISTORY_EVENTS - 1);
    expect(schemaVersion(db)).toBe(HISTORY_EVENTS - 1);
    const before = snapshot(t.core);
    t.core.store.close();

    const again = openCore(t.path, { now: t.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      const after = snapshot(again);
      // leadUnitId, coUnitIds (migration 12), extension, supervision (migration 13): null on these demands.
      expect(after.demands).toEqual(
        (before.demands as object[]).map((d) => ({
          ...d,
          leadUnitId: null,
          coUnitIds: null,
          extension: null,
          supervision: null,
          deletedKnew: null, // migration 14
          // Migration 16: no first-reply date; replied at the first move to answered.
          firstReplyDue: null,
          firstRepliedAt: firstAnswered(before.demand_history as HistoryRow[], (d as { id: string }).id),
          sourceActivityId: null, // migration 17
        })),
      );
      expect(after.changes).toEqual(before.changes);
      expect(after.demand_history).toEqual(
        // superseded: the local flag of migration 11 (no move of these lost its place).
        (before.demand_history as object[]).map((h) => ({
          ...h,
          type: null,
          data: null,
          superseded: 0,
          deletedKnew: null,
        })),
      );
      const events = eventsOf(again.store, ids);
      for (const row of after.demands as Record<string, unknown>[]) {
        const replay = replayDemand(events.get(row.id as string) ?? [], row);
        expect(replay, `demand ${String(row.id)}`).not.toBeNull();
        expect(replay!.superseded.size).toBe(0);
        expect(replay!.derived).toEqual(Object.fromEntries(DERIVED_DEMAND_FIELDS.map((f) => [f, row[f]])));
      }
      const statusOf = (id: string) =>
        (after.demands as { id: string; status: string }[]).find((d) => d.id === id)?.status;
      expect(ids.map(statusOf)).toEqual([...statuses, 'in_progress', 'answered', 'in_progress', 'pending']);
    } finally {
      again.store.close();
    }
  });
});
