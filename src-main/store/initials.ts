// Pinyin initials for the quick search (`hkzn` finds 华科智能), as the SQL function
// vl_initials that store/search.ts matches against.
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';

let pinyin: typeof PinyinPro.pinyin | undefined;
/**
 * pinyin-pro, loaded when a name's initials are first asked for: its dictionary takes a few
 * milliseconds to load, which most command-line calls (no search by initials) need not pay.
 * Required, not imported: the SQL function that asks cannot wait.
 */
const loadPinyin = (): typeof PinyinPro.pinyin =>
  (pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin);

// Initials are asked for the same names on every keystroke: computing them is ~15 µs a name
// (6,000 enterprises: 90 ms), a lookup is a hash probe. Bounded like the statement cache.
const MAX_INITIALS = 200_000;
const initialsCache = new Map<string, string>();

/**
 * The pinyin initials of a text, lower case, with its Latin letters and digits as they are:
 * 华科智能装备 → hkznzb, 3D打印 → 3ddy. Other characters are left out.
 */
export function pinyinInitials(text: string): string {
  let out = initialsCache.get(text);
  if (out === undefined) {
    out = loadPinyin()(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    if (initialsCache.size >= MAX_INITIALS) initialsCache.clear();
    initialsCache.set(text, out);
  }
  return out;
}

export function installInitialsFunction(db: Database.Database): void {
  db.function('vl_initials', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? pinyinInitials(text) : null,
  );
}
