// The ledger API: preview, import (with a dry run), rejects report, export and saved
// mappings. File reading and writing are asynchronous (exceljs); the database work of an
// import is one synchronous transaction, opened here after a backup (VACUUM INTO cannot run
// inside a transaction), so methods.ts defines these methods as asynchronous (own transactions).
import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { backupStore } from '../backups/service';
import { invalid } from '@shared/contract/errors';
import { execute, type Execution, type RowReport } from './execute';
import { KIND_DEFS, fieldLabel, fieldLabelEn } from './fields';
import type { MappingInput } from './mappings';
import { formatFor } from './output';
import { makePlan, type Plan } from './plan';
import { writeRejects, type RejectsFile } from './rejects';
import { readSource } from './source';
import { columnLetter, type FileFormat, type ImportKind, type RowError } from '@shared/ledger/types';

export interface LedgerSourceInput {
  path?: string | undefined;
  contentBase64?: string | undefined;
  fileName?: string | undefined;
  encoding?: string | undefined;
  sheet?: string | undefined;
  headerRow?: number | undefined;
  kind?: ImportKind | undefined;
  mapping?: MappingInput | undefined;
  savedMappingName?: string | undefined;
  /** Staff named in the file and unknown to the app are created (role staff) instead of rejecting the row. */
  createStaff?: boolean | undefined;
  /** Units named in the file and unknown to the app are added (the one-click add) instead of rejecting the row. */
  createUnits?: boolean | undefined;
}

/** Errors listed in a result (the rejects report has them all). */
const MAX_ERRORS = 10_000;

async function planOf(core: Core, input: LedgerSourceInput): Promise<Plan> {
  const source = await readSource(input);
  return makePlan(core, source, input);
}

function counts(exec: Execution) {
  return {
    dataRows: exec.dataRows,
    created: exec.created,
    updated: exec.updated,
    skipped: exec.skipped,
    rejected: exec.rejected,
    enterprisesCreated: exec.enterprisesCreated,
    staffCreated: exec.staffCreated,
    unknownStaff: exec.unknownStaff,
    unitsCreated: exec.unitsCreated,
    unknownUnits: exec.unknownUnits,
    unknownTowns: exec.unknownTowns,
    unknownIndustries: exec.unknownIndustries,
    errors: exec.errors.slice(0, MAX_ERRORS),
    errorsTruncated: exec.errors.length > MAX_ERRORS,
  };
}

function headerRowOf(plan: Plan): number {
  return plan.layout.headerRows[plan.layout.headerRows.length - 1]!;
}

export interface PreviewResult extends ReturnType<typeof counts> {
  fileName: string;
  format: FileFormat;
  encoding: string | null;
  sheets: string[];
  sheet: string;
  kind: ImportKind;
  kindDetected: boolean;
  kindScores: Record<ImportKind, number>;
  headerRow: number;
  headerRows: number[];
  /** True when no row had recognisable headers and the first row of texts was taken. */
  headerGuessed: boolean;
  headers: { column: number; letter: string; text: string }[];
  mapping: {
    field: string;
    label: string;
    column: number;
    letter: string;
    header: string;
    confidence: number;
    source: 'auto' | 'saved' | 'user';
  }[];
  unmappedColumns: { column: number; letter: string; text: string }[];
  questions: {
    column: number;
    letter: string;
    header: string;
    fields: { field: string; label: string; confidence: number }[];
    chosen: string | null;
  }[];
  fields: { key: string; label: string; labelEn: string; required: boolean }[];
  missingRequired: { fields: string[]; label: string }[];
  savedMapping: string | null;
  signature: string;
  /** Rows the counts cover: every data row, or the first `evaluateRows`. */
  evaluatedRows: number;
  rows: RowReport[];
  ignoredRows: { row: number; reason: string }[];
}

export async function previewLedger(
  core: Core,
  input: LedgerSourceInput & { rowsLimit?: number | undefined; evaluateRows?: number | undefined },
): Promise<PreviewResult> {
  const plan = await planOf(core, input);
  const exec = execute(core, plan, {
    dryRun: true,
    createStaff: input.createStaff ?? false,
    createUnits: input.createUnits,
    keepRows: input.rowsLimit ?? 500,
    limit: input.evaluateRows,
  });
  const mapped = new Set(plan.columns.map((c) => c.column));
  const def = KIND_DEFS[plan.kind];
  const required = new Set([...def.required.flat(), ...def.requiredColumns]);
  return {
    fileName: plan.source.fileName,
    format: plan.source.format,
    encoding: plan.source.encoding,
    sheets: plan.source.sheets.map((s) => s.name),
    sheet: plan.sheet.name,
    kind: plan.kind,
    kindDetected: plan.kindDetected,
    kindScores: plan.kindScores,
    headerRow: headerRowOf(plan),
    headerRows: plan.layout.headerRows,
    headerGuessed: plan.layout.guessed,
    headers: plan.layout.headers.map((text, column) => ({ column, letter: columnLetter(column), text })),
    mapping: plan.columns.map((c) => ({
      field: c.field,
      label: fieldLabel(c.field),
      column: c.column,
      letter: columnLetter(c.column),
      header: c.header,
      confidence: c.confidence,
      source: c.source,
    })),
    unmappedColumns: plan.layout.headers
      .map((text, column) => ({ column, letter: columnLetter(column), text }))
      .filter((h) => h.text && !mapped.has(h.column)),
    questions: plan.questions.map((q) => ({
      column: q.column,
      letter: columnLetter(q.column),
      header: q.header,
      fields: q.fields.map((f) => ({ ...f, label: fieldLabel(f.field) })),
      chosen: q.chosen,
    })),
    fields: def.fields.map((key) => ({
      key,
      label: fieldLabel(key),
      labelEn: fieldLabelEn(key),
      required: required.has(key),
    })),
    missingRequired: plan.missingRequired,
    savedMapping: plan.savedMapping,
    signature: plan.signature,
    ...counts(exec),
    evaluatedRows: exec.evaluatedRows,
    rows: exec.rows,
    ignoredRows: plan.layout.ignoredRows,
  };
}

export interface ImportResult extends ReturnType<typeof counts> {
  dryRun: boolean;
  fileName: string;
  sheet: string;
  kind: ImportKind;
  headerRow: number;
  backup: string | null;
  rejectsFile: string | null;
}

function requireColumns(plan: Plan): void {
  if (!plan.missingRequired.length) return;
  throw invalid(
    'mapping',
    msg('ledger.missingColumns', { labels: plan.missingRequired.map((m) => m.label).join('；') }),
    {
      missing: plan.missingRequired,
    },
  );
}

function checkRejectsPath(path: string | undefined, field: string): void {
  if (path !== undefined && formatFor(path, 'xlsx', field) !== 'xlsx')
    throw invalid(field, msg('ledger.mustXlsx'));
}

export async function importLedger(
  core: Core,
  input: LedgerSourceInput & { dryRun?: boolean | undefined; rejectsPath?: string | undefined },
): Promise<ImportResult> {
  checkRejectsPath(input.rejectsPath, 'rejectsPath');
  const plan = await planOf(core, input);
  requireColumns(plan);
  const dryRun = input.dryRun ?? false;
  const backup = !dryRun && plan.layout.dataRows.length ? backupStore(core, 'before-ledger-import') : null;
  const exec = execute(core, plan, {
    dryRun,
    createStaff: input.createStaff ?? false,
    createUnits: input.createUnits,
    keepRows: 0,
  });
  const rejects =
    input.rejectsPath && exec.rejected
      ? await writeRejects(plan, exec, input.rejectsPath, 'rejectsPath')
      : null;
  return {
    dryRun,
    fileName: plan.source.fileName,
    sheet: plan.sheet.name,
    kind: plan.kind,
    headerRow: headerRowOf(plan),
    ...counts(exec),
    backup: backup?.path ?? null,
    rejectsFile: rejects?.path ?? null,
  };
}

/** The rows of the file the import would reject now (a dry run), as an .xlsx to fix and re-import. */
export async function rejectsReport(
  core: Core,
  input: LedgerSourceInput & { out?: string | undefined },
): Promise<RejectsFile & { errors: RowError[] }> {
  checkRejectsPath(input.out, 'out');
  const plan = await planOf(core, input);
  const exec = execute(core, plan, {
    dryRun: true,
    createStaff: input.createStaff ?? false,
    createUnits: input.createUnits,
    keepRows: 0,
  });
  const file = await writeRejects(plan, exec, input.out, 'out');
  return { ...file, errors: exec.errors.slice(0, MAX_ERRORS) };
}
