// The Backups screen: the checked backups, "back up now", and restoring one (the core backs up
// the current database first); after a restore every screen reloads its data.
import { create } from 'zustand';
import type { MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';
import { useSession } from './session';
import { useSync } from './sync';

export type Backup = MethodOutput<'backups.list'>['rows'][number];
export type Restored = MethodOutput<'backups.restore'>;

interface BackupsState {
  rows: Backup[];
  loaded: boolean;
  loadError: ApiError | null;
  busy: boolean;
  /** The error of "back up now" or of a restore, shown where it was asked for. */
  error: { action: 'create' | 'restore'; error: ApiError } | null;
  /** The backup the user is about to restore (the confirmation is open). */
  confirming: Backup | null;
  load(): Promise<void>;
  backupNow(): Promise<MethodOutput<'backups.create'> | null>;
  askRestore(b: Backup | null): void;
  restore(): Promise<Restored | null>;
}

export const useBackups = create<BackupsState>((set, get) => ({
  rows: [],
  loaded: false,
  loadError: null,
  busy: false,
  error: null,
  confirming: null,
  async load() {
    try {
      const r = await call('backups.list');
      set({ rows: r.rows, loaded: true, loadError: null });
    } catch (e) {
      set({ loadError: toApiError(e) });
    }
  },
  async backupNow() {
    set({ busy: true, error: null });
    try {
      const r = await call('backups.create');
      await get().load();
      return r;
    } catch (e) {
      set({ error: { action: 'create', error: toApiError(e) } });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  askRestore(b) {
    set({ confirming: b, error: null });
  },
  async restore() {
    const b = get().confirming;
    if (!b) return null;
    set({ busy: true, error: null });
    try {
      const r = await call('backups.restore', { file: b.path });
      set({ confirming: null });
      // A different database now: who I am, the staff, badges and every list; results shown
      // on the Sync screen belonged to the database before.
      useSync.setState({ lastReport: null, lastFolder: null, lastExport: null, massDelete: null });
      await useSession.getState().load();
      useSession.getState().changed();
      await get().load();
      return r;
    } catch (e) {
      set({ error: { action: 'restore', error: toApiError(e) } });
      return null;
    } finally {
      set({ busy: false });
    }
  },
}));

/** Bytes as "1.2 MB" / "830 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
