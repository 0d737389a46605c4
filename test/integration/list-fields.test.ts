import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { makeCore, snapshot, tempDir, type TestCore } from '../helpers';
import { call, callAsync } from '../../src-main/dispatch';
import { RECORD_KINDS } from '@shared/contract/methods';
import { makeDemand } from './fixtures';

// A list filtered or sorted on a name that is not a field of its kind is refused as a
// VALIDATION error naming that field, whatever the name: names every object inherits
// (`constructor`, `toString`, `__proto__`…) included, which a plain `in` lookup takes for
// fields. Input arrives as JSON (as the doors parse it), so `__proto__` is an own key.

const NOT_FIELDS = [
  'nope',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
];

const filterOn = (name: string): Record<string, unknown> =>
  JSON.parse(`{"filter": {${JSON.stringify(name)}: "x"}}`);
const sortOn = (name: string): Record<string, unknown> => ({ sort: [{ field: name, dir: 'asc' }] });

function populated(): TestCore {
  const t = makeCore();
  makeDemand(t);
  return t;
}

function expectRefusedOn(t: TestCore, method: string, input: unknown, field: string, name: string): void {
  const before = JSON.stringify(snapshot(t.core));
  const r = call(t.core, method, input);
  const label = `${method} ${JSON.stringify(input)}`;
  expect(r.ok, label).toBe(false);
  if (r.ok) return;
  expect(r.error.code, `${label}: ${r.error.message}`).toBe('VALIDATION');
  expect(r.error.details.field, label).toBe(field);
  expect(r.error.message, label).toContain(`'${name}'`);
  expect(JSON.stringify(snapshot(t.core)), `${label} changed the database`).toBe(before);
}

describe('list fields that are not fields of the kind', () => {
  it('a filter on one is refused with its name, for every kind', () => {
    const t = populated();
    for (const kind of RECORD_KINDS) {
      for (const name of NOT_FIELDS)
        expectRefusedOn(t, `${kind}.list`, filterOn(name), `filter.${name}`, name);
    }
  });

  it('a sort on one is refused with its place, for every kind', () => {
    const t = populated();
    for (const kind of RECORD_KINDS) {
      for (const name of NOT_FIELDS) expectRefusedOn(t, `${kind}.list`, sortOn(name), 'sort.0.field', name);
    }
  });

  it('the same holds beside a real field, and the real field still filters and sorts', () => {
    const t = populated();
    const title = '需要检测设备';
    const all = t.ok('demands.list', {});
    expect(all.total).toBeGreaterThan(0);
    expect(t.ok('demands.list', { filter: { title }, sort: [{ field: 'title', dir: 'desc' }] }).total).toBe(
      all.rows.filter((r) => r.title === title).length,
    );
    expectRefusedOn(
      t,
      'demands.list',
      JSON.parse(`{"filter": {"title": ${JSON.stringify(title)}, "constructor": 1}}`),
      'filter.constructor',
      'constructor',
    );
    expectRefusedOn(
      t,
      'demands.list',
      {
        sort: [
          { field: 'title', dir: 'asc' },
          { field: 'toString', dir: 'desc' },
        ],
      },
      'sort.1.field',
      'toString',
    );
  });

  it('a list exported to a file is refused the same way, and writes no file', async () => {
    const t = populated();
    const before = JSON.stringify(snapshot(t.core));
    for (const name of NOT_FIELDS) {
      const path = join(tempDir(), `${name}.xlsx`);
      for (const [input, field] of [
        [{ ...filterOn(name), kind: 'demands', path }, `filter.${name}`],
        [{ ...sortOn(name), kind: 'enterprises', path }, 'sort.0.field'],
      ] as const) {
        const r = await callAsync(t.core, 'ledger.export', input);
        expect(r.ok, `${name}: ${JSON.stringify(r)}`).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', details: { field } });
        expect(existsSync(path)).toBe(false);
      }
    }
    expect(JSON.stringify(snapshot(t.core))).toBe(before);
  });

  it('a ledger column mapping on one is refused too (zod would drop a __proto__ key unseen)', async () => {
    const t = populated();
    const csv = {
      contentBase64: Buffer.from('企业名称,走访日期\n某公司,2026-11-20\n').toString('base64'),
      fileName: 'v.csv',
    };
    for (const name of NOT_FIELDS) {
      const mapping = JSON.parse(`{${JSON.stringify(name)}: 0}`) as Record<string, number>;
      const r = await callAsync(t.core, 'ledger.preview', { ...csv, kind: 'visits', mapping });
      expect(r.ok, `${name}: ${JSON.stringify(r).slice(0, 200)}`).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', details: { field: `mapping.${name}` } });
    }
  });
});
