import type { Core } from '../../core';
import { requireLive } from '../../core';
import { DELETE_KNOWLEDGE, KINDS, allColumns, fromSql } from '../../store/schema';
import type { RecordKind } from '@shared/contract/methods';
import { parseHlc } from '@shared/domain/hlc';
import { MODELS, memberOf, type ModelName } from '@shared/model';
import { unitNamesOf } from '../units/service';

// Who changed what and when, for any record, read from the change log — including
// changes that arrived by sync (they keep their origin device and staff member).

interface ChangeRow {
  hlc: string;
  device: string;
  deviceName: string | null;
  staff: string | null;
  staffName: string | null;
  field: string;
  value: unknown;
}

/**
 * A demand's events that are no edit of its fields (a unit's reply, 催办, an extension decision,
 * 督办…), as rows of field `history` stamped when the event was written. Moves are left out:
 * they show as the status they changed.
 */
function historyEvents(core: Core, demandId: string): ChangeRow[] {
  const events = core.store.db
    .prepare(
      `SELECT c."hlc", c."device", d."name" AS deviceName, c."staff", s."name" AS staffName,
              h."type", h."note", json_extract(h."data", '$.unitId') AS unitId, u."name" AS unitName
       FROM demand_history h
       JOIN changes c ON c."tbl" = 'demand_history' AND c."rowId" = h."id" AND c."field" = 'createdAt'
       LEFT JOIN devices d ON d."id" = c."device" LEFT JOIN staff s ON s."id" = c."staff"
       LEFT JOIN units u ON u."id" = json_extract(h."data", '$.unitId')
       WHERE h."demandId" = ? AND h."deletedAt" IS NULL AND h."type" IS NOT NULL AND h."type" <> 'transition'`,
    )
    .all(demandId) as (Omit<ChangeRow, 'field' | 'value'> & {
    type: string;
    note: string | null;
    unitId: string | null;
    unitName: string | null;
  })[];
  return events.map(({ type, note, unitId, unitName, ...change }) => ({
    ...change,
    field: 'history',
    value: { type, note, unitId, unitName },
  }));
}

/** The fields of a kind that hold unit ids (a demand's lead and co units). */
function unitFields(kind: RecordKind): Set<string> {
  if (!Object.hasOwn(MODELS, kind)) return new Set();
  const model = MODELS[kind as ModelName];
  return new Set(
    Object.keys(model.fields).filter((f) => {
      const def = memberOf(model, f);
      return !!def && 'ref' in def && def.ref === 'units';
    }),
  );
}

/** The unit ids the changes' values hold (a list of units is stored as JSON text). */
function unitIdsOf(kind: RecordKind, rows: { field: string; value: unknown }[]): string[] {
  const fields = unitFields(kind);
  return rows.flatMap((r) => {
    if (!fields.has(r.field) || typeof r.value !== 'string' || !r.value) return [];
    const value: unknown = r.value.startsWith('[') ? JSON.parse(r.value) : r.value;
    return (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === 'string');
  });
}

export function recordAudit(core: Core, input: { kind: RecordKind; id: string }) {
  const kind = input.kind;
  const table = KINDS[kind].table;
  const record = core.store.db.prepare(`SELECT "id" FROM "${table}" WHERE "id" = ?`).get(input.id);
  if (!record) requireLive(core, kind, input.id);
  const columns = allColumns(kind);
  const rows = core.store.db
    .prepare(
      `SELECT c."hlc", c."device", d."name" AS deviceName, c."staff", s."name" AS staffName, c."field", c."value"
       FROM changes c LEFT JOIN devices d ON d."id" = c."device" LEFT JOIN staff s ON s."id" = c."staff"
       WHERE c."tbl" = ? AND c."rowId" = ? AND c."field" <> '${DELETE_KNOWLEDGE}' ORDER BY c."hlc" DESC LIMIT 2000`,
    )
    .all(table, input.id) as ChangeRow[];
  const all = kind === 'demands' ? [...rows, ...historyEvents(core, input.id)] : rows;
  all.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
  return {
    // What the history shows instead of the ids of lead and co units.
    unitNames: Object.fromEntries(unitNamesOf(core, unitIdsOf(kind, rows))),
    rows: all.map((r) => ({
      at: new Date(parseHlc(r.hlc).ms).toISOString(),
      device: r.device,
      deviceName: r.deviceName,
      staffId: r.staff,
      staffName: r.staffName,
      field: r.field,
      value: r.field !== 'history' && columns[r.field] ? fromSql(columns[r.field]!, r.value) : r.value,
    })),
  };
}
