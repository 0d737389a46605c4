// The import card: a sync file chosen from disk is imported and its report shown below; then
// the sync through a shared folder (FolderSync).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Form } from '../../components/form';
import { useSync } from '../../stores/sync';
import { FolderSync } from './FolderSync';
import { ImportReportView } from './ImportReportView';
import { SyncProgress } from './SyncProgress';
import styles from './sync.module.css';

export function ImportCard() {
  const { t } = useTranslation();
  const { status, busy, error, lastReport, importFile } = useSync();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
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
              data-testid="sync-import-file"
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
      <FolderSync />
    </section>
  );
}
