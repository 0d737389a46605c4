// The one grid every list uses: AG Grid Community with the Infinite row model paged through
// KIND.list, so sorting, filters and the quick search run in SQL and 100,000 rows scroll smoothly.
// Column layout, sort, filters and search are remembered per grid id, and so are its named
// views (built-in for its kind, and the user's own).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellKeyDownEvent,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type RowClassParams,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import type { RecordKind } from '@shared/contract/methods';
import type { RecordOf } from '../records';
import { columnDefsOf, columnValueText, type GridColumn } from './gridColumns';
import { FilterChips, type FilterChip } from './FilterChips';
import { filterWords } from './filterChips';
import { sortModelOf } from './gridExport';
import type { SortItem } from './gridQuery';
import { askedViews, type BuiltinKey, type BuiltinViews } from './gridViews';
import { KIND_VIEWS } from './kindViews';
import { gridTheme } from './gridTheme';
import { GridToolbar } from './GridToolbar';
import { useGridLayout } from './useGridLayout';
import { useGridRows } from './useGridRows';
import { useGridViews } from './useGridViews';
import { ViewMenu } from './ViewMenu';
import styles from './Grid.module.css';

export type { GridColumn } from './gridColumns';

ModuleRegistry.registerModules([AllCommunityModule]);

const NO_VIEWS: BuiltinViews = {};

/** Each column's width as defined (not flex), which a layout of an older format is checked against. */
const defaultWidths = (defs: readonly ColDef[]): Map<string, number> =>
  new Map(
    defs.flatMap((c) => (c.colId && typeof c.initialWidth === 'number' ? [[c.colId, c.initialWidth]] : [])),
  );
/** The chip field of a built-in view's condition. */
const VIEW_CHIP = 'view-';

export interface GridProps<K extends RecordKind> {
  /** Storage key of this grid's layout. */
  id: string;
  kind: K;
  columns: GridColumn<RecordOf<K>>[];
  /** Built-in views offered (default: those of the kind, KIND_VIEWS). */
  views?: BuiltinViews;
  /** The address's parameters: `view=overdue` (or `mine,overdue`) opens the grid on those views. */
  routeParams?: Record<string, string>;
  onOpen?: (row: RecordOf<K>) => void;
  onSelect?: (row: RecordOf<K>) => void;
  rowClass?: (row: RecordOf<K>) => string | undefined;
  /** Buttons and toggles shown left of the search box. */
  toolbar?: ReactNode;
  emptyText?: string;
}

export function Grid<K extends RecordKind>(props: GridProps<K>) {
  type Row = RecordOf<K>;
  const { id, kind, columns, onOpen, onSelect, rowClass, toolbar, emptyText } = props;
  const builtins = props.views ?? KIND_VIEWS[kind] ?? NO_VIEWS;
  const asked = askedViews(props.routeParams ?? {}, builtins);
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [api, setApi] = useState<GridApi<Row> | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const columnDefs = useMemo<ColDef<Row>[]>(
    () => columnDefsOf(kind, columns, t, currentLanguage()),
    // Headers and labels follow the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kind, columns, lang],
  );
  const layout = useGridLayout(id, lang, defaultWidths(columnDefs));

  // The column filters in force: remembered ones from the first render, then as the grid says;
  // the sort likewise (a view compares both with its own).
  const [filterModel, setFilterModel] = useState<Record<string, unknown>>(
    () => (layout.initialState?.filter?.filterModel ?? {}) as Record<string, unknown>,
  );
  const [sort, setSort] = useState<SortItem[]>(() =>
    (layout.initialState?.sort?.sortModel ?? []).map((s) => ({ colId: s.colId, sort: s.sort })),
  );
  const readFilters = (gridApi: GridApi<Row>) =>
    setFilterModel(gridApi.getFilterModel() as Record<string, unknown>);
  const readSort = (gridApi: GridApi<Row>) => setSort(sortModelOf(gridApi.getColumnState()));

  const views = useGridViews({
    id,
    builtins,
    api: api as GridApi | null,
    filterModel,
    sort,
    q: layout.q,
    setQ: layout.setQ,
    asked,
  });
  // The views' conditions (超期…) go to the list method beside the column filters.
  const rows = useGridRows({ kind, columns, q: layout.q, baseFilter: views.filter, api });

  // The grid's event handlers read the screen's latest callbacks.
  const handlers = useRef({ onOpen, onSelect, rowClass });
  useEffect(() => {
    handlers.current = { onOpen, onSelect, rowClass };
  });

  const columnChips: FilterChip[] = Object.entries(filterModel).flatMap(([field, model]) => {
    const column = columns.find((c) => c.field === field);
    if (!column) return [];
    const name = columnDefs.find((c) => c.colId === field)?.headerName ?? field;
    return [
      {
        field,
        name,
        words: filterWords(
          model,
          (v) => columnValueText(kind, column, v),
          (k, p) => t(k, p ?? {}),
        ),
      },
    ];
  });
  // A built-in view's condition is a chip too: 超期, 本季 2026-10-01 – 2026-12-31.
  const chips: FilterChip[] = [
    ...views.conditions.map((key) => ({
      field: `${VIEW_CHIP}${key}`,
      name: t(`views.builtin.${key}`),
      words: builtins[key]?.words?.(views.ctx) ?? '',
    })),
    ...columnChips,
  ];
  const removeFilter = (field: string) => {
    if (field.startsWith(VIEW_CHIP))
      return views.removeCondition(field.slice(VIEW_CHIP.length) as BuiltinKey);
    if (!api) return;
    void api.setColumnFilterModel(field, null).then(() => api.onFilterChanged());
  };
  const clearFilters = views.clear;
  const resetLayout = () => {
    views.reset();
    layout.resetLayout();
  };

  const empty = rows.total === 0 && !rows.error;

  return (
    <div className={styles.gridBox} data-grid={id} ref={box}>
      <GridToolbar
        id={id}
        q={layout.q}
        onSearch={layout.setQ}
        api={api}
        columns={columnDefs.map((c) => ({ field: c.colId!, label: c.headerName ?? c.colId! }))}
        view={rows.view}
        onResetLayout={resetLayout}
        total={rows.total}
      >
        {toolbar}
        <ViewMenu
          builtins={views.offered}
          users={views.users}
          active={views.active}
          modified={views.modified}
          onChoose={views.choose}
          onSaveAs={views.saveAs}
          onRename={views.rename}
          onUpdate={views.update}
          onRemove={views.remove}
        />
      </GridToolbar>
      <FilterChips
        chips={chips}
        onRemove={removeFilter}
        onClear={clearFilters}
        // The last filter removed from the keyboard: back to the search box above.
        onEmptied={() => box.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus()}
      />
      {rows.error && (
        <div className={styles.gridError} role="alert">
          {t('grid.loadFailed')}: {rows.error.message}
        </div>
      )}
      <div className={styles.gridBody}>
        <AgGridReact<Row>
          key={layout.gridKey}
          theme={gridTheme}
          localeText={lang === 'en' ? undefined : AG_GRID_LOCALE_CN}
          columnDefs={columnDefs}
          defaultColDef={{ resizable: true, minWidth: 70 }}
          // New column definitions (language, labels) must not undo the user's (or the remembered) order.
          maintainColumnOrder
          rowModelType="infinite"
          datasource={rows.datasource}
          cacheBlockSize={100}
          maxBlocksInCache={30}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={60}
          infiniteInitialRowCount={1}
          getRowId={(p) => p.data.id}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          initialState={layout.initialState}
          onStateUpdated={layout.onStateUpdated}
          onColumnResized={layout.onColumnResized}
          onGridReady={(e: GridReadyEvent<Row>) => {
            setApi(e.api);
            readFilters(e.api);
            readSort(e.api);
          }}
          onFilterChanged={(e) => readFilters(e.api)}
          onSortChanged={(e) => readSort(e.api)}
          onGridPreDestroyed={(e) => setApi((current) => (current === e.api ? null : current))}
          onRowDoubleClicked={(e) => e.data && handlers.current.onOpen?.(e.data)}
          onRowClicked={(e) => e.data && handlers.current.onSelect?.(e.data)}
          onCellKeyDown={(e: CellKeyDownEvent<Row>) => {
            const key = (e.event as KeyboardEvent | undefined)?.key;
            if (key === 'Enter' && e.data) handlers.current.onOpen?.(e.data);
          }}
          getRowClass={(p: RowClassParams<Row>) => (p.data ? handlers.current.rowClass?.(p.data) : undefined)}
          suppressCellFocus={false}
          animateRows={false}
          suppressNoRowsOverlay
        />
        {empty && (
          <div className={styles.gridEmpty} data-testid="grid-empty">
            {chips.length ? (
              <>
                {t('grid.noFilterMatch')}
                <button type="button" className="link" onClick={clearFilters}>
                  {t('grid.clearFilter')}
                </button>
              </>
            ) : layout.q || rows.screenFiltered ? (
              t('grid.noMatch')
            ) : (
              (emptyText ?? t('grid.empty'))
            )}
          </div>
        )}
      </div>
    </div>
  );
}
