// One import's report in plain words: what was new, what was already here, conflicts,
// duplicates, deletions and clock anomalies.
import { sayMsg } from '../../i18n';
import { useTranslation } from 'react-i18next';
import { formatCount, formatInstant } from '../../format';
import { routeHref } from '../../router';
import type { ImportReport } from '../../stores/sync';
import styles from './sync.module.css';

/** The anomalies told in the user's words (each with the core's message inside); others as sent. */
const ANOMALY_WORDS: Record<string, string> = {
  clock_ahead: 'sync.anomalyClock',
  device_code: 'sync.anomalyDeviceCode',
  visit_no_reused: 'sync.anomalyVisitNo',
};

/** Table name → record kind words (tables are named like the kinds, demand history apart). */
export function tableLabel(t: (k: string) => string, table: string): string {
  const kind = table === 'demand_history' ? 'demandHistory' : table;
  const key = `sync.kind.${kind}`;
  const text = t(key);
  return text === key ? table : text;
}

export function ImportReportView({ report, compact }: { report: ImportReport; compact?: boolean }) {
  const { t } = useTranslation();
  const deletions = Object.entries(report.deletions).filter(([, n]) => n > 0);
  const figures: [string, number][] = [
    ['newChanges', report.newChanges],
    ['alreadyKnown', report.alreadyKnown],
    ['createdRecords', report.createdRecords],
    ['updatedRecords', report.updatedRecords],
    ['conflicts', report.conflicts],
    ['duplicates', report.duplicateEnterprises],
    // Shown only when a join brought the same person twice (absent from earlier reports).
    ...(report.duplicateStaff ? [['duplicateStaff', report.duplicateStaff] as [string, number]] : []),
    ['orphans', report.orphans ?? 0],
    ['anomalies', report.anomalies.length],
  ];
  return (
    <div data-testid="import-report">
      {!compact && (
        <p className="muted">
          {report.fileName && <strong className="mono">{report.fileName}</strong>}{' '}
          {t('sync.reportFrom', { origin: report.origin.name, at: formatInstant(report.exportedAt) })}
        </p>
      )}
      {report.newChanges === 0 && (
        <p className="notice notice-info" data-testid="report-nothing-new">
          {t('sync.noNew')}
        </p>
      )}
      <dl className={styles.syncFigures}>
        {figures.map(([key, n]) => (
          <div
            key={key}
            className={
              n > 0 && ['conflicts', 'anomalies', 'duplicates', 'duplicateStaff', 'orphans'].includes(key)
                ? `${styles.syncFigure} ${styles.attention}`
                : styles.syncFigure
            }
            data-figure={key}
          >
            <dt>{t(`sync.${key}`)}</dt>
            <dd>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {deletions.length > 0 && (
        <p data-testid="report-deletions">
          {t('sync.deletions')}：{deletions.map(([table, n]) => `${tableLabel(t, table)} ${n}`).join('，')}
        </p>
      )}
      {report.anomalies.length > 0 && (
        <ul data-testid="report-anomalies">
          {report.anomalies.map((a, i) => (
            <li key={i} className="text-overdue">
              {Object.hasOwn(ANOMALY_WORDS, a.kind)
                ? t(ANOMALY_WORDS[a.kind]!, {
                    device: a.deviceName ?? a.device ?? '',
                    message: a.msg ? sayMsg(a.msg) : a.message,
                  })
                : a.msg
                  ? sayMsg(a.msg)
                  : a.message}
            </li>
          ))}
        </ul>
      )}
      {!compact && (
        <p>
          {report.backup && <span className="muted">{t('sync.backupTaken')} </span>}
          {report.conflicts > 0 && <a href={routeHref('conflicts')}>{t('sync.seeConflicts')}</a>}{' '}
          {report.duplicateEnterprises > 0 && (
            <button
              type="button"
              className="link"
              onClick={() =>
                document.getElementById('sync-duplicates')?.scrollIntoView({ behavior: 'smooth' })
              }
            >
              {t('sync.seeDuplicates')}
            </button>
          )}{' '}
          {(report.duplicateStaff ?? 0) > 0 && (
            <button
              type="button"
              className="link"
              onClick={() =>
                document.getElementById('sync-staff-duplicates')?.scrollIntoView({ behavior: 'smooth' })
              }
            >
              {t('sync.seeStaffDuplicates')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
