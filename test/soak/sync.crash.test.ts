import { describe, it } from 'vitest';
import { crashCase, expectWholeImports } from '../integration/syncCrash';

// Sync imports killed at random moments spread over the whole import, a little past its usual
// end (`npm test` aims one kill at each phase instead; see integration/syncCrash.ts).
// SYNC_CRASH_KILLS=N kills N times.

const KILLS = Number(process.env.SYNC_CRASH_KILLS ?? 12);

// A seeded generator so a failing run can be repeated.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('crash safety of sync import (soak)', () => {
  it(`an import killed at ${KILLS} random moments leaves the database as before or as after, never in between`, async () => {
    const rand = random(2026);
    const c = await crashCase();
    for (let i = 0; i < KILLS; i++)
      await c.kill({ delayMs: Math.round(((i + rand()) / KILLS) * c.took * 1.15) });
    await expectWholeImports(c);
  }, 600_000);
});
