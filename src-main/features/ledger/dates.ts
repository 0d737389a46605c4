// Dates as ledgers write them. Accepted (see README.md): 2026-03-05, 2026/3/5, 2026.3.5,
// 2026年3月5日, 20260305, 3/5/2026 (US order, as Excel writes CSV in an English locale),
// Excel serial numbers (1950–2100), real date cells, each optionally followed by a time
// (14:30, 14:30:15, 14时30分), and ISO instants with an offset. Times are Shanghai wall time.
// A date without its year (3月5日, 3.5) takes the year the ledger's title names, when given.
import { isValidDate, startOfShanghaiDay } from '@shared/domain/dates';
import type { CellValue } from '@shared/ledger/types';

export interface DateTime {
  date: string;
  /** HH:MM:SS, or null for a plain date. */
  time: string | null;
  /** Set when the text carried its own offset (an ISO instant): the exact instant. */
  instant: string | null;
}

export type DateResult = { ok: true; value: DateTime } | { ok: false; message: string };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers read as dates only in this range: 1950-01-01 … 2100-12-31. */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_415;

const pad = (n: number | string) => String(n).padStart(2, '0');

function fromParts(y: number, m: number, d: number): string | null {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return isValidDate(date) ? date : null;
}

function fromUtcMs(ms: number): DateTime {
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return { date: iso.slice(0, 10), time: time === '00:00:00' ? null : time, instant: null };
}

function fromSerial(n: number): DateResult {
  if (n < SERIAL_MIN || n > SERIAL_MAX) {
    return { ok: false, message: `数字 ${n} 不是日期` };
  }
  return { ok: true, value: fromUtcMs(EXCEL_EPOCH_MS + n * DAY_MS) };
}

const DATE_PART = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
/** Month and day alone: 3月5日, 3.5 (not 3/5, which US-order files write for other things). */
const MONTH_DAY = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|\.(\d{1,2})(?!\d))/;
const TIME_PART =
  /^(?:\s+|T|\s*[,，]\s*)?(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2}(?:\.\d+)?)\s*秒?)?\s*分?/;
const OFFSET = /^(Z|[+-]\d{2}:?\d{2})$/i;

function parseText(raw: string, year: number | null): DateResult {
  const s = raw.normalize('NFKC').trim();
  const bad: DateResult = { ok: false, message: `无法识别的日期 '${raw}'` };
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const date = fromParts(+m[1]!, +m[2]!, +m[3]!);
    return date ? { ok: true, value: { date, time: null, instant: null } } : bad;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(s);
  const parts = m
    ? { y: +m[3]!, mo: +m[1]!, d: +m[2]!, rest: m[4]! }
    : (() => {
        const p = DATE_PART.exec(s);
        if (p) return { y: +p[1]!, mo: +p[2]!, d: +p[3]!, rest: s.slice(p[0].length) };
        const md = MONTH_DAY.exec(s);
        return md ? { y: year ?? 0, mo: +md[1]!, d: +(md[2] ?? md[3])!, rest: s.slice(md[0].length) } : null;
      })();
  if (parts?.y === 0)
    return {
      ok: false,
      message: `日期 '${raw}' 缺少年份，表格标题中也没有年份：请写成 2026-03-05 这样的完整日期`,
    };
  if (!parts) {
    if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
    return bad;
  }
  const date = fromParts(parts.y, parts.mo, parts.d);
  if (!date) return bad;
  let rest = parts.rest.trim() ? parts.rest : '';
  let time: string | null = null;
  if (rest) {
    const t = TIME_PART.exec(rest);
    if (!t) return bad;
    const h = +t[1]!;
    const mi = +t[2]!;
    const sec = t[3] ? Math.floor(+t[3]) : 0;
    if (h > 23 || mi > 59 || sec > 59) return bad;
    time = `${pad(h)}:${pad(mi)}:${pad(sec)}`;
    rest = rest
      .slice(t[0].length)
      .replace(/^\.\d+/, '')
      .trim();
  }
  if (rest) {
    if (!OFFSET.test(rest) || !time) return bad;
    const instant = new Date(
      `${date}T${time}${rest.length === 5 ? `${rest.slice(0, 3)}:${rest.slice(3)}` : rest}`,
    );
    if (Number.isNaN(instant.getTime())) return bad;
    return { ok: true, value: { date, time, instant: instant.toISOString() } };
  }
  return { ok: true, value: { date, time: time === '00:00:00' ? null : time, instant: null } };
}

/** Reads a cell as a date (and maybe a time). Empty cells are not passed here. */
export function readDateTime(v: CellValue, year: number | null = null): DateResult {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, message: '无效的日期单元格' };
    return { ok: true, value: fromUtcMs(v.getTime()) };
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19_000_101 && v <= 21_001_231) return parseText(String(v), null);
    return fromSerial(v);
  }
  if (typeof v === 'string') return parseText(v, year);
  return { ok: false, message: `无法识别的日期 '${String(v)}'` };
}

/** The instant a date-time stands for: its own offset, else Shanghai wall time; a plain date is the start of that day. */
export function toInstantIso(dt: DateTime): string {
  if (dt.instant) return dt.instant;
  if (!dt.time) return startOfShanghaiDay(dt.date);
  return new Date(`${dt.date}T${dt.time}+08:00`).toISOString();
}
