// Below the service-activity figures: activities per type and outcomes per type (count and
// amount). Each count opens the records behind it, as the other breakdowns do.
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, OUTCOME_TYPES } from '@shared/domain/enums';
import type { RecordFigure } from '@shared/reports/definitions';
import { enumLabel } from '../../format';
import { navigate, parseHash, routeHref } from '../../router';
import type { Report } from '../../stores/reports';
import { formatCount } from './figures';
import styles from './reports.module.css';

/** The report's address with the drill-down to `figure` / `key` (what the other figures do). */
function drillHref(figure: RecordFigure, key: string): string {
  const { params } = parseHash(window.location.hash);
  return routeHref('reports', null, null, { ...params, figure, key });
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function ActivityBreakdowns({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = report.figures;
  const open = (figure: RecordFigure, key: string) => navigate(drillHref(figure, key), { replace: true });
  const activities = ACTIVITY_TYPES.filter((k) => f.activitiesByType[k]);
  const outcomes = OUTCOME_TYPES.filter((k) => f.outcomesByType[k]);
  return (
    <div className={styles.reportGrid}>
      <div className={styles.splitBlock} data-testid="activities-by-type">
        <h3>{t('reports.splits.activitiesByType')}</h3>
        <table className={`table ${styles.reportTable}`}>
          <thead>
            <tr>
              <th>{t('reports.splits.item')}</th>
              <th className="num">{t('reports.splits.activityCount')}</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((k) => (
              <tr key={k} data-key={k}>
                <td>{enumLabel('activityType', k)}</td>
                <td className="num">
                  <button type="button" className="link" onClick={() => open('activitiesByType', k)}>
                    {formatCount(f.activitiesByType[k]!)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.splitBlock} data-testid="outcomes-by-type">
        <h3>{t('reports.splits.outcomesByType')}</h3>
        <table className={`table ${styles.reportTable}`}>
          <thead>
            <tr>
              <th>{t('reports.splits.item')}</th>
              <th className="num">{t('reports.splits.outcomeCount')}</th>
              <th className="num">{t('reports.splits.amountYuan')}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((k) => (
              <tr key={k} data-key={k}>
                <td>{enumLabel('outcomeType', k)}</td>
                <td className="num">
                  <button type="button" className="link" onClick={() => open('outcomesByType', k)}>
                    {formatCount(f.outcomesByType[k]!.count)}
                  </button>
                </td>
                <td className="num">
                  {f.outcomesByType[k]!.amount ? yuan.format(f.outcomesByType[k]!.amount) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
