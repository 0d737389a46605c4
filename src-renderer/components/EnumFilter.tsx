// A column filter for codes (statuses, modes, categories, yes/no): tick the values to keep.
// Community has no set filter; this one only builds a model that gridQuery turns into SQL.
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { EnumFilterModel } from './gridQuery';
import styles from './EnumFilter.module.css';

export interface EnumFilterParams {
  options: { value: string | boolean; label: string }[];
  /** List columns (categories) are filtered by one value at a time. */
  single?: boolean;
}

export function EnumFilter(props: CustomFilterProps & EnumFilterParams) {
  const { t } = useTranslation();
  const { model, onModelChange, options, single } = props;
  useGridFilter({ doesFilterPass: () => true });
  const chosen = (model as EnumFilterModel | null)?.values ?? [];
  const toggle = (value: string | boolean, on: boolean) => {
    const values = single ? (on ? [value] : []) : on ? [...chosen, value] : chosen.filter((v) => v !== value);
    onModelChange(values.length ? { filterType: 'enum', values } : null);
  };
  return (
    <div className={`${styles.enumFilter} enum-filter`}>
      {options.map((o) => (
        <label key={String(o.value)}>
          <input
            type={single ? 'radio' : 'checkbox'}
            checked={chosen.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          {o.label}
        </label>
      ))}
      <button type="button" className="link" onClick={() => onModelChange(null)} disabled={!chosen.length}>
        {t('grid.clearFilter')}
      </button>
    </div>
  );
}
