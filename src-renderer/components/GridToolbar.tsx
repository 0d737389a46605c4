// Above a grid: the screen's buttons and toggles, then the quick search, the export menu, the
// column chooser and the row count.
import type { ReactNode } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import type { GridView } from './gridExport';
import styles from './GridToolbar.module.css';

interface Props<Row> {
  /** The grid id: names the search box. */
  id: string;
  /** The screen's buttons and toggles, left of the search box. */
  children?: ReactNode;
  q: string;
  onSearch: (q: string) => void;
  /** The grid, once it is ready: the export and the column chooser need it. */
  api: GridApi<Row> | null;
  /** Each column's field and its header in the current language. */
  columns: { field: string; label: string }[];
  view: () => GridView;
  onResetLayout: () => void;
  /** Rows matching; null while loading. */
  total: number | null;
}

export function GridToolbar<Row>(props: Props<Row>) {
  const { id, children, q, onSearch, api, columns, view, onResetLayout, total } = props;
  const { t } = useTranslation();
  const headerOf = (field: string) => columns.find((c) => c.field === field)?.label ?? field;
  return (
    <div className={styles.gridToolbar}>
      <div className={styles.gridToolbarLeft}>{children}</div>
      <div className={styles.gridToolbarRight}>
        <input
          type="search"
          className={`${styles.gridSearch} grid-search`}
          name={`${id}-search`}
          aria-label={t('grid.search')}
          placeholder={t('grid.searchPlaceholder')}
          value={q}
          onChange={(e) => onSearch(e.target.value)}
        />
        {api && <ExportMenu view={view} headerOf={headerOf} />}
        {api && <ColumnChooser api={api} columns={columns} onReset={onResetLayout} />}
        <span className={styles.gridCount} data-testid="grid-count">
          {total === null
            ? t('grid.loading')
            : t('grid.count', { count: total, formatted: formatCount(total) })}
        </span>
      </div>
    </div>
  );
}
