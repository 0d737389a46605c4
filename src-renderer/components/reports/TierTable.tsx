// 梯次培育: the enterprises holding each tier at the period's end and those certified in its
// year. Each count opens those enterprises.
import { useTranslation } from 'react-i18next';
import type { Report } from '../../stores/reports';
import { formatCount, orderedKeys, splitLabel, type SplitName } from './figures';
import styles from './reports.module.css';

interface Props {
  report: Report;
  onOpen: (split: SplitName, key: string) => void;
}

export function TierTable({ report, onOpen }: Props) {
  const { t } = useTranslation();
  const { tierStock, tierNew } = report.figures;
  const keys = orderedKeys('tierStock', { ...tierNew, ...tierStock }, report);
  const count = (figure: 'tierStock' | 'tierNew', key: string) => {
    const n = report.figures[figure][key] ?? 0;
    return n === 0 ? (
      '0'
    ) : (
      <button
        type="button"
        className={`link ${styles.figureLink}`}
        title={t('reports.seeRecords', { count: n })}
        onClick={() => onOpen(figure, key)}
      >
        {formatCount(n)}
      </button>
    );
  };
  return (
    <div className={styles.splitBlock} data-split="tierStock">
      <h3>{t('reports.splits.tiers')}</h3>
      <table className={`table ${styles.reportTable}`}>
        <thead>
          <tr>
            <th>{t('reports.splits.tier')}</th>
            <th className="num">{t('reports.splits.tierStock')}</th>
            <th className="num">{t('reports.splits.tierNew')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key} data-key={key}>
              <td>{splitLabel('tierStock', key, report)}</td>
              <td className="num">{count('tierStock', key)}</td>
              <td className="num">{count('tierNew', key)}</td>
            </tr>
          ))}
          {keys.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('reports.splits.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className={`hint ${styles.splitNote}`}>{t('reports.splits.tierStockNote')}</p>
    </div>
  );
}
