import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore, snapshot, tempDir } from '../helpers';

// sync.folder: a path that is not a usable folder is the user's input error (it was an INTERNAL
// mkdir error), a missing folder is refused rather than created, and the mass-delete guard stops the call so the user can confirm it (it used to
// be swallowed into `refused`, with no way to confirm).

function pair() {
  const a = makeCore();
  const b = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: 'passphrase-1' });
  b.ok('sync.team.join', { code: teamCode, passphrase: 'passphrase-1' });
  return { a, b };
}

describe('sync.folder', () => {
  it('refuses a path that is a file with a VALIDATION error on path, changing nothing', () => {
    const { a } = pair();
    const file = join(tempDir(), 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const before = snapshot(a.core);
    const err = a.err('sync.folder', { path: file });
    expect(err.code).toBe('VALIDATION');
    expect(err.details.field).toBe('path');
    expect(err.message).toMatch(/^path: cannot use this folder/);
    expect(snapshot(a.core)).toEqual(before);
  });

  it('refuses a folder that does not exist (a shared drive not connected) and does not create it', () => {
    const { a } = pair();
    a.ok('experts.create', { name: '陈教授' });
    const missing = join(tempDir(), '共享盘', '走访同步');
    const before = snapshot(a.core);
    const err = a.err('sync.folder', { path: missing });
    expect(err.code).toBe('VALIDATION');
    expect(err.details.field).toBe('path');
    expect(err.message).toMatch(/does not exist: connect the shared drive/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(dirname(missing))).toBe(false);
    expect(snapshot(a.core)).toEqual(before);
    expect(a.ok('sync.status').folder).toBeNull();
  });

  it('remembers the folder this laptop synced through, on this laptop only', () => {
    const { a, b } = pair();
    const dir = tempDir();
    expect(a.ok('sync.status').folder).toBeNull();
    a.ok('experts.create', { name: '陈教授' });
    a.ok('sync.folder', { path: dir });
    expect(a.ok('sync.status').folder).toBe(dir);
    // The setting is not a record: it does not travel to the laptops that import my files.
    expect(b.ok('sync.folder', { path: dir }).imported).toHaveLength(1);
    expect(b.ok('sync.status').folder).toBe(dir);
    const elsewhere = tempDir();
    a.ok('sync.folder', { path: elsewhere });
    expect(a.ok('sync.status').folder).toBe(elsewhere);
    a.err('sync.folder', { path: join(elsewhere, 'missing') });
    expect(a.ok('sync.status').folder).toBe(elsewhere);
    expect(
      a.core.store.db.prepare(`SELECT count(*) FROM changes WHERE "value" = ?`).pluck().get(elsewhere),
    ).toBe(0);
  });

  it('asks before a file in the folder deletes many records, then imports with confirmMassDelete', () => {
    const { a, b } = pair();
    const dir = tempDir();
    const ids = Array.from({ length: 6 }, (_, i) => a.ok('experts.create', { name: `专家${i}` }).id);
    a.ok('sync.folder', { path: dir });
    b.ok('sync.folder', { path: dir });
    expect(b.ok('experts.list').total).toBe(6);
    for (const id of ids) a.ok('experts.delete', { id });
    a.ok('sync.folder', { path: dir });

    const err = b.err('sync.folder', { path: dir });
    expect(err.code).toBe('CONFLICT');
    expect(err.details.reason).toBe('mass_delete');
    expect(err.details.deletions).toEqual({ experts: { deleting: 6, live: 6 } });
    expect(typeof err.details.fileName).toBe('string');
    expect(b.ok('experts.list').total).toBe(6);

    const done = b.ok('sync.folder', { path: dir, confirmMassDelete: true });
    expect(done.imported).toHaveLength(1);
    expect(done.refused).toEqual([]);
    expect(b.ok('experts.list').total).toBe(0);
  });
});
