// Step 4: what the import did, the enterprises and staff it added, the people it did not know,
// the backup taken first, and the rejected rows as an .xlsx to fix and import again.
import { useTranslation } from 'react-i18next';
import { routeHref, type Screen } from '../../router';
import { useImportWizard } from '../../stores/importWizard';
import type { ImportKind } from '@shared/ledger/types';
import { Counts } from './Counts';
import { OtherErrors } from './errors';
import styles from './import.module.css';

const LIST_OF: Record<ImportKind, Screen> = {
  enterprises: 'enterprises',
  visits: 'visits',
  visits_with_demands: 'visits',
  demands: 'demands',
  followups: 'followups',
  staff: 'staff',
  activities: 'activities',
  outcomes: 'outcomes',
};

export function ResultStep() {
  const { t } = useTranslation();
  const s = useImportWizard();
  const r = s.result;
  if (!r) return null;
  return (
    <div data-step="result">
      <div className="card" data-testid="import-result">
        <h2>
          {t('import.result.title')} <span className="muted small">{r.fileName}</span>
        </h2>
        <Counts counts={r} labels="import.result" />
        {r.enterprisesCreated > 0 && (
          <p data-testid="import-enterprises-created">
            {t('import.result.enterprisesCreated', { count: r.enterprisesCreated })}
          </p>
        )}
        {r.staffCreated.length > 0 && (
          <p>{t('import.result.staffCreated', { list: r.staffCreated.join('、') })}</p>
        )}
        {r.unknownStaff.length > 0 && (
          <p className="warn">{t('import.result.unknownStaff', { list: r.unknownStaff.join('、') })}</p>
        )}
        {r.backup && (
          <p className="muted small" data-testid="import-backup">
            {t('import.result.backup', { path: r.backup })}
          </p>
        )}
        {r.rejected > 0 && (
          <div className={styles.importRejects}>
            <button
              type="button"
              className="btn"
              data-testid="import-rejects"
              disabled={s.busy !== null}
              onClick={() => void s.downloadRejects()}
            >
              {t('import.result.downloadRejects')}
            </button>
            <span className="hint">{t('import.result.rejectsHint')}</span>
          </div>
        )}
        {s.message && (
          <div className="notice notice-info" role="status">
            {s.message}
          </div>
        )}
        <OtherErrors names={[]} />
      </div>
      <div className="form-actions">
        <a className="btn" href={routeHref(LIST_OF[r.kind])}>
          {t(`nav.${LIST_OF[r.kind]}`)}
        </a>
        <button type="button" className="btn primary" onClick={() => s.reset()}>
          {t('import.result.another')}
        </button>
      </div>
    </div>
  );
}
