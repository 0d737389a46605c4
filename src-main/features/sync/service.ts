import { msg } from '@shared/messages';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { newId } from '../../store/ids';
import type { Core } from '../../core';
import { nowIso } from '../../core';
import { schemaVersion } from '../../store/db';
import { logReader, newestStamp } from '../../store/changeLog';
import { backupStore } from '../backups/service';
import { isHlc, parseHlc } from '@shared/domain/hlc';
import { invalid } from '@shared/contract/errors';
import { anomaly, applySteps, type Anomaly, type ApplyReport } from './merge';
import { quarantineCount, releaseDue } from './quarantine';
import { transactionSteps, type Steps } from '../../infra/steps';
import { decodeSteps, FileWriter, LINE_CHANGES, type DecodedFile, type WireChange } from './package';
import { requireTeam, currentTeam } from './team';
import { checkDeviceCodes } from './deviceCodes';
import { orphanCount } from './orphans';
import { duplicateStaffCount, followMergedMe } from '../staff/duplicates';

// Export and import of sync files: the only way data moves between laptops.

const LAST_EXPORT_SEQ = 'lastExportSeq';
const LAST_EXPORT_AT = 'lastExportAt';
/** The folder this laptop last synced through (sync.folder), offered again on the Sync screen. */
export const SYNC_FOLDER = 'syncFolder';

export function pendingChangeCount(core: Core): number {
  const since = Number(core.store.getMeta(LAST_EXPORT_SEQ) ?? 0);
  // Rows of the change log are never deleted, so seq (a rowid) has no gaps: the count is a
  // difference of two numbers instead of a count over millions of rows.
  const last = core.store.db.prepare(`SELECT max("seq") AS n FROM change_log`).get() as { n: number | null };
  return Math.max(0, (last.n ?? 0) - since);
}

/** Up to this many changes waiting, sync.status also says which records they touch. */
export const PENDING_DETAIL_MAX = 20_000;

/**
 * What the next export holds, per table: how many records changed and how many changes.
 * Null when more changes wait than PENDING_DETAIL_MAX (the count alone is cheap; this is not).
 */
function pendingByKind(
  core: Core,
  pending: number,
): Record<string, { records: number; changes: number }> | null {
  if (pending > PENDING_DETAIL_MAX) return null;
  const since = Number(core.store.getMeta(LAST_EXPORT_SEQ) ?? 0);
  const rows = core.store.db
    .prepare(
      `SELECT "tbl" AS t, count(DISTINCT "rowId") AS records, count(*) AS changes FROM changes WHERE "seq" > ? GROUP BY 1 ORDER BY 2 DESC, 1`,
    )
    .all(since) as { t: string; records: number; changes: number }[];
  return Object.fromEntries(rows.map((r) => [r.t, { records: r.records, changes: r.changes }]));
}

export interface ExportResult {
  fileName: string;
  path: string | null;
  /** The file itself when no path was given (the web mode downloads it). */
  contentBase64: string | null;
  bytes: number;
  changeCount: number;
  full: boolean;
}

export interface ExportInput {
  full?: boolean;
  path?: string;
  dir?: string;
}

/**
 * Everything since my last export (or everything), as one sealed file. The log is read a line
 * of the file at a time (by seq, which has no gaps, up to the newest change when the export
 * began), so neither the rows nor the file's text are ever held whole.
 */
export function* exportSteps(core: Core, input: ExportInput): Steps<ExportResult> {
  const { store } = core;
  const team = requireTeam(store);
  const full = input.full ?? false;
  const since = full ? 0 : Number(store.getMeta(LAST_EXPORT_SEQ) ?? 0);
  const newest = (store.db.prepare(`SELECT max("seq") FROM change_log`).pluck().get() as number | null) ?? 0;
  const total = Math.max(0, newest - since);
  const log = logReader(store.db);
  const writer = new FileWriter(team);
  const clockRange: Record<string, { from: string; to: string; count: number }> = {};
  let lastSeq = since;
  let count = 0;
  yield { phase: 'exporting', done: 0, total };
  for (;;) {
    const rows = log.range(lastSeq, newest, LINE_CHANGES);
    if (!rows.length) break;
    writer.add(
      rows.map(({ change }) => {
        const [hlc, device] = change;
        const range = clockRange[device];
        if (!range) clockRange[device] = { from: hlc, to: hlc, count: 1 };
        else {
          if (hlc < range.from) range.from = hlc;
          if (hlc > range.to) range.to = hlc;
          range.count += 1;
        }
        return change as WireChange;
      }),
    );
    count += rows.length;
    lastSeq = rows[rows.length - 1]!.seq;
    yield { phase: 'exporting', done: count, total };
  }
  yield { phase: 'sealing', done: 0, total: 0 };
  const exportedAt = nowIso(core);
  const file = writer.finish({
    schemaVersion: schemaVersion(store.db),
    origin: { id: store.device.id, name: store.device.name },
    exportedAt,
    full,
    changeCount: count,
    clockRange,
  });
  const fileName = `${store.device.code}-${exportedAt.replace(/[-:]/g, '').replace(/\..*$/, '')}-${since + 1}-${lastSeq}${full ? '-full' : ''}.vlsync`;
  const path = input.path ?? (input.dir ? join(input.dir, fileName) : null);
  if (path) writeAtomically(path, file);
  store.db.transaction(() => {
    // Only forward: another export may have ended while this one ran (calls run between steps).
    if (lastSeq > Number(store.getMeta(LAST_EXPORT_SEQ) ?? 0))
      store.setMeta(LAST_EXPORT_SEQ, String(lastSeq));
    store.setMeta(LAST_EXPORT_AT, exportedAt);
  })();
  return {
    fileName,
    path,
    contentBase64: path ? null : file.toString('base64'),
    bytes: file.length,
    changeCount: count,
    full,
  };
}

/** Written under a temporary name and renamed when complete, so no one reads half a file. */
export function writeAtomically(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.partial`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export interface ImportReport extends ApplyReport {
  id: string;
  at: string;
  fileName: string | null;
  origin: { id: string; name: string };
  exportedAt: string;
  duplicateEnterprises: number;
  duplicateStaff: number;
  orphans: number;
  backup: string | null;
}

export function readSyncInput(input: { path?: string; contentBase64?: string; fileName?: string }): {
  bytes: Buffer;
  fileName: string | null;
} {
  if (input.path) {
    try {
      return { bytes: readFileSync(input.path), fileName: basename(input.path) };
    } catch (e) {
      throw invalid('path', msg('sync.unreadable', { detail: (e as Error).message }));
    }
  }
  if (input.contentBase64 !== undefined)
    // The name the file had where the user picked it (a browser upload), for the history.
    return { bytes: Buffer.from(input.contentBase64, 'base64'), fileName: input.fileName?.trim() || null };
  throw invalid('path', msg('sync.giveFile'));
}

export interface ImportInput {
  bytes: Buffer;
  fileName: string | null;
  confirmMassDelete?: boolean;
  /** The bytes already decoded by the caller (the sync folder checks each file first). */
  decoded?: DecodedFile;
}

/**
 * Imports one sync file: refuses anything unreadable before touching the database, takes
 * a backup, then applies every change in one transaction and records the report.
 * Runs outside the handler's transaction (a backup cannot run inside one). Steps: checking
 * the file, the backup, then the changes applied.
 */
export function* importSteps(core: Core, input: ImportInput): Steps<ImportReport> {
  const { store } = core;
  const team = requireTeam(store);
  yield { phase: 'checking', done: 0, total: 0 };
  // Refuses a damaged, foreign or newer file (format or schema) before anything is written.
  const decoded = input.decoded ?? (yield* decodeSteps(team, input.bytes));
  const { manifest } = decoded;
  const changes = upgradeChanges(manifest.schemaVersion, decoded.changes);
  yield { phase: 'backup', done: 0, total: 0 };
  const backup = backupStore(core, 'before-sync-import')?.path ?? null;
  const at = nowIso(core);
  return yield* transactionSteps(store.db, function* () {
    store.capturing = false;
    try {
      // Changes held for being far ahead that time has caught up with are applied with these.
      const due = releaseDue(store);
      const applied = yield* applySteps(store, due.length ? [...due, ...changes] : changes, {
        confirmMassDelete: input.confirmMassDelete ?? false,
        sender: manifest.origin,
      });
      applied.anomalies.push(...checkDeviceCodes(store, changes));
      followMergedMe(core);
      const skipped = malformedStampsAnomaly(decoded.malformedStamps);
      const report: ImportReport = {
        ...applied,
        anomalies: skipped ? [skipped, ...applied.anomalies] : applied.anomalies,
        id: newId(),
        at,
        fileName: input.fileName,
        origin: manifest.origin,
        exportedAt: manifest.exportedAt,
        duplicateEnterprises: duplicateUsccCount(core),
        duplicateStaff: duplicateStaffCount(core),
        orphans: orphanCount(core),
        backup,
      };
      store.db
        .prepare(
          `INSERT INTO sync_imports ("id","at","fileName","fileSha256","originDevice","originName","report") VALUES (?,?,?,?,?,?,?)`,
        )
        .run(
          report.id,
          at,
          input.fileName,
          decoded.sha256,
          manifest.origin.id,
          manifest.origin.name,
          JSON.stringify(report),
        );
      return report;
    } finally {
      store.capturing = true;
    }
  });
}

/** Changes whose stamps no clock of this app writes are skipped alone; the report says which. */
function malformedStampsAnomaly(positions: number[]): Anomaly | null {
  if (!positions.length) return null;
  const shown = positions.slice(0, 10).join(', ');
  const more = positions.length > 10 ? ` and ${positions.length - 10} more` : '';
  const one = positions.length === 1;
  return anomaly(
    'malformed_stamp',
    msg('anomaly.malformedStamp', {
      what: one ? 'change' : 'changes',
      positions: shown,
      more,
      verb: one ? 'carries' : 'carry',
      was: one ? 'was' : 'were',
    }),
  );
}

/** The schema that brought the change log's prevHlc (migration 002_sync). */
const PREV_HLC_SCHEMA = 2;

/**
 * Files of schema 1 carry no prevHlc: each change would look as if its writer knew nothing,
 * and every edit would be reported as a conflict with the value before it. A device knows
 * its own earlier changes, so a change without prevHlc gets the stamp of the same device's
 * previous change of that field in the file: a lower bound of what it knew, which never
 * hides a real conflict. Newer files pass unchanged.
 */
export function upgradeChanges(schemaVersion: number, changes: WireChange[]): WireChange[] {
  if (schemaVersion >= PREV_HLC_SCHEMA) return changes;
  const order = changes.map((_, i) => i).sort((a, b) => (changes[a]![0] < changes[b]![0] ? -1 : 1));
  const previous = new Map<string, string>();
  const out = [...changes];
  for (const i of order) {
    const c = changes[i]!;
    const key = `${c[1]}\u0000${c[3]}\u0000${c[4]}\u0000${c[5]}`;
    const before = previous.get(key);
    if (c[7] === null && before !== undefined) out[i] = [c[0], c[1], c[2], c[3], c[4], c[5], c[6], before];
    previous.set(key, c[0]);
  }
  return out;
}

function duplicateUsccCount(core: Core): number {
  return (
    core.store.db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT "uscc" FROM enterprises WHERE "deletedAt" IS NULL AND "uscc" IS NOT NULL GROUP BY "uscc" HAVING count(*) > 1)`,
      )
      .get() as { n: number }
  ).n;
}

export function syncStatus(core: Core) {
  const { store } = core;
  const team = currentTeam(store);
  const pending = pendingChangeCount(core);
  const imports = (
    store.db.prepare(`SELECT "report" FROM sync_imports ORDER BY "at" DESC LIMIT 100`).all() as {
      report: string;
    }[]
  ).map((r) => JSON.parse(r.report) as ImportReport);
  const devices = store.db
    .prepare(
      `SELECT d."id", d."name", d."code",
         (SELECT o."lastHlc" FROM change_origins o WHERE o."device" = d."id") AS lastHlc
       FROM devices d WHERE d."deletedAt" IS NULL ORDER BY d."name"`,
    )
    .all() as { id: string; name: string; code: string; lastHlc: string | null }[];
  const newest = newestStamp(store.db);
  // A log may hold a stamp of an impossible shape from before imports refused them.
  const msOf = (stamp: string | null) => (stamp && isHlc(stamp) ? parseHlc(stamp).ms : null);
  const newestMs = msOf(newest);
  return {
    team: team ? { id: team.id, name: team.name } : null,
    teamCode: store.getMeta('teamCode'),
    device: store.device,
    pendingChanges: pending,
    pendingByKind: pendingByKind(core, pending),
    lastExportAt: store.getMeta(LAST_EXPORT_AT),
    folder: store.getMeta(SYNC_FOLDER),
    imports,
    devices: devices.map((d) => {
      const last = msOf(d.lastHlc);
      return {
        ...d,
        isMe: d.id === store.device.id,
        lastChangeAt: last === null ? null : new Date(last).toISOString(),
      };
    }),
    openConflicts: (
      store.db.prepare(`SELECT count(*) AS n FROM conflicts WHERE "resolvedAt" IS NULL`).get() as {
        n: number;
      }
    ).n,
    duplicateEnterprises: duplicateUsccCount(core),
    orphans: orphanCount(core),
    quarantined: quarantineCount(store),
    /** Set when this machine's clock is behind the newest change it has seen. */
    clockBehind:
      newestMs !== null && newestMs > store.now() + 60_000
        ? { newestSeen: new Date(newestMs).toISOString(), now: new Date(store.now()).toISOString() }
        : null,
  };
}
