// A small table of counts with shares and a total, beside a chart: the status at the quarter's
// end of its demands (beside the closure funnel), the satisfaction of its follow-ups (beside
// the pie). The numbers a chart shows, in words that can be read out.
import { useTranslation } from 'react-i18next';
import { formatCount, formatShare } from './figures';
import styles from './reports.module.css';

interface Props {
  title: string;
  head: string;
  rows: { key: string; label: string; count: number }[];
  testId?: string;
}

export function CountTable({ title, head, rows, testId }: Props) {
  const { t } = useTranslation();
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <div className={styles.splitBlock} data-testid={testId}>
      <h3>{title}</h3>
      <table className={`table ${styles.reportTable}`}>
        <thead>
          <tr>
            <th>{t('reports.splits.item')}</th>
            <th className="num">{head}</th>
            <th className="num">{t('reports.splits.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <td>{r.label}</td>
              <td className="num">{formatCount(r.count)}</td>
              <td className="num muted">{formatShare(r.count, total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('reports.splits.total')}</th>
            <th className="num">{formatCount(total)}</th>
            <th className="num">{total > 0 ? '100.0%' : '—'}</th>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
