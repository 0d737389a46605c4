// Step 2: each field of the kind and the column of the file it reads (detected, saved or the
// user's), changeable; required fields without a column said plainly; saved mappings.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportWizard, type SavedChoice } from '../../stores/importWizard';
import { FieldError, OtherErrors } from './errors';
import styles from './import.module.css';

function columnLabel(h: { letter: string; text: string }): string {
  return h.text ? `${h.letter} · ${h.text}` : h.letter;
}

function SavedMappings() {
  const { t } = useTranslation();
  const s = useImportWizard();
  const [name, setName] = useState('');
  const d = s.detection!;
  useEffect(() => {
    void s.loadSavedMappings();
    // Once, when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const choice = s.options.saved;
  const value = choice.mode === 'named' ? `named:${choice.name}` : choice.mode;
  const onChoose = (v: string) => {
    const next: SavedChoice =
      v === 'auto' || v === 'none' ? { mode: v } : { mode: 'named', name: v.slice('named:'.length) };
    void s.chooseSaved(next);
  };
  return (
    <div className="card" data-testid="import-saved">
      <h2>{t('import.mapping.savedTitle')}</h2>
      {d.savedMapping && (
        <div className="notice notice-info" role="status" data-testid="import-saved-applied">
          {t('import.mapping.savedApplied', { name: d.savedMapping })}
        </div>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="import-saved-choice">{t('import.mapping.savedChoice')}</label>
          <select
            id="import-saved-choice"
            name="savedMappingName"
            value={value}
            onChange={(e) => onChoose(e.target.value)}
          >
            <option value="auto">{t('import.mapping.savedAuto')}</option>
            <option value="none">{t('import.mapping.savedNone')}</option>
            {s.savedMappings.map((m) => (
              <option key={m.name} value={`named:${m.name}`}>
                {m.name}（{t(`import.kind.${m.kind}`)}）
              </option>
            ))}
          </select>
          <FieldError name="savedMappingName" />
        </div>
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (trimmed) void s.saveMapping(trimmed).then((ok) => ok && setName(''));
          }}
        >
          <label htmlFor="import-save-name">{t('import.mapping.saveName')}</label>
          <div className={styles.importInline}>
            <input
              id="import-save-name"
              name="name"
              type="text"
              maxLength={100}
              value={name}
              placeholder={t('import.mapping.saveNamePlaceholder')}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="btn" disabled={!name.trim() || s.busy !== null}>
              {t('import.mapping.save')}
            </button>
          </div>
          <FieldError name="name" />
        </form>
      </div>
      {s.savedMappings.length ? (
        <ul className={`plain-list ${styles.importSavedList}`}>
          {s.savedMappings.map((m) => (
            <li key={m.name}>
              <span>
                {m.name} <span className="muted small">（{t(`import.kind.${m.kind}`)}）</span>
              </span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  if (window.confirm(t('import.mapping.confirmDelete', { name: m.name })))
                    void s.deleteMapping(m.name);
                }}
              >
                {t('import.mapping.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('import.mapping.noSaved')}</p>
      )}
    </div>
  );
}

export function MappingStep() {
  const { t, i18n } = useTranslation();
  const s = useImportWizard();
  const d = s.detection;
  if (!d) return null;
  // The core names fields in both languages; a required group reads "A / B" (either will do).
  const nameOf = new Map(d.fields.map((f) => [f.key, i18n.language === 'en' ? f.labelEn : f.label]));
  const groupName = (fields: string[]) => fields.map((k) => nameOf.get(k) ?? k).join(' / ');
  const byField = new Map(d.mapping.map((m) => [m.field, m]));
  const sample = d.rows[0]?.cells ?? [];
  const columns = d.headers;
  const fieldNames = d.fields.map((f) => `mapping.${f.key}`);
  return (
    <div data-step="mapping">
      <div className="card">
        <h2>
          {t('import.mapping.title')}{' '}
          <span className="muted small">
            {s.file?.name} · {t(`import.kind.${d.kind}`)}
            {d.format !== 'csv' ? ` · ${d.sheet}` : ''}
          </span>
        </h2>
        <p className="hint">{t('import.mapping.hint')}</p>
        {d.missingRequired.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="import-missing">
            {t('import.mapping.missing', {
              list: d.missingRequired.map((m) => groupName(m.fields)).join('；'),
            })}
          </div>
        )}
        {d.questions.length > 0 && (
          <div className="notice notice-info" role="group" data-testid="import-questions">
            <p>{t('import.mapping.questionsTitle')}</p>
            {d.questions.map((q) => (
              <div key={q.column} data-column={q.letter} className={styles.importInline}>
                <span>
                  {t('import.mapping.question', {
                    column: columnLabel({ letter: q.letter, text: q.header }),
                  })}
                </span>
                {q.fields.map((f) => (
                  <button
                    key={f.field}
                    type="button"
                    className={f.field === q.chosen ? 'btn primary' : 'btn'}
                    data-field={f.field}
                    disabled={s.busy !== null}
                    onClick={() => void s.setColumn(f.field, q.column)}
                  >
                    {nameOf.get(f.field) ?? f.label}
                  </button>
                ))}
              </div>
            ))}
          </div>
        )}
        <table className={`table ${styles.importMapping}`} data-testid="import-mapping">
          <thead>
            <tr>
              <th>{t('import.mapping.field')}</th>
              <th>{t('import.mapping.column')}</th>
              <th>{t('import.mapping.source')}</th>
              <th>{t('import.mapping.sample')}</th>
            </tr>
          </thead>
          <tbody>
            {d.fields.map((f) => {
              const m = byField.get(f.key);
              const missing = d.missingRequired.some((g) => g.fields.includes(f.key));
              return (
                <tr key={f.key} data-field={f.key} className={missing ? styles.importMissingRow : undefined}>
                  <td>
                    <label htmlFor={`import-map-${f.key}`}>{nameOf.get(f.key)}</label>
                    {f.required && <span className="req">*</span>}
                  </td>
                  <td>
                    <select
                      id={`import-map-${f.key}`}
                      name={`mapping.${f.key}`}
                      value={m ? String(m.column) : ''}
                      onChange={(e) =>
                        void s.setColumn(f.key, e.target.value === '' ? null : Number(e.target.value))
                      }
                    >
                      <option value="">{t('import.mapping.notImported')}</option>
                      {columns.map((h) => (
                        <option key={h.column} value={String(h.column)}>
                          {columnLabel(h)}
                        </option>
                      ))}
                    </select>
                    <FieldError name={`mapping.${f.key}`} names={fieldNames} />
                  </td>
                  <td className="muted small" data-testid="import-map-source">
                    {m ? t(`import.mapping.sourceLabel.${m.source}`) : ''}
                  </td>
                  <td className={`${styles.importSample} import-sample`}>
                    {m ? (sample[m.column] ?? '') : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {d.unmappedColumns.length > 0 && (
          <p className="hint" data-testid="import-unmapped">
            {t('import.mapping.unmapped', { list: d.unmappedColumns.map(columnLabel).join('、') })}
          </p>
        )}
      </div>
      <SavedMappings />
      {s.message && (
        <div className="notice notice-info" role="status">
          {s.message}
        </div>
      )}
      <OtherErrors names={[...fieldNames, 'savedMappingName', 'name']} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => s.goTo('file')}>
          ← {t('import.nav.back')}
        </button>
        <button
          type="button"
          className="btn primary"
          data-testid="import-to-preview"
          disabled={s.busy !== null || d.missingRequired.length > 0 || s.error !== null}
          onClick={() => void s.runPreview()}
        >
          {t('import.nav.toPreview')} →
        </button>
      </div>
    </div>
  );
}
