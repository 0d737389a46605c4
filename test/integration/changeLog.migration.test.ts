import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import { schemaVersion } from '../../src-main/store/db';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import {
  changeByStamp,
  changeLogWriter,
  logReader,
  newestStamp,
  type LogChange,
} from '../../src-main/store/changeLog';
import { downgradeTo, makeCore, tempDir } from '../helpers';
import { audits, editedDistrict, fullExport } from './logMigration';

// Migration 15 stores the change log compactly. A database whose log is in the old table gives
// the same audit trail (logAudits.ts) and the same full export once converted.

const COMPACT_LOG = 15;

/** The log's changes in seq order, in the columns of a sync file. */
const logRows = (core: Core) =>
  core.store.db
    .prepare(
      `SELECT "hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "seq"`,
    )
    .raw(true)
    .all();

describe('migration 15: the compact change log', () => {
  it('gives the same audit answers and the same full export as the log it converts', () => {
    const { a, path, seeded } = editedDistrict();

    // Compared at the schema that brought the compact log: later migrations add fields of their
    // own. Its changes as its view shows them (this version's export reads the log in runs,
    // migration 24; changeRuns.migration.test.ts compares exports across that one).
    downgradeTo(a.core, COMPACT_LOG);
    const compact = { audits: audits(a.core, seeded), changes: logRows(a.core) };
    downgradeTo(a.core, COMPACT_LOG - 1);
    expect(
      a.core.store.db.prepare(`SELECT "type" FROM sqlite_master WHERE "name" = 'changes'`).pluck().get(),
    ).toBe('table');
    // The old log: today's audit reads `changes` as it always did; an export of it was its rows
    // in seq order.
    const before = {
      audits: audits(a.core, seeded),
      changes: logRows(a.core),
    };
    expect(before.audits).toEqual(compact.audits);
    expect(before.changes).toEqual(compact.changes);
    a.core.store.close();

    const again = openCore(path, { now: a.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      expect(again.store.db.prepare(`SELECT count(*) FROM change_log`).pluck().get()).toBe(
        before.changes.length,
      );
      const after = { audits: audits(again, seeded), exported: fullExport(again) };
      expect(Object.keys(after.audits).length).toBeGreaterThan(700);
      expect(after.audits).toEqual(before.audits);
      expect(after.exported.changes).toEqual(before.changes);
    } finally {
      again.store.close();
    }
  }, 600_000);

  it('keeps every stamp exactly, odd ones too, whether the view or an import writes it', () => {
    const path = join(tempDir(), 'odd.db');
    const t = makeCore({ path });
    downgradeTo(t.core, COMPACT_LOG - 1);
    const odd: LogChange[] = [
      ['999999999999999-zzzzz-Node_with-dashes', 'd1', null, 'experts', 'x1', 'name', 'a', null],
      ['000000000000000-00000-n', 'd1', 's1', 'experts', 'x1', 'title', 1.5, 'not a stamp'],
      ['not a stamp either', 'd2', 's1', 'experts', 'x2', 'name', null, '001733270000000-0000a-n'],
      ['001733270000000-0000a-n', 'd2', null, 'visits', 'v1', 'summary', Buffer.from('bytes'), null],
    ];
    const insert = t.core.store.db.prepare(
      `INSERT INTO changes ("hlc","device","staff","tbl","rowId","field","value","prevHlc") VALUES (?,?,?,?,?,?,?,?)`,
    );
    for (const c of odd) insert.run(c);
    const rows = (core: Core) =>
      core.store.db
        .prepare(
          `SELECT "seq","hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "seq"`,
        )
        .raw(true)
        .all();
    const before = rows(t.core);
    const newest = t.core.store.db.prepare(`SELECT max("hlc") FROM changes`).pluck().get();
    t.core.store.close();

    const again = openCore(path, { now: t.clock.now });
    try {
      expect(rows(again)).toEqual(before);
      const db = again.store.db;
      expect(newestStamp(db)).toBe(newest);
      for (const c of odd) expect(changeByStamp(db)(c[0])).toEqual(c);
      // The same changes appended by an import (in JS) read the same as through the view.
      const reader = logReader(db);
      db.prepare(`DELETE FROM changes WHERE "device" IN ('d1', 'd2')`).run();
      const size = db.prepare(`SELECT max("seq") FROM change_log`).pluck().get() as number;
      const log = changeLogWriter(db);
      expect(odd.map((c) => log.add(c))).toEqual([true, true, true, true]);
      expect(log.add(odd[0]!)).toBe(false);
      const appended = reader.range(size, Number.MAX_SAFE_INTEGER, 100).map((r) => r.change);
      expect(appended).toEqual(odd);
      expect(
        rows(again)
          .slice(-odd.length)
          .map((r) => (r as unknown[]).slice(1)),
      ).toEqual(odd);
    } finally {
      again.store.close();
    }
  });
});
