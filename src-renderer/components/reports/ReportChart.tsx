// One of the report's four charts in its captioned card, or a line saying there is nothing
// to draw; a bar of the demand categories opens that category's records.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { Report } from '../../stores/reports';
import { EChart } from '../EChart';
import {
  chartIsEmpty,
  closureFunnelOption,
  demandsByCategoryOption,
  satisfactionOption,
  visitsByMonthOption,
} from './chartOptions';
import styles from './reports.module.css';

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className={styles.chartCard}>
      <figcaption>{title}</figcaption>
      {empty ? <p className={styles.chartEmpty}>{t('reports.charts.noData')}</p> : children}
    </figure>
  );
}

type ChartKey = 'visitsByMonth' | 'demandsByCategory' | 'closureFunnel' | 'satisfaction';

interface Props {
  report: Report;
  chart: ChartKey;
  /** A click on a category's bar. */
  onCategory?: (key: string) => void;
}

export function ReportChart({ report, chart, onCategory }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { option, height, keys } = useMemo(() => {
    void lang; // the labels are in the current language
    switch (chart) {
      case 'visitsByMonth':
        return { option: visitsByMonthOption(report), height: 260, keys: [] };
      case 'demandsByCategory': {
        const c = demandsByCategoryOption(report);
        return { option: c.option, height: Math.max(220, 48 + c.keys.length * 30), keys: c.keys };
      }
      case 'closureFunnel':
        return { option: closureFunnelOption(report), height: 260, keys: [] };
      default:
        return { option: satisfactionOption(report), height: 260, keys: [] };
    }
  }, [report, chart, lang]);
  const title = t(`reports.charts.${chart}`);
  return (
    <ChartCard title={title} empty={chartIsEmpty(chart, report)}>
      <EChart
        option={option}
        height={height}
        label={title}
        testId={`chart-${chart}`}
        onItemClick={
          onCategory &&
          ((item) => {
            const key = keys[item.dataIndex];
            if (key) onCategory(key);
          })
        }
      />
    </ChartCard>
  );
}
