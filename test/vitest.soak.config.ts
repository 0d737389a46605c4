import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

// Long-running reliability tests (crash kills, sync schedules); CI runs them through
// `npm run test:soak`.
export default defineConfig({
  root: resolve(__dirname, '..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../src-shared') } },
  test: {
    // The fuzz tests and the text index's random words draw their full count from new seeds
    // here (test/fuzzRuns.ts).
    include: [
      'test/soak/**/*.test.ts',
      'test/integration/fuzz*.test.ts',
      'test/integration/search-text-index.test.ts',
    ],
    env: { FUZZ: 'soak' },
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves one core to itself: on two cores the soak's files ran one by one.
    maxWorkers: availableParallelism(),
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
