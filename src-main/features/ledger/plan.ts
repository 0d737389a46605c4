// What a file holds, before anything is imported: the sheet, its header row, the kind of
// rows and the column mapping (automatic, saved or the user's).
import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { invalid } from '@shared/contract/errors';
import {
  autoMapping,
  columnQuestions,
  detectKind,
  findLayout,
  headerSignature,
  kindScore,
  sideBySide,
  type ColumnMatch,
  type ColumnQuestion,
  type Layout,
} from './headers';
import {
  findMapping,
  getMapping,
  missingRequired,
  resolveColumns,
  savedHeaderWords,
  type MappingInput,
} from './mappings';
import type { FieldKey } from './fields';
import {
  IMPORT_KINDS,
  columnLetter,
  type ImportKind,
  type SheetData,
  type SourceFile,
} from '@shared/ledger/types';

export interface PlanOptions {
  kind?: ImportKind | undefined;
  mapping?: MappingInput | undefined;
  savedMappingName?: string | undefined;
  sheet?: string | undefined;
  headerRow?: number | undefined;
}

export interface Plan {
  source: SourceFile;
  sheet: SheetData;
  kind: ImportKind;
  kindDetected: boolean;
  kindScores: Record<ImportKind, number>;
  layout: Layout;
  signature: string;
  savedMapping: string | null;
  columns: ColumnMatch[];
  /** Columns two fields could claim: the wizard asks which. */
  questions: ColumnQuestion[];
  missingRequired: { fields: FieldKey[]; label: string }[];
}

function chooseSheet(
  source: SourceFile,
  opts: PlanOptions,
  extra: string[],
): { sheet: SheetData; layout: Layout } {
  const field = source.format === 'csv' ? 'path' : 'sheet';
  if (opts.sheet !== undefined) {
    const sheet = source.sheets.find((s) => s.name === opts.sheet);
    if (!sheet)
      throw invalid(
        'sheet',
        msg('ledger.noSheet', { sheet: opts.sheet, sheets: source.sheets.map((s) => s.name).join(', ') }),
      );
    const layout = findLayout(sheet.rows, opts.kind ?? null, opts.headerRow, extra);
    if (!layout) throw noHeader(opts, sheet.name);
    return { sheet, layout };
  }
  let best: { sheet: SheetData; layout: Layout; score: number } | null = null;
  for (const sheet of source.sheets) {
    const layout = findLayout(sheet.rows, opts.kind ?? null, opts.headerRow, extra);
    if (!layout) continue;
    const kinds = opts.kind ? [opts.kind] : IMPORT_KINDS;
    const score = Math.max(...kinds.map((k) => kindScore(layout.headers, k))) + layout.dataRows.length / 1e9;
    if (!best || score > best.score) best = { sheet, layout, score };
  }
  if (!best) {
    if (!source.sheets.some((s) => s.rows.length)) throw invalid(field, msg('ledger.noData'));
    throw noHeader(opts, null);
  }
  return best;
}

function noHeader(opts: PlanOptions, sheet: string | null) {
  if (opts.headerRow !== undefined)
    return invalid('headerRow', msg('ledger.headerRowEmpty', { row: opts.headerRow }));
  return invalid(sheet ? 'sheet' : 'path', msg('ledger.noHeader', { where: sheet ? `（${sheet}）` : '' }));
}

export function makePlan(core: Core, source: SourceFile, opts: PlanOptions): Plan {
  // Headers no word list knows still mark the header row when a mapping names them.
  const extra = [
    ...Object.values(opts.mapping ?? {}).filter((v): v is string => typeof v === 'string'),
    ...savedHeaderWords(core),
  ];
  const { sheet, layout } = chooseSheet(source, opts, extra);
  const headers = layout.headers;
  const signature = headerSignature(headers);
  const saved = opts.savedMappingName
    ? getMapping(core, opts.savedMappingName)
    : opts.mapping
      ? null
      : findMapping(core, signature, opts.kind ?? null);
  const detected = detectKind(headers);
  const kind = opts.kind ?? saved?.kind ?? detected.kind;
  // Which table a row belongs to cannot be told: the user splits them, nothing is guessed.
  const tables = opts.mapping ? null : sideBySide(headers, kind);
  if (tables) {
    const span = ([a, b]: [number, number]) => `${columnLetter(a)}–${columnLetter(b)} 列`;
    throw invalid(
      source.format === 'csv' ? 'path' : 'sheet',
      msg('ledger.twoTables', { sheet: sheet.name, spans: tables.map(span).join('、') }),
      { tables: tables.map(([from, to]) => ({ from: columnLetter(from), to: columnLetter(to) })) },
    );
  }
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const columns = resolveColumns(headers, kind, autoMapping(headers, kind, hidden), saved, opts.mapping);
  return {
    source,
    sheet,
    kind,
    kindDetected: !opts.kind && !saved,
    kindScores: detected.scores,
    layout,
    signature,
    savedMapping: saved?.name ?? null,
    columns,
    questions: columnQuestions(headers, kind, columns),
    missingRequired: missingRequired(kind, columns),
  };
}
