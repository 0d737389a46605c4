import { describe, expect, it } from 'vitest';
import {
  decodeFile,
  decodeSteps,
  encodeFile,
  FORMAT_VERSION,
  LINE_CHANGES,
  MAGIC,
  type WireChange,
} from '../../src-main/features/sync/package';
import { generateWork } from './sync-workload';
import { requireTeam } from '../../src-main/features/sync/team';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { formatHlc } from '@shared/domain/hlc';
import { makeCore, snapshot, type TestCore } from '../helpers';

// Files from other versions of the app: a newer one is refused, with the reason and a
// message that tells the user what to do, before anything is written; an older one (schema
// 1, whose changes carry no prevHlc) is upgraded on the way in.

const PASS = 'correct horse battery staple';

function pair(): { a: TestCore; b: TestCore } {
  const a = makeCore();
  const b = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  return { a, b };
}

const manifestOf = (t: TestCore, schemaVersion: number, changes: WireChange[]) => ({
  schemaVersion,
  origin: { id: t.core.store.device.id, name: t.core.store.device.name },
  exportedAt: new Date(t.clock.ms).toISOString(),
  full: true,
  changeCount: changes.length,
  clockRange: {},
});

/** a's whole change log as it would travel. */
function changesOf(t: TestCore): WireChange[] {
  return (
    t.core.store.db
      .prepare(
        `SELECT "hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "seq"`,
      )
      .raw(true)
      .all() as WireChange[]
  ).map((c) => [...c] as WireChange);
}

const b64 = (b: Buffer) => b.toString('base64');

describe('sync files from other versions', () => {
  it('refuses a file from a newer schema, telling the user to update, and changes nothing', () => {
    const { a, b } = pair();
    a.ok('experts.create', { name: '陈教授' });
    const changes = changesOf(a);
    // A newer schema may also bring fields this app has never heard of.
    changes.push([
      changes[0]![0].replace(/-[0-9a-z]{5}-/, '-zzzzz-'),
      a.core.store.device.id,
      null,
      'experts',
      'x1',
      'orcid',
      '0000-0001',
      null,
    ]);
    const file = encodeFile(requireTeam(a.core.store), manifestOf(a, SCHEMA_VERSION + 1, changes), changes);
    b.ok('experts.create', { name: '林研究员' });
    const before = snapshot(b.core);
    const e = b.err('sync.import', { contentBase64: b64(file) });
    expect(e.code).toBe('VALIDATION');
    expect(e.details.reason).toBe('newer_schema');
    expect(e.message).toMatch(/newer version of Visit Ledger/);
    expect(e.message).toMatch(/update the app/);
    expect(snapshot(b.core)).toEqual(before);
  });

  it('refuses a file in a newer format (header or container version) and changes nothing', () => {
    const { a, b } = pair();
    a.ok('experts.create', { name: '陈教授' });
    const changes = changesOf(a);
    const team = requireTeam(a.core.store);
    const newer = encodeFile(team, manifestOf(a, SCHEMA_VERSION, changes), changes, {
      formatVersion: FORMAT_VERSION + 1,
    });
    // A later container: the version bytes at the end of the magic number go up.
    const container = encodeFile(team, manifestOf(a, SCHEMA_VERSION, changes), changes);
    container.writeUInt16BE(MAGIC.readUInt16BE(MAGIC.length - 2) + 1, MAGIC.length - 2);
    const before = snapshot(b.core);
    for (const file of [newer, container]) {
      const e = b.err('sync.import', { contentBase64: b64(file) });
      expect(e.details.reason).toBe('newer_format');
      expect(e.message).toMatch(/update the app/);
    }
    expect(snapshot(b.core)).toEqual(before);
    // The same content in the current format imports.
    const current = encodeFile(team, manifestOf(a, SCHEMA_VERSION, changes), changes);
    expect(b.ok('sync.import', { contentBase64: b64(current) }).newChanges).toBe(changes.length);
  });

  it("imports a file from schema 1 (no prevHlc), upgraded: a laptop's successive edits are no conflict, other laptops' still are", () => {
    const { b } = pair();
    const old = '01900000-0000-7000-8000-00000000a001';
    const other = '01900000-0000-7000-8000-00000000b002';
    const at = Date.parse('2026-10-01T09:00:00+08:00');
    const stamp = (minutes: number, node: string) =>
      formatHlc({ ms: at + minutes * 60_000, counter: 0, node });
    const id = '01900000-0000-7000-8000-0000000e0001';
    const c = (minutes: number, node: string, field: string, value: string | number | null): WireChange => [
      stamp(minutes, node),
      node,
      null,
      'experts',
      id,
      field,
      value,
      null,
    ];
    const changes: WireChange[] = [
      c(0, old, 'name', '陈教授'),
      c(0.5, old, 'organization', '福州大学'),
      c(0.7, old, 'createdAt', new Date(at).toISOString()),
      c(10, old, 'name', '陈教授（福大）'), // the old laptop's own later edit
      c(20, old, 'organization', '福州大学机械学院'),
      c(15, other, 'organization', '厦门大学'), // another laptop, unaware of the 20-minute edit
    ];
    const team = requireTeam(b.core.store);
    const file = encodeFile(
      team,
      {
        schemaVersion: 1,
        origin: { id: old, name: 'old-laptop' },
        exportedAt: new Date(at + 3600_000).toISOString(),
        full: true,
        changeCount: changes.length,
        clockRange: {},
      },
      changes,
      // The apps of schema 1 wrote format 1 (one JSON body).
      { formatVersion: 1 },
    );
    const report = b.ok('sync.import', { contentBase64: b64(file) });
    expect(report.newChanges).toBe(changes.length);
    const expert = b.ok('experts.get', { id });
    expect(expert.name).toBe('陈教授（福大）');
    expect(expert.organization).toBe('福州大学机械学院');
    // Upgraded: each of the old laptop's edits knew its own previous value of the field.
    const prev = (minutes: number, node: string) =>
      (
        b.core.store.db
          .prepare(`SELECT "prevHlc" FROM changes WHERE "hlc" = ?`)
          .get(stamp(minutes, node)) as { prevHlc: string | null }
      ).prevHlc;
    expect(prev(10, old)).toBe(stamp(0, old));
    expect(prev(20, old)).toBe(stamp(0.5, old));
    expect(prev(15, other)).toBeNull();
    // Edits by different laptops are still weighed against each other. Without the upgrade
    // the old laptop's rename would be a third "conflict", with its own earlier name.
    const rows = b.ok('conflicts.list', {}).rows;
    expect(report.conflicts).toBe(2);
    expect(rows.map((r) => r.field)).toEqual(['organization', 'organization']);
    expect(rows.map((r) => r.loser.value).sort()).toEqual(['厦门大学', '福州大学'].sort());
  });

  it('reads formats 1 (one JSON body) and 2 (lines of changes) as it reads format 3, each of many lines', () => {
    const { a, b } = pair();
    generateWork(a.core, 2 * LINE_CHANGES + 500, 'MF');
    const changes = changesOf(a);
    const team = requireTeam(a.core.store);
    const manifest = manifestOf(a, SCHEMA_VERSION, changes);
    const v1 = encodeFile(team, manifest, changes, { formatVersion: 1 });
    const v2 = encodeFile(team, manifest, changes, { formatVersion: 2 });
    const v3 = Buffer.from(a.ok('sync.export', { full: true }).contentBase64!, 'base64');

    // Formats 2 and 3 are read a line at a time: three lines of changes here, told as read.
    for (const [file, format] of [
      [v2, 2],
      [v3, 3],
    ] as const) {
      const steps = decodeSteps(team, file);
      const told: number[] = [];
      let r = steps.next();
      for (; !r.done; r = steps.next()) told.push(r.value.done);
      expect(told).toHaveLength(3);
      expect(told).toEqual([...told].sort((x, y) => x - y));
      expect(r.value.changes).toEqual(changes);
      expect(r.value.manifest.formatVersion).toBe(format);
    }
    expect(FORMAT_VERSION).toBe(3);
    expect(decodeFile(team, v1).changes).toEqual(changes);
    // Format 3 names each device, staff member, table, record and field once per line.
    expect(v3.length).toBeLessThan(v2.length);

    const counts = (t: TestCore) =>
      t.core.store.db
        .prepare(`SELECT "tbl", count(*) AS n FROM changes WHERE "device" <> ? GROUP BY 1 ORDER BY 1`)
        .all(t.core.store.device.id);
    const others = [makeCore(), makeCore()];
    for (const t of others) t.ok('sync.team.join', { code: a.ok('sync.status').teamCode!, passphrase: PASS });
    for (const [t, file] of [
      [b, v1],
      [others[0]!, v2],
      [others[1]!, v3],
    ] as const) {
      expect(t.ok('sync.import', { contentBase64: b64(file) }).newChanges).toBe(changes.length);
      expect(counts(t)).toEqual(counts(b));
      expect(t.ok('visits.list', {}).total).toBe(a.ok('visits.list', {}).total);
    }
  });
});
