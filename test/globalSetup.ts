import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeMigratedTemplate } from './template';

// Once per run, before any test file: the migrated empty database tests copy (template.ts).
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'vl-template-'));
  const path = join(dir, 'migrated.db');
  writeMigratedTemplate(path);
  project.provide('migratedTemplate', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
