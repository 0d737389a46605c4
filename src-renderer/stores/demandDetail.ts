// The demand open in the detail panel, its follow-ups, and the workflow move being entered.
import { issue } from '@shared/contract/errors';
import { create } from 'zustand';
import type { MethodInput } from '@shared/contract/contract';
import type { Demand, Followup } from '@shared/contract/schemas';
import type { DemandStatus } from '@shared/domain/enums';
import { MOVES, allowedMoves, checkMove } from '@shared/domain/workflow';
import { ApiError, call, toApiError } from '../api';
import { localInputToInstant, opt } from '../format';
import { useSession } from './session';

export interface MoveValues {
  note: string;
  closureType: string;
  resolution: string;
  assigneeStaffId: string;
  /** On a move to 'assigned': the lead unit (主办) and co-handling units (协办). */
  leadUnitId: string;
  coUnitIds: string[];
  /** datetime-local value; empty means now. */
  at: string;
}

interface DemandDetailState {
  id: string | null;
  demand: Demand | null;
  followups: Followup[];
  loadError: ApiError | null;
  /** The move being entered in the dialog. */
  move: DemandStatus | null;
  moveValues: MoveValues;
  moveError: ApiError | null;
  busy: boolean;
  load(id: string | null): Promise<void>;
  startMove(to: DemandStatus): void;
  setMove(patch: Partial<MoveValues>): void;
  cancelMove(): void;
  submitMove(): Promise<boolean>;
}

const emptyMove = (): MoveValues => ({
  note: '',
  closureType: '',
  resolution: '',
  assigneeStaffId: '',
  leadUnitId: '',
  coUnitIds: [],
  at: '',
});

/** The moves to offer for a demand: the workflow's, minus the supervisor's when I am not one. */
export function offeredMoves(
  status: DemandStatus | null | undefined,
  role: string | null | undefined,
): DemandStatus[] {
  if (!status) return [];
  return allowedMoves(status).filter((to) => !MOVES[status][to]?.supervisorOnly || role === 'supervisor');
}

/** The demands.transition input for a move entered in the dialog. */
export function buildTransition(
  id: string,
  from: DemandStatus,
  to: DemandStatus,
  v: MoveValues,
): MethodInput<'demands.transition'> {
  const move = MOVES[from][to] ?? {};
  const input: MethodInput<'demands.transition'> = { id, to };
  const note = opt(v.note);
  if (note) input.note = note;
  if (move.closing) {
    if (v.closureType) input.closureType = v.closureType as MethodInput<'demands.transition'>['closureType'];
    input.resolution = opt(v.resolution);
  }
  if (v.assigneeStaffId) input.assigneeStaffId = v.assigneeStaffId;
  if (to === 'assigned') {
    input.leadUnitId = v.leadUnitId || null;
    input.coUnitIds = v.coUnitIds.filter((u) => u !== v.leadUnitId);
  }
  if (v.at) input.at = localInputToInstant(v.at);
  return input;
}

export const useDemandDetail = create<DemandDetailState>((set, get) => ({
  id: null,
  demand: null,
  followups: [],
  loadError: null,
  move: null,
  moveValues: emptyMove(),
  moveError: null,
  busy: false,
  async load(id) {
    if (!id) {
      set({ id: null, demand: null, followups: [], loadError: null, move: null });
      return;
    }
    if (get().id !== id) set({ id, demand: null, followups: [], loadError: null, move: null });
    try {
      const [demand, followups] = await Promise.all([
        call('demands.get', { id }),
        call('followups.list', {
          filter: { parentType: 'demand', parentId: id },
          sort: [{ field: 'dueDate', dir: 'desc' }],
          limit: 100,
        }),
      ]);
      if (get().id === id) set({ demand, followups: followups.rows, loadError: null });
    } catch (e) {
      if (get().id === id) set({ loadError: toApiError(e) });
    }
  },
  startMove(to) {
    const d = get().demand;
    // A staff member takes a demand himself; a supervisor hands it to someone, never by default to himself.
    const me = useSession.getState().info?.me;
    const taker = me && me.role !== 'supervisor' ? me.id : '';
    set({
      move: to,
      moveError: null,
      moveValues: {
        ...emptyMove(),
        ...(to === 'assigned'
          ? {
              assigneeStaffId: d?.assigneeStaffId ?? taker,
              leadUnitId: d?.leadUnitId ?? '',
              coUnitIds: d?.coUnitIds ?? [],
            }
          : {}),
      },
    });
  },
  setMove(patch) {
    set((s) => ({ moveValues: { ...s.moveValues, ...patch } }));
  },
  cancelMove() {
    set({ move: null, moveError: null });
  },
  async submitMove() {
    const { id, move, moveValues, busy, demand: current } = get();
    if (!id || !move || !current?.status || busy) return false;
    set({ busy: true, moveError: null });
    // A missing note is told at once, without a round trip to the core.
    const problem = checkMove({
      from: current.status,
      to: move,
      note: moveValues.note,
      closureType: moveValues.closureType || null,
      resolution: moveValues.resolution,
      actorRole: useSession.getState().info?.me?.role ?? 'staff',
    });
    if (problem?.field === 'note') {
      const issues = [issue('note', problem.msg)];
      set({
        busy: false,
        moveError: new ApiError('VALIDATION', issues[0]!.message, {
          field: 'note',
          msg: problem.msg,
          issues,
        }),
      });
      return false;
    }
    try {
      const demand = await call('demands.transition', buildTransition(id, current.status, move, moveValues));
      set({ demand, busy: false, move: null });
      useSession.getState().changed('demands');
      return true;
    } catch (e) {
      set({ busy: false, moveError: toApiError(e) });
      return false;
    }
  },
}));
