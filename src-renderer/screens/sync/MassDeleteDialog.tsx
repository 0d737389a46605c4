// An import that would delete many live records waits here for a yes: the counts by kind,
// then import or cancel.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useSync } from '../../stores/sync';
import { tableLabel } from './ImportReportView';

export function MassDeleteDialog() {
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
