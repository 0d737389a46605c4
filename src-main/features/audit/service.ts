import type { Core } from '../../core';
import { requireLive } from '../../core';
import { DELETE_KNOWLEDGE, KINDS, allColumns, fromSql } from '../../store/schema';
import type { RecordKind } from '@shared/contract/methods';
import { parseHlc } from '@shared/domain/hlc';

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

/** What each kind of record a change can point at is called by: its name, title or number. */
const LABELS = {
  staff: '"name"',
  enterprises: '"name"',
  experts: '"name"',
  units: '"name"',
  visits: `coalesce("visitNo", "date")`,
  demands: '"title"',
  clinics: '"topic"',
  activities: '"title"',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids a stored value holds: itself, a list's items, an object's values (JSON text or not). */
function idsIn(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (UUID.test(value)) out.add(value);
    else if (value.startsWith('[') || value.startsWith('{')) {
      try {
        idsIn(JSON.parse(value), out);
      } catch {
        /* text that only looks like JSON */
      }
    }
  } else if (Array.isArray(value)) value.forEach((v) => idsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => idsIn(v, out));
}

/**
 * The names of the records the changes point at (a visit's enterprise, a follow-up's demand, a
 * clinic's enterprises, a demand's units), deleted ones included: the history shows names, not ids.
 */
function namesOf(core: Core, rows: { value: unknown }[], self: string): Record<string, string> {
  const ids = new Set<string>();
  for (const r of rows) idsIn(r.value, ids);
  ids.delete(self);
  const wanted = [...ids];
  const names: Record<string, string> = {};
  if (!wanted.length) return names;
  // A database read at an earlier schema (a migration's check) may not have every kind yet.
  const tables = new Set(
    core.store.db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'table'`).pluck().all(),
  );
  for (const [kind, label] of Object.entries(LABELS)) {
    if (!tables.has(KINDS[kind as keyof typeof LABELS].table)) continue;
    for (let i = 0; i < wanted.length; i += 500) {
      const part = wanted.slice(i, i + 500);
      const found = core.store.db
        .prepare(
          `SELECT "id", ${label} AS label FROM "${KINDS[kind as keyof typeof LABELS].table}"
           WHERE "id" IN (${part.map(() => '?').join(',')})`,
        )
        .all(...part) as { id: string; label: string | null }[];
      for (const r of found) if (r.label) names[r.id] = r.label;
    }
  }
  return names;
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
    // What the history shows instead of the ids of the records the values point at.
    names: namesOf(core, all, input.id),
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
