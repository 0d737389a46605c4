// 督办看板: the open demands, how they are grouped, which are ticked, and bulk reassignment.
import { create } from 'zustand';
import type { MethodOutput } from '@shared/contract/contract';
import type { Demand } from '@shared/contract/schemas';
import { DEMAND_STATUSES, type SupervisionLevel } from '@shared/domain/enums';
import { call, toApiError, type ApiError } from '../api';
import { useSession } from './session';

type Board = MethodOutput<'demands.openBoard'>;
export type GroupBy = 'status' | 'assignee';

export interface BoardGroup {
  key: string;
  /** Status code, or assignee name ('' for nobody). */
  label: string;
  rows: Demand[];
  overdue: number;
}

interface BoardState {
  board: Board | null;
  error: ApiError | null;
  loading: boolean;
  groupBy: GroupBy;
  selected: Set<string>;
  assignee: string;
  note: string;
  reassignError: ApiError | null;
  busy: boolean;
  /** The unit whose demands (as lead or co unit) the board shows; null for all. */
  unit: { id: string; name: string } | null;
  setUnit(unit: { id: string; name: string } | null): void;
  /** Only the demands under supervision (督办). */
  supervisedOnly: boolean;
  /** A refused extension decision. */
  decideError: ApiError | null;
  load(): Promise<void>;
  setSupervisedOnly(on: boolean): void;
  decideExtension(demandId: string, approve: boolean): Promise<void>;
  /** 催办 the ticked demands: one ready-to-paste reminder each (null when refused: see actionError). */
  urge(note: string): Promise<{ id: string; text: string }[] | null>;
  /** 督办 the ticked demands (supervisors); true when done. */
  supervise(level: SupervisionLevel, note: string): Promise<boolean>;
  /** A refused 催办 or 督办. */
  actionError: ApiError | null;
  /** Ticks every overdue demand the board shows. */
  selectOverdue(): void;
  setGroupBy(g: GroupBy): void;
  toggle(id: string, on: boolean): void;
  toggleMany(ids: string[], on: boolean): void;
  clear(): void;
  setAssignee(id: string): void;
  setNote(note: string): void;
  reassign(): Promise<number | null>;
}

const GROUP_KEY = 'vl.board.groupBy';

/**
 * Groups in a useful order: by status, those holding overdue demands first (the board promises
 * "overdue first", and a morning's intake must not push them off the screen), each set along the
 * workflow; by assignee, the most overdue first. Rows keep the board's order (overdue first).
 */
export function groupRows(rows: Demand[], by: GroupBy): BoardGroup[] {
  const groups = new Map<string, BoardGroup>();
  for (const d of rows) {
    // The board holds open demands, which have a status; '' would group any without one.
    const key = by === 'status' ? (d.status ?? '') : (d.assigneeStaffId ?? '');
    const label = by === 'status' ? (d.status ?? '') : (d.assigneeName ?? '');
    const g = groups.get(key) ?? { key, label, rows: [], overdue: 0 };
    g.rows.push(d);
    if (d.overdue) g.overdue += 1;
    groups.set(key, g);
  }
  const list = [...groups.values()];
  if (by === 'status') {
    const step = (g: BoardGroup) => (DEMAND_STATUSES as readonly string[]).indexOf(g.key);
    list.sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || step(a) - step(b));
  } else {
    list.sort(
      (a, b) => b.overdue - a.overdue || b.rows.length - a.rows.length || a.label.localeCompare(b.label),
    );
  }
  return list;
}

function storedGroupBy(): GroupBy {
  try {
    return localStorage.getItem(GROUP_KEY) === 'assignee' ? 'assignee' : 'status';
  } catch {
    return 'status';
  }
}

export const useBoard = create<BoardState>((set, get) => ({
  board: null,
  error: null,
  loading: false,
  groupBy: storedGroupBy(),
  selected: new Set(),
  assignee: '',
  note: '',
  reassignError: null,
  busy: false,
  supervisedOnly: false,
  decideError: null,
  unit: null,
  async load() {
    set({ loading: true });
    const { unit } = get();
    try {
      const board = await call('demands.openBoard', {
        ...(unit ? { unitId: unit.id } : {}),
        ...(get().supervisedOnly ? { supervised: true as const } : {}),
      });
      // A later choice of unit has its own load.
      if (get().unit !== unit) return;
      const open = new Set(board.rows.map((r) => r.id));
      set({
        board,
        error: null,
        loading: false,
        selected: new Set([...get().selected].filter((id) => open.has(id))),
      });
    } catch (e) {
      set({ error: toApiError(e), loading: false });
    }
  },
  setSupervisedOnly(supervisedOnly) {
    set({ supervisedOnly });
    void get().load();
  },
  async decideExtension(id, approve) {
    if (get().busy) return;
    set({ busy: true, decideError: null });
    try {
      await call('demands.decideExtension', { id, approve });
      set({ busy: false });
      useSession.getState().changed('demands');
      await get().load();
    } catch (e) {
      set({ busy: false, decideError: toApiError(e) });
    }
  },
  actionError: null,
  async urge(note) {
    if (get().busy) return null;
    set({ busy: true, actionError: null });
    try {
      const { texts } = await call('demands.urge', {
        ids: [...get().selected],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      set({ busy: false });
      useSession.getState().changed('demands');
      return texts;
    } catch (e) {
      set({ busy: false, actionError: toApiError(e) });
      return null;
    }
  },
  async supervise(level, note) {
    if (get().busy) return false;
    set({ busy: true, actionError: null });
    try {
      await call('demands.supervise', { ids: [...get().selected], level, note });
      set({ busy: false, selected: new Set() });
      useSession.getState().changed('demands');
      await get().load();
      return true;
    } catch (e) {
      set({ busy: false, actionError: toApiError(e) });
      return false;
    }
  },
  selectOverdue() {
    const overdue = (get().board?.rows ?? []).filter((d) => d.overdue).map((d) => d.id);
    get().toggleMany(overdue, true);
  },
  setUnit(unit) {
    set({ unit });
    void get().load();
  },
  setGroupBy(groupBy) {
    try {
      localStorage.setItem(GROUP_KEY, groupBy);
    } catch {
      /* not remembered */
    }
    set({ groupBy });
  },
  toggle(id, on) {
    const selected = new Set(get().selected);
    if (on) selected.add(id);
    else selected.delete(id);
    set({ selected });
  },
  toggleMany(ids, on) {
    const selected = new Set(get().selected);
    for (const id of ids) {
      if (on) selected.add(id);
      else selected.delete(id);
    }
    set({ selected });
  },
  clear() {
    set({ selected: new Set(), reassignError: null });
  },
  setAssignee(assignee) {
    set({ assignee });
  },
  setNote(note) {
    set({ note });
  },
  async reassign() {
    const { selected, assignee, note, busy } = get();
    if (busy) return null;
    set({ busy: true, reassignError: null });
    try {
      const r = await call('demands.reassign', {
        ids: [...selected],
        assigneeStaffId: assignee,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      set({ busy: false, selected: new Set(), note: '' });
      useSession.getState().changed('demands');
      await get().load();
      return r.updated;
    } catch (e) {
      set({ busy: false, reassignError: toApiError(e) });
      return null;
    }
  },
}));
