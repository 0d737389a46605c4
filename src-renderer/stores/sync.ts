// The Sync screen: this laptop and its team, export and import of sync files (with the
// mass-delete guard's confirmation), the sync folder, the import history, devices seen and
// live duplicate enterprises. Passphrases pass through to the API and are never kept here.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';
import { useSession } from './session';

export type SyncStatus = MethodOutput<'sync.status'>;
export type ImportReport = MethodOutput<'sync.import'>;
export type DuplicateGroup = MethodOutput<'duplicates.list'>['groups'][number];
export type StaffDuplicateGroup = MethodOutput<'staff.duplicates'>['groups'][number];
export type FolderResult = MethodOutput<'sync.folder'>;
export type ExportResult = MethodOutput<'sync.export'>;
export type SyncJob = NonNullable<MethodOutput<'sync.progress'>['job']>;

/** How often the screen asks how far an import has got. */
export const PROGRESS_POLL_MS = 300;

/** What the mass-delete guard refused: per table, how many would go of how many live. */
export interface MassDelete {
  fileName: string;
  deletions: Record<string, { deleting: number; live: number }>;
  /** The call to repeat with confirmMassDelete once the user agrees. */
  retry: { kind: 'file'; input: MethodInput<'sync.import'> } | { kind: 'folder'; path: string };
}

/** The guard's refusal, if this error is one. */
export function massDeleteOf(e: ApiError): MassDelete['deletions'] | null {
  if (e.code !== 'CONFLICT' || e.details.reason !== 'mass_delete') return null;
  return (e.details.deletions as MassDelete['deletions'] | undefined) ?? {};
}

/** Bytes of a browser File as base64, in chunks (a sync file can be tens of megabytes). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

type Busy = null | 'team' | 'export' | 'import' | 'folder' | 'merge' | 'mergeStaff';

interface SyncState {
  status: SyncStatus | null;
  duplicates: DuplicateGroup[];
  /** The same person recorded on two laptops (same name and phone). */
  staffDuplicates: StaffDuplicateGroup[];
  loadError: ApiError | null;
  busy: Busy;
  /** The error of the last action, shown by the part of the screen that made it. */
  error: { action: Exclude<Busy, null>; error: ApiError } | null;
  lastReport: ImportReport | null;
  lastFolder: FolderResult | null;
  lastExport: ExportResult | null;
  massDelete: MassDelete | null;
  /** How far the running import (or folder sync) has got, while one runs. */
  progress: SyncJob | null;
  load(): Promise<void>;
  /** Resolves with the team's name, or null when refused (the error is in `error`). */
  createTeam(name: string, passphrase: string): Promise<string | null>;
  joinTeam(code: string, passphrase: string): Promise<string | null>;
  exportFile(full: boolean): Promise<ExportResult | null>;
  importFile(file: File): Promise<void>;
  syncFolder(path: string): Promise<void>;
  confirmMassDelete(): Promise<void>;
  cancelMassDelete(): void;
  merge(keepId: string, mergeIds: string[]): Promise<MethodOutput<'duplicates.merge'> | null>;
  mergeStaff(keepId: string, mergeIds: string[]): Promise<MethodOutput<'staff.merge'> | null>;
  clearError(): void;
}

export const useSync = create<SyncState>((set, get) => {
  async function run<T>(action: Exclude<Busy, null>, work: () => Promise<T>): Promise<T | null> {
    set({ busy: action, error: null });
    try {
      return await work();
    } catch (e) {
      set({ error: { action, error: toApiError(e) } });
      return null;
    } finally {
      set({ busy: null });
    }
  }

  /** After anything that changed data: this screen, the other screens' lists and the badges. */
  async function afterChange() {
    useSession.getState().changed();
    await get().load();
  }

  /** Asks for the job's progress until the returned function is called. */
  function watchProgress(): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const { job } = await call('sync.progress');
        if (!stopped) set({ progress: job });
      } catch {
        // Progress is a courtesy: the next tick asks again, the import's own answer is what counts.
      }
      if (!stopped) timer = setTimeout(() => void tick(), PROGRESS_POLL_MS);
    };
    timer = setTimeout(() => void tick(), PROGRESS_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      set({ progress: null });
    };
  }

  async function importWith(input: MethodInput<'sync.import'>): Promise<void> {
    set({ busy: 'import', error: null, lastReport: null, lastFolder: null });
    const stopWatching = watchProgress();
    try {
      const report = await call('sync.import', input);
      set({ lastReport: report, massDelete: null });
      await afterChange();
    } catch (e) {
      const error = toApiError(e);
      const deletions = massDeleteOf(error);
      if (deletions && !input.confirmMassDelete) {
        set({
          massDelete: { fileName: input.fileName ?? '', deletions, retry: { kind: 'file', input } },
        });
      } else {
        set({ error: { action: 'import', error }, massDelete: null });
      }
    } finally {
      stopWatching();
      set({ busy: null });
    }
  }

  async function folderWith(path: string, confirmMassDelete: boolean): Promise<void> {
    set({ busy: 'folder', error: null, lastFolder: null, lastReport: null });
    const stopWatching = watchProgress();
    try {
      const result = await call('sync.folder', { path, ...(confirmMassDelete ? { confirmMassDelete } : {}) });
      set({ lastFolder: result, massDelete: null });
      await afterChange();
    } catch (e) {
      const error = toApiError(e);
      const deletions = massDeleteOf(error);
      if (deletions && !confirmMassDelete) {
        const fileName = typeof error.details.fileName === 'string' ? error.details.fileName : path;
        set({ massDelete: { fileName, deletions, retry: { kind: 'folder', path } } });
      } else {
        set({ error: { action: 'folder', error }, massDelete: null });
      }
    } finally {
      stopWatching();
      set({ busy: null });
    }
  }

  return {
    status: null,
    duplicates: [],
    staffDuplicates: [],
    loadError: null,
    busy: null,
    error: null,
    lastReport: null,
    lastFolder: null,
    lastExport: null,
    massDelete: null,
    progress: null,
    async load() {
      try {
        const [status, duplicates, staffDuplicates] = await Promise.all([
          call('sync.status'),
          call('duplicates.list'),
          call('staff.duplicates'),
        ]);
        set({
          status,
          duplicates: duplicates.groups,
          staffDuplicates: staffDuplicates.groups,
          loadError: null,
        });
        useSession.setState({
          openConflicts: status.openConflicts,
          clockBehind: status.clockBehind,
        });
      } catch (e) {
        set({ loadError: toApiError(e) });
      }
    },
    async createTeam(name, passphrase) {
      const r = await run('team', () => call('sync.team.create', { name: name.trim(), passphrase }));
      if (r) await get().load();
      return r?.name ?? null;
    },
    async joinTeam(code, passphrase) {
      const r = await run('team', () => call('sync.team.join', { code: code.trim(), passphrase }));
      if (r) await get().load();
      return r?.name ?? null;
    },
    async exportFile(full) {
      const stopWatching = watchProgress();
      const r = await run('export', () => call('sync.export', full ? { full: true } : {})).finally(
        stopWatching,
      );
      if (r) {
        set({ lastExport: r });
        await get().load();
      }
      return r;
    },
    async importFile(file) {
      let contentBase64: string;
      try {
        contentBase64 = await fileToBase64(file);
      } catch (e) {
        set({ error: { action: 'import', error: toApiError(e) } });
        return;
      }
      await importWith({ contentBase64, fileName: file.name });
    },
    syncFolder(path) {
      return folderWith(path.trim(), false);
    },
    async confirmMassDelete() {
      const pending = get().massDelete;
      if (!pending) return;
      if (pending.retry.kind === 'file')
        await importWith({ ...pending.retry.input, confirmMassDelete: true });
      else await folderWith(pending.retry.path, true);
    },
    cancelMassDelete() {
      set({ massDelete: null });
    },
    async merge(keepId, mergeIds) {
      const r = await run('merge', () => call('duplicates.merge', { keepId, mergeIds }));
      if (r) await afterChange();
      return r;
    },
    async mergeStaff(keepId, mergeIds) {
      const r = await run('mergeStaff', () => call('staff.merge', { keepId, mergeIds }));
      if (r) await afterChange();
      return r;
    },
    clearError() {
      set({ error: null });
    },
  };
});
