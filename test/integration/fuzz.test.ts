import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCore, snapshot, type TestCore } from '../helpers';
import { call } from '../../src-main/dispatch';
import { METHOD_NAMES, type MethodName } from '@shared/contract/methods';
import { startWebServer } from '../../src-main/doors/web/server';
import { demandIn, makeEnterprise } from './fixtures';
import { fuzzCount, fuzzRuns, fuzzSeed } from '../fuzzRuns';

// Property-based fuzzing of every API method: random JSON and mutations of valid
// inputs. Each call either succeeds or is refused with a typed error (never INTERNAL),
// and a refused call leaves the database exactly as it was.

/** Methods that write files where their input says: their path fields are never fuzzed. */
const PATH_FIELDS = ['path', 'out', 'dir', 'file'];
/**
 * Fewer runs for calls that are slow when accepted: scrypt, and a backup written and checked
 * whole (~250 ms), whose input has one field, a path, that is never fuzzed: 180 runs spent
 * 40 s taking the same backup again.
 */
const SLOW = new Set<MethodName>(['sync.team.create', 'sync.team.join', 'backups.create']);
/** Creates folders at the path it is given. */
const SKIP = new Set<MethodName>(['sync.folder']);

function populated(): { t: TestCore; templates: Partial<Record<MethodName, Record<string, unknown>>> } {
  const t = makeCore();
  const e = makeEnterprise(t);
  const expert = t.ok('experts.create', { name: '陈教授' });
  const visit = t.ok('visits.create', { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite' });
  const demand = demandIn(t, 'answered', { enterpriseId: e.id });
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
    type: 'training',
    date: '2026-11-03',
    title: '高企申报培训',
    enterpriseIds: [e.id],
  });
  const outcome = t.ok('outcomes.create', { enterpriseId: e.id, type: 'tech_contract', date: '2026-11-04' });
  const ids: Record<string, string> = {
    staff: t.meId,
    enterprises: e.id,
    experts: expert.id,
    visits: visit.id,
    demands: demand.id,
    clinics: clinic.id,
    followups: followup.id,
    activities: activity.id,
    outcomes: outcome.id,
  };
  const creates: Record<string, Record<string, unknown>> = {
    staff: { name: '新同事', role: 'staff', phone: '13800000000' },
    enterprises: { uscc: '91110000600037341L', name: '京华精密', town: '城东街道', industry: 'C39' },
    experts: { name: '林研究员', organization: '福州大学' },
    visits: {
      enterpriseId: e.id,
      date: '2026-11-21',
      mode: 'phone',
      demands: [{ categories: ['finance'], title: '贷款' }],
    },
    demands: { enterpriseId: e.id, categories: ['tech', 'ip'], title: '专利布局' },
    clinics: { date: '2026-11-02', topic: '会诊', expertIds: [expert.id] },
    followups: {
      parentType: 'visit',
      parentId: visit.id,
      content: '电话回访',
      satisfaction: 'satisfied',
      doneAt: '2026-11-22',
    },
    activities: { type: 'salon', date: '2026-11-05', title: '技术沙龙', attendees: 20 },
    outcomes: { enterpriseId: e.id, type: 'policy_funds', date: '2026-11-06', amount: 50000.5 },
  };
  const templates: Partial<Record<MethodName, Record<string, unknown>>> = {};
  for (const [kind, id] of Object.entries(ids)) {
    templates[`${kind}.create` as MethodName] = creates[kind]!;
    templates[`${kind}.get` as MethodName] = { id };
    templates[`${kind}.update` as MethodName] = { id, ...creates[kind]! };
    templates[`${kind}.delete` as MethodName] = { id };
    templates[`${kind}.list` as MethodName] = {
      filter: { id },
      sort: [{ field: 'createdAt', dir: 'desc' }],
      limit: 5,
    };
  }
  Object.assign(templates, {
    'me.set': { staffId: t.meId },
    'enterprises.timeline': { id: e.id },
    'enterprises.checkDuplicates': { uscc: e.uscc, name: e.name },
    'demands.transition': { id: demand.id, to: 'closed', closureType: 'substantive', resolution: '已解决' },
    'demands.reassign': { ids: [demand.id], assigneeStaffId: t.meId },
    'sync.team.create': { name: '局', passphrase: 'passphrase-1' },
    'sync.team.join': { code: 'VLT1.xx', passphrase: 'passphrase-1' },
    'sync.import': { contentBase64: 'VkxTWU5D' },
    'conflicts.resolve': { id: 'x', keep: 'loser' },
    'duplicates.merge': { keepId: e.id, mergeIds: [e.id] },
    'staff.merge': { keepId: t.meId, mergeIds: [t.meId] },
    'backups.restore': { file: '/nonexistent/backup.db' },
    'audit.record': { kind: 'enterprises', id: e.id },
  });
  return { t, templates };
}

const FINGERPRINT = [
  `SELECT count(*) AS n, max("seq") AS m FROM changes`,
  `SELECT group_concat("key" || '=' || coalesce("value", ''), ';') AS m FROM meta`,
  `SELECT (SELECT count(*) FROM sync_imports) AS i, (SELECT count(*) FROM conflicts) AS c`,
];
/** Its statements, prepared once per connection: it runs twice for every generated input. */
const fingerprintStatements = new WeakMap<object, { get(): unknown }[]>();

/** Cheap and complete: every record write lands in `changes` (triggers), the rest is listed. */
function fingerprint(t: TestCore): string {
  const db = t.core.store.db;
  let statements = fingerprintStatements.get(db);
  if (!statements) fingerprintStatements.set(db, (statements = FINGERPRINT.map((sql) => db.prepare(sql))));
  return JSON.stringify(statements.map((s) => s.get()));
}

const anyJson = fc.jsonValue({ maxDepth: 3 });
const wild = fc.oneof(
  anyJson,
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '2026-02-30',
    '9'.repeat(30),
    '<script>',
    "'; DROP TABLE staff; --",
    '\u0000',
    '👍',
  ),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
);

/** A valid template with one field replaced, removed, or an unknown field added. */
function mutated(template: Record<string, unknown>) {
  const keys = Object.keys(template);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), wild)
      .map(([k, v]) => ({ ...template, [k]: v })),
    fc.constantFrom(...(keys.length ? keys : ['x'])).map((k) => {
      const copy = { ...template };
      delete copy[k];
      return copy;
    }),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), wild).map(([k, v]) => ({ ...template, [k]: v })),
  );
}

function stripPaths(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const copy = { ...(input as Record<string, unknown>) };
  for (const k of PATH_FIELDS) if (typeof copy[k] === 'string') delete copy[k];
  return copy;
}

describe('fuzzing every method', () => {
  it('refuses bad input with a typed error and changes nothing (in-process door)', () => {
    const { t, templates } = populated();
    let inputs = 0;
    let least = 0;
    const seed = fuzzSeed(20261123);
    for (const method of METHOD_NAMES) {
      if (SKIP.has(method)) continue;
      const template = templates[method] ?? {};
      const arb = fc.oneof(wild, mutated(template), fc.array(wild, { maxLength: 3 }));
      const numRuns = fuzzCount(SLOW.has(method) ? 15 : 180);
      least += numRuns;
      fc.assert(
        fc.property(arb, (raw) => {
          const input = method.startsWith('backups.') || method === 'sync.export' ? stripPaths(raw) : raw;
          const before = fingerprint(t);
          const r = call(t.core, method, input);
          inputs += 1;
          if (r.ok) return;
          expect(
            r.error.code,
            `${method} ${JSON.stringify(input)?.slice(0, 200)}: ${r.error.message}`,
          ).not.toBe('INTERNAL');
          expect(r.error.message.length).toBeGreaterThan(5);
          expect(fingerprint(t), `${method} changed the database although refused`).toBe(before);
        }),
        { numRuns, seed },
      );
    }
    // A full comparison once more, beyond the fingerprint: a refused call changes nothing.
    const snap = snapshot(t.core);
    expect(
      call(t.core, 'visits.create', { enterpriseId: 'missing', date: '2026-11-20', mode: 'onsite' }).ok,
    ).toBe(false);
    expect(snapshot(t.core)).toEqual(snap);
    expect(inputs).toBeGreaterThanOrEqual(least);
    expect(least).toBeGreaterThan(METHOD_NAMES.length * 40);
  });

  it('the HTTP door answers random bodies with typed errors', async () => {
    const { t } = populated();
    const server = await startWebServer(t.core, { token: 'tok' });
    try {
      const methods = METHOD_NAMES.filter(
        (m) => !SKIP.has(m) && !SLOW.has(m) && !m.startsWith('backups.') && m !== 'sync.export',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.oneof(
            fc.string({ maxLength: 200 }),
            anyJson.map((j) => JSON.stringify(j)),
          ),
          async (method, body) => {
            const before = fingerprint(t);
            const res = await fetch(`${server.url}/api/${method}`, {
              method: 'POST',
              headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
              body,
            });
            const json = (await res.json()) as {
              result?: unknown;
              error?: { code: string; message: string };
            };
            if (res.status === 200) return;
            expect(json.error?.code).toBeDefined();
            expect(json.error?.code).not.toBe('INTERNAL');
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
            expect(fingerprint(t)).toBe(before);
          },
        ),
        fuzzRuns(600, 7),
      );
    } finally {
      await server.close();
    }
  });
});
