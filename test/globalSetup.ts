import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeMigratedTemplate } from './template';

// Once per run, before any test file starts.

/**
 * Every temporary file of the run (the test workers and the processes they start inherit
 * TMPDIR) goes to memory where the system has a tmpfs: each commit's fsync on a disk made a
 * small write about ten times slower, and the tests' databases need not outlive the run.
 */
function runRoot(): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const root = mkdtempSync(join(base, 'vl-test-run-'));
  process.env.TMPDIR = root;
  return root;
}

export default function setup(project: TestProject): () => void {
  const root = runRoot();
  // The migrated empty database tests copy (template.ts).
  const template = join(root, 'migrated.db');
  writeMigratedTemplate(template);
  project.provide('migratedTemplate', template);
  return () => rmSync(root, { recursive: true, force: true });
}
