import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { decodeFile, decodeSteps, encodeFile, type Manifest } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { newIv, seal, TAG_BYTES } from '../../src-main/features/sync/crypto';
import { MAGIC } from '../../src-main/features/sync/package';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { makeCore, tempDir, type TestCore } from '../helpers';
import { cli } from '../cli';

// The smaller promises of issue 13: bounded decompression, confirming a mass delete from the
// command line (and a refused folder import still exporting), team messages that tell two
// teams of one name apart, and no conflict between equal values.

const PASS = 'correct horse battery staple';

function pair(): { a: TestCore; b: TestCore } {
  const a = makeCore();
  const b = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  return { a, b };
}

function ship(from: TestCore, to: TestCore) {
  return to.ok('sync.import', { contentBase64: from.ok('sync.export', {}).contentBase64! });
}

/**
 * A gzip member that expands to `mib` MiB of spaces, a few hundred KB on disk: one MiB
 * deflated once and repeated (each block ends byte-aligned by a sync flush), then an empty
 * last block; header and trailer as gzip writes them, so it is a valid gzip stream.
 */
function gzipBomb(mib: number): { member: Buffer; sha256: string } {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
  const hash = createHash('sha256');
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    hash.update(chunk);
    crc = crc32(chunk, crc);
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((mib * (1 << 20)) % 2 ** 32, 4);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const member = Buffer.concat([
    header,
    ...Array<Buffer>(mib).fill(block),
    deflateRawSync(Buffer.alloc(0)),
    trailer,
  ]);
  return { member, sha256: hash.digest('hex') };
}

/** A sync file sealed as package.ts seals one: its manifest, then the given gzip members. */
function sealedFile(t: TestCore, manifest: Omit<Manifest, 'formatVersion'>, members: Buffer[]): Buffer {
  const team = requireTeam(t.core.store);
  const head = gzipSync(Buffer.from(`${JSON.stringify({ ...manifest, formatVersion: 3 })}\n`));
  const body = Buffer.concat([head, ...members]);
  const iv = newIv();
  const header = Buffer.from(
    JSON.stringify({
      format: 3,
      team: team.id,
      teamName: team.name,
      iv: iv.toString('base64'),
      length: body.length + TAG_BYTES,
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const prefix = Buffer.concat([MAGIC, length, header]);
  return Buffer.concat([prefix, seal(team.key, iv, body, prefix)]);
}

describe('bounded decompression', () => {
  it('refuses as damaged a line that expands past the limit', () => {
    const { a } = pair();
    const { member, sha256 } = gzipBomb(300);
    expect(member.length).toBeLessThan(1 << 20);
    const file = sealedFile(
      a,
      {
        schemaVersion: SCHEMA_VERSION,
        origin: { id: a.core.store.device.id, name: 'x' },
        exportedAt: new Date(a.clock.ms).toISOString(),
        full: false,
        changeCount: 1,
        clockRange: {},
        contentSha256: sha256,
      },
      [member],
    );
    const before = process.memoryUsage().rss;
    let error: unknown;
    try {
      decodeFile(requireTeam(a.core.store), file);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'damaged' } });
    expect((error as Error).message).toMatch(/damaged.*expands/);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * (1 << 20));
  });

  it('writes changes with long texts over several lines, so that every file it writes reads back', () => {
    const { a, b } = pair();
    const team = requireTeam(a.core.store);
    const node = a.core.store.device.id;
    const long = '长'.repeat(20_000); // 120 KB a change once escaped: 18 MB in all
    const changes = Array.from({ length: 150 }, (_, i) => [
      `${String(a.clock.ms).padStart(15, '0')}-${i.toString(36).padStart(5, '0')}-${node}`,
      node,
      null,
      'experts',
      `0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`,
      'name',
      long,
      null,
    ]) as Parameters<typeof encodeFile>[2];
    const file = encodeFile(
      team,
      {
        schemaVersion: SCHEMA_VERSION,
        origin: { id: node, name: 'x' },
        exportedAt: new Date(a.clock.ms).toISOString(),
        full: false,
        changeCount: changes.length,
        clockRange: {},
      },
      changes,
    );
    const reading = decodeSteps(requireTeam(b.core.store), file);
    let lines = 0;
    let step = reading.next();
    for (; !step.done; step = reading.next())
      if (step.value.phase === 'checking' && step.value.total) lines += 1;
    expect(lines).toBeGreaterThan(1);
    expect(step.value.changes).toEqual(changes);
  });
});

describe('a folder sync refused for a mass delete', () => {
  function deletedSix() {
    const { a, b } = pair();
    const dir = tempDir();
    const ids = Array.from({ length: 6 }, (_, i) => a.ok('experts.create', { name: `专家${i}` }).id);
    a.ok('sync.folder', { path: dir });
    b.ok('sync.folder', { path: dir });
    for (const id of ids) a.ok('experts.delete', { id });
    a.ok('sync.folder', { path: dir });
    return { a, b, dir };
  }

  it("still exports this laptop's changes, and says so", () => {
    const { a, b, dir } = deletedSix();
    b.ok('experts.create', { name: '乙新增的专家' });
    const mine = () => readdirSync(dir).filter((n) => n.startsWith(b.core.store.device.code));
    const before = mine().length;
    const err = b.err('sync.folder', { path: dir });
    expect(err.details.reason).toBe('mass_delete');
    expect(err.details.exported).toMatchObject({ changeCount: expect.any(Number) });
    expect(mine()).toHaveLength(before + 1);
    a.ok('sync.folder', { path: dir });
    expect(a.ok('experts.list').rows.map((e) => e.name)).toContain('乙新增的专家');
  });

  it('is confirmed on the command line with --confirm-mass-delete', async () => {
    const { b, dir } = deletedSix();
    const path = b.path;
    b.core.store.close();
    const refused = await cli(['--db', path, 'sync', 'folder', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('mass_delete');
    const done = await cli(['--db', path, 'sync', 'folder', dir, '--confirm-mass-delete']);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const core = openCore(path);
    try {
      const list = call(core, 'experts.list', {});
      expect(list.ok && (list.result as { total: number }).total).toBe(0);
    } finally {
      core.store.close();
    }
  }, 120_000);
});

describe('team messages', () => {
  it('tell apart two teams of the same name by when their codes were made', () => {
    const a = makeCore();
    const b = makeCore();
    a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    b.clock.advanceDays(30);
    b.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    a.ok('experts.create', { name: '陈教授' });
    const err = b.err('sync.import', { contentBase64: a.ok('sync.export', {}).contentBase64! });
    expect(err.details.reason).toBe('wrong_team');
    const [, theirs, ours] =
      /another team \('高新区科技局', (.+)\), not to this laptop's team \('高新区科技局', (.+)\)$/.exec(
        err.message,
      ) ?? [];
    expect(theirs, err.message).toBeTruthy();
    expect(ours, err.message).toBeTruthy();
    expect(theirs).not.toBe(ours);
  });
});

describe('equal values', () => {
  it('two laptops writing the same value concurrently is no conflict', () => {
    const { a, b } = pair();
    const e = a.ok('experts.create', { name: '陈教授' });
    ship(a, b);
    a.ok('experts.update', { id: e.id, title: '研究员' });
    b.ok('experts.update', { id: e.id, title: '研究员' });
    ship(a, b);
    ship(b, a);
    for (const t of [a, b]) {
      expect(t.ok('experts.get', { id: e.id }).title).toBe('研究员');
      expect(t.ok('conflicts.list', {}).rows).toEqual([]);
    }
  });
});
