// Sync through a shared folder: every new sync file in it is imported and this laptop's new
// changes written to it; what came in, and the files refused, are listed.
import { sayMsg } from '../../i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Form, TextInput } from '../../components/form';
import { files } from '../../files';
import { notify } from '../../stores/notices';
import { toApiError } from '../../api';
import { useSync } from '../../stores/sync';
import { ImportReportView } from './ImportReportView';
import { SyncProgress } from './SyncProgress';
import styles from './sync.module.css';

export function FolderSync() {
  const { t } = useTranslation();
  const { status, busy, error, lastFolder, syncFolder } = useSync();
  // The folder last synced through is offered until something else is typed.
  const [typedFolder, setFolder] = useState<string | null>(null);
  const folder = typedFolder ?? status?.folder ?? '';
  const noTeam = !status?.team;
  return (
    <>
      <h3>{t('sync.folderTitle')}</h3>
      <Form
        label={t('sync.folderTitle')}
        error={error?.action === 'folder' ? error.error : null}
        onSubmit={() => void syncFolder(folder)}
        actions={
          <>
            {/* The desktop app picks the folder with the system's dialog; a browser cannot give a path. */}
            {files.canChooseFolder() && (
              <button
                type="button"
                className="btn"
                data-testid="folder-choose"
                disabled={busy !== null}
                onClick={() =>
                  void files
                    .chooseFolder()
                    .then((path) => path && setFolder(path))
                    .catch((e: unknown) => notify(toApiError(e)))
                }
              >
                {t('sync.folderChoose')}
              </button>
            )}
            <button
              type="submit"
              className="btn"
              disabled={busy !== null || noTeam || !folder.trim()}
              data-testid="folder-sync"
            >
              {t('sync.folderSync')}
            </button>
          </>
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
                    <span className="mono">{r.fileName}</span>：{r.msg ? sayMsg(r.msg) : r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}
