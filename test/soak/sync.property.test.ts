import { describe, it } from 'vitest';
import { checkSyncProperty, expectExercised } from '../integration/syncProperty';

// The full count of the sync property (the quick count runs in `npm test`).

const NUM_RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 500);

describe('sync property (soak): any schedule of edits, restores, copies and exchanges keeps one truth', () => {
  it(`${NUM_RUNS} random schedules on 3–5 laptops`, () => {
    expectExercised(checkSyncProperty(NUM_RUNS, 1_800_000), NUM_RUNS);
  }, 2_400_000);
});
