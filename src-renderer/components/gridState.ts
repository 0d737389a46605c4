// What a grid remembers between runs, per grid id: column order, sizes, visibility, sort,
// filters and the quick-search text.
import type { GridState } from 'ag-grid-community';

export interface SavedGrid {
  state: Pick<GridState, 'columnOrder' | 'columnSizing' | 'columnVisibility' | 'filter' | 'sort'>;
  q: string;
}

const key = (gridId: string) => `vl.grid.${gridId}`;

export function pickPersisted(state: GridState): SavedGrid['state'] {
  const out: SavedGrid['state'] = {};
  if (state.columnOrder) out.columnOrder = state.columnOrder;
  if (state.columnSizing) out.columnSizing = state.columnSizing;
  if (state.columnVisibility) out.columnVisibility = state.columnVisibility;
  if (state.filter) out.filter = state.filter;
  if (state.sort) out.sort = state.sort;
  return out;
}

export function loadGrid(gridId: string): SavedGrid {
  try {
    const raw = localStorage.getItem(key(gridId));
    if (!raw) return { state: {}, q: '' };
    const parsed = JSON.parse(raw) as Partial<SavedGrid>;
    return { state: parsed.state ?? {}, q: typeof parsed.q === 'string' ? parsed.q : '' };
  } catch {
    return { state: {}, q: '' };
  }
}

export function saveGrid(gridId: string, saved: SavedGrid): void {
  try {
    localStorage.setItem(key(gridId), JSON.stringify(saved));
  } catch {
    /* storage full or unavailable: the layout is simply not remembered */
  }
}

export function clearGrid(gridId: string): void {
  try {
    localStorage.removeItem(key(gridId));
  } catch {
    /* ignore */
  }
}
