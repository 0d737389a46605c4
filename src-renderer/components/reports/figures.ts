// How the report's numbers are written on screen: values, changes against other quarters,
// the names of quarters and of split keys. Undefined rates are '—', never NaN.
import i18n from '../../i18n';
import { enumLabel, industryLabel } from '../../format';
import { TIERS, VISIT_MODES } from '@shared/domain/enums';
import {
  CLINIC_KEYS,
  RATE_KEYS,
  UNKNOWN_KEY,
  type RateKey,
  type ScalarKey,
} from '@shared/reports/definitions';
import { hadWork } from '@shared/reports/comparison';
import { periodOrNull } from '@shared/domain/period';
import type { Report } from '../../stores/reports';

export type FigureChange = Report['comparison']['figures'][ScalarKey];
export type SplitName =
  | 'byMode'
  | 'byTown'
  | 'byIndustry'
  | 'byTier'
  | 'byStaff'
  | 'byCategory'
  | 'byUnit'
  | 'tierStock'
  | 'tierNew';

export const DASH = '—';

export const isRate = (k: ScalarKey): k is RateKey => (RATE_KEYS as readonly string[]).includes(k);
/** Rates shown as percentages (the average days to close is a mean, in days). */
export const isPercent = (k: ScalarKey): boolean => isRate(k) && k !== 'avgDaysToClose';
export const isClinicKey = (k: ScalarKey): boolean => (CLINIC_KEYS as readonly string[]).includes(k);

const lang = () => (i18n.language === 'en' ? 'en' : 'zh-CN');

/** '2026Q3' → 2026年第三季度 / Q3 2026. */
export function quarterName(quarter: string, key: 'quarterName' | 'quarterChip' = 'quarterName'): string {
  const q = Number(quarter.slice(5));
  const words = i18n.t('reports.quarterWords').split(',');
  return i18n.t(`reports.${key}`, { year: quarter.slice(0, 4), q: key === 'quarterName' ? words[q - 1] : q });
}

/** Any period's name: 2026年8月, 2026年第三季度, 2026年上半年, 2026年, or its first and last day. */
export function periodName(key: string): string {
  const p = periodOrNull(key);
  if (!p) return key;
  const year = p.start.slice(0, 4);
  switch (p.kind) {
    case 'month':
      return i18n.t('reports.monthName', { year, m: Number(p.start.slice(5, 7)) });
    case 'quarter':
      return quarterName(p.key);
    case 'half': {
      const h = p.key.endsWith('H1') ? 0 : 1;
      return i18n.t('reports.halfName', { year, half: i18n.t('reports.halfWords').split(',')[h] });
    }
    case 'year':
      return i18n.t('reports.yearName', { year });
    default:
      return i18n.t('reports.rangeName', { start: p.start, end: p.end });
  }
}

/** A compared window's name: the period, or its days when it is cut to as many as the report's. */
export function windowName(w: { period: string; from: string; to: string }): string {
  return periodOrNull(w.period)?.end === w.to
    ? periodName(w.period)
    : i18n.t('reports.rangeName', { start: w.from, end: w.to });
}

/** The unit after a count (家次, 件…): Chinese only, English puts none (no fallback to Chinese). */
export function unitOf(k: ScalarKey): string {
  const unit = i18n.getResource(i18n.language, 'translation', `reports.unit.${k}`) as unknown;
  return typeof unit === 'string' ? unit : '';
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(lang()).format(n);
}

/** A figure's value as text: 1,234 · 62.5% · 12.3 · '—' when undefined. */
export function formatValue(k: ScalarKey, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return DASH;
  if (isPercent(k)) return `${(v * 100).toFixed(1)}%`;
  if (k === 'avgDaysToClose') return v.toFixed(1);
  return formatCount(v);
}

export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : DASH;
}

export interface Change {
  text: string;
  dir: 'up' | 'down' | 'same' | null;
  /** Whether the move is for the better, the worse, or neither (open demands: it depends). */
  tone: 'good' | 'bad' | null;
  /** The compared quarter has no recorded work at all: nothing is compared. */
  noData: boolean;
}

const LOWER_IS_BETTER: readonly ScalarKey[] = ['overdueAtEnd', 'avgDaysToClose'];
const NEITHER: readonly ScalarKey[] = ['newDemands', 'carriedOver', 'openAtEnd'];

const EPSILON = 1e-9;
const signed = (v: number, digits = 1) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(digits)}`;

/**
 * The change against the previous quarter or the same quarter last year: absolute (percentage
 * points for rates, days for the average) and relative. '—' when there is nothing to compare,
 * and when the other quarter has no recorded work at all (as the Word report leaves it out).
 */
export function changeOf(k: ScalarKey, report: Report, vs: 'previous' | 'lastYear'): Change {
  const c: FigureChange | undefined = report.comparison.figures[k];
  const abs = vs === 'previous' ? c?.changeVsPrevious : c?.changeVsLastYear;
  const pct = vs === 'previous' ? c?.pctVsPrevious : c?.pctVsLastYear;
  if (!hadWork(report, vs)) return { text: DASH, dir: null, tone: null, noData: true };
  if (abs === null || abs === undefined) return { text: DASH, dir: null, tone: null, noData: false };
  if (Math.abs(abs) < EPSILON)
    return { text: i18n.t('reports.same'), dir: 'same', tone: null, noData: false };
  const arrow = abs > 0 ? '▲' : '▼';
  const size = isPercent(k)
    ? i18n.t('reports.points', { value: Math.abs(abs * 100).toFixed(1) })
    : k === 'avgDaysToClose'
      ? i18n.t('reports.daysValue', { value: Math.abs(abs).toFixed(1) })
      : formatCount(Math.abs(abs));
  const text =
    pct === null || pct === undefined
      ? `${arrow}${size}`
      : i18n.t('reports.changeWithPct', { abs: `${arrow}${size}`, pct: `${signed(pct * 100)}%` });
  const better = LOWER_IS_BETTER.includes(k) ? abs < 0 : abs > 0;
  return {
    text,
    dir: abs > 0 ? 'up' : 'down',
    tone: NEITHER.includes(k) ? null : better ? 'good' : 'bad',
    noData: false,
  };
}

/** The words for a key of a split (a visit mode, a town, a staff id…). */
export function splitLabel(split: SplitName, key: string, report: Report | null): string {
  if (key === UNKNOWN_KEY) return i18n.t('reports.splits.unknown');
  switch (split) {
    case 'byMode':
      return enumLabel('visitMode', key);
    case 'byTier':
      return key === 'none' ? i18n.t('reports.splits.noTier') : enumLabel('tier', key);
    case 'byIndustry':
      // A section by its letter and name; an industry outside the standard by its own text.
      return industryLabel(key);
    case 'byStaff':
      return report?.details.staffNames[key] ?? key;
    case 'byCategory':
      return enumLabel('demandCategory', key);
    case 'byUnit':
      return report?.figures.byUnit[key]?.name ?? key;
    case 'tierStock':
    case 'tierNew':
      return enumLabel('tier', key);
    default:
      return key;
  }
}

const ORDER: Partial<Record<SplitName, readonly string[]>> = {
  byMode: VISIT_MODES,
  byTier: [...TIERS, 'none'],
  tierStock: TIERS,
  tierNew: TIERS,
};

/** Keys in the order a reader expects: codes in their own order, the rest largest first; unknown last. */
export function orderedKeys(
  split: SplitName,
  counts: Record<string, number>,
  report: Report | null,
): string[] {
  const order = ORDER[split];
  return Object.keys(counts).sort((a, b) => {
    if (a === UNKNOWN_KEY || b === UNKNOWN_KEY) return a === UNKNOWN_KEY ? 1 : -1;
    if (order) return order.indexOf(a) - order.indexOf(b);
    return (
      counts[b]! - counts[a]! ||
      splitLabel(split, a, report).localeCompare(splitLabel(split, b, report), 'zh-CN')
    );
  });
}
