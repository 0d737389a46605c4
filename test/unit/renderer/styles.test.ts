import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { cssVar, tokenValue } from '../../../src-renderer/styles/tokens';

// The stylesheets take every colour from tokens.css, name only tokens that exist, and the
// components use only classes their CSS module defines.

const ROOT = 'src-renderer';
const TOKENS = join(ROOT, 'styles/tokens.css');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}
const stylesheets = files(ROOT, /\.css$/);
const components = files(ROOT, /\.tsx?$/);
const declared = new Set(Array.from(readFileSync(TOKENS, 'utf8').matchAll(/(--vl-[\w-]+):/g), (m) => m[1]!));

describe('design tokens', () => {
  it('resolve through their references to a value', () => {
    expect(tokenValue('color-primary')).toBe('#1d5fa8');
    expect(tokenValue('chart-1')).toBe(tokenValue('blue-600'));
    expect(tokenValue('font-family')).toMatch(/^'Microsoft YaHei', .*sans-serif$/);
    expect(cssVar('color-border')).toBe('var(--vl-color-border)');
    expect(() => tokenValue('color-nope')).toThrow(/--vl-color-nope/);
    expect(() => cssVar('color-nope')).toThrow(/--vl-color-nope/);
  });

  it('are the only place a colour is written in the stylesheets', () => {
    const literals = stylesheets
      .filter((f) => f !== TOKENS)
      .flatMap((f) =>
        Array.from(
          readFileSync(f, 'utf8').matchAll(/#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(/g),
          (m) => `${f}: ${m[0]}`,
        ),
      );
    expect(literals).toEqual([]);
  });

  it('are all declared where the stylesheets and the code use them', () => {
    const unknown = [...stylesheets, ...components].flatMap((f) =>
      Array.from(readFileSync(f, 'utf8').matchAll(/var\((--vl-[\w-]+)\)/g), (m) => m[1]!)
        .filter((name) => !declared.has(name))
        .map((name) => `${f}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('CSS modules', () => {
  it('define every class a component takes from them', () => {
    const missing: string[] = [];
    for (const file of components) {
      const text = readFileSync(file, 'utf8');
      for (const [, name, path] of text.matchAll(/import (\w+) from '([^']+\.module\.css)';/g)) {
        const css = readFileSync(join(dirname(file), path!), 'utf8').replace(/:global\([^)]*\)/g, '');
        const defined = new Set(Array.from(css.matchAll(/\.([a-zA-Z_][\w-]*)/g), (m) => m[1]!));
        for (const [, cls] of text.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g')))
          if (!defined.has(cls!)) missing.push(`${relative(ROOT, file)}: ${name}.${cls}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
