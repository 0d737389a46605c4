import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, snapshot, tempDir, withoutIdentityOf } from '../helpers';
import { backupsToKeep, backupsDirFor } from '../../src-main/store/backup';
import { dailyBackup } from '../../src-main/features/backups/service';
import { openCore } from '../../src-main/open';

describe('backups', () => {
  it('restores a backup, backing up the current database first', () => {
    const t = makeCore();
    t.ok('experts.create', { name: '备份前' });
    const backup = t.ok('backups.create', {});
    const before = snapshot(t.core);
    t.ok('experts.create', { name: '备份后' });
    const restored = t.ok('backups.restore', { file: backup.path });
    expect(restored.safetyBackup).toMatch(/before-restore/);
    // As it was, but for the new device identity a restore takes (sync.identity.test.ts).
    expect(withoutIdentityOf(snapshot(t.core), restored.newIdentity.deviceId)).toEqual(
      withoutIdentityOf(before, restored.newIdentity.deviceId),
    );
    expect(t.ok('experts.list', {}).rows.map((e) => e.name)).toEqual(['备份前']);
    // The safety backup holds what was there: restoring it brings the later expert back.
    t.ok('backups.restore', { file: restored.safetyBackup! });
    expect(t.ok('experts.list', {}).total).toBe(2);
  });

  it('restores the oldest backup the rotation keeps, though the safety backup rotates it out', () => {
    const t = makeCore();
    t.ok('experts.create', { name: '最早的备份' });
    const oldest = t.ok('backups.create', {});
    for (let i = 0; i < 9; i++) {
      t.clock.ms += 60_000;
      t.ok('experts.create', { name: `专家${i}` });
      t.ok('backups.create', {});
    }
    t.clock.ms += 60_000;
    const restored = t.ok('backups.restore', { file: oldest.path });
    expect(restored.restoredFrom).toBe(oldest.path);
    expect(t.ok('experts.list', {}).rows.map((e) => e.name)).toEqual(['最早的备份']);
  });

  it('never restores a damaged file, and leaves the database as it was', () => {
    const t = makeCore();
    t.ok('experts.create', { name: '陈教授' });
    const backup = t.ok('backups.create', {});
    const bytes = readFileSync(backup.path);
    bytes.fill(0x55, 4096, 8192); // overwrite a page
    const bad = join(tempDir(), 'bad.db');
    writeFileSync(bad, bytes);
    const before = snapshot(t.core);
    const e = t.err('backups.restore', { file: bad });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/file: /);
    const notDb = join(tempDir(), 'notes.db');
    writeFileSync(notDb, 'hello');
    expect(t.err('backups.restore', { file: notDb }).details.field).toBe('file');
    expect(snapshot(t.core)).toEqual(before);
  });

  it('takes the daily backup at most once in 24 hours', () => {
    const t = makeCore();
    expect(dailyBackup(t.core)).not.toBeNull();
    t.clock.ms += 23 * 3600_000;
    expect(dailyBackup(t.core)).toBeNull();
    t.clock.ms += 2 * 3600_000;
    expect(dailyBackup(t.core)?.reason).toBe('daily');
    expect(t.ok('backups.list', {}).rows.filter((b) => b.reason === 'daily')).toHaveLength(2);
  });

  it('backs up before every sync import', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: 'passphrase-1' });
    b.ok('sync.team.join', { code: teamCode, passphrase: 'passphrase-1' });
    const file = a.ok('sync.export', { full: true });
    const report = b.ok('sync.import', { contentBase64: file.contentBase64! });
    expect(report.backup).toMatch(/before-sync-import/);
    expect(readdirSync(backupsDirFor(b.path)).some((f) => f.includes('before-sync-import'))).toBe(true);
  });

  it('rotates: newest 10, one a day for 7 days, one a week for 4 weeks, one a month for 12 months', () => {
    // Four backups a day for 400 days.
    const start = Date.parse('2025-10-20T00:00:00Z');
    const all = Array.from({ length: 1600 }, (_, i) => {
      const at = new Date(start + i * 6 * 3600_000).toISOString();
      return { file: `b${i}`, at };
    });
    const keep = backupsToKeep(all);
    const kept = all.filter((b) => keep.has(b.file));
    const newest10 = all.slice(-10).map((b) => b.file);
    for (const f of newest10) expect(keep.has(f)).toBe(true);
    const days = new Set(kept.map((b) => b.at.slice(0, 10)));
    const months = new Set(kept.map((b) => b.at.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(days.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeLessThanOrEqual(10 + 7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(12 + 4);
    // The oldest kept is the newest backup of the month eleven months before the newest.
    const newestMonth = all.at(-1)!.at.slice(0, 7);
    expect(kept[0]!.at.slice(0, 7) < newestMonth).toBe(true);
  });

  it('the app takes its daily backup when it opens a database', () => {
    const dir = tempDir();
    const path = join(dir, 'app.db');
    const core = openCore(path, { dailyBackup: true, now: () => Date.parse('2026-11-23T04:00:00Z') });
    core.store.close();
    expect(readdirSync(backupsDirFor(path)).filter((f) => f.includes('daily'))).toHaveLength(1);
  });
});

describe('audit trail', () => {
  it('shows who changed which field and when, including changes that arrived by sync', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: 'passphrase-1' });
    b.ok('sync.team.join', { code: teamCode, passphrase: 'passphrase-1' });
    const e = a.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '闽江智造' });
    a.ok('enterprises.update', { id: e.id, town: '东城街道' });
    b.ok('sync.import', { contentBase64: a.ok('sync.export', { full: true }).contentBase64! });
    b.clock.ms = a.clock.ms + 60_000;
    b.ok('enterprises.update', { id: e.id, town: '西城街道' });
    const trail = b.ok('audit.record', { kind: 'enterprises', id: e.id }).rows;
    const towns = trail.filter((r) => r.field === 'town');
    expect(towns.map((r) => r.value)).toEqual(['西城街道', '东城街道']);
    expect(towns[0]!.deviceName).toBe('test-laptop');
    expect(towns[1]!.device).toBe(a.core.store.device.id);
    expect(towns[1]!.device).not.toBe(towns[0]!.device);
    expect(towns.every((r) => r.staffName === '测试员')).toBe(true);
    expect(b.err('audit.record', { kind: 'enterprises', id: 'nope' }).code).toBe('NOT_FOUND');
  });
});
