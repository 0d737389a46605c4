// What a grid remembers per grid id (gridState): column order, sizes, visibility, sort and
// filters as the user leaves them, and the quick-search text; and the way back to the
// screen's default layout.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridState } from 'ag-grid-community';
import { clearGrid, loadGrid, pickPersisted, saveGrid } from './gridState';

export function useGridLayout(id: string, lang: string) {
  const saved = useMemo(() => loadGrid(id), [id]);
  const [q, setQ] = useState(saved.q);
  const [layoutKey, setLayoutKey] = useState(0);
  const gridState = useRef(saved.state);
  // The grid is created again on a language switch or a layout reset (its key): it starts from
  // the layout as last saved, not as it was when the screen opened.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialState = useMemo(() => loadGrid(id).state, [id, lang, layoutKey]);

  useEffect(() => {
    saveGrid(id, { state: gridState.current, q });
  }, [id, q]);

  const onStateUpdated = (e: { state: GridState }) => {
    gridState.current = pickPersisted(e.state);
    saveGrid(id, { state: gridState.current, q });
  };

  const resetLayout = () => {
    clearGrid(id);
    gridState.current = {};
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
    onStateUpdated,
    resetLayout,
  };
}
