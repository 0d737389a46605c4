// The column filters in force, as chips above the grid: a remembered filter is never a
// silent one. Each chip removes its filter; the last button removes them all.
import { useTranslation } from 'react-i18next';
import styles from './FilterChips.module.css';

export interface FilterChip {
  field: string;
  /** The column's header. */
  name: string;
  /** What the filter keeps (包含“白沙”); none for a view's condition that says it all (超期). */
  words: string;
}

interface Props {
  chips: FilterChip[];
  onRemove: (field: string) => void;
  onClear: () => void;
}

export function FilterChips({ chips, onRemove, onClear }: Props) {
  const { t } = useTranslation();
  if (!chips.length) return null;
  return (
    <div className={styles.chips} role="group" aria-label={t('grid.filters')} data-testid="filter-chips">
      {chips.map((c) => (
        <span key={c.field} className={styles.chip} data-testid={`filter-chip-${c.field}`}>
          {c.words ? `${c.name}：${c.words}` : c.name}
          <button
            type="button"
            className={styles.remove}
            aria-label={t('grid.removeFilter', { name: c.name })}
            title={t('grid.removeFilter', { name: c.name })}
            onClick={() => onRemove(c.field)}
          >
            ×
          </button>
        </span>
      ))}
      {chips.length > 1 && (
        <button type="button" className="link" onClick={onClear}>
          {t('grid.clearFilters')}
        </button>
      )}
    </div>
  );
}
