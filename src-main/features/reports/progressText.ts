import { TARGET_KEYS, paceOf, targetLabel, yearElapsed, type TargetKey } from '@shared/reports/targets';
import type { SummaryReport } from './quarterly';
import { chineseDate, num, percent } from './format';

// The words of the Word report's 目标任务完成情况: where each target stands against the share of
// the year gone by, as a bureau writes it ("…完成全年目标任务的103.2%").

type Progress = SummaryReport['targets'][string];

/** The report's targets in key order. */
export const progressRows = (r: Pick<SummaryReport, 'targets'>): [TargetKey, Progress][] =>
  TARGET_KEYS.filter((k) => r.targets[k]).map((k) => [k, r.targets[k]!]);

/** '1,234.56' as Chinese official text writes amounts: yuan with fen, or 万元 / 亿元 when large. */
function amountText(yuan: number): string {
  if (yuan >= 1e8) return `${num(yuan / 1e8, 2)}亿元`;
  if (yuan >= 1e4) return `${num(yuan / 1e4, 2)}万元`;
  return `${num(yuan, 2)}元`;
}

export function valueText(key: TargetKey, value: number): string {
  const label = targetLabel(key);
  return label.unit === '元' ? amountText(value) : `${num(value)}${label.unit ?? ''}`;
}

/** A bar of ten blocks for a table cell: █ reached, ░ still to go. */
export function textBar(pct: number): string {
  const full = Math.round(Math.min(1, Math.max(0, pct)) * 10);
  return `${'█'.repeat(full)}${'░'.repeat(10 - full)}`;
}

export function progressText(r: Pick<SummaryReport, 'targets' | 'asOf'>): string {
  const rows = progressRows(r);
  const counted = rows.filter(([, p]) => p.pct !== null);
  const item = ([key, p]: [TargetKey, Progress]) =>
    `${targetLabel(key).zh}${valueText(key, p.actual!)}，完成全年目标${valueText(key, p.target)}的${percent(p.pct)}`;
  const ahead = counted.filter(([, p]) => paceOf(p, r.asOf) === 'ahead');
  const behind = counted.filter(([, p]) => paceOf(p, r.asOf) === 'behind');
  const parts = [`截至${chineseDate(r.asOf)}，全年时间进度为${percent(yearElapsed(r.asOf))}。`];
  if (ahead.length) parts.push(`${ahead.map(item).join('；')}，快于时间进度。`);
  if (behind.length) parts.push(`${behind.map(item).join('；')}，慢于时间进度，需加快推进。`);
  const uncounted = rows.length - counted.length;
  if (uncounted) parts.push(`另有${uncounted}项指标本系统暂未统计或目标为零，见下表。`);
  return parts.join('');
}
