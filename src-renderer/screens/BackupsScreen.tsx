// 备份与恢复: the checked backups (when, why, size), "back up now", and restoring one after a
// confirmation that says the current database is backed up first.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';
import { Dialog } from '../components/Dialog';
import { formatInstant } from '../format';
import { inform } from '../stores/notices';
import { formatBytes, useBackups, type Backup } from '../stores/backups';

export function reasonLabel(t: (k: string) => string, reason: string): string {
  const key = `backups.reasons.${reason}`;
  const text = t(key);
  return text === key ? reason : text;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function RestoreDialog({ b }: { b: Backup }) {
  const { t } = useTranslation();
  const { busy, error, askRestore, restore } = useBackups();
  const at = formatInstant(b.at);
  return (
    <Dialog
      title={t('backups.restoreTitle', { at })}
      onClose={() => askRestore(null)}
      testId="restore-dialog"
    >
      <p>{t('backups.restoreWarn', { at })}</p>
      <p className="muted">{t('backups.restoreSyncNote')}</p>
      {error?.action === 'restore' && (
        <div className="notice notice-error" role="alert">
          {error.error.message}
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn danger"
          disabled={busy}
          data-testid="restore-confirm"
          onClick={() =>
            void restore().then((r) => {
              if (r)
                inform(
                  `${t('backups.restored', { at, file: r.safetyBackup ? fileName(r.safetyBackup) : '' })} ${t('backups.newIdentity')}`,
                );
            })
          }
        >
          {t('backups.restoreConfirm')}
        </button>
        <button type="button" className="btn" onClick={() => askRestore(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export function BackupsScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  const { rows, loaded, loadError, busy, error, confirming, load, backupNow, askRestore } = useBackups();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="screen screen-scroll" data-testid="backups-screen">
      <div className="screen-head">
        <div>
          <h1>{t('backups.title')}</h1>
          <p className="muted">{t('backups.intro')}</p>
        </div>
        <div className="head-actions">
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            data-testid="backup-now"
            onClick={() =>
              void backupNow().then((r) => {
                if (r) inform(t('backups.backedUp', { size: formatBytes(r.bytes) }));
              })
            }
          >
            {t('backups.backupNow')}
          </button>
        </div>
      </div>
      {error?.action === 'create' && (
        <div className="notice notice-error" role="alert">
          {error.error.message}
        </div>
      )}
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError.message}
        </div>
      )}
      {!loaded && !loadError && <p className="muted pad">{t('common.loading')}</p>}
      {loaded && rows.length === 0 && <p className="empty-state">{t('backups.empty')}</p>}
      {rows.length > 0 && (
        <table className="table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('backups.at')}</th>
              <th>{t('backups.reason')}</th>
              <th className="num">{t('backups.size')}</th>
              <th>{t('backups.check')}</th>
              <th>{t('backups.file')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.file} data-backup={b.file} data-reason={b.reason} data-checksum={b.checksum}>
                <td>{formatInstant(b.at)}</td>
                <td>{reasonLabel(t, b.reason)}</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td
                  className={b.damaged ? 'text-overdue' : b.checksum === 'verified' ? undefined : 'muted'}
                  title={b.damaged ? t('backups.damagedHint') : undefined}
                >
                  {t(`backups.checks.${b.damaged ? 'mismatch' : b.checksum}`)}
                </td>
                <td className="mono small muted">{b.file}</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    disabled={busy || b.damaged}
                    title={b.damaged ? t('backups.damagedHint') : undefined}
                    onClick={() => askRestore(b)}
                    data-testid="restore"
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && <RestoreDialog b={confirming} />}
    </section>
  );
}
