import { describe, expect, it } from 'vitest';
import { encodeFile, type WireChange } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { formatHlc } from '@shared/domain/hlc';
import { allowedMoves, checkMove } from '@shared/domain/workflow';
import { RECORD_KINDS } from '@shared/contract/methods';
import { applyAsImport, makeCore, type TestCore } from '../helpers';

// Files arrive in any order: a record's later edits can arrive before its creation, leaving it
// without its other fields for a while (a demand without a status: found by the sync property
// test). Every method must cope: such records are listed and shown, a workflow move is refused.

const other = '01900000-0000-7000-8000-00000000b002';
const demandId = '01900000-0000-7000-8000-0000000d0001';

/** Imports these changes as another laptop's file, exported at `at`. */
function importFromOther(t: TestCore, changes: WireChange[], at: number) {
  const file = encodeFile(
    requireTeam(t.core.store),
    {
      schemaVersion: SCHEMA_VERSION,
      origin: { id: other, name: '李明的笔记本' },
      exportedAt: new Date(at).toISOString(),
      full: false,
      changeCount: changes.length,
      clockRange: {},
    },
    changes,
  );
  return t.ok('sync.import', { contentBase64: file.toString('base64') });
}

function withPartialDemand() {
  const t = makeCore();
  t.ok('sync.team.create', { name: '高新区科技局', passphrase: 'passphrase-1' });
  const enterprise = t.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const at = t.clock.ms - 3600_000;
  const change = (field: string, value: string): WireChange => [
    formatHlc({ ms: at, counter: 0, node: other }),
    other,
    null,
    'demands',
    demandId,
    field,
    value,
    null,
  ];
  // Only a later edit of the demand: its title; enterprise, status and dates are still to come.
  const changes = [change('title', '关键工艺攻关（修订）')];
  importFromOther(t, changes, at);
  return { t, enterprise };
}

describe('records whose creation has not arrived yet', () => {
  it('a demand without a status has no workflow moves, in the domain rules', () => {
    expect(allowedMoves(null)).toEqual([]);
    expect(checkMove({ from: null, to: 'assigned', actorRole: 'supervisor' })?.field).toBe('to');
  });

  it('a demand without a status is listed and shown; a move is refused as a workflow error, changing nothing', () => {
    const { t, enterprise } = withPartialDemand();
    const demand = t.ok('demands.get', { id: demandId });
    expect(demand.title).toBe('关键工艺攻关（修订）');
    expect(demand.status).toBeNull();
    expect(t.ok('demands.list', {}).rows.map((d) => d.id)).toContain(demandId);
    t.ok('demands.openBoard', {});
    t.ok('me.tasks');
    t.ok('enterprises.timeline', { id: enterprise.id });
    t.ok('reports.quarterly', { quarter: '2026Q4' });
    const e = t.err('demands.transition', { id: demandId, to: 'assigned', assigneeStaffId: t.meId });
    expect(e.code).toBe('WORKFLOW');
    expect(e.message).toMatch(/status has not arrived yet/);
    const r = t.err('demands.reassign', { ids: [demandId], assigneeStaffId: t.meId });
    expect(r.details.field).toBe('ids.0');
    expect(r.message).toMatch(/no status yet/);
    expect(t.ok('demands.get', { id: demandId }).status).toBeNull();
  });

  // Two edits of one staff record from another laptop, 5 s apart; its creation never comes.
  const at = Date.parse('2026-11-23T01:00:00.000Z');
  const staffId = '01900000-0000-7000-8000-0000000e0001';
  const edit = (counter: number, ms: number, field: string, value: string): WireChange => [
    formatHlc({ ms, counter, node: other }),
    other,
    null,
    'staff',
    staffId,
    field,
    value,
    null,
  ];

  // Found by the soak's sync property: a laptop whose clock was 1 ms behind the edit's stamp
  // dated the record by its own clock, the others by the stamp, and the laptops disagreed.
  it('is dated by its earliest change, the same on every laptop whatever its clock', () => {
    const changes = [edit(0, at + 5000, 'phone', '13800000000'), edit(1, at, 'position', 'leader')];
    const dated = [at - 1, at + 3600_000].map((now) => {
      const t = makeCore({ now: new Date(now).toISOString() });
      t.ok('sync.team.create', { name: '高新区科技局', passphrase: 'passphrase-1' });
      importFromOther(t, changes, at + 5000);
      const row = t.core.store.db.prepare(`SELECT "createdAt" FROM staff WHERE "id" = ?`).get(staffId);
      return (row as { createdAt: string }).createdAt;
    });
    expect(dated).toEqual([new Date(at).toISOString(), new Date(at).toISOString()]);
  });

  it('is dated by its earliest change whatever the order its files arrive in', () => {
    const later = edit(0, at + 5000, 'phone', '13800000000');
    const earlier = edit(1, at, 'position', 'leader');
    const orders = [[[later], [earlier]], [[later, earlier]], [[earlier], [later]]];
    // Record by record, and as a large import loads (in bulk).
    const dated = [false, true].flatMap((bulk) =>
      orders.map((files) => {
        const { store } = makeCore().core;
        for (const file of files) applyAsImport(store, file, { bulk });
        const row = store.db.prepare(`SELECT * FROM staff WHERE "id" = ?`).get(staffId);
        const { createdAt, phone, position } = row as Record<string, string>;
        return { createdAt, phone, position };
      }),
    );
    const expected = { createdAt: new Date(at).toISOString(), phone: '13800000000', position: 'leader' };
    expect(dated).toEqual(Array(6).fill(expected));
  });

  it('every kind of record that arrived as one later edit is listed, shown and reported without a crash', () => {
    const t = makeCore();
    t.ok('sync.team.create', { name: '高新区科技局', passphrase: 'passphrase-1' });
    const at = t.clock.ms - 3600_000;
    const id = (n: number) => `01900000-0000-7000-8000-0000000f000${n}`;
    // One harmless text field per kind: the rest of each record is still to come.
    const edits: [string, string, string?][] = [
      ['staff', 'phone', '13800000000'],
      ['enterprises', 'address'],
      ['experts', 'title'],
      ['visits', 'summary'],
      ['demands', 'description'],
      ['demand_history', 'note'],
      ['clinics', 'place'],
      ['followups', 'content'],
    ];
    const changes = edits.map(([table, field, value], i): WireChange => [
      formatHlc({ ms: at, counter: i, node: other }),
      other,
      null,
      table,
      id(i),
      field,
      value ?? '后来的修改',
      null,
    ]);
    expect(importFromOther(t, changes, at).createdRecords).toBe(edits.length);
    for (const kind of RECORD_KINDS) {
      t.ok(`${kind}.list`, {});
    }
    t.ok('staff.get', { id: id(0) });
    t.ok('enterprises.get', { id: id(1) });
    t.ok('enterprises.timeline', { id: id(1) });
    t.ok('experts.get', { id: id(2) });
    t.ok('visits.get', { id: id(3) });
    t.ok('demands.get', { id: id(4) });
    t.ok('clinics.get', { id: id(6) });
    t.ok('followups.get', { id: id(7) });
    t.ok('demands.openBoard', {});
    t.ok('me.tasks');
    t.ok('reports.quarterly', { quarter: '2026Q4' });
    t.ok('audit.record', { kind: 'visits', id: id(3) });
    t.ok('duplicates.list');
  });
});
