// The imports into this laptop, newest first, each with who sent it and what it changed.
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format';
import { useSync } from '../../stores/sync';
import { ImportReportView } from './ImportReportView';
import styles from './sync.module.css';

export function HistoryCard() {
  const { t } = useTranslation();
  const imports = useSync((s) => s.status?.imports ?? []);
  return (
    <section className="card" data-testid="sync-history">
      <h2>{t('sync.historyTitle')}</h2>
      {imports.length === 0 ? (
        <p className="muted">{t('sync.historyEmpty')}</p>
      ) : (
        <ol className={styles.syncHistory}>
          {imports.map((r) => (
            <li key={r.id} data-testid="history-item">
              <div>
                <strong>{formatInstant(r.at)}</strong> <span>{r.origin.name}</span>{' '}
                {r.fileName && <span className="mono muted">{r.fileName}</span>}
              </div>
              <ImportReportView report={r} compact />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
