// What a grid remembers per grid id (gridState): column order, the widths the user set,
// visibility, sort and filters as the user leaves them, and the quick-search text; and the way
// back to the screen's default layout.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnEventType, ColumnResizedEvent, GridState } from 'ag-grid-community';
import { clearGrid, loadGrid, pickPersisted, saveGrid, sizedColumns, upgradeSaved } from './gridState';

/** Where a width the user chose comes from: a drag of the header's edge, or a column menu. */
const USER_SIZING: ReadonlySet<ColumnEventType> = new Set([
  'uiColumnResized',
  'autosizeColumns',
  'columnMenu',
  'contextMenu',
]);

/** `defaults`: each column's width as the screen defines it now, in the current language. */
export function useGridLayout(id: string, lang: string, defaults: ReadonlyMap<string, number>) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const saved = useMemo(() => upgradeSaved(loadGrid(id), defaults), [id]);
  const [q, setQ] = useState(saved.q);
  const [layoutKey, setLayoutKey] = useState(0);
  const gridState = useRef(saved.state);
  /** The columns whose width the user set: only theirs is remembered. */
  const sized = useMemo(() => sizedColumns(saved.state), [saved]);
  // The grid is created again on a language switch or a layout reset (its key): it starts from
  // the layout as last saved, not as it was when the screen opened.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialState = useMemo(() => upgradeSaved(loadGrid(id), defaults).state, [id, lang, layoutKey]);

  useEffect(() => {
    saveGrid(id, { state: gridState.current, q });
  }, [id, q]);

  const remember = (state: GridState) => {
    gridState.current = pickPersisted(state, sized);
    saveGrid(id, { state: gridState.current, q });
  };

  const onColumnResized = (e: ColumnResizedEvent) => {
    if (!e.finished || !USER_SIZING.has(e.source)) return;
    for (const column of e.columns ?? []) sized.add(column.getColId());
    remember(e.api.getState());
  };

  const resetLayout = () => {
    clearGrid(id);
    gridState.current = {};
    sized.clear();
    setQ('');
    setLayoutKey((k) => k + 1);
  };

  return {
    /** The quick-search text as typed. */
    q,
    setQ,
    /** The grid component's key: a new grid for a new language or after a reset. */
    gridKey: `${lang}-${layoutKey}`,
    initialState,
    onStateUpdated: (e: { state: GridState }) => remember(e.state),
    onColumnResized,
    resetLayout,
  };
}
