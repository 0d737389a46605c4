import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  copyDatabaseFile,
  makeCore,
  snapshot,
  tempDir,
  TestClock,
  VALID_USCC,
  type TestCore,
} from '../helpers';
import { call, callAsync } from '../../src-main/dispatch';
import { openCore } from '../../src-main/open';
import { METHOD_NAMES, RECORD_KINDS, type MethodName, type RecordKind } from '@shared/contract/methods';
import type { ErrorCode } from '@shared/contract/errors';
import { isMessageKey } from '@shared/messages';
import { demandIn, freshUscc, makeEnterprise, withWrongCheck } from './fixtures';

// Every method, fed bad input on a populated database: refused with the right code, a
// message that names the field (or the missing id), and the database byte-for-byte unchanged.

interface Case {
  input: unknown;
  code: ErrorCode;
  /** Must appear in the message: the field's path, or the id that was not found. */
  mentions: string;
}

const LONG = (n: number) => 'x'.repeat(n);

function populated(path: string) {
  const t = makeCore({ path });
  const e = makeEnterprise(t, { uscc: VALID_USCC[0]! });
  const other = makeEnterprise(t, { uscc: VALID_USCC[1]! });
  const colleague = t.ok('staff.create', { name: '同事' });
  const gone = t.ok('staff.create', { name: '已删除' });
  t.ok('staff.delete', { id: gone.id });
  const expert = t.ok('experts.create', { name: '陈教授' });
  const unit = t.ok('units.create', { name: '区工信局', kind: 'department' });
  const coUnit = t.ok('units.create', { name: '东街道', kind: 'town' });
  const idleUnit = t.ok('units.create', { name: '知识产权服务站', kind: 'platform' });
  const goneUnit = t.ok('units.create', { name: '已撤销科室', kind: 'bureau_section' });
  t.ok('units.delete', { id: goneUnit.id });
  const visit = t.ok('visits.create', {
    enterpriseId: e.id,
    date: '2026-11-20',
    mode: 'onsite',
    demands: [{ categories: ['tech'], title: '走访中提出' }],
  });
  const otherVisit = t.ok('visits.create', { enterpriseId: other.id, date: '2026-11-20', mode: 'phone' });
  const demand = demandIn(t, 'answered', { enterpriseId: e.id });
  const closed = demandIn(t, 'closed', { enterpriseId: e.id });
  const extending = demandIn(t, 'in_progress', { enterpriseId: e.id });
  t.ok('demands.requestExtension', { id: extending.id, dueDate: '2026-12-15', reason: '等待检测报告' });
  const clinic = t.ok('clinics.create', {
    date: '2026-11-01',
    topic: '数控会诊',
    expertIds: [expert.id],
    enterprises: [{ enterpriseId: e.id }],
  });
  const followup = t.ok('followups.create', {
    parentType: 'demand',
    parentId: demand.id,
    dueDate: '2026-11-25',
  });
  const activity = t.ok('activities.create', {
    type: 'policy_briefing',
    date: '2026-11-10',
    title: '研发费用加计扣除政策宣讲',
    enterpriseIds: [e.id],
    attendees: 40,
  });
  const outcome = t.ok('outcomes.create', {
    enterpriseId: e.id,
    type: 'tech_contract',
    date: '2026-11-12',
    amount: 350000,
    demandId: closed.id,
  });
  // Pending, handed to a lead and a co unit when it was created.
  const handed = t.ok('demands.create', {
    enterpriseId: e.id,
    categories: ['policy'],
    title: '交办需求',
    leadUnitId: unit.id,
    coUnitIds: [coUnit.id],
  });
  return {
    t,
    e,
    other,
    colleague,
    gone,
    expert,
    unit,
    coUnit,
    idleUnit,
    goneUnit,
    visit,
    otherVisit,
    demand,
    closed,
    extending,
    handed,
    clinic,
    followup,
    activity,
    outcome,
  };
}
type World = ReturnType<typeof populated>;

// The populated database is built once and copied for each test (refused calls change
// nothing, but each test still gets its own file).
let template: { dir: string; path: string; world: World; clockMs: number } | null = null;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'vl-bad-input-'));
  const path = join(dir, 'template.db');
  const world = populated(path);
  world.t.core.store.close();
  template = { dir, path, world, clockMs: world.t.clock.ms };
});
afterAll(() => {
  if (template) rmSync(template.dir, { recursive: true, force: true });
});
const opened: TestCore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) if (t.core.store.db.open) t.core.store.close();
});

/** A fresh copy of the populated database, with the world's records. */
function world(): World {
  const { path, world: w, clockMs } = template!;
  const copy = join(tempDir(), 'copy.db');
  copyDatabaseFile(path, copy);
  const clock = new TestClock(clockMs);
  const core = openCore(copy, { now: clock.now });
  const t: TestCore = {
    core,
    path: copy,
    clock,
    meId: w.t.meId,
    ok: (method, input) => {
      const r = call(core, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.result as never;
    },
    err: (method, input) => {
      const r = call(core, method, input);
      if (r.ok) throw new Error(`${method} succeeded but should have failed`);
      return r.error;
    },
  };
  opened.push(t);
  return { ...w, t };
}

/** Inputs every method that takes an object refuses. */
const NOT_AN_OBJECT: Case[] = [
  { input: 'enterprises', code: 'VALIDATION', mentions: '(input)' },
  { input: 42, code: 'VALIDATION', mentions: '(input)' },
  { input: [], code: 'VALIDATION', mentions: '(input)' },
];
const NULL_INPUT: Case = { input: null, code: 'VALIDATION', mentions: '(input)' };
const extra = (input: Record<string, unknown>): Case => ({
  input: { ...input, surplusField: 1 },
  code: 'VALIDATION',
  mentions: 'surplusField',
});
const v = (input: unknown, mentions: string): Case => ({ input, code: 'VALIDATION', mentions });
const nf = (input: unknown, mentions: string): Case => ({ input, code: 'NOT_FOUND', mentions });

function byIdCases(id: string): Case[] {
  return [
    ...NOT_AN_OBJECT,
    NULL_INPUT,
    v({}, 'id'),
    v({ id: 7 }, 'id'),
    v({ id: '' }, 'id'),
    v({ id: LONG(65) }, 'id'),
    v({ id: null }, 'id'),
    nf({ id: 'no-such-record' }, "'no-such-record'"),
    extra({ id }),
  ];
}

const LIST_CASES: Case[] = [
  ...NOT_AN_OBJECT,
  v({ limit: 0 }, 'limit'),
  v({ limit: 10_001 }, 'limit'),
  v({ limit: 'ten' }, 'limit'),
  v({ limit: 2.5 }, 'limit'),
  v({ offset: -1 }, 'offset'),
  v({ q: LONG(201) }, 'q'),
  v({ q: 5 }, 'q'),
  v({ sort: [{ field: 'createdAt', dir: 'up' }] }, 'sort.0.dir'),
  v({ sort: [{ field: 'noSuchField', dir: 'asc' }] }, 'noSuchField'),
  v({ sort: 'createdAt' }, 'sort'),
  v({ filter: { noSuchField: 1 } }, 'noSuchField'),
  v({ filter: { id: { regex: '.*' } } }, 'filter.id'),
  v({ filter: { id: { contains: LONG(201) } } }, 'filter.id'),
  v({ filter: [] }, 'filter'),
  v({ includeDeleted: 'yes' }, 'includeDeleted'),
  extra({}),
];

const EMPTY_INPUT_CASES: Case[] = [v('x', '(input)'), v(7, '(input)'), extra({})];

/** Bad create inputs per kind, beyond the generic ones. */
function createCases(w: World, kind: RecordKind): Case[] {
  const ent = { uscc: freshUscc(), name: '新企业' };
  const visit = { enterpriseId: w.e.id, date: '2026-11-21', mode: 'onsite' };
  const demand = { enterpriseId: w.e.id, categories: ['tech'], title: '需求' };
  const clinic = { date: '2026-11-02', topic: '会诊' };
  const fu = { parentType: 'demand', parentId: w.demand.id };
  const activity = { type: 'policy_briefing', date: '2026-11-10', title: '政策宣讲', attendees: 30 };
  const outcome = { enterpriseId: w.e.id, type: 'tech_contract', date: '2026-11-12' };
  switch (kind) {
    case 'staff':
      return [
        v({}, 'name'),
        v({ name: '' }, 'name'),
        v({ name: '   ' }, 'name'),
        v({ name: 5 }, 'name'),
        v({ name: LONG(201) }, 'name'),
        v({ name: 'a', role: 'boss' }, 'role'),
        v({ name: 'a', phone: 'call me' }, 'phone'),
        v({ name: 'a', phone: '1'.repeat(41) }, 'phone'),
        v({ name: 'a', active: 'yes' }, 'active'),
        extra({ name: 'a' }),
      ];
    case 'enterprises':
      return [
        v({ name: 'a' }, 'uscc'),
        v({ ...ent, name: '' }, 'name'),
        v({ ...ent, uscc: withWrongCheck(ent.uscc) }, 'uscc'),
        v({ ...ent, uscc: '91350100' }, 'uscc'),
        v({ ...ent, uscc: LONG(41) }, 'uscc'),
        v({ ...ent, uscc: withWrongCheck(ent.uscc), usccOverride: true }, 'usccOverrideReason'),
        v({ ...ent, usccOverride: 'yes' }, 'usccOverride'),
        v({ ...ent, industry: 'Z1' }, 'industry'),
        v({ ...ent, industry: 'C3' }, 'industry'),
        v({ ...ent, tiers: [{ tier: 'mega', year: 2024 }] }, 'tiers.0.tier'),
        v({ ...ent, tiers: [{ tier: 'high_tech', year: 1800 }] }, 'tiers.0.year'),
        v(
          { ...ent, tiers: [{ tier: 'high_tech', year: 2024, expiresOn: '2026-02-30' }] },
          'tiers.0.expiresOn',
        ),
        v({ ...ent, contacts: [{ phone: '1' }] }, 'contacts.0.name'),
        v({ ...ent, formerNames: 'old name' }, 'formerNames'),
        v({ ...ent, status: 'zombie' }, 'status'),
        v({ ...ent, address: LONG(301) }, 'address'),
        nf({ ...ent, liaisonStaffId: 'ghost-staff' }, 'liaisonStaffId'),
        v({ ...ent, liaisonStaffId: w.gone.id }, 'liaisonStaffId'),
        { input: { ...ent, uscc: VALID_USCC[0] }, code: 'CONFLICT', mentions: 'uscc' },
        extra(ent),
      ];
    case 'experts':
      return [
        v({}, 'name'),
        v({ name: 'a', phone: 'no phone' }, 'phone'),
        v({ name: 'a', title: LONG(101) }, 'title'),
        v({ name: 'a', organization: 3 }, 'organization'),
        extra({ name: 'a' }),
      ];
    case 'units':
      return [
        v({}, 'name'),
        v({ name: '' }, 'name'),
        v({ name: LONG(201) }, 'name'),
        v({ name: 'a', kind: 'ministry' }, 'kind'),
        v({ name: 'a', phone: 'call me' }, 'phone'),
        v({ name: 'a', contact: LONG(101) }, 'contact'),
        v({ name: 'a', active: 'yes' }, 'active'),
        // Unique among live units; a deleted unit's name is free again (not refused here).
        { input: { name: w.unit.name }, code: 'CONFLICT', mentions: 'name' },
        extra({ name: 'a' }),
      ];
    case 'visits':
      return [
        v({ ...visit, date: '2026-02-30' }, 'date'),
        v({ ...visit, date: '2026/11/21' }, 'date'),
        v({ ...visit, date: '2026-11-24' }, 'date'), // after today, not a draft
        v({ ...visit, mode: 'teleport' }, 'mode'),
        v({ enterpriseId: w.e.id, date: '2026-11-21' }, 'mode'),
        v({ ...visit, status: 'archived' }, 'status'),
        v({ ...visit, solvedOnSite: 'yes' }, 'solvedOnSite'),
        v({ ...visit, summary: LONG(10_001) }, 'summary'),
        v({ ...visit, staffIds: 'me' }, 'staffIds'),
        nf({ ...visit, enterpriseId: 'ghost-enterprise' }, 'enterpriseId'),
        nf({ ...visit, leadStaffId: 'ghost-lead' }, 'leadStaffId'),
        nf({ ...visit, staffIds: [w.colleague.id, 'ghost-member'] }, 'staffIds.1'),
        v({ ...visit, demands: [{ title: '缺类别' }] }, 'demands.0.categories'),
        v(
          { ...visit, demands: [{ categories: ['tech'], title: 'x', enterpriseId: w.other.id }] },
          'enterpriseId',
        ),
        extra(visit),
      ];
    case 'demands':
      return [
        v({ enterpriseId: w.e.id, title: 'x' }, 'categories'),
        v({ ...demand, categories: [] }, 'categories'),
        v({ ...demand, categories: ['tech', 'ip', 'rnd', 'talent', 'other'] }, 'categories'),
        v({ ...demand, categories: ['tech', 'tech'] }, 'categories'),
        v({ ...demand, categories: ['money'] }, 'categories.0'),
        v({ ...demand, title: LONG(201) }, 'title'),
        v({ ...demand, level: 'galaxy' }, 'level'),
        v({ ...demand, source: 'rumour' }, 'source'),
        v({ ...demand, receivedAt: '2026-02-30' }, 'receivedAt'),
        v({ ...demand, receivedAt: '2026-11-20T10:00:00' }, 'receivedAt'), // no offset
        v({ ...demand, receivedAt: '2026-11-30' }, 'receivedAt'), // future
        v({ ...demand, dueDate: '2026-13-01' }, 'dueDate'),
        v({ ...demand, receivedAt: '2026-11-20', dueDate: '2026-11-19' }, 'dueDate'),
        v({ ...demand, complex: 'very' }, 'complex'),
        v({ ...demand, source: 'visit' }, 'sourceVisitId'),
        v({ ...demand, source: 'clinic' }, 'sourceClinicId'),
        v({ ...demand, sourceVisitId: w.otherVisit.id }, 'sourceVisitId'),
        v({ ...demand, enterpriseId: w.other.id, sourceClinicId: w.clinic.id }, 'sourceClinicId'),
        v({ ...demand, source: 'activity' }, 'sourceActivityId'),
        v({ ...demand, enterpriseId: w.other.id, sourceActivityId: w.activity.id }, 'sourceActivityId'),
        nf({ ...demand, sourceActivityId: 'ghost-activity' }, 'sourceActivityId'),
        nf({ ...demand, enterpriseId: 'ghost-enterprise' }, 'enterpriseId'),
        nf({ ...demand, sourceVisitId: 'ghost-visit' }, 'sourceVisitId'),
        nf({ ...demand, assigneeStaffId: 'ghost-staff' }, 'assigneeStaffId'),
        nf({ ...demand, leadUnitId: 'ghost-unit' }, 'leadUnitId'),
        v({ ...demand, leadUnitId: w.goneUnit.id }, 'leadUnitId'),
        v({ ...demand, leadUnitId: w.unit.id, coUnitIds: [w.coUnit.id, w.unit.id] }, 'coUnitIds.1'),
        v({ ...demand, coUnitIds: [w.coUnit.id, w.coUnit.id] }, 'coUnitIds'),
        nf({ ...demand, coUnitIds: ['ghost-unit'] }, 'coUnitIds.0'),
        v({ ...demand, coUnitIds: w.coUnit.id }, 'coUnitIds'),
        v({ ...demand, status: 'closed' }, 'status'),
        extra(demand),
      ];
    case 'clinics':
      return [
        v({ topic: 'x' }, 'date'),
        v({ ...clinic, date: '2026-02-29' }, 'date'),
        v({ ...clinic, topic: '' }, 'topic'),
        v({ ...clinic, status: 'done' }, 'status'),
        v({ ...clinic, signedProjects: -1 }, 'signedProjects'),
        v({ ...clinic, cooperationIntentions: 1.5 }, 'cooperationIntentions'),
        v({ ...clinic, enterprises: [{ enterpriseId: w.e.id }, { enterpriseId: w.e.id }] }, 'enterprises'),
        v({ ...clinic, enterprises: [{ enterpriseId: w.e.id, verdict: 'ok' }] }, 'verdict'),
        nf({ ...clinic, expertIds: [w.expert.id, 'ghost-expert'] }, 'expertIds.1'),
        nf({ ...clinic, enterprises: [{ enterpriseId: 'ghost-enterprise' }] }, 'enterprises.0.enterpriseId'),
        extra(clinic),
      ];
    case 'followups':
      return [
        v({ parentType: 'demand' }, 'parentId'),
        v({ ...fu, parentType: 'order' }, 'parentType'),
        v({ ...fu, doneAt: '2026-02-30T10:00:00+08:00' }, 'doneAt'),
        v({ ...fu, doneAt: '2026-11-30' }, 'doneAt'), // future
        v({ ...fu, dueDate: '2026-02-30' }, 'dueDate'),
        v({ ...fu, nextFollowupDate: 'tomorrow' }, 'nextFollowupDate'),
        v({ ...fu, satisfaction: 'happy' }, 'satisfaction'),
        v({ ...fu, channel: 'fax' }, 'channel'),
        v({ ...fu, content: LONG(4001) }, 'content'),
        nf({ ...fu, parentId: 'ghost-demand' }, 'parentId'),
        nf({ ...fu, parentType: 'clinic', parentId: w.demand.id }, 'parentId'),
        nf({ ...fu, ownerStaffId: 'ghost-staff' }, 'ownerStaffId'),
        extra(fu),
      ];
    case 'activities':
      return [
        v({ type: 'training', title: 'x' }, 'date'),
        v({ ...activity, type: 'party' }, 'type'),
        v({ ...activity, title: '' }, 'title'),
        v({ ...activity, status: 'done' }, 'status'),
        v({ ...activity, attendees: -3 }, 'attendees'),
        v({ ...activity, attendees: 2.5 }, 'attendees'),
        v({ ...activity, enterpriseIds: [w.e.id, w.e.id] }, 'enterpriseIds'),
        // Held (dated before today) with neither its enterprises nor its attendees.
        v({ type: 'training', date: '2026-11-02', title: '培训' }, 'attendees'),
        v({ ...activity, status: 'held', enterpriseIds: [], attendees: null }, 'attendees'),
        nf({ ...activity, enterpriseIds: ['ghost-enterprise'] }, 'enterpriseIds.0'),
        nf({ ...activity, organizerStaffIds: ['ghost-staff'] }, 'organizerStaffIds.0'),
        nf({ ...activity, expertIds: ['ghost-expert'] }, 'expertIds.0'),
        extra(activity),
      ];
    case 'outcomes':
      return [
        v({ enterpriseId: w.e.id, date: '2026-11-01' }, 'type'),
        v({ ...outcome, type: 'medal' }, 'type'),
        v({ ...outcome, date: '2026-02-30' }, 'date'),
        v({ ...outcome, amount: -1 }, 'amount'),
        v({ ...outcome, amount: 10.005 }, 'amount'),
        v({ ...outcome, count: 0 }, 'count'),
        v({ ...outcome, status: 'lost' }, 'status'),
        nf({ ...outcome, enterpriseId: 'ghost-enterprise' }, 'enterpriseId'),
        nf({ ...outcome, demandId: 'ghost-demand' }, 'demandId'),
        // The demand answered is the enterprise's own.
        v({ ...outcome, enterpriseId: w.other.id, demandId: w.demand.id }, 'demandId'),
        extra(outcome),
      ];
  }
}

function updateCases(w: World, kind: RecordKind): Case[] {
  const idOf: Record<RecordKind, string> = {
    staff: w.colleague.id,
    enterprises: w.e.id,
    experts: w.expert.id,
    units: w.unit.id,
    visits: w.visit.id,
    demands: w.demand.id,
    clinics: w.clinic.id,
    followups: w.followup.id,
    activities: w.activity.id,
    outcomes: w.outcome.id,
  };
  const id = idOf[kind];
  const generic: Case[] = [
    ...NOT_AN_OBJECT,
    v({ name: 'x' }, 'id'),
    nf({ id: 'no-such-record' }, "'no-such-record'"),
    extra({ id }),
  ];
  const specific: Record<RecordKind, Case[]> = {
    staff: [v({ id, role: 'boss' }, 'role'), v({ id, name: '' }, 'name')],
    enterprises: [
      v({ id, uscc: withWrongCheck(VALID_USCC[0]!) }, 'uscc'),
      { input: { id, uscc: VALID_USCC[1] }, code: 'CONFLICT', mentions: 'uscc' },
      nf({ id, liaisonStaffId: 'ghost-staff' }, 'liaisonStaffId'),
      v({ id, industry: 'U' }, 'industry'),
    ],
    experts: [v({ id, phone: 'abc' }, 'phone')],
    units: [
      v({ id, name: '' }, 'name'),
      v({ id, kind: 'ministry' }, 'kind'),
      { input: { id, name: w.coUnit.name }, code: 'CONFLICT', mentions: 'name' },
    ],
    visits: [
      v({ id, date: '2026-02-30' }, 'date'),
      v({ id, date: '2026-12-01' }, 'date'),
      // Demands were raised in this visit: it cannot move to another enterprise.
      v({ id, enterpriseId: w.other.id }, 'enterpriseId'),
      nf({ id, staffIds: ['ghost-member'] }, 'staffIds.0'),
      { input: { id, status: 'reviewed', reviewedBy: 'me' }, code: 'VALIDATION', mentions: 'reviewedBy' },
    ],
    demands: [
      v({ id, receivedAt: '2026-11-01' }, 'receivedAt'), // not part of a patch
      v({ id, status: 'closed' }, 'status'), // moves go through demands.transition
      v({ id, dueDate: '2020-01-01' }, 'dueDate'), // before it was received
      v({ id, categories: [] }, 'categories'),
      nf({ id, assigneeStaffId: 'ghost-staff' }, 'assigneeStaffId'),
      v({ id, sourceVisitId: w.otherVisit.id }, 'sourceVisitId'),
      // The co units are checked against the lead unit the demand has.
      v({ id: w.handed.id, coUnitIds: [w.unit.id] }, 'coUnitIds.0'),
      v({ id: w.handed.id, leadUnitId: w.coUnit.id }, 'coUnitIds.0'),
      nf({ id, leadUnitId: 'ghost-unit' }, 'leadUnitId'),
    ],
    clinics: [nf({ id, expertIds: ['ghost-expert'] }, 'expertIds.0'), v({ id, date: '2026-04-31' }, 'date')],
    followups: [
      nf({ id, parentId: 'ghost-demand' }, 'parentId'),
      v({ id, doneAt: '2026-12-01' }, 'doneAt'),
      v({ id, satisfaction: 'meh' }, 'satisfaction'),
    ],
    activities: [
      v({ id, enterpriseIds: [], attendees: null }, 'attendees'),
      nf({ id, enterpriseIds: ['ghost-enterprise'] }, 'enterpriseIds.0'),
    ],
    outcomes: [
      v({ id, amount: -0.01 }, 'amount'),
      v({ id, amount: 1.234 }, 'amount'),
      nf({ id, demandId: 'ghost-demand' }, 'demandId'),
      v({ id, enterpriseId: w.other.id }, 'demandId'),
    ],
  };
  return [...generic, ...specific[kind]];
}

function casesFor(w: World): Partial<Record<MethodName, Case[]>> {
  const out: Partial<Record<MethodName, Case[]>> = {};
  const idOf: Record<RecordKind, string> = {
    staff: w.colleague.id,
    enterprises: w.e.id,
    experts: w.expert.id,
    units: w.unit.id,
    visits: w.visit.id,
    demands: w.demand.id,
    clinics: w.clinic.id,
    followups: w.followup.id,
    activities: w.activity.id,
    outcomes: w.outcome.id,
  };
  for (const kind of RECORD_KINDS) {
    out[`${kind}.create`] = [...NOT_AN_OBJECT, NULL_INPUT, ...createCases(w, kind)];
    out[`${kind}.get`] = byIdCases(idOf[kind]);
    out[`${kind}.delete`] = byIdCases(idOf[kind]);
    out[`${kind}.update`] = updateCases(w, kind);
    out[`${kind}.list`] = LIST_CASES;
  }
  // A unit handling an open demand (as lead or co unit) is not deleted.
  out['units.delete']!.push(
    { input: { id: w.unit.id }, code: 'CONFLICT', mentions: 'open demand' },
    { input: { id: w.coUnit.id }, code: 'CONFLICT', mentions: 'open demand' },
    nf({ id: w.goneUnit.id }, w.goneUnit.id),
  );
  const { e, demand, closed, handed } = w;
  const handOver = { id: handed.id, to: 'assigned', assigneeStaffId: w.colleague.id };
  Object.assign(out, {
    'app.info': EMPTY_INPUT_CASES,
    'me.tasks': EMPTY_INPUT_CASES,
    'me.set': [
      ...NOT_AN_OBJECT,
      v({}, 'staffId'),
      v({ staffId: 1 }, 'staffId'),
      nf({ staffId: 'ghost-staff' }, 'staffId'),
      v({ staffId: w.gone.id }, 'staffId'),
      extra({ staffId: w.colleague.id }),
    ],
    'enterprises.timeline': byIdCases(e.id),
    'enterprises.checkDuplicates': [
      ...NOT_AN_OBJECT,
      v({ uscc: LONG(41) }, 'uscc'),
      v({ name: 5 }, 'name'),
      v({ name: LONG(201) }, 'name'),
      v({ excludeId: '' }, 'excludeId'),
      extra({ name: 'a' }),
    ],
    'demands.transition': [
      ...NOT_AN_OBJECT,
      v({ to: 'closed' }, 'id'),
      v({ id: demand.id }, 'to'),
      v({ id: demand.id, to: 'finished' }, 'to'),
      nf({ id: 'ghost-demand', to: 'closed', closureType: 'partial', resolution: 'x' }, "'ghost-demand'"),
      v({ id: demand.id, to: 'in_progress', at: '2026-02-30' }, 'at'),
      v({ id: demand.id, to: 'in_progress', at: '2026-11-23T25:00:00+08:00' }, 'at'),
      v({ id: demand.id, to: 'in_progress', at: '2026-12-01' }, 'at'),
      v({ id: demand.id, to: 'in_progress', at: '2026-01-01' }, 'at'),
      v({ id: demand.id, to: 'closed', closureType: 'done', resolution: 'x' }, 'closureType'),
      v({ id: demand.id, to: 'closed', closureType: 'partial' }, 'resolution'),
      v({ id: demand.id, to: 'in_progress', note: LONG(2001) }, 'note'),
      v({ id: demand.id, to: 'closed', closureType: 'partial', resolution: LONG(4001) }, 'resolution'),
      { input: { id: demand.id, to: 'pending' }, code: 'WORKFLOW', mentions: 'to' },
      { input: { id: closed.id, to: 'answered' }, code: 'WORKFLOW', mentions: 'to' },
      nf({ id: demand.id, to: 'in_progress', assigneeStaffId: 'ghost-staff' }, 'assigneeStaffId'),
      nf({ ...handOver, leadUnitId: 'ghost-unit' }, 'leadUnitId'),
      v({ ...handOver, leadUnitId: w.goneUnit.id }, 'leadUnitId'),
      v({ ...handOver, leadUnitId: w.idleUnit.id, coUnitIds: [w.idleUnit.id] }, 'coUnitIds.0'),
      // Without a lead unit given, the demand's own is the lead.
      v({ ...handOver, coUnitIds: [w.unit.id] }, 'coUnitIds.0'),
      v({ ...handOver, coUnitIds: [w.idleUnit.id, w.idleUnit.id] }, 'coUnitIds'),
      v({ ...handOver, coUnitIds: [w.goneUnit.id] }, 'coUnitIds.0'),
      v({ ...handOver, leadUnitId: 7 }, 'leadUnitId'),
      // Units are handed a demand by the move to 'assigned' only.
      v({ id: demand.id, to: 'in_progress', leadUnitId: w.unit.id }, 'leadUnitId'),
      extra({ id: demand.id, to: 'in_progress' }),
    ],
    'demands.unitReply': [
      ...NOT_AN_OBJECT,
      v({ unitId: w.unit.id, note: '已对接' }, 'id'),
      v({ id: handed.id, note: '已对接' }, 'unitId'),
      v({ id: handed.id, unitId: w.unit.id }, 'note'),
      v({ id: handed.id, unitId: w.unit.id, note: '   ' }, 'note'),
      v({ id: handed.id, unitId: w.unit.id, note: LONG(4001) }, 'note'),
      nf({ id: 'ghost-demand', unitId: w.unit.id, note: '已对接' }, "'ghost-demand'"),
      nf({ id: handed.id, unitId: 'ghost-unit', note: '已对接' }, 'unitId'),
      v({ id: handed.id, unitId: w.goneUnit.id, note: '已对接' }, 'unitId'),
      // Not handling it: neither its lead nor a co unit.
      v({ id: handed.id, unitId: w.idleUnit.id, note: '已对接' }, 'unitId'),
      v({ id: demand.id, unitId: w.unit.id, note: '已对接' }, 'unitId'),
      extra({ id: handed.id, unitId: w.unit.id, note: '已对接' }),
    ],
    'demands.reply': [
      ...NOT_AN_OBJECT,
      v({ note: '已答复' }, 'id'),
      v({ id: w.extending.id }, 'note'),
      v({ id: w.extending.id, note: '   ' }, 'note'),
      v({ id: w.extending.id, note: LONG(4001) }, 'note'),
      nf({ id: 'ghost-demand', note: '已答复' }, "'ghost-demand'"),
      // Ended: a first reply is for open demands.
      v({ id: w.closed.id, note: '已答复' }, 'id'),
      extra({ id: w.extending.id, note: '已答复' }),
    ],
    'settings.get': EMPTY_INPUT_CASES,
    'settings.set': [
      ...NOT_AN_OBJECT,
      v({ orgName: 5 }, 'orgName'),
      v({ orgName: LONG(101) }, 'orgName'),
      v({ sla: 'workday' }, 'sla'),
      v({ sla: { unit: 'weeks' } }, 'sla.unit'),
      v({ sla: { ordinary: 0 } }, 'sla.ordinary'),
      v({ sla: { complex: 1.5 } }, 'sla.complex'),
      v({ sla: { firstReply: 61 } }, 'sla.firstReply'),
      v({ towns: '城东街道' }, 'towns'),
      v({ towns: [5] }, 'towns.0'),
      v({ towns: [LONG(51)] }, 'towns.0'),
      v({ towns: ['城东街道', ' '] }, 'towns'),
      v({ sla: { unit: 'workday', surplusField: 1 } }, 'sla'),
      extra({ orgName: '启明区科技局' }),
    ],
    'calendar.get': [
      ...NOT_AN_OBJECT,
      v({}, 'year'),
      v({ year: '2025' }, 'year'),
      v({ year: 1800 }, 'year'),
      extra({ year: 2025 }),
    ],
    'calendar.set': [
      ...NOT_AN_OBJECT,
      v({ holidays: [], workdays: [] }, 'year'),
      v({ year: 2025, workdays: [] }, 'holidays'),
      v({ year: 2025, holidays: ['2025-10-01'] }, 'workdays'),
      v({ year: 2025, holidays: ['2025-10-32'], workdays: [] }, 'holidays.0'),
      v({ year: 2025, holidays: ['2026-01-01'], workdays: [] }, 'holidays.0'),
      v({ year: 2025, holidays: ['2025-10-01', '2025-10-02'], workdays: ['2025-10-02'] }, 'workdays.0'),
      v({ year: 2025, holidays: [], workdays: ['2025-10-11', '2025-10-11'] }, 'workdays.1'),
      v({ year: 2025, holidays: [5], workdays: [] }, 'holidays.0'),
      extra({ year: 2025, holidays: [], workdays: [] }),
    ],
    'demands.openBoard': [
      ...NOT_AN_OBJECT,
      v({ assigneeStaffId: 5 }, 'assigneeStaffId'),
      v({ town: LONG(101) }, 'town'),
      v({ unitId: 5 }, 'unitId'),
      nf({ unitId: 'ghost-unit' }, 'unitId'),
      v({ unitId: w.goneUnit.id }, 'unitId'),
      extra({}),
    ],
    'demands.reassign': [
      ...NOT_AN_OBJECT,
      v({ ids: [], assigneeStaffId: w.colleague.id }, 'ids'),
      v({ ids: demand.id, assigneeStaffId: w.colleague.id }, 'ids'),
      v({ ids: [demand.id] }, 'assigneeStaffId'),
      v({ ids: [demand.id, 'ghost-demand'], assigneeStaffId: w.colleague.id }, 'ids.1'),
      v({ ids: [demand.id, closed.id], assigneeStaffId: w.colleague.id }, 'ids.1'),
      nf({ ids: [demand.id], assigneeStaffId: 'ghost-staff' }, 'assigneeStaffId'),
      v({ ids: [demand.id], assigneeStaffId: w.colleague.id, note: LONG(2001) }, 'note'),
      extra({ ids: [demand.id], assigneeStaffId: w.colleague.id }),
    ],
    'demands.requestExtension': [
      ...NOT_AN_OBJECT,
      v({ dueDate: '2026-12-20', reason: '等待' }, 'id'),
      v({ id: demand.id, reason: '等待' }, 'dueDate'),
      v({ id: demand.id, dueDate: '2026-12-20' }, 'reason'),
      v({ id: demand.id, dueDate: '2026-12-20', reason: '  ' }, 'reason'),
      v({ id: demand.id, dueDate: '2026-02-30', reason: '等待' }, 'dueDate'),
      v({ id: demand.id, dueDate: '2026-12-20', reason: LONG(2001) }, 'reason'),
      nf({ id: 'ghost-demand', dueDate: '2026-12-20', reason: '等待' }, "'ghost-demand'"),
      // Not after the current due date (2026-11-30).
      v({ id: demand.id, dueDate: '2026-11-30', reason: '等待' }, 'dueDate'),
      v({ id: demand.id, dueDate: '2026-11-01', reason: '等待' }, 'dueDate'),
      { input: { id: closed.id, dueDate: '2026-12-20', reason: '等待' }, code: 'WORKFLOW', mentions: 'id' },
      // A second pending request.
      {
        input: { id: w.extending.id, dueDate: '2026-12-20', reason: '再申请' },
        code: 'WORKFLOW',
        mentions: 'id',
      },
      extra({ id: demand.id, dueDate: '2026-12-20', reason: '等待' }),
    ],
    'demands.decideExtension': [
      ...NOT_AN_OBJECT,
      v({ approve: true }, 'id'),
      v({ id: w.extending.id }, 'approve'),
      v({ id: w.extending.id, approve: 'yes' }, 'approve'),
      v({ id: w.extending.id, approve: true, note: LONG(2001) }, 'note'),
      nf({ id: 'ghost-demand', approve: true }, "'ghost-demand'"),
      // Nothing pending; a closed demand.
      { input: { id: demand.id, approve: true }, code: 'WORKFLOW', mentions: 'id' },
      { input: { id: closed.id, approve: false }, code: 'WORKFLOW', mentions: 'id' },
      extra({ id: w.extending.id, approve: true }),
    ],
    'demands.supervise': [
      ...NOT_AN_OBJECT,
      v({ level: 'bureau', note: '督办' }, 'ids'),
      v({ ids: [], level: 'bureau', note: '督办' }, 'ids'),
      v({ ids: [demand.id], note: '督办' }, 'level'),
      v({ ids: [demand.id], level: 'city', note: '督办' }, 'level'),
      v({ ids: [demand.id], level: 'bureau' }, 'note'),
      v({ ids: [demand.id], level: 'bureau', note: LONG(2001) }, 'note'),
      v({ ids: [demand.id, 'ghost-demand'], level: 'bureau', note: '督办' }, 'ids.1'),
      // Supervision of a closed demand.
      v({ ids: [demand.id, closed.id], level: 'district', note: '督办' }, 'ids.1'),
      extra({ ids: [demand.id], level: 'bureau', note: '督办' }),
    ],
    'demands.urge': [
      ...NOT_AN_OBJECT,
      v({}, 'ids'),
      v({ ids: [] }, 'ids'),
      v({ ids: [demand.id], note: LONG(2001) }, 'note'),
      v({ ids: [demand.id, 'ghost-demand'] }, 'ids.1'),
      v({ ids: [demand.id, closed.id] }, 'ids.1'),
      extra({ ids: [demand.id] }),
    ],
    'sync.team.create': [
      ...NOT_AN_OBJECT,
      v({ passphrase: 'secret-1' }, 'name'),
      v({ name: '局', passphrase: '' }, 'passphrase'),
      v({ name: LONG(101), passphrase: 'secret-1' }, 'name'),
      extra({ name: '局', passphrase: 'secret-1' }),
    ],
    'sync.team.join': [
      ...NOT_AN_OBJECT,
      v({ code: '', passphrase: 'secret-1' }, 'code'),
      v({ code: 'VLT1.x' }, 'passphrase'),
      v({ code: LONG(2001), passphrase: 'secret-1' }, 'code'),
      extra({ code: 'VLT1.x', passphrase: 'secret-1' }),
    ],
    'sync.export': [
      v('x', '(input)'),
      v({ full: 'yes' }, 'full'),
      v({ path: '' }, 'path'),
      v({ dir: 5 }, 'dir'),
      extra({}),
    ],
    'sync.import': [
      ...NOT_AN_OBJECT,
      v({ path: 5 }, 'path'),
      v({ fileName: LONG(301) }, 'fileName'),
      v({ confirmMassDelete: 'y' }, 'confirmMassDelete'),
      extra({}),
    ],
    'sync.folder': [
      ...NOT_AN_OBJECT,
      v({}, 'path'),
      v({ path: '' }, 'path'),
      v({ path: LONG(4097) }, 'path'),
      extra({ path: '' }),
    ],
    'sync.status': EMPTY_INPUT_CASES,
    'sync.progress': EMPTY_INPUT_CASES,
    'conflicts.list': [v('x', '(input)'), v({ includeResolved: 'yes' }, 'includeResolved'), extra({})],
    'conflicts.resolve': [
      ...NOT_AN_OBJECT,
      v({ id: 'c1', keep: 'both' }, 'keep'),
      v({ keep: 'winner' }, 'id'),
      nf({ id: 'ghost-conflict', keep: 'winner' }, "'ghost-conflict'"),
      extra({ id: 'c1', keep: 'winner' }),
    ],
    'quarantine.list': EMPTY_INPUT_CASES,
    'quarantine.resolve': [
      ...NOT_AN_OBJECT,
      v({ hlcs: [], action: 'accept' }, 'hlcs'),
      v({ hlcs: ['x'], action: 'keep' }, 'action'),
      v({ action: 'discard' }, 'hlcs'),
      nf({ hlcs: ['001790000000000-00000-ghost'], action: 'discard' }, "'001790000000000-00000-ghost'"),
      extra({ hlcs: ['x'], action: 'accept' }),
    ],
    'orphans.list': EMPTY_INPUT_CASES,
    'orphans.resolve': [
      ...NOT_AN_OBJECT,
      v({ kind: 'nope', recordId: w.demand.id, action: 'delete' }, 'kind'),
      v({ kind: 'demands', action: 'delete' }, 'recordId'),
      v({ kind: 'demands', recordId: w.demand.id, action: 'fix' }, 'action'),
      v({ kind: 'demands', recordId: w.demand.id, action: 'delete' }, 'recordId'),
      extra({ kind: 'demands', recordId: w.demand.id, action: 'delete' }),
    ],
    'duplicates.list': EMPTY_INPUT_CASES,
    'duplicates.merge': [
      ...NOT_AN_OBJECT,
      v({ mergeIds: [e.id] }, 'keepId'),
      v({ keepId: e.id, mergeIds: [] }, 'mergeIds'),
      v({ keepId: e.id, mergeIds: [e.id] }, 'mergeIds.0'),
      nf({ keepId: 'ghost-enterprise', mergeIds: [w.other.id] }, 'keepId'),
      nf({ keepId: e.id, mergeIds: [w.other.id, 'ghost-enterprise'] }, 'mergeIds.1'),
      extra({ keepId: e.id, mergeIds: [w.other.id] }),
    ],
    'staff.duplicates': EMPTY_INPUT_CASES,
    'staff.merge': [
      ...NOT_AN_OBJECT,
      v({ mergeIds: [w.colleague.id] }, 'keepId'),
      v({ keepId: w.colleague.id, mergeIds: [] }, 'mergeIds'),
      v({ keepId: w.colleague.id, mergeIds: [w.colleague.id] }, 'mergeIds.0'),
      v({ keepId: w.colleague.id, mergeIds: [w.gone.id] }, 'mergeIds.0'),
      nf({ keepId: 'ghost-staff', mergeIds: [w.colleague.id] }, 'keepId'),
      nf({ keepId: w.colleague.id, mergeIds: [w.t.meId, 'ghost-staff'] }, 'mergeIds.1'),
      extra({ keepId: w.colleague.id, mergeIds: [w.t.meId] }),
    ],
    'backups.list': EMPTY_INPUT_CASES,
    'backups.create': [v('x', '(input)'), v({ out: '' }, 'out'), v({ out: 5 }, 'out'), extra({})],
    'backups.restore': [...NOT_AN_OBJECT, v({}, 'file'), v({ file: '' }, 'file'), extra({ file: '' })],
    'audit.record': [
      ...NOT_AN_OBJECT,
      v({ kind: 'planets', id: e.id }, 'kind'),
      v({ kind: 'enterprises' }, 'id'),
      nf({ kind: 'enterprises', id: 'ghost-enterprise' }, "'ghost-enterprise'"),
      extra({ kind: 'enterprises', id: e.id }),
    ],
  } satisfies Partial<Record<MethodName, Case[]>>);
  // Reports: the quarter and the scope are checked the same way by each.
  const quarterCases: Case[] = [
    ...NOT_AN_OBJECT,
    v({}, 'quarter'),
    v({ quarter: '2026Q5' }, 'quarter'),
    v({ quarter: '2026-Q3' }, 'quarter'),
    v({ quarter: '2026Q3', town: '' }, 'town'),
    v({ quarter: '2026Q3', town: LONG(101) }, 'town'),
    v({ quarter: '2026Q3', staffId: 7 }, 'staffId'),
    nf({ quarter: '2026Q3', staffId: 'ghost-staff' }, 'staffId'),
    v({ quarter: '2026Q3', staffId: w.colleague.id, town: '东街道' }, 'town'),
    extra({ quarter: '2026Q3' }),
  ];
  Object.assign(out, {
    'reports.summary': [
      ...NOT_AN_OBJECT,
      v({}, 'period'),
      v({ period: '' }, 'period'),
      v({ period: '2026Q5' }, 'period'),
      v({ period: '2026-13' }, 'period'),
      v({ period: '2026H3' }, 'period'),
      v({ period: '2026-08-31..2026-01-01' }, 'period'),
      v({ period: '2020-01-01..2026-01-01' }, 'period'),
      v({ period: '2026', town: '' }, 'town'),
      nf({ period: '2026', staffId: 'ghost-staff' }, 'staffId'),
      nf({ period: '2026', unitId: 'ghost-unit' }, 'unitId'),
      v({ period: '2026', staffId: w.colleague.id, unitId: w.unit.id }, 'unitId'),
      extra({ period: '2026' }),
    ],
    'reports.upward': [
      ...NOT_AN_OBJECT,
      v({}, 'period'),
      v({ period: 2026 }, 'period'),
      v({ period: '2026Q5' }, 'period'),
      v({ period: '2026-08-31..2026-01-01' }, 'period'),
      extra({ period: '2026' }),
    ],
    'reports.upwardExport': [
      ...NOT_AN_OBJECT,
      v({}, 'period'),
      v({ period: '2026H3' }, 'period'),
      v({ period: '2026', path: '' }, 'path'),
      extra({ period: '2026' }),
    ],
    'targets.set': [
      ...NOT_AN_OBJECT,
      v({ key: 'visits', value: 10 }, 'year'),
      v({ year: 1999, key: 'visits', value: 10 }, 'year'),
      v({ year: 2026, value: 10 }, 'key'),
      v({ year: 2026, key: 'coverage', value: 0.5 }, 'key'),
      v({ year: 2026, key: 'outcome:nonsense:count', value: 3 }, 'key'),
      v({ year: 2026, key: 'visits' }, 'value'),
      v({ year: 2026, key: 'visits', value: -1 }, 'value'),
      v({ year: 2026, key: 'visits', value: 1.5 }, 'value'),
      v({ year: 2026, key: 'outcome:financing:amount', value: 100.123 }, 'value'),
      extra({ year: 2026, key: 'visits', value: 10 }),
    ],
    'targets.list': [...NOT_AN_OBJECT, v({}, 'year'), v({ year: '2026' }, 'year'), extra({ year: 2026 })],
    'targets.delete': [
      ...NOT_AN_OBJECT,
      v({ year: 2026 }, 'key'),
      v({ key: 'visits' }, 'year'),
      v({ year: 2026, key: 'everything' }, 'key'),
      extra({ year: 2026, key: 'visits' }),
    ],
    'search.global': [
      ...NOT_AN_OBJECT,
      v({}, 'q'),
      v({ q: 5 }, 'q'),
      v({ q: LONG(201) }, 'q'),
      v({ q: '盛芯', limit: 0 }, 'limit'),
      v({ q: '盛芯', limit: 51 }, 'limit'),
      extra({ q: '盛芯' }),
    ],
    'reports.quarterly': quarterCases,
    'reports.narrative.get': quarterCases,
    'reports.narrative.save': [
      ...quarterCases,
      v({ quarter: '2026Q3', typicalCases: LONG(20_001) }, 'typicalCases'),
      v({ quarter: '2026Q3', nextQuarterPlan: 5 }, 'nextQuarterPlan'),
    ],
    'reports.records': [
      ...NOT_AN_OBJECT,
      v({ quarter: '2026Q3' }, 'figure'),
      v({ quarter: '2026Q3', figure: 'everything' }, 'figure'),
      v({ quarter: '2026Q5', figure: 'visits' }, 'quarter'),
      v({ quarter: '2026Q3', figure: 'visits', limit: 0 }, 'limit'),
      v({ quarter: '2026Q3', figure: 'visits', offset: -1 }, 'offset'),
      v({ quarter: '2026Q3', figure: 'visits', key: LONG(201) }, 'key'),
      nf({ quarter: '2026Q3', figure: 'visits', staffId: 'ghost-staff' }, 'staffId'),
      extra({ quarter: '2026Q3', figure: 'visits' }),
    ],
    'reports.export': [
      ...NOT_AN_OBJECT,
      v({ quarter: '2026Q3' }, 'format'),
      v({ quarter: '2026Q3', format: 'pdf' }, 'format'),
      v({ format: 'xlsx' }, 'quarter'),
      v({ quarter: '2026Q5', format: 'xlsx' }, 'quarter'),
      v({ quarter: '2026Q3', format: 'docx', town: '' }, 'town'),
      nf({ quarter: '2026Q3', format: 'xlsx', staffId: 'ghost-staff' }, 'staffId'),
      v({ quarter: '2026Q3', format: 'xlsx', staffId: w.colleague.id, town: '东街道' }, 'town'),
      v({ quarter: '2026Q3', format: 'xlsx', path: '' }, 'path'),
      v({ quarter: '2026Q3', format: 'xlsx', path: '/nonexistent/dir/q3.xlsx' }, 'path'),
      v({ quarter: '2026Q3', format: 'docx', path: join(tempDir(), 'q3.xlsx') }, 'path'),
      v({ quarter: '2026Q3', format: 'xlsx', path: join(tempDir(), 'q3') }, 'path'),
      v({ quarter: '2026Q3', format: 'xlsx', orgName: '  ' }, 'orgName'),
      extra({ quarter: '2026Q3', format: 'xlsx' }),
    ],
  });
  const csv = (text: string) => ({
    contentBase64: Buffer.from(text).toString('base64'),
    fileName: 'ledger.csv',
  });
  const visitsCsv = csv('企业名称,走访日期,走访方式\n甲公司,2026-11-02,实地\n');
  const notXlsx = { contentBase64: Buffer.from('not a zip').toString('base64'), fileName: 'ledger.xlsx' };
  const sourceCases: Case[] = [
    ...NOT_AN_OBJECT,
    v({}, 'path'),
    v({ path: '/nonexistent/ledger.xlsx' }, 'path'),
    v({ path: 'a.csv', ...visitsCsv }, 'path'),
    v({ contentBase64: '' }, 'contentBase64'),
    v(notXlsx, 'contentBase64'),
    v({ ...visitsCsv, kind: 'planets' }, 'kind'),
    v({ ...visitsCsv, encoding: 'klingon' }, 'encoding'),
    v({ ...visitsCsv, sheet: 'no such sheet' }, 'sheet'),
    v({ ...visitsCsv, headerRow: 99 }, 'headerRow'),
    v({ ...visitsCsv, headerRow: 0 }, 'headerRow'),
    v({ ...visitsCsv, mapping: { planet: 'A' } }, 'mapping.planet'),
    v({ ...visitsCsv, kind: 'visits', mapping: { enterpriseName: 'ZZ' } }, 'mapping.enterpriseName'),
    nf({ ...visitsCsv, savedMappingName: 'ghost mapping' }, 'savedMappingName'),
    extra(visitsCsv),
  ];
  const mapping = {
    name: '区台账',
    kind: 'visits',
    headers: ['企业名称', '走访日期'],
    mapping: { enterpriseName: '企业名称' },
  };
  Object.assign(out, {
    'ledger.preview': [...sourceCases, v({ ...visitsCsv, rowsLimit: -1 }, 'rowsLimit')],
    'ledger.import': [
      ...sourceCases,
      v({ ...visitsCsv, dryRun: 'yes' }, 'dryRun'),
      // Headers the user has not mapped yet: previewed for mapping, never imported.
      v(csv('just,some\n1,2\n'), 'mapping'),
      v({ ...visitsCsv, rejectsPath: '' }, 'rejectsPath'),
    ],
    'ledger.rejectsReport': [...sourceCases, v({ ...visitsCsv, out: '' }, 'out')],
    'ledger.export': [
      ...NOT_AN_OBJECT,
      v({}, 'kind'),
      v({ kind: 'planets' }, 'kind'),
      v({ kind: 'visits', columns: [] }, 'columns'),
      v({ kind: 'visits', columns: ['nope'] }, 'columns.0'),
      v({ kind: 'visits', format: 'pdf' }, 'format'),
      v({ kind: 'visits', filter: { nope: 1 } }, 'filter.nope'),
      v({ kind: 'visits', sort: [{ field: 'nope', dir: 'asc' }] }, 'sort.0.field'),
      v({ kind: 'visits', path: '/nonexistent/dir/out.xlsx' }, 'path'),
      extra({ kind: 'visits' }),
    ],
    'ledger.mappings.list': [...NOT_AN_OBJECT, v({ kind: 'planets' }, 'kind'), extra({})],
    'ledger.mappings.save': [
      ...NOT_AN_OBJECT,
      v({}, 'name'),
      v({ ...mapping, name: '  ' }, 'name'),
      v({ ...mapping, kind: 'planets' }, 'kind'),
      v({ ...mapping, headers: [] }, 'headers'),
      v({ ...mapping, mapping: { planet: '企业名称' } }, 'mapping.planet'),
      v({ ...mapping, mapping: { enterpriseName: '联系人' } }, 'mapping.enterpriseName'),
      extra(mapping),
    ],
    'ledger.mappings.delete': [
      ...NOT_AN_OBJECT,
      v({}, 'name'),
      nf({ name: 'ghost mapping' }, 'ghost mapping'),
      extra({ name: '区台账' }),
    ],
  });
  return out;
}

/** Checks one refused call; returns the database dump after it (the same as before it). */
async function expectRefused(t: TestCore, method: MethodName, c: Case, before: string): Promise<string> {
  const actor = { ...t.core.store.actor };
  const r = await callAsync(t.core, method, c.input);
  const label = `${method} ${JSON.stringify(c.input)?.slice(0, 160)}`;
  expect(r.ok, label).toBe(false);
  if (r.ok) return before;
  expect(r.error.code, `${label}: ${r.error.message}`).toBe(c.code);
  expect(r.error.message, label).toContain(c.mentions);
  expect(r.error.details, label).toEqual(expect.any(Object));
  // What the screen says: a message key of the table (said in the UI's language), never
  // the English alone.
  const keys = [r.error.details.msg, ...(r.error.details.issues ?? []).map((i) => i.msg)];
  if (!r.error.details.msg) keys.shift();
  for (const m of keys)
    expect(isMessageKey(m?.key), `${label}: ${r.error.message} has no message key`).toBe(true);
  if (c.code === 'VALIDATION') {
    expect(r.error.details.issues?.length, label).toBeGreaterThan(0);
    expect(typeof r.error.details.field, label).toBe('string');
  }
  const after = JSON.stringify(snapshot(t.core));
  expect(after, `${label} changed the database`).toBe(before);
  expect(t.core.store.actor, label).toEqual(actor);
  return after;
}

describe('bad input is refused and changes nothing', () => {
  it('every method has bad-input cases', () => {
    const w = template!.world;
    const covered = Object.keys(casesFor(w)).sort();
    expect(covered).toEqual([...METHOD_NAMES].sort());
  });

  it.each([...METHOD_NAMES])('%s', async (method) => {
    const w = world();
    const cases = casesFor(w)[method];
    expect(cases?.length, `no bad-input cases for ${method}`).toBeGreaterThan(0);
    let dump = JSON.stringify(snapshot(w.t.core));
    for (const c of cases!) dump = await expectRefused(w.t, method, c, dump);
  });

  it('an unknown method is refused', () => {
    const { t } = world();
    const before = JSON.stringify(snapshot(t.core));
    for (const m of ['staff.explode', '', 'constructor', '__proto__', 42, null]) {
      const r = call(t.core, m, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(JSON.stringify(snapshot(t.core))).toBe(before);
  });
});

describe('what only a supervisor may do is refused to staff and changes nothing', () => {
  it('deciding an extension, supervising', async () => {
    const w = world();
    w.t.ok('me.set', { staffId: w.colleague.id }); // 同事: a staff member
    let dump = JSON.stringify(snapshot(w.t.core));
    dump = await expectRefused(
      w.t,
      'demands.decideExtension',
      { input: { id: w.extending.id, approve: true }, code: 'FORBIDDEN', mentions: 'approve' },
      dump,
    );
    await expectRefused(
      w.t,
      'demands.supervise',
      { input: { ids: [w.demand.id], level: 'bureau', note: '督办' }, code: 'FORBIDDEN', mentions: 'level' },
      dump,
    );
  });

  it('changing the settings, the holiday calendar or the targets', async () => {
    const w = world();
    w.t.ok('me.set', { staffId: w.colleague.id });
    let dump = JSON.stringify(snapshot(w.t.core));
    for (const c of [
      { method: 'settings.set', input: { sla: { unit: 'workday' } }, mentions: 'sla' },
      { method: 'settings.set', input: { orgName: '启明区科技局' }, mentions: 'orgName' },
      { method: 'settings.set', input: { towns: ['城东街道'] }, mentions: 'towns' },
      {
        method: 'calendar.set',
        input: { year: 2025, holidays: ['2025-10-01'], workdays: [] },
        mentions: 'year',
      },
      { method: 'targets.set', input: { year: 2026, key: 'visits', value: 10 }, mentions: 'value' },
      { method: 'targets.delete', input: { year: 2026, key: 'visits' }, mentions: 'key' },
    ] as const) {
      dump = await expectRefused(
        w.t,
        c.method,
        { input: c.input, code: 'FORBIDDEN', mentions: c.mentions },
        dump,
      );
    }
  });
});

describe('a call that fails half-way leaves nothing behind', () => {
  it('visits.create with a valid visit but an invalid nested demand stores no visit', () => {
    const w = world();
    const { t } = w;
    const before = JSON.stringify(snapshot(t.core));
    const visitsBefore = t.ok('visits.list', { includeDeleted: true }).total;
    const e1 = t.err('visits.create', {
      enterpriseId: w.e.id,
      date: '2026-11-22',
      mode: 'onsite',
      demands: [
        { categories: ['tech'], title: '第一个没问题' },
        { categories: ['ip'], title: '第二个有问题', assigneeStaffId: 'ghost-staff' },
      ],
    });
    expect(e1).toMatchObject({ code: 'NOT_FOUND', details: { field: 'demands.1.assigneeStaffId' } });
    expect(e1.message).toMatch(/^demands\.1\.assigneeStaffId: /);
    const e2 = t.err('visits.create', {
      enterpriseId: w.e.id,
      date: '2026-11-22',
      mode: 'onsite',
      demands: [{ categories: ['ip'], title: '早于受理', receivedAt: '2026-11-22', dueDate: '2026-11-21' }],
    });
    expect(e2).toMatchObject({ code: 'VALIDATION', details: { field: 'demands.0.dueDate' } });
    expect(e2.details.issues).toEqual([
      {
        path: 'demands.0.dueDate',
        message: expect.stringContaining('received'),
        msg: { key: 'demand.dueBeforeReceived' },
      },
    ]);
    expect(JSON.stringify(snapshot(t.core))).toBe(before);
    expect(t.ok('visits.list', { includeDeleted: true }).total).toBe(visitsBefore);
    // The visit number was not used up either.
    const next = t.ok('visits.create', { enterpriseId: w.e.id, date: '2026-11-22', mode: 'onsite' });
    expect(next.visitNo).toBe(`2026-${t.core.store.device.code}-0003`);
  });

  it('a reassignment refused on its last id leaves the earlier ones as they were', () => {
    const w = world();
    const before = JSON.stringify(snapshot(w.t.core));
    const pending = demandIn(w.t, 'pending', { enterpriseId: w.e.id });
    const mid = JSON.stringify(snapshot(w.t.core));
    expect(before).not.toBe(mid);
    w.t.err('demands.reassign', { ids: [pending.id, w.closed.id], assigneeStaffId: w.colleague.id });
    expect(JSON.stringify(snapshot(w.t.core))).toBe(mid);
    expect(w.t.ok('demands.get', { id: pending.id }).status).toBe('pending');
  });
});
