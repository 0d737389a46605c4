// The industries a typed text matches, for the industry field: GB/T 4754-2017 sections and
// divisions and the bureau's own entries, by code (`c39`), by name (`电子`) or by the pinyin
// initials of the name (`jsj` → 计算机、通信和其他电子设备制造业). pinyin-pro loads on first use.
import { INDUSTRY_ENTRIES } from '@shared/domain/industries';

export interface IndustryOption {
  /** What the field stores: the code, or a custom entry's text. */
  value: string;
  label: string;
  custom: boolean;
}

let initialsOf: ((text: string) => string) | null = null;
let loading: Promise<void> | null = null;

/** Loads the pinyin table (once); matching by initials waits for it, the rest does not. */
export function loadInitials(): Promise<void> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    const cache = new Map<string, string>();
    initialsOf = (text) => {
      let out = cache.get(text);
      if (out === undefined) {
        out = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
          .join('')
          .toLowerCase();
        cache.set(text, out);
      }
      return out;
    };
  });
  return loading;
}

export function industryOptions(query: string, custom: readonly string[], limit = 12): IndustryOption[] {
  const all: IndustryOption[] = [
    ...INDUSTRY_ENTRIES.map((e) => ({ value: e.code, label: `${e.code} ${e.zh}`, custom: false })),
    ...custom.map((c) => ({ value: c, label: c, custom: true })),
  ];
  const q = query.trim().toLowerCase();
  // Nothing typed: the sections and the bureau's own entries.
  if (!q) return all.filter((o) => o.custom || o.value.length === 1);
  const byCode = (o: IndustryOption) => !o.custom && o.value.toLowerCase().startsWith(q);
  const byName = (o: IndustryOption) => o.label.toLowerCase().includes(q);
  const byInitials = (o: IndustryOption) =>
    /^[a-z]+$/.test(q) &&
    initialsOf !== null &&
    initialsOf(o.custom ? o.label : o.label.slice(o.value.length + 1)).includes(q);
  // Codes first (typing C3 lists C30–C39), then names, then initials.
  const ranked = [...all.filter(byCode), ...all.filter(byName), ...all.filter(byInitials)];
  return [...new Map(ranked.map((o) => [o.value, o])).values()].slice(0, limit);
}
