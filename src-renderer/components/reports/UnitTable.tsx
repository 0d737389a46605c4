// The demands per lead unit (主办单位) of the period: assigned, closed, open and overdue at the
// end, on-time rate. Each row opens the unit's demands.
import { useTranslation } from 'react-i18next';
import type { Report } from '../../stores/reports';
import { DASH, formatCount, type SplitName } from './figures';
import styles from './reports.module.css';

interface Props {
  report: Report;
  onOpen: (split: SplitName, key: string) => void;
}

export function UnitTable({ report, onOpen }: Props) {
  const { t } = useTranslation();
  const units = Object.entries(report.figures.byUnit);
  return (
    <div className={styles.splitBlock} data-split="byUnit">
      <h3>{t('reports.splits.byUnit')}</h3>
      <table className={`table ${styles.reportTable}`}>
        <thead>
          <tr>
            <th>{t('reports.splits.unit')}</th>
            <th className="num">{t('reports.splits.assigned')}</th>
            <th className="num">{t('reports.splits.unitClosed')}</th>
            <th className="num">{t('reports.splits.unitOpen')}</th>
            <th className="num">{t('reports.splits.unitOverdue')}</th>
            <th className="num">{t('reports.splits.unitOnTime')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map(([id, u]) => (
            <tr key={id} data-key={id}>
              <td>
                <button
                  type="button"
                  className={`link ${styles.figureLink}`}
                  title={t('reports.seeRecordsOf')}
                  onClick={() => onOpen('byUnit', id)}
                >
                  {u.name}
                </button>
              </td>
              <td className="num">{formatCount(u.assigned)}</td>
              <td className="num">{formatCount(u.closed)}</td>
              <td className="num">{formatCount(u.openAtEnd)}</td>
              <td className="num">{formatCount(u.overdueAtEnd)}</td>
              <td className="num">{u.onTimeRate === null ? DASH : `${(u.onTimeRate * 100).toFixed(1)}%`}</td>
            </tr>
          ))}
          {units.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('reports.splits.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className={`hint ${styles.splitNote}`}>{t('reports.splits.unitNote')}</p>
    </div>
  );
}
