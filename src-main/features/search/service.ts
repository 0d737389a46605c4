import type { MethodOutput, ParsedInput } from '@shared/contract/contract';
import { SEARCH_KINDS, type SearchKind } from '@shared/contract/search';
import type { Core } from '../../core';
import { listSql, preparedOn } from '../../store/records';
import { KINDS, q, rowToRecord, type ListedOf } from '../../store/schema';
import { searchSql } from '../../store/search';

// search.global: each kind's quick search read on the fields a record is found by (its name,
// number, code, contact, enterprise: the models' `findBy`), so a record found here is found by
// its grid's search box too; a few of each, named for a person to pick from. Long texts (a
// visit's summary) are left to the grids: scanning 100,000 of them is no keystroke's work.

const DEFAULT_LIMIT = 5;

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** What names each kind's record in the results, and what tells it apart. */
const HIT: { [K in SearchKind]: (r: ListedOf<K>) => { title: string; detail: string } } = {
  enterprises: (r) => ({ title: r.name ?? '', detail: joined(r.uscc, r.town) }),
  visits: (r) => ({
    title: joined(r.visitNo, r.date),
    detail: joined(r.enterpriseName, r.summary?.slice(0, 40)),
  }),
  demands: (r) => ({ title: r.title ?? '', detail: joined(r.enterpriseName, r.receivedAt?.slice(0, 10)) }),
  experts: (r) => ({ title: r.name ?? '', detail: joined(r.organization, r.speciality) }),
  units: (r) => ({ title: r.name ?? '', detail: joined(r.contact, r.phone) }),
};

function groupOf<K extends SearchKind>(core: Core, kind: K, words: string[], limit: number) {
  const params: unknown[] = [];
  const where = [
    't."deletedAt" IS NULL',
    ...words.map((w) => searchSql(kind, 't', w, params, { findByOnly: true })),
  ];
  const { orderBy } = listSql(kind, {});
  const def = KINDS[kind];
  // One more than shown tells whether there are more, without counting them all.
  const rows = preparedOn(
    core.store.db,
    `SELECT t.*${def.derivedSelect} FROM ${q(def.table)} t WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`,
  ).all(...params, limit + 1) as Record<string, unknown>[];
  const hit = HIT[kind] as (r: ListedOf<K>) => { title: string; detail: string };
  const items = rows.slice(0, limit).map((row) => {
    const r = rowToRecord(kind, row) as ListedOf<K>;
    return { id: r.id, ...hit(r) };
  });
  return { kind, more: rows.length > limit, items };
}

export function searchGlobal(core: Core, input: ParsedInput<'search.global'>): MethodOutput<'search.global'> {
  const words = input.q.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { groups: [] };
  const limit = input.limit ?? DEFAULT_LIMIT;
  return {
    groups: SEARCH_KINDS.map((kind) => groupOf(core, kind, words, limit)).filter((g) => g.items.length > 0),
  };
}
