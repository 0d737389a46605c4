// Enterprise name comparison for duplicate warnings.

const SUFFIXES =
  /(股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|集团|厂|co\.?,?\s*ltd\.?|ltd\.?|inc\.?)$/i;
const BRACKETS = /[（(][^）)]*[）)]/g;

/** The distinctive part of a name: no brackets, spaces, punctuation or legal-form suffix. */
export function coreName(name: string): string {
  let s = name
    .normalize('NFKC')
    .replace(BRACKETS, '')
    .replace(/[\s\p{P}]/gu, '')
    .toLowerCase();
  for (let i = 0; i < 2; i++) s = s.replace(SUFFIXES, '');
  return s;
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient over character bigrams, 0…1; containment counts as similar. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a))) return 0.9;
  const x = bigrams(a);
  const y = bigrams(b);
  let overlap = 0;
  for (const [g, n] of x) overlap += Math.min(n, y.get(g) ?? 0);
  const total = [...x.values()].reduce((s, n) => s + n, 0) + [...y.values()].reduce((s, n) => s + n, 0);
  return total ? (2 * overlap) / total : 0;
}
