import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { LongestFirst } from './sequencer';

/** Node test files that need a module graph of their own. */
export const NODE_TESTS_APART = [
  // Asserts which libraries the doors load: another file in the same worker loads them all.
  'test/integration/lazy-libs.test.ts',
  // Mocks a module (vi.mock): a module another file loaded first would stay real.
  'test/integration/lazy-sheetjs.test.ts',
];

/** Renderer test files that need a module graph and a jsdom of their own. */
export const RENDERER_TESTS_APART: string[] = [];

export default defineConfig({
  root: resolve(__dirname, '..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../src-shared') } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves one core to itself: on two cores the tests ran one file at a time.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/setup.ts'],
    // CSS is not processed in tests (modules give stable class names), except the tokens that
    // styles/tokens.ts reads as text for the charts.
    css: { include: [/tokens\.css/] },
    projects: [
      {
        // The node tests share one module graph per worker too: importing the app's core again
        // for every file cost about half a second of CPU a file. Nothing of a test's state lives
        // in modules: its databases and folders go after every test (setup.ts).
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
          exclude: ['test/unit/renderer/**', ...NODE_TESTS_APART],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'node (isolated)', include: NODE_TESTS_APART } },
      // An empty include would mean vitest's default one: the project only when it has files.
      ...(RENDERER_TESTS_APART.length
        ? [{ extends: true, test: { name: 'renderer (isolated)', include: RENDERER_TESTS_APART } }]
        : []),
      {
        // The renderer's component tests share one jsdom and one module graph per worker:
        // loading React, AG Grid and jsdom again for every file took most of their time.
        // setup.ts puts the DOM, storage and stores back after every test.
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          exclude: RENDERER_TESTS_APART,
          environment: 'jsdom',
          isolate: false,
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
