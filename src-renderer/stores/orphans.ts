// The Sync screen's orphans: live records whose parent is deleted or merged away, and mending
// one (re-attach, delete, restore the parent), which writes changes that sync like any other.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';
import { useSession } from './session';

export type Orphan = MethodOutput<'orphans.list'>['rows'][number];
export type OrphanResolve = MethodInput<'orphans.resolve'>;

/** An orphan's identity on the screen: a record may be orphaned through several parents. */
export const orphanKey = (o: Orphan) => `${o.kind}:${o.recordId}:${o.parentId}`;

interface OrphansState {
  rows: Orphan[];
  loadError: ApiError | null;
  busyKey: string | null;
  /** A refused action, shown on its orphan. */
  errors: Record<string, ApiError>;
  load(): Promise<void>;
  resolve(orphan: Orphan, input: Pick<OrphanResolve, 'action' | 'parentId'>): Promise<boolean>;
}

export const useOrphans = create<OrphansState>((set) => ({
  rows: [],
  loadError: null,
  busyKey: null,
  errors: {},
  async load() {
    try {
      set({ rows: (await call('orphans.list')).rows, loadError: null });
    } catch (e) {
      set({ loadError: toApiError(e) });
    }
  },
  async resolve(orphan, input) {
    const key = orphanKey(orphan);
    set((s) => {
      const errors = { ...s.errors };
      delete errors[key];
      return { busyKey: key, errors };
    });
    try {
      const { rows } = await call('orphans.resolve', {
        kind: orphan.kind,
        recordId: orphan.recordId,
        fromParentId: orphan.parentId,
        ...input,
      });
      set({ rows });
      // The record moved, went, or its parent came back: both kinds' lists may show it.
      useSession.getState().changed(orphan.kind, orphan.parentKind);
      return true;
    } catch (e) {
      set((s) => ({ errors: { ...s.errors, [key]: toApiError(e) } }));
      return false;
    } finally {
      set({ busyKey: null });
    }
  },
}));
