// The Conflicts screen: open sync conflicts (and, on request, resolved ones), and keeping
// either value (which writes a new change that syncs like any other).
import { create } from 'zustand';
import type { MethodOutput } from '@shared/contract/contract';
import { RECORD_KINDS, type RecordKind } from '@shared/contract/methods';
import { call, toApiError, type ApiError } from '../api';
import { useSession } from './session';

export type Conflict = MethodOutput<'conflicts.list'>['rows'][number];

interface ConflictsState {
  rows: Conflict[];
  loaded: boolean;
  includeResolved: boolean;
  loadError: ApiError | null;
  busyId: string | null;
  /** A refused resolve, shown on its conflict. */
  errors: Record<string, ApiError>;
  load(): Promise<void>;
  setIncludeResolved(on: boolean): Promise<void>;
  resolve(id: string, keep: 'winner' | 'loser'): Promise<boolean>;
}

const isRecordKind = (k: string): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);

export const useConflicts = create<ConflictsState>((set, get) => ({
  rows: [],
  loaded: false,
  includeResolved: false,
  loadError: null,
  busyId: null,
  errors: {},
  async load() {
    try {
      const r = await call('conflicts.list', get().includeResolved ? { includeResolved: true } : {});
      set({ rows: r.rows, loaded: true, loadError: null });
      useSession.setState({ openConflicts: r.rows.filter((c) => !c.resolvedAt).length });
    } catch (e) {
      set({ loadError: toApiError(e) });
    }
  },
  async setIncludeResolved(on) {
    set({ includeResolved: on });
    await get().load();
  },
  async resolve(id, keep) {
    set((s) => {
      const errors = { ...s.errors };
      delete errors[id];
      return { busyId: id, errors };
    });
    try {
      const { kind } = await call('conflicts.resolve', { id, keep });
      // Keeping a value writes it to the conflict's record.
      useSession.getState().changed('conflicts', ...(isRecordKind(kind) ? [kind] : []));
      await get().load();
      return true;
    } catch (e) {
      set((s) => ({ errors: { ...s.errors, [id]: toApiError(e) } }));
      return false;
    } finally {
      set({ busyId: null });
    }
  },
}));
