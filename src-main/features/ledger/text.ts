// Text helpers for matching what people type against known words.
import type { CellValue } from '@shared/ledger/types';

/** Folded for comparison: NFKC (full width → half width), lower case, no spaces, punctuation or symbols. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A cell as text, trimmed: numbers without exponent noise, dates as YYYY-MM-DD[ HH:MM[:SS]]. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\u00a0/g, ' ').trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  return dateCellText(v);
}

/** A date cell (Excel dates are wall-clock times stored as UTC) as the user saw it. */
export function dateCellText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

export function isBlank(v: CellValue | undefined): boolean {
  return cellText(v) === '';
}

/** Splits a list cell ("张三、李四", "技术；人才") into its trimmed, non-empty parts. */
export function splitList(s: string, extra: RegExp | null = null): string[] {
  const parts = s.split(/[、,，;；/／|\n\r]+/);
  const out: string[] = [];
  for (const p of parts) {
    for (const q of extra ? p.split(extra) : [p]) {
      const t = q.trim();
      if (t) out.push(t);
    }
  }
  return out;
}
