// Amounts of money and whole counts in ledger cells. Ledgers write money in 元, 万元 or 亿元:
// the unit is the cell's own ("12.5万元", "3亿") or else its column header's ("金额（万元）"),
// else yuan. The app keeps yuan with at most two decimals (分).
import type { CellValue } from '@shared/ledger/types';
import { cellText } from './text';
import type { Read } from './values';

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

const UNITS: readonly [RegExp, number][] = [
  [/亿元?$/, 1e8],
  [/万元?$/, 1e4],
  [/元$/, 1],
];

/** The unit a header names ("金额（万元）" → 10,000), yuan when it names none. */
export function unitOfHeader(header: string): number {
  const h = header.normalize('NFKC');
  if (/亿/.test(h)) return 1e8;
  if (/万/.test(h)) return 1e4;
  return 1;
}

export function readAmount(v: CellValue, header = ''): Read<number> {
  let unit = unitOfHeader(header);
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    let t = cellText(v)
      .normalize('NFKC')
      .replace(/[,\s]/g, '')
      .replace(/^[¥￥]/, '')
      .replace(/人民币/, '');
    for (const [re, u] of UNITS) {
      if (re.test(t)) {
        unit = u;
        t = t.replace(re, '');
        break;
      }
    }
    n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  }
  if (!Number.isFinite(n)) return fail(`无法识别的金额 '${cellText(v)}'：填数字，可带单位 元、万元、亿元`);
  if (n < 0) return fail(`金额不能为负数 '${cellText(v)}'`);
  const fen = n * unit * 100;
  // A whole number of fen, but for what decimal fractions in binary leave ("12.345万" × 10,000).
  if (Math.abs(fen - Math.round(fen)) > Math.max(1e-4, Math.abs(fen) * 1e-15))
    return fail(`金额最多保留两位小数（分） '${cellText(v)}'`);
  return { ok: true, value: Math.round(fen) / 100 };
}

export function readCount(v: CellValue, min: number): Read<number> {
  const t = cellText(v)
    .normalize('NFKC')
    .replace(/[,\s]/g, '')
    .replace(/(人次|人|家|项|个|件|场)$/, '');
  const n = typeof v === 'number' ? v : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min) return fail(`应为不小于 ${min} 的整数 '${cellText(v)}'`);
  return { ok: true, value: n };
}
