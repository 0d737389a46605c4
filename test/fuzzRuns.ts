import { randomInt } from 'node:crypto';

// How much the fuzz tests (and other properties checked on random draws) draw. `npm test` draws a quarter of the full count from fixed seeds,
// so a run that passed passes again; the soak (vitest.soak.config.ts sets FUZZ=soak) draws the
// full count from a new seed each run, printed first, which FUZZ_SEED=N replays.

const SOAK = process.env.FUZZ === 'soak';
/** The share of the full count `npm test` draws. */
const QUICK = 4;

/** How many inputs to draw for a property whose full count is `full`. */
export const fuzzCount = (full: number): number => (SOAK ? full : Math.ceil(full / QUICK));

/** The seed to draw them from: `fixed` in `npm test`, a new one in the soak. */
export function fuzzSeed(fixed: number): number {
  if (!SOAK) return fixed;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
  console.info(`fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it)`);
  return seed;
}

/** fast-check's numRuns and seed for a property of `full` runs with the fixed seed `fixed`. */
export const fuzzRuns = (full: number, fixed: number) => ({
  numRuns: fuzzCount(full),
  seed: fuzzSeed(fixed),
});
