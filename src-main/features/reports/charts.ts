import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { SummaryReport } from './quarterly';
import { CATEGORY_LABELS, SATISFACTION_LABELS } from '@shared/reports/definitions';
import { funnelStages, type FunnelStage } from '@shared/reports/funnel';

// The report's charts: drawn by ECharts on the server side as SVG, rasterised to PNG by resvg
// (Word shows PNG everywhere; the SVG is kept for callers that can use it). Their titles are
// the document's figure captions, so they are not drawn in the chart.

export interface Chart {
  key: 'visitsByMonth' | 'demandsByCategory' | 'closureFunnel' | 'satisfaction';
  title: string;
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

export const CHART_FONT =
  'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif';
const COLORS = ['#2f5597', '#c55a11', '#548235', '#7f6000', '#7030a0', '#1f7a8c'];
const WIDTH = 640;
const HEIGHT = 340;
/** Pixels per SVG pixel in the PNG: sharp when printed at about 15 cm wide. */
const SCALE = 2;

function render(option: echarts.EChartsOption, width = WIDTH, height = HEIGHT): { svg: string; png: Buffer } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: COLORS,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT, fontSize: 13, color: '#222' },
      ...option,
    });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: width * SCALE },
      font: {
        loadSystemFonts: true,
        defaultFontFamily: 'Noto Sans CJK SC',
        sansSerifFamily: 'Noto Sans CJK SC',
      },
      background: '#ffffff',
    })
      .render()
      .asPng();
    return { svg, png };
  } finally {
    chart.dispose();
  }
}

export function visitsByMonthChart(r: SummaryReport): Chart {
  const months = Object.keys(r.details.byMonth);
  const name = '各月走访情况';
  const { svg, png } = render({
    legend: { bottom: 4, data: ['走访家次', '走访企业数'] },
    grid: { left: 56, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '走访家次',
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: months.map((m) => r.details.byMonth[m]!.visits),
      },
      {
        name: '走访企业数',
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: months.map((m) => r.details.byMonth[m]!.enterprisesVisited),
      },
    ],
  });
  return { key: 'visitsByMonth', title: name, svg, png, width: WIDTH, height: HEIGHT };
}

export function demandsByCategoryChart(r: SummaryReport): Chart {
  const entries = Object.entries(r.figures.byCategory).sort((a, b) => a[1] - b[1]);
  const name = '新增需求类别分布';
  const height = Math.max(260, 60 + entries.length * 30);
  const { svg, png } = render(
    {
      grid: { left: 96, right: 48, top: 16, bottom: 32 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: entries.map(([k]) => CATEGORY_LABELS[k] ?? k) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
          data: entries.map(([, n]) => n),
        },
      ],
      ...(entries.length ? {} : { graphic: noData() }),
    },
    WIDTH,
    height,
  );
  return { key: 'demandsByCategory', title: name, svg, png, width: WIDTH, height };
}

const FUNNEL_NAMES: Record<FunnelStage, string> = {
  total: '需求总量',
  assigned: '已交办',
  handled: '已办理',
  answered: '已反馈',
  closed: '已办结',
};

export function closureFunnelChart(r: SummaryReport): Chart {
  const stages = funnelStages(r).map((s) => ({ name: FUNNEL_NAMES[s.stage], value: s.value }));
  const name = '需求办理闭环情况（期末状态）';
  const max = Math.max(1, ...stages.map((s) => s.value));
  const { svg, png } = render({
    series: [
      {
        type: 'funnel',
        left: '12%',
        right: '12%',
        top: 16,
        bottom: 16,
        min: 0,
        max,
        minSize: '8%',
        sort: 'none',
        gap: 3,
        label: { show: true, position: 'inside', formatter: '{b}  {c}', color: '#fff', fontSize: 13 },
        data: stages,
      },
    ],
  });
  return { key: 'closureFunnel', title: name, svg, png, width: WIDTH, height: HEIGHT };
}

export function satisfactionChart(r: SummaryReport): Chart {
  const data = (['satisfied', 'mostly_satisfied', 'dissatisfied'] as const)
    .map((k) => ({ name: SATISFACTION_LABELS[k]!, value: r.details.satisfaction[k] ?? 0 }))
    .filter((d) => d.value > 0);
  const name = '回访满意度';
  const { svg, png } = render({
    color: ['#548235', '#2f5597', '#c00000'],
    legend: { bottom: 4 },
    series: [
      {
        type: 'pie',
        radius: ['32%', '60%'],
        center: ['50%', '46%'],
        label: { formatter: '{b}\n{c}次（{d}%）', fontSize: 12 },
        data,
      },
    ],
    ...(data.length ? {} : { graphic: noData() }),
  });
  return { key: 'satisfaction', title: name, svg, png, width: WIDTH, height: HEIGHT };
}

function noData() {
  return {
    type: 'text',
    left: 'center',
    top: 'middle',
    style: { text: '本期无数据', fontSize: 14, fill: '#888' },
  };
}

export function reportCharts(r: SummaryReport): Chart[] {
  return [visitsByMonthChart(r), demandsByCategoryChart(r), closureFunnelChart(r), satisfactionChart(r)];
}
