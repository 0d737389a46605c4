// The record kinds as stored, derived from the models (@shared/model): one table each, columns
// named like the API fields. Used to convert rows, to whitelist filter/sort fields, and to
// install change capture. The SQL of derived values is store logic and lives here.
import {
  MODELS,
  type KindModel,
  type ListedRecord,
  type SqlDerivedKeys,
  type SqlType,
  type StoredRecord,
} from '@shared/model';
import { dueSoonSql, firstReplyLateSql, followupLateSql, isOpenSql, overdueSql } from './rulesSql';

export type FieldType = SqlType;

/** An SQL identifier, quoted. */
export const q = (ident: string): string => `"${ident.replace(/"/g, '""')}"`;

export type KindName = keyof typeof MODELS;
export const KIND_NAMES = Object.keys(MODELS) as KindName[];

/** A kind's record as the store reads it, and as it lists it (with the values derived in SQL). */
export type StoredOf<K extends KindName> = StoredRecord<(typeof MODELS)[K]>;
export type ListedOf<K extends KindName> = ListedRecord<(typeof MODELS)[K]>;

export interface KindDef {
  table: string;
  fields: Record<string, FieldType>;
  /** Its fields and the meta columns: every column of its table but the id. */
  columns: Record<string, FieldType>;
  /** Read-only fields computed in SQL for lists (alias `t` is the kind's table). */
  derived: Record<string, { sql: string; type: FieldType }>;
  /** The derived values as select-list items (`, <sql> AS "name"`…), to follow `t.*`. */
  derivedSelect: string;
  /** Text fields searched by the quick-search box. */
  search: string[];
  defaultSort: { field: string; dir: 'asc' | 'desc' };
  /** Columns and derived values lists may filter and sort by (the meta columns always). */
  listable: ReadonlySet<string>;
  /** Fields not captured into the change log (so never synced). */
  unsynced: ReadonlySet<string>;
}

/** Columns every record has besides its own fields. */
export const META_FIELDS: Record<string, FieldType> = {
  createdAt: 'text',
  updatedAt: 'text',
  deletedAt: 'text',
  updatedByDevice: 'text',
  updatedByStaff: 'text',
};

/**
 * Written with every delete: the newest stamp of each field the deleting laptop held (JSON),
 * so that an edit it never saw is told from one it did (features/sync/lostToDeletes.ts). A
 * column of every record table, synced, but no field of any record.
 */
export const DELETE_KNOWLEDGE = 'deletedKnew';
/** In a demand's DELETE_KNOWLEDGE: the ids of the history events the deleter held. */
export const KNOWN_EVENTS = '@events';

/** Meta columns that change on every write and are not synced as fields. */
export const UNCAPTURED = new Set(['id', 'updatedAt', 'updatedByDevice', 'updatedByStaff']);

const enterpriseName = `(SELECT e."name" FROM enterprises e WHERE e."id" = t."enterpriseId")`;
const enterpriseTown = `(SELECT e."town" FROM enterprises e WHERE e."id" = t."enterpriseId")`;
const staffName = (col: string) => `(SELECT s."name" FROM staff s WHERE s."id" = t.${q(col)})`;
const followupEnterpriseId = `CASE t."parentType" WHEN 'demand' THEN (SELECT d."enterpriseId" FROM demands d WHERE d."id" = t."parentId") WHEN 'visit' THEN (SELECT v."enterpriseId" FROM visits v WHERE v."id" = t."parentId") END`;

/** The SQL of each kind's derived values: a model's derived value with a SQL type needs one here. */
const DERIVED_SQL: { [K in KindName]: Record<SqlDerivedKeys<(typeof MODELS)[K]>, string> } = {
  staff: {},
  enterprises: {
    lastVisitDate: `(SELECT max(v."date") FROM visits v WHERE v."enterpriseId" = t."id" AND v."deletedAt" IS NULL AND v."status" <> 'draft')`,
    openDemands: `(SELECT count(*) FROM demands d WHERE d."enterpriseId" = t."id" AND d."deletedAt" IS NULL AND ${isOpenSql('d."status"')})`,
    liaisonName: staffName('liaisonStaffId'),
  },
  experts: {},
  units: {},
  visits: {
    enterpriseName,
    town: enterpriseTown,
    leadStaffName: staffName('leadStaffId'),
    demandCount: `(SELECT count(*) FROM demands d WHERE d."sourceVisitId" = t."id" AND d."deletedAt" IS NULL)`,
  },
  demands: {
    enterpriseName,
    enterpriseDeleted: `(SELECT e."deletedAt" IS NOT NULL FROM enterprises e WHERE e."id" = t."enterpriseId")`,
    town: enterpriseTown,
    assigneeName: staffName('assigneeStaffId'),
    leadUnitName: `(SELECT u."name" FROM units u WHERE u."id" = t."leadUnitId")`,
    coUnitNames: `(SELECT json_group_array(n) FROM (SELECT u."name" AS n FROM json_each(t."coUnitIds") j JOIN units u ON u."id" = j."value" ORDER BY j."key"))`,
    // Filters only (values are recomputed by domain/workflow.deadline, which a test
    // holds to agree): the clock is paused on hold, so an on-hold demand is judged
    // at the day its hold began.
    open: `(${isOpenSql('t."status"')})`,
    overdue: overdueSql(),
    dueSoon: dueSoonSql(),
    firstReplyLate: firstReplyLateSql(),
    // A JSON object (never the text null a hand-made row might hold).
    supervised: `coalesce(json_type(t."supervision") = 'object', 0)`,
  },
  demandHistory: {},
  clinics: {
    enterpriseCount: `json_array_length(t."enterprises")`,
    expertCount: `json_array_length(t."expertIds")`,
  },
  followups: {
    ownerName: staffName('ownerStaffId'),
    enterpriseId: followupEnterpriseId,
    enterpriseName: `(SELECT e."name" FROM enterprises e WHERE e."id" = ${followupEnterpriseId})`,
    parentTitle: `CASE t."parentType" WHEN 'demand' THEN (SELECT d."title" FROM demands d WHERE d."id" = t."parentId") WHEN 'visit' THEN (SELECT v."visitNo" FROM visits v WHERE v."id" = t."parentId") WHEN 'clinic' THEN (SELECT c."topic" FROM clinics c WHERE c."id" = t."parentId") END`,
    overdue: followupLateSql(),
  },
  activities: {
    enterpriseCount: `json_array_length(t."enterpriseIds")`,
  },
  outcomes: {
    enterpriseName,
    demandTitle: `(SELECT d."title" FROM demands d WHERE d."id" = t."demandId")`,
  },
  narratives: {},
  settings: {},
  calendars: {},
  targets: {},
  devices: {},
};

function kindDef(model: KindModel, derivedSql: Record<string, string>): KindDef {
  const fields = Object.entries(model.fields);
  const derived = Object.entries(model.derived).flatMap(([k, d]) =>
    d.sql ? [[k, { sql: derivedSql[k]!, type: d.sql }] as const] : [],
  );
  const own = Object.fromEntries(fields.map(([k, f]) => [k, f.sql]));
  return {
    table: model.table,
    fields: own,
    columns: { ...own, ...META_FIELDS },
    derived: Object.fromEntries(derived),
    derivedSelect: derived.map(([k, d]) => `, ${d.sql} AS ${q(k)}`).join(''),
    search: fields.filter(([, f]) => f.search).map(([k]) => k),
    defaultSort: model.defaultSort,
    listable: new Set([
      ...Object.keys(META_FIELDS),
      ...fields.filter(([, f]) => f.list !== false).map(([k]) => k),
      ...derived.filter(([k]) => model.derived[k]!.list !== false).map(([k]) => k),
    ]),
    unsynced: new Set(fields.filter(([, f]) => f.sync === false).map(([k]) => k)),
  };
}

export const KINDS = Object.fromEntries(
  KIND_NAMES.map((k) => [k, kindDef(MODELS[k], DERIVED_SQL[k])]),
) as Record<KindName, KindDef>;

export function allColumns(kind: KindName): Record<string, FieldType> {
  return KINDS[kind].columns;
}

/** The field that names a record to a person (its name, else its title), if the kind has one. */
export function labelFieldOf(kind: KindName): 'name' | 'title' | null {
  const { fields } = KINDS[kind];
  return 'name' in fields ? 'name' : 'title' in fields ? 'title' : null;
}

/** SQLite value → API value. */
export function fromSql(type: FieldType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'bool':
      return v === 1 || v === 1n || v === true;
    case 'json':
      return JSON.parse(v as string);
    case 'int':
    case 'real':
      return Number(v);
    default:
      return v;
  }
}

/** API value → SQLite value. */
export function toSql(type: FieldType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'bool':
      return v ? 1 : 0;
    case 'json':
      return JSON.stringify(v);
    default:
      return v;
  }
}

/** Each kind's columns and derived values with their types, listed once. */
const READ_FIELDS = Object.fromEntries(
  KIND_NAMES.map((k) => [
    k,
    {
      columns: Object.entries(KINDS[k].columns),
      derived: Object.entries(KINDS[k].derived).map(([f, d]) => [f, d.type] as const),
    },
  ]),
) as Record<KindName, { columns: [string, FieldType][]; derived: (readonly [string, FieldType])[] }>;

export function rowToRecord(kind: KindName, row: Record<string, unknown>): Record<string, unknown> {
  const { columns, derived } = READ_FIELDS[kind];
  const out: Record<string, unknown> = { id: row.id };
  for (const [f, t] of columns) out[f] = fromSql(t, row[f]);
  for (const [f, t] of derived) if (f in row) out[f] = fromSql(t, row[f]);
  return out;
}
