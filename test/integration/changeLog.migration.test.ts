import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import type { Core } from '../../src-main/core';
import { exportSteps } from '../../src-main/features/sync/service';
import { decodeFile } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { runSteps } from '../../src-main/infra/steps';
import { schemaVersion } from '../../src-main/store/db';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import {
  changeByStamp,
  changeLogWriter,
  logReader,
  newestStamp,
  type LogChange,
} from '../../src-main/store/changeLog';
import { downgradeTo, makeCore, tempDir } from '../helpers';
import { demoDistrictAt, SEED_TEST_DISTRICT } from '../district';
import { demandIn } from './fixtures';
import { audits, lastSeq } from './logAudits';

// Migration 15 stores the change log compactly. A database whose log is in the old table gives
// the same audit trail (logAudits.ts) and the same full export once converted.

const PASS = 'correct horse battery staple';
const COMPACT_LOG = 15;

/** A full export as its reader sees it (the sealed bytes differ by their random nonce). */
function fullExport(core: Core) {
  const { contentBase64 } = runSteps(exportSteps(core, { full: true }));
  const { manifest, changes, malformedStamps } = decodeFile(
    requireTeam(core.store),
    Buffer.from(contentBase64!, 'base64'),
  );
  const { exportedAt: _at, schemaVersion: _v, ...rest } = manifest;
  return { manifest: rest, changes, malformedStamps };
}

/** The log's changes in seq order, in the columns of a sync file. */
const logRows = (core: Core) =>
  core.store.db
    .prepare(
      `SELECT "hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "seq"`,
    )
    .raw(true)
    .all();

describe('migration 15: the compact change log', () => {
  it('gives the same audit answers and the same full export as the log it converts', () => {
    // The demo district (seeded once in the run, test/district.ts), which then joins a team.
    const path = join(tempDir(), 'a.db');
    demoDistrictAt(path, SEED_TEST_DISTRICT);
    const a = makeCore({ path, now: SEED_TEST_DISTRICT.now });
    const b = makeCore({ now: SEED_TEST_DISTRICT.now });
    const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    const seeded = lastSeq(a.core);

    // Edits, deletes and demand moves here; records, edits and a delete from a second laptop.
    const enterprise = a.ok('enterprises.list', { limit: 2 }).rows;
    a.ok('enterprises.update', { id: enterprise[0]!.id, name: '改名的企业' });
    const expert = a.ok('experts.list', { limit: 1 }).rows[0]!;
    a.ok('experts.delete', { id: expert.id });
    demandIn(a, 'closed');
    demandIn(a, 'in_progress');
    b.ok('sync.import', { contentBase64: a.ok('sync.export', {}).contentBase64! });
    b.clock.ms = a.clock.ms + 60_000;
    b.ok('experts.create', { name: '林教授' });
    b.ok('enterprises.update', { id: enterprise[1]!.id, name: '另一台电脑改的名' });
    const visit = b.ok('visits.list', { limit: 1 }).rows[0]!;
    b.ok('visits.delete', { id: visit.id });
    a.ok('sync.import', { contentBase64: b.ok('sync.export', {}).contentBase64! });

    // Compared at the schema that brought the compact log: later migrations add fields of their
    // own. Its changes as its view shows them (this version's export reads the log in runs,
    // migration 24; changeRuns.migration.test.ts compares exports across that one).
    downgradeTo(a.core, COMPACT_LOG);
    const compact = { audits: audits(a.core, seeded), changes: logRows(a.core) };
    downgradeTo(a.core, COMPACT_LOG - 1);
    expect(
      a.core.store.db.prepare(`SELECT "type" FROM sqlite_master WHERE "name" = 'changes'`).pluck().get(),
    ).toBe('table');
    // The old log: today's audit reads `changes` as it always did; an export of it was its rows
    // in seq order.
    const before = {
      audits: audits(a.core, seeded),
      changes: logRows(a.core),
    };
    expect(before.audits).toEqual(compact.audits);
    expect(before.changes).toEqual(compact.changes);
    a.core.store.close();

    const again = openCore(path, { now: a.clock.now });
    try {
      expect(schemaVersion(again.store.db)).toBe(SCHEMA_VERSION);
      expect(again.store.db.prepare(`SELECT count(*) FROM change_log`).pluck().get()).toBe(
        before.changes.length,
      );
      const after = { audits: audits(again, seeded), exported: fullExport(again) };
      expect(Object.keys(after.audits).length).toBeGreaterThan(700);
      expect(after.audits).toEqual(before.audits);
      expect(after.exported.changes).toEqual(before.changes);
    } finally {
      again.store.close();
    }
  }, 600_000);

  it('keeps every stamp exactly, odd ones too, whether the view or an import writes it', () => {
    const path = join(tempDir(), 'odd.db');
    const t = makeCore({ path });
    downgradeTo(t.core, COMPACT_LOG - 1);
    const odd: LogChange[] = [
      ['999999999999999-zzzzz-Node_with-dashes', 'd1', null, 'experts', 'x1', 'name', 'a', null],
      ['000000000000000-00000-n', 'd1', 's1', 'experts', 'x1', 'title', 1.5, 'not a stamp'],
      ['not a stamp either', 'd2', 's1', 'experts', 'x2', 'name', null, '001733270000000-0000a-n'],
      ['001733270000000-0000a-n', 'd2', null, 'visits', 'v1', 'summary', Buffer.from('bytes'), null],
    ];
    const insert = t.core.store.db.prepare(
      `INSERT INTO changes ("hlc","device","staff","tbl","rowId","field","value","prevHlc") VALUES (?,?,?,?,?,?,?,?)`,
    );
    for (const c of odd) insert.run(c);
    const rows = (core: Core) =>
      core.store.db
        .prepare(
          `SELECT "seq","hlc","device","staff","tbl","rowId","field","value","prevHlc" FROM changes ORDER BY "seq"`,
        )
        .raw(true)
        .all();
    const before = rows(t.core);
    const newest = t.core.store.db.prepare(`SELECT max("hlc") FROM changes`).pluck().get();
    t.core.store.close();

    const again = openCore(path, { now: t.clock.now });
    try {
      expect(rows(again)).toEqual(before);
      const db = again.store.db;
      expect(newestStamp(db)).toBe(newest);
      for (const c of odd) expect(changeByStamp(db)(c[0])).toEqual(c);
      // The same changes appended by an import (in JS) read the same as through the view.
      const reader = logReader(db);
      db.prepare(`DELETE FROM changes WHERE "device" IN ('d1', 'd2')`).run();
      const size = db.prepare(`SELECT max("seq") FROM change_log`).pluck().get() as number;
      const log = changeLogWriter(db);
      expect(odd.map((c) => log.add(c))).toEqual([true, true, true, true]);
      expect(log.add(odd[0]!)).toBe(false);
      const appended = reader.range(size, Number.MAX_SAFE_INTEGER, 100).map((r) => r.change);
      expect(appended).toEqual(odd);
      expect(
        rows(again)
          .slice(-odd.length)
          .map((r) => (r as unknown[]).slice(1)),
      ).toEqual(odd);
    } finally {
      again.store.close();
    }
  });
});
