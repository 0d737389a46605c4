import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { checkUscc } from '@shared/domain/uscc';
import { MOVES } from '@shared/domain/workflow';
import { CLOSURE_TYPES, DEMAND_SOURCES, DEMAND_STATUSES, VISIT_MODES } from '@shared/domain/enums';
import { seedDemo, type SeedCounts } from '../../seeds/demo';
import { TestClock, VALID_USCC, makeCore } from '../helpers';
import { demoDistrictAt, SEED_TEST_DISTRICT } from '../district';
import { msg, sayZh } from '@shared/messages';
import { everyTable, expectSameTables } from '../seedTables';

// The demo district at scale 1, seeded at a pinned time: its size, its story (every status,
// closure type and detour of the workflow, overdue and due-soon work, tasks for "me"), the
// integrity of every reference, and that the same seed and asOf give the same content.

const { now: NOW, asOf: AS_OF } = SEED_TEST_DISTRICT;
const SLOW = 180_000;

const dirs: string[] = [];
const cores: Core[] = [];

function seeded(seed: number, withMe = false, checked = false): { core: Core; counts: SeedCounts } {
  const dir = mkdtempSync(join(tmpdir(), 'vl-seed-'));
  dirs.push(dir);
  const clock = new TestClock(Date.parse(NOW));
  const core = openCore(join(dir, 'demo.db'), { now: clock.now, deviceName: 'seed-test' });
  cores.push(core);
  if (withMe) {
    const me = ok(core, 'staff.create', { name: '测试员', role: 'staff' });
    ok(core, 'me.set', { staffId: me.id });
  }
  return { core, counts: seedDemo(core, { scale: 1, seed, asOf: AS_OF, checked }) };
}

/** Seed 1 as the run's other demo tests read it: seeded once in the run (test/district.ts). */
function seededOnce(): { core: Core; counts: SeedCounts } {
  const dir = mkdtempSync(join(tmpdir(), 'vl-seed-'));
  dirs.push(dir);
  const path = join(dir, 'demo.db');
  const counts = demoDistrictAt(path, SEED_TEST_DISTRICT);
  const core = openCore(path, { now: new TestClock(Date.parse(NOW)).now, deviceName: 'seed-test' });
  cores.push(core);
  return { core, counts };
}

function ok<M extends MethodName>(core: Core, method: M, input?: MethodInput<M>): MethodOutput<M> {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

const all = <T = Record<string, unknown>>(core: Core, sql: string, ...params: unknown[]): T[] =>
  core.store.db.prepare(sql).all(...params) as T[];
const one = (core: Core, sql: string, ...params: unknown[]): number =>
  Object.values(core.store.db.prepare(sql).get(...params) as Record<string, number>)[0]!;

/** History rows that are workflow moves (a null type: written before events had types). */
const MOVES_ONLY = `("type" IS NULL OR "type" = 'transition')`;

let a: { core: Core; counts: SeedCounts };
let meDemo: { core: Core; counts: SeedCounts } | null = null;
/** Seed 2 on a database whose "me" (a staff member, not a supervisor) existed before. */
const seededWithMe = () => (meDemo ??= seeded(2, true));

beforeAll(() => {
  a = seededOnce();
}, SLOW);

afterAll(() => {
  for (const c of cores) c.store.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('demo district, scale 1', () => {
  it('has the size of a district bureau, and reports what it made', () => {
    const { core, counts } = a;
    expect(counts).toMatchObject({ staff: 10, enterprises: 300, experts: 30 });
    expect(counts.visits).toBeGreaterThan(4_800);
    expect(counts.visits).toBeLessThan(5_800);
    expect(counts.demands).toBeGreaterThan(500);
    expect(counts.demands).toBeLessThan(1_100);
    expect(counts.clinics).toBeGreaterThanOrEqual(20);
    expect(counts.clinics).toBeLessThanOrEqual(32);
    expect(counts.followups).toBeGreaterThan(600);
    const live = (t: string) => one(core, `SELECT count(*) FROM "${t}" WHERE "deletedAt" IS NULL`);
    expect({
      staff: live('staff'),
      enterprises: live('enterprises'),
      experts: live('experts'),
      visits: live('visits'),
      demands: live('demands'),
      clinics: live('clinics'),
      followups: live('followups'),
      activities: live('activities'),
      outcomes: live('outcomes'),
    }).toEqual(counts);
    expect(one(core, `SELECT count(DISTINCT "town") FROM enterprises`)).toBe(8);
    expect(one(core, `SELECT count(*) FROM staff WHERE "role" = 'supervisor'`)).toBe(2);
  });

  it('gives every enterprise a valid USCC of its own', () => {
    const codes = all<{ uscc: string }>(a.core, `SELECT "uscc" FROM enterprises`).map((r) => r.uscc);
    expect(codes.filter((c) => !checkUscc(c).ok)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => VALID_USCC.includes(c))).toEqual([]);
  });

  it('classifies enterprises by GB/T 4754 industry and tier, mostly manufacturing', () => {
    const { core } = a;
    const manufacturing = one(core, `SELECT count(*) FROM enterprises WHERE "industry" LIKE 'C__'`);
    expect(manufacturing / 300).toBeGreaterThan(0.5);
    expect(
      one(core, `SELECT count(DISTINCT substr("industry", 1, 1)) FROM enterprises`),
    ).toBeGreaterThanOrEqual(4);
    const tiers = all<{ tier: string }>(
      core,
      `SELECT DISTINCT json_extract(j.value, '$.tier') AS tier FROM enterprises, json_each(enterprises."tiers") j`,
    );
    expect(tiers.map((t) => t.tier)).toEqual(
      expect.arrayContaining([
        'above_scale',
        'high_tech',
        'innovative_sme',
        'little_giant',
        'specialized',
        'tech_sme',
      ]),
    );
    // 高新技术企业 certificates carry their expiry.
    expect(
      one(
        core,
        `SELECT count(*) FROM enterprises, json_each(enterprises."tiers") j WHERE json_extract(j.value, '$.tier') = 'high_tech' AND json_extract(j.value, '$.expiresOn') IS NULL`,
      ),
    ).toBe(0);
    expect(one(core, `SELECT count(*) FROM enterprises WHERE json_array_length("contacts") = 0`)).toBe(0);
  });

  it('has a year of visits in every mode, some drafts, some reviewed, some solved on site', () => {
    const { core } = a;
    const live = `"deletedAt" IS NULL`;
    const [span] = all<{ first: string; last: string }>(
      core,
      `SELECT min("date") AS first, max("date") AS last FROM visits WHERE ${live}`,
    );
    expect(span).toEqual({ first: '2025-11-24', last: AS_OF });
    for (const mode of VISIT_MODES)
      expect(one(core, `SELECT count(*) FROM visits WHERE "mode" = ?`, mode)).toBeGreaterThan(50);
    expect(one(core, `SELECT count(*) FROM visits WHERE ${live} AND "status" = 'draft'`)).toBeGreaterThan(0);
    expect(
      one(
        core,
        `SELECT count(*) FROM visits WHERE "status" = 'reviewed' AND "reviewedBy" IN (SELECT "id" FROM staff WHERE "role" = 'supervisor')`,
      ),
    ).toBeGreaterThan(500);
    expect(
      one(core, `SELECT count(*) FROM visits WHERE "status" = 'reviewed' AND "reviewedBy" IS NULL`),
    ).toBe(0);
    expect(one(core, `SELECT count(*) FROM visits WHERE "solvedOnSite" = 1`)).toBeGreaterThan(100);
    expect(one(core, `SELECT count(*) FROM visits WHERE "visitNo" IS NULL`)).toBe(0);
    expect(one(core, `SELECT count(*) - count(DISTINCT "visitNo") FROM visits`)).toBe(0);
  });

  it('has demands in every status, closed with every closure type, from every source', () => {
    const { core } = a;
    const statuses = all<{ status: string }>(core, `SELECT DISTINCT "status" FROM demands`).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([...DEMAND_STATUSES].sort());
    const closures = all<{ c: string }>(
      core,
      `SELECT DISTINCT "closureType" AS c FROM demands WHERE "status" = 'closed'`,
    );
    expect(closures.map((r) => r.c).sort()).toEqual([...CLOSURE_TYPES].sort());
    const sources = all<{ s: string }>(core, `SELECT DISTINCT "source" AS s FROM demands`).map((r) => r.s);
    expect(sources.sort()).toEqual([...DEMAND_SOURCES].sort());
    expect(
      one(core, `SELECT count(*) FROM demands WHERE json_array_length("categories") > 1`),
    ).toBeGreaterThan(50);
    expect(
      one(
        core,
        `SELECT count(*) FROM demands WHERE "status" = 'closed' AND ("closedAt" IS NULL OR "resolution" IS NULL)`,
      ),
    ).toBe(0);
  });

  it('tells the workflow’s detours: holds, returns, reopenings by a supervisor, dissatisfied follow-ups', () => {
    const { core } = a;
    const moved = (from: string, to: string) =>
      one(
        core,
        `SELECT count(DISTINCT "demandId") FROM demand_history WHERE "from" = ? AND "to" = ?`,
        from,
        to,
      );
    expect(moved('in_progress', 'on_hold')).toBeGreaterThan(10);
    expect(moved('on_hold', 'in_progress')).toBeGreaterThan(5);
    expect(moved('assigned', 'pending')).toBeGreaterThan(3);
    expect(moved('answered', 'in_progress')).toBeGreaterThan(3);
    expect(moved('closed', 'in_progress')).toBeGreaterThan(3);
    // Every manual reopening of a closed demand was a supervisor's, with a note.
    const reopenings = all<{ role: string; note: string | null; automatic: number }>(
      core,
      `SELECT s."role", h."note", h."note" = ? AS automatic FROM demand_history h
       JOIN staff s ON s."id" = h."by" WHERE h."from" = 'closed'`,
      // The system's own reopening writes this note (a dissatisfied follow-up).
      sayZh(msg('note.reopenDissatisfied')),
    );
    expect(reopenings.filter((r) => !r.automatic && r.role !== 'supervisor')).toEqual([]);
    expect(reopenings.every((r) => r.note?.trim())).toBe(true);
    // Dissatisfied follow-ups on demands sent them back to handling at that moment.
    const sentBack = one(
      core,
      `SELECT count(*) FROM followups f WHERE f."parentType" = 'demand' AND f."satisfaction" = 'dissatisfied'
         AND EXISTS (SELECT 1 FROM demand_history h WHERE h."demandId" = f."parentId" AND h."to" = 'in_progress'
                     AND h."from" IN ('answered', 'closed') AND h."at" = f."doneAt")`,
    );
    expect(sentBack).toBeGreaterThan(5);
    expect(moved('pending', 'rejected')).toBeGreaterThan(5);
  });

  it('keeps every demand’s history a legal, ordered path ending at its status, never after now', () => {
    const { core } = a;
    const demands = all<{ id: string; status: string; receivedAt: string; closedAt: string | null }>(
      core,
      `SELECT "id","status","receivedAt","closedAt" FROM demands`,
    );
    const history = new Map<string, { at: string; from: string | null; to: string }[]>();
    // The workflow's moves: 督办, 催办, replies and units' reports are events that move nothing.
    for (const h of all<{ demandId: string; at: string; from: string | null; to: string }>(
      core,
      `SELECT "demandId","at","from","to" FROM demand_history WHERE ${MOVES_ONLY} ORDER BY rowid`,
    )) {
      history.set(h.demandId, [...(history.get(h.demandId) ?? []), h]);
    }
    const problems: string[] = [];
    const now = Date.parse(NOW);
    for (const d of demands) {
      const steps = history.get(d.id) ?? [];
      const first = steps[0];
      if (!first || first.from !== null || first.to !== 'pending' || first.at !== d.receivedAt)
        problems.push(`${d.id}: bad start`);
      steps.forEach((h, i) => {
        if (Date.parse(h.at) > now) problems.push(`${d.id}: step in the future`);
        if (i === 0) return;
        const prev = steps[i - 1]!;
        if (h.from !== prev.to) problems.push(`${d.id}: ${prev.to} then from ${h.from}`);
        if (!MOVES[h.from as keyof typeof MOVES]?.[h.to as keyof typeof MOVES])
          problems.push(`${d.id}: ${h.from} → ${h.to}`);
        if (Date.parse(h.at) < Date.parse(prev.at)) problems.push(`${d.id}: step before the previous one`);
      });
      const last = steps[steps.length - 1];
      if (last?.to !== d.status) problems.push(`${d.id}: ends at ${last?.to}, status ${d.status}`);
      if (d.status === 'closed' && last?.at !== d.closedAt)
        problems.push(`${d.id}: closedAt is not the closing step`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('records 督办, 催办, first replies and units’ reports through their methods, none of them a move', () => {
    const { core } = a;
    const counts = Object.fromEntries(
      all<{ type: string; n: number }>(
        core,
        `SELECT "type", count(*) AS n FROM demand_history WHERE NOT ${MOVES_ONLY} GROUP BY 1`,
      ).map((r) => [r.type, r.n]),
    );
    expect(counts.supervised).toBeGreaterThan(10);
    expect(counts.urged).toBeGreaterThan(5);
    expect(counts.reply).toBeGreaterThan(20);
    expect(counts.unit_reply).toBeGreaterThan(20);
    // Each leaves an open demand where it was, inside its life, never after now.
    const events = `demand_history h JOIN demands d ON d."id" = h."demandId" WHERE NOT ${MOVES_ONLY.replaceAll('"type"', 'h."type"')}`;
    expect(
      one(
        core,
        `SELECT count(*) FROM ${events} AND (h."from" IS NOT h."to" OR h."to" IN ('closed', 'rejected'))`,
      ),
    ).toBe(0);
    expect(
      one(
        core,
        `SELECT count(*) FROM ${events} AND (h."at" < d."receivedAt" OR h."at" > ?)`,
        new Date(NOW).toISOString(),
      ),
    ).toBe(0);
    // 督办 by supervisors; a unit reports on a demand it leads or co-handles.
    expect(
      all<{ role: string }>(
        core,
        `SELECT DISTINCT s."role" FROM ${events.replace('WHERE', 'JOIN staff s ON s."id" = h."by" WHERE')} AND h."type" = 'supervised'`,
      ).map((r) => r.role),
    ).toEqual(['supervisor']);
    expect(
      one(
        core,
        `SELECT count(*) FROM ${events} AND h."type" = 'unit_reply' AND json_extract(h."data", '$.unitId') IS NOT d."leadUnitId"
           AND NOT EXISTS (SELECT 1 FROM json_each(d."coUnitIds") j WHERE j.value = json_extract(h."data", '$.unitId'))`,
      ),
    ).toBe(0);
    // A first reply before the answer is the demand's firstRepliedAt.
    expect(
      one(
        core,
        `SELECT count(*) FROM demands d WHERE d."firstRepliedAt" IS NOT (SELECT min(h."at") FROM demand_history h
           WHERE h."demandId" = d."id" AND (h."type" = 'reply' OR h."to" = 'answered'))`,
      ),
    ).toBe(0);
  });

  it('points every reference at a live record', () => {
    const { core } = a;
    const dangling = {
      liaison: `SELECT count(*) FROM enterprises e WHERE e."liaisonStaffId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM staff s WHERE s."id" = e."liaisonStaffId" AND s."deletedAt" IS NULL AND s."active" = 1)`,
      visitEnterprise: `SELECT count(*) FROM visits v WHERE v."deletedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e."id" = v."enterpriseId" AND e."deletedAt" IS NULL)`,
      visitLead: `SELECT count(*) FROM visits v WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s."id" = v."leadStaffId" AND s."deletedAt" IS NULL)`,
      visitStaff: `SELECT count(*) FROM visits v, json_each(v."staffIds") j WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s."id" = j.value AND s."deletedAt" IS NULL)`,
      visitLeadListed: `SELECT count(*) FROM visits v WHERE NOT EXISTS (SELECT 1 FROM json_each(v."staffIds") j WHERE j.value = v."leadStaffId")`,
      demandEnterprise: `SELECT count(*) FROM demands d WHERE NOT EXISTS (SELECT 1 FROM enterprises e WHERE e."id" = d."enterpriseId" AND e."deletedAt" IS NULL)`,
      demandAssignee: `SELECT count(*) FROM demands d WHERE d."assigneeStaffId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM staff s WHERE s."id" = d."assigneeStaffId" AND s."deletedAt" IS NULL)`,
      assignedWithoutAssignee: `SELECT count(*) FROM demands WHERE "status" NOT IN ('pending', 'rejected') AND "assigneeStaffId" IS NULL`,
      sourceVisit: `SELECT count(*) FROM demands d WHERE d."source" = 'visit' AND NOT EXISTS (SELECT 1 FROM visits v WHERE v."id" = d."sourceVisitId" AND v."deletedAt" IS NULL AND v."enterpriseId" = d."enterpriseId")`,
      sourceClinic: `SELECT count(*) FROM demands d WHERE d."source" = 'clinic' AND NOT EXISTS (SELECT 1 FROM clinics c, json_each(c."enterprises") j WHERE c."id" = d."sourceClinicId" AND c."deletedAt" IS NULL AND json_extract(j.value, '$.enterpriseId') = d."enterpriseId")`,
      historyDemand: `SELECT count(*) FROM demand_history h WHERE NOT EXISTS (SELECT 1 FROM demands d WHERE d."id" = h."demandId")`,
      historyBy: `SELECT count(*) FROM demand_history h WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s."id" = h."by")`,
      clinicExperts: `SELECT count(*) FROM clinics c, json_each(c."expertIds") j WHERE NOT EXISTS (SELECT 1 FROM experts x WHERE x."id" = j.value AND x."deletedAt" IS NULL)`,
      clinicEnterprises: `SELECT count(*) FROM clinics c, json_each(c."enterprises") j WHERE NOT EXISTS (SELECT 1 FROM enterprises e WHERE e."id" = json_extract(j.value, '$.enterpriseId') AND e."deletedAt" IS NULL)`,
      followupParent: `SELECT count(*) FROM followups f WHERE NOT EXISTS (
        SELECT 1 FROM demands d WHERE f."parentType" = 'demand' AND d."id" = f."parentId" AND d."deletedAt" IS NULL
        UNION ALL SELECT 1 FROM visits v WHERE f."parentType" = 'visit' AND v."id" = f."parentId" AND v."deletedAt" IS NULL
        UNION ALL SELECT 1 FROM clinics c WHERE f."parentType" = 'clinic' AND c."id" = f."parentId" AND c."deletedAt" IS NULL)`,
      followupOwner: `SELECT count(*) FROM followups f WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s."id" = f."ownerStaffId" AND s."deletedAt" IS NULL)`,
    };
    const counts = Object.fromEntries(Object.entries(dangling).map(([k, sql]) => [k, one(core, sql)]));
    expect(counts).toEqual(Object.fromEntries(Object.keys(dangling).map((k) => [k, 0])));
  });

  it('has clinics in every status, with experts, several firms and outcomes', () => {
    const { core } = a;
    const statuses = all<{ s: string }>(core, `SELECT DISTINCT "status" AS s FROM clinics`).map((r) => r.s);
    expect(statuses.sort()).toEqual(['closed', 'held', 'planned', 'written_up']);
    expect(one(core, `SELECT min(json_array_length("enterprises")) FROM clinics`)).toBeGreaterThanOrEqual(3);
    expect(one(core, `SELECT min(json_array_length("expertIds")) FROM clinics`)).toBeGreaterThanOrEqual(2);
    expect(
      one(core, `SELECT sum("cooperationIntentions") FROM clinics WHERE "status" <> 'planned'`),
    ).toBeGreaterThan(5);
    expect(one(core, `SELECT sum("signedProjects") FROM clinics WHERE "status" = 'closed'`)).toBeGreaterThan(
      0,
    );
    expect(one(core, `SELECT count(*) FROM clinics WHERE "signedProjects" > "cooperationIntentions"`)).toBe(
      0,
    );
  });

  it('leaves open work that is overdue and due soon, and tasks for "me"', () => {
    const { core } = a;
    const board = ok(core, 'demands.openBoard', {});
    expect(board.today).toBe(AS_OF);
    expect(board.counts.overdue).toBeGreaterThan(3);
    expect(board.counts.dueSoon).toBeGreaterThan(1);
    expect(board.counts.open).toBeGreaterThan(board.counts.overdue);

    const info = ok(core, 'app.info', {});
    expect(info.me?.role).toBe('supervisor');
    const tasks = ok(core, 'me.tasks', {});
    expect(tasks.followups.length).toBeGreaterThanOrEqual(3);
    expect(tasks.followups.some((f) => f.dueDate === AS_OF)).toBe(true);
    expect(tasks.followups.some((f) => f.dueDate! < AS_OF)).toBe(true);
    expect(tasks.demands.some((d) => d.overdue)).toBe(true);
    expect(tasks.demands.every((d) => d.assigneeStaffId === info.me!.id)).toBe(true);
    // The seed leaves "me" as the acting staff member.
    expect(core.store.actor.staffId).toBe(info.me!.id);
  });

  it('attributes work to the people who did it', () => {
    const { core } = a;
    // Visits are written by their lead; several staff members assign, handle and close demands.
    expect(
      one(
        core,
        `SELECT count(*) FROM visits WHERE "status" = 'submitted' AND "updatedByStaff" IS NOT "leadStaffId"`,
      ),
    ).toBe(0);
    expect(one(core, `SELECT count(DISTINCT "by") FROM demand_history`)).toBeGreaterThanOrEqual(8);
    const assigners = all<{ role: string }>(
      core,
      `SELECT DISTINCT s."role" FROM demand_history h JOIN staff s ON s."id" = h."by" WHERE h."to" = 'assigned' AND ${MOVES_ONLY}`,
    );
    expect(assigners.map((r) => r.role)).toEqual(['supervisor']);
    expect(one(core, `SELECT count(*) FROM staff WHERE "active" = 0`)).toBe(1);
  });
});

describe('demo determinism', () => {
  it(
    'gives the same content for the same seed and asOf, with each input parsed and handled as a door would',
    () => {
      // A second run of seed 1 that parses each input and runs each method's handler, not its
      // write: the trusted inputs are the contract's, and the writes do what the handlers do.
      const checked = seeded(1, false, true);
      expect(checked.counts).toEqual(a.counts);
      const tables = expectSameTables(checked.core, a.core);
      expect(tables.get('change_log')!.length).toBeGreaterThan(100_000);
    },
    SLOW,
  );

  it(
    'gives other content for another seed',
    () => {
      expect(everyTable(seededWithMe().core).get('enterprises')).not.toEqual(
        everyTable(a.core).get('enterprises'),
      );
    },
    SLOW,
  );
});

describe('demo written in bulk', () => {
  // That the bulk load writes what calling each method would is shown method by method in
  // method-writes.test.ts, above with each input parsed and handled, and for a whole district
  // of a new seed written call by call in every soak run (test/soak/seed-equivalence.test.ts).
  it('leaves the schema as the migrations made it: the indexes set aside while writing are back', () => {
    const schema = (core: Core) =>
      all(core, `SELECT "type","name","tbl_name","sql" FROM sqlite_master ORDER BY "name"`);
    expect(schema(a.core)).toEqual(schema(makeCore().core));
    expect(one(a.core, `PRAGMA integrity_check`)).toBe('ok');
  });
});

describe('demo on a database that already has "me"', () => {
  it(
    'keeps that "me", makes them part of the team and gives them tasks',
    () => {
      const { core } = seededWithMe();
      const info = ok(core, 'app.info', {});
      expect(info.me?.name).toBe('测试员');
      const tasks = ok(core, 'me.tasks', {});
      expect(tasks.followups.length).toBeGreaterThan(0);
      expect(tasks.demands.length).toBeGreaterThan(0);
      expect(
        one(core, `SELECT count(*) FROM enterprises WHERE "liaisonStaffId" = ?`, info.me!.id),
      ).toBeGreaterThan(0);
    },
    SLOW,
  );

  it('refuses an asOf after today', () => {
    const clock = new TestClock(Date.parse(NOW));
    const dir = mkdtempSync(join(tmpdir(), 'vl-seed-'));
    dirs.push(dir);
    const core = openCore(join(dir, 'x.db'), { now: clock.now });
    cores.push(core);
    expect(() => seedDemo(core, { scale: 1, asOf: '2026-11-24' })).toThrow(/after today/);
    expect(one(core, `SELECT count(*) FROM staff`)).toBe(0);
  });
});
