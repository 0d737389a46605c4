import type { MethodOutput, ParsedInput } from '@shared/contract/contract';
import { SEARCH_KINDS, type SearchKind } from '@shared/contract/search';
import type { Core } from '../../core';
import { listRows } from '../../store/records';
import type { ListedOf } from '../../store/schema';

// search.global: each kind's quick search (the same SQL as its grid's search box, so a
// record found here is found there), a few of each, named for a person to pick from.

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

function groupOf<K extends SearchKind>(core: Core, kind: K, q: string, limit: number) {
  const { rows, total } = listRows(core.store, kind, { q, limit });
  const hit = HIT[kind] as (r: ListedOf<K>) => { title: string; detail: string };
  return { kind, total, items: rows.map((r) => ({ id: r.id, ...hit(r) })) };
}

export function searchGlobal(core: Core, input: ParsedInput<'search.global'>): MethodOutput<'search.global'> {
  if (!input.q.trim()) return { groups: [] };
  const limit = input.limit ?? DEFAULT_LIMIT;
  return {
    groups: SEARCH_KINDS.map((kind) => groupOf(core, kind, input.q, limit)).filter((g) => g.total > 0),
  };
}
