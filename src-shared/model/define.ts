// How a record kind is declared: each field once, with everything the rest of the app derives
// from it (the API's zod schemas, the store's columns, search and sort, the export columns,
// change capture, the words of its labels). One file per kind holds its declaration.
import { z } from 'zod';
import type { LabelGroup } from '../labels';
import { Id } from './validators';

/** How a value is stored in its SQLite column. */
export type SqlType = 'text' | 'int' | 'real' | 'bool' | 'json';

/**
 * How a field is written as a cell of a ledger export: `enum`/`enumList` as the words of the
 * field's enum group, `custom` when the export column builds the cell itself (names for ids…).
 */
export type CellType =
  'text' | 'phone' | 'date' | 'instant' | 'number' | 'bool' | 'enum' | 'enumList' | 'custom';

export interface ExportSpec {
  cell: CellType;
  /** The column's header when it is not the field's Chinese label. */
  header?: string;
  /** Left out of an export unless asked for by name. */
  optional?: boolean;
}

/**
 * Header words the ledger importer recognises the field's column by (`weak`: generic words
 * that lose to a specific word in another column). Matching ignores case, spaces,
 * punctuation, full/half width and "(必填)"-style notes.
 */
export interface HeaderWords {
  words: string[];
  weak?: string[];
}

interface Described {
  /** Its name on the screens. */
  zh: string;
  en: string;
  /** The word ledger files use for it (export header, importer label) where it is not `zh`. */
  file?: string;
  /** The field's words come from this group of @shared/labels. */
  enum?: LabelGroup;
  /** Exported as this cell type (absent: not exported). */
  export?: CellType | ExportSpec;
}

interface FieldCommon extends Described {
  sql: SqlType;
  /**
   * Read by the quick search (each grid's box and search.global): a text field by its text, a
   * list by each entry's text, a field that refers to a record (`ref`) by that record's
   * searched fields (a visit found by its enterprise's name).
   */
  search?: boolean;
  /** The quick search also reads the pinyin initials of its text (`hkzn` finds 华科智能). */
  searchInitials?: true;
  /**
   * search.global (Ctrl+K) finds the record by it: what names or numbers it, not its long texts
   * (a visit by its number and enterprise, not by its summary), so that a query stays a quick
   * one. Implies `search`.
   */
  findBy?: true;
  /** Lists may filter and sort by it (default true). */
  list?: boolean;
  /** Captured into the change log and synced (default true). */
  sync?: boolean;
  /** The kind whose record id(s) it holds (screens show the record's name instead). */
  ref?: RefKind;
  /** A JSON object field: the kind whose record id each of these keys holds (a supervision's `by`). */
  refIn?: Readonly<Record<string, RefKind>>;
  /** The field names the record(s) this one belongs under (`true`: its `ref`): see ParentOf. */
  parent?: true | ParentOf;
  words?: HeaderWords;
}

/** Kinds a field may refer to by id. */
export type RefKind =
  | 'staff'
  | 'enterprises'
  | 'experts'
  | 'units'
  | 'visits'
  | 'demands'
  | 'clinics'
  | 'followups'
  | 'activities'
  | 'outcomes';

/**
 * How a field names the record this one belongs under (a demand's enterprise, a follow-up's
 * visit): when that record is deleted or merged away, this one is left an orphan.
 * - `kind`: the parent's kind (default: the field's `ref`), or the field that names it and
 *   the kind each of that field's values stands for;
 * - `key`: the field is a JSON list of entries, each naming a parent by this key;
 * - `part`: the record is a part of its parent (a demand's history entry): it goes where the
 *   parent goes and is never an orphan of its own.
 */
export interface ParentOf {
  kind?: RefKind | { field: string; kinds: Record<string, RefKind> };
  key?: string;
  part?: boolean;
}

/** A field users write: `input` validates it on create (and, partial, on update). */
export interface WrittenField extends FieldCommon {
  input: z.ZodType;
  output?: never;
}

/** A field the core keeps (a status moved by transitions, a number it assigns): read only. */
export interface KeptField extends FieldCommon {
  output: z.ZodType;
  input?: never;
}

export type FieldDef = WrittenField | KeptField;

/** A read-only value computed from other records or from the clock. */
export interface DerivedDef extends Described {
  /** Its type in the API's record (absent: a list filter only, never returned). */
  output?: z.ZodType;
  /** Computed by the store in SQL, with this type (absent: the service computes it). */
  sql?: SqlType;
  /** Lists may filter and sort by it (default true; only SQL-derived values can be). */
  list?: boolean;
}

export interface KindModel<
  F extends Record<string, FieldDef> = Record<string, FieldDef>,
  D extends Record<string, DerivedDef> = Record<string, DerivedDef>,
> {
  table: string;
  zh: string;
  en: string;
  fields: F;
  derived: D;
  defaultSort: { field: string; dir: 'asc' | 'desc' };
}

/** Declares a kind; `defaultSort` must name one of its fields or derived values. */
export function defineKind<
  const F extends Record<string, FieldDef>,
  const D extends Record<string, DerivedDef> = Record<never, never>,
>(model: {
  table: string;
  zh: string;
  en: string;
  fields: F;
  derived?: D;
  defaultSort: { field: (keyof F | keyof D) & string; dir: 'asc' | 'desc' };
}): KindModel<F, D> {
  return { ...model, derived: model.derived ?? ({} as D) };
}

// --- what the models give: schemas and types ---------------------------------

/** Columns every record has besides its own fields. */
export const META = {
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  updatedByDevice: z.string().nullable(),
  updatedByStaff: z.string().nullable(),
};

type FieldsOf<M> = M extends KindModel<infer F, Record<string, DerivedDef>> ? F : never;
type DerivedOf<M> = M extends KindModel<Record<string, FieldDef>, infer D> ? D : never;

/** Keys of a model's fields that users write. */
export type WrittenKeys<M> = {
  [K in keyof FieldsOf<M>]: FieldsOf<M>[K] extends WrittenField ? K : never;
}[keyof FieldsOf<M>] &
  string;
/** Keys of a model's fields the core keeps. */
export type KeptKeys<M> = {
  [K in keyof FieldsOf<M>]: FieldsOf<M>[K] extends KeptField ? K : never;
}[keyof FieldsOf<M>] &
  string;
/** Keys of a model's derived values computed in SQL by the store. */
export type SqlDerivedKeys<M> = {
  [K in keyof DerivedOf<M>]: DerivedOf<M>[K] extends { sql: SqlType } ? K : never;
}[keyof DerivedOf<M>] &
  string;
/** Keys of a model's derived values returned in its records. */
type OutputDerivedKeys<M> = {
  [K in keyof DerivedOf<M>]: DerivedOf<M>[K] extends { output: z.ZodType } ? K : never;
}[keyof DerivedOf<M>] &
  string;

export type InputShape<M> = {
  [K in WrittenKeys<M>]: FieldsOf<M>[K] extends { input: infer T extends z.ZodType } ? T : never;
};
type KeptShape<M> = {
  [K in KeptKeys<M>]: FieldsOf<M>[K] extends { output: infer T extends z.ZodType } ? T : never;
};
type DerivedShape<M, Keys extends string = OutputDerivedKeys<M>> = {
  [K in Keys & OutputDerivedKeys<M>]: DerivedOf<M>[K] extends { output: infer T extends z.ZodType }
    ? T
    : never;
};
/** Stored records may lack values an older import or a sync did not set: nullable on output. */
type Nullish<T> = { [K in keyof T]: T[K] extends z.ZodType ? z.ZodOptional<z.ZodNullable<T[K]>> : never };

export type RecordShape<M> = typeof META & Nullish<InputShape<M>> & KeptShape<M> & DerivedShape<M>;

/** What a user writes for a new record of the kind (strict: unknown keys are refused). */
export function fieldsSchema<M extends KindModel>(model: M): z.ZodObject<InputShape<M>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(model.fields)) if (f.input) shape[k] = f.input;
  return z.strictObject(shape) as unknown as z.ZodObject<InputShape<M>, z.core.$strict>;
}

/** A record as the API returns it: meta, written fields (nullable), kept fields, derived values. */
export function recordSchema<M extends KindModel>(model: M): z.ZodObject<RecordShape<M>> {
  const shape: Record<string, z.ZodType> = { ...META };
  for (const [k, f] of Object.entries(model.fields))
    shape[k] = f.input ? f.input.nullable().optional() : (f.output as z.ZodType);
  for (const [k, d] of Object.entries(model.derived)) if (d.output) shape[k] = d.output;
  return z.object(shape) as unknown as z.ZodObject<RecordShape<M>>;
}

/** The meta columns' values. */
export type MetaRecord = z.output<z.ZodObject<typeof META>>;
type Out<T> = T extends z.ZodType ? z.output<T> : never;

/** A record as the store reads it: everything but the derived values. */
export type StoredRecord<M> = MetaRecord & {
  [K in WrittenKeys<M>]?: Out<InputShape<M>[K]> | null;
} & { [K in KeptKeys<M>]: Out<KeptShape<M>[K]> };
/** A record as the store lists it: with the values it derives in SQL. */
export type ListedRecord<M> = StoredRecord<M> & {
  [K in keyof DerivedShape<M, SqlDerivedKeys<M>>]: Out<DerivedShape<M, SqlDerivedKeys<M>>[K]>;
};

/**
 * A model's field or derived value by name. Own properties only: a name every object
 * inherits (`constructor`, `toString`) is no field of any kind.
 */
export function memberOf(model: KindModel, key: string): FieldDef | DerivedDef | undefined {
  if (Object.hasOwn(model.fields, key)) return model.fields[key];
  if (Object.hasOwn(model.derived, key)) return model.derived[key];
  return undefined;
}

/**
 * The most characters a text field takes (its input schema's max), so a form can count against
 * it before saving; undefined for a field with no such limit.
 */
export function textLimitOf(model: KindModel, key: string): number | undefined {
  const def = Object.hasOwn(model.fields, key) ? model.fields[key] : undefined;
  let schema: unknown = def && 'input' in def ? def.input : undefined;
  // Through .nullable() and .optional() to the string inside.
  while (schema && typeof schema === 'object' && !('maxLength' in schema) && 'unwrap' in schema)
    schema = (schema as { unwrap: () => unknown }).unwrap();
  const max = (schema as { maxLength?: number | null } | undefined)?.maxLength;
  return typeof max === 'number' ? max : undefined;
}

/** The export spec of a field or derived value, null when it is not exported. */
export function exportOf(def: Described): ExportSpec | null {
  if (!def.export) return null;
  return typeof def.export === 'string' ? { cell: def.export } : def.export;
}

/** The word ledger files use for a field: its export header, its importer label. */
export function fileWordOf(def: Described): string {
  return exportOf(def)?.header ?? def.file ?? def.zh;
}
