// What a grid's export sends to ledger.export: the grid's own list query (column filters,
// quick search, screen filters, sort) and its visible columns in their order, as export
// columns. Pure: no React; the grid hands in its state.
import type { MethodInput } from '@shared/contract/contract';
import type { RecordKind } from '@shared/contract/methods';
import { EXPORT_SPECS } from '@shared/model/exports';
import type { ListQuery } from '@shared/contract/contract';
import { toListQuery, type ColumnKinds, type SortItem } from './gridQuery';

/** Grid columns whose export column has another key (a count on screen, the names in the file). */
const ALIASES: Partial<Record<RecordKind, Record<string, string>>> = {
  clinics: { expertCount: 'expertIds', enterpriseCount: 'enterprises' },
  activities: { enterpriseCount: 'enterpriseIds' },
};

/** The export columns of the visible grid columns, in order; `left` are grid columns no export has. */
export function exportColumnsOf(
  kind: RecordKind,
  fields: readonly string[],
): { keys: string[]; left: string[] } {
  const known = new Set(EXPORT_SPECS[kind].map((c) => c.key));
  const keys: string[] = [];
  const left: string[] = [];
  for (const field of fields) {
    const key = ALIASES[kind]?.[field] ?? field;
    if (!known.has(key)) left.push(field);
    else if (!keys.includes(key)) keys.push(key);
  }
  return { keys, left };
}

/** Headers (as the file has them) of the exported columns that hold phone numbers. */
export function phoneColumnsOf(kind: RecordKind, keys: readonly string[]): string[] {
  return EXPORT_SPECS[kind].filter((c) => c.phone && keys.includes(c.key)).map((c) => c.label);
}

/** AG Grid column state → the sort model, in the order the user set it. */
export function sortModelOf(
  state: readonly { colId: string; sort?: 'asc' | 'desc' | null; sortIndex?: number | null }[],
): SortItem[] {
  return state
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort }));
}

const PIN_ORDER = { left: 0, none: 1, right: 2 } as const;

/** AG Grid column state → the visible columns as the user sees them: pinned left, middle, pinned right. */
export function visibleColumnsOf(
  state: readonly { colId: string; hide?: boolean | null; pinned?: 'left' | 'right' | boolean | null }[],
): string[] {
  const side = (p: 'left' | 'right' | boolean | null | undefined) =>
    p === 'left' || p === true ? PIN_ORDER.left : p === 'right' ? PIN_ORDER.right : PIN_ORDER.none;
  return state
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.hide)
    .sort((a, b) => side(a.c.pinned) - side(b.c.pinned) || a.i - b.i)
    .map(({ c }) => c.colId);
}

export interface GridView {
  kind: RecordKind;
  kinds: ColumnKinds;
  sortModel: readonly SortItem[];
  filterModel: Record<string, unknown>;
  q: string;
  baseFilter?: ListQuery['filter'];
  /** Visible columns, left to right. */
  visible: readonly string[];
}

/** The ledger.export input that gives exactly the rows and columns the grid shows. */
export function exportInput(
  view: GridView,
  format: 'xlsx' | 'csv',
): { input: MethodInput<'ledger.export'>; left: string[]; phones: string[] } {
  const query = toListQuery(view.sortModel, view.filterModel, view.kinds, view.q, view.baseFilter);
  const { keys, left } = exportColumnsOf(view.kind, view.visible);
  const input: MethodInput<'ledger.export'> = { kind: view.kind, ...query, format };
  if (keys.length) input.columns = keys;
  return { input, left, phones: phoneColumnsOf(view.kind, keys) };
}
