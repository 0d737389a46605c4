import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// Browser end-to-end tests: the built renderer served by the web door, driven in Chromium.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '../src-shared') } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
    // Two files at a time: each starts its own web door, database, folder and Chromium, and one
    // alone left the cores a third idle.
    maxWorkers: 2,
  },
});
