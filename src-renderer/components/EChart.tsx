// One ECharts chart, drawn in the page as SVG. Only the parts the app uses are registered
// (bar, funnel, pie; grid, legend, tooltip), which keeps the bundle small. The SVG renderer
// needs no canvas, evaluates no code and only sets inline styles, so it runs under the app's
// Content-Security-Policy as it is; SVG also prints sharp and scales to the printed page.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, FunnelSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { tokenValue } from '../styles/tokens';
import styles from './EChart.module.css';

echarts.use([BarChart, FunnelChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** The charts' palette of tokens.css: blue first, then colours that stay apart in print. */
export const CHART_COLORS = [1, 2, 3, 4, 5, 6, 7].map((n) => tokenValue(`chart-${n}`));

/** The UI font and text colour, so chart text matches the page. */
const TEXT_STYLE = {
  fontFamily: tokenValue('font-family'),
  fontSize: parseInt(tokenValue('font-size-xs')),
  color: tokenValue('color-text'),
};

interface Props {
  option: ChartOption;
  height: number;
  /** A click on a data item (a bar, a slice): its name and data index. */
  onItemClick?: (item: { name: string; dataIndex: number; seriesIndex: number }) => void;
  label: string;
  testId?: string;
}

export function EChart({ option, height, onItemClick, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  });

  useEffect(() => {
    const el = box.current!;
    // jsdom (component tests) has no layout: give the chart a size it can draw at.
    const c = echarts.init(el, null, {
      renderer: 'svg',
      height,
      ...(el.clientWidth ? {} : { width: 600 }),
    });
    chart.current = c;
    c.on('click', (p) => {
      click.current?.({ name: p.name, dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 });
    });
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize({ height }));
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        color: CHART_COLORS,
        textStyle: TEXT_STYLE,
        ...option,
      },
      { notMerge: true },
    );
  }, [option, height]);

  return (
    <div
      ref={box}
      className={onItemClick ? `${styles.chart} ${styles.clickable}` : styles.chart}
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
