import { describe, expect, it } from 'vitest';
import { type TestCore } from '../helpers';
import { derived, exchange, pair, shared, ship } from './syncPair';
import { moveInput, type Demand } from './fixtures';

// Extensions, supervision and reminders are history events: they travel, merge as a set, and
// every laptop replays the same demand from them. A closed demand's deadline never changes,
// whatever decision arrives after the close.

function bothAgree(a: TestCore, b: TestCore, id: string): Demand {
  const da = a.ok('demands.get', { id });
  const db = b.ok('demands.get', { id });
  expect(derived(db)).toEqual(derived(da));
  expect(db.history).toEqual(da.history);
  return da;
}

describe('extensions and supervision across laptops', () => {
  it('A requests an extension, B (supervisor) approves: both agree on the new due date', () => {
    const { a, b } = pair({ a: 'staff', b: 'supervisor' });
    const d = shared(a, b, 'in_progress');
    a.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-15', reason: '等待检测' });
    ship(a, b);
    expect(b.ok('demands.openBoard', {}).extensions.map((x) => x.demandId)).toEqual([d.id]);
    b.clock.ms = a.clock.ms + 60_000;
    b.ok('demands.decideExtension', { id: d.id, approve: true });
    exchange(a, b);
    const agreed = bothAgree(a, b, d.id);
    expect(agreed.dueDate).toBe('2026-12-15');
    expect(agreed.extension).toBeNull();
    expect(agreed.history!.filter((h) => h.type.startsWith('extension_')).map((h) => h.superseded)).toEqual([
      false,
      false,
    ]);
  });

  it('approve on B vs close on A: the closed demand keeps its due date on both laptops', () => {
    const { a, b } = pair({ a: 'supervisor', b: 'supervisor' });
    const d = shared(a, b, 'answered');
    a.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-15', reason: '等待' });
    ship(a, b);
    b.clock.ms = a.clock.ms + 60_000;
    a.ok('demands.transition', moveInput(d.id, 'closed', a.meId));
    b.ok('demands.decideExtension', { id: d.id, approve: true }); // B has not seen the close
    expect(b.ok('demands.get', { id: d.id }).dueDate).toBe('2026-12-15');
    exchange(a, b);
    const agreed = bothAgree(a, b, d.id);
    expect(agreed.status).toBe('closed');
    expect(agreed.dueDate).toBe('2026-11-30');
    expect(agreed.extension).toBeNull();
    expect(agreed.history!.find((h) => h.type === 'extension_decided')?.superseded).toBe(true);
    // Nothing to redo: the late decision is no workflow conflict.
    for (const t of [a, b]) {
      expect(t.ok('conflicts.list', {}).rows.filter((c) => c.type === 'workflow')).toEqual([]);
    }
  });

  it('two pending requests made apart: the first in clock order stands, the other is superseded', () => {
    const { a, b } = pair({ a: 'staff', b: 'staff' });
    const d = shared(a, b, 'in_progress');
    a.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-10', reason: 'A' });
    b.ok('demands.requestExtension', { id: d.id, dueDate: '2026-12-20', reason: 'B' });
    exchange(a, b);
    const agreed = bothAgree(a, b, d.id);
    expect(agreed.extension?.reason).toBe('A');
  });

  it('supervision and reminders travel', () => {
    const { a, b } = pair({ a: 'staff', b: 'supervisor' });
    const d = shared(a, b, 'in_progress');
    b.ok('demands.supervise', { ids: [d.id], level: 'bureau', note: '局领导督办' });
    a.ok('demands.urge', { ids: [d.id] });
    exchange(a, b);
    const agreed = bothAgree(a, b, d.id);
    expect(agreed.supervision).toMatchObject({ level: 'bureau', note: '局领导督办', by: b.meId });
    expect(agreed.history!.map((h) => h.type)).toEqual(expect.arrayContaining(['supervised', 'urged']));
    expect(a.ok('demands.openBoard', { supervised: true }).counts.supervised).toBe(1);
  });
});
