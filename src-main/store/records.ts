import { msg } from '@shared/messages';
import type Database from 'better-sqlite3';
import { newId } from './ids';
import type { Store } from './db';
import {
  DELETE_KNOWLEDGE,
  KNOWN_EVENTS,
  KINDS,
  allColumns,
  q,
  rowToRecord,
  toSql,
  type FieldType,
  type KindDef,
  type KindName,
  type ListedOf,
  type StoredOf,
} from './schema';
import type { FilterCondition, ListQuery } from '@shared/contract/contract';
import { invalid } from '@shared/contract/errors';
import { containsPattern, likeEscape, narrowingSql, searchSql, type TextIndexUse } from './search';
import { driveMax, gramsDecide } from './textIndex';

// Generic reads and writes of records. Services add the rules; this adds ids,
// timestamps, attribution and the SQL for lists.

export type Row = Record<string, unknown>;

// Compiled statements, per connection and SQL text. Compiling is a large part of a small
// write (an INSERT or UPDATE also compiles the table's capture trigger), so each SQL text
// is compiled once. Lists build SQL from their filters: the cache is bounded and emptied
// when full. Statements here are only used with run/get/all, never left mid-iteration.
const MAX_CACHED = 500;
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection's compiled statement for `sql` (compiled on first use). */
export function preparedOn(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

const prepared = (store: Store, sql: string): Database.Statement => preparedOn(store.db, sql);

/**
 * A write's SQL by kind and the columns it sets, made once: the same text each time, so that
 * finding its statement (preparedOn) neither makes nor hashes a long text per write. Bounded
 * as the statements are.
 */
const WRITE_SQL = new Map<string, string>();
function writeSql(op: 'insert' | 'update', kind: KindName, columns: string[], make: () => string): string {
  const key = `${op} ${kind} ${columns.join(',')}`;
  let sql = WRITE_SQL.get(key);
  if (sql === undefined) {
    if (WRITE_SQL.size >= MAX_CACHED) WRITE_SQL.clear();
    WRITE_SQL.set(key, (sql = make()));
  }
  return sql;
}

function stamp(store: Store): { at: string; device: string; staff: string | null } {
  return {
    at: new Date(store.now()).toISOString(),
    device: store.actor.deviceId,
    staff: store.actor.staffId,
  };
}

export function insertRecord(store: Store, kind: KindName, values: Row, id: string = newId()): string {
  const cols = allColumns(kind);
  const s = stamp(store);
  const row: Row = {
    ...values,
    createdAt: values.createdAt ?? s.at,
    updatedAt: s.at,
    deletedAt: null,
    updatedByDevice: s.device,
    updatedByStaff: s.staff,
  };
  const names = Object.keys(cols).filter((c) => row[c] !== undefined);
  const sql = writeSql('insert', kind, names, () => {
    return `INSERT INTO ${q(KINDS[kind].table)} ("id", ${names.map(q).join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`;
  });
  prepared(store, sql).run(id, ...names.map((c) => toSql(cols[c]!, row[c])));
  store.flushCapture?.();
  return id;
}

/** Writes the given fields; returns false when nothing differed. */
export function updateRecord(store: Store, kind: KindName, id: string, patch: Row): boolean {
  const cols = allColumns(kind);
  const names = Object.keys(patch).filter((c) => Object.hasOwn(cols, c) && patch[c] !== undefined);
  if (!names.length) return false;
  const s = stamp(store);
  const all = [...names, 'updatedAt', 'updatedByDevice', 'updatedByStaff'];
  const values = [...names.map((c) => toSql(cols[c]!, patch[c])), s.at, s.device, s.staff];
  if (patch.deletedAt !== undefined) {
    all.push(DELETE_KNOWLEDGE);
    values.push(patch.deletedAt === null ? null : knowledgeOf(store, KINDS[kind].table, id));
  }
  const sql = writeSql('update', kind, all, () => {
    const changed = names.map((c) => `${q(c)} IS NOT ?`).join(' OR ');
    return `UPDATE ${q(KINDS[kind].table)} SET ${all.map((c) => `${q(c)} = ?`).join(', ')} WHERE "id" = ? AND (${changed})`;
  });
  const { changes } = prepared(store, sql).run(...values, id, ...names.map((c) => toSql(cols[c]!, patch[c])));
  store.flushCapture?.();
  return changes > 0;
}

/**
 * What a delete knew, as JSON: the newest stamp of each field of the record held here, and for
 * a demand the ids of its history events (`@events`): its status is replayed from them, so a
 * move the deleter never saw is told by its event, not by the status field's stamps.
 */
function knowledgeOf(store: Store, table: string, id: string): string {
  store.settleCapture?.();
  const fields = JSON.parse(
    prepared(
      store,
      `SELECT json_group_object("field", "hlc") AS k FROM (SELECT "field", max("hlc") AS "hlc" FROM changes
         WHERE "tbl" = ? AND "rowId" = ? AND "field" NOT IN ('deletedAt', '${DELETE_KNOWLEDGE}') GROUP BY "field")`,
    )
      .pluck()
      .get(table, id) as string,
  ) as Record<string, unknown>;
  if (table === 'demands') {
    fields[KNOWN_EVENTS] = prepared(
      store,
      `SELECT "id" FROM demand_history WHERE "demandId" = ? ORDER BY "id"`,
    )
      .pluck()
      .all(id);
  }
  return JSON.stringify(fields);
}

/** A record by id, as stored (`withDerived`: with the values the store derives in SQL). */
export function getRow<K extends KindName>(
  store: Store,
  kind: K,
  id: string,
  withDerived?: false,
): StoredOf<K> | null;
export function getRow<K extends KindName>(
  store: Store,
  kind: K,
  id: string,
  withDerived: true,
): ListedOf<K> | null;
export function getRow(store: Store, kind: KindName, id: string, withDerived = false): Row | null {
  const row = prepared(store, rowSql(kind, withDerived)).get(id) as Row | undefined;
  return row ? rowToRecord(kind, row) : null;
}

/** Each kind's read by id, as text made once (a kind's derived values are long to hash). */
const ROW_SQL = new Map<string, string>();
function rowSql(kind: KindName, withDerived: boolean): string {
  const key = withDerived ? `${kind}+` : kind;
  let sql = ROW_SQL.get(key);
  if (sql === undefined) {
    const def: KindDef = KINDS[kind];
    sql = `SELECT t.*${withDerived ? def.derivedSelect : ''} FROM ${q(def.table)} t WHERE t."id" = ?`;
    ROW_SQL.set(key, sql);
  }
  return sql;
}

// --- lists -------------------------------------------------------------------

const DEFAULT_LIMIT = 100;

interface FieldRef {
  sql: string;
  type: FieldType;
}

/**
 * The SQL of a field a list filters or sorts on. Own properties only: a name every object
 * inherits (`constructor`, `toString`, `__proto__`) is no field, and is refused like any other.
 */
function fieldRef(kind: KindName, field: string, path: string): FieldRef {
  const def: KindDef = KINDS[kind];
  if (field === 'id') return { sql: 't."id"', type: 'text' };
  const cols = allColumns(kind);
  const derived = def.derived;
  const isCol = Object.hasOwn(cols, field);
  const isDerived = Object.hasOwn(derived, field);
  if ((isCol || isDerived) && !def.listable.has(field))
    throw invalid(path, msg('list.notFilterable', { field }));
  if (isCol) return { sql: `t.${q(field)}`, type: cols[field]! };
  if (isDerived) return { sql: derived[field]!.sql, type: derived[field]!.type };
  const known = ['id', ...Object.keys(cols), ...Object.keys(derived)];
  throw invalid(path, msg('list.unknownField', { field, known: known.join(', ') }));
}

function scalarParam(type: FieldType, v: unknown): unknown {
  if (type === 'bool' && typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

function conditionSql(ref: FieldRef, cond: FilterCondition, path: string, params: unknown[]): string {
  const p = (v: unknown) => {
    // A flag compared with text would match nothing, silently: say so instead.
    if (ref.type === 'bool' && typeof v === 'string') throw invalid(path, msg('filter.flag', { value: v }));
    params.push(scalarParam(ref.type, v));
    return '?';
  };
  if (cond === null) return `${ref.sql} IS NULL`;
  if (Array.isArray(cond)) {
    if (!cond.length) return '0';
    return `${ref.sql} IN (${cond.map(p).join(', ')})`;
  }
  if (typeof cond !== 'object') return `${ref.sql} = ${p(cond)}`;
  const parts: string[] = [];
  const ops = cond as Record<string, unknown>;
  for (const [op, v] of Object.entries(ops)) {
    if (v === undefined) continue;
    switch (op) {
      case 'eq':
        parts.push(v === null ? `${ref.sql} IS NULL` : `${ref.sql} = ${p(v)}`);
        break;
      case 'ne':
        parts.push(v === null ? `${ref.sql} IS NOT NULL` : `${ref.sql} IS NOT ${p(v)}`);
        break;
      case 'in':
        parts.push((v as unknown[]).length ? `${ref.sql} IN (${(v as unknown[]).map(p).join(', ')})` : '0');
        break;
      case 'gt':
        parts.push(`${ref.sql} > ${p(v)}`);
        break;
      case 'gte':
        parts.push(`${ref.sql} >= ${p(v)}`);
        break;
      case 'lt':
        parts.push(`${ref.sql} < ${p(v)}`);
        break;
      case 'lte':
        parts.push(`${ref.sql} <= ${p(v)}`);
        break;
      case 'contains':
        parts.push(`${ref.sql} LIKE ${p(containsPattern(String(v)))} ESCAPE '\\'`);
        break;
      case 'startsWith':
        parts.push(`${ref.sql} LIKE ${p(`${likeEscape(String(v))}%`)} ESCAPE '\\'`);
        break;
      case 'has':
        if (ref.type !== 'json') throw invalid(path, msg('list.hasOnLists'));
        parts.push(
          `EXISTS (SELECT 1 FROM json_each(${ref.sql}) j WHERE j.value = ${p(v)} OR (j.type = 'object' AND EXISTS (SELECT 1 FROM json_each(j.value) k WHERE k.value = ${p(v)})))`,
        );
        break;
      case 'isNull':
        parts.push(v ? `${ref.sql} IS NULL` : `${ref.sql} IS NOT NULL`);
        break;
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

export interface ListSql {
  where: string;
  params: unknown[];
  orderBy: string;
  /** A searched word drives the read through a text index: the matches are read and sorted. */
  driven: boolean;
}

/**
 * Builds WHERE and ORDER BY for a list query; unknown fields are refused by name. `textIndex`
 * tells how to read a searched word through the kind's text index (store/search.ts).
 */
export function listSql(
  kind: KindName,
  query: ListQuery,
  extraWhere: string[] = [],
  textIndex: (word: string) => TextIndexUse | undefined = () => undefined,
): ListSql {
  const def: KindDef = KINDS[kind];
  const params: unknown[] = [];
  const where = [...extraWhere];
  if (!query.includeDeleted) where.push('t."deletedAt" IS NULL');
  for (const [field, cond] of Object.entries(query.filter ?? {})) {
    const path = `filter.${field}`;
    where.push(`(${conditionSql(fieldRef(kind, field, path), cond, path, params)})`);
  }
  const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean);
  let driven = false;
  for (const word of words) {
    const use = textIndex(word);
    driven ||= use === 'drive';
    where.push(searchSql(kind, 't', word, params, { textIndex: use }));
  }
  const sort = query.sort?.length ? query.sort : [def.defaultSort];
  const orderBy = [
    ...sort.map(
      (s, i) => `${fieldRef(kind, s.field, `sort.${i}.field`).sql} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`,
    ),
    `t."id" ${sort[0]?.dir === 'desc' ? 'DESC' : 'ASC'}`,
  ].join(', ');
  return { where: where.length ? where.join(' AND ') : '1', params, orderBy, driven };
}

/**
 * How to read `word` through `kind`'s text index: driven by it when it finds few records; else
 * as a filter of the ordered scan when the index alone decides (a word of one or two
 * characters); else not at all (the scan reads most rows' texts either way).
 */
function textIndexUse(store: Store, kind: KindName, word: string): TextIndexUse | undefined {
  const probe = narrowingSql(kind, word);
  if (!probe) return undefined;
  const found = prepared(store, probe.sql)
    .pluck()
    .get(...probe.params) as number;
  if (found <= driveMax(word)) return 'drive';
  return gramsDecide(word) ? 'filter' : undefined;
}

/**
 * A page of a list and its total. `textIndex` says how to read each searched word through the
 * kind's text index (by default as the word's candidates make best; tests compare the ways).
 */
export function listRows<K extends KindName>(
  store: Store,
  kind: K,
  query: ListQuery,
  extraWhere: string[] = [],
  textIndex: (word: string) => TextIndexUse | undefined = (word) => textIndexUse(store, kind, word),
): { rows: ListedOf<K>[]; total: number } {
  const def: KindDef = KINDS[kind];
  const { where, params, orderBy, driven } = listSql(kind, query, extraWhere, textIndex);
  const from = `FROM ${q(def.table)} t WHERE ${where}`;
  const derived = def.derivedSelect;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  // Matches read through a text index are sorted before the page is chosen: the page's rows
  // alone are then read whole with their derived values (sorting thousands of whole rows,
  // each with its derived values worked out, took most of the time).
  const page = driven
    ? `SELECT t.*${derived} FROM ${q(def.table)} t WHERE t."rowid" IN (SELECT t."rowid" ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?) ORDER BY ${orderBy}`
    : `SELECT t.*${derived} ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  const rows = prepared(store, page).all(...params, limit, offset) as Row[];
  const total =
    offset === 0 && rows.length < limit
      ? rows.length
      : (prepared(store, `SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  return { rows: rows.map((r) => rowToRecord(kind, r) as ListedOf<K>), total };
}
