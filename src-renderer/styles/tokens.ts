// The design tokens of tokens.css, read from that one file for the code that cannot use CSS:
// AG Grid's theme takes `var(--vl-…)` strings, ECharts draws on a canvas and needs real values.
import tokensCss from './tokens.css?raw';

const DECLARATION = /--vl-([\w-]+):\s*([^;]+);/g;
const REFERENCE = /^var\(--vl-([\w-]+)\)$/;

const declared = new Map<string, string>(
  Array.from(tokensCss.matchAll(DECLARATION), ([, name, value]) => [
    name!,
    value!.replace(/\s+/g, ' ').trim(),
  ]),
);

/** A token as a CSS value, `var(--vl-…)`, for APIs that hand it on to the page's CSS. */
export function cssVar(name: string): string {
  if (!declared.has(name)) throw new Error(`No design token --vl-${name}`);
  return `var(--vl-${name})`;
}

/** A token's value with its `var(--vl-…)` references followed to the end, e.g. '#1d5fa8'. */
export function tokenValue(name: string): string {
  const value = declared.get(name);
  if (value === undefined) throw new Error(`No design token --vl-${name}`);
  const ref = REFERENCE.exec(value);
  return ref ? tokenValue(ref[1]!) : value;
}
