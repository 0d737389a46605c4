// One figure of the report: its value; for a rate, the numerator and denominator it comes
// from and what each counts; the change against the previous quarter and a year ago. A click
// lists the records behind it.
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { ScalarKey } from '@shared/reports/definitions';
import type { Report } from '../../stores/reports';

type ComparedWindow = Report['comparison']['previous'];
import {
  changeOf,
  formatCount,
  formatValue,
  isClinicKey,
  isRate,
  windowName,
  unitOf,
  type Change,
} from './figures';
import styles from './reports.module.css';

interface Props {
  figure: ScalarKey;
  report: Report;
  onOpen: (figure: ScalarKey) => void;
}

function ChangeLine({ label, against, change }: { label: string; against: ComparedWindow; change: Change }) {
  const { t } = useTranslation();
  const title = change.noData
    ? t('reports.noComparison', { quarter: windowName(against) })
    : t('reports.vsTitle', { quarter: windowName(against) });
  return (
    <span
      className={change.tone === 'good' ? styles.chgGood : change.tone === 'bad' ? styles.chgBad : undefined}
      title={title}
    >
      <span className={styles.kpiChangeLabel}>{label}</span> {change.text}
    </span>
  );
}

export function FigureTile({ figure: k, report, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const value = report.figures[k];
  const notApplicable = value === null && isClinicKey(k);
  const rate = isRate(k) ? report.rates[k] : null;
  const unit = value === null ? '' : unitOf(k);
  const title = notApplicable
    ? t('reports.notApplicableHint')
    : rate
      ? `${rate.formula[lang]}\n${t('reports.seeRecordsOf')}`
      : t('reports.seeRecords', { count: value ?? 0 });
  const alert = k === 'overdueAtEnd' && (value ?? 0) > 0;
  return (
    <button
      type="button"
      className={[
        styles.kpi,
        'kpi',
        rate && styles.kpiRate,
        k === 'avgDaysToClose' && styles.kpiMean,
        alert && styles.kpiAlert,
      ]
        .filter(Boolean)
        .join(' ')}
      data-figure={k}
      data-value={value ?? ''}
      disabled={notApplicable}
      title={title}
      onClick={() => onOpen(k)}
    >
      <span className={`${styles.kpiLabel} kpi-label`}>{t(`reports.fig.${k}`)}</span>
      <span className={`${styles.kpiValue} kpi-value`}>
        {notApplicable ? t('reports.notApplicable') : formatValue(k, value)}
        {unit && <small>{unit}</small>}
      </span>
      {rate && (
        <span className={styles.kpiFormula}>
          <span className={styles.kpiRatio} data-testid="ratio">
            = {formatCount(rate.numerator)} ÷ {formatCount(rate.denominator)}
            {rate.value === null && <em> · {t('reports.undefinedRate')}</em>}
          </span>
          <span className={styles.kpiTerm}>
            <b>{t('reports.numerator')}</b> {rate.numeratorLabel[lang]}
          </span>
          <span className={styles.kpiTerm}>
            <b>{t('reports.denominator')}</b> {rate.denominatorLabel[lang]}
          </span>
        </span>
      )}
      {!notApplicable && (
        <span className={`${styles.kpiChanges} kpi-changes`}>
          <ChangeLine
            label={t('reports.vsPrevious')}
            against={report.comparison.previous}
            change={changeOf(k, report, 'previous')}
          />
          <ChangeLine
            label={t('reports.vsLastYear')}
            against={report.comparison.lastYear}
            change={changeOf(k, report, 'lastYear')}
          />
        </span>
      )}
    </button>
  );
}
