// Unified Social Credit Code (统一社会信用代码), GB 32100-2015.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper case, full-width → half-width, spaces and hyphens removed. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-\u2010-\u2015\uFF0D]/g, '')
    .toUpperCase();
}

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

export type UsccCheck =
  | { ok: true; normalized: string }
  | { ok: false; normalized: string; reason: 'length' | 'character' | 'check'; message: string };

export function checkUscc(raw: string): UsccCheck {
  const normalized = normalizeUscc(raw);
  if (normalized.length !== 18) {
    return {
      ok: false,
      normalized,
      reason: 'length',
      message: `USCC must have 18 characters, got ${normalized.length}`,
    };
  }
  const bad = [...normalized].findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) {
    return {
      ok: false,
      normalized,
      reason: 'character',
      message: `USCC character ${bad + 1} ('${normalized[bad]}') is not allowed (I, O, S, V, Z and symbols never occur)`,
    };
  }
  const expected = usccCheckChar(normalized.slice(0, 17))!;
  if (expected !== normalized[17]) {
    return {
      ok: false,
      normalized,
      reason: 'check',
      message: `USCC check character is '${normalized[17]}' but should be '${expected}'`,
    };
  }
  return { ok: true, normalized };
}
