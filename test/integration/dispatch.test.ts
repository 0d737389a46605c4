import { describe, expect, it } from 'vitest';
import { call, callAsync } from '../../src-main/dispatch';
import { makeCore, snapshot } from '../helpers';
import { makeEnterprise } from './fixtures';
import { Seeder, SeedError } from '../../seeds/context';
import { Rand } from '../../seeds/random';

// The one dispatch path's options: the demo generator runs calls inside its own transaction
// (one for the whole district), through call() like any door.

const visitsCount = (t: ReturnType<typeof makeCore>) =>
  (t.core.store.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;

describe('calls inside the caller’s transaction', () => {
  it('join it: its rollback undoes them, and a refused call is not undone on its own', () => {
    const t = makeCore();
    const e = makeEnterprise(t);
    const before = JSON.stringify(snapshot(t.core));
    const { db } = t.core.store;
    db.exec('BEGIN');
    const created = call(
      t.core,
      'visits.create',
      { enterpriseId: e.id, date: '2026-11-20', mode: 'onsite' },
      { inTransaction: true },
    );
    expect(created.ok).toBe(true);
    // A visit stored, then a nested demand refused: the call has no savepoint of its own, so
    // its visit stays in the caller's transaction (the generator aborts the whole seed).
    const refused = call(
      t.core,
      'visits.create',
      {
        enterpriseId: e.id,
        date: '2026-11-21',
        mode: 'onsite',
        demands: [{ categories: ['ip'], title: '指派给不存在的人', assigneeStaffId: 'ghost-staff' }],
      },
      { inTransaction: true },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(visitsCount(t)).toBe(2);
    db.exec('ROLLBACK');
    expect(JSON.stringify(snapshot(t.core))).toBe(before);
  });

  it('refuse methods that open their own transactions, changing nothing', async () => {
    const t = makeCore();
    const before = JSON.stringify(snapshot(t.core));
    for (const method of ['backups.create', 'sync.export', 'sync.progress'] as const) {
      const r = call(t.core, method, {}, { inTransaction: true });
      expect(r, method).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!r.ok) expect(r.error.message).toContain(`'${method}' opens its own transactions`);
    }
    // Asynchronous ones are refused by call() whatever the options.
    const r = call(t.core, 'ledger.export', { kind: 'visits' }, { inTransaction: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(JSON.stringify(snapshot(t.core))).toBe(before);
    // The same methods run through the doors as ever.
    expect((await callAsync(t.core, 'sync.progress', {})).ok).toBe(true);
    expect(call(t.core, 'staff.list', {}, { inTransaction: false }).ok).toBe(true);
  });

  it('the demo generator reports a refusal with the method, the error and the input', () => {
    const t = makeCore();
    const now = t.core.store.now();
    const seeder = new Seeder(t.core, new Rand(1), '2025-11-24', '2026-11-23', now, 1);
    const input = { name: '', role: 'staff' as const };
    const attempt = () => t.core.store.db.transaction(() => seeder.api('staff.create', input))();
    expect(attempt).toThrow(SeedError);
    expect(attempt).toThrow(
      /^demo generator: staff\.create refused \(VALIDATION\): name: .*\ninput: \{"name":"","role":"staff"\}$/,
    );
  });
});
