// Tools of the crash tests. bundleChild: a child-process script as ESM files, which start in a
// fraction of the time tsx would take, so many kills stay quick. Packages stay external
// (resolved from the project's node_modules, which is why the bundle is written inside it).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = resolve(__dirname, '..');

/**
 * Bundles ROOT/`entry` and returns the path of the bundle. Split at the app's dynamic imports,
 * so the heavy libraries the app loads when first needed (Excel, Word, charts) stay unloaded in
 * the child too: in one file their imports were hoisted to its top and every start paid for
 * them (a second of CPU a kill). The folder is named for the checkout as well, for checkouts
 * that share one node_modules.
 */
export function bundleChild(entry: string): string {
  const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 8);
  const name = entry.replace(/[/\\]/g, '_').replace(/\.ts$/, '');
  const outdir = join(ROOT, 'node_modules/.cache/visit-ledger', `${name}-${checkout}`);
  rmSync(outdir, { recursive: true, force: true }); // chunks of earlier builds
  execFileSync(
    join(ROOT, 'node_modules/.bin/esbuild'),
    [
      join(ROOT, entry),
      '--bundle',
      '--splitting',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outdir=${outdir}`,
      '--out-extension:.js=.mjs',
      '--log-level=error',
    ],
    { stdio: 'inherit' },
  );
  return join(outdir, `${entry.replace(/^.*[/\\]/, '').replace(/\.ts$/, '')}.mjs`);
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
