// The one grid every list uses: AG Grid Community with the Infinite row model paged through
// KIND.list, so sorting, filters and the quick search run in SQL and 100,000 rows scroll smoothly.
// Column layout, sort, filters and search are remembered per grid id.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellKeyDownEvent,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type RowClassParams,
  type StateUpdatedEvent,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '@shared/contract/contract';
import type { RecordKind } from '@shared/contract/methods';
import { toApiError, type ApiError } from '../api';
import { ENUMS, type EnumName } from '../enums';
import { enumLabel, enumLabels, formatCount, formatDay, formatInstant, yesNo } from '../format';
import { listRecords, type RecordOf } from '../records';
import { LIST_READS } from '../stores/dataKinds';
import { useDataVersion } from '../stores/session';
import { EnumFilter, type EnumFilterParams } from './EnumFilter';
import { toListQuery, type ColumnKind, type ColumnKinds } from './gridQuery';
import { clearGrid, loadGrid, pickPersisted, saveGrid } from './gridState';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { sortModelOf, visibleColumnsOf, type GridView } from './gridExport';
import { cssVar } from '../styles/tokens';
import styles from './Grid.module.css';

ModuleRegistry.registerModules([AllCommunityModule]);

/** AG Grid's Quartz theme in the app's tokens: the params become CSS, so `var(--vl-…)` resolves there. */
export const gridTheme = themeQuartz.withParams({
  accentColor: cssVar('color-primary'),
  fontFamily: 'inherit',
  fontSize: cssVar('font-size-sm'),
  headerFontSize: cssVar('font-size-sm'),
  headerBackgroundColor: cssVar('color-surface-muted'),
  headerFontWeight: 600,
  borderColor: cssVar('color-border'),
  rowHoverColor: cssVar('color-primary-faint'),
  selectedRowBackgroundColor: cssVar('color-selected'),
  oddRowBackgroundColor: cssVar('color-surface-soft'),
  spacing: cssVar('space-3'),
  wrapperBorderRadius: cssVar('radius-sm'),
  browserColorScheme: 'light',
});

export interface GridColumn<Row> {
  /** The API field: also the column id, the sort field and the filter field. */
  field: keyof Row & string;
  /** i18n key of the header. */
  header: string;
  kind?: ColumnKind;
  enumName?: EnumName;
  width?: number;
  minWidth?: number;
  flex?: number;
  sortable?: boolean;
  filterable?: boolean;
  /** Hidden until the user shows it with the column chooser. */
  hide?: boolean;
  pinned?: 'left' | 'right';
  /** Text shown for the value (defaults by kind: enum labels, Shanghai dates, yes/no). */
  format?: (value: unknown, row: Row) => string;
  /** A React cell (badges, links). */
  render?: (row: Row) => ReactNode;
}

export interface GridProps<K extends RecordKind> {
  /** Storage key of this grid's layout. */
  id: string;
  kind: K;
  columns: GridColumn<RecordOf<K>>[];
  /** Filters of the screen (toggles), added to the column filters. */
  baseFilter?: ListQuery['filter'];
  onOpen?: (row: RecordOf<K>) => void;
  onSelect?: (row: RecordOf<K>) => void;
  rowClass?: (row: RecordOf<K>) => string | undefined;
  /** Buttons and toggles shown left of the search box. */
  toolbar?: ReactNode;
  emptyText?: string;
}

function defaultFormat(kind: ColumnKind, enumName: EnumName | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'enum':
      return enumName ? enumLabel(enumName, String(value)) : String(value);
    case 'enumList':
      return enumName ? enumLabels(enumName, value as string[]) : (value as string[]).join('、');
    case 'date':
      return formatDay(String(value));
    case 'instant':
      return formatInstant(String(value));
    case 'bool':
      return yesNo(Boolean(value));
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

const TEXT_OPTIONS = ['contains', 'equals', 'notEqual', 'startsWith', 'blank', 'notBlank'];
const NUMBER_OPTIONS = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
];
const DATE_OPTIONS = ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'];
const INSTANT_OPTIONS = ['equals', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'];

function filterOf(
  kind: ColumnKind,
  enumName: EnumName | undefined,
  t: (k: string) => string,
): Pick<ColDef, 'filter' | 'filterParams'> {
  const simple = { maxNumConditions: 1, buttons: ['reset'] };
  switch (kind) {
    case 'number':
      return { filter: 'agNumberColumnFilter', filterParams: { ...simple, filterOptions: NUMBER_OPTIONS } };
    case 'date':
    case 'instant':
      return {
        filter: 'agDateColumnFilter',
        filterParams: {
          ...simple,
          filterOptions: kind === 'date' ? DATE_OPTIONS : INSTANT_OPTIONS,
          inRangeInclusive: true,
        },
      };
    case 'enum':
    case 'enumList': {
      const values = enumName ? (ENUMS[enumName] as readonly string[]) : [];
      const params: EnumFilterParams = {
        options: values.map((v) => ({ value: v, label: enumLabel(enumName!, v) })),
        single: kind === 'enumList',
      };
      return { filter: EnumFilter, filterParams: params };
    }
    case 'bool': {
      const params: EnumFilterParams = {
        options: [
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ],
        single: true,
      };
      return { filter: EnumFilter, filterParams: params };
    }
    case 'json':
      return { filter: false };
    default:
      return { filter: 'agTextColumnFilter', filterParams: { ...simple, filterOptions: TEXT_OPTIONS } };
  }
}

export function Grid<K extends RecordKind>(props: GridProps<K>) {
  type Row = RecordOf<K>;
  const { id, kind, columns, baseFilter, onOpen, onSelect, rowClass, toolbar, emptyText } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Reloads when its records, or the names and counts its rows join in, change.
  const dataVersion = useDataVersion(LIST_READS[kind]);
  const saved = useMemo(() => loadGrid(id), [id]);
  const [q, setQ] = useState(saved.q);
  // The search text and screen filters the rows were loaded with: what is typed is applied
  // 250 ms after the last key, and until then the rows, further pages and an export all keep
  // to the query the user sees the rows of.
  const [applied, setApplied] = useState({ q: saved.q, baseFilter });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [api, setApi] = useState<GridApi<Row> | null>(null);
  const [layoutKey, setLayoutKey] = useState(0);

  // The datasource reads the latest query inputs through refs: one datasource for the grid's life.
  const kinds = useMemo<ColumnKinds>(
    () => Object.fromEntries(columns.map((c) => [c.field, c.kind ?? 'text'])),
    [columns],
  );
  const live = useRef({ kinds, ...applied, kind, onOpen, onSelect, rowClass });
  useEffect(() => {
    live.current = { kinds, ...applied, kind, onOpen, onSelect, rowClass };
  });
  const gridState = useRef(saved.state);
  // The grid is created again on a language switch or a layout reset (its key): it starts from
  // the layout as last saved, not as it was when the screen opened.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialState = useMemo(() => loadGrid(id).state, [id, lang, layoutKey]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        const { kinds: k, q: text, baseFilter: base, kind: recordKind } = live.current;
        let query;
        try {
          query = toListQuery(params.sortModel, params.filterModel as Record<string, unknown>, k, text, base);
        } catch (e) {
          setError(toApiError(e));
          params.failCallback();
          return;
        }
        listRecords(recordKind, { ...query, offset: params.startRow, limit: params.endRow - params.startRow })
          .then((page) => {
            setError(null);
            setTotal(page.total);
            params.successCallback(page.rows, page.total);
          })
          .catch((e: unknown) => {
            setError(toApiError(e));
            params.failCallback();
          });
      },
    }),
    [],
  );

  // Quick search (debounced) and screen filters start the list again from the top.
  const baseKey = JSON.stringify(baseFilter ?? {});
  const apiRef = useRef(api);
  useEffect(() => {
    apiRef.current = api;
  }, [api]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setApplied({ q, baseFilter }), 250);
    return () => clearTimeout(timer);
    // baseKey stands for baseFilter: a screen passes a new object on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, baseKey]);
  const firstApplied = useRef(true);
  useEffect(() => {
    if (firstApplied.current) {
      firstApplied.current = false;
      return;
    }
    apiRef.current?.purgeInfiniteCache();
  }, [applied]);

  useEffect(() => {
    saveGrid(id, { state: gridState.current, q });
  }, [id, q]);

  // A change elsewhere to what the rows show (a save, a move) reloads them in place.
  // An empty list has no block to refresh: it starts again instead.
  const seenVersion = useRef(dataVersion);
  const totalRef = useRef(total);
  useEffect(() => {
    totalRef.current = total;
  }, [total]);
  useEffect(() => {
    if (seenVersion.current !== dataVersion) {
      seenVersion.current = dataVersion;
      if (totalRef.current) api?.refreshInfiniteCache();
      else api?.purgeInfiniteCache();
    }
  }, [dataVersion, api]);

  const columnDefs = useMemo<ColDef<Row>[]>(
    () =>
      columns.map((c) => {
        const colKind = c.kind ?? 'text';
        const def: ColDef<Row> = {
          colId: c.field,
          valueGetter: (p) => p.data?.[c.field],
          headerName: t(c.header),
          cellDataType: false,
          sortable: c.sortable ?? !(colKind === 'enumList' || colKind === 'json'),
          // initial*: defaults for a new grid only; the remembered (or the user's) layout wins.
          initialHide: c.hide,
          pinned: c.pinned, // not part of the remembered layout: always as the screen defines it
          initialWidth: c.width,
          minWidth: c.minWidth,
          initialFlex: c.flex,
          valueFormatter: (p: ValueFormatterParams<Row>) =>
            p.data
              ? c.format
                ? c.format(p.value, p.data)
                : defaultFormat(colKind, c.enumName, p.value)
              : '',
          ...(c.filterable === false ? { filter: false } : filterOf(colKind, c.enumName, t)),
        };
        if (c.render) {
          const render = c.render;
          def.cellRenderer = (p: { data?: Row }) => (p.data ? render(p.data) : null);
        }
        return def;
      }),
    // Headers and labels follow the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, lang],
  );

  const onStateUpdated = (e: StateUpdatedEvent<Row>) => {
    gridState.current = pickPersisted(e.state);
    saveGrid(id, { state: gridState.current, q });
  };

  const resetLayout = () => {
    clearGrid(id);
    gridState.current = {};
    setQ('');
    setLayoutKey((k) => k + 1);
  };

  const empty = total === 0 && !error;

  // What an export sends: the same query the rows came from, and the visible columns in order.
  const exportView = (): GridView => {
    const { kinds: k, q: text, baseFilter: base, kind: recordKind } = live.current;
    return {
      kind: recordKind,
      kinds: k,
      sortModel: api ? sortModelOf(api.getColumnState()) : [],
      filterModel: (api?.getFilterModel() ?? {}) as Record<string, unknown>,
      q: text,
      baseFilter: base,
      visible: api ? visibleColumnsOf(api.getColumnState()) : columns.map((c) => c.field),
    };
  };
  const headerOf = (field: string) => t(columns.find((c) => c.field === field)?.header ?? field);

  return (
    <div className={styles.gridBox} data-grid={id}>
      <div className={styles.gridToolbar}>
        <div className={styles.gridToolbarLeft}>{toolbar}</div>
        <div className={styles.gridToolbarRight}>
          <input
            type="search"
            className={`${styles.gridSearch} grid-search`}
            name={`${id}-search`}
            aria-label={t('grid.search')}
            placeholder={t('grid.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {api && <ExportMenu view={exportView} headerOf={headerOf} />}
          {api && <ColumnChooser api={api} columns={columns} onReset={resetLayout} />}
          <span className={styles.gridCount} data-testid="grid-count">
            {total === null
              ? t('grid.loading')
              : t('grid.count', { count: total, formatted: formatCount(total) })}
          </span>
        </div>
      </div>
      {error && (
        <div className={styles.gridError} role="alert">
          {t('grid.loadFailed')}: {error.message}
        </div>
      )}
      <div className={styles.gridBody}>
        <AgGridReact<Row>
          key={`${lang}-${layoutKey}`}
          theme={gridTheme}
          localeText={lang === 'en' ? undefined : AG_GRID_LOCALE_CN}
          columnDefs={columnDefs}
          defaultColDef={{ resizable: true, minWidth: 70 }}
          // New column definitions (language, labels) must not undo the user's (or the remembered) order.
          maintainColumnOrder
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={30}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={60}
          infiniteInitialRowCount={1}
          getRowId={(p) => p.data.id}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          initialState={initialState}
          onStateUpdated={onStateUpdated}
          onGridReady={(e: GridReadyEvent<Row>) => setApi(e.api)}
          onGridPreDestroyed={(e) => setApi((current) => (current === e.api ? null : current))}
          onRowDoubleClicked={(e) => e.data && live.current.onOpen?.(e.data)}
          onRowClicked={(e) => e.data && live.current.onSelect?.(e.data)}
          onCellKeyDown={(e: CellKeyDownEvent<Row>) => {
            const key = (e.event as KeyboardEvent | undefined)?.key;
            if (key === 'Enter' && e.data) live.current.onOpen?.(e.data);
          }}
          getRowClass={(p: RowClassParams<Row>) => (p.data ? live.current.rowClass?.(p.data) : undefined)}
          suppressCellFocus={false}
          animateRows={false}
          suppressNoRowsOverlay
        />
        {empty && (
          <div className={styles.gridEmpty} data-testid="grid-empty">
            {q || baseKey !== '{}' ? t('grid.noMatch') : (emptyText ?? t('grid.empty'))}
          </div>
        )}
      </div>
    </div>
  );
}
