// The ledger methods of the API contract (spread into contract.ts). A function of the
// list input schema, so that this module does not import contract.ts at load time.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { RECORD_KINDS } from './methods';
import type { ListInput as ListInputSchema } from './contract';
import { FILE_FORMATS, IMPORT_KINDS, ROW_OUTCOMES } from '../ledger/types';
import { fieldRecord } from './fieldRecord';

const FilePath = z.string().min(1).max(4096);
const Kind = z.enum(IMPORT_KINDS);
const Mapping = fieldRecord(
  z.string().max(64),
  z.union([z.string().max(200), z.number().int().min(0).max(16_383), z.null()]),
);

const SOURCE = {
  path: FilePath.optional(),
  contentBase64: z.string().min(1).max(70_000_000).optional(),
  fileName: z.string().min(1).max(300).optional(),
  /** CSV only: the text encoding, when the detected one is wrong (utf-8, gb18030, big5…). */
  encoding: z.string().min(1).max(40).optional(),
  sheet: z.string().min(1).max(100).optional(),
  /** The header row as Excel numbers it, when the detected one is wrong. */
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  kind: Kind.optional(),
  mapping: Mapping.optional(),
  savedMappingName: z.string().trim().min(1).max(100).optional(),
  createStaff: z.boolean().optional(),
  /** Units named in the file and unknown to the app are added (the one-click add). */
  createUnits: z.boolean().optional(),
};

function withSource<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...SOURCE, ...shape }).superRefine((value, ctx) => {
    const v = value as { path?: string; contentBase64?: string };
    const given = [v.path, v.contentBase64].filter((x) => x !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: given ? m('ledger.pathAndContent') : m('ledger.giveFile'),
      });
    }
  });
}

const RowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});

const Counts = {
  dataRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  enterprisesCreated: z.number().int(),
  staffCreated: z.array(z.string()),
  unknownStaff: z.array(z.string()),
  unitsCreated: z.array(z.string()),
  unknownUnits: z.array(z.string()),
  /** Towns of the file not in the bureau's list (settings `towns`). */
  unknownTowns: z.array(z.string()),
  /** Industries of the file in neither GB/T 4754 nor the bureau's own entries (settings `industries`). */
  unknownIndustries: z.array(z.string()),
  errors: z.array(RowError),
  errorsTruncated: z.boolean(),
};

const Column = z.object({ column: z.number().int(), letter: z.string(), text: z.string() });

const Written = {
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  path: z.string().nullable(),
  contentBase64: z.string().nullable(),
  bytes: z.number().int(),
  rows: z.number().int(),
  containsPhones: z.boolean(),
};

export const SavedMapping = z.object({
  name: z.string(),
  kind: Kind,
  signature: z.string(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ImportResult = z.object({
  dryRun: z.boolean(),
  fileName: z.string(),
  sheet: z.string(),
  kind: Kind,
  headerRow: z.number().int(),
  ...Counts,
  backup: z.string().nullable(),
  rejectsFile: z.string().nullable(),
});

export const PreviewResult = z.object({
  fileName: z.string(),
  format: z.enum(FILE_FORMATS),
  encoding: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string(),
  kind: Kind,
  kindDetected: z.boolean(),
  kindScores: z.record(z.string(), z.number()),
  headerRow: z.number().int(),
  headerRows: z.array(z.number().int()),
  headerGuessed: z.boolean(),
  headers: z.array(Column),
  mapping: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      column: z.number().int(),
      letter: z.string(),
      header: z.string(),
      confidence: z.number(),
      source: z.enum(['auto', 'saved', 'user']),
    }),
  ),
  unmappedColumns: z.array(Column),
  /** Columns two fields could claim: the mapping step asks which one the column is. */
  questions: z.array(
    z.object({
      column: z.number().int(),
      letter: z.string(),
      header: z.string(),
      fields: z.array(z.object({ field: z.string(), label: z.string(), confidence: z.number() })),
      chosen: z.string().nullable(),
    }),
  ),
  fields: z.array(
    z.object({ key: z.string(), label: z.string(), labelEn: z.string(), required: z.boolean() }),
  ),
  missingRequired: z.array(z.object({ fields: z.array(z.string()), label: z.string() })),
  savedMapping: z.string().nullable(),
  signature: z.string(),
  ...Counts,
  evaluatedRows: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      outcome: z.enum(ROW_OUTCOMES),
      cells: z.array(z.string()),
      errors: z.array(RowError),
      notes: z.array(z.string()),
    }),
  ),
  ignoredRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});

export function ledgerContract(listInput: typeof ListInputSchema) {
  const { filter, q, sort, includeDeleted } = listInput.shape;
  return {
    'ledger.preview': {
      input: withSource({
        /** Rows listed in the result (default 500). */
        rowsLimit: z.number().int().min(0).max(50_000).optional(),
        /** Dry-run only the first N data rows: a quick look at a large file (default: all). */
        evaluateRows: z.number().int().min(0).max(10_000_000).optional(),
      }),
      output: PreviewResult,
    },
    'ledger.import': {
      input: withSource({ dryRun: z.boolean().optional(), rejectsPath: FilePath.optional() }),
      output: ImportResult,
    },
    'ledger.rejectsReport': {
      input: withSource({ out: FilePath.optional() }),
      output: z.object({ ...Written, errors: z.array(RowError) }),
    },
    'ledger.export': {
      input: z.strictObject({
        kind: z.enum(RECORD_KINDS),
        filter,
        q,
        sort,
        includeDeleted,
        columns: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
        format: z.enum(['xlsx', 'csv']).optional(),
        path: FilePath.optional(),
      }),
      output: z.object({ ...Written, columns: z.array(z.object({ key: z.string(), label: z.string() })) }),
    },
    'ledger.mappings.list': {
      input: z.strictObject({ kind: Kind.optional() }).optional().default({}),
      output: z.object({ rows: z.array(SavedMapping) }),
    },
    'ledger.mappings.save': {
      input: z.strictObject({
        name: z.string().trim().min(1).max(100),
        kind: Kind,
        headers: z.array(z.string().max(200)).min(1).max(1000),
        mapping: Mapping,
      }),
      output: SavedMapping,
    },
    'ledger.mappings.delete': {
      input: z.strictObject({ name: z.string().trim().min(1).max(100) }),
      output: z.object({ name: z.string(), deleted: z.boolean() }),
    },
  };
}
