// A zustand store for one record form (create or edit), shared by every simple form:
// values, the last error, busy flag; open/set/save/remove. The screen supplies conversions.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { RecordKind } from '@shared/contract/methods';
import { toApiError, type ApiError } from '../api';
import {
  createRecord,
  deleteRecord,
  getRecord,
  updateRecord,
  type CreateInput,
  type PatchInput,
  type RecordOf,
} from '../records';
import type { DataKind } from './dataKinds';
import { useSession } from './session';

export interface RecordFormState<K extends RecordKind, V> {
  /** The record being edited; null for a new one. */
  id: string | null;
  record: RecordOf<K> | null;
  values: V;
  error: ApiError | null;
  busy: boolean;
  /** Loading the record to edit. */
  loading: boolean;
  open(id: string | null, init?: Partial<V>): Promise<void>;
  set(patch: Partial<V>): void;
  /** Saves; resolves with the saved record, or null when refused (see `error`). */
  save(): Promise<RecordOf<K> | null>;
  remove(): Promise<boolean>;
  setError(error: ApiError | null): void;
}

interface BaseConfig<K extends RecordKind, V> {
  kind: K;
  empty: () => V;
  fromRecord: (record: RecordOf<K>) => V;
  /** The create input of a new record. */
  toInput: (values: V) => CreateInput<K>;
  /** Extra work after a successful save (e.g. demands added to an existing visit). */
  afterSave?: (saved: RecordOf<K>, values: V, isNew: boolean) => Promise<void>;
  /** Kinds of data a save changes besides its own (a visit's save creates demands). */
  alsoChanges?: readonly DataKind[];
}

/**
 * The update fields of a saved record: `toPatch`, needed only where a create input is not a
 * valid update (a demand's receivedAt, a visit's nested demands).
 */
export type RecordFormConfig<K extends RecordKind, V> = BaseConfig<K, V> &
  (CreateInput<K> extends PatchInput<K>
    ? { toPatch?: (values: V) => PatchInput<K> }
    : { toPatch: (values: V) => PatchInput<K> });

export function createRecordForm<K extends RecordKind, V>(
  cfg: RecordFormConfig<K, V>,
): UseBoundStore<StoreApi<RecordFormState<K, V>>> {
  // Without toPatch the config's type has made sure a create input is a valid update.
  const toPatch = cfg.toPatch ?? (cfg.toInput as (values: V) => PatchInput<K>);
  const changes: DataKind[] = [cfg.kind, ...(cfg.alsoChanges ?? [])];
  return create<RecordFormState<K, V>>((set, get) => ({
    id: null,
    record: null,
    values: cfg.empty(),
    error: null,
    busy: false,
    loading: false,
    async open(id, init) {
      if (!id) {
        set({
          id: null,
          record: null,
          values: { ...cfg.empty(), ...init },
          error: null,
          busy: false,
          loading: false,
        });
        return;
      }
      set({ id, record: null, values: cfg.empty(), error: null, busy: false, loading: true });
      try {
        const record = await getRecord(cfg.kind, id);
        if (get().id === id) set({ record, values: { ...cfg.fromRecord(record), ...init }, loading: false });
      } catch (e) {
        set({ error: toApiError(e), loading: false });
      }
    },
    set(patch) {
      set((s) => ({ values: { ...s.values, ...patch } }));
    },
    async save() {
      const { id, values, busy } = get();
      if (busy) return null;
      set({ busy: true, error: null });
      try {
        const saved = id
          ? await updateRecord(cfg.kind, id, toPatch(values))
          : await createRecord(cfg.kind, cfg.toInput(values));
        await cfg.afterSave?.(saved, values, id === null);
        set({ busy: false, id: saved.id, record: saved });
        useSession.getState().changed(...changes);
        return saved;
      } catch (e) {
        set({ busy: false, error: toApiError(e) });
        return null;
      }
    },
    async remove() {
      const { id } = get();
      if (!id) return false;
      set({ busy: true, error: null });
      try {
        await deleteRecord(cfg.kind, id);
        set({ busy: false });
        useSession.getState().changed(...changes);
        return true;
      } catch (e) {
        set({ busy: false, error: toApiError(e) });
        return false;
      }
    },
    setError(error) {
      set({ error });
    },
  }));
}
