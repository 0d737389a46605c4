import type { Core } from '../../src-main/core';
import { KINDS } from '../../src-main/store/schema';
import { RECORD_KINDS } from '@shared/contract/methods';
import { recordAudit } from '../../src-main/features/audit/service';

// The audit answers the change-log migration tests compare before and after converting a log.
// Their full exports compare every change; the audit trail, the log read record by record, is
// compared on every record the test itself changed and on a sample of the rest of every kind.

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
