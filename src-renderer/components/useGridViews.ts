// A grid's named views (gridViews): which one is chosen and which built-in conditions are in
// force (remembered per grid, with the layout), the user's own views, whether the grid still
// shows what the chosen view sets, and the moves of the view selector.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { shanghaiDate } from '@shared/domain/dates';
import { useSession } from '../stores/session';
import type { SortItem } from './gridQuery';
import {
  availableBuiltins,
  builtinId,
  conditionsFilter,
  isModified,
  loadActive,
  loadUserViews,
  nameProblem,
  newViewId,
  saveActive,
  saveUserViews,
  specOf,
  userId,
  type ActiveView,
  type BuiltinKey,
  type BuiltinViews,
  type UserView,
  type ViewContext,
  type ViewSpec,
} from './gridViews';

interface Options {
  id: string;
  builtins: BuiltinViews;
  api: GridApi | null;
  /** What the grid shows now: its column filters, sort and search. */
  filterModel: Record<string, unknown>;
  sort: SortItem[];
  q: string;
  setQ: (q: string) => void;
  /** Built-in views the address names (a board's link): the grid opens on them. */
  asked?: readonly BuiltinKey[];
}

/** One built-in view chosen, or several conditions in force under no view. */
const activeOf = (keys: readonly BuiltinKey[]): ActiveView => ({
  view: keys.length === 1 ? builtinId(keys[0]!) : null,
  conditions: [...keys],
});

export function useGridViews({ id, builtins, api, filterModel, sort, q, setQ, asked = [] }: Options) {
  const me = useSession((s) => s.info?.me?.id ?? null);
  const sessionToday = useSession((s) => s.info?.today ?? null);
  // Before the session is loaded, the laptop's own date (taken once).
  const [ownToday] = useState(() => shanghaiDate(Date.now()));
  const today = sessionToday ?? ownToday;
  const ctx: ViewContext = useMemo(() => ({ me, today }), [me, today]);

  const [users, setUsers] = useState<UserView[]>(() => loadUserViews(id));
  const askedKey = asked.join(',');
  const [active, setActive] = useState<ActiveView>(() => (asked.length ? activeOf(asked) : loadActive(id)));
  useEffect(() => saveActive(id, active), [id, active]);
  const keepUsers = (next: UserView[]) => {
    setUsers(next);
    saveUserViews(id, next);
  };

  const offered = availableBuiltins(builtins, ctx);
  // Conditions this grid offers now (a remembered 我的 waits for "me" to be known).
  const conditions = active.conditions.filter((k) => offered.includes(k));
  const conditionsKey = conditions.join(',');
  const filter = useMemo(
    () => conditionsFilter(builtins, conditions, ctx),
    // conditionsKey stands for conditions, a new array on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [builtins, conditionsKey, ctx],
  );

  const now: Required<ViewSpec> = { filterModel, conditions, q, sort };
  const spec = specOf(active.view, builtins, users);
  const modified = spec ? isModified(spec, now) : false;

  /** Puts a view's filters, conditions, search and (a user view) sort on the grid. */
  const apply = (s: ViewSpec) => {
    if (api) {
      api.setFilterModel(Object.keys(s.filterModel).length ? s.filterModel : null);
      if (s.sort)
        api.applyColumnState({
          state: s.sort.map((x, i) => ({ colId: x.colId, sort: x.sort ?? null, sortIndex: i })),
          defaultState: { sort: null },
        });
    }
    setQ(s.q);
  };

  // Views named by the address replace what the grid remembered, its column filters and search
  // included, so a link lands on exactly what it promised; once per address, when the grid is there.
  const appliedAsk = useRef('');
  useEffect(() => {
    if (!askedKey || !api || appliedAsk.current === askedKey) return;
    appliedAsk.current = askedKey;
    const keys = askedKey.split(',') as BuiltinKey[];
    apply({ filterModel: {}, conditions: keys, q: '' });
    setActive(activeOf(keys));
    // apply reads api and setQ, both current here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, askedKey]);

  const choose = (viewId: string | null) => {
    const s = specOf(viewId, builtins, users);
    apply(s ?? { filterModel: {}, conditions: [], q: '' });
    setActive({ view: s ? viewId : null, conditions: s ? [...s.conditions] : [] });
  };

  const saveAs = (name: string) => {
    const problem = nameProblem(name, users);
    if (problem) return problem;
    const view: UserView = { id: newViewId(), name: name.trim(), ...now, conditions: [...conditions] };
    keepUsers([...users, view]);
    setActive({ view: userId(view), conditions: [...conditions] });
    return null;
  };

  const activeUser = users.find((v) => userId(v) === active.view) ?? null;
  const replaceActive = (change: (v: UserView) => UserView) =>
    keepUsers(users.map((v) => (v === activeUser ? change(v) : v)));

  const rename = (name: string) => {
    if (!activeUser) return null;
    const problem = nameProblem(name, users, activeUser.id);
    if (problem) return problem;
    replaceActive((v) => ({ ...v, name: name.trim() }));
    return null;
  };

  const update = () => replaceActive((v) => ({ ...v, ...now, conditions: [...conditions] }));

  const remove = () => {
    if (!activeUser) return;
    keepUsers(users.filter((v) => v !== activeUser));
    // Its filters stay in force, now as filters of no view.
    setActive((a) => ({ ...a, view: null }));
  };

  /** A condition's chip removed: a built-in view without its own condition is no longer chosen. */
  const removeCondition = (key: BuiltinKey) =>
    setActive((a) => ({
      view: a.view === `builtin:${key}` ? null : a.view,
      conditions: a.conditions.filter((k) => k !== key),
    }));

  /** Column filters and conditions gone, and no view: the search box keeps what was typed. */
  const clear = () => {
    api?.setFilterModel(null);
    setActive({ view: null, conditions: [] });
  };

  return {
    ctx,
    /** Built-in views offered now, in their order. */
    offered,
    users,
    active: spec ? active.view : null,
    modified,
    conditions,
    /** The list filter of the conditions in force. */
    filter,
    choose,
    saveAs,
    rename,
    update,
    remove,
    removeCondition,
    clear,
    /** Forget the chosen view and its conditions (the layout is reset). */
    reset: () => setActive({ view: null, conditions: [] }),
  };
}
