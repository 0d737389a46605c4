// AG Grid's sort and filter models → the API's list query, so sorting and filtering run in SQL.
// Pure: no React, no grid instance.
import type { FilterCondition, ListQuery } from '@shared/contract/contract';
import { addDays, startOfShanghaiDay } from '@shared/domain/dates';

/**
 * How a column's values are stored, which decides how its filter is translated:
 * 'date' is a calendar date (YYYY-MM-DD), 'instant' an ISO date-time (compared by Shanghai day),
 * 'enum' a code (filtered by a list of codes), 'enumList' a JSON list of codes (filtered by one member),
 * 'bool' true/false.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'instant' | 'enum' | 'enumList' | 'bool' | 'json';

export interface SortItem {
  colId: string;
  sort: 'asc' | 'desc' | null | undefined;
}

/** The model of the grid's custom code-list filter (EnumFilter). */
export interface EnumFilterModel {
  filterType: 'enum';
  values: (string | boolean)[];
}

interface SimpleModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: string | number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

interface CombinedModel {
  filterType?: string;
  operator: 'AND' | 'OR';
  conditions: SimpleModel[];
}

type AnyModel = SimpleModel | CombinedModel | EnumFilterModel;
type Ops = Exclude<FilterCondition, null | string | number | boolean | unknown[]>;

export class UnsupportedFilter extends Error {}

const day = (v: string | null | undefined): string | null => (v ? v.slice(0, 10) : null);

function textOps(m: SimpleModel): Ops | null {
  const v = m.filter === null || m.filter === undefined ? '' : String(m.filter);
  switch (m.type) {
    case 'blank':
      return { isNull: true };
    case 'notBlank':
      return { isNull: false };
    case 'equals':
      return v ? { eq: v } : null;
    case 'notEqual':
      return v ? { ne: v } : null;
    case 'startsWith':
      return v ? { startsWith: v } : null;
    case 'contains':
    case undefined:
    case null:
      return v ? { contains: v } : null;
    default:
      throw new UnsupportedFilter(`text filter '${m.type}' is not supported`);
  }
}

function scalarOps(m: SimpleModel, from: string | number | null, to: string | number | null): Ops | null {
  switch (m.type) {
    case 'blank':
      return { isNull: true };
    case 'notBlank':
      return { isNull: false };
  }
  if (from === null) return null;
  switch (m.type) {
    case 'equals':
    case undefined:
    case null:
      return { eq: from };
    case 'notEqual':
      return { ne: from };
    case 'lessThan':
      return { lt: from };
    case 'lessThanOrEqual':
      return { lte: from };
    case 'greaterThan':
      return { gt: from };
    case 'greaterThanOrEqual':
      return { gte: from };
    case 'inRange':
      return to === null ? { gte: from } : { gte: from, lte: to };
    default:
      throw new UnsupportedFilter(`filter '${m.type}' is not supported`);
  }
}

function numberOps(m: SimpleModel): Ops | null {
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
  return scalarOps(m, num(m.filter), num(m.filterTo));
}

/** Instants compared by Shanghai calendar day: a day is [start of day, start of next day). */
function instantOps(m: SimpleModel): Ops | null {
  if (m.type === 'blank') return { isNull: true };
  if (m.type === 'notBlank') return { isNull: false };
  const from = day(m.dateFrom);
  if (!from) return null;
  const start = (d: string) => startOfShanghaiDay(d);
  const next = (d: string) => startOfShanghaiDay(addDays(d, 1));
  switch (m.type) {
    case 'equals':
    case undefined:
    case null:
      return { gte: start(from), lt: next(from) };
    case 'lessThan':
      return { lt: start(from) };
    case 'lessThanOrEqual':
      return { lt: next(from) };
    case 'greaterThan':
      return { gte: next(from) };
    case 'greaterThanOrEqual':
      return { gte: start(from) };
    case 'inRange': {
      const to = day(m.dateTo);
      return to ? { gte: start(from), lt: next(to) } : { gte: start(from) };
    }
    default:
      throw new UnsupportedFilter(`date filter '${m.type}' is not supported on this column`);
  }
}

function simpleOps(kind: ColumnKind, m: SimpleModel): Ops | null {
  switch (kind) {
    case 'number':
      return numberOps(m);
    case 'date':
      return scalarOps(m, day(m.dateFrom), day(m.dateTo));
    case 'instant':
      return instantOps(m);
    default:
      return textOps(m);
  }
}

function isCombined(m: AnyModel): m is CombinedModel {
  return 'conditions' in m && Array.isArray((m as CombinedModel).conditions);
}

function isEnum(m: AnyModel): m is EnumFilterModel {
  return m.filterType === 'enum';
}

/** One column's filter model → one API condition (or null when it filters nothing). */
export function toCondition(kind: ColumnKind, model: unknown): FilterCondition | null {
  if (!model || typeof model !== 'object') return null;
  const m = model as AnyModel;
  if (isEnum(m)) {
    const values = m.values ?? [];
    if (!values.length) return null;
    if (kind === 'enumList' || kind === 'json') {
      if (values.length > 1) throw new UnsupportedFilter('a list column is filtered by one value at a time');
      return { has: String(values[0]) };
    }
    return values.length === 1 ? values[0]! : values;
  }
  if (isCombined(m)) {
    if (m.operator === 'OR' && m.conditions.length > 1) {
      throw new UnsupportedFilter('OR between conditions is not supported');
    }
    let merged: Ops | null = null;
    for (const c of m.conditions) {
      const ops = simpleOps(kind, c);
      if (ops) merged = { ...(merged ?? {}), ...ops };
    }
    return merged;
  }
  return simpleOps(kind, m);
}

export interface ColumnKinds {
  [field: string]: ColumnKind | undefined;
}

/** The whole translation: sort model, filter model and quick search → ListQuery fields. */
export function toListQuery(
  sortModel: readonly SortItem[] | null | undefined,
  filterModel: Record<string, unknown> | null | undefined,
  kinds: ColumnKinds,
  q?: string | null,
  baseFilter?: ListQuery['filter'],
): Pick<ListQuery, 'sort' | 'filter' | 'q'> {
  const out: Pick<ListQuery, 'sort' | 'filter' | 'q'> = {};
  const sort = (sortModel ?? [])
    .filter((s) => s.sort === 'asc' || s.sort === 'desc')
    .slice(0, 5)
    .map((s) => ({ field: s.colId, dir: s.sort as 'asc' | 'desc' }));
  if (sort.length) out.sort = sort;
  const filter: NonNullable<ListQuery['filter']> = { ...(baseFilter ?? {}) };
  for (const [field, model] of Object.entries(filterModel ?? {})) {
    const cond = toCondition(kinds[field] ?? 'text', model);
    if (cond !== null) filter[field] = cond;
  }
  if (Object.keys(filter).length) out.filter = filter;
  const text = q?.trim();
  if (text) out.q = text;
  return out;
}
