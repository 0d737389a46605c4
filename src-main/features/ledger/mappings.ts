// Column mappings: the automatic one, corrected by the user, and saved under a name for the
// next file of the same shape (same header signature). Saved mappings are this device's
// settings (table ledger_mappings, migration 004): not records, not synced.
import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { nowIso } from '../../core';
import { ApiError, invalid } from '@shared/contract/errors';
import { KIND_DEFS, fieldLabel, type FieldKey } from './fields';
import { headerSignature, sameHeader, type ColumnMatch } from './headers';
import { columnIndex, columnLetter, type ImportKind } from '@shared/ledger/types';

/** field → the header text of its column (or its 0-based index, or a column letter); null unmaps it. */
export type MappingInput = Record<string, string | number | null>;

export interface SavedMapping {
  name: string;
  kind: ImportKind;
  signature: string;
  headers: string[];
  /** field → header text */
  mapping: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  name: string;
  kind: string;
  signature: string;
  headers: string;
  mapping: string;
  createdAt: string;
  updatedAt: string;
}

const toSaved = (r: Row): SavedMapping => ({
  name: r.name,
  kind: r.kind as ImportKind,
  signature: r.signature,
  headers: JSON.parse(r.headers) as string[],
  mapping: JSON.parse(r.mapping) as Record<string, string>,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function listMappings(core: Core, input: { kind?: ImportKind | undefined }): { rows: SavedMapping[] } {
  const rows = core.store.db
    .prepare(`SELECT * FROM ledger_mappings WHERE ? IS NULL OR "kind" = ? ORDER BY "name"`)
    .all(input.kind ?? null, input.kind ?? null) as Row[];
  return { rows: rows.map(toSaved) };
}

export function getMapping(core: Core, name: string, field = 'savedMappingName'): SavedMapping {
  const row = core.store.db.prepare(`SELECT * FROM ledger_mappings WHERE "name" = ?`).get(name) as
    Row | undefined;
  if (!row) throw new ApiError('NOT_FOUND', msg('ledger.noMapping', { name }), { field, name });
  return toSaved(row);
}

/** Every header text of the saved mappings: words that help find the header row of files like theirs. */
export function savedHeaderWords(core: Core): string[] {
  const rows = core.store.db.prepare(`SELECT "headers" FROM ledger_mappings`).all() as { headers: string }[];
  return [...new Set(rows.flatMap((r) => JSON.parse(r.headers) as string[]))];
}

/** The most recently saved mapping for files of this shape (and kind, when known). */
export function findMapping(core: Core, signature: string, kind: ImportKind | null): SavedMapping | null {
  const row = core.store.db
    .prepare(
      `SELECT * FROM ledger_mappings WHERE "signature" = ? AND (? IS NULL OR "kind" = ?) ORDER BY "updatedAt" DESC, "name" LIMIT 1`,
    )
    .get(signature, kind, kind) as Row | undefined;
  return row ? toSaved(row) : null;
}

function columnOf(headers: string[], target: string | number, path: string): number {
  if (typeof target === 'number') {
    if (target >= headers.length)
      throw invalid(path, msg('ledger.columnBeyond', { col: target, last: headers.length - 1 }));
    return target;
  }
  const byHeader = headers.findIndex((h) => sameHeader(h, target));
  if (byHeader >= 0) return byHeader;
  const byLetter = columnIndex(target.trim().toUpperCase());
  if (byLetter !== null && byLetter < headers.length) return byLetter;
  throw invalid(path, msg('ledger.noColumn', { target, columns: headers.filter(Boolean).join(', ') }));
}

function checkField(kind: ImportKind, field: string, path: string): FieldKey {
  const fields = KIND_DEFS[kind].fields as string[];
  if (!fields.includes(field)) {
    throw invalid(path, msg('ledger.notAField', { field, kind, fields: fields.join(', ') }));
  }
  return field as FieldKey;
}

export function saveMapping(
  core: Core,
  input: { name: string; kind: ImportKind; headers: string[]; mapping: MappingInput },
): SavedMapping {
  const mapping: Record<string, string> = {};
  for (const [field, target] of Object.entries(input.mapping)) {
    const path = `mapping.${field}`;
    checkField(input.kind, field, path);
    if (target === null) continue;
    const col = columnOf(input.headers, target, path);
    const header = input.headers[col] ?? '';
    if (!header.trim()) throw invalid(path, msg('ledger.noHeaderText', { col: columnLetter(col) }));
    mapping[field] = header;
  }
  if (!Object.keys(mapping).length) throw invalid('mapping', msg('ledger.mapsNothing'));
  const at = nowIso(core);
  const existing = core.store.db
    .prepare(`SELECT "createdAt" FROM ledger_mappings WHERE "name" = ?`)
    .get(input.name) as { createdAt: string } | undefined;
  core.store.db
    .prepare(
      `INSERT INTO ledger_mappings ("name","kind","signature","headers","mapping","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)
       ON CONFLICT("name") DO UPDATE SET "kind" = excluded."kind", "signature" = excluded."signature",
         "headers" = excluded."headers", "mapping" = excluded."mapping", "updatedAt" = excluded."updatedAt"`,
    )
    .run(
      input.name,
      input.kind,
      headerSignature(input.headers),
      JSON.stringify(input.headers),
      JSON.stringify(mapping),
      existing?.createdAt ?? at,
      at,
    );
  return getMapping(core, input.name, 'name');
}

export function deleteMapping(core: Core, input: { name: string }): { name: string; deleted: boolean } {
  const r = core.store.db.prepare(`DELETE FROM ledger_mappings WHERE "name" = ?`).run(input.name);
  if (!r.changes)
    throw new ApiError('NOT_FOUND', msg('ledger.noMapping', { name: input.name }), { field: 'name' });
  return { name: input.name, deleted: true };
}

/** The automatic matches, replaced by a saved mapping if one applies, then corrected by the user's. */
export function resolveColumns(
  headers: string[],
  kind: ImportKind,
  auto: ColumnMatch[],
  saved: SavedMapping | null,
  user: MappingInput | undefined,
): ColumnMatch[] {
  let out: ColumnMatch[] = auto;
  if (saved) {
    out = [];
    for (const [field, header] of Object.entries(saved.mapping)) {
      if (!(KIND_DEFS[kind].fields as string[]).includes(field)) continue;
      const column = headers.findIndex((h) => sameHeader(h, header));
      if (column >= 0 && !out.some((m) => m.column === column)) {
        out.push({
          field: field as FieldKey,
          column,
          header: headers[column]!,
          confidence: 1,
          source: 'saved',
        });
      }
    }
  }
  for (const [field, target] of Object.entries(user ?? {})) {
    const path = `mapping.${field}`;
    const key = checkField(kind, field, path);
    out = out.filter((m) => m.field !== key);
    if (target === null) continue;
    const column = columnOf(headers, target, path);
    out = out.filter((m) => m.column !== column);
    out.push({ field: key, column, header: headers[column] ?? '', confidence: 1, source: 'user' });
  }
  return [...out].sort((a, b) => a.column - b.column);
}

/** Required fields with no column: [{ fields, label }]. */
export function missingRequired(
  kind: ImportKind,
  columns: ColumnMatch[],
): { fields: FieldKey[]; label: string }[] {
  const mapped = new Set(columns.map((c) => c.field));
  const def = KIND_DEFS[kind];
  const groups = [...def.required, ...def.requiredColumns.map((f) => [f])];
  return groups
    .filter((g) => !g.some((f) => mapped.has(f)))
    .map((fields) => ({ fields, label: fields.map(fieldLabel).join(' 或 ') }));
}
