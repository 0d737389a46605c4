import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { zstdDecompressSync } from 'node:zlib';
import { makeCore, snapshot, tempDir } from '../helpers';
import { ZSTD, backupsToKeep, checkIntegrity } from '../../src-main/store/backup';
import { dailyBackup } from '../../src-main/features/backups/service';
import { zstdFile } from '../../src-main/store/zstdFile';

// Backups are named and rotated by a clock that never runs backwards, yet one taken while the
// clock ran fast does not hold back today's; each carries a checksum checked before a restore.

const DAY = 86_400_000;

describe('backups and clocks', () => {
  it('a backup taken with the clock a month fast blocks neither the daily backup nor rotation', () => {
    const t = makeCore();
    const today = new Date(t.clock.ms).toISOString().slice(0, 10);
    t.clock.ms += 30 * DAY;
    const future = t.ok('backups.create', {});
    t.clock.ms -= 30 * DAY;
    const daily = dailyBackup(t.core);
    expect(daily).not.toBeNull();
    expect(daily!.at.slice(0, 10)).toBe(today);
    // Later backups of today are named for today, in order, and rotation keeps today's newest.
    const taken: string[] = [daily!.file];
    for (let i = 0; i < 12; i++) {
      t.clock.ms += 60_000;
      taken.push(t.ok('backups.create', {}).path.split(/[\\/]/).pop()!);
    }
    const rows = t.ok('backups.list', {}).rows;
    const todays = rows.filter((b) => b.at.slice(0, 10) === today).map((b) => b.file);
    expect(todays.slice(0, 10)).toEqual(taken.slice(-10).reverse());
    expect(rows.map((b) => b.path)).toContain(future.path);
    // Rotation removed the checksums of the backups it removed.
    const sums = readFileSync(join(dirname(future.path), 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n');
    expect(sums.map((l) => l.slice(66)).sort()).toEqual(rows.map((b) => b.file).sort());
    // The next day, the daily backup is due again.
    t.clock.ms += DAY;
    expect(dailyBackup(t.core)?.at.slice(0, 10)).toBe(new Date(t.clock.ms).toISOString().slice(0, 10));
  });

  it('rotates backups from the future among themselves, never in place of those of today', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const at = (ms: number) => new Date(ms).toISOString();
    // A month of backups four times a day taken a month ahead, and ten of today.
    const future = Array.from({ length: 120 }, (_, i) => ({
      file: `f${i}`,
      at: at(now + 30 * DAY + i * 6 * 3600_000),
    }));
    const today = Array.from({ length: 10 }, (_, i) => ({ file: `t${i}`, at: at(now - i * 60_000) }));
    const keep = backupsToKeep([...future, ...today], now);
    for (const b of today) expect(keep.has(b.file)).toBe(true);
    // The future ones are rotated too (by the same rules), not kept without end.
    const keptFuture = future.filter((b) => keep.has(b.file)).length;
    expect(keptFuture).toBeGreaterThan(10);
    expect(keptFuture).toBeLessThanOrEqual(10 + 7 + 4 + 12);
  });

  it('never names a backup before the one taken just before it when the clock steps back a little', () => {
    const t = makeCore();
    const first = t.ok('backups.create', {});
    t.clock.ms -= 5_000;
    const second = t.ok('backups.create', {});
    const rows = t.ok('backups.list', {}).rows;
    expect(rows[0]!.path).toBe(second.path);
    expect(rows[1]!.path).toBe(first.path);
  });
});

describe('backup checksums', () => {
  it('writes a SHA-256 of each backup when it is taken, and lists it verified', () => {
    const t = makeCore();
    const b = t.ok('backups.create', {});
    const sums = readFileSync(join(dirname(b.path), 'SHA256SUMS'), 'utf8');
    const sha = createHash('sha256').update(readFileSync(b.path)).digest('hex');
    expect(sums).toContain(`${sha}  ${basename(b.path)}\n`);
    expect(t.ok('backups.list', {}).rows[0]).toMatchObject({ damaged: false, checksum: 'verified' });
    // Into a folder of the user's, whose own SHA256SUMS keeps its lines.
    const out = join(tempDir(), 'copy.db');
    writeFileSync(join(dirname(out), 'SHA256SUMS'), `${'0'.repeat(64)}  notes.txt\n# mine\n`);
    t.ok('backups.create', { out });
    const theirs = readFileSync(join(dirname(out), 'SHA256SUMS'), 'utf8');
    expect(theirs).toMatch(/^0{64} {2}notes\.txt\n# mine\n[0-9a-f]{64} {2}copy\.db\n$/);
  });

  it('shows a backup altered in a text column as damaged, and refuses to restore it', () => {
    const t = makeCore();
    t.ok('experts.create', { name: '陈教授', phone: '13800001111' });
    const b = t.ok('backups.create', {});
    // The backup is compressed: altered inside, and compressed again as a sound zstd file.
    const altered = join(tempDir(), 'altered.db');
    const bytes = zstdDecompressSync(readFileSync(b.path));
    const at = bytes.indexOf(Buffer.from('13800001111'));
    expect(at).toBeGreaterThan(0);
    bytes.write('13900001111', at);
    writeFileSync(altered, bytes);
    rmSync(b.path);
    zstdFile(altered, b.path, ZSTD);
    // SQLite's own check sees nothing wrong.
    expect(checkIntegrity(altered).ok).toBe(true);
    const row = t.ok('backups.list', {}).rows.find((r) => r.path === b.path);
    expect(row).toMatchObject({ damaged: true, checksum: 'mismatch' });
    const before = snapshot(t.core);
    const e = t.err('backups.restore', { file: b.path });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/file: .*damaged/);
    expect(snapshot(t.core)).toEqual(before);
  });

  it('lists a backup of an older version, without checksum, as unverified and still restores it', () => {
    const t = makeCore();
    t.ok('experts.create', { name: '陈教授' });
    const b = t.ok('backups.create', {});
    rmSync(join(dirname(b.path), 'SHA256SUMS'));
    t.ok('experts.create', { name: '林研究员' });
    const row = t.ok('backups.list', {}).rows.find((r) => r.path === b.path);
    expect(row).toMatchObject({ damaged: false, checksum: 'unverified' });
    t.ok('backups.restore', { file: b.path });
    expect(t.ok('experts.list', {}).rows.map((e) => e.name)).toEqual(['陈教授']);
  });
});
