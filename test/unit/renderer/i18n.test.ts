import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en, zhCN } from '../../../src-renderer/i18n/resources';
import { ENUMS } from '../../../src-renderer/enums';
import { MOVES } from '@shared/domain/workflow';

// Every code the UI can show has words in both languages, and every key the code uses exists.

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
const PLURAL = /_(one|other|few|many|two|zero)$/;
const zhKeys = new Set(keys(zhCN as unknown as Tree));
const enKeys = new Set(keys(en as unknown as Tree).map((k) => k.replace(PLURAL, '')));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('translations', () => {
  it('label every value of every enumeration, in Chinese and in English', () => {
    for (const [group, values] of Object.entries(ENUMS)) {
      for (const v of values) {
        expect(zhKeys.has(`enum.${group}.${v}`), `zh-CN enum.${group}.${v}`).toBe(true);
        expect(enKeys.has(`enum.${group}.${v}`), `en enum.${group}.${v}`).toBe(true);
      }
    }
  });

  it('name every workflow move', () => {
    for (const [from, tos] of Object.entries(MOVES)) {
      for (const to of Object.keys(tos))
        expect(zhKeys.has(`move.${from}_${to}`), `move.${from}_${to}`).toBe(true);
    }
  });

  it('have the same keys in both languages', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('cover every literal key the renderer uses', () => {
    const used = new Set<string>();
    for (const file of sources('src-renderer')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\b(?:header|key): '([a-z]+\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !zhKeys.has(k)).sort()).toEqual([]);
  });
});
