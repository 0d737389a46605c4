import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NODE_TESTS_APART, RENDERER_TESTS_APART } from '../vitest.config';
import { LONGEST_FILES } from '../sequencer';

// Test files share one module graph per worker (test/vitest.config.ts). A module mock made in
// one file would outlive it and change what later files in that worker see (it happened: a
// mocked file picker made another file's handed-over files go nowhere), so a file that mocks a
// module must run apart.

const ROOT = join(import.meta.dirname, '../..');
const MOCKS = /\bvi\.(?:do)?mock\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [relative(ROOT, path)] : [];
  });
}

describe('test files in shared workers', () => {
  it('every file that mocks a module runs apart', () => {
    const mocking = testFiles(join(ROOT, 'test')).filter((f) =>
      MOCKS.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(mocking.length).toBeGreaterThan(0);
    const apart = new Set([...NODE_TESTS_APART, ...RENDERER_TESTS_APART]);
    expect(mocking.filter((f) => !apart.has(f))).toEqual([]);
  });
});

describe('the files started first (test/sequencer.ts)', () => {
  it('are test files that exist', () => {
    const files = new Set(testFiles(join(ROOT, 'test')));
    expect(LONGEST_FILES.filter((f) => !files.has(f))).toEqual([]);
  });
});
