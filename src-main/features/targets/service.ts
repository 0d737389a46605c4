import { v5 as uuidv5 } from 'uuid';
import { type Core, nowIso, requireSupervisor } from '../../core';
import type { Store } from '../../store/db';
import { getRow, insertRecord, updateRecord } from '../../store/records';
import type { Target } from '@shared/contract/targets';
import { TARGET_KEYS, isTargetKey, type TargetKey } from '@shared/reports/targets';

// The bureau's annual targets (shared/DOMAIN.md, "Targets"): one synced record per year and
// key, its id derived from both, so the same target set on two laptops is one record after
// sync (merged field by field) rather than two. Supervisors set and delete them; anyone reads.

const NAMESPACE = '5f0c9a1e-7d3b-4c62-8e4f-2a6b1d9c0e73';
export const targetId = (year: number, key: string): string => uuidv5(`target|${year}|${key}`, NAMESPACE);

interface TargetRow {
  year: number;
  key: string;
  value: number;
  updatedAt: string;
  updatedByStaff: string | null;
}

const ORDER = new Map<string, number>(TARGET_KEYS.map((k, i) => [k, i]));

/** A year's live targets, in the order of TARGET_KEYS. */
export function targetsOf(store: Store, year: number): Target[] {
  const rows = store.db
    .prepare(
      `SELECT "year", "key", "value", "updatedAt", "updatedByStaff" FROM targets
        WHERE "year" = ? AND "deletedAt" IS NULL AND "value" IS NOT NULL`,
    )
    .all(year) as TargetRow[];
  // A key this version does not know (written by a newer one) is kept, not shown.
  return rows.filter((r) => isTargetKey(r.key)).sort((a, b) => ORDER.get(a.key)! - ORDER.get(b.key)!);
}

export const listTargets = (core: Core, { year }: { year: number }) => ({
  year,
  rows: targetsOf(core.store, year),
});

export function setTarget(core: Core, input: { year: number; key: TargetKey; value: number }): Target {
  requireSupervisor(core, 'act.targets', 'value');
  const id = targetId(input.year, input.key);
  const row = getRow(core.store, 'targets', id);
  const values = { year: input.year, key: input.key, value: input.value };
  if (!row) insertRecord(core.store, 'targets', values, id);
  else updateRecord(core.store, 'targets', id, { ...values, ...(row.deletedAt ? { deletedAt: null } : {}) });
  return targetsOf(core.store, input.year).find((t) => t.key === input.key)!;
}

/** Removes a year's target for a key; deleting one that is not set changes nothing. */
export function deleteTarget(core: Core, input: { year: number; key: TargetKey }) {
  requireSupervisor(core, 'act.targets', 'key');
  const id = targetId(input.year, input.key);
  const row = getRow(core.store, 'targets', id);
  const live = !!row && !row.deletedAt;
  if (live) updateRecord(core.store, 'targets', id, { deletedAt: nowIso(core) });
  return { year: input.year, key: input.key, deleted: live };
}
