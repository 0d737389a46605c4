import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(__dirname, '..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../src-shared') } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/globalSetup.ts'],
    // CSS is not processed in tests (modules give stable class names), except the tokens that
    // styles/tokens.ts reads as text for the charts.
    css: { include: [/tokens\.css/] },
  },
});
