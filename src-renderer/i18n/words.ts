// The shape of the UI's words: every text is one entry holding both languages side by side,
// so a key cannot exist in one language only and a translator sees the pair together.

/** One text. English may add its singular (`en_one`, i18next's plural suffix) to a counted text. */
export interface Word {
  zh: string;
  en: string;
  en_one?: string;
}

/** A feature's words: groups of texts, as deep as the keys (`demand.daysLeft`) need. */
export interface Words {
  [key: string]: Word | Words;
}

export type Lang = 'zh' | 'en';

/** One language's tree: the shape i18next takes as a translation resource. */
export type InLanguage<T extends Words> = {
  [K in keyof T]: T[K] extends Word ? string : T[K] extends Words ? InLanguage<T[K]> : never;
};

/** A feature's words, checked to have both languages at every key. */
export function defineWords<T extends Words>(words: T): T {
  return words;
}

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The features' words as one tree; two features claiming the same group is a mistake. */
export function mergeWords<T extends Words[]>(...parts: T): Intersection<T[number]> {
  const all: Words = {};
  for (const part of parts) {
    for (const [group, words] of Object.entries(part)) {
      if (group in all) throw new Error(`Two features define the words of "${group}"`);
      all[group] = words;
    }
  }
  return all as Intersection<T[number]>;
}

function isWord(entry: Word | Words): entry is Word {
  return typeof entry.zh === 'string';
}

/** One language's texts of a tree of words (with English's `_one` forms beside their key). */
export function inLanguage<T extends Words>(words: T, lang: Lang): InLanguage<T> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(words)) {
    if (!isWord(entry)) {
      out[key] = inLanguage(entry, lang);
      continue;
    }
    out[key] = entry[lang];
    if (lang === 'en' && entry.en_one !== undefined) out[`${key}_one`] = entry.en_one;
  }
  return out as InLanguage<T>;
}
