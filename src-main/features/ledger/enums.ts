// Reading enumeration words ("上门走访" → onsite, "已办结" → closed). A cell matches a value
// when, folded (see text.ts), it equals one of the value's words, its code or its label; else
// when it contains words of exactly one value (the longest contained word decides, so
// "不满意" is not "满意") and nothing around them negates them ("未完成" is unknown).
import { ENUM_WORDS } from './enumWords';
import { ENUM_LABELS, ENUM_VALUES, type EnumGroup } from './labels';
import { fold } from './text';

export type EnumResult = { ok: true; value: string } | { ok: false; message: string };

interface Matcher {
  exact: Map<string, string>;
  /** Words of at least two characters, longest first. */
  words: { word: string; value: string }[];
  cache: Map<string, EnumResult>;
}

const matchers = new Map<EnumGroup, Matcher>();
const NEGATION = /[未不没无非否]/;

function build(group: EnumGroup): Matcher {
  const exact = new Map<string, string>();
  const add = (word: string, value: string) => {
    const f = fold(word);
    if (f && !exact.has(f)) exact.set(f, value);
  };
  const extra = ENUM_WORDS[group] ?? {};
  for (const value of ENUM_VALUES[group]) {
    for (const w of extra[value] ?? []) add(w, value);
    add(value, value);
    add(value.replace(/_/g, ' '), value);
    const label = ENUM_LABELS[group][value];
    if (label) add(label, value);
  }
  const words = [...exact.entries()]
    .filter(([w]) => [...w].length >= 2)
    .map(([word, value]) => ({ word, value }))
    .sort((a, b) => b.word.length - a.word.length);
  return { exact, words, cache: new Map() };
}

function matcher(group: EnumGroup): Matcher {
  let m = matchers.get(group);
  if (!m) matchers.set(group, (m = build(group)));
  return m;
}

/** The value a word stands for in a group, or why it cannot be read. */
export function readEnum(group: EnumGroup, text: string): EnumResult {
  const m = matcher(group);
  const cached = m.cache.get(text);
  if (cached) return cached;
  const result = match(m, group, text);
  if (m.cache.size < 10_000) m.cache.set(text, result);
  return result;
}

/** The value a word is exactly (a word, code or label of it), without guessing from parts. */
export function exactEnum(group: EnumGroup, text: string): string | null {
  return matcher(group).exact.get(fold(text)) ?? null;
}

function match(m: Matcher, group: EnumGroup, text: string): EnumResult {
  const f = fold(text);
  const hit = m.exact.get(f);
  if (hit) return { ok: true, value: hit };
  let best = 0;
  const values = new Set<string>();
  let rest = '';
  for (const { word, value } of m.words) {
    if (word.length < best) break;
    if (f.includes(word)) {
      best = word.length;
      values.add(value);
      rest = f.replace(word, '');
    }
  }
  // "未完成" is not "完成": a negation around the word found makes the text unknown.
  if (values.size === 1 && !NEGATION.test(rest)) return { ok: true, value: [...values][0]! };
  const known = ENUM_VALUES[group].map((v) => ENUM_LABELS[group][v] ?? v).join('、');
  if (values.size > 1) {
    return { ok: false, message: `'${text}' 含义不明确：可填 ${known}` };
  }
  return { ok: false, message: `无法识别 '${text}'：可填 ${known}` };
}
