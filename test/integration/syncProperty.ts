import { expect } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../../src-main/dispatch';
import type { Core } from '../../src-main/core';
import { usccCheckChar } from '@shared/domain/uscc';
import { MOVES, allowedMoves } from '@shared/domain/workflow';
import { addDays, shanghaiDate } from '@shared/domain/dates';
import type { DemandStatus, Role } from '@shared/domain/enums';
import { openTestCore, TestClock } from '../helpers';
import { DERIVED_DEMAND_FIELDS, replayDemand } from '@shared/domain/demandReplay';
import { eventsOf } from '../../src-main/features/demands/replay';
import { RECORD_TABLES } from '../recordTables';

// The sync promises (shared/DOMAIN.md, "Sync: what must hold…"), as a property over random
// schedules: three to five laptops of one team edit records offline (creates, edits, deletes,
// workflow moves by staff and supervisors, duplicate merges), their clocks drift and jump
// (hours to decades, both ways), a laptop restores one of its own backups, a new laptop is set
// up from a copy of another's database, and they pass files around in any order — some
// imported twice, some relayed through a third laptop. When everyone has finally exported
// everything and imported everything:
//   1. every database holds the same records (field by field) and the same change log, and
//      each shown value is its field's newest change (the workflow's fields excepted: they
//      are what the demand's history gives, see 2);
//   2. every demand's status is a legal workflow state and the one an independent replay of
//      its moves gives (and the history's `superseded` marks, once it has them, the replay's);
//      the fields that go with it are what the app's replay gives; closure fields are set iff
//      it is closed, a hold iff it is on hold;
//   3. no change is lost without a trace a person can see: each is shown, was known by a later
//      change of its field, or is kept as a conflict (a move that lost its place in the
//      history is always kept as one), a quarantine entry, under a listed
//      orphan, or under a deleted record with a delete conflict (the delete did not know of
//      it); and every live record tied to a parent the delete did not know it had is listed
//      as an orphan;
//   4. no stamp was ever issued twice (one stamp, one change, across every log any laptop held).
// Tables and methods other work adds (the `quarantine` table, `orphans.list`) count as empty
// while they do not exist; a quarantined change's field is left out of the comparison of 1.
// SYNC_PROPERTY_INVARIANTS=1,3 checks only some; SYNC_PROPERTY_SEED and _PATH replay a failure.
// SYNC_PROPERTY_RUNS sets how many schedules a run checks (README, "Nothing lost").

const PASS = 'correct horse battery staple';
const START = '2026-11-23T09:00:00+08:00';
/** Where file-backed laptops live: memory-backed when the system has it (fsyncs are free). */
const SHM = existsSync('/dev/shm');
const FILE_ROOT = SHM ? '/dev/shm' : tmpdir();
const MAX_LAPTOPS = 5;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** Clocks jump within these bounds (a laptop's clock set to 1990 or 2090, not to 1970). */
const CLOCK_MIN = Date.parse('1990-01-01T00:00:00Z');
const CLOCK_MAX = Date.parse('2090-12-31T00:00:00Z');

const LOCAL_BOOKKEEPING = new Set(['updatedAt', 'updatedByDevice', 'updatedByStaff']);
/**
 * The demand fields the workflow sets: what replaying the history gives (invariant 2), not
 * the field's newest change.
 */
const WORKFLOW_FIELDS: ReadonlySet<string> = new Set(DERIVED_DEMAND_FIELDS);
const CLOSURE_FIELDS = ['closureType', 'closedAt', 'resolution'] as const;

// A few valid USCCs shared by all laptops, so two of them create the same enterprise.
const USCCS = Array.from({ length: 6 }, (_, i) => {
  const first17 = `91350100MA${String(3200 + i * 17).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
});
const TOWNS = ['城东街道', '城西街道', '高新园区', '江北镇'];

type Kind = 'enterprises' | 'experts' | 'visits' | 'demands' | 'staff';
type Op =
  | { t: 'enterprise'; r: number; uscc: number; name: number }
  | { t: 'expert'; r: number; name: number }
  | { t: 'staff'; r: number; name: number }
  | { t: 'visit'; r: number; pick: number; daysAgo: number; withDemand: boolean }
  | { t: 'demand'; r: number; pick: number; complex: boolean }
  | { t: 'edit'; r: number; kind: Kind; pick: number; field: number; value: number }
  | { t: 'delete'; r: number; kind: Exclude<Kind, 'staff'>; pick: number }
  | { t: 'move'; r: number; pick: number; move: number }
  | { t: 'clock'; r: number; ms: number }
  /** One edit made while the laptop's clock reads years ahead (then set right again). */
  | { t: 'futureEdit'; r: number; ms: number; kind: Kind; pick: number; field: number; value: number }
  /** Who "me" is on a laptop: a staff member or a supervisor. */
  | { t: 'me'; r: number; role: Role }
  /** A supervisor on one laptop and a staff member on another move the same demand. */
  | {
      t: 'raceMoves';
      r: number;
      other: number;
      pick: number;
      /** Moves made (and handed over) first, so the race starts deeper in the workflow. */
      advance: number;
      path: number;
      move: number;
      otherMove: number;
    }
  /** One laptop deletes a record while another edits it and adds a child under it. */
  | {
      t: 'raceDelete';
      r: number;
      other: number;
      kind: 'enterprises' | 'demands' | 'visits';
      pick: number;
      field: number;
      value: number;
    }
  /** Merges a group of duplicate enterprises; another laptop meanwhile adds under a merged one. */
  | { t: 'merge'; r: number; uscc: number; pick: number; other: number }
  | { t: 'backup'; r: number }
  | { t: 'restore'; r: number; pick: number }
  /** A new laptop set up from a copy of another laptop's database file. */
  | { t: 'clone'; r: number }
  | { t: 'export'; r: number; full: boolean }
  | { t: 'import'; r: number; file: number; twice: boolean }
  | { t: 'ship'; r: number; to: number; full: boolean };

export interface Schedule {
  replicas: number;
  /** Records laptop 0 creates and hands to everyone before the schedule, so later edits meet. */
  shared: number;
  ops: Op[];
  /** Per laptop, a rotation of the final import order. */
  finalOrder: number[];
  /**
   * Time passes before the final exchange until no clock is behind any stamp made, so what a
   * laptop held in quarantine is applied; otherwise what it holds stays held.
   */
  catchUp: boolean;
}

const r = fc.nat({ max: 11 });
const pick = fc.nat({ max: 50 });
const kindArb = fc.constantFrom<Kind>(
  'enterprises',
  'enterprises',
  'experts',
  'visits',
  'demands',
  'demands',
  'staff',
);
/** Clock jumps: small drifts, hours, days beyond the 24 h limit, years and decades, both ways. */
const jumpArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
  { weight: 4, arbitrary: fc.integer({ min: 60_000, max: 6 * HOUR }) },
  { weight: 3, arbitrary: fc.integer({ min: -6 * HOUR, max: -1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 25 * HOUR, max: 50 * HOUR }) },
  { weight: 2, arbitrary: fc.integer({ min: -50 * HOUR, max: -25 * HOUR }) },
  { weight: 1, arbitrary: fc.integer({ min: 3 * DAY, max: 300 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: -300 * DAY, max: -3 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: YEAR, max: 40 * YEAR }) },
  { weight: 1, arbitrary: fc.integer({ min: -40 * YEAR, max: -YEAR }) },
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('enterprise' as const),
      r,
      uscc: fc.nat({ max: USCCS.length - 1 }),
      name: fc.nat({ max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expert' as const), r, name: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('staff' as const), r, name: fc.nat({ max: 3 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('visit' as const),
      r,
      pick,
      daysAgo: fc.nat({ max: 20 }),
      withDemand: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('demand' as const), r, pick, complex: fc.boolean() }) },
  {
    weight: 12,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      r,
      kind: kindArb,
      pick,
      field: fc.nat({ max: 5 }),
      value: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('delete' as const),
      r,
      kind: fc.constantFrom<Exclude<Kind, 'staff'>>('enterprises', 'experts', 'visits', 'demands'),
      pick,
    }),
  },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('move' as const), r, pick, move: fc.nat({ max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('clock' as const), r, ms: jumpArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('futureEdit' as const),
      r,
      ms: fc.integer({ min: YEAR, max: 75 * YEAR }),
      kind: kindArb,
      pick,
      field: fc.nat({ max: 5 }),
      value: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('me' as const),
      r,
      role: fc.constantFrom<Role>('staff', 'supervisor'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('raceMoves' as const),
      r,
      other: r,
      pick,
      advance: fc.nat({ max: 5 }),
      path: fc.nat({ max: 31 }),
      move: fc.nat({ max: 3 }),
      otherMove: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('raceDelete' as const),
      r,
      other: r,
      kind: fc.constantFrom(
        'enterprises' as const,
        'enterprises' as const,
        'demands' as const,
        'visits' as const,
      ),
      pick,
      field: fc.nat({ max: 5 }),
      value: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('merge' as const),
      r,
      uscc: fc.nat({ max: USCCS.length - 1 }),
      pick,
      other: r,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('backup' as const), r }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('restore' as const), r, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('clone' as const), r }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('export' as const), r, full: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      r,
      file: fc.nat({ max: 30 }),
      twice: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constant('ship' as const), r, to: fc.nat({ max: 11 }), full: fc.boolean() }),
  },
);
export const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  replicas: fc.constantFrom(3, 3, 3, 4),
  shared: fc.nat({ max: 3 }),
  ops: fc.array(opArb, { minLength: 8, maxLength: 40, size: 'max' }),
  finalOrder: fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }),
  catchUp: fc.boolean(),
});

/** Refusals a service may give for a random request; anything else (INTERNAL) is a bug. */
const EXPECTED_REFUSALS = new Set(['VALIDATION', 'CONFLICT', 'WORKFLOW', 'NOT_FOUND', 'FORBIDDEN']);

interface Replica {
  core: Core;
  clock: TestClock;
  /** The database file, or ':memory:' where the system has no memory-backed folder. */
  path: string;
  /**
   * Whether the schedule uses the laptop's file (backups, restores, copies). A schedule without
   * them keeps its laptops in memory, or in a memory-backed file copied from the migrated
   * template: migrating a new in-memory database took most of a short schedule's time.
   */
  fileBacked: boolean;
}

export interface Team {
  code: string;
  key: string;
}

/** Which invariants to check (all unless SYNC_PROPERTY_INVARIANTS lists some). */
const CHECKED = new Set(
  (process.env.SYNC_PROPERTY_INVARIANTS ?? '1,2,3,4').split(',').map((s) => Number(s.trim())),
);

export interface Stats {
  files: number;
  /** Files that carried changes made on a third laptop. */
  relays: number;
  doubleImports: number;
  restores: number;
  clones: number;
  merges: number;
  /** Schedules whose laptops' clocks were set years apart at some point. */
  futureEdits: number;
  /** Races where both laptops moved the same demand (one as supervisor, one as staff). */
  racedMoves: number;
  /** Races where one laptop deleted a record the other then edited or added under. */
  racedDeletes: number;
  changes: number;
  conflicts: number;
}

export const newStats = (): Stats => ({
  files: 0,
  relays: 0,
  doubleImports: 0,
  restores: 0,
  clones: 0,
  merges: 0,
  futureEdits: 0,
  racedMoves: 0,
  racedDeletes: 0,
  changes: 0,
  conflicts: 0,
});

function attempt(core: Core, method: string, input: unknown): unknown {
  const res = call(core, method, input);
  if (res.ok) return res.result;
  if (!EXPECTED_REFUSALS.has(res.error.code)) {
    throw new Error(`${method} ${JSON.stringify(input)} failed unexpectedly: ${JSON.stringify(res.error)}`);
  }
  return null;
}

function must<T>(core: Core, method: string, input: unknown): T {
  const res = call(core, method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.result as T;
}

function liveIds(core: Core, table: string): string[] {
  return (
    core.store.db.prepare(`SELECT "id" FROM "${table}" WHERE "deletedAt" IS NULL ORDER BY "id"`).all() as {
      id: string;
    }[]
  ).map((x) => x.id);
}

const isLive = (core: Core, table: string, id: string): boolean =>
  !!core.store.db.prepare(`SELECT 1 FROM "${table}" WHERE "id" = ? AND "deletedAt" IS NULL`).get(id);

const hasOpenDemands = (core: Core, enterpriseId: string): boolean =>
  !!core.store.db
    .prepare(
      `SELECT 1 FROM demands WHERE "enterpriseId" = ? AND "deletedAt" IS NULL AND "status" NOT IN ('closed','rejected')`,
    )
    .get(enterpriseId);

function editInput(kind: Kind, field: number, v: number, staffIds: string[]): Record<string, unknown> {
  switch (kind) {
    case 'enterprises':
      return [
        { name: `闽江智造${v}号有限公司` },
        { town: TOWNS[v]! },
        { address: `工业路${v}号` },
        { industry: ['C39', 'A', 'M73', null][v] },
        {
          status: ['normal', 'unreachable', 'dormant', 'normal'][v],
          contacts: [{ name: `联系人${v}`, phone: `1380000000${v}` }],
        },
        { uscc: USCCS[v]!, liaisonStaffId: staffIds[v % staffIds.length] ?? null },
      ][field]!;
    case 'experts':
      return [
        { name: `陈教授${v}` },
        { organization: ['福州大学', '厦门大学', '华侨大学', null][v] },
        { title: `教授${v}` },
        { speciality: `材料${v}` },
        { phone: `1390000000${v}` },
        { name: `林研究员${v}`, title: null },
      ][field]!;
    case 'visits':
      return [
        { summary: `经营正常，讨论了第${v}项研发计划` },
        { peopleMet: `总经理${v}` },
        { mode: ['onsite', 'phone', 'meeting', 'online'][v] },
        { solvedOnSite: v % 2 === 0 },
        { policiesExplained: `研发费用加计扣除${v}` },
        { enterpriseConfirmed: v % 2 === 1, summary: `回访${v}` },
      ][field]!;
    case 'demands':
      return [
        { title: `设备改造需求${v}` },
        { description: `需要第${v}类技术支持` },
        { level: ['district', 'city', 'province', 'city'][v] },
        { complex: v % 2 === 0 },
        { responsibleUnit: `科技科${v}` },
        { assigneeStaffId: staffIds[v % staffIds.length] ?? null },
      ][field]!;
    case 'staff':
      return [{ phone: `1370000000${v}` }, { name: `科员${v}` }, { active: v % 2 === 0 }][field % 3]!;
  }
}

interface ChangeRow {
  hlc: string;
  device: string;
  staff: string | null;
  tbl: string;
  rowId: string;
  field: string;
  value: unknown;
  prevHlc: string | null;
}

const changeLog = (core: Core) =>
  core.store.db
    .prepare(
      `SELECT "hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "hlc"`,
    )
    .all() as ChangeRow[];

/** A schedule's laptops and what the harness keeps about them. */
class Run {
  reps: Replica[] = [];
  files: string[] = [];
  /** Logs of databases that were replaced (by a restore): their stamps were issued too. */
  retiredLogs: ChangeRow[][] = [];
  /**
   * What each delete knew: for a delete's stamp, every stamp the deleting laptop held when it
   * deleted (ground truth the harness sees, not something a laptop could know).
   */
  deleteKnew = new Map<string, Set<string>>();
  private dir: string | null = null;

  constructor(
    private team: Team,
    private stats: Stats,
    private fileBacked: boolean,
  ) {
    if (fileBacked || SHM) this.dir = mkdtempSync(join(FILE_ROOT, 'vl-property-'));
  }

  /** A laptop of the team, with a supervisor as "me". */
  addLaptop(): Replica {
    const i = this.reps.length;
    const clock = new TestClock(Date.parse(START));
    const path = this.dir ? join(this.dir, `laptop-${i}.db`) : ':memory:';
    const core = openTestCore(path, { now: clock.now, deviceName: `laptop-${i}` });
    const me = must<{ id: string }>(core, 'staff.create', { name: '测试员', role: 'supervisor' });
    must(core, 'me.set', { staffId: me.id });
    // What sync.team.join stores, without deriving the key again.
    core.store.setMeta('teamCode', this.team.code);
    core.store.setMeta('teamKey', this.team.key);
    const rep = { core, clock, path, fileBacked: this.fileBacked };
    this.reps.push(rep);
    return rep;
  }

  /** A new laptop set up from a copy of `source`'s database file, taken while it was closed. */
  cloneLaptop(source: Replica): Replica {
    const i = this.reps.length;
    const path = join(this.dir!, `laptop-${i}.db`);
    source.core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    source.core.store.close();
    copyFileSync(source.path, path);
    source.core = openTestCore(source.path, source.core.store.options);
    const clock = new TestClock(source.clock.ms);
    const core = openTestCore(path, { now: clock.now, deviceName: `laptop-${i}` });
    const rep = { core, clock, path, fileBacked: true };
    this.reps.push(rep);
    return rep;
  }

  close(): void {
    for (const rep of this.reps) {
      try {
        rep.core.store.close();
      } catch {
        /* already closed */
      }
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Exports through the API, noting whether the file relays other laptops' changes. */
  exportFrom(core: Core, full: boolean): string {
    const since = full ? 0 : Number(core.store.getMeta('lastExportSeq') ?? 0);
    const foreign = core.store.db
      .prepare(`SELECT count(*) AS n FROM changes WHERE "seq" > ? AND "device" <> ?`)
      .get(since, core.store.device.id) as { n: number };
    if (foreign.n > 0) this.stats.relays += 1;
    this.stats.files += 1;
    return must<{ contentBase64: string }>(core, 'sync.export', { full }).contentBase64;
  }

  /** Runs a local action, noting what every delete it stamps knew of its record. */
  deleting<T>(core: Core, action: () => T): T {
    const db = core.store.db;
    const before = (db.prepare(`SELECT max("seq") AS s FROM changes`).get() as { s: number | null }).s ?? 0;
    const out = action();
    const deletes = db
      .prepare(`SELECT "hlc" FROM changes WHERE "seq" > ? AND "field" = 'deletedAt' AND "value" IS NOT NULL`)
      .pluck()
      .all(before) as string[];
    if (deletes.length) {
      const held = new Set(db.prepare(`SELECT "hlc" FROM changes`).pluck().all() as string[]);
      for (const hlc of deletes) this.deleteKnew.set(hlc, held);
    }
    return out;
  }

  setRole(rep: Replica, role: Role): void {
    const { core } = rep;
    const current = core.store.db
      .prepare(`SELECT s."role" FROM staff s JOIN meta m ON m."key" = 'meStaffId' AND m."value" = s."id"`)
      .get() as { role: Role } | undefined;
    if (current?.role === role) return;
    const existing = core.store.db
      .prepare(
        `SELECT "id" FROM staff WHERE "role" = ? AND "deletedAt" IS NULL AND "active" = 1 ORDER BY "id"`,
      )
      .pluck()
      .get(role) as string | undefined;
    const id =
      existing ??
      (
        attempt(core, 'staff.create', { name: role === 'supervisor' ? '科长' : '办事员', role }) as {
          id: string;
        } | null
      )?.id;
    if (id) attempt(core, 'me.set', { staffId: id });
  }

  move(rep: Replica, id: string, choice: number): boolean {
    const { core } = rep;
    const row = core.store.db.prepare(`SELECT "status" FROM demands WHERE "id" = ?`).get(id) as
      { status: DemandStatus | null } | undefined;
    const moves = allowedMoves(row?.status);
    if (!moves.length) return false;
    const to = moves[choice % moves.length]!;
    const me = core.store.getMeta('meStaffId');
    return (
      attempt(core, 'demands.transition', {
        id,
        to,
        note: '办理说明',
        ...(to === 'assigned' ? { assigneeStaffId: me } : {}),
        ...(to === 'closed' ? { closureType: 'substantive', resolution: '已对接高校专家' } : {}),
      }) !== null
    );
  }

  edit(rep: Replica, kind: Kind, id: string, field: number, value: number): boolean {
    const { core } = rep;
    return (
      attempt(core, `${kind}.update`, { id, ...editInput(kind, field, value, liveIds(core, 'staff')) }) !==
      null
    );
  }

  /** A child under an enterprise: a demand, or a visit (with a demand when `value` is odd). */
  addUnder(rep: Replica, enterpriseId: string, value: number): boolean {
    const { core, clock } = rep;
    if (value % 2 === 0) {
      return (
        attempt(core, 'demands.create', {
          enterpriseId,
          categories: ['finance'],
          title: '融资需求',
          complex: false,
        }) !== null
      );
    }
    return (
      attempt(core, 'visits.create', {
        enterpriseId,
        date: shanghaiDate(clock.ms),
        mode: 'onsite',
        summary: '走访',
        demands: value % 4 === 1 ? [{ categories: ['tech'], title: '技术攻关' }] : [],
      }) !== null
    );
  }

  runOp(op: Op): void {
    const { reps, files, stats } = this;
    const rep = reps[op.r % reps.length]!;
    const { core, clock } = rep;
    const pickOf = (c: Core, table: string, n: number): string | null => {
      const ids = liveIds(c, table);
      return ids.length ? ids[n % ids.length]! : null;
    };
    const other = 'other' in op ? reps[op.other % reps.length]! : rep;
    switch (op.t) {
      case 'enterprise':
        attempt(core, 'enterprises.create', {
          uscc: USCCS[op.uscc]!,
          name: `企业${op.uscc}-${op.name}`,
          town: TOWNS[op.name],
        });
        return;
      case 'expert':
        attempt(core, 'experts.create', { name: `专家${op.name}`, organization: '福州大学' });
        return;
      case 'staff':
        attempt(core, 'staff.create', { name: `同事${op.name}`, role: 'staff' });
        return;
      case 'visit': {
        const enterpriseId = pickOf(core, 'enterprises', op.pick);
        if (!enterpriseId) return;
        attempt(core, 'visits.create', {
          enterpriseId,
          date: addDays(shanghaiDate(clock.ms), -op.daysAgo),
          mode: 'onsite',
          summary: '走访',
          demands: op.withDemand ? [{ categories: ['tech'], title: '技术攻关' }] : [],
        });
        return;
      }
      case 'demand': {
        const enterpriseId = pickOf(core, 'enterprises', op.pick);
        if (!enterpriseId) return;
        attempt(core, 'demands.create', {
          enterpriseId,
          categories: ['finance'],
          title: '融资需求',
          complex: op.complex,
        });
        return;
      }
      case 'edit': {
        const id = pickOf(core, op.kind, op.pick);
        if (id) this.edit(rep, op.kind, id, op.field, op.value);
        return;
      }
      case 'delete': {
        const id = pickOf(core, op.kind, op.pick);
        if (id) this.deleting(core, () => attempt(core, `${op.kind}.delete`, { id }));
        return;
      }
      case 'move': {
        const id = pickOf(core, 'demands', op.pick);
        if (id) this.move(rep, id, op.move);
        return;
      }
      case 'clock':
        clock.ms = Math.min(CLOCK_MAX, Math.max(CLOCK_MIN, clock.ms + op.ms));
        return;
      case 'futureEdit': {
        const id = pickOf(core, op.kind, op.pick);
        if (!id) return;
        const before = clock.ms;
        clock.ms = Math.min(CLOCK_MAX, clock.ms + op.ms);
        try {
          if (this.edit(rep, op.kind, id, op.field, op.value)) stats.futureEdits += 1;
        } finally {
          clock.ms = before;
        }
        return;
      }
      case 'me':
        this.setRole(rep, op.role);
        return;
      case 'raceMoves': {
        if (other === rep) return;
        const id = pickOf(core, 'demands', op.pick);
        if (!id || !isLive(other.core, 'demands', id)) return;
        this.setRole(rep, 'supervisor');
        this.setRole(other, 'staff');
        if (op.advance) {
          for (let k = 0; k < op.advance; k++) this.move(rep, id, op.path >> k);
          must(other.core, 'sync.import', {
            contentBase64: this.exportFrom(core, false),
            confirmMassDelete: true,
          });
        }
        const a = this.move(rep, id, op.move);
        const b = this.move(other, id, op.otherMove);
        if (a && b) stats.racedMoves += 1;
        return;
      }
      case 'raceDelete': {
        if (other === rep) return;
        // An enterprise with open demands cannot be deleted: one without is picked.
        const candidates = liveIds(core, op.kind).filter(
          (id) => isLive(other.core, op.kind, id) && (op.kind !== 'enterprises' || !hasOpenDemands(core, id)),
        );
        const id = candidates.length ? candidates[op.pick % candidates.length]! : null;
        if (!id) return;
        const deleted = this.deleting(core, () => attempt(core, `${op.kind}.delete`, { id })) !== null;
        let edited = this.edit(other, op.kind, id, op.field, op.value);
        if (op.kind === 'enterprises') edited = this.addUnder(other, id, op.value) || edited;
        else if (op.kind === 'demands') edited = this.move(other, id, op.value) || edited;
        if (deleted && edited) stats.racedDeletes += 1;
        return;
      }
      case 'merge': {
        // Two laptops registered the same company offline; once the files meet, one merges.
        if (other !== rep) {
          // A company this laptop has and the other does not know yet.
          const usccs = (c: Core) =>
            new Set(
              c.store.db
                .prepare(`SELECT "uscc" FROM enterprises WHERE "deletedAt" IS NULL AND "uscc" IS NOT NULL`)
                .pluck()
                .all() as string[],
            );
          const mine = usccs(core);
          const theirs = usccs(other.core);
          const fresh = USCCS.filter((u) => mine.has(u) && !theirs.has(u));
          const uscc = fresh.length ? fresh[op.uscc % fresh.length]! : USCCS[op.uscc]!;
          attempt(other.core, 'enterprises.create', { uscc, name: `企业${op.uscc}-重复` });
          must(core, 'sync.import', {
            contentBase64: this.exportFrom(other.core, false),
            confirmMassDelete: true,
          });
        }
        const { groups } = must<{ groups: { enterprises: { id: string }[] }[] }>(core, 'duplicates.list', {});
        if (!groups.length) return;
        const ids = groups[op.pick % groups.length]!.enterprises.map((e) => e.id);
        const keepId = ids[op.pick % ids.length]!;
        const mergeIds = ids.filter((id) => id !== keepId);
        if (this.deleting(core, () => attempt(core, 'duplicates.merge', { keepId, mergeIds })) === null)
          return;
        stats.merges += 1;
        // The other laptop, not yet told, keeps working on an enterprise merged away.
        if (other !== rep) {
          for (const id of mergeIds)
            if (isLive(other.core, 'enterprises', id)) this.addUnder(other, id, op.pick);
        }
        return;
      }
      case 'backup':
        if (rep.fileBacked) must(core, 'backups.create', {});
        return;
      case 'restore': {
        if (!rep.fileBacked) return;
        const { rows } = must<{ rows: { path: string }[] }>(core, 'backups.list', {});
        if (!rows.length) return;
        this.retiredLogs.push(changeLog(core));
        must(core, 'backups.restore', { file: rows[op.pick % rows.length]!.path });
        stats.restores += 1;
        return;
      }
      case 'clone':
        if (!rep.fileBacked || reps.length >= MAX_LAPTOPS) return;
        this.cloneLaptop(rep);
        stats.clones += 1;
        return;
      case 'export':
        files.push(this.exportFrom(core, op.full));
        return;
      case 'import': {
        if (!files.length) return;
        const contentBase64 = files[op.file % files.length]!;
        must(core, 'sync.import', { contentBase64, confirmMassDelete: true });
        if (op.twice) {
          stats.doubleImports += 1;
          const again = must<{ newChanges: number }>(core, 'sync.import', {
            contentBase64,
            confirmMassDelete: true,
          });
          if (again.newChanges !== 0)
            throw new Error(`a second import of the same file brought ${again.newChanges} new changes`);
        }
        return;
      }
      case 'ship': {
        // Straight from one laptop to another (a USB stick handed over).
        const file = this.exportFrom(core, op.full);
        files.push(file);
        must(reps[op.to % reps.length]!.core, 'sync.import', {
          contentBase64: file,
          confirmMassDelete: true,
        });
        return;
      }
    }
  }
}

/** Record content without the per-device bookkeeping columns. */
function content(core: Core): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of RECORD_TABLES) {
    out[table] = (
      core.store.db.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).all() as Record<string, unknown>[]
    ).map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([k]) => !LOCAL_BOOKKEEPING.has(k))
          // A flag each laptop's replay writes for itself (not synced): compared by what it says.
          .map(([k, v]) =>
            table === 'demand_history' && k === 'superseded' ? [k, v ? true : null] : [k, v],
          ),
      ),
    );
  }
  return out;
}

const hasTable = (core: Core, table: string): boolean =>
  !!core.store.db.prepare(`SELECT 1 FROM sqlite_master WHERE "type" = 'table' AND "name" = ?`).get(table);

interface ConflictRow {
  type: string | null;
  tbl: string;
  rowId: string;
  winnerHlc: string;
  loserHlc: string;
  field: string;
  loserValue: unknown;
}

/** What a laptop shows a person besides its records: conflicts, quarantine, orphans. */
interface Traces {
  conflictStamps: Set<string>;
  /** The losers kept as conflicts. */
  losers: Set<string>;
  /** `tbl/rowId/field` and value of each loser kept: a change of that value is not lost. */
  keptValues: Set<string>;
  /** `tbl/rowId` of records with a delete conflict. */
  deleteConflicts: Set<string>;
  /** `tbl/rowId` of records with any conflict. */
  conflictRecords: Set<string>;
  quarantined: Set<string>;
  /** `tbl/rowId/field` of fields with a change held in quarantine somewhere. */
  quarantinedFields: Set<string>;
  /** Record ids listed as orphans, per laptop. */
  orphans: Set<string>[];
}

function tracesOf(reps: Replica[]): Traces {
  const t: Traces = {
    conflictStamps: new Set(),
    losers: new Set(),
    keptValues: new Set(),
    deleteConflicts: new Set(),
    conflictRecords: new Set(),
    quarantined: new Set(),
    quarantinedFields: new Set(),
    orphans: [],
  };
  for (const { core } of reps) {
    const db = core.store.db;
    for (const c of db
      .prepare(`SELECT "type","tbl","rowId","field","winnerHlc","loserHlc","loserValue" FROM conflicts`)
      .all() as ConflictRow[]) {
      t.conflictStamps.add(c.loserHlc);
      t.losers.add(c.loserHlc);
      t.keptValues.add(`${fieldKey(c)}\u0000${JSON.stringify(c.loserValue)}`);
      t.conflictStamps.add(c.winnerHlc);
      t.conflictRecords.add(`${c.tbl}/${c.rowId}`);
      if (c.type === 'delete') t.deleteConflicts.add(`${c.tbl}/${c.rowId}`);
    }
    // The quarantine (changes stamped far ahead, held back): empty until the table exists.
    if (hasTable(core, 'quarantine')) {
      const cols = new Set((db.pragma('table_info(quarantine)') as { name: string }[]).map((c) => c.name));
      const fieldCols = cols.has('tbl') && cols.has('rowId') && cols.has('field');
      for (const q of db.prepare(`SELECT * FROM quarantine`).all() as Record<string, string>[]) {
        t.quarantined.add(q.hlc!);
        if (fieldCols) t.quarantinedFields.add(`${q.tbl}/${q.rowId}/${q.field}`);
      }
    }
    // Orphans: no orphans listed while the method does not exist.
    const res = call(core, 'orphans.list', {});
    const listed = new Set<string>();
    if (res.ok) collectIds(res.result, listed);
    else if (res.error.code !== 'UNKNOWN_METHOD')
      throw new Error(`orphans.list failed: ${JSON.stringify(res.error)}`);
    t.orphans.push(listed);
  }
  return t;
}

/** The record ids in a listing of any shape: every `id`, `recordId` or `rowId` in it. */
function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectIds(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k === 'recordId' || k === 'rowId') && typeof v === 'string') into.add(v);
      else collectIds(v, into);
    }
  }
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const fieldKey = (c: { tbl: string; rowId: string; field: string }) => `${c.tbl}/${c.rowId}/${c.field}`;

/** 1. Same records and change log everywhere; each shown value is its field's newest change. */
function checkSameEverywhere(reps: Replica[], logs: ChangeRow[][], traces: Traces): void {
  const contents = reps.map((rep) => content(rep.core));
  // Compared as JSON first (fast); the matcher's diff only when they differ.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (traces.quarantinedFields.size === 0) {
    for (let i = 1; i < reps.length; i++) {
      if (!same(logs[i], logs[0])) expect(logs[i], `change log of laptop ${i} vs laptop 0`).toEqual(logs[0]);
      for (const table of RECORD_TABLES) {
        if (!same(contents[i]![table], contents[0]![table])) {
          expect(contents[i]![table], `${table} on laptop ${i} vs laptop 0`).toEqual(contents[0]![table]);
        }
      }
    }
  } else {
    // A change held in quarantine is not applied where it is held (by design): its field is
    // left out of the comparison; every other field must agree, and so must every other change.
    const q = traces.quarantinedFields;
    // A demand with a change of its record or history held somewhere replays differently
    // there: its workflow fields and its history's superseded marks (what the replay derives
    // from that history, checked by invariant 2 on each laptop) are left out too.
    const held = new Set<string>();
    for (const c of contents) {
      for (const d of c.demands ?? []) {
        if ([...q].some((k) => k.startsWith(`demands/${String(d.id)}/`))) held.add(String(d.id));
      }
      for (const h of c.demand_history ?? []) {
        if ([...q].some((k) => k.startsWith(`demand_history/${String(h.id)}/`))) held.add(String(h.demandId));
      }
    }
    const derivedFromHeld = (table: string, row: Record<string, unknown>, field: string) =>
      (table === 'demands' && WORKFLOW_FIELDS.has(field) && held.has(String(row.id))) ||
      (table === 'demand_history' && field === 'superseded' && held.has(String(row.demandId)));
    const fieldsOf = (c: Record<string, Record<string, unknown>[]>) => {
      const out: Record<string, unknown> = {};
      for (const [table, rows] of Object.entries(c)) {
        for (const row of rows) {
          for (const [field, value] of Object.entries(row)) {
            const key = `${table}/${String(row.id)}/${field}`;
            if (field !== 'id' && value !== null && !q.has(key) && !derivedFromHeld(table, row, field))
              out[key] = value;
          }
        }
      }
      return out;
    };
    const logOf = (log: ChangeRow[]) => log.filter((c) => !q.has(fieldKey(c)));
    const first = fieldsOf(contents[0]!);
    const firstLog = logOf(logs[0]!);
    for (let i = 1; i < reps.length; i++) {
      const log = logOf(logs[i]!);
      if (!same(log, firstLog)) expect(log, `change log of laptop ${i} vs laptop 0`).toEqual(firstLog);
      const fields = fieldsOf(contents[i]!);
      if (!same(fields, first)) expect(fields, `records on laptop ${i} vs laptop 0`).toEqual(first);
    }
  }

  // Every shown value is the newest change of its field (on each laptop, from its own log).
  contents.forEach((tables, i) => {
    const winners = new Map<string, ChangeRow>();
    for (const c of logs[i]!) winners.set(fieldKey(c), c); // ordered by hlc: last wins
    for (const [table, rows] of Object.entries(tables)) {
      for (const row of rows) {
        for (const [field, value] of Object.entries(row)) {
          if (table === 'demands' && WORKFLOW_FIELDS.has(field)) continue;
          const w = winners.get(`${table}/${String(row.id)}/${field}`);
          if (w && w.value !== value)
            expect(value, `laptop ${i}: ${table}.${field} of ${String(row.id)}`).toEqual(w.value);
        }
      }
    }
  });
}

interface HistoryEvent {
  id: string;
  from: DemandStatus | null;
  to: DemandStatus;
  /** The event's clock stamp: the smallest of its row's change stamps. */
  stamp: string;
  device: string;
  stamps: string[];
  superseded: boolean;
}

/**
 * The oracle of invariant 2: a demand's history replayed in clock order through the workflow;
 * an event whose `from` is not the replayed status, or whose move the workflow does not
 * allow, is superseded.
 */
function replayHistory(
  core: Core,
  log: ChangeRow[],
): Map<string, { status: DemandStatus | null; events: HistoryEvent[] }> {
  const stampsByRow = new Map<string, ChangeRow[]>();
  for (const c of log) {
    if (c.tbl !== 'demand_history') continue;
    const list = stampsByRow.get(c.rowId);
    if (list) list.push(c);
    else stampsByRow.set(c.rowId, [c]);
  }
  const rows = core.store.db.prepare(`SELECT * FROM demand_history WHERE "deletedAt" IS NULL`).all() as {
    id: string;
    demandId: string;
    from: DemandStatus | null;
    to: DemandStatus;
    type?: string | null;
  }[];
  const byDemand = new Map<string, HistoryEvent[]>();
  for (const h of rows) {
    // Only moves replay: other events (a note, a due date set) leave the status as it is.
    // Events from before events had a type are moves when they change the status.
    const isMove = h.type === undefined || h.type === null ? h.from !== h.to : h.type === 'transition';
    if (!isMove) continue;
    const changes = stampsByRow.get(h.id) ?? [];
    if (!changes.length) throw new Error(`demand_history ${h.id} has no change in the log`);
    const first = changes[0]!; // the log is in stamp order
    const ev: HistoryEvent = {
      id: h.id,
      from: h.from,
      to: h.to,
      stamp: first.hlc,
      device: first.device,
      stamps: changes.map((c) => c.hlc),
      superseded: false,
    };
    const list = byDemand.get(h.demandId);
    if (list) list.push(ev);
    else byDemand.set(h.demandId, [ev]);
  }
  const out = new Map<string, { status: DemandStatus | null; events: HistoryEvent[] }>();
  for (const [demandId, events] of byDemand) {
    events.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
    let status: DemandStatus | null = null;
    for (const ev of events) {
      const legal =
        ev.from === null
          ? status === null && ev.to === 'pending'
          : status === ev.from && !!MOVES[ev.from]?.[ev.to];
      if (legal) status = ev.to;
      else ev.superseded = true;
    }
    out.set(demandId, { status, events });
  }
  return out;
}

/** 2. Each demand's state is what its history gives, on every laptop. */
function checkDemands(reps: Replica[], logs: ChangeRow[][], traces: Traces): string[] {
  const problems: string[] = [];
  reps.forEach((rep, i) => {
    const replayed = replayHistory(rep.core, logs[i]!);
    const marks = (rep.core.store.db.pragma('table_info(demand_history)') as { name: string }[]).some(
      (c) => c.name === 'superseded',
    )
      ? new Map(
          (
            rep.core.store.db.prepare(`SELECT "id","superseded" FROM demand_history`).all() as {
              id: string;
              superseded: unknown;
            }[]
          ).map((h) => [h.id, !!h.superseded]),
        )
      : null;
    const demands = rep.core.store.db.prepare(`SELECT * FROM demands ORDER BY "id"`).all() as ({
      id: string;
      status: DemandStatus | null;
      holdSince: string | null;
    } & Record<string, unknown>)[];
    const appEvents = eventsOf(
      rep.core.store,
      demands.map((d) => d.id),
    );
    // Demands whose status some change of the log holds (their creation's, or a replay's).
    const withStatus = new Set(
      logs[i]!.filter((c) => c.tbl === 'demands' && c.field === 'status' && c.value !== null).map(
        (c) => c.rowId,
      ),
    );
    for (const d of demands) {
      // A demand whose status is held in quarantine here has not arrived yet.
      if (traces.quarantinedFields.has(`demands/${d.id}/status`)) continue;
      const where = `laptop ${i}: demand ${d.id}`;
      // Nor has one whose creation is in no laptop's log and which has no history: only later
      // edits of it arrived (partialRecords.test.ts). Its history gives no status, and it has
      // none. (Seed 472303071: its creation went out in a file that no laptop imported, and the
      // laptop that made it restored a backup from before it.)
      if (d.status === null && !withStatus.has(d.id) && !replayed.has(d.id)) continue;
      if (!d.status || !(d.status in MOVES)) {
        problems.push(`${where} has status ${JSON.stringify(d.status)}, not a workflow state`);
        continue;
      }
      const r = replayed.get(d.id);
      if (!r) problems.push(`${where} is ${d.status} with no history`);
      else if (r.status !== d.status) {
        const path = r.events.map((e) => `${e.from ?? '∅'}→${e.to}${e.superseded ? ' (superseded)' : ''}`);
        problems.push(`${where} is ${d.status}, its history replays to ${r.status}: ${path.join(', ')}`);
      }
      // Once the history marks superseded moves (a column other work adds), the marks are the replay's.
      if (r && marks) {
        for (const e of r.events) {
          if (!!marks.get(e.id) !== e.superseded)
            problems.push(
              `${where}: history ${e.id} (${e.from ?? '∅'}→${e.to}) marked superseded ${String(marks.get(e.id))}, the replay says ${String(e.superseded)}`,
            );
        }
      }
      // The fields that go with the status are what the app's replay of the history gives.
      const events = appEvents.get(d.id);
      const replay = events ? replayDemand(events, d as never) : null;
      if (replay) {
        for (const f of DERIVED_DEMAND_FIELDS) {
          if (!sameValue(d[f] ?? null, replay.derived[f]))
            problems.push(
              `${where}: ${f} is ${JSON.stringify(d[f])}, the app's replay of its history gives ${JSON.stringify(replay.derived[f])}`,
            );
        }
      }
      const closed = d.status === 'closed';
      for (const f of CLOSURE_FIELDS) {
        if ((d[f] !== null) !== closed)
          problems.push(`${where} is ${d.status} with ${f} ${JSON.stringify(d[f])}`);
      }
      if ((d.holdSince !== null) !== (d.status === 'on_hold'))
        problems.push(`${where} is ${d.status} with holdSince ${JSON.stringify(d.holdSince)}`);
    }
  });
  return problems;
}

/**
 * Children and the field that ties each to its parent. A live child under a deleted parent is
 * an orphan when it was tied there without the delete knowing (on another laptop, at the same
 * time): one laptop alone leaves visits and ended demands under a deleted enterprise, by design.
 */
const PARENT_LINKS: {
  table: string;
  field: string;
  parent: (row: Record<string, string>) => string | null;
}[] = [
  { table: 'visits', field: 'enterpriseId', parent: () => 'enterprises' },
  { table: 'demands', field: 'enterpriseId', parent: () => 'enterprises' },
  {
    table: 'followups',
    field: 'parentId',
    parent: (row) => ({ demand: 'demands', visit: 'visits' })[row.parentType!] ?? null,
  },
];

/** 3. No change lost without a trace; every orphan listed. */
function checkNothingLost(run: Run, logs: ChangeRow[][], traces: Traces): string[] {
  const problems: string[] = [];
  const allOrphans = new Set(traces.orphans.flatMap((s) => [...s]));
  run.reps.forEach((rep, i) => {
    const log = logs[i]!;
    const db = rep.core.store.db;
    const byField = new Map<string, ChangeRow[]>();
    const byRow = new Map<string, ChangeRow[]>();
    for (const c of log) {
      for (const [map, key] of [
        [byField, fieldKey(c)],
        [byRow, `${c.tbl}/${c.rowId}`],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(c);
        else map.set(key, [c]);
      }
    }
    const shown = new Map<string, ChangeRow>();
    for (const [key, list] of byField) shown.set(key, list[list.length - 1]!);
    const knownInField = (c: ChangeRow, among: Iterable<ChangeRow>) => {
      for (const o of among) if (o !== c && o.prevHlc !== null && o.prevHlc >= c.hlc) return true;
      return false;
    };
    const replayed = replayHistory(rep.core, log);
    const traced = (c: ChangeRow) => traces.conflictStamps.has(c.hlc) || traces.quarantined.has(c.hlc);

    // A move that lost its place in the replay is shown as a conflict.
    for (const [demandId, { events }] of replayed) {
      for (const e of events) {
        if (e.superseded && !e.stamps.some((st) => traces.conflictStamps.has(st)))
          problems.push(
            `laptop ${i}: demand ${demandId}'s move ${e.from ?? '∅'}→${e.to} (${e.stamp}) lost its place in the history, not kept as a conflict`,
          );
      }
    }
    const rowOf = (tbl: string, rowId: string) =>
      db.prepare(`SELECT * FROM "${tbl}" WHERE "id" = ?`).get(rowId) as Record<string, unknown> | undefined;
    for (const [rowKey, changes] of byRow) {
      const [tbl, rowId] = [changes[0]!.tbl, changes[0]!.rowId];
      if (allOrphans.has(rowId)) continue;
      const deletion = shown.get(`${rowKey}/deletedAt`);
      const deleted = deletion && deletion.value !== null;
      const knewAtDelete = deleted ? run.deleteKnew.get(deletion.hlc) : undefined;
      if (deleted && !knewAtDelete)
        throw new Error(`laptop ${i}: the harness did not see delete ${deletion.hlc}`);
      for (const c of changes) {
        // Deletions themselves need no trace.
        if (traced(c) || (c.field === 'deletedAt' && c.value !== null)) continue;
        const field = byField.get(fieldKey(c))!;
        // A deleted record's edits the delete did not know of are lost to it: a delete conflict.
        if (deleted && c.field !== 'deletedAt') {
          // Known: this change, one that knew it, or the same value (two laptops merging one
          // duplicate into one survivor both write its mergedInto: nothing of it is lost).
          const deleteKnew =
            knewAtDelete!.has(c.hlc) ||
            field.some(
              (o) =>
                knewAtDelete!.has(o.hlc) &&
                ((o.prevHlc !== null && o.prevHlc >= c.hlc) || sameValue(o.value, c.value)),
            );
          if (deleteKnew || traces.deleteConflicts.has(rowKey)) continue;
          problems.push(
            `laptop ${i}: ${fieldKey(c)} = ${JSON.stringify(c.value)} (${c.hlc}) lost to the delete ${deletion.hlc} with no delete conflict`,
          );
          continue;
        }
        // The workflow's fields are what the history gives: a move is kept in the history, or
        // kept as a conflict when it lost its place (checked above), so none of them is lost.
        if (tbl === 'demands' && WORKFLOW_FIELDS.has(c.field)) continue;
        // Shown (its value is the record's), or knowingly overwritten.
        const row = rowOf(tbl, rowId);
        const showing = row && c.field in row ? row[c.field] : shown.get(fieldKey(c))!.value;
        if (sameValue(showing, c.value) || knownInField(c, field)) continue;
        // Another change of the same value is kept as a conflict: that value is not lost.
        if (traces.keptValues.has(`${fieldKey(c)}\u0000${JSON.stringify(c.value)}`)) continue;
        const winner = shown.get(fieldKey(c))!;
        problems.push(
          `laptop ${i}: ${fieldKey(c)} = ${JSON.stringify(c.value)} (${c.hlc}) lost to ${JSON.stringify(winner.value)} (${winner.hlc}) with no trace`,
        );
      }
    }
    for (const { table, field, parent } of PARENT_LINKS) {
      const children = db.prepare(`SELECT * FROM "${table}" WHERE "deletedAt" IS NULL`).all() as Record<
        string,
        string
      >[];
      for (const child of children) {
        const parentTable = parent(child);
        const parentId = child[field];
        if (!parentTable || !parentId) continue;
        const deletion = shown.get(`${parentTable}/${parentId}/deletedAt`);
        if (!deletion || deletion.value === null) continue;
        const link = shown.get(`${table}/${child.id}/${field}`);
        const knew = run.deleteKnew.get(deletion.hlc);
        if (!link || !knew || knew.has(link.hlc)) continue;
        if (!traces.orphans[i]!.has(child.id!))
          problems.push(
            `laptop ${i}: ${table} ${child.id} was put under ${parentTable} ${parentId} while it was deleted (${deletion.hlc}), not listed as an orphan`,
          );
      }
    }
  });
  return problems;
}

/** 4. One stamp, one change: across every log held, a stamp never carries two changes. */
function checkStampsUnique(logs: ChangeRow[][]): string[] {
  const seen = new Map<string, string>();
  const problems = new Set<string>();
  for (const log of logs) {
    for (const c of log) {
      const what = JSON.stringify([c.tbl, c.rowId, c.field, c.value, c.device]);
      const before = seen.get(c.hlc);
      if (before === undefined) seen.set(c.hlc, what);
      else if (before !== what) problems.add(`stamp ${c.hlc} issued twice: ${before} and ${what}`);
    }
  }
  return [...problems];
}

const needsFiles = (s: Schedule) =>
  s.ops.some((op) => op.t === 'backup' || op.t === 'restore' || op.t === 'clone');

export function runSchedule(s: Schedule, team: Team, stats: Stats): void {
  const run = new Run(team, stats, needsFiles(s));
  try {
    for (let i = 0; i < s.replicas; i++) run.addLaptop();
    const { reps } = run;
    if (s.shared) {
      const first = reps[0]!.core;
      for (let i = 0; i < s.shared; i++) {
        const e = must<{ id: string }>(first, 'enterprises.create', {
          uscc: USCCS[i]!,
          name: `共享企业${i}`,
        });
        must(first, 'demands.create', { enterpriseId: e.id, categories: ['tech'], title: `共享需求${i}` });
        must(first, 'experts.create', { name: `共享专家${i}` });
      }
      const file = must<{ contentBase64: string }>(first, 'sync.export', {}).contentBase64;
      for (const rep of reps.slice(1)) must(rep.core, 'sync.import', { contentBase64: file });
    }
    for (const op of s.ops) run.runOp(op);

    if (s.catchUp) {
      const stampsMs = (core: Core) =>
        (
          core.store.db
            .prepare(
              `SELECT max("hlc") FROM changes${hasTable(core, 'quarantine') ? ` UNION ALL SELECT max("hlc") FROM quarantine` : ''}`,
            )
            .pluck()
            .all() as (string | null)[]
        ).map((h) => (h ? Number(h.slice(0, 15)) : 0));
      const latest = Math.max(
        ...reps.map((rep) => rep.clock.ms),
        ...reps.flatMap((rep) => stampsMs(rep.core)),
      );
      for (const rep of reps) rep.clock.ms = latest;
    }

    // Everyone exports everything, then everyone imports everyone's file. An import may apply
    // changes held in quarantine that time (or the laptop's own clock) has caught up with:
    // those were in no file of the round, so the exchange goes on until a round brings no
    // change that its files did not carry (everything made has then been exported).
    const stampsOf = (core: Core) =>
      core.store.db.prepare(`SELECT "hlc" FROM changes`).pluck().all() as string[];
    for (let round = 1; ; round++) {
      const exported = new Set(reps.flatMap((rep) => stampsOf(rep.core)));
      const finals = reps.map(
        (rep) => must<{ contentBase64: string }>(rep.core, 'sync.export', { full: true }).contentBase64,
      );
      reps.forEach((rep, i) => {
        const shift = s.finalOrder[i % s.finalOrder.length]!;
        for (let k = 0; k < finals.length; k++) {
          const from = (k + shift) % finals.length;
          if (from !== i)
            must(rep.core, 'sync.import', { contentBase64: finals[from]!, confirmMassDelete: true });
        }
      });
      if (!reps.some((rep) => stampsOf(rep.core).some((h) => !exported.has(h)))) break;
      // Each round releases only what the one before applied past: a few rounds at most.
      if (round === MAX_LAPTOPS) throw new Error(`the final exchange did not settle in ${round} rounds`);
    }

    const logs = reps.map((rep) => changeLog(rep.core));
    const traces = tracesOf(reps);
    if (CHECKED.has(1)) checkSameEverywhere(reps, logs, traces);
    const problems = [
      ...(CHECKED.has(2) ? checkDemands(reps, logs, traces).map((p) => `2 (demand state): ${p}`) : []),
      ...(CHECKED.has(3) ? checkNothingLost(run, logs, traces).map((p) => `3 (nothing lost): ${p}`) : []),
      ...(CHECKED.has(4)
        ? checkStampsUnique([...logs, ...run.retiredLogs]).map((p) => `4 (stamps): ${p}`)
        : []),
    ];
    if (problems.length) {
      throw new Error(`${problems.length} broken promise(s):\n${problems.slice(0, 12).join('\n')}`);
    }
    stats.changes += logs[0]!.length;
    stats.conflicts += traces.losers.size;
  } finally {
    run.close();
  }
}

/** The team every laptop belongs to: scrypt runs once, checked against a real join. */
export function makeTeam(): Team {
  const founder = openTestCore(':memory:');
  const joined = openTestCore(':memory:');
  try {
    const { teamCode } = must<{ teamCode: string }>(founder, 'sync.team.create', {
      name: '属性测试局',
      passphrase: PASS,
    });
    must(joined, 'sync.team.join', { code: teamCode, passphrase: PASS });
    const key = founder.store.getMeta('teamKey')!;
    expect(joined.store.getMeta('teamKey')).toBe(key);
    return { code: teamCode, key };
  } finally {
    founder.store.close();
    joined.store.close();
  }
}

/**
 * The seed of the quick count in `npm test`, so that a run that passed passes again:
 * SYNC_PROPERTY_SEED picks another, SYNC_PROPERTY_RANDOM=1 a random one each run (to explore).
 */
const CI_SEED = 20261203;

/**
 * Which schedules a run draws: the same ones every run (`fixed`, the quick count), or new ones
 * each run (`new`, the soak: its seed is printed first, SYNC_PROPERTY_SEED replays it).
 */
export type Schedules = 'fixed' | 'new';

function seedOf(schedules: Schedules): number {
  if (process.env.SYNC_PROPERTY_SEED) return Number(process.env.SYNC_PROPERTY_SEED);
  if (schedules === 'fixed' && !process.env.SYNC_PROPERTY_RANDOM) return CI_SEED;
  return Math.floor(Math.random() * 2 ** 31);
}

/** Runs the property for `numRuns` schedules and returns what they exercised. */
export function checkSyncProperty(
  numRuns: number,
  timeLimitMs: number,
  schedules: Schedules = 'fixed',
): Stats {
  const seed = seedOf(schedules);
  console.log(
    `sync property: ${numRuns} schedules of seed ${seed} (SYNC_PROPERTY_SEED=${seed} replays them)`,
  );
  const team = makeTeam();
  const started = performance.now();
  const stats = newStats();
  fc.assert(
    fc.property(scheduleArb, (s) => {
      try {
        runSchedule(s, team, stats);
      } catch (e) {
        if (process.env.SYNC_PROPERTY_DEBUG)
          console.error(`FAILED (${s.ops.length} ops): ${String(e).slice(0, 3000)}`);
        throw e;
      }
    }),
    {
      numRuns,
      // The whole run, shrinking included (a long schedule takes many runs to shrink): past the
      // limit it stops with what it has, and fails.
      interruptAfterTimeLimit: Number(process.env.SYNC_PROPERTY_TIME_LIMIT ?? timeLimitMs),
      markInterruptAsFailure: true,
      seed,
      // Replays one counterexample (the path fast-check reports with its seed).
      ...(process.env.SYNC_PROPERTY_PATH ? { path: process.env.SYNC_PROPERTY_PATH, endOnFailure: true } : {}),
    },
  );
  console.log(
    `sync property: ${numRuns} schedules in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      Object.entries(stats)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  return stats;
}

/** The schedules exercise what they claim to (a share of the runs each). */
export function expectExercised(stats: Stats, numRuns: number): void {
  expect(stats.files).toBeGreaterThan(numRuns);
  expect(stats.relays).toBeGreaterThan(numRuns / 10);
  expect(stats.doubleImports).toBeGreaterThan(numRuns / 10);
  expect(stats.conflicts).toBeGreaterThan(numRuns / 10);
  for (const k of ['restores', 'clones', 'merges', 'futureEdits', 'racedMoves', 'racedDeletes'] as const) {
    expect(stats[k], k).toBeGreaterThan(numRuns / 100);
  }
}
