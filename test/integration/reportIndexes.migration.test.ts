import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import type { Core } from '../../src-main/core';
import { schemaVersion } from '../../src-main/store/db';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { downgradeTo, makeCore, recordTables, tablesOf, tempDir } from '../helpers';
import { demoDistrictAt, SEED_TEST_DISTRICT } from '../district';

// Migration 25 redefines the report's covering indexes of demands (with the lead unit and the
// first reply's dates) and of enterprises (with their tiers), and adds an index of the demand
// history by event type. It changes no data: a schema-24 district opens with every record as it
// was, the indexes as defined now, and the same summaries.

const BEFORE = 24;

const indexSql = (core: Core, name: string) =>
  core.store.db
    .prepare(`SELECT "sql" FROM sqlite_master WHERE "type" = 'index' AND "name" = ?`)
    .pluck()
    .get(name) as string | undefined;

function summaries(core: Core) {
  const unit = core.store.db
    .prepare(
      `SELECT "leadUnitId" FROM demands WHERE "leadUnitId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1`,
    )
    .pluck()
    .get() as string;
  const inputs = [{ period: '2026' }, { period: '2026-11' }, { period: '2026Q3', unitId: unit }];
  return inputs.map((input) => {
    const r = call(core, 'reports.summary', input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.result;
  });
}

describe('migration 25: the report indexes', () => {
  it('a schema-24 district opens with every record and summary as they were, and the new indexes', () => {
    // The run's demo district (seeded once, test/district.ts), copied.
    const path = join(tempDir(), 'demo.db');
    demoDistrictAt(path, SEED_TEST_DISTRICT);
    const t = makeCore({ path, now: SEED_TEST_DISTRICT.now });
    downgradeTo(t.core, BEFORE);
    expect(schemaVersion(t.core.store.db)).toBe(BEFORE);
    expect(indexSql(t.core, 'demand_history_by_type')).toBeUndefined();
    expect(indexSql(t.core, 'demands_report')).not.toContain('leadUnitId');
    expect(indexSql(t.core, 'enterprises_report')).not.toContain('tiers');
    const before = { records: recordTables(t.core), summaries: summaries(t.core) };
    expect(before.records.demands!.length).toBeGreaterThan(100);
    t.core.store.close();

    const again = openCore(t.path, { now: t.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      expect(indexSql(again, 'demands_report')).toContain('"leadUnitId", "firstReplyDue", "firstRepliedAt"');
      expect(indexSql(again, 'demands_report_status')).toContain('"leadUnitId"');
      expect(indexSql(again, 'enterprises_report')).toContain('"tiers"');
      expect(indexSql(again, 'demand_history_by_type')).toContain('("type", "demandId", "at"');
      expect(tablesOf(recordTables(again), before.records)).toEqual(before.records);
      expect(summaries(again)).toEqual(before.summaries);
      expect(again.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.store.close();
    }
  });
});
