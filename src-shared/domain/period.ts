import { sayZh, type Msg } from '../messages';
import { addDays, daysBetween, isValidDate } from './dates';

// The periods a summary is made for (shared/DOMAIN.md, "Period summary"): a month `2026-08`,
// a quarter `2026Q3`, a half year `2026H1`, a year `2026`, or any range of calendar days
// `2026-01-01..2026-08-31`. Pure calendar arithmetic on 'YYYY-MM-DD' strings (Shanghai days).

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** The canonical key, e.g. '2026Q3', '2026-08', '2026-01-01..2026-08-31'. */
  key: string;
  kind: PeriodKind;
  /** First calendar day, inclusive. */
  start: string;
  /** Last calendar day, inclusive. */
  end: string;
}

/** A period that does not exist; `msg` says why (the message is its Chinese). */
export class PeriodError extends RangeError {
  constructor(readonly msg: Msg) {
    super(sayZh(msg));
    this.name = 'PeriodError';
  }
}

const PATTERNS: [PeriodKind, RegExp][] = [
  ['quarter', /^(\d{4})Q(\d+)$/],
  ['half', /^(\d{4})H(\d+)$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['year', /^(\d{4})$/],
  ['range', /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/],
];

/** Loose shape check for schemas; parsePeriod says what exactly is wrong. */
export const PERIOD_RE = /^\d{4}(Q\d+|H\d+|-\d{2}|-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The months [first, first + count) of a year as a period of `kind`. */
function months(key: string, kind: PeriodKind, year: number, first: number, count: number): Period {
  const start = `${year}-${pad(first)}-01`;
  const next = first + count > 12 ? `${year + 1}-01-01` : `${year}-${pad(first + count)}-01`;
  return { key, kind, start, end: addDays(next, -1) };
}

export function parsePeriod(key: string): Period {
  const text = key.trim();
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    const n = Number(m[2]);
    switch (kind) {
      case 'quarter':
        if (n < 1 || n > 4) throw new PeriodError({ key: 'period.quarter', params: { text } });
        return months(text, kind, year, (n - 1) * 3 + 1, 3);
      case 'half':
        if (n < 1 || n > 2) throw new PeriodError({ key: 'period.half', params: { text } });
        return months(text, kind, year, (n - 1) * 6 + 1, 6);
      case 'month':
        if (n < 1 || n > 12) throw new PeriodError({ key: 'period.month', params: { text } });
        return months(text, kind, year, n, 1);
      case 'year':
        return months(text, kind, year, 1, 12);
      default: {
        const [start, end] = [m[1]!, m[2]!];
        for (const d of [start, end]) {
          if (!isValidDate(d)) throw new PeriodError({ key: 'period.noDate', params: { date: d } });
        }
        if (end < start) {
          throw new PeriodError({ key: 'period.reversed', params: { text } });
        }
        // At most 5 years: 2020-01-01..2024-12-31, not a day more.
        if (end >= shiftYears(start, 5)) {
          throw new PeriodError({ key: 'period.tooLong', params: { text } });
        }
        return { key: text, kind, start, end };
      }
    }
  }
  throw new PeriodError({ key: 'period.format', params: { text } });
}

/** The number of days from `start` to `end`, both included. */
export const dayCount = (start: string, end: string): number => daysBetween(start, end) + 1;

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const shifted = `${y}-${md}`;
  return isValidDate(shifted) ? shifted : `${y}-${md.slice(0, 3)}28`;
}

function monthIndex(period: Period): number {
  return Number(period.start.slice(0, 4)) * 12 + Number(period.start.slice(5, 7)) - 1;
}

function ofMonthIndex(kind: SteppedKind, index: number): Period {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  switch (kind) {
    case 'month':
      return parsePeriod(`${year}-${pad(month)}`);
    case 'quarter':
      return parsePeriod(`${year}Q${Math.floor((month - 1) / 3) + 1}`);
    case 'half':
      return parsePeriod(`${year}H${month <= 6 ? 1 : 2}`);
    default:
      return parsePeriod(String(year));
  }
}

const rangeOf = (start: string, end: string): Period => ({
  key: `${start}..${end}`,
  kind: 'range',
  start,
  end,
});

/** The previous period of the same kind; for a range, the range of as many days just before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'range') {
    const days = dayCount(period.start, period.end);
    return rangeOf(addDays(period.start, -days), addDays(period.start, -1));
  }
  return shiftPeriod(period, -1);
}

/** The same period a year earlier. */
export function periodYearEarlier(period: Period): Period {
  if (period.kind === 'range') return rangeOf(shiftYears(period.start, -1), shiftYears(period.end, -1));
  return ofMonthIndex(period.kind, monthIndex(period) - 12);
}

/** The earlier of the period's last day and `today`. */
export const asOfDay = (period: Period, today: string): string => (today < period.end ? today : period.end);

/**
 * `period` cut to its first `days` days (never past its own end): comparisons of a period not
 * yet over use as many days of the other periods as have passed of this one.
 */
export function cutPeriod(period: Period, days: number): { start: string; end: string } {
  const end = addDays(period.start, days - 1);
  return { start: period.start, end: end < period.end ? end : period.end };
}

/** Periods a picker steps through: every kind but a range. */
export type SteppedKind = Exclude<PeriodKind, 'range'>;

/** The period of `kind` that holds `date` ('2026-08-15' → '2026Q3'). */
export function periodContaining(kind: SteppedKind, date: string): Period {
  return ofMonthIndex(kind, Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1);
}

/** The period `by` steps after (or before) a month, quarter, half year or year. */
export function shiftPeriod(period: Period, by: number): Period {
  if (period.kind === 'range') throw new RangeError('a range has no next period of its kind');
  const step = { month: 1, quarter: 3, half: 6, year: 12 }[period.kind];
  return ofMonthIndex(period.kind, monthIndex(period) + step * by);
}

/** `key` when it names a period, else null (for addresses and pickers). */
export function periodOrNull(key: string | undefined | null): Period | null {
  if (!key) return null;
  try {
    return parsePeriod(key);
  } catch {
    return null;
  }
}
