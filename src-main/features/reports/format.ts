import type { Core } from '../../core';
import { parseQuarter } from '@shared/domain/quarter';
import { INDUSTRY_LABELS, MODE_LABELS, TIER_LABELS, UNKNOWN_KEY } from '@shared/reports/definitions';
import type { QuarterlyReport } from './quarterly';
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

export function periodText(quarter: string): string {
  const q = parseQuarter(quarter);
  return `${chineseDate(q.start)}至${chineseDate(q.end)}`;
}

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
export function splitLabel(report: QuarterlyReport, split: string, key: string): string {
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
      return `${Number(key.slice(5))}月`;
    default:
      return key;
  }
}

export function fileStem(report: Pick<QuarterlyReport, 'quarter' | 'scope'>): string {
  const scope = report.scope.type === 'bureau' ? '' : `-${report.scope.staffName ?? report.scope.town ?? ''}`;
  return `季度走访工作总结-${report.quarter}${scope}`;
}
