import { addDays, startOfShanghaiDay } from '@shared/domain/dates';
import { parseQuarter } from '@shared/domain/quarter';
import { invalid } from '@shared/contract/errors';

/** SQL parameters of one quarter: calendar dates (Shanghai) and loose instant bounds. */
export interface PeriodParams {
  quarter: string;
  /** First and last calendar day, inclusive. */
  qs: string;
  qe: string;
  /** Year of the last day, for tier validity. */
  qeYear: number;
  /**
   * The instants at which the quarter begins and ends (Shanghai midnight, as UTC ISO strings).
   * Timestamps are stored as UTC ISO strings ('…Z', with or without fractions of a second),
   * for which the string comparison `x < @ts` is exactly "on a Shanghai day before the
   * quarter": instants are compared this way, so that covering indexes serve the ranges.
   */
  ts: string;
  te: string;
}

export function periodParams(quarter: string): PeriodParams {
  let q;
  try {
    q = parseQuarter(quarter);
  } catch (e) {
    throw invalid('quarter', (e as Error).message);
  }
  return {
    quarter: q.key,
    qs: q.start,
    qe: q.end,
    qeYear: Number(q.end.slice(0, 4)),
    ts: startOfShanghaiDay(q.start),
    te: startOfShanghaiDay(addDays(q.end, 1)),
  };
}

/**
 * The day "at end" figures that depend on a date are read at (`@asOf`, `@asOfYear`): for now the
 * period's last day, the one place to change when unfinished periods are read as of today.
 */
export function asOfParams(period: Pick<PeriodParams, 'qe'>): { asOf: string; asOfYear: number } {
  return { asOf: period.qe, asOfYear: Number(period.qe.slice(0, 4)) };
}
