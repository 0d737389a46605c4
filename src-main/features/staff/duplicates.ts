import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { requireLive } from '../../core';
import { getRow, preparedOn, updateRecord } from '../../store/records';
import { KIND_NAMES, KINDS, q, type KindName } from '../../store/schema';
import { MODELS, type FieldDef } from '@shared/model';
import { invalid } from '@shared/contract/errors';
import type { Staff } from '@shared/contract/schemas';
import { replayDemands } from '../demands/replay';
import { getStaff } from './service';

// Staff members are people, not devices (shared/DOMAIN.md, "staff"): when a laptop joins a
// team, the same person recorded on both (same name, same phone) is offered for merging, as
// duplicate enterprises are (sync/duplicates.ts). The merge is ordinary changes, so it syncs:
// every record naming the copy is pointed at the survivor, and the copy is deleted with
// `mergedInto` set, so a laptop whose user it was follows it (followMergedMe).

/** How a field names a staff member: its value, an entry of its JSON list, or a key of its JSON object. */
type Shape = { t: 'id' } | { t: 'ids' } | { t: 'key'; key: string };

interface StaffRef {
  kind: KindName;
  field: string;
  shape: Shape;
}

/** Every field of every kind that names a staff member, read from the models' `ref` and `refIn` marks. */
export const STAFF_REFS: readonly StaffRef[] = KIND_NAMES.flatMap((kind) =>
  Object.entries(MODELS[kind].fields as Record<string, FieldDef>).flatMap(([field, def]): StaffRef[] => {
    if (kind === 'staff') return [];
    const out: StaffRef[] = [];
    if (def.ref === 'staff') out.push({ kind, field, shape: { t: def.sql === 'json' ? 'ids' : 'id' } });
    for (const [key, k] of Object.entries(def.refIn ?? {}))
      if (k === 'staff') out.push({ kind, field, shape: { t: 'key', key } });
    return out;
  }),
);

function namingSql(ref: StaffRef): string {
  const table = q(KINDS[ref.kind].table);
  const col = `t.${q(ref.field)}`;
  const where =
    ref.shape.t === 'id'
      ? `${col} = ?`
      : ref.shape.t === 'ids'
        ? `EXISTS (SELECT 1 FROM json_each(${col}) j WHERE j.value = ?)`
        : `json_extract(${col}, '$.${ref.shape.key}') = ?`;
  // Deleted records too: one restored later names the survivor.
  return `SELECT t."id" AS id FROM ${table} t WHERE ${where}`;
}

function repointed(ref: StaffRef, value: unknown, from: string, to: string): unknown {
  switch (ref.shape.t) {
    case 'id':
      return to;
    case 'ids': {
      const ids = value as string[];
      return ids.includes(to) ? ids.filter((x) => x !== from) : ids.map((x) => (x === from ? to : x));
    }
    case 'key':
      return { ...(value as Record<string, unknown>), [ref.shape.key]: to };
  }
}

/** Name and phone as compared: spaces and case aside, the phone's digits only. */
const SAME_PERSON_KEY = `lower(trim("name")) || char(31) || replace(replace(replace(replace(trim("phone"), '-', ''), ' ', ''), '(', ''), ')', '')`;

export function listStaffDuplicates(core: Core): {
  groups: { name: string; phone: string; staff: Staff[] }[];
} {
  const groups = core.store.db
    .prepare(
      `SELECT min(trim("name")) AS name, min(trim("phone")) AS phone, json_group_array("id") AS ids
       FROM (SELECT * FROM staff ORDER BY "createdAt", "id")
       WHERE "deletedAt" IS NULL AND trim(coalesce("phone", '')) <> '' AND trim(coalesce("name", '')) <> ''
       GROUP BY ${SAME_PERSON_KEY} HAVING count(*) > 1 ORDER BY 1`,
    )
    .all() as { name: string; phone: string; ids: string }[];
  return {
    groups: groups.map((g) => ({
      name: g.name,
      phone: g.phone,
      staff: (JSON.parse(g.ids) as string[]).map((id) => getStaff(core, id)),
    })),
  };
}

/** The number of groups listStaffDuplicates would list, for the sync reports. */
export function duplicateStaffCount(core: Core): number {
  return listStaffDuplicates(core).groups.length;
}

export function mergeStaff(core: Core, input: { keepId: string; mergeIds: string[] }) {
  const keep = requireLive(core, 'staff', input.keepId, 'keepId');
  const { store } = core;
  const moved: Record<string, number> = {};
  const demandsTouched = new Set<string>();
  const filled: Record<string, unknown> = {};
  // All checked before anything is written, so a refusal leaves this laptop's user as it was.
  const others = input.mergeIds.map((id, i) => {
    if (id === input.keepId) throw invalid(`mergeIds.${i}`, msg('staff.mergeSelf'));
    return requireLive(core, 'staff', id, `mergeIds.${i}`);
  });
  for (const other of others) {
    const { id } = other;
    const touched = new Map<KindName, Set<string>>();
    for (const ref of STAFF_REFS) {
      const rows = preparedOn(store.db, namingSql(ref)).all(id) as { id: string }[];
      for (const { id: rowId } of rows) {
        const row = getRow(store, ref.kind, rowId) as Record<string, unknown>;
        updateRecord(store, ref.kind, rowId, {
          [ref.field]: repointed(ref, row[ref.field], id, input.keepId),
        });
        if (!touched.has(ref.kind)) touched.set(ref.kind, new Set());
        touched.get(ref.kind)!.add(rowId);
        if (ref.kind === 'demandHistory') demandsTouched.add(String(row.demandId));
      }
    }
    for (const [kind, ids] of touched) moved[kind] = (moved[kind] ?? 0) + ids.size;
    // What the survivor lacks, the copy may know.
    for (const f of ['phone', 'position'] as const) if (!keep[f] && other[f]) filled[f] ??= other[f];
    // The survivor first, then the delete (as for enterprises: see sync/lostToDeletes.ts).
    updateRecord(store, 'staff', id, { mergedInto: input.keepId });
    updateRecord(store, 'staff', id, { deletedAt: new Date(store.now()).toISOString() });
  }
  if (Object.keys(filled).length) updateRecord(store, 'staff', input.keepId, filled);
  // A demand's supervision and pending extension are its history's: replayed, they agree.
  replayDemands(store, [...demandsTouched], 'local');
  followMergedMe(core);
  return { kept: getStaff(core, input.keepId), moved };
}

function setMe(core: Core, staffId: string): void {
  core.store.setMeta('meStaffId', staffId);
  core.store.actor = { ...core.store.actor, staffId };
}

/** After an import: when this laptop's user was merged away on another laptop, its user is the survivor. */
export function followMergedMe(core: Core): void {
  let id = core.store.actor.staffId;
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const row = getRow(core.store, 'staff', id);
    if (!row?.deletedAt || !row.mergedInto) break;
    id = row.mergedInto;
  }
  const survivor = id ? getRow(core.store, 'staff', id) : null;
  if (id && id !== core.store.actor.staffId && survivor && !survivor.deletedAt) setMe(core, id);
}
