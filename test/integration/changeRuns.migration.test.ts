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
import { downgradeTo, makeCore, recordTables, tablesOf, tempDir } from '../helpers';
import { audits, editedDistrict, fullExport } from './logMigration';

// Migration 24 stores the change log in runs (a write's shared columns once). A database whose
// log has one row per change gives the same rows, audit trail, export and newest stamp once
// converted, and a log in runs takes changes through the view and through an import alike.

const BEFORE_RUNS = 23;

const rows = (core: Core) =>
  core.store.db
    .prepare(
      `SELECT "seq","hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "seq"`,
    )
    .raw(true)
    .all();

describe('migration 24: the change log in runs', () => {
  it('keeps every change, the audit answers, the export and the newest stamp of the log it converts', () => {
    const { a, path, seeded } = editedDistrict();

    // The full export is made by this version's reader of the log, so before the log goes back to
    // schema 23; that it is the log at 23 is checked against the view's rows there.
    const exported = fullExport(a.core);
    downgradeTo(a.core, BEFORE_RUNS);
    const db = a.core.store.db;
    expect(schemaVersion(db)).toBe(BEFORE_RUNS);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE "name" = 'change_runs'`).pluck().get()).toBe(
      0,
    );
    const before = {
      rows: rows(a.core),
      audits: audits(a.core, seeded),
      exported,
      newest: db.prepare(`SELECT max("hlc") FROM changes`).pluck().get(),
      origins: db.prepare(`SELECT * FROM change_origins ORDER BY 1`).all(),
      records: recordTables(a.core),
    };
    expect(exported.changes).toEqual(before.rows.map((r) => (r as unknown[]).slice(1)));
    a.core.store.close();

    const again = openCore(path, { now: a.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      const d = again.store.db;
      // Far fewer runs than changes: a write's changes share one.
      const runs = d.prepare(`SELECT count(*) FROM change_runs`).pluck().get() as number;
      expect(runs).toBeLessThan(before.rows.length / 4);
      expect(rows(again)).toEqual(before.rows);
      expect(Object.keys(before.audits).length).toBeGreaterThan(700);
      expect(audits(again, seeded)).toEqual(before.audits);
      expect(fullExport(again)).toEqual(before.exported);
      expect(newestStamp(d)).toBe(before.newest);
      expect(d.prepare(`SELECT * FROM change_origins ORDER BY 1`).all()).toEqual(before.origins);
      // The tables of schema 23, as they were (a later migration's tables, 26's text index, aside).
      expect(tablesOf(recordTables(again), before.records)).toEqual(before.records);
      // Every change found by its stamp, as the view shows it.
      const find = changeByStamp(d);
      for (const r of before.rows.filter((_, i) => i % 97 === 0) as unknown[][])
        expect(find(r[1] as string)).toEqual(r.slice(1));
    } finally {
      again.store.close();
    }
  }, 600_000);

  it('a write through the view and the same changes through an import give the same rows and runs', () => {
    const t = makeCore();
    const db = t.core.store.db;
    const start = db.prepare(`SELECT max("seq") FROM change_log`).pluck().get() as number;
    t.ok('experts.create', { name: '王教授', title: '研究员' });
    const e = t.ok('experts.list', { limit: 1 }).rows[0]!;
    // A later write (the clock moved on: its stamp is not the next counter) starts a run.
    t.clock.ms += 1_000;
    t.ok('experts.update', { id: e.id, title: '教授' });
    const written = logReader(db).range(start, Number.MAX_SAFE_INTEGER, 100);
    const runsOf = () =>
      db.prepare(`SELECT "n" FROM change_runs WHERE "run" > ? ORDER BY "run"`).pluck().all(start);
    const runs = runsOf();
    // The creation is one run, the edit (title, with its stamp) another.
    expect(runs.length).toBe(2);
    expect(runs[0]).toBe(written.length - 1);

    db.prepare(`DELETE FROM changes WHERE "seq" > ?`).run(start);
    expect(runsOf()).toEqual([]);
    const log = changeLogWriter(db);
    expect(written.map((w) => log.add(w.change))).toEqual(written.map(() => true));
    expect(log.add(written[0]!.change)).toBe(false);
    expect(logReader(db).range(start, Number.MAX_SAFE_INTEGER, 100)).toEqual(written);
    expect(runsOf()).toEqual(runs);
    // A stamp the log holds is refused through the view too.
    const [hlc, device, staff, tbl, rowId, field, value, prevHlc] = written[1]!.change;
    expect(() =>
      db
        .prepare(
          `INSERT INTO changes ("hlc","device","staff","tbl","rowId","field","value","prevHlc") VALUES (?,?,?,?,?,?,?,?)`,
        )
        .run(hlc, device, staff, tbl, rowId, field, value, prevHlc),
    ).toThrow(/UNIQUE/);
  });

  it('keeps stamps of an impossible shape and blobs, each a run of its own', () => {
    const path = join(tempDir(), 'odd.db');
    const t = makeCore({ path });
    downgradeTo(t.core, BEFORE_RUNS);
    const odd: LogChange[] = [
      ['999999999999999-zzzzz-Node_with-dashes', 'd1', null, 'experts', 'x1', 'name', 'a', null],
      ['not a stamp', 'd1', null, 'experts', 'x1', 'title', 1.5, 'not a stamp either'],
      ['001733270000000-0000a-n', 'd2', null, 'visits', 'v1', 'summary', Buffer.from('bytes'), null],
      ['001733270000000-0000b-n', 'd2', null, 'visits', 'v1', 'mode', 'online', '001733260000000-00000-m'],
    ];
    const insert = t.core.store.db.prepare(
      `INSERT INTO changes ("hlc","device","staff","tbl","rowId","field","value","prevHlc") VALUES (?,?,?,?,?,?,?,?)`,
    );
    for (const c of odd) insert.run(c);
    const before = rows(t.core);
    t.core.store.close();

    const again = openCore(path, { now: t.clock.now });
    try {
      expect(rows(again)).toEqual(before);
      const d = again.store.db;
      for (const c of odd) expect(changeByStamp(d)(c[0])).toEqual(c);
      expect(newestStamp(d)).toBe('not a stamp');
      // The last two (counters one apart, same node, device and record) share a run.
      expect(d.prepare(`SELECT "n" FROM change_runs ORDER BY "run" DESC LIMIT 3`).pluck().all()).toEqual([
        2, 1, 1,
      ]);
    } finally {
      again.store.close();
    }
  });
});
