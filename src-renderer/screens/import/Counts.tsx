// The four counts of a preview or an import: created, updated, skipped, rejected.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format';
import styles from './import.module.css';

interface Props {
  counts: { created: number; updated: number; skipped: number; rejected: number };
  /** i18n prefix of the labels: import.preview or import.result. */
  labels: 'import.preview' | 'import.result';
}

const KEYS = ['created', 'updated', 'skipped', 'rejected'] as const;

export function Counts({ counts, labels }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`figures ${styles.importCounts}`} data-testid="import-counts">
      {KEYS.map((k) => (
        <div
          key={k}
          className={`figure${k === 'rejected' && counts[k] ? ' figure-overdue' : ''}`}
          data-count={k}
        >
          <span className="figure-value">{formatCount(counts[k])}</span>
          <span className="figure-label">{t(`${labels}.${k}`)}</span>
        </div>
      ))}
    </div>
  );
}
