import { join } from 'node:path';
import type { Core } from '../../src-main/core';
import { KINDS } from '../../src-main/store/schema';
import { RECORD_KINDS } from '@shared/contract/methods';
import { recordAudit } from '../../src-main/features/audit/service';
import { exportSteps } from '../../src-main/features/sync/service';
import { decodeFile } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { runSteps } from '../../src-main/infra/steps';
import { copyDatabaseFile, makeCore, tempDir, type TestCore } from '../helpers';
import { cachedDatabase, demoDistrictAt, SEED_TEST_DISTRICT } from '../district';
import { demandIn } from './fixtures';

// What the change-log migration tests share: the log they convert (the demo district edited on
// two laptops), and what they compare before and after converting it. Their full exports
// compare every change; the audit trail, the log read record by record, is compared on every
// record the test itself changed and on a sample of the rest of every kind.

const PASS = 'correct horse battery staple';

/**
 * The demo district (seeded once in the run, test/district.ts) at `a`, joined in a team by `b`:
 * edits, deletes and demand moves on `a`, records, edits and a delete from `b`, exchanged both
 * ways. `seeded` is the log's last seq before the edits. Made once in the run too (the
 * exchanges take seconds); each call gets its own copy of `a`, its clock where the edits left it.
 */
export function editedDistrict(): { a: TestCore; path: string; seeded: number } {
  const { file, made } = cachedDatabase(['edited', SEED_TEST_DISTRICT], editDistrict);
  const path = join(tempDir(), 'a.db');
  copyDatabaseFile(file, path);
  const a = makeCore({ path, now: new Date(made.clockMs).toISOString(), asItIs: true });
  return { a, path, seeded: made.seeded };
}

/** Makes the edited district at `path` (editedDistrict), closed; returns its last seq before the edits and its clock. */
function editDistrict(path: string): { seeded: number; clockMs: number } {
  demoDistrictAt(path, SEED_TEST_DISTRICT);
  const a = makeCore({ path, now: SEED_TEST_DISTRICT.now });
  const b = makeCore({ now: SEED_TEST_DISTRICT.now });
  const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  const seeded = lastSeq(a.core);
  const enterprise = a.ok('enterprises.list', { limit: 2 }).rows;
  a.ok('enterprises.update', { id: enterprise[0]!.id, name: '改名的企业' });
  a.ok('experts.delete', { id: a.ok('experts.list', { limit: 1 }).rows[0]!.id });
  demandIn(a, 'closed');
  demandIn(a, 'in_progress');
  b.ok('sync.import', { contentBase64: a.ok('sync.export', {}).contentBase64! });
  b.clock.ms = a.clock.ms + 60_000;
  b.ok('experts.create', { name: '林教授' });
  b.ok('enterprises.update', { id: enterprise[1]!.id, name: '另一台电脑改的名' });
  b.ok('visits.delete', { id: b.ok('visits.list', { limit: 1 }).rows[0]!.id });
  a.ok('sync.import', { contentBase64: b.ok('sync.export', {}).contentBase64! });
  a.core.store.close(); // checkpoints the WAL: one file
  b.core.store.close();
  return { seeded, clockMs: a.clock.ms };
}

/** A full export as its reader sees it (the sealed bytes differ by their random nonce). */
export function fullExport(core: Core) {
  const { contentBase64 } = runSteps(exportSteps(core, { full: true }));
  const { manifest, changes, malformedStamps } = decodeFile(
    requireTeam(core.store),
    Buffer.from(contentBase64!, 'base64'),
  );
  const { exportedAt: _at, schemaVersion: _v, ...rest } = manifest;
  return { manifest: rest, changes, malformedStamps };
}

/** Of the records the test did not change, every SAMPLEth in id order. */
const SAMPLE = 8;

/** The newest seq of the log: records changed after it are all audited. */
export const lastSeq = (core: Core): number =>
  core.store.db.prepare(`SELECT coalesce(max("seq"), 0) FROM changes`).pluck().get() as number;

/** Audit trails by kind and id, of the kinds the schema the log is at has. */
export function audits(core: Core, changedAfterSeq: number): Record<string, unknown> {
  const { db } = core.store;
  const tables = new Set(db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table'`).pluck().all());
  const changed = new Set(
    db.prepare(`SELECT DISTINCT "rowId" FROM changes WHERE "seq" > ?`).pluck().all(changedAfterSeq),
  );
  const out: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) {
    if (!tables.has(KINDS[kind].table)) continue;
    const ids = db.prepare(`SELECT "id" FROM "${KINDS[kind].table}" ORDER BY "id"`).pluck().all() as string[];
    ids.forEach((id, i) => {
      if (i % SAMPLE === 0 || changed.has(id)) out[`${kind}/${id}`] = recordAudit(core, { kind, id });
    });
  }
  return out;
}
