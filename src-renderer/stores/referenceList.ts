// A reference list kept in the bureau's settings (towns, the bureau's own industries), for the
// fields that check against it: loaded once, and extended in one click by a supervisor.
import { create } from 'zustand';
import { call, toApiError } from '../api';
import { notify } from './notices';

export interface ReferenceListState {
  /** Null until loaded. */
  list: string[] | null;
  load(): Promise<void>;
  /** Adds an entry at the end of the list (settings.set replaces the whole list). */
  add(entry: string): Promise<void>;
}

export function referenceListStore(field: 'towns' | 'industries') {
  return create<ReferenceListState>((set) => ({
    list: null,
    async load() {
      try {
        set({ list: (await call('settings.get', {}))[field] });
      } catch (e) {
        notify(toApiError(e));
      }
    },
    async add(entry) {
      try {
        const current = (await call('settings.get', {}))[field];
        if (current.includes(entry)) return set({ list: current });
        set({ list: (await call('settings.set', { [field]: [...current, entry] }))[field] });
      } catch (e) {
        notify(toApiError(e));
      }
    },
  }));
}
