import { describe, expect, it } from 'vitest';
import { makeCore, snapshot, zhOf } from '../helpers';
import { exchange, pair, ship } from './syncPair';
import { TARGET_KEYS } from '../../src-shared/reports/targets';

// The bureau's annual targets (目标任务): set, listed and deleted per year and key by
// supervisors, refused naming the field, and one record per year and key across laptops.

describe('targets', () => {
  it('are set (upserted per year and key), listed in key order, and deleted', () => {
    const t = makeCore();
    t.ok('targets.set', { year: 2026, key: 'outcome:tech_contract:amount', value: 5_365_000_000.5 });
    t.ok('targets.set', { year: 2026, key: 'visits', value: 1200 });
    const again = t.ok('targets.set', { year: 2026, key: 'visits', value: 1500 });
    expect(again).toMatchObject({ year: 2026, key: 'visits', value: 1500, updatedByStaff: t.meId });
    t.ok('targets.set', { year: 2025, key: 'visits', value: 1000 });

    const y2026 = t.ok('targets.list', { year: 2026 });
    expect(y2026.rows.map((r) => [r.key, r.value])).toEqual([
      ['visits', 1500],
      ['outcome:tech_contract:amount', 5_365_000_000.5],
    ]);
    expect(t.ok('targets.list', { year: 2025 }).rows.map((r) => r.value)).toEqual([1000]);
    expect(t.core.store.db.prepare(`SELECT count(*) AS n FROM targets`).get()).toEqual({ n: 3 });

    expect(t.ok('targets.delete', { year: 2026, key: 'visits' })).toEqual({
      year: 2026,
      key: 'visits',
      deleted: true,
    });
    expect(t.ok('targets.delete', { year: 2026, key: 'visits' }).deleted).toBe(false);
    expect(t.ok('targets.list', { year: 2026 }).rows.map((r) => r.key)).toEqual([
      'outcome:tech_contract:amount',
    ]);
    // Set again after a delete: the same record comes back.
    t.ok('targets.set', { year: 2026, key: 'visits', value: 900 });
    expect(t.ok('targets.list', { year: 2026 }).rows[0]).toMatchObject({ key: 'visits', value: 900 });
    expect(t.core.store.db.prepare(`SELECT count(*) AS n FROM targets`).get()).toEqual({ n: 3 });
  });

  it('take every count or sum figure and every outcome type, counted and summed', () => {
    const t = makeCore();
    expect(TARGET_KEYS).toHaveLength(7 + 9 * 2);
    for (const [i, key] of TARGET_KEYS.entries()) t.ok('targets.set', { year: 2027, key, value: i });
    expect(t.ok('targets.list', { year: 2027 }).rows.map((r) => r.key)).toEqual(TARGET_KEYS);
  });
});

describe('bad input', () => {
  it('a key that is no count or sum, a negative or fractional value, a year out of range: refused naming the field, data unchanged', () => {
    const t = makeCore();
    t.ok('targets.set', { year: 2026, key: 'visits', value: 1200 });
    const before = snapshot(t.core);
    const cases: [unknown, string][] = [
      [{ year: 2026, key: 'coverage', value: 0.8 }, 'key'],
      [{ year: 2026, key: 'closureRate', value: 1 }, 'key'],
      [{ year: 2026, key: 'outcome:nonsense:count', value: 3 }, 'key'],
      [{ year: 2026, key: 'outcome:financing:total', value: 3 }, 'key'],
      [{ year: 2026, key: 'visits', value: -1 }, 'value'],
      [{ year: 2026, key: 'outcome:financing:amount', value: -0.01 }, 'value'],
      [{ year: 2026, key: 'visits', value: 10.5 }, 'value'],
      [{ year: 2026, key: 'outcome:financing:amount', value: 100.123 }, 'value'],
      [{ year: 2026, key: 'visits', value: '1200' }, 'value'],
      [{ year: 1899, key: 'visits', value: 1 }, 'year'],
      [{ year: 2101, key: 'visits', value: 1 }, 'year'],
      [{ year: 2026.5, key: 'visits', value: 1 }, 'year'],
    ];
    for (const [input, field] of cases) {
      const e = t.err('targets.set', input);
      expect(e.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(e.details.field, JSON.stringify(input)).toBe(field);
      // Said in Chinese, as the other messages the user sees.
      expect(zhOf(e)).toMatch(/^[\u4e00-\u9fa5]/);
    }
    expect(t.err('targets.list', { year: 3000 }).details.field).toBe('year');
    expect(t.err('targets.delete', { year: 2026, key: 'coverage' }).details.field).toBe('key');
    expect(snapshot(t.core)).toEqual(before);
    // Two decimals of an amount are fen: accepted.
    t.ok('targets.set', { year: 2026, key: 'outcome:financing:amount', value: 100.12 });
  });

  it('staff read targets but cannot set or delete them', () => {
    const t = makeCore({ role: 'staff' });
    const before = snapshot(t.core);
    const set = t.err('targets.set', { year: 2026, key: 'visits', value: 1200 });
    expect(set).toMatchObject({ code: 'FORBIDDEN', details: { field: 'value' } });
    expect(zhOf(set)).toMatch(/督办负责人/);
    expect(t.err('targets.delete', { year: 2026, key: 'visits' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(snapshot(t.core)).toEqual(before);
    expect(t.ok('targets.list', { year: 2026 }).rows).toEqual([]);
  });
});

describe('between two laptops', () => {
  it('targets travel, a delete travels, and a key set on both is one record', () => {
    const { a, b } = pair({ a: 'supervisor' });
    a.ok('targets.set', { year: 2026, key: 'visits', value: 1200 });
    a.ok('targets.set', { year: 2026, key: 'closed', value: 300 });
    ship(a, b);
    expect(b.ok('targets.list', { year: 2026 }).rows.map((r) => [r.key, r.value])).toEqual([
      ['visits', 1200],
      ['closed', 300],
    ]);

    // Both change visits; the later write wins on both, with one record for the key.
    b.clock.ms = a.clock.ms + 60_000;
    a.ok('targets.set', { year: 2026, key: 'visits', value: 1300 });
    b.ok('targets.set', { year: 2026, key: 'visits', value: 1400 });
    b.ok('targets.delete', { year: 2026, key: 'closed' });
    b.ok('targets.set', { year: 2026, key: 'outcome:policy_funds:amount', value: 88_090_000 });
    exchange(a, b);
    ship(a, b);
    const onA = a.ok('targets.list', { year: 2026 });
    expect(onA.rows.map((r) => [r.key, r.value])).toEqual([
      ['visits', 1400],
      ['outcome:policy_funds:amount', 88_090_000],
    ]);
    const values = (rows: typeof onA.rows) => rows.map((r) => [r.key, r.value, r.updatedByStaff]);
    expect(values(b.ok('targets.list', { year: 2026 }).rows)).toEqual(values(onA.rows));
    expect(a.core.store.db.prepare(`SELECT count(*) AS n FROM targets`).get()).toEqual({ n: 3 });
  });
});
