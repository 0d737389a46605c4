import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { call } from '../../src-main/dispatch';
import type { Made } from '../../src-main/registry/define';
import { METHOD_DEFINITIONS } from '../../src-main/registry/registry';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { VALID_USCC, twinCores } from '../helpers';
import { expectSameTables } from '../seedTables';
import { moveInput } from './fixtures';

// A method's `write` (registry/define.ts) makes the handler's writes without reading the result
// back: the demo's bulk load calls it (dispatch's resultUnread). The same calls on two copies of
// one laptop's database at the same pinned time, one reading each result and one not, give the
// same tables row for row, change log included. The soak holds the whole demo district to it
// too, written both ways (test/soak/seed-equivalence.test.ts).

const NOW = '2026-11-23T15:00:00+08:00';

/** Calls a method, reading its result or (`unread`) not; returns what it made, when it tells. */
function caller(core: Core, unread: boolean, called: Set<string>) {
  return <M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    made?: (r: MethodOutput<M>) => Made,
  ): Made => {
    const r = call(core, method, input, { resultUnread: unread });
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    called.add(method);
    if (!unread) return made ? made(r.result as MethodOutput<M>) : { id: '', with: [] };
    return (r.result as Made | undefined) ?? { id: '', with: [] };
  };
}

/** A firm, a visit with two demands, and one demand's whole life: every method with a write. */
function script(core: Core, meId: string, unread: boolean): Set<string> {
  const called = new Set<string>();
  const run = caller(core, unread, called);
  const firm = run(
    'enterprises.create',
    { uscc: VALID_USCC[0]!, name: '福州测试科技有限公司', town: '东街道' },
    (e) => ({
      id: e.id,
      with: [],
    }),
  );
  run('enterprises.update', { id: firm.id, name: '福州测试科技股份有限公司', liaisonStaffId: meId });
  // A unit to hand the demand to (units.create has no write: both copies read its result).
  const unit = call(core, 'units.create', { name: '区工信局', kind: 'department' });
  if (!unit.ok) throw new Error(JSON.stringify(unit.error));
  const unitId = (unit.result as MethodOutput<'units.create'>).id;
  const visit = run(
    'visits.create',
    {
      enterpriseId: firm.id,
      date: '2026-11-20',
      mode: 'onsite',
      leadStaffId: meId,
      staffIds: [meId],
      summary: '了解研发投入与用工情况',
      status: 'submitted',
      demands: [
        { categories: ['tech'], title: '需要检测设备', receivedAt: '2026-11-20T15:00:00+08:00' },
        { categories: ['finance'], title: '申请贷款贴息', receivedAt: '2026-11-20T15:05:00+08:00' },
      ],
    },
    (v) => ({ id: v.id, with: (v.demands ?? []).map((d) => d.id) }),
  );
  expect(visit.with).toHaveLength(2);
  run('visits.update', { id: visit.id, summary: '了解研发投入、用工与融资情况', enterpriseConfirmed: true });
  const demand = visit.with[0]!;
  run('demands.transition', { ...moveInput(demand, 'assigned', meId), leadUnitId: unitId });
  run('demands.reply', { id: demand, note: '已受理，正在联系检测机构' });
  run('demands.unitReply', { id: demand, unitId, note: '已对接区检测中心' });
  run('demands.transition', moveInput(demand, 'in_progress', meId));
  run('demands.transition', moveInput(demand, 'answered', meId));
  run('followups.create', {
    parentType: 'demand',
    parentId: demand,
    dueDate: '2026-11-23',
    doneAt: '2026-11-23T14:00:00+08:00',
    channel: 'phone',
    content: '电话回访',
    satisfaction: 'satisfied',
  });
  run('demands.transition', moveInput(demand, 'closed', meId));
  return called;
}

describe('a method’s write', () => {
  it('makes the same records, history and change log as its handler', () => {
    const { a, b, meId } = twinCores(NOW, { role: 'supervisor' });
    const called = script(a, meId, false);
    expect(script(b, meId, true)).toEqual(called);
    expectSameTables(b, a);
    // Every method that has a write was called: one added later is covered here or fails.
    const withWrite = METHOD_DEFINITIONS.filter((m) => 'write' in m && m.write).map((m) => m.name);
    expect(withWrite.filter((m) => !called.has(m))).toEqual([]);
  });
});
