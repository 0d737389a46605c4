import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { constants, gunzipSync, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { makeCore, snapshot, tempDir, withoutIdentityOf, type TestCore } from '../helpers';
import { ZSTD, backupsDirFor, checkIntegrity, backupsWithinBudget } from '../../src-main/store/backup';
import { gzipFile } from '../../src-main/store/gzipFile';
import { unzstdFile, zstdFile } from '../../src-main/store/zstdFile';

// Backups are zstd-compressed; the gzipped ones of the previous version and the plain ones of
// earlier versions still list, verify and restore; a damaged one is shown as such and never
// restored; the folder stays within twice the database, whatever kinds it holds.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function populated(): TestCore {
  const t = makeCore();
  for (let i = 0; i < 200; i++)
    t.ok('experts.create', { name: `专家${i}`, phone: `1380000${String(i).padStart(4, '0')}` });
  return t;
}

const dbBytes = (t: TestCore) => {
  t.core.store.db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(t.path).size;
};

/** The SHA256SUMS lines of a backups folder, as file name → hash. */
function sums(dir: string): Map<string, string> {
  const text = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
  return new Map(
    text
      .trim()
      .split('\n')
      .map((l) => [l.slice(66), l.slice(0, 64)] as [string, string]),
  );
}

/**
 * Writes a backup as an earlier version did, with its checksum: plain (before backups were
 * compressed) or gzipped (before zstd).
 */
function legacyBackup(t: TestCore, stamp: string, kind: 'plain' | 'gzip' = 'plain'): string {
  const dir = backupsDirFor(t.path);
  mkdirSync(dir, { recursive: true });
  const plain = join(dir, `visit-ledger-${stamp}-daily.db`);
  const path = kind === 'gzip' ? `${plain}.gz` : plain;
  const copy = kind === 'gzip' ? join(tempDir(), 'copy.db') : plain;
  t.core.store.db.prepare('VACUUM INTO ?').run(copy);
  if (kind === 'gzip') gzipFile(copy, path, 3);
  appendFileSync(join(dir, 'SHA256SUMS'), `${sha256(readFileSync(path))}  ${basename(path)}\n`);
  return path;
}

describe('compressed backups', () => {
  it('are standard zstd of a checked copy, with the checksum of the compressed file', () => {
    const t = populated();
    const b = t.ok('backups.create', {});
    expect(b.path).toMatch(/\.db\.zst$/);
    const zst = readFileSync(b.path);
    expect(zst.subarray(0, 4)).toEqual(ZSTD_MAGIC);
    expect(b.bytes).toBe(zst.length);
    expect(zst.length).toBeLessThan(dbBytes(t) / 3);
    // Any zstd reader gives back the database.
    const copy = join(tempDir(), 'copy.db');
    writeFileSync(copy, zstdDecompressSync(zst));
    expect(readFileSync(copy).subarray(0, 16)).toEqual(SQLITE_HEADER);
    expect(checkIntegrity(copy)).toEqual({ ok: true, message: 'ok' });
    const db = new Database(copy, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM experts`).get()).toEqual({ n: 200 });
    db.close();
    // `sha256sum -c` checks the file as it lies in the folder.
    const dir = dirname(b.path);
    expect(sums(dir).get(basename(b.path))).toBe(sha256(zst));
    expect(t.ok('backups.list', {}).rows[0]).toMatchObject({
      file: basename(b.path),
      checksum: 'verified',
      damaged: false,
    });
    // Nothing else is left behind: no uncompressed copy, no partial file.
    expect(readdirSync(dir).sort()).toEqual(['SHA256SUMS', basename(b.path)]);
  });

  it('restores a zstd backup atomically with every record as it was, leaving no temporary file', () => {
    const t = populated();
    const b = t.ok('backups.create', {});
    const before = snapshot(t.core);
    t.ok('experts.create', { name: '备份后' });
    const restored = t.ok('backups.restore', { file: b.path });
    expect(restored.restoredFrom).toBe(b.path);
    const id = restored.newIdentity.deviceId;
    expect(withoutIdentityOf(snapshot(t.core), id)).toEqual(withoutIdentityOf(before, id));
    expect(t.ok('experts.list', { limit: 500 }).total).toBe(200);
    expect(readdirSync(dirname(t.path)).filter((f) => f.includes('restoring'))).toEqual([]);
    // The safety backup is compressed too, and brings the later expert back.
    expect(restored.safetyBackup).toMatch(/before-restore\.db\.zst$/);
    t.ok('backups.restore', { file: restored.safetyBackup! });
    expect(t.ok('experts.list', { limit: 500 }).total).toBe(201);
  });

  it('writes to a file of the user’s choosing as zstd when named .zst, gzip when .gz, plain otherwise', () => {
    const t = populated();
    const dir = tempDir();
    const zst = t.ok('backups.create', { out: join(dir, 'copy.db.zst') });
    const gz = t.ok('backups.create', { out: join(dir, 'copy.db.gz') });
    const plain = t.ok('backups.create', { out: join(dir, 'copy.db') });
    expect(readFileSync(zst.path).subarray(0, 4)).toEqual(ZSTD_MAGIC);
    expect(readFileSync(gz.path).subarray(0, 2)).toEqual(GZIP_MAGIC);
    expect(readFileSync(plain.path).subarray(0, 16)).toEqual(SQLITE_HEADER);
    expect(zstdDecompressSync(readFileSync(zst.path)).subarray(0, 16)).toEqual(SQLITE_HEADER);
    expect(gunzipSync(readFileSync(gz.path)).subarray(0, 16)).toEqual(SQLITE_HEADER);
    expect(sums(dir).get('copy.db.zst')).toBe(sha256(readFileSync(zst.path)));
    expect(sums(dir).get('copy.db.gz')).toBe(sha256(readFileSync(gz.path)));
    for (const b of [zst, gz, plain]) {
      t.ok('experts.create', { name: '之后' });
      t.ok('backups.restore', { file: b.path });
      expect(t.ok('experts.list', { limit: 500 }).total).toBe(200);
    }
  });

  /** A backup an earlier version took on 2026-01-01 is listed, verified and sound. */
  const expectListedAsTaken = (t: TestCore, path: string) =>
    expect(t.ok('backups.list', {}).rows.find((r) => r.path === path)).toMatchObject({
      checksum: 'verified',
      damaged: false,
      reason: 'daily',
      at: '2026-01-01T00:00:00.000Z',
    });

  it('lists, verifies and restores a gzipped backup the previous version took', () => {
    const t = populated();
    const old = legacyBackup(t, '20260101T000000000', 'gzip');
    const before = snapshot(t.core);
    t.ok('experts.create', { name: '之后' });
    expectListedAsTaken(t, old);
    const restored = t.ok('backups.restore', { file: old });
    const id = restored.newIdentity.deviceId;
    expect(withoutIdentityOf(snapshot(t.core), id)).toEqual(withoutIdentityOf(before, id));
  });

  it('lists, verifies and restores a plain backup an earlier version took', () => {
    const t = populated();
    const old = legacyBackup(t, '20260101T000000000');
    t.ok('experts.create', { name: '之后' });
    expectListedAsTaken(t, old);
    t.ok('backups.restore', { file: old });
    expect(t.ok('experts.list', { limit: 500 }).total).toBe(200);
    // Altered, it is damaged like any other.
    const again = legacyBackup(t, '20260102T000000000');
    const bytes = readFileSync(again);
    bytes.write('1390000', bytes.indexOf(Buffer.from('13800000007')));
    writeFileSync(again, bytes);
    expect(t.ok('backups.list', {}).rows.find((r) => r.path === again)).toMatchObject({ damaged: true });
  });
});

describe('a damaged compressed backup', () => {
  const damages: [string, (file: Buffer) => Buffer][] = [
    ['truncated', (file) => file.subarray(0, file.length - 1000)],
    ['cut to its first half', (file) => file.subarray(0, file.length >> 1)],
    // zstd's checksum closes the frame: a reader that stops at the end of the data misses it.
    ['short of its last 3 bytes', (file) => file.subarray(0, file.length - 3)],
    [
      'with a bit flipped',
      (file) => {
        const copy = Buffer.from(file);
        copy[copy.length >> 1]! ^= 0x10;
        return copy;
      },
    ],
    [
      'with its last byte flipped (the checksum or length check)',
      (file) => {
        const copy = Buffer.from(file);
        copy[copy.length - 1]! ^= 0x01;
        return copy;
      },
    ],
  ];
  /** A backup of each compressed kind: zstd as taken now, gzip as the previous version took. */
  const kinds = {
    zstd: (t: TestCore) => t.ok('backups.create', {}).path,
    gzip: (t: TestCore) => legacyBackup(t, '20260101T000000000', 'gzip'),
  };

  for (const [kind, take] of Object.entries(kinds)) {
    for (const withSums of [true, false]) {
      for (const [what, damage] of damages) {
        it(`${kind}, ${what}, ${withSums ? 'with' : 'without'} its checksum: listed as damaged, never restored`, () => {
          const t = populated();
          const path = take(t);
          const dir = dirname(path);
          if (!withSums) rmSync(join(dir, 'SHA256SUMS'));
          writeFileSync(path, damage(readFileSync(path)));
          const row = t.ok('backups.list', {}).rows.find((r) => r.path === path);
          expect(row).toMatchObject({ damaged: true, checksum: withSums ? 'mismatch' : 'unverified' });
          const before = snapshot(t.core);
          const e = t.err('backups.restore', { file: path });
          expect(e.code).toBe('VALIDATION');
          expect(e.message).toMatch(/file: .*damaged/);
          expect(e.details.msg?.key).toBe(withSums ? 'backup.checksum' : 'backup.decompress');
          expect(snapshot(t.core)).toEqual(before);
          expect(readdirSync(dirname(t.path)).filter((f) => f.includes('restoring'))).toEqual([]);
          // No safety backup was taken for a restore that was refused.
          expect(t.ok('backups.list', {}).rows.map((r) => r.reason)).not.toContain('before-restore');
        });
      }
    }
  }

  it('whose content is not a sound database is refused after decompression, though its checksum matches', () => {
    const t = populated();
    const dir = backupsDirFor(t.path);
    const broken = join(tempDir(), 'broken.db');
    t.core.store.db.prepare('VACUUM INTO ?').run(broken);
    const bytes = readFileSync(broken);
    bytes.fill(0x55, 4096, 8192); // overwrite a page
    writeFileSync(broken, bytes);
    expect(checkIntegrity(broken).ok).toBe(false);
    const zst = join(dir, 'visit-ledger-20260101T000000000-manual.db.zst');
    t.ok('backups.create', {}); // the folder exists, with its SHA256SUMS
    const sum = zstdFile(broken, zst, ZSTD);
    appendFileSync(join(dir, 'SHA256SUMS'), `${sum}  ${basename(zst)}\n`);
    expect(t.ok('backups.list', {}).rows.find((r) => r.path === zst)).toMatchObject({ checksum: 'verified' });
    const before = snapshot(t.core);
    const e = t.err('backups.restore', { file: zst });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/file: .*not a sound database/);
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('the backups folder', () => {
  it('stays within twice the database: the oldest go first, the newest two always stay', () => {
    const t = populated();
    // Ten plain backups of an earlier version, each the size of the database.
    const old = Array.from({ length: 10 }, (_, i) => legacyBackup(t, `2026010${(i % 9) + 1}T0${i}0000000`));
    const b = t.ok('backups.create', {});
    const dir = dirname(b.path);
    const left = readdirSync(dir).filter((f) => f !== 'SHA256SUMS');
    const total = left.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(2 * dbBytes(t));
    expect(left).toContain(basename(b.path));
    const newestOld = [...old].sort().at(-1)!;
    expect(left).toContain(basename(newestOld));
    expect(left.length).toBeLessThan(old.length);
    // Removed files lose their checksums too.
    expect([...sums(dir).keys()].sort()).toEqual(left.sort());
  });

  it('rotates zstd, gzip and plain backups together, by age and within the budget', () => {
    const t = populated();
    const plain = [1, 2, 3, 4].map((d) => legacyBackup(t, `2026010${d}T000000000`));
    const gzipped = [5, 6, 7, 8].map((d) => legacyBackup(t, `2026010${d}T000000000`, 'gzip'));
    const zstd: string[] = [];
    for (let i = 0; i < 12; i++) {
      t.clock.ms += 60_000;
      zstd.push(t.ok('backups.create', {}).path);
    }
    expect(zstd.every((p) => p.endsWith('.db.zst'))).toBe(true);
    const dir = backupsDirFor(t.path);
    const left = readdirSync(dir).filter((f) => f !== 'SHA256SUMS');
    // Every file left is a backup the folder lists, with its checksum; the removed lose theirs.
    expect(
      t
        .ok('backups.list', {})
        .rows.map((r) => r.file)
        .sort(),
    ).toEqual([...left].sort());
    expect([...sums(dir).keys()].sort()).toEqual([...left].sort());
    const total = left.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(2 * dbBytes(t));
    // The newest two stay; of twelve taken today the two oldest go (the newest ten are kept);
    // yesterday's gzip backup is the next day back; the plain one of 1 January is no tier's.
    expect(left).toEqual(expect.arrayContaining(zstd.slice(-2).map((p) => basename(p))));
    expect(left).not.toContain(basename(zstd[0]!));
    expect(left).not.toContain(basename(zstd[1]!));
    expect(left).toContain(basename(gzipped.at(-1)!));
    expect(left).not.toContain(basename(plain[0]!));
  });

  it('removes what a backup cut short left behind, once no one has written to it for an hour', () => {
    const t = populated();
    const dir = backupsDirFor(t.path);
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, 'visit-ledger-20260101T000000000-daily.db.partial');
    const fresh = join(dir, 'visit-ledger-20260102T000000000-daily.db.zst.partial');
    writeFileSync(stale, 'cut short');
    writeFileSync(fresh, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    t.ok('backups.create', {});
    expect(readdirSync(dir)).not.toContain(basename(stale));
    expect(readdirSync(dir)).toContain(basename(fresh));
  });

  it('within its budget keeps the newest two, then one a day, a week and a month in turn, then the rest', () => {
    const at = (day: number, hour = 0) =>
      `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const b = (day: number, bytes: number) => ({ file: `d${day}`, at: at(day), bytes });
    const now = Date.parse(at(20, 12));
    // Four today, one on each of five days before: today's third and fourth go first.
    const today = [8, 9, 10, 11].map((h) => ({ file: `t${h}`, at: at(20, h), bytes: 10 }));
    const days = [15, 16, 17, 18, 19].map((d) => b(d, 10));
    const kept = (budget: number) => [...backupsWithinBudget([...today, ...days], budget, now)].sort();
    expect(kept(90)).toEqual(['d15', 'd16', 'd17', 'd18', 'd19', 't10', 't11', 't9', 't8'].sort());
    expect(kept(80)).toEqual(['d15', 'd16', 'd17', 'd18', 'd19', 't10', 't11', 't9'].sort());
    expect(kept(70)).toEqual(['d15', 'd16', 'd17', 'd18', 'd19', 't10', 't11'].sort());
    // Yesterday, then last week's (15 November is a Sunday), then the day before yesterday.
    expect(kept(50)).toEqual(['d15', 'd18', 'd19', 't10', 't11'].sort());
    expect(kept(0)).toEqual(['t10', 't11']);
    expect([...backupsWithinBudget([b(1, 10), b(2, 10), b(3, 10)], 30, now)].sort()).toEqual([
      'd1',
      'd2',
      'd3',
    ]);
    expect([...backupsWithinBudget([b(1, 10), b(2, 10), b(3, 10)], 25, now)].sort()).toEqual(['d2', 'd3']);
    expect([...backupsWithinBudget([b(3, 10), b(1, 5), b(2, 10)], 12, now)].sort()).toEqual(['d2', 'd3']);
    // A year of one backup a day, room for seven: they reach back months, not a week.
    const year = Array.from({ length: 365 }, (_, i) => ({
      file: `y${i}`,
      at: new Date(now - i * 24 * 3600_000).toISOString(),
      bytes: 10,
    }));
    const ages = [...backupsWithinBudget(year, 70, now)].map((f) => Number(f.slice(1))).sort((x, y) => x - y);
    expect(ages).toHaveLength(7);
    expect(ages.slice(0, 2)).toEqual([0, 1]);
    expect(ages.at(-1)).toBeGreaterThanOrEqual(50);
    // A backup from the clock running fast is not one of the newest two.
    const future = { file: 'future', at: '2027-01-01T00:00:00.000Z', bytes: 10 };
    expect([...backupsWithinBudget([b(1, 10), b(2, 10), future], 20, now)].sort()).toEqual(['d1', 'd2']);
  });
});

describe('a zstd file', () => {
  it('larger than a frame gives back every byte, read by this module or any zstd reader', () => {
    const dir = tempDir();
    // 10 MiB: repeated text and random bytes, over several frames.
    const text = Buffer.from('专家 13800000000 走访记录 '.repeat(40000)).subarray(0, 1 << 20);
    const bytes = Buffer.concat(Array.from({ length: 10 }, (_, i) => (i % 2 ? randomBytes(1 << 20) : text)));
    const src = join(dir, 'src');
    writeFileSync(src, bytes);
    const zst = join(dir, 'src.zst');
    expect(zstdFile(src, zst, ZSTD)).toBe(sha256(readFileSync(zst)));
    unzstdFile(zst, { file: join(dir, 'out') });
    expect(readFileSync(join(dir, 'out')).equals(bytes)).toBe(true);
    expect(zstdDecompressSync(readFileSync(zst)).equals(bytes)).toBe(true);
    // Compared with the file it was made from (as a backup is checked when taken): the same,
    // and not the same once that file has a byte changed, one less or one more.
    unzstdFile(zst, { sameAs: src });
    const changed = Buffer.from(bytes);
    changed[changed.length - 5]! ^= 1;
    for (const other of [changed, bytes.subarray(0, -1), Buffer.concat([bytes, Buffer.from([0])])]) {
      writeFileSync(join(dir, 'other'), other);
      expect(() => unzstdFile(zst, { sameAs: join(dir, 'other') })).toThrow(/does not give back/);
    }
    // Cut inside its second frame, it is refused.
    const cut = join(dir, 'cut.zst');
    writeFileSync(cut, readFileSync(zst).subarray(0, statSync(zst).size >> 1));
    expect(() => unzstdFile(cut, null)).toThrow(/truncated|damaged/);
  });

  it('whose frame ends on a 16 KiB boundary of the encoder’s output gives back every byte', () => {
    // Node's encoder, given a frame that fills its output buffer exactly, asked for more and
    // got an empty frame (content size 0), which the reader refused: a sync import's backup
    // failed on it (CI seed 20261203). Random bytes of these sizes make a frame of 16,384.
    const dir = tempDir();
    for (let n = 16_360; n <= 16_380; n++) {
      const bytes = randomBytes(n);
      writeFileSync(join(dir, `${n}`), bytes);
      zstdFile(join(dir, `${n}`), join(dir, `${n}.zst`), ZSTD);
      unzstdFile(join(dir, `${n}.zst`), { sameAs: join(dir, `${n}`) });
      const zst = readFileSync(join(dir, `${n}.zst`));
      expect(zstdDecompressSync(zst).equals(bytes)).toBe(true);
      expect(zst.indexOf(ZSTD_MAGIC, 4), 'one frame, no empty one after it').toBe(-1);
    }
  });

  it('reads an empty frame, valid zstd, as nothing, and refuses one whose checksum is altered', () => {
    const dir = tempDir();
    const params = {
      [constants.ZSTD_c_checksumFlag]: 1,
      [constants.ZSTD_c_contentSizeFlag]: 1,
    };
    const [a, b] = [Buffer.from('走访'.repeat(1000)), randomBytes(5000)];
    const empty = zstdCompressSync(Buffer.alloc(0), { params });
    const file = join(dir, 'with-empty.zst');
    writeFileSync(
      file,
      Buffer.concat([zstdCompressSync(a, { params }), empty, zstdCompressSync(b, { params })]),
    );
    unzstdFile(file, { file: join(dir, 'out') });
    expect(readFileSync(join(dir, 'out')).equals(Buffer.concat([a, b]))).toBe(true);
    const altered = Buffer.from(empty);
    altered[altered.length - 1]! ^= 1;
    writeFileSync(join(dir, 'altered.zst'), Buffer.concat([zstdCompressSync(a, { params }), altered]));
    expect(() => unzstdFile(join(dir, 'altered.zst'), null)).toThrow(/damaged/);
  });
});
