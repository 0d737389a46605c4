import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { downgradeTo, makeCore, snapshot, tempDir } from '../helpers';
import { migrate, openStore, schemaVersion } from '../../src-main/store/db';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../src-main/store/migrations';
import { KIND_NAMES, KINDS, allColumns } from '../../src-main/store/schema';
import { openCore } from '../../src-main/open';
import { TEXT_INDEX_TRIGGERS } from '../../src-main/store/textIndex';
import { makeDemand, makeEnterprise } from './fixtures';

const schemaOf = (db: Database.Database) =>
  db.prepare(`SELECT "type", "name", "sql" FROM sqlite_master ORDER BY "type", "name"`).all();

const BROKEN: Omit<Migration, 'version'> = {
  name: 'broken',
  // The first statement works, the second fails: nothing of it may stay.
  sql: `ALTER TABLE staff ADD COLUMN "nickname" TEXT; CREATE TABLE half_done ("id" TEXT); INSERT INTO nowhere VALUES (1);`,
};

describe('migrations', () => {
  it('migrate an empty database: every migration recorded, every table and column of KINDS present', () => {
    const path = join(tempDir(), 'empty.db');
    const raw = new Database(path);
    expect(migrate(raw)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(raw)).toBe(SCHEMA_VERSION);
    const recorded = raw.prepare(`SELECT "version", "name" FROM schema_migrations ORDER BY "version"`).all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    // Run again: nothing pending.
    expect(migrate(raw)).toEqual([]);
    raw.close();

    const store = openStore(path, { deviceName: 'mig' });
    try {
      for (const kind of KIND_NAMES) {
        const table = KINDS[kind].table;
        const cols = (store.db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
        expect(cols.length, `table ${table}`).toBeGreaterThan(0);
        for (const col of ['id', ...Object.keys(allColumns(kind))]) {
          expect(cols, `${table}.${col}`).toContain(col);
        }
        // Change capture is installed on every record table.
        const triggers = store.db
          .prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = ?`)
          .all(table)
          .map((r) => (r as { name: string }).name)
          .sort();
        // And the text index's triggers (migration 26), which a bulk load keeps.
        const textIndex = TEXT_INDEX_TRIGGERS.filter((t) => t.startsWith(`${table}_text_`));
        expect(triggers).toEqual(
          [
            `capture_${table}_delete`,
            `capture_${table}_insert`,
            `capture_${table}_update`,
            ...textIndex,
          ].sort(),
        );
      }
      // The only other trigger keeps change_origins; a bulk sync load does its work itself
      // (merge.ts), so a new trigger on these tables must be handled there too.
      const others = store.db
        .prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'trigger' AND "name" NOT LIKE 'capture%'`)
        .pluck()
        .all()
        .filter((name) => !TEXT_INDEX_TRIGGERS.includes(name as string));
      // (and, since migration 15, the writes into the log's view `changes`, which the bulk load
      // does not use).
      expect(others).toEqual(['changes_insert', 'changes_delete', 'changes_origin']);
    } finally {
      store.close();
    }
  });

  it('migration 5 fills change_origins with the newest stamp of each device in the log and drops changes_device', () => {
    const raw = new Database(join(tempDir(), 'v4.db'));
    migrate(raw, MIGRATIONS.slice(0, 4));
    const devices = ['0190aaaa-0000-7000-8000-00000000000a', '0190aaaa-0000-7000-8000-00000000000b'];
    const add = raw.prepare(
      `INSERT INTO changes ("hlc","device","tbl","rowId","field","value") VALUES (?, ?, 'experts', 'x', 'name', 'v')`,
    );
    // Out of clock order in the log, as imports leave it.
    for (const [ms, device] of [
      [3, devices[0]],
      [9, devices[1]],
      [7, devices[0]],
      [1, devices[1]],
    ] as const)
      add.run(`${String(1_790_000_000_000 + ms).padStart(15, '0')}-00000-${device}`, device);
    expect(migrate(raw, MIGRATIONS.slice(0, 5))).toEqual([5]);
    expect(raw.prepare(`SELECT "device", "lastHlc" FROM change_origins ORDER BY 1`).all()).toEqual([
      { device: devices[0], lastHlc: `001790000000007-00000-${devices[0]}` },
      { device: devices[1], lastHlc: `001790000000009-00000-${devices[1]}` },
    ]);
    expect(raw.prepare(`SELECT 1 FROM sqlite_master WHERE "name" = 'changes_device'`).get()).toBeUndefined();
    // From now on the trigger keeps it: an older stamp changes nothing, a newer one moves it on.
    add.run(`001790000000005-00000-${devices[0]}`, devices[0]);
    add.run(`001790000000011-00000-${devices[1]}`, devices[1]);
    expect(raw.prepare(`SELECT "lastHlc" FROM change_origins ORDER BY 1`).pluck().all()).toEqual([
      `001790000000007-00000-${devices[0]}`,
      `001790000000011-00000-${devices[1]}`,
    ]);
    raw.close();
  });

  it('migration 6: a schema-5 database opens with every record kept and every staff member 工作人员', () => {
    // A populated database as the previous version left it: the same records, without the
    // position column, its capture and its changes, and at schema version 5.
    const t = makeCore();
    const e = makeEnterprise(t);
    makeDemand(t, { enterpriseId: e.id });
    t.ok('visits.create', { enterpriseId: e.id, date: '2026-03-02', mode: 'onsite', summary: '走访' });
    const other = t.ok('staff.create', { name: '郑十', phone: '0591-1111', role: 'supervisor' });
    const before = snapshot(t.core);
    downgradeTo(t.core, 5);
    const changes = snapshot(t.core).changes;
    t.core.store.close();

    const again = openCore(t.path, { now: t.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      // Every record as it was, the staff with position 工作人员; the change log untouched.
      const after = snapshot(again);
      // History rows of version 5 carry no event type or data (migration 8 adds them).
      const history = (before.demand_history as object[]).map((h) => ({ ...h, type: null, data: null }));
      // A demand version 5 made has no first-reply date: migration 16 leaves it none.
      const demands = (before.demands as object[]).map((d) => ({ ...d, firstReplyDue: null }));
      expect(after).toEqual({
        ...before,
        changes,
        demands,
        demand_history: history,
        schema_migrations: after.schema_migrations,
      });
      expect(after.schema_migrations).toHaveLength(MIGRATIONS.length);
      expect((after.staff as { position: string }[]).map((s) => s.position)).toEqual(['staff', 'staff']);
      // The new column is captured for sync.
      again.store.db.prepare(`UPDATE staff SET "position" = 'leader' WHERE "id" = ?`).run(other.id);
      const change = again.store.db
        .prepare(`SELECT "field", "value" FROM changes WHERE "rowId" = ? AND "field" = 'position'`)
        .get(other.id);
      expect(change).toEqual({ field: 'position', value: 'leader' });
    } finally {
      again.store.close();
    }
  });

  it('a new database opened by the app is at the current schema version', () => {
    const t = makeCore({ migrateOnOpen: true });
    expect(schemaVersion(t.core.store.db)).toBe(SCHEMA_VERSION);
    expect(t.ok('app.info', {}).schemaVersion).toBe(SCHEMA_VERSION);
    expect(t.core.store.created).toBe(true);
  });

  it('reopening a populated database runs nothing again and keeps the data', () => {
    const t = makeCore();
    makeDemand(t, { enterpriseId: makeEnterprise(t).id });
    const before = snapshot(t.core);
    const schemaBefore = schemaOf(t.core.store.db);
    t.core.store.close();

    const again = openCore(t.path, { now: t.clock.now });
    try {
      expect(again.store.created).toBe(false);
      expect(snapshot(again)).toEqual(before);
      expect(schemaOf(again.store.db)).toEqual(schemaBefore);
      expect(migrate(again.store.db)).toEqual([]);
      expect(again.store.device.id).toBe(t.core.store.device.id);
      expect(again.store.actor.staffId).toBe(t.meId);
    } finally {
      again.store.close();
    }
  });

  it('refuses a database with a newer schema, saying to update the app', () => {
    const t = makeCore();
    makeEnterprise(t);
    t.core.store.db
      .prepare(`INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01T00:00:00Z')`)
      .run(SCHEMA_VERSION + 1);
    const before = snapshot(t.core);
    const schemaBefore = schemaOf(t.core.store.db);
    t.core.store.close();

    expect(() => openStore(t.path)).toThrow(/newer.*update the app/);
    expect(() => openCore(t.path)).toThrow(new RegExp(`schema version ${SCHEMA_VERSION + 1}`));
    const raw = new Database(t.path);
    try {
      expect(() => migrate(raw)).toThrow(/update the app/);
      expect(schemaOf(raw)).toEqual(schemaBefore);
      expect(raw.prepare(`SELECT count(*) AS n FROM enterprises`).get()).toEqual({
        n: before.enterprises!.length,
      });
    } finally {
      raw.close();
    }
  });

  it('a failing migration leaves a populated database exactly as it was', () => {
    const t = makeCore();
    makeDemand(t, { enterpriseId: makeEnterprise(t).id });
    const db = t.core.store.db;
    const before = snapshot(t.core);
    const schemaBefore = schemaOf(db);
    const v = SCHEMA_VERSION;

    expect(() => migrate(db, [...MIGRATIONS, { version: v + 1, ...BROKEN }])).toThrow(/nowhere/);
    expect(schemaOf(db)).toEqual(schemaBefore);
    expect(snapshot(t.core)).toEqual(before);
    expect(schemaVersion(db)).toBe(v);

    // A good migration before the broken one in the same upgrade is not kept either.
    const good: Migration = {
      version: v + 1,
      name: 'good',
      sql: `CREATE TABLE extra ("id" TEXT PRIMARY KEY)`,
    };
    expect(() => migrate(db, [...MIGRATIONS, good, { version: v + 2, ...BROKEN }])).toThrow();
    expect(schemaOf(db)).toEqual(schemaBefore);
    expect(schemaVersion(db)).toBe(v);

    // The database still works.
    makeEnterprise(t);
  });

  it('a failing first migration leaves an empty file empty', () => {
    const raw = new Database(join(tempDir(), 'fresh.db'));
    try {
      expect(() => migrate(raw, [MIGRATIONS[0]!, { version: 2, ...BROKEN }])).toThrow();
      expect(schemaOf(raw)).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('a later migration that adds a column gets change capture for it', () => {
    const t = makeCore();
    const db = t.core.store.db;
    const added: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'nickname',
      sql: `ALTER TABLE staff ADD COLUMN "nickname" TEXT`,
    };
    expect(migrate(db, [...MIGRATIONS, added])).toEqual([SCHEMA_VERSION + 1]);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION + 1);
    db.prepare(`UPDATE staff SET "nickname" = '小王' WHERE "id" = ?`).run(t.meId);
    const change = db
      .prepare(`SELECT "field", "value", "device" FROM changes WHERE "rowId" = ? AND "field" = 'nickname'`)
      .get(t.meId);
    expect(change).toEqual({ field: 'nickname', value: '小王', device: t.core.store.device.id });
  });
});
