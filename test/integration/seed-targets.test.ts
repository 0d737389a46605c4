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
import { yearElapsed } from '@shared/reports/targets';

// The demo district's annual targets: set for each year its year of work touches, a notch
// higher this year than last.

const NOW = SEED_TEST_DISTRICT.now;
let dir: string;
let core: Core;

function ok<M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vl-seed-targets-'));
  const clock = new TestClock(Date.parse(NOW));
  const path = join(dir, 'demo.db');
  demoDistrictAt(path, SEED_TEST_DISTRICT);
  core = openCore(path, { now: clock.now, deviceName: 'seed-test' });
}, 180_000);

afterAll(() => {
  core?.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo targets', () => {
  it('are set for both years the demo touches, this year’s above last year’s', () => {
    const y2026 = Object.fromEntries(ok('targets.list', { year: 2026 }).rows.map((r) => [r.key, r.value]));
    const y2025 = Object.fromEntries(ok('targets.list', { year: 2025 }).rows.map((r) => [r.key, r.value]));
    expect(Object.keys(y2026)).toEqual(Object.keys(y2025));
    expect(Object.keys(y2026)).toEqual(
      expect.arrayContaining(['visits', 'closed', 'outcome:tech_contract:amount']),
    );
    for (const key of Object.keys(y2026)) expect(y2026[key]).toBeGreaterThanOrEqual(y2025[key]!);
    expect(y2026.visits).toBeGreaterThan(y2025.visits!);
    // Written as a bureau writes them: two significant figures.
    expect(String(y2026.visits)).toMatch(/^\d{2}0+$/);
  });

  it('tell a story on the 晾晒表: visits and clinics ahead of the year’s pace, closing and reach behind', () => {
    const { targets, asOf } = ok('reports.summary', { period: '2026-11' });
    expect(asOf).toBe('2026-11-23');
    const pace = (key: string) => targets[key]!.pct! / yearElapsed(asOf);
    expect(pace('visits')).toBeGreaterThan(1);
    expect(pace('clinics')).toBeGreaterThan(1);
    expect(pace('closed')).toBeLessThan(0.9);
    expect(pace('enterprisesVisited')).toBeLessThan(1);
    // Believable: none done twice over, none hardly begun.
    for (const key of ['visits', 'enterprisesVisited', 'newDemands', 'closed', 'clinics']) {
      expect(targets[key]!.pct).toBeGreaterThan(0.5);
      expect(targets[key]!.pct).toBeLessThan(1.5);
    }
  });
});
