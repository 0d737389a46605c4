// The narrative sections of the report (typical cases, recurring problems, next quarter's
// plan): saved with the report by an explicit Save (or Ctrl+S), with the state always in view.
// In print the boxes give way to the text itself.
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format';
import { staffName } from '../../stores/session';
import { isDirty, NARRATIVE_FIELDS, useReports } from '../../stores/reports';
import styles from './reports.module.css';

interface Props {
  /** The section heading of the i-th text (五、典型案例…). */
  title: (i: number) => string;
  /** While another report loads. */
  disabled: boolean;
}

export function NarrativeEditor({ title, disabled }: Props) {
  const { t } = useTranslation();
  const saved = useReports((s) => s.saved);
  const draft = useReports((s) => s.draft);
  const saving = useReports((s) => s.saving);
  const saveError = useReports((s) => s.saveError);
  const dirty = useReports(isDirty);
  const { setText, save, discard } = useReports.getState();

  const by = staffName(saved?.updatedByStaff);
  const state = dirty
    ? t('reports.narrative.unsaved')
    : saved?.updatedAt
      ? by
        ? t('reports.narrative.savedAtBy', { at: formatInstant(saved.updatedAt), name: by })
        : t('reports.narrative.savedAt', { at: formatInstant(saved.updatedAt) })
      : t('reports.narrative.never');

  return (
    <div
      className={styles.narrative}
      data-testid="narrative"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
          e.preventDefault();
          if (dirty && !disabled) void save();
        }
      }}
    >
      <p className="hint no-print">{t('reports.narrative.hint')}</p>
      {NARRATIVE_FIELDS.map((field, i) => (
        <section className={`${styles.reportSection} ${styles.narrativeSection}`} key={field}>
          <h2 className={styles.sectionTitle}>
            <label htmlFor={`narrative-${field}`}>{title(i)}</label>
          </h2>
          <textarea
            id={`narrative-${field}`}
            name={field}
            className="no-print"
            rows={5}
            maxLength={20_000}
            value={draft[field]}
            readOnly={disabled}
            placeholder={t(`reports.narrative.${field}Placeholder`)}
            onChange={(e) => setText(field, e.target.value)}
          />
          <div className={`print-only ${styles.narrativePrint} narrative-print`}>
            {draft[field].trim() ? (
              draft[field]
                .split(/\n+/)
                .filter((p) => p.trim())
                .map((p, j) => <p key={j}>{p}</p>)
            ) : (
              <p className="muted">{t('reports.narrative.never')}</p>
            )}
          </div>
        </section>
      ))}
      <div
        className={`${styles.saveBar} no-print${dirty ? ` ${styles.isDirty}` : ''}`}
        data-testid="narrative-state"
      >
        <span className={`${styles.saveState} ${dirty ? 'text-due-soon' : 'muted'}`} role="status">
          {dirty ? '● ' : saved?.updatedAt ? '✓ ' : ''}
          {state}
        </span>
        {saveError && (
          <span className="field-error" role="alert">
            {saveError.message}
          </span>
        )}
        <span className="push-right" />
        {dirty && (
          <button
            type="button"
            className="btn"
            disabled={saving}
            onClick={() => {
              if (window.confirm(t('reports.narrative.confirmDiscard'))) discard();
            }}
          >
            {t('reports.narrative.discard')}
          </button>
        )}
        <button
          type="button"
          className="btn primary"
          disabled={!dirty || saving || disabled}
          onClick={() => void save()}
          data-testid="narrative-save"
        >
          {saving ? t('reports.narrative.saving') : t('reports.narrative.save')}
          <kbd>{t('reports.narrative.saveKey')}</kbd>
        </button>
      </div>
    </div>
  );
}
