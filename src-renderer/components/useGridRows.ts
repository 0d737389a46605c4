// The rows of a grid: a datasource for AG Grid's Infinite row model that pages through
// KIND.list with the grid's sort, filters and quick search (so they run in SQL), the total,
// and the reloads: the search 250 ms after the last key, the screen's filters, and a change
// elsewhere to what the rows show.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridApi, IDatasource } from 'ag-grid-community';
import type { ListQuery } from '@shared/contract/contract';
import type { RecordKind } from '@shared/contract/methods';
import { toApiError, type ApiError } from '../api';
import { listRecords, type RecordOf } from '../records';
import { LIST_READS } from '../stores/dataKinds';
import { useDataVersion } from '../stores/session';
import { columnKindsOf, type GridColumn } from './gridColumns';
import { sortModelOf, visibleColumnsOf, type GridView } from './gridExport';
import { toListQuery } from './gridQuery';

interface Options<K extends RecordKind> {
  kind: K;
  columns: readonly GridColumn<RecordOf<K>>[];
  /** The quick-search text as typed. */
  q: string;
  baseFilter?: ListQuery['filter'];
  api: GridApi<RecordOf<K>> | null;
}

export function useGridRows<K extends RecordKind>({ kind, columns, q, baseFilter, api }: Options<K>) {
  // Reloads when its records, or the names and counts its rows join in, change.
  const dataVersion = useDataVersion(LIST_READS[kind]);
  // The search text and screen filters the rows were loaded with: what is typed is applied
  // 250 ms after the last key, and until then the rows, further pages and an export all keep
  // to the query the user sees the rows of.
  const [applied, setApplied] = useState({ q, baseFilter });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // The datasource reads the latest query inputs through a ref: one datasource for the grid's life.
  const kinds = useMemo(() => columnKindsOf(columns), [columns]);
  const live = useRef({ kinds, ...applied, kind });
  useEffect(() => {
    live.current = { kinds, ...applied, kind };
  });

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

  // What an export sends: the same query the rows came from, and the visible columns in order.
  const view = (): GridView => {
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

  return {
    datasource,
    /** Rows matching the applied query; null until the first page comes. */
    total,
    error,
    /** Whether the screen's own filters narrow the list. */
    screenFiltered: baseKey !== '{}',
    view,
  };
}
