// 同步: this laptop and its team, export and import of sync files, the sync folder, the import
// history, the devices seen and duplicate enterprises to merge.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';
import { Dialog } from '../components/Dialog';
import { Field, Form, TextInput } from '../components/form';
import { saveBase64File } from '../download';
import { formatInstant, listSeparator } from '../format';
import { inform } from '../stores/notices';
import { DATA_KINDS } from '../stores/dataKinds';
import { useDataVersion } from '../stores/session';
import { useSync } from '../stores/sync';
import { ImportReportView, tableLabel } from './sync/ImportReportView';
import { TeamCard } from './sync/TeamCard';
import { DuplicatesCard } from './sync/DuplicatesCard';
import { SyncProgress } from './sync/SyncProgress';
import styles from './sync/sync.module.css';

function ExportCard() {
  const { t } = useTranslation();
  const { status, busy, error, lastExport, exportFile } = useSync();
  if (!status) return null;
  const noTeam = !status.team;
  const run = (full: boolean) =>
    void exportFile(full).then((r) => {
      if (r?.contentBase64) {
        saveBase64File(r.fileName, r.contentBase64, 'application/octet-stream');
        inform(t('sync.exported', { count: r.changeCount, file: r.fileName }));
      }
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

function ImportCard() {
  const { t } = useTranslation();
  const { status, busy, error, lastReport, lastFolder, importFile, syncFolder } = useSync();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  // The folder last synced through is offered until something else is typed.
  const [typedFolder, setFolder] = useState<string | null>(null);
  const folder = typedFolder ?? status?.folder ?? '';
  const reportBox = useRef<HTMLDivElement>(null);
  const noTeam = !status?.team;
  // A new report is below the file field: bring it into view.
  useEffect(() => {
    if (lastReport) reportBox.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [lastReport]);
  return (
    <section className="card" data-testid="sync-import">
      <h2>{t('sync.importTitle')}</h2>
      <Form
        label={t('sync.importTitle')}
        error={error?.action === 'import' ? error.error : null}
        onSubmit={() => input.current?.click()}
      >
        <Field name="file" label={t('sync.chooseFile')} hint={t('sync.importHint')} group>
          <div className={styles.syncFile}>
            {/* The native input's own button speaks the browser's language: a labelled button stands in. */}
            <input
              ref={input}
              id="sync-import-file"
              className="visually-hidden"
              type="file"
              accept=".vlsync,application/octet-stream"
              disabled={busy !== null || noTeam}
              data-testid="import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (!file) return;
                setFileName(file.name);
                void importFile(file);
              }}
            />
            <label
              htmlFor="sync-import-file"
              className={`btn primary${busy !== null || noTeam ? ` ${styles.disabled}` : ''}`}
              aria-disabled={busy !== null || noTeam}
            >
              {t('sync.chooseButton')}
            </label>
            {fileName && <span className="mono muted">{fileName}</span>}
          </div>
        </Field>
      </Form>
      <SyncProgress action="import" fileName={fileName} />
      {lastReport && (
        <div className={styles.syncLastReport} data-testid="last-report" ref={reportBox}>
          <h3>{t('sync.reportTitle')}</h3>
          <ImportReportView report={lastReport} />
        </div>
      )}
      <h3>{t('sync.folderTitle')}</h3>
      <Form
        label={t('sync.folderTitle')}
        error={error?.action === 'folder' ? error.error : null}
        onSubmit={() => void syncFolder(folder)}
        actions={
          <button
            type="submit"
            className="btn"
            disabled={busy !== null || noTeam || !folder.trim()}
            data-testid="folder-sync"
          >
            {t('sync.folderSync')}
          </button>
        }
      >
        <Field name="path" label={t('sync.folderPath')} hint={t('sync.folderHint')}>
          <TextInput
            name="path"
            value={folder}
            onChange={setFolder}
            placeholder={t('sync.folderPlaceholder')}
          />
        </Field>
      </Form>
      <SyncProgress action="folder" />
      {lastFolder && (
        <div className={styles.syncLastReport} data-testid="folder-result">
          <p>
            {t('sync.folderDone', {
              imported: lastFolder.imported.length,
              exported: lastFolder.exported?.changeCount ?? 0,
            })}
          </p>
          {lastFolder.imported.map((r) => (
            <ImportReportView key={r.id} report={r} />
          ))}
          {lastFolder.refused.length > 0 && (
            <>
              <h4>{t('sync.folderRefused')}</h4>
              <ul className="text-overdue">
                {lastFolder.refused.map((r) => (
                  <li key={r.fileName}>
                    <span className="mono">{r.fileName}</span>：{r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function MassDeleteDialog() {
  const { t } = useTranslation();
  const { massDelete, busy, confirmMassDelete, cancelMassDelete } = useSync();
  if (!massDelete) return null;
  return (
    <Dialog title={t('sync.massDeleteTitle')} onClose={cancelMassDelete} testId="mass-delete">
      <p>{t('sync.massDeleteIntro', { file: massDelete.fileName })}</p>
      <ul data-testid="mass-delete-rows">
        {Object.entries(massDelete.deletions).map(([table, d]) => (
          <li key={table} className="text-overdue">
            {t('sync.massDeleteRow', { kind: tableLabel(t, table), deleting: d.deleting, live: d.live })}
          </li>
        ))}
      </ul>
      <p>{t('sync.massDeleteQuestion')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="btn danger"
          disabled={busy !== null}
          onClick={() => void confirmMassDelete()}
          data-testid="mass-delete-confirm"
        >
          {t('sync.massDeleteConfirm')}
        </button>
        <button type="button" className="btn" onClick={cancelMassDelete}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function HistoryCard() {
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

function DevicesCard() {
  const { t } = useTranslation();
  const devices = useSync((s) => s.status?.devices ?? []);
  return (
    <section className="card" data-testid="sync-devices">
      <h2>{t('sync.devicesTitle')}</h2>
      {devices.filter((d) => !d.isMe).length === 0 && <p className="muted">{t('sync.devicesEmpty')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>{t('sync.deviceName')}</th>
            <th>{t('sync.deviceCode')}</th>
            <th>{t('sync.lastChange')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-device={d.name ?? d.id}>
              <td>
                {d.name ?? <span className="mono">{d.id}</span>}
                {d.isMe && <span className="muted"> （{t('sync.me')}）</span>}
              </td>
              <td className="mono">{d.code}</td>
              <td>{formatInstant(d.lastChangeAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SyncScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  const { status, loadError, load } = useSync();
  // The change log and the duplicates grow with any write.
  const dataVersion = useDataVersion(DATA_KINDS);
  useEffect(() => {
    void load();
  }, [load, dataVersion]);
  return (
    <section className="screen screen-scroll" data-testid="sync-screen">
      <div className="screen-head">
        <div>
          <h1>{t('sync.title')}</h1>
          <p className="muted">{t('sync.intro')}</p>
        </div>
        <div className="head-actions">
          <button type="button" className="btn" onClick={() => void load()}>
            {t('sync.refresh')}
          </button>
        </div>
      </div>
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError.message}
        </div>
      )}
      {!status && !loadError && <p className="muted pad">{t('common.loading')}</p>}
      {status && (
        <div className={styles.syncGrid}>
          <div className={styles.syncCol}>
            <TeamCard />
            <ExportCard />
            <ImportCard />
          </div>
          <div className={styles.syncCol}>
            <DuplicatesCard />
            <HistoryCard />
            <DevicesCard />
          </div>
        </div>
      )}
      <MassDeleteDialog />
    </section>
  );
}
