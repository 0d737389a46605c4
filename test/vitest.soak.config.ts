import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// Long-running reliability tests (crash kills); CI runs them through `npm run test:soak`.
export default defineConfig({
  root: resolve(__dirname, '..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../src-shared') } },
  test: {
    include: ['test/soak/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
