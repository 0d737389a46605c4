// 目标任务: the bureau's annual target for each count or sum figure, one year at a time. Anyone
// sees them; supervisors change them (the core refuses others, and the inputs say so).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FIGURE_TARGET_KEYS, TARGET_KEYS, targetLabel, type TargetKey } from '@shared/reports/targets';
import { formatCount } from '../format';
import { inform } from '../stores/notices';
import { useSession } from '../stores/session';
import { targetText, useTargets } from '../stores/targets';
import styles from './TargetsScreen.module.css';

const OUTCOME_KEYS = TARGET_KEYS.filter((k) => k.startsWith('outcome:'));

export function TargetsScreen() {
  const { t } = useTranslation();
  const { year, loadYear, save, busy, changed } = useTargets();
  const supervisor = useSession((s) => s.info?.me?.role) === 'supervisor';
  useEffect(() => {
    void loadYear(year);
    // Once, when the screen opens: the year switcher loads other years.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const dirty = useTargets((s) => Object.keys(s.drafts).length > 0) && changed().length > 0;
  const onSave = async () => {
    if (await save()) inform(t('targets.saved', { year }));
  };
  return (
    <div className="screen screen-scroll">
      <div className="screen-head">
        <h1>{t('nav.targets')}</h1>
      </div>
      <section className="card" data-testid="targets-card">
        <h2 className={styles.yearHead}>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('targets.prevYear')}
            onClick={() => void loadYear(year - 1)}
          >
            ‹
          </button>
          <span data-testid="targets-year">{t('targets.year', { year })}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('targets.nextYear')}
            onClick={() => void loadYear(year + 1)}
          >
            ›
          </button>
        </h2>
        <p className="hint">{t('targets.hint')}</p>
        {!supervisor && (
          <p className="hint" data-testid="targets-read-only">
            {t('targets.readOnly')}
          </p>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
        >
          <div className={styles.tables}>
            <TargetTable title={t('targets.figures')} keys={FIGURE_TARGET_KEYS} editable={supervisor} />
            <TargetTable title={t('targets.outcomes')} keys={OUTCOME_KEYS} editable={supervisor} />
          </div>
          {supervisor && (
            <div className="form-actions">
              <button
                type="submit"
                className="btn primary"
                disabled={busy || !dirty}
                data-testid="save-targets"
              >
                {t('common.save')}
              </button>
            </div>
          )}
        </form>
      </section>
    </div>
  );
}

function TargetTable({
  title,
  keys,
  editable,
}: {
  title: string;
  keys: readonly TargetKey[];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { saved, drafts, edit, error, failedKey } = useTargets();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <table className={`table ${styles.table}`}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>{t('targets.key')}</th>
          <th>{t('targets.unit')}</th>
          <th className="num">{t('targets.target')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const label = targetLabel(key);
          const value = saved[key]?.value;
          const refused =
            error && failedKey === key ? (error.details.issues?.[0]?.message ?? error.message) : null;
          return (
            <tr key={key} data-key={key}>
              <td>
                <label htmlFor={`target-${key}`}>{label[lang]}</label>
              </td>
              <td className="muted">{lang === 'zh' ? (label.unit ?? '') : ''}</td>
              <td className="num">
                {editable ? (
                  <input
                    id={`target-${key}`}
                    name={key}
                    inputMode="decimal"
                    className={styles.input}
                    aria-invalid={refused ? true : undefined}
                    value={drafts[key] ?? targetText(value)}
                    placeholder={t('targets.none')}
                    onChange={(e) => edit(key, e.target.value)}
                  />
                ) : (
                  <span id={`target-${key}`}>{value === undefined ? '—' : formatCount(value)}</span>
                )}
                {refused && (
                  <div className="field-error" role="alert" data-testid="target-error">
                    {refused}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
