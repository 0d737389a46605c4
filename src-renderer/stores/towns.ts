// The bureau's list of towns (settings `towns`), for the town fields: suggestions while typing,
// a warning for a town not in it, and the one-click add (supervisors).
import { create } from 'zustand';
import { call, toApiError } from '../api';
import { notify } from './notices';

interface TownsState {
  /** Null until loaded. */
  list: string[] | null;
  load(): Promise<void>;
  /** Adds a town at the end of the list (settings.set replaces the whole list). */
  add(town: string): Promise<void>;
}

export const useTowns = create<TownsState>((set) => ({
  list: null,
  async load() {
    try {
      set({ list: (await call('settings.get', {})).towns });
    } catch (e) {
      notify(toApiError(e));
    }
  },
  async add(town) {
    try {
      const { towns } = await call('settings.get', {});
      if (towns.includes(town)) return set({ list: towns });
      set({ list: (await call('settings.set', { towns: [...towns, town] })).towns });
    } catch (e) {
      notify(toApiError(e));
    }
  },
}));

/** True when a town is typed and the loaded list does not hold it. */
export function isUnlistedTown(list: readonly string[] | null, town: string): boolean {
  const value = town.trim();
  return list !== null && value !== '' && !list.includes(value);
}
