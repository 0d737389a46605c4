import { describe, it } from 'vitest';
import { checkSyncProperty, expectExercised } from './syncProperty';

// The sync promises over random schedules (see syncProperty.ts): a quick count of the same
// schedules every run here; the soak run (test/soak/sync.property.test.ts) draws new ones.

const NUM_RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 15);

describe('sync property: any schedule of edits, restores, copies and exchanges keeps one truth', () => {
  it(`${NUM_RUNS} random schedules on 3–5 laptops: same records, demands as their history, nothing lost, no stamp twice`, () => {
    expectExercised(checkSyncProperty(NUM_RUNS, 400_000), NUM_RUNS);
  }, 600_000);
});
