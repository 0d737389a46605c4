import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import { seedDemo } from '../../seeds/demo';
import { TestClock } from '../helpers';
import { SEED_TEST_DISTRICT } from '../district';
import { expectSameTables } from '../seedTables';

// The demo district at ×3 written as a bulk load (the methods' writes without reading back,
// inputs not parsed again, the change log captured in JS) is the district written call by
// call as a door writes it, table by table (seed.test.ts shows it at ×1, in every run).

const dir = mkdtempSync(join(tmpdir(), 'vl-seed-x3-'));
const cores: Core[] = [];
afterAll(() => {
  for (const c of cores) c.store.close();
  rmSync(dir, { recursive: true, force: true });
});

function seeded(bulk: boolean): Core {
  const clock = new TestClock(Date.parse(SEED_TEST_DISTRICT.now));
  const core = openCore(join(dir, `${bulk ? 'bulk' : 'calls'}.db`), {
    now: clock.now,
    deviceName: 'seed-test',
  });
  cores.push(core);
  seedDemo(core, { scale: 3, seed: SEED_TEST_DISTRICT.seed, asOf: SEED_TEST_DISTRICT.asOf, bulk });
  return core;
}

it('gives at ×3 the same records, history and change log in bulk as call by call', () => {
  const bulk = seeded(true);
  const calls = seeded(false);
  expect(expectSameTables(bulk, calls).get('visits')!.length).toBeGreaterThan(15_000);
});
