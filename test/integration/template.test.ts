import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { freshDatabaseAt, makeCore, tempDir } from '../helpers';
import { openCore } from '../../src-main/open';
import { lastNewIdentity } from '../../src-main/store/identity';
import type { Core } from '../../src-main/core';

// Test databases are copies of one migrated empty database (test/template.ts): a copy must be
// what opening a new file makes, each with its own device.

const schemaOf = (core: Core) => ({
  objects: core.store.db
    .prepare(`SELECT "type","name","tbl_name","sql" FROM sqlite_master ORDER BY "type","name"`)
    .all(),
  migrations: core.store.db.prepare(`SELECT "version","name" FROM schema_migrations ORDER BY 1`).all(),
  pragmas: ['journal_mode', 'user_version', 'page_size', 'auto_vacuum', 'encoding'].map((p) =>
    core.store.db.pragma(p, { simple: true }),
  ),
});

const rowsOf = (core: Core, table: string) =>
  core.store.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

describe('the migrated template test databases are copied from', () => {
  it('gives the schema, migrations and settings that opening a new file gives', () => {
    const migrated = openCore(join(tempDir(), 'migrated.db'));
    const copied = openCore(freshDatabaseAt(join(tempDir(), 'copied.db')));
    try {
      expect(schemaOf(copied)).toEqual(schemaOf(migrated));
      for (const table of ['devices', 'changes', 'meta', 'change_origins'])
        expect(rowsOf(copied, table), table).toBe(rowsOf(migrated, table));
    } finally {
      migrated.store.close();
      copied.store.close();
    }
  });

  it('gives every copy its own device, taken as a new database and kept when reopened', () => {
    const a = makeCore();
    const b = makeCore();
    expect(a.core.store.device.id).not.toBe(b.core.store.device.id);
    expect(a.core.store.device.code).not.toBe(b.core.store.device.code);
    for (const t of [a, b]) {
      expect(lastNewIdentity(t.core.store)).toBeNull();
      expect(t.core.store.clock.node).toBe(t.core.store.device.id);
      const id = t.core.store.device.id;
      t.core.store.close();
      const again = openCore(t.path, t.core.store.options);
      expect(again.store.device.id).toBe(id);
      expect(lastNewIdentity(again.store)).toBeNull();
      again.store.close();
    }
  });
});
