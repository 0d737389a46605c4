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

// The demo district written as a bulk load (the methods' writes without reading back, inputs
// not parsed again, the change log captured in JS) is the district written call by call as a
// door writes it, table by table, for a new seed each run (printed; SEED_EQUIVALENCE_SEED=N
// replays it). npm test checks each method's write (method-writes.test.ts) and seed 1 with each
// input parsed and handled (seed.test.ts); this adds the capture triggers over a whole district.

const SEED = Number(process.env.SEED_EQUIVALENCE_SEED ?? 2 + Math.floor(Math.random() * 2 ** 30));

const dir = mkdtempSync(join(tmpdir(), 'vl-seed-equivalence-'));
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
  seedDemo(core, { scale: 1, seed: SEED, asOf: SEED_TEST_DISTRICT.asOf, bulk });
  return core;
}

it('gives for a new seed the same records, history and change log in bulk as call by call', () => {
  console.log(`seed equivalence: seed ${SEED} (SEED_EQUIVALENCE_SEED=${SEED} replays it)`);
  const bulk = seeded(true);
  const calls = seeded(false);
  expect(expectSameTables(bulk, calls).get('visits')!.length).toBeGreaterThan(4_000);
});
