import { msg } from '@shared/messages';
import { industryEntry, isListedIndustry } from '@shared/domain/industries';
import { invalid } from '@shared/contract/errors';
import type { RecordWarning } from '@shared/contract/schemas';
import { checkedList } from './towns';

// The bureau's own industries (settings `industries`), beside the GB/T 4754-2017 sections and
// divisions that ship with the app (@shared/domain/industries). An industry in neither is saved
// with a warning, like a town not in the list: old data and imports keep what they hold, and
// the warning offers the one-click add before it becomes its own line in the report's split.

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** The bureau's entries as given, trimmed; refused at a blank, a repeat or a code of the standard. */
export function checkedIndustries(items: readonly string[]): string[] {
  const out = checkedList('industries', items);
  const code = out.find((x) => industryEntry(x));
  if (code) throw invalid('industries', msg('industries.inStandard', { item: code }));
  return out;
}

/** The warning for an industry neither the standard nor the bureau's entries hold, if it is one. */
export function industryWarning(
  custom: readonly string[],
  industry: string | null | undefined,
): RecordWarning[] {
  const value = industry?.trim();
  if (!value || isListedIndustry(value, custom)) return [];
  return [
    {
      field: 'industry',
      code: 'not_listed',
      value,
      message: `“${value}”不在行业分类中 (not in the list of industries)`,
    },
  ];
}

/** The industries of `industries` the lists do not hold, in order. */
export function unlistedIndustries(custom: readonly string[], industries: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const x of industries) {
    const v = x.trim();
    if (v && !isListedIndustry(v, custom)) out.add(v);
  }
  return [...out].sort(byName);
}
