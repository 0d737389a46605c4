// The export card: the changes waiting to leave this laptop (by kind), and the sync file of the
// new changes or of everything, saved as a download.
import { useTranslation } from 'react-i18next';
import { files } from '../../files';
import { formatInstant, listSeparator } from '../../format';
import { inform } from '../../stores/notices';
import { useSync } from '../../stores/sync';
import { tableLabel } from './ImportReportView';
import { SyncProgress } from './SyncProgress';
import styles from './sync.module.css';

export function ExportCard() {
  const { t } = useTranslation();
  const { status, busy, error, lastExport, exportFile } = useSync();
  if (!status) return null;
  const noTeam = !status.team;
  const run = (full: boolean) =>
    void exportFile(full).then(async (r) => {
      if (!r?.contentBase64) return;
      const savedAs = await files.saveAs({
        purpose: 'sync',
        fileName: r.fileName,
        contentBase64: r.contentBase64,
        mime: 'application/octet-stream',
      });
      if (savedAs !== null) inform(t('sync.exported', { count: r.changeCount, file: savedAs }));
    });
  return (
    <section className="card" data-testid="sync-export">
      <h2>{t('sync.exportTitle')}</h2>
      <p data-testid="pending-changes">
        <strong>
          {status.pendingChanges > 0
            ? t('sync.pending', { count: status.pendingChanges })
            : t('sync.pendingNone')}
        </strong>
        {status.pendingChanges > 0 && status.pendingByKind && (
          <>
            <br />
            <span data-testid="pending-kinds">
              {t('sync.pendingKinds', {
                list: Object.entries(status.pendingByKind)
                  .map(([table, n]) =>
                    t('sync.pendingKind', { kind: tableLabel(t, table), count: n.records }),
                  )
                  .join(listSeparator()),
              })}
            </span>
          </>
        )}
        <br />
        <span className="muted">
          {status.lastExportAt
            ? t('sync.lastExport', { at: formatInstant(status.lastExportAt) })
            : t('sync.neverExported')}
        </span>
      </p>
      {noTeam && <p className="hint">{t('sync.noTeam')}</p>}
      <div className={styles.syncActions}>
        <button
          type="button"
          className="btn primary"
          disabled={busy !== null || noTeam}
          onClick={() => run(false)}
          data-testid="export-new"
        >
          {t('sync.exportNew')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy !== null || noTeam}
          onClick={() => run(true)}
          title={t('sync.exportFullHint')}
          data-testid="export-full"
        >
          {t('sync.exportFull')}
        </button>
      </div>
      <p className="hint">{t('sync.exportFullHint')}</p>
      <SyncProgress action="export" />
      {error?.action === 'export' && (
        <div className="notice notice-error" role="alert">
          {error.error.message}
        </div>
      )}
      {lastExport && (
        <p className="muted" data-testid="last-export">
          {t('sync.exported', { count: lastExport.changeCount, file: lastExport.fileName })}
        </p>
      )}
    </section>
  );
}
