// The four charts of the report as ECharts options, from the report alone (the Word export
// draws the same four on the Node side, src-main/features/reports/charts.ts).
import i18n from '../../i18n';
import { enumLabel } from '../../format';
import { SATISFACTIONS } from '@shared/domain/enums';
import { funnelStages } from '@shared/reports/funnel';
import type { ChartOption } from '../EChart';
import type { Report } from '../../stores/reports';
import { orderedKeys, splitLabel } from './figures';
import { tokenValue } from '../../styles/tokens';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {});

const TEXT = tokenValue('color-text');
const AXIS_LABEL = { color: tokenValue('color-text-muted') };
const SPLIT_LINE = { lineStyle: { color: tokenValue('color-border-faint') } };

export function visitsByMonthOption(r: Report): ChartOption {
  const months = Object.keys(r.details.byMonth);
  const series = (['visits', 'enterprisesVisited'] as const).map((k) => ({
    name: t(`reports.fig.${k}`),
    type: 'bar' as const,
    barMaxWidth: 40,
    label: { show: true, position: 'top' as const, color: TEXT },
    data: months.map((m) => r.details.byMonth[m]![k]),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 44, right: 16, top: 24, bottom: 52 },
    xAxis: {
      type: 'category',
      data: months.map((m) => t('reports.charts.months').split(',')[Number(m.slice(5)) - 1] ?? m),
      axisLabel: AXIS_LABEL,
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
    series,
  };
}

/** Categories, largest at the top; the keys in drawing order (bottom to top) for clicks. */
export function demandsByCategoryOption(r: Report): { option: ChartOption; keys: string[] } {
  const keys = orderedKeys('byCategory', r.figures.byCategory, r).reverse();
  return {
    keys,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      yAxis: {
        type: 'category',
        data: keys.map((k) => splitLabel('byCategory', k, r)),
        axisLabel: { color: TEXT },
      },
      series: [
        {
          name: t('reports.splits.demands'),
          type: 'bar',
          barMaxWidth: 20,
          label: { show: true, position: 'right', color: TEXT },
          data: keys.map((k) => r.figures.byCategory[k]!),
        },
      ],
    },
  };
}

export function closureFunnelOption(r: Report): ChartOption {
  const stages = funnelStages(r).map((s) => ({
    name: t(`reports.charts.stage.${s.stage}`),
    value: s.value,
  }));
  const max = Math.max(1, ...stages.map((s) => s.value));
  return {
    color: FUNNEL_COLORS,
    tooltip: { trigger: 'item', formatter: t('reports.charts.itemFormat') },
    series: [
      {
        type: 'funnel',
        left: '10%',
        right: '10%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '12%',
        sort: 'none',
        gap: 3,
        label: {
          show: true,
          position: 'inside',
          formatter: '{b}  {c}',
          color: tokenValue('color-text-inverse'),
          fontSize: parseInt(tokenValue('font-size-sm')),
        },
        data: stages,
      },
    ],
  };
}

/** Shades of the app's blue along the way, green where it ends (closed). */
const FUNNEL_COLORS = ['blue-800', 'blue-600', 'blue-500', 'blue-450', 'green-600'].map(tokenValue);

export const SATISFACTION_COLORS = ['color-success', 'color-primary', 'color-danger'].map(tokenValue);

export function satisfactionOption(r: Report): ChartOption {
  const data = SATISFACTIONS.map((k) => ({
    name: enumLabel('satisfaction', k),
    value: r.details.satisfaction[k] ?? 0,
  })).filter((d) => d.value > 0);
  return {
    color: SATISFACTION_COLORS,
    tooltip: { trigger: 'item', formatter: t('reports.charts.pieFormat') },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['34%', '58%'],
        center: ['50%', '45%'],
        label: {
          formatter: (p: { name: string; value: unknown; percent?: number }) =>
            t('reports.charts.pieLabel', { name: p.name, value: p.value, pct: (p.percent ?? 0).toFixed(1) }),
          color: TEXT,
          // Never cut to "基…": the printed column is narrow.
          overflow: 'none',
        },
        labelLine: { length: 8, length2: 8 },
        data,
      },
    ],
  };
}

/** Whether a chart would be empty: the screen says so instead of drawing blank axes. */
export function chartIsEmpty(
  key: 'visitsByMonth' | 'demandsByCategory' | 'closureFunnel' | 'satisfaction',
  r: Report,
) {
  switch (key) {
    case 'visitsByMonth':
      return r.figures.visits === 0;
    case 'demandsByCategory':
      return Object.keys(r.figures.byCategory).length === 0;
    case 'closureFunnel':
      return r.figures.newDemands + r.figures.carriedOver === 0;
    default:
      return SATISFACTIONS.every((k) => !r.details.satisfaction[k]);
  }
}
