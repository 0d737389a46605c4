// The change history of one record, from audit.record's rows (newest first): each change with
// the value it replaced, grouped into the saves that made them. Pure.
import type { MethodOutput } from '@shared/contract/contract';

export type AuditRow = MethodOutput<'audit.record'>['rows'][number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditSave {
  at: string;
  device: string;
  deviceName: string | null;
  staffId: string | null;
  staffName: string | null;
  /** What this save was as a whole: creating the record, deleting it, undoing a delete, or edits. */
  event: 'created' | 'deleted' | 'restored' | 'edited';
  changes: FieldChange[];
}

/** Rows of a demand's events (a unit's reply, 催办…): each is new, it replaces nothing. */
export const EVENT_FIELD = 'history';

/** Rows are newest first; the value a change replaced is the next older change of that field. */
export function auditSaves(rows: readonly AuditRow[]): AuditSave[] {
  const saves: AuditSave[] = [];
  rows.forEach((row, i) => {
    let before: unknown = null;
    for (let j = i + 1; j < rows.length && row.field !== EVENT_FIELD; j++) {
      if (rows[j]!.field === row.field) {
        before = rows[j]!.value;
        break;
      }
    }
    const last = saves[saves.length - 1];
    const same =
      last !== undefined && last.at === row.at && last.device === row.device && last.staffId === row.staffId;
    const save: AuditSave = same
      ? last!
      : {
          at: row.at,
          device: row.device,
          deviceName: row.deviceName,
          staffId: row.staffId,
          staffName: row.staffName,
          event: 'edited',
          changes: [],
        };
    if (!same) saves.push(save);
    if (row.field === 'createdAt') save.event = 'created';
    else if (row.field === 'deletedAt') save.event = row.value ? 'deleted' : 'restored';
    else save.changes.push({ field: row.field, before, after: row.value });
  });
  for (const s of saves) s.changes.reverse();
  return saves;
}
