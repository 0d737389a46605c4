import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Store } from './db';

// A consistent copy of the whole database, taken with VACUUM INTO (SQLite writes a
// fresh, compacted file from one read transaction). It cannot run inside a transaction.

export function backupsDir(store: Store): string {
  return join(dirname(store.path), 'backups');
}

export function backupNow(store: Store, reason: string): string | null {
  if (store.path === ':memory:') return null;
  const dir = backupsDir(store);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date(store.now()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const file = join(dir, `visit-ledger-${stamp}-${reason.replace(/[^a-z0-9-]/gi, '')}-${process.hrtime.bigint() % 100000n}.db`);
  store.db.prepare('VACUUM INTO ?').run(file);
  return file;
}
