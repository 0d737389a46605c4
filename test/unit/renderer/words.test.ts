import { describe, expect, it } from 'vitest';
import { defineWords, inLanguage, mergeWords, type Words } from '../../../src-renderer/i18n/words';
import { WORDS } from '../../../src-renderer/i18n/resources';

// Each text of the UI is written once with both languages, and i18next gets one tree per language.

const placeholders = (text: string) =>
  [...new Set(Array.from(text.matchAll(/\{\{\s*(\w+)/g), (m) => m[1]!))].sort();

function entries(words: Words, prefix = ''): [string, { zh: string; en: string; en_one?: string }][] {
  return Object.entries(words).flatMap(([k, v]) =>
    typeof v.zh === 'string'
      ? [[`${prefix}${k}`, v as { zh: string; en: string }]]
      : entries(v as Words, `${prefix}${k}.`),
  );
}

describe('words', () => {
  it('split into one tree per language, with English singulars as i18next plural keys', () => {
    const words = defineWords({
      grid: {
        count: { zh: '共 {{count}} 条', en: '{{count}} rows', en_one: '1 row' },
        empty: { zh: '无', en: 'None' },
      },
    });
    expect(inLanguage(words, 'zh')).toEqual({ grid: { count: '共 {{count}} 条', empty: '无' } });
    expect(inLanguage(words, 'en')).toEqual({
      grid: { count: '{{count}} rows', count_one: '1 row', empty: 'None' },
    });
  });

  it('refuse a text without both languages (a type error) and a group two features define', () => {
    // @ts-expect-error: no English
    defineWords({ nav: { today: { zh: '首页' } } });
    const a = defineWords({ nav: { today: { zh: '首页', en: 'Today' } } });
    expect(() => mergeWords(a, a)).toThrow(/"nav"/);
  });

  it('use the same placeholders in both languages', () => {
    const differ = entries(WORDS)
      .filter(([, w]) => placeholders(w.zh).join() !== placeholders(w.en).join())
      .map(([key, w]) => `${key}: ${w.zh} | ${w.en}`);
    expect(differ).toEqual([]);
    expect(entries(WORDS).length).toBeGreaterThan(800);
  });
});
