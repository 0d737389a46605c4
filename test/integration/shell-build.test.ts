import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareInWorker } from '../../src-main/doors/electron/coreSide';
import { PROJECT_ROOT } from '../../src-main/paths';
import { makeCore, summaryThroughWorker, tempDir } from '../helpers';

// The built main process, as electron-vite writes it: the window comes before the core because
// main.js does not even load the core until startup.ts asks for it (after creating the window,
// as test/unit/shell/shell.test.ts shows); the database is prepared in a worker thread.

const OUT = join(PROJECT_ROOT, 'out', '.shell-check');

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const bin = join(PROJECT_ROOT, 'node_modules', '.bin', 'electron-vite');
  const r = spawnSync(bin, ['build', '--outDir', OUT, '--logLevel', 'error'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const STATIC_IMPORT = /^\s*import\s+(?:[^'"()]*?\s+from\s+)?["']([^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The files a module loads before any of its code runs, and the packages they name. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!));
      else packages.add(spec!);
    }
  };
  visit(entry);
  return { files, packages };
}

const holdsTheCore = (c: ReturnType<typeof staticClosure>) =>
  c.packages.has('better-sqlite3') ||
  [...c.files].some((f) => /schema_migrations|function openStore/.test(readFileSync(f, 'utf8')));

describe('the built main process', () => {
  it('loads no core (database, migrations, seeds) before its code runs', () => {
    const main = staticClosure(join(OUT, 'main', 'main.js'));
    expect(main.packages).toContain('electron');
    expect(holdsTheCore(main)).toBe(false);
  });

  it('imports the core once, on demand, in a chunk that does hold it', () => {
    const text = readFileSync(join(OUT, 'main', 'main.js'), 'utf8');
    const dynamic = [...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!);
    expect(dynamic).toHaveLength(1);
    expect(dynamic[0]).toMatch(/coreSide/);
    expect(holdsTheCore(staticClosure(join(OUT, 'main', dynamic[0]!)))).toBe(true);
    // …and it is the shell's loadCore that asks for it.
    expect(text.slice(text.lastIndexOf('loadCore', text.indexOf('import(')))).toMatch(/^loadCore: async/);
  });

  it('gives the worker the core without the shell (which would start a second app in it)', () => {
    const worker = staticClosure(join(OUT, 'main', 'prepare.js'));
    expect(holdsTheCore(worker)).toBe(true);
    expect(worker.files).not.toContain(join(OUT, 'main', 'main.js'));
    expect(worker.packages).not.toContain('electron');
  });

  it('builds the comparison worker without the shell, and it counts as the main thread does', async () => {
    const file = join(OUT, 'main', 'comparisonWorker.js');
    const closure = staticClosure(file);
    expect(holdsTheCore(closure)).toBe(true);
    expect(closure.packages).not.toContain('electron');
    const { paired, alone, answered } = await summaryThroughWorker(file);
    expect(answered).toBe(1);
    expect(paired).toEqual(alone);
  });

  it('prepares a database in the worker thread, and reports a database it cannot open', async () => {
    const log: string[] = [];
    const prepare = prepareInWorker(join(OUT, 'main', 'prepare.js'), (m) => log.push(m));
    const t = makeCore();
    await expect(prepare(t.path)).resolves.toBeUndefined();
    expect(t.ok('backups.list', {}).rows.map((b) => b.reason)).toContain('daily');
    const broken = join(tempDir(), 'broken.db');
    writeFileSync(broken, 'this is not a database, but a file of the same name');
    await expect(prepare(broken)).rejects.toThrow(/not a database/);
    expect(log).toEqual([]);
  });

  it('prepares on the main thread when the worker cannot start', async () => {
    const log: string[] = [];
    const prepare = prepareInWorker(join(OUT, 'main', 'no-such-worker.js'), (m) => log.push(m));
    const t = makeCore();
    await expect(prepare(t.path)).resolves.toBeUndefined();
    expect(t.ok('backups.list', {}).rows.map((b) => b.reason)).toContain('daily');
    expect(log).toEqual([
      expect.stringMatching(/^prepare worker unavailable .*: preparing on the main thread$/),
    ]);
  });
});
