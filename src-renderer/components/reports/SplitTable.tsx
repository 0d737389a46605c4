// A breakdown of the quarter (by mode, town, industry section, tier, lead staff, or demand
// category) as a table with shares and a total; each count opens the records behind it.
import { useTranslation } from 'react-i18next';
import type { Report } from '../../stores/reports';
import { formatCount, formatShare, orderedKeys, splitLabel, type SplitName } from './figures';
import styles from './reports.module.css';

interface Props {
  /** A split of the visits, or the demands by category (units and tiers have tables of their own). */
  split: Exclude<SplitName, 'byUnit' | 'tierStock' | 'tierNew'>;
  report: Report;
  onOpen: (split: SplitName, key: string) => void;
}

export function SplitTable({ split, report, onOpen }: Props) {
  const { t } = useTranslation();
  const f = report.figures;
  const isCategory = split === 'byCategory';
  const counts: Record<string, number> = isCategory
    ? f.byCategory
    : Object.fromEntries(Object.entries(f[split]).map(([k, v]) => [k, v.visits]));
  const keys = orderedKeys(split, counts, report);
  const total = isCategory ? f.newDemands : f.visits;
  const note =
    split === 'byTier' ? t('reports.splits.tierNote') : isCategory ? t('reports.splits.categoryNote') : null;
  return (
    <div className={styles.splitBlock} data-split={split}>
      <h3>{t(`reports.splits.${split}`)}</h3>
      <table className={`table ${styles.reportTable}`}>
        <thead>
          <tr>
            <th>{t('reports.splits.item')}</th>
            <th className="num">{t(isCategory ? 'reports.splits.demands' : 'reports.splits.visits')}</th>
            <th className="num">{t('reports.splits.share')}</th>
            {!isCategory && <th className="num">{t('reports.splits.enterprisesVisited')}</th>}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key} data-key={key}>
              <td>{splitLabel(split, key, report)}</td>
              <td className="num">
                <button
                  type="button"
                  className={`link ${styles.figureLink}`}
                  title={t('reports.seeRecords', { count: counts[key]! })}
                  onClick={() => onOpen(split, key)}
                >
                  {formatCount(counts[key]!)}
                </button>
              </td>
              <td className="num muted">{formatShare(counts[key]!, total)}</td>
              {!isCategory && <td className="num">{formatCount(f[split][key]!.enterprisesVisited)}</td>}
            </tr>
          ))}
          {keys.length === 0 && (
            <tr>
              <td colSpan={isCategory ? 3 : 4} className="muted">
                {t('reports.splits.empty')}
              </td>
            </tr>
          )}
        </tbody>
        {keys.length > 0 && (
          <tfoot>
            <tr>
              <th>{t('reports.splits.total')}</th>
              <th className="num">{formatCount(total)}</th>
              <th className="num">{total > 0 ? '100.0%' : '—'}</th>
              {!isCategory && <th className="num">{formatCount(f.enterprisesVisited)}</th>}
            </tr>
          </tfoot>
        )}
      </table>
      {note && <p className={`hint ${styles.splitNote}`}>{note}</p>}
    </div>
  );
}
