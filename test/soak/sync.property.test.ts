import { describe, it } from 'vitest';
import { checkSyncProperty, expectExercised } from '../integration/syncProperty';

// The sync property on new schedules every run (the quick count in `npm test` checks the same
// ones each time): CI's budget by default, the full count with SYNC_PROPERTY_RUNS=500. The seed
// is printed first; SYNC_PROPERTY_SEED=N replays a run.

const NUM_RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 150);

describe('sync property (soak): any schedule of edits, restores, copies and exchanges keeps one truth', () => {
  it(`${NUM_RUNS} new random schedules on 3–5 laptops`, () => {
    expectExercised(checkSyncProperty(NUM_RUNS, 1_800_000, 'new'), NUM_RUNS);
  }, 2_400_000);
});
