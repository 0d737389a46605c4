// Tools of the crash tests. bundleChild: a child-process script as one ESM file, which starts in a
// fraction of the time tsx would take, so many kills stay quick. Packages stay external
// (resolved from the project's node_modules, which is why the bundle is written inside it).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = resolve(__dirname, '..');

/** Bundles ROOT/`entry` and returns the path of the bundle. */
export function bundleChild(entry: string): string {
  const out = join(
    ROOT,
    'node_modules/.cache/visit-ledger',
    entry.replace(/[/\\]/g, '_').replace(/\.ts$/, '.mjs'),
  );
  execFileSync(
    join(ROOT, 'node_modules/.bin/esbuild'),
    [
      join(ROOT, entry),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${out}`,
      '--log-level=error',
    ],
    { stdio: 'inherit' },
  );
  return out;
}

/** PRAGMA integrity_check of a file, opened read-write as the app opens it (a read-only
 * connection cannot roll back the hot journal a kill leaves). */
export function integrity(path: string): string {
  const db = new Database(path);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}
