import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { call } from '../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { ApiErrorBody } from '@shared/contract/errors';
import { say } from '@shared/messages';
import type { Core } from '../src-main/core';
import { openCore, type OpenOptions } from '../src-main/open';
import { FILE_IDENTITY, fileIdentityOf } from '../src-main/store/identity';
import { migrate } from '../src-main/store/db';
import { MIGRATIONS } from '../src-main/store/migrations';
import { installCaptureTriggers, withCapture } from '../src-main/store/capture';
import { preparedOn } from '../src-main/store/records';
import type { Store } from '../src-main/store/db';
import { applyChanges, type ApplyOptions, type ApplyReport } from '../src-main/features/sync/merge';
import type { WireChange } from '../src-main/features/sync/package';
import type { Role } from '@shared/domain/enums';
import { writeMigratedTemplate } from './template';
import { ComparisonWorker } from '../src-main/features/reports/comparisons';
import { clearReportMemo } from '../src-main/features/reports/quarterly';

// Tests run on real SQLite files in a temporary folder, removed after each test.

const dirs: string[] = [];
const cores: Core[] = [];

/**
 * Closes the test's cores and removes its folders. Every test file's setup (test/setup.ts)
 * runs it after each test: a hook registered here would run for the first file only of a
 * worker that does not isolate files (the renderer tests).
 */
export function cleanUpAfterTest(): void {
  for (const c of cores.splice(0)) {
    try {
      c.comparisons?.close();
      c.store.close();
    } catch {
      /* already closed */
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-test-'));
  dirs.push(dir);
  return dir;
}

let ownTemplate: string | null = null;

/** The run's migrated empty database; a process outside a test run (a child) makes its own. */
function templatePath(): string {
  let provided: string | undefined;
  try {
    provided = inject('migratedTemplate');
  } catch {
    provided = undefined; // not inside a vitest worker
  }
  if (provided && existsSync(provided)) return provided;
  if (!ownTemplate) {
    const dir = mkdtempSync(join(tmpdir(), 'vl-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    ownTemplate = join(dir, 'migrated.db');
    writeMigratedTemplate(ownTemplate);
  }
  return ownTemplate;
}

/**
 * Puts an empty database at the current schema at `path`, copied rather than migrated
 * (template.ts), unless a file is there already; returns `path`. `:memory:` is left as it is.
 */
export function freshDatabaseAt(path: string): string {
  if (path === ':memory:' || existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(templatePath(), path);
  return path;
}

/**
 * A core as a test opens it: a new file is copied from the migrated template, and team keys
 * are derived at the test cost (StoreOptions.cheapTeamKeysForTests).
 */
export function openTestCore(path: string, options: OpenOptions = {}): Core {
  return openCore(freshDatabaseAt(path), { cheapTeamKeysForTests: true, ...options });
}

/** A controllable wall clock: tests move "now" explicitly. */
export class TestClock {
  constructor(public ms: number) {}
  now = (): number => this.ms;
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
}

export interface TestCore {
  core: Core;
  path: string;
  clock: TestClock;
  meId: string;
  ok<M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M>;
  err(method: MethodName | string, input?: unknown): ApiErrorBody;
}

/** A fresh database with one staff member as "me", at a pinned time (Shanghai noon by default). */
export function makeCore(
  options: {
    role?: Role;
    now?: string;
    path?: string;
    /** A new file that opening migrates, as the app's first start does, not a template copy. */
    migrateOnOpen?: boolean;
    /** The database at `path` opened as it is, its "me" kept (no staff member added). */
    asItIs?: boolean;
  } = {},
): TestCore {
  const clock = new TestClock(Date.parse(options.now ?? '2026-11-23T12:00:00+08:00'));
  const path = options.path ?? join(tempDir(), 'test.db');
  const storeOptions = { now: clock.now, deviceName: 'test-laptop', cheapTeamKeysForTests: true };
  const core = options.migrateOnOpen ? openCore(path, storeOptions) : openTestCore(path, storeOptions);
  cores.push(core);
  const ok = <M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> => {
    const r = call(core, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.result as MethodOutput<M>;
  };
  const err = (method: string, input?: unknown): ApiErrorBody => {
    const r = call(core, method, input);
    if (r.ok)
      throw new Error(
        `${method} succeeded but should have failed: ${JSON.stringify(r.result).slice(0, 300)}`,
      );
    return r.error;
  };
  if (options.asItIs) return { core, path, clock, meId: core.store.actor.staffId ?? '', ok, err };
  const me = ok('staff.create', { name: '测试员', role: options.role ?? 'supervisor' });
  ok('me.set', { staffId: me.id });
  return { core, path, clock, meId: me.id, ok, err };
}

/** Every row of every table, for "the database is unchanged" assertions. */
export function snapshot(core: Core): Record<string, unknown[]> {
  // The change log as `changes` shows it (since migrations 15 and 24 a view over compact tables whose
  // numbers mean nothing alone). The statements are the connection's cached ones: a test takes
  // several snapshots of one database, and compiling some thirty statements (the view's above
  // all) each time cost more than reading a small database.
  const { db } = core.store;
  const tables = preparedOn(
    db,
    `SELECT name FROM sqlite_master WHERE (type = 'table' OR (type = 'view' AND name = 'changes'))
       AND name NOT LIKE 'sqlite_%' AND name NOT IN ('change_log', 'change_runs', 'change_names', 'change_records') ORDER BY name`,
  ).all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, preparedOn(db, `SELECT * FROM "${name}" ORDER BY 1`).all()]),
  );
}

/** A snapshot without a device identity's own rows and the identity bookkeeping in meta. */
export function withoutIdentityOf(snap: Record<string, unknown[]>, deviceId: string) {
  const own = (r: unknown) => {
    const row = r as Record<string, unknown>;
    return (
      row.id === deviceId ||
      row.device === deviceId ||
      (row.key as string)?.match(/^(deviceId|fileIdentity|previousDeviceIds|newIdentity)$/)
    );
  };
  return Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows.filter((r) => !own(r))]));
}

/** Every table (every record, demand and its history), but the record of migrations applied. */
export function recordTables(core: Core): Record<string, unknown[]> {
  const { schema_migrations: _applied, ...rest } = snapshot(core);
  return rest;
}

/** `after`'s tables that `before` had: a later migration's new tables (e.g. 26's text index) aside. */
export const tablesOf = (after: Record<string, unknown[]>, before: Record<string, unknown[]>) =>
  Object.fromEntries(Object.keys(before).map((t) => [t, after[t]]));

export const VALID_USCC = ['91350100M000100Y43', '91110000600037341L'];

/** Applies sync changes as an import does (one transaction, the capture off), without a file. */
export function applyAsImport(store: Store, changes: WireChange[], options: ApplyOptions = {}): ApplyReport {
  return store.db.transaction(() => withCapture(store, false, () => applyChanges(store, changes, options)))();
}

/**
 * Copies a closed (checkpointed) database file as a fixture: the copy stays the same laptop's
 * database. A plain copy is a database set up on another laptop and takes a new identity.
 */
export function copyDatabaseFile(from: string, to: string): void {
  copyFileSync(from, to);
  const db = new Database(to);
  try {
    db.prepare(`UPDATE meta SET "value" = ? WHERE "key" = ?`).run(fileIdentityOf(to), FILE_IDENTITY);
  } finally {
    db.close();
  }
}

/**
 * Two copies of one laptop's database with "me" (as `role`), each open at the same pinned time;
 * `prepare` writes what both hold before they are copied.
 */
export function twinCores(
  now: string,
  { role, prepare }: { role?: Role; prepare?: (base: TestCore) => void } = {},
): { a: Core; b: Core; meId: string } {
  const dir = tempDir();
  const base = makeCore({ role, now, path: join(dir, 'base.db') });
  prepare?.(base);
  base.core.store.close();
  const open = (name: string) => {
    const path = join(dir, name);
    copyDatabaseFile(base.path, path);
    return openTestCore(path, { now: new TestClock(Date.parse(now)).now, deviceName: 'test-laptop' });
  };
  return { a: open('a.db'), b: open('b.db'), meId: base.meId };
}

/**
 * Turns a test database back into what an earlier version of the app left: the tables,
 * columns, indexes and triggers that later migrations added are dropped (with the changes of
 * dropped fields), the later migrations are unrecorded and the capture triggers are those of
 * the older columns. Records keep their rows, so opening the file again runs the later
 * migrations on real data. Data a later migration rewrote is not turned back.
 */
export function downgradeTo(core: Core, version: number): void {
  const db = core.store.db;
  const old = new Database(':memory:');
  // By number, not position: numbers have gaps (21 was never used).
  migrate(
    old,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  const items = (d: Database.Database, type: string) =>
    new Set(
      (
        d.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'`).all(type) as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
  const columns = (d: Database.Database, table: string) =>
    (d.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
  const oldTables = items(old, 'table');
  const oldIndexes = items(old, 'index');
  const oldTriggers = items(old, 'trigger');
  // The log in runs (migration 24) turned back into migration 15's one row per change, in one
  // statement (migration 24 backwards): each change takes its run's shared columns, its counter
  // the run's plus its offset. The names and records keep their numbers. The triggers come
  // after: the origins the log's changes make are in change_origins already.
  if (!oldTables.has('change_runs') && oldTables.has('change_log') && items(db, 'table').has('change_runs')) {
    const log = old
      .prepare(
        `SELECT "type","sql" FROM sqlite_master WHERE "tbl_name" IN ('change_log', 'changes') AND "sql" IS NOT NULL`,
      )
      .all() as { type: string; sql: string }[];
    const fromRun = new Set(['ms', 'node', 'device', 'staff', 'rec']);
    const fromChange = new Set(['seq', 'field', 'value', 'pms', 'pctr', 'pnode']);
    const logColumns = columns(old, 'change_log');
    const values = logColumns.map((c) => {
      if (c === 'ctr') return `h."ctr" + l."off"`;
      if (fromRun.has(c)) return `h."${c}"`;
      if (fromChange.has(c)) return `l."${c}"`;
      throw new Error(`downgradeTo(${version}): no value for change_log."${c}"`);
    });
    db.exec(`CREATE TEMP TABLE changes_kept AS SELECT ${values.join(', ')} FROM change_runs h
        JOIN change_log l ON l."seq" BETWEEN h."run" AND h."run" + h."n" - 1 AND l."seq" - l."off" = h."run"
        ORDER BY l."seq";
      DROP VIEW changes; DROP TABLE change_log; DROP TABLE change_runs;`);
    for (const type of ['table', 'index', 'view'])
      for (const item of log.filter((i) => i.type === type)) db.exec(item.sql);
    db.exec(`INSERT INTO change_log (${logColumns.map((c) => `"${c}"`).join(',')})
        SELECT * FROM temp.changes_kept ORDER BY 1;
      DROP TABLE temp.changes_kept;`);
    for (const item of log.filter((i) => i.type === 'trigger')) db.exec(item.sql);
  }
  // The compact change log (migration 15) turned back into the table `changes` it replaced.
  if (oldTables.has('changes') && items(db, 'view').has('changes')) {
    const log = old
      .prepare(`SELECT "type","sql" FROM sqlite_master WHERE "tbl_name" = 'changes' AND "sql" IS NOT NULL`)
      .all() as { type: string; sql: string }[];
    const logColumns = columns(old, 'changes')
      .map((c) => `"${c}"`)
      .join(',');
    db.exec(`CREATE TEMP TABLE changes_kept AS SELECT ${logColumns} FROM changes ORDER BY "seq";
      DROP VIEW changes; DROP TABLE change_log; DROP TABLE IF EXISTS change_runs;
      DROP TABLE change_records; DROP TABLE change_names;`);
    for (const type of ['table', 'index', 'trigger'])
      for (const item of log.filter((i) => i.type === type)) {
        db.exec(item.sql);
        if (type === 'table')
          db.exec(`INSERT INTO changes (${logColumns}) SELECT ${logColumns} FROM changes_kept`);
      }
    db.exec(`DROP TABLE temp.changes_kept`);
  }
  for (const trigger of items(db, 'trigger')) {
    if (trigger.startsWith('capture_') || !oldTriggers.has(trigger)) db.exec(`DROP TRIGGER "${trigger}"`);
  }
  // An index a later migration redefined (with a column it added) is dropped and made again.
  const indexSql = (d: Database.Database, name: string) =>
    (
      d.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) as {
        sql: string;
      }
    ).sql;
  const redefined: string[] = [];
  for (const index of items(db, 'index')) {
    if (oldIndexes.has(index) && indexSql(db, index) === indexSql(old, index)) continue;
    db.exec(`DROP INDEX "${index}"`);
    if (oldIndexes.has(index)) redefined.push(indexSql(old, index));
  }
  // Virtual tables first: dropping one drops its shadow tables (an FTS5 table's _data, _idx…).
  const virtual = new Set(
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`)
      .pluck()
      .all(),
  );
  const tables = [...items(db, 'table')].sort((a, b) => Number(virtual.has(b)) - Number(virtual.has(a)));
  for (const table of tables) {
    if (!oldTables.has(table)) {
      db.exec(`DROP TABLE IF EXISTS "${table}"`);
      continue;
    }
    const kept = new Set(columns(old, table));
    for (const column of columns(db, table).filter((c) => !kept.has(c))) {
      db.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      db.prepare(`DELETE FROM changes WHERE "tbl" = ? AND "field" = ?`).run(table, column);
    }
  }
  for (const sql of redefined) db.exec(sql);
  db.prepare(`DELETE FROM schema_migrations WHERE "version" > ?`).run(version);
  installCaptureTriggers(db);
  for (const table of oldTables) {
    if (
      JSON.stringify(db.pragma(`table_info("${table}")`)) !==
      JSON.stringify(old.pragma(`table_info("${table}")`))
    )
      throw new Error(`downgradeTo(${version}): table ${table} differs from that version's`);
  }
  old.close();
}

/** A refusal as the Chinese screen says it: its message key, or its issues' keys, in Chinese. */
export function zhOf(body: Pick<ApiErrorBody, 'details'>): string {
  const { msg, issues } = body.details;
  if (msg) return say('zh', msg);
  return (issues ?? []).map((i) => (i.msg ? say('zh', i.msg) : i.message)).join('；');
}

/**
 * A quarter's summary counted with the comparison worker started from `file` (a build of
 * comparisonWorker.ts) and on one thread, on a small district with demands in two quarters,
 * and how many the worker counted (1 when it did).
 */
export async function summaryThroughWorker(
  file: string | URL,
): Promise<{ paired: unknown; alone: unknown; answered: number }> {
  const t = makeCore({ now: '2026-08-10T10:00:00+08:00' });
  const enterprise = t.ok('enterprises.create', { uscc: VALID_USCC[0]!, name: '闽江测试有限公司' });
  const demand = () =>
    t.ok('demands.create', { enterpriseId: enterprise.id, categories: ['tech'], title: '需要检测设备' });
  demand();
  t.clock.set('2026-11-10T10:00:00+08:00');
  demand();
  const worker = new ComparisonWorker(file, t.core);
  t.core.comparisons = worker;
  for (let waited = 0; !worker.startIfIdle(); waited += 50) {
    if (waited > 60_000) throw new Error(`the comparison worker ${String(file)} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const summary = () => {
    clearReportMemo(t.core.store.db);
    return t.ok('reports.quarterly', { quarter: '2026Q4' });
  };
  const paired = summary();
  t.core.comparisons = undefined;
  const alone = summary();
  worker.close();
  return { paired, alone, answered: worker.answered };
}
