// 目标完成进度 (the 晾晒表): each annual target with the figure so far this year, the share of it
// reached and a bar, against the share of the year gone by (时间进度): a figure whose bar passes
// the year's mark is ahead, one short of it behind.
import { useTranslation } from 'react-i18next';
import {
  TARGET_KEYS,
  isAmountKey,
  paceOf,
  targetLabel,
  yearElapsed,
  yearToDate,
  type TargetProgress as Progress,
} from '@shared/reports/targets';
import { DASH, formatCount } from './figures';
import styles from './TargetProgress.module.css';

interface Props {
  asOf: string;
  targets: Record<string, Progress>;
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export function TargetProgress({ asOf, targets }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const keys = TARGET_KEYS.filter((k) => targets[k]);
  const { year, from } = yearToDate(asOf);
  const elapsed = yearElapsed(asOf);
  const amount = (key: (typeof keys)[number], v: number) =>
    isAmountKey(key) ? formatCount(Math.round(v)) : formatCount(v);
  return (
    <div className={styles.progress} data-testid="target-progress">
      {keys.length === 0 ? (
        <p className="muted">{t('targets.noTargets', { year })}</p>
      ) : (
        <>
          <p className="hint">
            {t('targets.progressHint', { from, to: asOf })} {t('targets.elapsed', { pct: percent(elapsed) })}
          </p>
          <table className={`table ${styles.table}`}>
            <thead>
              <tr>
                <th>{t('targets.key')}</th>
                <th className="num">{t('targets.target')}</th>
                <th className="num">{t('targets.actual')}</th>
                <th className="num">{t('targets.pct')}</th>
                <th className={styles.barHead} />
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const p = targets[key]!;
                const label = targetLabel(key);
                const pace = paceOf(p, asOf);
                return (
                  <tr key={key} data-key={key} data-pace={pace ?? undefined}>
                    <td>
                      {label[lang]}
                      {lang === 'zh' && label.unit ? <span className="muted">（{label.unit}）</span> : null}
                    </td>
                    <td className="num">{amount(key, p.target)}</td>
                    <td className="num">
                      {p.actual === null ? (
                        <span className="muted">{t('targets.notCounted')}</span>
                      ) : (
                        amount(key, p.actual)
                      )}
                    </td>
                    <td className={`num ${pace ? styles[pace] : ''}`}>
                      {p.pct === null ? DASH : percent(p.pct)}
                    </td>
                    <td className={styles.barCell}>
                      <div
                        className={styles.track}
                        role="meter"
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={p.pct === null ? undefined : Math.round(p.pct * 100)}
                        aria-label={label[lang]}
                      >
                        {p.pct !== null && (
                          <div
                            className={`${styles.bar} ${pace ? styles[pace] : ''}`}
                            style={{ width: `${Math.min(1, p.pct) * 100}%` }}
                          />
                        )}
                        <div className={styles.mark} style={{ left: `${elapsed * 100}%` }} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
