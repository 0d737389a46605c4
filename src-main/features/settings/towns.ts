import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { preparedOn } from '../../store/records';
import { invalid } from '@shared/contract/errors';
import type { RecordWarning } from '@shared/contract/schemas';

// The bureau's list of towns (镇街, shared/DOMAIN.md "settings — this bureau"). A town typed
// that is not in it is saved all the same, with a warning: a new town is real now and then, a
// spelling variant is what the warning is for, as it would become its own line in the report's
// town split.

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** The towns live enterprises use (other than `exceptId`): the list until a supervisor sets one. */
export function townsInUse(core: Core, exceptId: string | null = null): string[] {
  const rows = preparedOn(
    core.store.db,
    `SELECT DISTINCT "town" FROM enterprises
       WHERE "deletedAt" IS NULL AND "town" IS NOT NULL AND trim("town") <> '' AND "id" IS NOT ?`,
  ).all(exceptId) as { town: string }[];
  return rows.map((r) => r.town).sort(byName);
}

/** A reference list as given, trimmed; refused whole at a blank or a repeated entry. */
export function checkedList(field: string, items: readonly string[]): string[] {
  const out = items.map((t) => t.trim());
  const blank = out.findIndex((t) => !t);
  if (blank >= 0) throw invalid(field, msg('list.blank', { n: blank + 1 }));
  const seen = new Set<string>();
  for (const item of out) {
    if (seen.has(item)) throw invalid(field, msg('list.twice', { item }), { value: item });
    seen.add(item);
  }
  return out;
}

/** The list of towns as given, trimmed; refused whole at a blank or a repeated town. */
export const checkedTowns = (towns: readonly string[]): string[] => checkedList('towns', towns);

/** The warning for a town the list does not hold, if it does not. */
export function townWarning(list: readonly string[], town: string | null | undefined): RecordWarning[] {
  const value = town?.trim();
  if (!value || list.includes(value)) return [];
  return [
    {
      field: 'town',
      code: 'not_listed',
      value,
      message: `“${value}”不在镇街列表中 (not in the list of towns)`,
    },
  ];
}

/** The towns of `towns` the list does not hold, in order. */
export function unlistedTowns(list: readonly string[], towns: Iterable<string>): string[] {
  const known = new Set(list);
  return [...new Set([...towns].map((t) => t.trim()).filter((t) => t && !known.has(t)))].sort(byName);
}
