import { msg } from '@shared/messages';
import { addDays, startOfShanghaiDay } from '@shared/domain/dates';
import {
  asOfDay,
  dayCount,
  parsePeriod,
  PeriodError,
  type Period,
  type PeriodKind,
} from '@shared/domain/period';
import { invalid } from '@shared/contract/errors';

/**
 * SQL parameters of the days a summary counts: calendar dates (Shanghai) and loose instant
 * bounds. The counted days run from the period's first day to `asOf` (the earlier of its last
 * day and today): a period not yet over is counted as of today, so every "at end" figure is
 * taken at `asOf` (a demand due later this month is not overdue yet).
 */
export interface PeriodParams {
  /** The period's key ('2026Q3', '2026-08', …; the name dates from quarters only). */
  quarter: string;
  /** First and last calendar day counted, inclusive (qe = asOf). */
  qs: string;
  qe: string;
  /** Year of the last day counted, for tier validity. */
  qeYear: number;
  /**
   * The instants at which the counted days begin and end (Shanghai midnight, as UTC ISO strings).
   * Timestamps are stored as UTC ISO strings ('…Z', with or without fractions of a second),
   * for which the string comparison `x < @ts` is exactly "on a Shanghai day before the
   * period": instants are compared this way, so that covering indexes serve the ranges.
   */
  ts: string;
  te: string;
  /** The period's kind and its own first and last day (`to` may be after `asOf`). */
  kind: PeriodKind;
  from: string;
  to: string;
  /** The day the figures are taken at (= qe). */
  asOf: string;
}

/** The parameters of the days `start`…`asOf` of the period `key` (for comparisons: any window). */
export function windowParams(
  key: string,
  kind: PeriodKind,
  from: string,
  to: string,
  asOf: string,
): PeriodParams {
  return {
    quarter: key,
    qs: from,
    qe: asOf,
    qeYear: Number(asOf.slice(0, 4)),
    ts: startOfShanghaiDay(from),
    te: startOfShanghaiDay(addDays(asOf, 1)),
    kind,
    from,
    to,
    asOf,
  };
}

/** Parses a period or refuses it as a VALIDATION error naming `field`. */
export function periodOf(key: string, field = 'period'): Period {
  try {
    return parsePeriod(key);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid(field, e.msg);
    throw e;
  }
}

/**
 * The parameters of a period as of `today` (the whole period when `today` is not given).
 * A period that has not begun by `today` has no day to count: refused.
 */
export function periodParams(key: string, options: { today?: string; field?: string } = {}): PeriodParams {
  const field = options.field ?? 'quarter';
  const p = periodOf(key, field);
  const asOf = options.today === undefined ? p.end : asOfDay(p, options.today);
  if (asOf < p.start) {
    throw invalid(field, msg('report.periodNotStarted', { today: options.today ?? '', period: p.key }));
  }
  return windowParams(p.key, p.kind, p.start, p.end, asOf);
}

/** Methods about a report's records take any `period`, or a `quarter` as they did before. */
export interface PeriodChoice {
  period?: string | undefined;
  quarter?: string | undefined;
}

/** The period chosen and the input field that named it (the contract requires one). */
export function chosenPeriod(input: PeriodChoice): { key: string; field: 'period' | 'quarter' } {
  if (input.period !== undefined) return { key: input.period, field: 'period' };
  if (input.quarter !== undefined) return { key: input.quarter, field: 'quarter' };
  throw invalid('period', msg('report.periodRequired'));
}

/**
 * More counted days than a quarter's 92, from the day `start` to the day `end` (a window's
 * `qs` and `qe`): over such windows some of the figures' reads take another plan.
 */
export const longerThanAQuarter = (start: unknown, end: unknown): boolean =>
  dayCount(String(start), String(end)) > 92;
