import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { TestClock } from '../helpers';
import { demoDistrictAt, SEED_TEST_DISTRICT } from '../district';

// The demo district hands its demands to units (承办单位): departments and towns lead them
// (主办) and co-handle them (协办), the same for the same seed; supervisors hold positions
// (分管领导, 科长).

const NOW = SEED_TEST_DISTRICT.now;
let dir: string;
let core: Core;

function ok<M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}
const all = <T>(sql: string, ...params: unknown[]) => core.store.db.prepare(sql).all(...params) as T[];
const one = (sql: string, ...params: unknown[]): number =>
  Object.values(core.store.db.prepare(sql).get(...params) as Record<string, number>)[0]!;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vl-seed-units-'));
  const clock = new TestClock(Date.parse(NOW));
  const path = join(dir, 'demo.db');
  demoDistrictAt(path, SEED_TEST_DISTRICT);
  core = openCore(path, { now: clock.now, deviceName: 'seed-test' });
}, 180_000);

afterAll(() => {
  core?.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo units', () => {
  it('has the district departments, the towns and the bureau sections as units', () => {
    const kinds = Object.fromEntries(
      all<{ kind: string; n: number }>(
        `SELECT "kind", count(*) AS n FROM units WHERE "deletedAt" IS NULL GROUP BY "kind"`,
      ).map((r) => [r.kind, r.n]),
    );
    expect(kinds.town).toBe(8);
    expect(kinds.department).toBeGreaterThanOrEqual(6);
    expect(kinds.bureau_section).toBeGreaterThanOrEqual(2);
    expect(one(`SELECT count(DISTINCT "name") - count(*) FROM units`)).toBe(0);
    const towns = all<{ name: string }>(`SELECT DISTINCT "town" AS name FROM enterprises`).map((r) => r.name);
    const townUnits = all<{ name: string }>(`SELECT "name" FROM units WHERE "kind" = 'town'`).map(
      (r) => r.name,
    );
    expect(townUnits.sort()).toEqual(towns.sort());
  });

  it('hands every demand that was assigned to a lead unit, some with co units, never the lead twice', () => {
    const handed = `"status" NOT IN ('pending', 'rejected') AND "deletedAt" IS NULL`;
    expect(one(`SELECT count(*) FROM demands WHERE ${handed} AND "leadUnitId" IS NULL`)).toBe(0);
    const total = one(`SELECT count(*) FROM demands WHERE ${handed}`);
    const withCo = one(`SELECT count(*) FROM demands WHERE ${handed} AND json_array_length("coUnitIds") > 0`);
    expect(withCo / total).toBeGreaterThan(0.2);
    expect(withCo / total).toBeLessThan(0.8);
    expect(
      one(`SELECT count(*) FROM demands d, json_each(d."coUnitIds") j WHERE j.value = d."leadUnitId"`),
    ).toBe(0);
    // The move to assigned carries the units (what sync replays).
    expect(
      one(
        `SELECT count(*) FROM demand_history h JOIN demands d ON d."id" = h."demandId"
         WHERE h."to" = 'assigned' AND h."type" = 'transition'
           AND json_extract(h."data", '$.leadUnitId') IS NOT d."leadUnitId"`,
      ),
    ).toBe(0);
  });

  it('gives a demand to the unit that answers for its category: talent to 人社, finance to 金融', () => {
    const leads = (category: string) =>
      all<{ name: string }>(
        `SELECT DISTINCT u."name" FROM demands d JOIN units u ON u."id" = d."leadUnitId"
         WHERE json_extract(d."categories", '$[0]') = ?`,
        category,
      ).map((r) => r.name);
    expect(leads('talent')).toEqual(['区人力资源和社会保障局']);
    expect(leads('finance')).toEqual(['区地方金融服务中心']);
    const board = ok('demands.openBoard', {});
    expect(board.byUnit.filter((u) => u.unitId !== null).length).toBeGreaterThanOrEqual(8);
    const busiest = board.byUnit.find((u) => u.unitId)!;
    expect(ok('demands.openBoard', { unitId: busiest.unitId! }).counts.open).toBeGreaterThanOrEqual(
      busiest.open,
    );
  });

  it('has supervisors who are 分管领导 and 科长, and staff of more than one position', () => {
    const positions = all<{ role: string; position: string }>(`SELECT "role", "position" FROM staff`);
    const supervisors = positions.filter((p) => p.role === 'supervisor').map((p) => p.position);
    expect(supervisors).toContain('leader');
    expect(supervisors).toContain('section_head');
    expect(new Set(positions.filter((p) => p.role === 'staff').map((p) => p.position)).size).toBeGreaterThan(
      1,
    );
  });
});
