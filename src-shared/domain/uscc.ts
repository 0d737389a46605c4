import type { Msg } from '../messages';
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
  | { ok: false; normalized: string; reason: 'length' | 'character' | 'check'; msg: Msg };

export function checkUscc(raw: string): UsccCheck {
  const normalized = normalizeUscc(raw);
  if (normalized.length !== 18) {
    return {
      ok: false,
      normalized,
      reason: 'length',
      msg: { key: 'uscc.length', params: { n: normalized.length } },
    };
  }
  const bad = [...normalized].findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) {
    return {
      ok: false,
      normalized,
      reason: 'character',
      msg: { key: 'uscc.char', params: { pos: bad + 1, ch: normalized[bad]! } },
    };
  }
  const expected = usccCheckChar(normalized.slice(0, 17))!;
  if (expected !== normalized[17]) {
    return {
      ok: false,
      normalized,
      reason: 'check',
      msg: { key: 'uscc.check', params: { got: normalized[17]!, want: expected } },
    };
  }
  return { ok: true, normalized };
}
