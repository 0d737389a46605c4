// The report's last section: what its scope counts, the formula of each rate, and the notes
// on how the figures were taken.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../stores/reports';
import styles from './reports.module.css';

export function ReportNotes({ report, lang }: { report: Report; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  return (
    <section className={`${styles.reportSection} ${styles.reportNotes}`} data-section="notes">
      <h2 className={styles.sectionTitle}>{t('reports.section.notes')}</h2>
      <dl className="facts">
        {report.scope.rules.map((r) => (
          <Fragment key={`scope-${r.group}`}>
            <dt>{t(`reports.ruleGroup.${r.group}`)}</dt>
            <dd>{r[lang]}</dd>
          </Fragment>
        ))}
        {Object.entries(report.rates).map(([k, d]) => (
          <Fragment key={k}>
            <dt>{t(`reports.fig.${k}`)}</dt>
            <dd>{d.formula[lang]}</dd>
          </Fragment>
        ))}
      </dl>
      <ul className="plain-list small muted">
        {report.notes.map((n) => (
          <li key={n.key}>{n[lang]}</li>
        ))}
      </ul>
    </section>
  );
}
