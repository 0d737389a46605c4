import type { Core } from '../../core';
import { requireLive } from '../../core';
import { DELETE_KNOWLEDGE, KINDS, allColumns, fromSql } from '../../store/schema';
import type { RecordKind } from '@shared/contract/methods';
import { parseHlc } from '@shared/domain/hlc';

// Who changed what and when, for any record, read from the change log — including
// changes that arrived by sync (they keep their origin device and staff member).

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
    .all(table, input.id) as {
    hlc: string;
    device: string;
    deviceName: string | null;
    staff: string | null;
    staffName: string | null;
    field: string;
    value: unknown;
  }[];
  return {
    rows: rows.map((r) => ({
      at: new Date(parseHlc(r.hlc).ms).toISOString(),
      device: r.device,
      deviceName: r.deviceName,
      staffId: r.staff,
      staffName: r.staffName,
      field: r.field,
      value: columns[r.field] ? fromSql(columns[r.field]!, r.value) : r.value,
    })),
  };
}
