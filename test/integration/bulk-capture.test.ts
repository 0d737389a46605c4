import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { softDelete } from '../../src-main/core';
import { insertRecord, updateRecord } from '../../src-main/store/records';
import { capturingInBulk } from '../../src-main/store/bulkCapture';
import { withLargeLoadSettings, withRollbackJournal } from '../../src-main/store/bulk';
import { makeCore, twinCores } from '../helpers';
import { HybridClock } from '@shared/domain/hlc';
import type { MethodOutput } from '@shared/contract/contract';
import { readSource } from '../../src-main/features/ledger/source';
import { makePlan } from '../../src-main/features/ledger/plan';
import { execute } from '../../src-main/features/ledger/execute';
import { VISITS_WITH_DEMANDS_HEADER, staffNamed, xlsxFile } from './ledgerFixtures';
import { freshUscc } from './fixtures';

// The bulk capture (store/bulkCapture.ts) against the capture triggers: the same writes, on two
// copies of one laptop's database at the same pinned time, give the same change log row for
// row (stamps, prior stamps, values and their storage classes), dictionaries and origins. The
// soak holds a whole demo district to it (seed-equivalence.test.ts); this covers the cases one
// by one.

const NOW = '2026-11-23T12:00:00+08:00';
const STAFF = '01900000-0000-7000-8000-000000000001';
const TARGET = '01900000-0000-7000-8000-000000000002';
const OTHER_TARGET = '01900000-0000-7000-8000-000000000003';
const THIRD_TARGET = '01900000-0000-7000-8000-000000000004';
const UNLOGGED_TARGET = '01900000-0000-7000-8000-000000000005';

/** Inserts, updates that change some fields and not others, a delete, a write not captured. */
function writeSome(core: Core, meId: string): void {
  const { store } = core;
  // No position given: the column's default is captured.
  insertRecord(store, 'staff', { name: '甲', role: 'staff', active: true }, STAFF);
  insertRecord(store, 'targets', { year: 2026, key: 'visits', value: 12.5 }, TARGET);
  insertRecord(store, 'targets', { year: 2026, key: 'demands', value: 40 }, OTHER_TARGET);
  updateRecord(store, 'staff', STAFF, { name: '甲', phone: '13800000000' });
  // A record written before the load: its prior stamps come from the log.
  updateRecord(store, 'staff', meId, { phone: '13900000000' });
  updateRecord(store, 'targets', TARGET, { value: 13 });
  updateRecord(store, 'staff', STAFF, { phone: null });
  // Reads the log for what it knew; its deletedAt records the newest stamp of any field.
  softDelete(core, 'targets', OTHER_TARGET);
  // Deleted right after its insert: what it knew is that insert, still to be written by a batching load.
  insertRecord(store, 'targets', { year: 2026, key: 'clinics', value: 6 }, THIRD_TARGET);
  softDelete(core, 'targets', THIRD_TARGET);
  store.capturing = false;
  updateRecord(store, 'staff', STAFF, { name: '乙' });
  // A record the log holds nothing of: its first change numbers it.
  insertRecord(store, 'targets', { year: 2026, key: 'activities', value: 3 }, UNLOGGED_TARGET);
  store.capturing = true;
  updateRecord(store, 'targets', UNLOGGED_TARGET, { value: 4 });
  updateRecord(store, 'staff', STAFF, { name: '丙', active: false });
}

/** Every row of a table in insertion order, each value with its storage class. */
function rows(core: Core, table: string): unknown[] {
  const { db } = core.store;
  const types = (db.prepare(`SELECT "name" FROM pragma_table_info(?)`).pluck().all(table) as string[])
    .map((c) => `typeof("${c}")`)
    .join(` || ',' || `);
  const order = table === 'change_origins' ? '1' : 'rowid';
  return db.prepare(`SELECT *, ${types} AS "storedAs" FROM "${table}" ORDER BY ${order}`).all();
}

const LOG_TABLES = [
  'change_runs',
  'change_log',
  'change_names',
  'change_records',
  'change_origins',
  'staff',
  'targets',
];

const schema = (core: Core) =>
  core.store.db
    .prepare(
      `SELECT "type","name","sql" FROM sqlite_master UNION ALL SELECT "type","name","sql" FROM sqlite_temp_master ORDER BY 2`,
    )
    .all();

describe.each([
  ['bulk capture', false],
  ['bulk capture holding changes back (batching: the demo seed)', true],
])('%s', (_, batching) => {
  it('writes the change log the capture triggers write, row for row', () => {
    const { a, b, meId } = twinCores(NOW);
    const logged = a.store.db.prepare(`SELECT count(*) FROM change_log`).pluck();
    const before = logged.get() as number;
    a.store.db.transaction(() => writeSome(a, meId))();
    b.store.db.transaction(() => capturingInBulk(b.store, () => writeSome(b, meId), { batching }))();

    expect(logged.get() as number).toBeGreaterThan(before + 15);
    for (const table of LOG_TABLES) expect(rows(b, table), table).toEqual(rows(a, table));
    const deleted = a.store.db
      .prepare(`SELECT "prevHlc" FROM changes WHERE "rowId" = ? AND "field" = 'deletedAt'`)
      .pluck()
      .get(OTHER_TARGET);
    expect(deleted).toEqual(expect.any(String));
    // The triggers are back as they were, and capture the next write.
    expect(schema(b)).toEqual(schema(a));
    expect(b.store.flushCapture).toBeUndefined();
    expect(b.store.settleCapture).toBeUndefined();
    updateRecord(b.store, 'staff', STAFF, { phone: '13700000000' });
    updateRecord(a.store, 'staff', STAFF, { phone: '13700000000' });
    expect(rows(b, 'change_log')).toEqual(rows(a, 'change_log'));
  });

  it('keeps a stamp of another shape whole, as the triggers keep it', () => {
    const { a, b, meId } = twinCores(NOW);
    // A clock whose node no stamp can hold (a device id of another shape): its stamps are text.
    for (const core of [a, b]) core.store.clock = new HybridClock('laptop of 甲', () => Date.parse(NOW));
    a.store.db.transaction(() => writeSome(a, meId))();
    b.store.db.transaction(() => capturingInBulk(b.store, () => writeSome(b, meId), { batching }))();

    const whole = b.store.db
      .prepare(`SELECT count(*) FROM change_runs WHERE "ms" = -1`)
      .pluck()
      .get() as number;
    expect(whole).toBeGreaterThan(5);
    for (const table of LOG_TABLES) expect(rows(b, table), table).toEqual(rows(a, table));
  });

  it('writes a run that goes on across a batch as the triggers do', () => {
    const { a, b } = twinCores(NOW);
    // Each insert is a run; an update of the same record at the same instant goes on with it,
    // also when the batch filled up and was written in between.
    const load = (core: Core) => {
      for (let i = 0; i < 24; i++) {
        const id = `01900000-0000-7000-8000-${String(100 + i).padStart(12, '0')}`;
        insertRecord(core.store, 'staff', { name: `员工${i}`, role: 'staff', active: true }, id);
        updateRecord(core.store, 'staff', id, { phone: `138000000${String(i).padStart(2, '0')}` });
      }
    };
    a.store.db.transaction(() => load(a))();
    b.store.db.transaction(() => capturingInBulk(b.store, () => load(b), { batching }))();
    for (const table of LOG_TABLES) expect(rows(b, table), table).toEqual(rows(a, table));
    const longest = b.store.db.prepare(`SELECT max("n") FROM change_runs`).pluck().get() as number;
    expect(longest).toBeGreaterThan(5);
  });
});

describe('bulk capture', () => {
  it('leaves the store and its triggers as they were when the load fails', () => {
    const { a, meId } = twinCores(NOW);
    const before = schema(a);
    const log = rows(a, 'change_log');
    expect(() =>
      a.store.db.transaction(() =>
        capturingInBulk(a.store, () => {
          writeSome(a, meId);
          throw new Error('the load failed');
        }),
      )(),
    ).toThrow('the load failed');
    expect(schema(a)).toEqual(before);
    expect(rows(a, 'change_log')).toEqual(log);
    expect(a.store.flushCapture).toBeUndefined();
    insertRecord(a.store, 'staff', { name: '丁', role: 'staff' }, STAFF);
    expect(rows(a, 'change_log').length).toBeGreaterThan(log.length);
  });

  it('gives the triggers back to a caller that goes on in its transaction after a failed load', () => {
    const { a, b, meId } = twinCores(NOW);
    const fail = (core: Core) => {
      try {
        capturingInBulk(core.store, () => {
          insertRecord(core.store, 'staff', { name: '丁', role: 'staff' }, OTHER_TARGET);
          throw new Error('the load failed');
        });
      } catch {
        /* the caller goes on */
      }
    };
    a.store.db.transaction(() => writeSome(a, meId))();
    b.store.db.transaction(() => {
      fail(b);
      writeSome(b, meId);
    })();
    expect(schema(b)).toEqual(schema(a));
    // The failed load's record and its changes stay (no rollback was asked for); every write
    // after it was captured, by the triggers.
    // (What a delete knew holds stamps, which the failed load moved on: compared by field only.)
    const logged = (core: Core) =>
      (
        core.store.db.prepare(`SELECT "tbl","rowId","field","value" FROM changes ORDER BY "seq"`).all() as {
          tbl: string;
          rowId: string;
          field: string;
          value: unknown;
        }[]
      ).map((c) => (c.field === 'deletedKnew' ? { ...c, value: 'stamps' } : c));
    const failed = (c: { tbl: string; rowId: string }) => c.tbl === 'staff' && c.rowId === OTHER_TARGET;
    expect(
      logged(b)
        .filter(failed)
        .map((c) => c.field),
    ).toEqual(['name', 'role', 'createdAt', 'position']);
    expect(logged(b).filter((c) => !failed(c))).toEqual(logged(a));
  });

  it('forgets what a rolled-back savepoint wrote: later prior stamps come from the log', () => {
    // A ledger import rolls back a rejected row's savepoint and goes on with the next row.
    const { a, b, meId } = twinCores(NOW);
    const load = (core: Core) => {
      const { store } = core;
      updateRecord(store, 'staff', meId, { phone: '13900000001' });
      const row = store.db.transaction(() => {
        updateRecord(store, 'staff', meId, { phone: '13900000002', name: '改名' });
        throw new Error('row rejected');
      });
      try {
        row();
      } catch {
        store.rollbackCapture?.();
      }
      updateRecord(store, 'staff', meId, { phone: '13900000003', name: '再改名' });
    };
    a.store.db.transaction(() => load(a))();
    b.store.db.transaction(() => capturingInBulk(b.store, () => load(b)))();
    expect(rows(b, 'change_log')).toEqual(rows(a, 'change_log'));
    expect(b.store.rollbackCapture).toBeUndefined();
  });

  it('forgets the names a rolled-back savepoint gave numbers to', () => {
    // The log numbers field and table names in dictionaries; numbers handed out inside a
    // savepoint that was rolled back are handed out again, to other names.
    const { a, b, meId } = twinCores(NOW);
    const load = (core: Core) => {
      const { store } = core;
      const row = store.db.transaction(() => {
        insertRecord(store, 'targets', { year: 2026, key: 'visits', value: 12 }, TARGET);
        throw new Error('row rejected');
      });
      try {
        row();
      } catch {
        store.rollbackCapture?.();
      }
      insertRecord(
        store,
        'experts',
        { name: '林教授', organization: '福州大学', title: '教授' },
        OTHER_TARGET,
      );
      insertRecord(store, 'targets', { year: 2026, key: 'visits', value: 13 }, TARGET);
      updateRecord(store, 'staff', meId, { phone: '13900000009' });
    };
    a.store.db.transaction(() => load(a))();
    b.store.db.transaction(() => capturingInBulk(b.store, () => load(b)))();
    for (const table of LOG_TABLES) expect(rows(b, table), table).toEqual(rows(a, table));
    const fields = (core: Core) =>
      core.store.db.prepare(`SELECT "tbl" || '.' || "field" FROM changes ORDER BY "seq"`).pluck().all();
    expect(fields(b)).toEqual(fields(a));
    expect(fields(b)).toContain('targets.year');
  });

  it('holding changes back, fails loudly when a record taken as new is in the log, and gives the triggers back', () => {
    const { a } = twinCores(NOW);
    const before = schema(a);
    // A record the log already numbered, inserted as if new: its held row breaks the unique key.
    a.store.db.prepare(`INSERT INTO change_records ("tbl","rowId") VALUES ('staff', ?)`).run(STAFF);
    expect(() =>
      a.store.db.transaction(() =>
        capturingInBulk(a.store, () => insertRecord(a.store, 'staff', { name: '丁', role: 'staff' }, STAFF), {
          batching: true,
        }),
      )(),
    ).toThrow(/UNIQUE/);
    expect(a.store.flushCapture).toBeUndefined();
    expect(a.store.settleCapture).toBeUndefined();
    expect(schema(a)).toEqual(before);
  });

  it('holding changes back, refuses to forget a rolled-back savepoint', () => {
    const { b, meId } = twinCores(NOW);
    const load = () => {
      updateRecord(b.store, 'staff', meId, { phone: '13900000001' });
      try {
        b.store.db.transaction(() => {
          updateRecord(b.store, 'staff', meId, { phone: '13900000002' });
          throw new Error('row rejected');
        })();
      } catch {
        b.store.rollbackCapture?.();
      }
    };
    expect(() => b.store.db.transaction(() => capturingInBulk(b.store, load, { batching: true }))()).toThrow(
      /savepoint was rolled back/,
    );
  });

  it('runs only inside a transaction', () => {
    const { a } = twinCores(NOW);
    expect(() => capturingInBulk(a.store, () => null)).toThrow(/inside a transaction/);
  });
});

describe('a large load’s settings', () => {
  it('hold during the load and are put back after it, whether it returns or throws', () => {
    const { db } = makeCore().core.store;
    const settings = () => ({
      cache: db.pragma('cache_size', { simple: true }),
      temp: db.pragma('temp_store', { simple: true }),
    });
    const before = settings();
    expect(before.temp).not.toBe(2);
    expect(withLargeLoadSettings(db, 4096, settings)).toEqual({ cache: -4096, temp: 2 });
    expect(settings()).toEqual(before);
    expect(() =>
      withLargeLoadSettings(db, 4096, () => {
        throw new Error('the load failed');
      }),
    ).toThrow('the load failed');
    expect(settings()).toEqual(before);
  });
});

describe('a ledger import captured in bulk', () => {
  it('writes the change log the triggers write, rejected rows included', async () => {
    let known!: MethodOutput<'enterprises.create'>;
    const { a, b } = twinCores(NOW, {
      prepare: (base) => {
        staffNamed(base, '张三', '李四');
        known = base.ok('enterprises.create', { name: '北京示例精密有限公司', uscc: freshUscc() });
      },
    });
    const path = await xlsxFile({
      rows: [
        VISITS_WITH_DEMANDS_HEADER,
        [
          '福州示例科技有限公司',
          freshUscc(),
          '2026-03-05',
          '实地',
          '张三',
          '正常',
          '技术：检测设备',
          '已办结',
          '2026-03-20',
        ],
        // Rejected after its enterprise was found: closed before it was received.
        [known.name, known.uscc, '2026-03-11', '电话', '李四', '', '融资：贷款', '已办结', '2026-03-01'],
        [known.name, known.uscc, '2026-03-12', '电话', '李四', '对接银行', '融资：贷款', '办理中', ''],
        ['北京示例精密有限公司', known.uscc, '2026-03-13', '飞鸽传书', '李四', '', '', '', ''],
      ],
    });
    const run = async (core: Core, bulk: boolean) =>
      execute(core, makePlan(core, await readSource({ path }), {}), {
        dryRun: false,
        createStaff: false,
        keepRows: 0,
        bulk,
      });
    const byTriggers = await run(a, false);
    const inBulk = await run(b, true);
    expect([inBulk.created, inBulk.rejected]).toEqual([2, 2]);
    expect(inBulk).toEqual(byTriggers);
    // New records get random ids: each is named by its first appearance instead.
    const named = (core: Core, tables: string[]) => {
      const ids = new Map<string, string>();
      const text = JSON.stringify(tables.map((table) => rows(core, table)));
      return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!ids.has(id)) ids.set(id, `id${ids.size}`);
        return ids.get(id)!;
      });
    };
    const tables = ['change_log', 'change_names', 'change_records', 'visits', 'demands', 'demand_history'];
    expect(named(b, tables)).toEqual(named(a, tables));
  });
});

describe('a load with a rollback journal', () => {
  const journal = (db: Database.Database) => db.pragma('journal_mode', { simple: true });

  it('runs without the WAL and gives it back after, whether the load returns or throws', () => {
    const { db } = makeCore().core.store;
    expect(journal(db)).toBe('wal');
    expect(withRollbackJournal(db, () => journal(db))).toBe('delete');
    expect(journal(db)).toBe('wal');
    expect(() =>
      withRollbackJournal(db, () => {
        throw new Error('the load failed');
      }),
    ).toThrow('the load failed');
    expect(journal(db)).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('keeps the WAL, without waiting, while another connection has the file open', () => {
    const { db } = makeCore().core.store;
    const other = new Database(db.name);
    try {
      other.prepare(`SELECT count(*) FROM staff`).get();
      db.pragma('busy_timeout = 60000');
      const started = Date.now();
      expect(withRollbackJournal(db, () => journal(db))).toBe('wal');
      // SQLite is asked once, not for the minute the connection would wait.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(60000);
    } finally {
      other.close();
    }
  });
});
