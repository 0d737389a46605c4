import type { Core } from '../../core';
import { addDays } from '@shared/domain/dates';
import { parsePeriod } from '@shared/domain/period';
import { INDUSTRY_LABELS, MODE_LABELS, TIER_LABELS, UNKNOWN_KEY } from '@shared/reports/definitions';
import type { SummaryReport } from './quarterly';
import { getSettings } from '../settings/service';

// Text for the exported report (Chinese, as the bureau prints it).

const QUARTER_NAMES = ['一', '二', '三', '四'];
export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** '2026Q3' → '2026年第三季度'. */
export function quarterTitle(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${QUARTER_NAMES[Number(quarter.slice(5)) - 1]}季度`;
}

/** '2026-07-01' → '2026年7月1日'. */
export function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** '2026-07-01', '2026-08-31' → '2026年7月1日至2026年8月31日'. */
export const spanText = (from: string, to: string): string => `${chineseDate(from)}至${chineseDate(to)}`;

export function periodText(period: string): string {
  const p = parsePeriod(period);
  return spanText(p.start, p.end);
}

const isMonthStart = (d: string) => d.endsWith('-01');
const isMonthEnd = (d: string) => isMonthStart(addDays(d, 1));

/**
 * The period as a title names it: '2026年8月', '2026年第三季度', '2026年上半年', '2026年',
 * and for a range of whole months '2026年1-8月' (or '2025年12月-2026年2月'), else its days.
 */
export function periodTitle(period: string): string {
  const p = parsePeriod(period);
  const y = p.start.slice(0, 4);
  const m = (d: string) => Number(d.slice(5, 7));
  switch (p.kind) {
    case 'month':
      return `${y}年${m(p.start)}月`;
    case 'quarter':
      return quarterTitle(p.key);
    case 'half':
      return `${y}年${p.key.endsWith('H1') ? '上' : '下'}半年`;
    case 'year':
      return `${y}年`;
    default: {
      if (!isMonthStart(p.start) || !isMonthEnd(p.end)) return spanText(p.start, p.end);
      const y2 = p.end.slice(0, 4);
      if (y !== y2) return `${y}年${m(p.start)}月-${y2}年${m(p.end)}月`;
      return m(p.start) === m(p.end) ? `${y}年${m(p.start)}月` : `${y}年${m(p.start)}-${m(p.end)}月`;
    }
  }
}

/** What the text calls the period: 本月, 本季度, 本半年, 本年, 本期. */
export function periodNoun(r: Pick<SummaryReport, 'kind'>): string {
  return { month: '本月', quarter: '本季度', half: '本半年', year: '本年', range: '本期' }[r.kind];
}

/** What the text calls the previous period: 上月, 上季度, 上半年…, 上期. */
export function previousNoun(r: Pick<SummaryReport, 'kind'>): string {
  return { month: '上月', quarter: '上季度', half: '上一半年', year: '上年', range: '上期' }[r.kind];
}

/** A compared window as a header names it: the period, or its days when it is cut. */
export function windowTitle(w: { period: string; from: string; to: string }): string {
  return parsePeriod(w.period).end === w.to ? periodTitle(w.period) : spanText(w.from, w.to);
}

/** '（截至2026年12月4日）' for a period not yet over, else ''. */
export const asOfNote = (r: Pick<SummaryReport, 'partial' | 'asOf'>): string =>
  r.partial ? `（截至${chineseDate(r.asOf)}）` : '';

/** The bureau's name for titles: the one given, the `orgName` setting, or a placeholder to edit. */
export function orgNameOf(core: Core, given?: string | null): string {
  return given?.trim() || getSettings(core).orgName || 'XX区科技局';
}

export function percent(value: number | null, digits = 1): string {
  return value === null ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function num(value: number | null, digits = 0): string {
  // No thousands separators: Chinese official documents write 1405, not 1,405.
  return value === null ? '—' : value.toFixed(digits);
}

/** "增长12.5%" / "下降3.0%" / "持平" / "" when there is nothing to compare with. */
export function changeText(pct: number | null, points = false, change: number | null = null): string {
  if (points) {
    if (change === null) return '';
    if (Math.abs(change) < 0.0005) return '持平';
    return `${change > 0 ? '提高' : '下降'}${(Math.abs(change) * 100).toFixed(1)}个百分点`;
  }
  if (pct === null) return '';
  if (Math.abs(pct) < 0.0005) return '持平';
  return `${pct > 0 ? '增长' : '下降'}${(Math.abs(pct) * 100).toFixed(1)}%`;
}

/** Display name of a split key. */
export function splitLabel(report: SummaryReport, split: string, key: string): string {
  if (key === UNKNOWN_KEY) return '未填写';
  switch (split) {
    case 'byMode':
      return MODE_LABELS[key] ?? key;
    case 'byTier':
      return TIER_LABELS[key] ?? key;
    case 'byIndustry':
      return INDUSTRY_LABELS[key] ? `${key} ${INDUSTRY_LABELS[key]}` : key;
    case 'byStaff':
      return report.details.staffNames[key] ?? key;
    case 'byMonth':
      // A period across a year end names the year of each month.
      return report.from.slice(0, 4) === report.to.slice(0, 4)
        ? `${Number(key.slice(5))}月`
        : `${key.slice(0, 4)}年${Number(key.slice(5))}月`;
    default:
      return key;
  }
}

/** Characters a file name may not hold on Windows or macOS (and line breaks, tabs). */
const UNSAFE = /[\\/:*?"<>|\r\n\t]/g;

/** '启明区科技局_2026年第三季度走访工作总结[_张三]': the org, the period, the scope. */
export function fileStem(report: Pick<SummaryReport, 'period' | 'scope'>, org: string): string {
  const s = report.scope;
  const scope = s.type === 'bureau' ? '' : `_${s.staffName ?? s.town ?? s.unitName ?? ''}`;
  return `${org}_${periodTitle(report.period)}走访工作总结${scope}`.replace(UNSAFE, '_');
}
