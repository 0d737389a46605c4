// What a grid remembers between runs, per grid id: column order, the widths the user set,
// visibility, sort, filters and the quick-search text.
import type { GridState } from 'ag-grid-community';

export interface SavedGrid {
  state: Pick<GridState, 'columnOrder' | 'columnSizing' | 'columnVisibility' | 'filter' | 'sort'>;
  q: string;
  /**
   * The layout's format. From 2, `columnSizing` lists only the columns the user resized, so a
   * column's new default width reaches the laptops that remember a layout; before, it listed
   * every column's width as the grid then had it (upgradeSaved).
   */
  v?: number;
}

export const LAYOUT_VERSION = 2;

const key = (gridId: string) => `vl.grid.${gridId}`;

/** The parts of the grid's state a layout keeps; of the widths, those of the columns in `sized`. */
export function pickPersisted(state: GridState, sized: ReadonlySet<string>): SavedGrid['state'] {
  const out: SavedGrid['state'] = {};
  if (state.columnOrder) out.columnOrder = state.columnOrder;
  const widths = state.columnSizing?.columnSizingModel.filter((c) => sized.has(c.colId));
  if (widths?.length) out.columnSizing = { columnSizingModel: widths };
  if (state.columnVisibility) out.columnVisibility = state.columnVisibility;
  if (state.filter) out.filter = state.filter;
  if (state.sort) out.sort = state.sort;
  return out;
}

/**
 * A layout saved before LAYOUT_VERSION holds every column's width, set by the user or not.
 * A width narrower than the column's default now is dropped: the default grew since, to show
 * what the old width cut (the demands list's third status tag). A wider one, and those of
 * columns without a fixed default (flex), may be the user's and stay.
 */
export function upgradeSaved(saved: SavedGrid, defaults: ReadonlyMap<string, number>): SavedGrid {
  if ((saved.v ?? 1) >= LAYOUT_VERSION) return saved;
  const { columnSizing, ...rest } = saved.state;
  const widths = columnSizing?.columnSizingModel.filter((c) => {
    const initial = defaults.get(c.colId);
    return initial === undefined || c.width === undefined || c.width >= initial;
  });
  return {
    q: saved.q,
    v: LAYOUT_VERSION,
    state: widths?.length ? { ...rest, columnSizing: { columnSizingModel: widths } } : rest,
  };
}

/** The columns a saved layout gives a width: those the user resized. */
export const sizedColumns = (state: SavedGrid['state']): Set<string> =>
  new Set(state.columnSizing?.columnSizingModel.map((c) => c.colId));

export function loadGrid(gridId: string): SavedGrid {
  try {
    const raw = localStorage.getItem(key(gridId));
    if (!raw) return { state: {}, q: '', v: LAYOUT_VERSION };
    const parsed = JSON.parse(raw) as Partial<SavedGrid>;
    return {
      state: parsed.state ?? {},
      q: typeof parsed.q === 'string' ? parsed.q : '',
      v: typeof parsed.v === 'number' ? parsed.v : 1,
    };
  } catch {
    return { state: {}, q: '', v: LAYOUT_VERSION };
  }
}

export function saveGrid(gridId: string, saved: Omit<SavedGrid, 'v'>): void {
  try {
    localStorage.setItem(key(gridId), JSON.stringify({ ...saved, v: LAYOUT_VERSION }));
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
