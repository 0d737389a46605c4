import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call } from '../../src-main/dispatch';
import type { Core } from '../../src-main/core';
import { usccCheckChar } from '@shared/domain/uscc';
import { allowedMoves } from '@shared/domain/workflow';
import { addDays, shanghaiDate } from '@shared/domain/dates';
import type { DemandStatus } from '@shared/domain/enums';
import { makeCore, type TestCore } from '../helpers';
import { DERIVED_DEMAND_FIELDS, replayDemand } from '@shared/domain/demandReplay';
import { eventsOf } from '../../src-main/features/demands/replay';

// The sync promises, as a property over random schedules: three or four laptops of one
// team edit records offline (creates, edits, deletes, workflow moves), their clocks drift
// (forwards, backwards, sometimes more than the 24 h plausibility limit), and they pass
// files around in any order — some imported twice, some relayed through a third laptop.
// When everyone has finally exported everything and imported everything:
//   1. every database holds the same records (field by field) and the same change log;
//   2. every concurrent edit that lost and that no later edit knew of is kept as a
//      conflict on at least one laptop, so a person can still see it;
//   3. a demand's status and the fields that go with it are not merged per field but are
//      what its merged history replays to: a legal state, and every move that lost its
//      place kept as a workflow conflict.

/** The demand fields replayed from the history rather than merged (3). */
const REPLAYED = new Set(DERIVED_DEMAND_FIELDS.map((f) => `demands/${f}`));

const NUM_RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 200);
const PASS = 'correct horse battery staple';
const START = '2026-11-23T09:00:00+08:00';

/** Tables whose content must converge (the per-device bookkeeping columns left out). */
const RECORD_TABLES = [
  'staff',
  'enterprises',
  'experts',
  'units',
  'visits',
  'demands',
  'demand_history',
  'clinics',
  'followups',
  'narratives',
  'devices',
];
const LOCAL_BOOKKEEPING = new Set(['updatedAt', 'updatedByDevice', 'updatedByStaff']);

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
  | { t: 'export'; r: number; full: boolean }
  | { t: 'import'; r: number; file: number; twice: boolean }
  | { t: 'ship'; r: number; to: number; full: boolean };

interface Schedule {
  replicas: number;
  /** Records laptop 0 creates and hands to everyone before the schedule, so later edits meet. */
  shared: number;
  ops: Op[];
  /** Per laptop, a rotation of the final import order. */
  finalOrder: number[];
}

const r = fc.nat({ max: 11 });
const pick = fc.nat({ max: 50 });
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
      kind: fc.constantFrom<Kind>(
        'enterprises',
        'enterprises',
        'experts',
        'visits',
        'demands',
        'demands',
        'staff',
      ),
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
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('clock' as const),
      r,
      ms: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
        { weight: 4, arbitrary: fc.integer({ min: 60_000, max: 6 * 3600_000 }) },
        { weight: 3, arbitrary: fc.integer({ min: -6 * 3600_000, max: -1 }) },
        // Beyond the 24 h plausibility limit, both ways.
        { weight: 2, arbitrary: fc.integer({ min: 25 * 3600_000, max: 50 * 3600_000 }) },
        { weight: 2, arbitrary: fc.integer({ min: -50 * 3600_000, max: -25 * 3600_000 }) },
      ),
    }),
  },
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
const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  replicas: fc.constantFrom(3, 3, 3, 4),
  shared: fc.nat({ max: 3 }),
  ops: fc.array(opArb, { minLength: 8, maxLength: 40, size: 'max' }),
  finalOrder: fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }),
});

/** Refusals a service may give for a random request; anything else (INTERNAL) is a bug. */
const EXPECTED_REFUSALS = new Set(['VALIDATION', 'CONFLICT', 'WORKFLOW', 'NOT_FOUND', 'FORBIDDEN']);

interface Replica {
  t: TestCore;
  core: Core;
}

let teamCode = '';
let teamKey = '';

beforeAll(() => {
  // scrypt runs once for the whole file: every replica gets the same team code and key
  // that joining would have derived (checked against a real join below).
  const founder = makeCore({ path: ':memory:' });
  teamCode = founder.ok('sync.team.create', { name: '属性测试局', passphrase: PASS }).teamCode;
  teamKey = founder.core.store.getMeta('teamKey')!;
  const joined = makeCore({ path: ':memory:' });
  joined.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  expect(joined.core.store.getMeta('teamKey')).toBe(teamKey);
  expect(joined.core.store.getMeta('teamCode')).toBe(teamCode);
});

function newReplica(): Replica {
  const t = makeCore({ path: ':memory:', now: START });
  // What sync.team.join stores, without deriving the key again.
  t.core.store.setMeta('teamCode', teamCode);
  t.core.store.setMeta('teamKey', teamKey);
  return { t, core: t.core };
}

function liveIds(core: Core, table: string): string[] {
  return (
    core.store.db.prepare(`SELECT "id" FROM "${table}" WHERE "deletedAt" IS NULL ORDER BY "id"`).all() as {
      id: string;
    }[]
  ).map((x) => x.id);
}

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

function editInput(
  kind: Kind,
  id: string,
  field: number,
  v: number,
  staffIds: string[],
): Record<string, unknown> {
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

interface Stats {
  files: number;
  /** Files that carried changes made on a third laptop. */
  relays: number;
  doubleImports: number;
}

/** Exports through the API, noting whether the file relays other laptops' changes. */
function exportFrom(core: Core, full: boolean, stats: Stats): string {
  const since = full ? 0 : Number(core.store.getMeta('lastExportSeq') ?? 0);
  const foreign = core.store.db
    .prepare(`SELECT count(*) AS n FROM changes WHERE "seq" > ? AND "device" <> ?`)
    .get(since, core.store.device.id) as { n: number };
  if (foreign.n > 0) stats.relays += 1;
  stats.files += 1;
  return must<{ contentBase64: string }>(core, 'sync.export', { full }).contentBase64;
}

function runOp(reps: Replica[], files: string[], op: Op, stats: Stats): void {
  const rep = reps[op.r % reps.length]!;
  const { core, t } = rep;
  const pickOf = (table: string, n: number): string | null => {
    const ids = liveIds(core, table);
    return ids.length ? ids[n % ids.length]! : null;
  };
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
      const enterpriseId = pickOf('enterprises', op.pick);
      if (!enterpriseId) return;
      attempt(core, 'visits.create', {
        enterpriseId,
        date: addDays(shanghaiDate(t.clock.ms), -op.daysAgo),
        mode: 'onsite',
        summary: '走访',
        demands: op.withDemand ? [{ categories: ['tech'], title: '技术攻关' }] : [],
      });
      return;
    }
    case 'demand': {
      const enterpriseId = pickOf('enterprises', op.pick);
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
      const id = pickOf(op.kind, op.pick);
      if (!id) return;
      attempt(core, `${op.kind}.update`, {
        id,
        ...editInput(op.kind, id, op.field, op.value, liveIds(core, 'staff')),
      });
      return;
    }
    case 'delete': {
      const id = pickOf(op.kind, op.pick);
      if (id) attempt(core, `${op.kind}.delete`, { id });
      return;
    }
    case 'move': {
      const id = pickOf('demands', op.pick);
      if (!id) return;
      const { status } = core.store.db.prepare(`SELECT "status" FROM demands WHERE "id" = ?`).get(id) as {
        status: DemandStatus;
      };
      const moves = allowedMoves(status);
      if (!moves.length) return;
      const to = moves[op.move % moves.length]!;
      attempt(core, 'demands.transition', {
        id,
        to,
        note: '办理说明',
        ...(to === 'assigned' ? { assigneeStaffId: t.meId } : {}),
        ...(to === 'closed' ? { closureType: 'substantive', resolution: '已对接高校专家' } : {}),
      });
      return;
    }
    case 'clock':
      t.clock.ms += op.ms;
      return;
    case 'export':
      files.push(exportFrom(core, op.full, stats));
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
      const file = exportFrom(core, op.full, stats);
      files.push(file);
      must(reps[op.to % reps.length]!.core, 'sync.import', { contentBase64: file, confirmMassDelete: true });
      return;
    }
  }
}

/** Record content without the per-device bookkeeping columns. */
function content(core: Core): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of RECORD_TABLES) {
    out[table] = (
      core.store.db.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).all() as Record<string, unknown>[]
    ).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !LOCAL_BOOKKEEPING.has(k))));
  }
  return out;
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

/**
 * The losers that must be kept: for each field, the changes that the final winner did not
 * know of (its prevHlc is older) and that no other change knew of either.
 */
function requiredLosers(log: ChangeRow[]): { key: string; loser: ChangeRow; winner: ChangeRow }[] {
  const byKey = new Map<string, ChangeRow[]>();
  for (const c of log) {
    if (REPLAYED.has(`${c.tbl}/${c.field}`)) continue;
    const key = `${c.tbl}/${c.rowId}/${c.field}`;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const out: { key: string; loser: ChangeRow; winner: ChangeRow }[] = [];
  for (const [key, list] of byKey) {
    const winner = list.reduce((a, b) => (b.hlc > a.hlc ? b : a));
    for (const b of list) {
      if (b === winner) continue;
      const winnerKnew = winner.prevHlc !== null && winner.prevHlc >= b.hlc;
      const someoneKnew = list.some((c) => c !== b && c.prevHlc !== null && c.prevHlc >= b.hlc);
      if (!winnerKnew && !someoneKnew) out.push({ key, loser: b, winner });
    }
  }
  return out;
}

function runSchedule(s: Schedule, stats: Stats): { changes: number; conflicts: number } {
  const reps = Array.from({ length: s.replicas }, newReplica);
  try {
    const files: string[] = [];
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
    for (const op of s.ops) runOp(reps, files, op, stats);

    // Time passes until no clock is behind any stamp made: the changes a laptop held for being
    // far ahead of its clock (quarantine) are applied by the final imports.
    const latest = Math.max(
      ...reps.map((rep) => rep.t.clock.ms),
      ...reps.flatMap((rep) =>
        (
          rep.core.store.db
            .prepare(`SELECT max("hlc") FROM changes UNION ALL SELECT max("hlc") FROM quarantine`)
            .pluck()
            .all() as (string | null)[]
        ).map((h) => (h ? Number(h.slice(0, 15)) : 0)),
      ),
    );
    for (const rep of reps) rep.t.clock.ms = latest;

    // Everyone exports everything, then everyone imports everyone's file.
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

    const logs = reps.map((rep) => changeLog(rep.core));
    const contents = reps.map((rep) => content(rep.core));
    // Compared as JSON first (fast); the matcher's diff only when they differ.
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (let i = 1; i < reps.length; i++) {
      if (!same(logs[i], logs[0])) expect(logs[i], `change log of laptop ${i} vs laptop 0`).toEqual(logs[0]);
      for (const table of RECORD_TABLES) {
        if (!same(contents[i]![table], contents[0]![table])) {
          expect(contents[i]![table], `${table} on laptop ${i} vs laptop 0`).toEqual(contents[0]![table]);
        }
      }
    }

    // Every shown value is the newest change of its field.
    const winners = new Map<string, ChangeRow>();
    for (const c of logs[0]!) winners.set(`${c.tbl}/${c.rowId}/${c.field}`, c); // ordered by hlc: last wins
    for (const [table, rows] of Object.entries(contents[0]!)) {
      for (const row of rows) {
        for (const [field, value] of Object.entries(row)) {
          if (REPLAYED.has(`${table}/${field}`)) continue;
          const w = winners.get(`${table}/${String(row.id)}/${field}`);
          if (w && w.value !== value)
            expect(value, `${table}.${field} of ${String(row.id)}`).toEqual(w.value);
        }
      }
    }

    const kept = new Set<string>();
    /** Values kept as a conflict's loser, per field: a loser of the same value is not lost. */
    const keptValues = new Set<string>();
    for (const rep of reps) {
      for (const c of rep.core.store.db
        .prepare(`SELECT "loserHlc","tbl","rowId","field","loserValue" FROM conflicts`)
        .all() as { loserHlc: string; tbl: string; rowId: string; field: string; loserValue: unknown }[]) {
        kept.add(c.loserHlc);
        keptValues.add(`${c.tbl}/${c.rowId}/${c.field}\u0000${JSON.stringify(c.loserValue)}`);
      }
    }
    // Every demand is what its history replays to, and every move that lost its place is listed.
    const demands = contents[0]!.demands as Record<string, unknown>[];
    const events = eventsOf(
      reps[0]!.core.store,
      demands.map((d) => String(d.id)),
    );
    for (const d of demands) {
      const replay = replayDemand(events.get(String(d.id)) ?? [], d);
      if (!replay) continue;
      const shown = Object.fromEntries(DERIVED_DEMAND_FIELDS.map((f) => [f, d[f] ?? null]));
      expect(shown, `demand ${String(d.id)} vs its history`).toEqual(replay.derived);
      expect(d.closedAt !== null && d.closureType !== null, 'closure iff closed').toBe(d.status === 'closed');
      expect(d.holdSince !== null, 'hold iff on hold').toBe(d.status === 'on_hold');
      const stamps = new Map(events.get(String(d.id))!.map((e) => [e.id, e.stamp]));
      for (const loser of replay.superseded.keys()) {
        expect(kept.has(stamps.get(loser)!), `superseded move ${loser} listed`).toBe(true);
      }
    }
    // Two changes of equal value are no conflict (nothing to decide): a loser whose value is
    // the one shown, or one kept by another conflict, is not lost.
    const missing = requiredLosers(logs[0]!).filter(
      (x) =>
        !kept.has(x.loser.hlc) &&
        x.loser.value !== x.winner.value &&
        !keptValues.has(`${x.key}\u0000${JSON.stringify(x.loser.value)}`),
    );
    expect(
      missing.map(
        (m) =>
          `${m.key}: ${m.loser.hlc} (${JSON.stringify(m.loser.value)}) lost to ${m.winner.hlc} (${JSON.stringify(m.winner.value)})`,
      ),
      'concurrent heads not kept as a conflict anywhere',
    ).toEqual([]);
    return { changes: logs[0]!.length, conflicts: kept.size };
  } finally {
    for (const rep of reps) rep.core.store.close();
  }
}

describe('sync property: any schedule of edits and file exchanges converges', () => {
  it(`${NUM_RUNS} random schedules on 3–4 laptops end identical, with every concurrent loser kept`, () => {
    const started = performance.now();
    const stats: Stats = { files: 0, relays: 0, doubleImports: 0 };
    let changes = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(scheduleArb, (s) => {
        try {
          const got = runSchedule(s, stats);
          changes += got.changes;
          conflicts += got.conflicts;
        } catch (e) {
          if (process.env.SYNC_PROPERTY_DEBUG)
            console.error(`FAILED (${s.ops.length} ops): ${String(e).slice(0, 3000)}`);
          throw e;
        }
      }),
      {
        numRuns: NUM_RUNS,
        // Shrinking a long schedule takes many runs: stop after a while with what it has.
        interruptAfterTimeLimit: Number(process.env.SYNC_PROPERTY_TIME_LIMIT ?? 300_000),
        markInterruptAsFailure: true,
        ...(process.env.SYNC_PROPERTY_SEED ? { seed: Number(process.env.SYNC_PROPERTY_SEED) } : {}),
      },
    );
    // The schedules exercise what they claim to: files passed around (some relaying a third
    // laptop's changes, some imported twice) and concurrent edits kept as conflicts.
    expect(stats.files).toBeGreaterThan(NUM_RUNS);
    expect(stats.relays).toBeGreaterThan(NUM_RUNS / 10);
    expect(stats.doubleImports).toBeGreaterThan(NUM_RUNS / 10);
    expect(conflicts).toBeGreaterThan(NUM_RUNS / 10);
    console.log(
      `sync property: ${NUM_RUNS} schedules in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${changes} changes, ${stats.files} files mid-schedule (${stats.relays} relaying a third laptop's changes, ` +
        `${stats.doubleImports} imported twice), ${conflicts} conflicts kept`,
    );
  }, 600_000);
});
