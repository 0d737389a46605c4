// Named views of a grid: the built-in ones a screen offers (我的, 本季, 超期, 督办, and the
// scopes the grids had as buttons before: 未办结, 即将超期, 答复超期, 待回访), each a
// list filter read against who I am and today, and the user's own, saved per laptop and per
// grid like the grid's layout (gridState). A view sets the column filters, the built-in
// conditions, the search and (a user view) the sort. Pure: no React, no grid instance.
import type { ListQuery } from '@shared/contract/contract';
import { addDays, startOfShanghaiDay } from '@shared/domain/dates';
import { periodContaining } from '@shared/domain/period';
import type { SortItem } from './gridQuery';

export const BUILTIN_VIEWS = [
  'mine',
  'quarter',
  'overdue',
  'supervised',
  'open',
  'dueSoon',
  'firstReplyLate',
  'todo',
] as const;
export type BuiltinKey = (typeof BUILTIN_VIEWS)[number];

export interface ViewContext {
  /** The staff member this laptop works as; null before one is chosen. */
  me: string | null;
  /** Today in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
}

type Filter = NonNullable<ListQuery['filter']>;

export interface BuiltinView {
  /** The list filter of the view; null when it cannot apply here (我的 with no "me"). */
  filter(ctx: ViewContext): Filter | null;
  /** The words its chip adds to its name (本季: its first and last day). */
  words?(ctx: ViewContext): string;
}

/** The built-in views a grid offers: those that apply to its kind. */
export type BuiltinViews = Partial<Record<BuiltinKey, BuiltinView>>;

/**
 * 我的: records whose `field` names me (a staff id, or a list of them with `list`), and that
 * also match `also` (a demand is mine while it is open).
 */
export function mineBy(field: string, options: { list?: boolean; also?: Filter } = {}): BuiltinView {
  const { list = false, also } = options;
  return { filter: ({ me }) => (me ? { [field]: list ? { has: me } : me, ...also } : null) };
}

/** 本季: records whose main date falls in this quarter; an instant is read by Shanghai day. */
export function quarterBy(field: string, stored: 'date' | 'instant' = 'date'): BuiltinView {
  const range = (today: string) => periodContaining('quarter', today);
  return {
    filter: ({ today }) => {
      const { start, end } = range(today);
      return {
        [field]:
          stored === 'date'
            ? { gte: start, lte: end }
            : { gte: startOfShanghaiDay(start), lt: startOfShanghaiDay(addDays(end, 1)) },
      };
    },
    words: ({ today }) => `${range(today).start} – ${range(today).end}`,
  };
}

/** A view of the core's own flags (超期, 督办…) or a plain condition: the list filter judges. */
export function flagged(filter: Filter): BuiltinView {
  return { filter: () => filter };
}

/** What a view sets. A built-in view leaves the sort as it is (`sort` undefined). */
export interface ViewSpec {
  filterModel: Record<string, unknown>;
  conditions: BuiltinKey[];
  q: string;
  sort?: SortItem[];
}

export interface UserView extends Required<ViewSpec> {
  id: string;
  name: string;
}

/** A view's id as the selector knows it: `builtin:overdue`, `user:…`. */
export const builtinId = (key: BuiltinKey) => `builtin:${key}`;
export const userId = (view: Pick<UserView, 'id'>) => `user:${view.id}`;

export function builtinSpec(key: BuiltinKey): ViewSpec {
  return { filterModel: {}, conditions: [key], q: '' };
}

/** The spec of a view id among the grid's views; null for none or one that is gone. */
export function specOf(
  id: string | null,
  builtins: BuiltinViews,
  users: readonly UserView[],
): ViewSpec | null {
  if (!id) return null;
  if (id.startsWith('builtin:')) {
    const key = id.slice('builtin:'.length) as BuiltinKey;
    return builtins[key] ? builtinSpec(key) : null;
  }
  return users.find((v) => userId(v) === id) ?? null;
}

/** JSON with object keys in order, so two equal models compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** Whether what the grid shows now differs from the view it was set to. */
export function isModified(spec: ViewSpec, now: Required<ViewSpec>): boolean {
  return (
    canonical(spec.filterModel) !== canonical(now.filterModel) ||
    canonical([...spec.conditions].sort()) !== canonical([...now.conditions].sort()) ||
    spec.q.trim() !== now.q.trim() ||
    (spec.sort !== undefined && canonical(spec.sort) !== canonical(now.sort))
  );
}

/** The list filter of the built-in conditions in force (those this grid offers). */
export function conditionsFilter(
  builtins: BuiltinViews,
  conditions: readonly BuiltinKey[],
  ctx: ViewContext,
): Filter {
  const out: Filter = {};
  for (const key of conditions) Object.assign(out, builtins[key]?.filter(ctx) ?? {});
  return out;
}

/**
 * The built-in views an address names (`#/demands?view=mine,overdue`), those this grid offers;
 * `scope` is the address of the scope buttons the grids had before views, same keys.
 */
export function askedViews(params: Record<string, string>, builtins: BuiltinViews): BuiltinKey[] {
  const raw = params.view ?? params.scope ?? '';
  return [...new Set(raw.split(','))].filter((k): k is BuiltinKey => isKey(k) && !!builtins[k]);
}

/** Which built-in views apply now (我的 needs a "me"). */
export function availableBuiltins(builtins: BuiltinViews, ctx: ViewContext): BuiltinKey[] {
  return BUILTIN_VIEWS.filter((k) => builtins[k] && builtins[k].filter(ctx) !== null);
}

// --- kept per laptop, per grid ----------------------------------------------------------

/** The view chosen and the built-in conditions in force, remembered with the layout. */
export interface ActiveView {
  view: string | null;
  conditions: BuiltinKey[];
}

const viewsKey = (gridId: string) => `vl.views.${gridId}`;
const activeKey = (gridId: string) => `vl.view.${gridId}`;

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or unavailable: the views are simply not remembered */
  }
}

const isKey = (k: unknown): k is BuiltinKey => BUILTIN_VIEWS.includes(k as BuiltinKey);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/** The user's views of a grid; anything malformed in storage is left out, not fatal. */
export function loadUserViews(gridId: string): UserView[] {
  const raw = read(viewsKey(gridId));
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).flatMap((v) =>
    typeof v.id === 'string' && typeof v.name === 'string'
      ? [
          {
            id: v.id,
            name: v.name,
            filterModel: isObject(v.filterModel) ? v.filterModel : {},
            conditions: Array.isArray(v.conditions) ? v.conditions.filter(isKey) : [],
            q: typeof v.q === 'string' ? v.q : '',
            sort: Array.isArray(v.sort) ? (v.sort as SortItem[]) : [],
          },
        ]
      : [],
  );
}

export function saveUserViews(gridId: string, views: readonly UserView[]): void {
  write(viewsKey(gridId), views);
}

export function loadActive(gridId: string): ActiveView {
  const raw = read(activeKey(gridId));
  if (!isObject(raw)) return { view: null, conditions: [] };
  return {
    view: typeof raw.view === 'string' ? raw.view : null,
    conditions: Array.isArray(raw.conditions) ? raw.conditions.filter(isKey) : [],
  };
}

export function saveActive(gridId: string, active: ActiveView): void {
  write(activeKey(gridId), active);
}

/** A new view's id: unique among a laptop's views of one grid. */
export function newViewId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Why a name cannot be a view's name, or null: not empty, not another view's. */
export function nameProblem(
  name: string,
  views: readonly UserView[],
  except?: string,
): 'empty' | 'taken' | 'long' | null {
  const n = name.trim();
  if (!n) return 'empty';
  if (n.length > 40) return 'long';
  if (views.some((v) => v.id !== except && v.name === n)) return 'taken';
  return null;
}
