// A zustand store for one record form (create or edit), shared by every simple form:
// values, the last error, busy flag; open/set/save/remove. The screen supplies conversions.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { MethodOutput } from '@shared/contract/contract';
import type { MethodName, RecordKind } from '@shared/contract/methods';
import { call, toApiError, type ApiError } from '../api';
import { useSession } from './session';

export type RecordOf<K extends RecordKind> = MethodOutput<`${K}.get`>;

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

export interface RecordFormConfig<K extends RecordKind, V> {
  kind: K;
  empty: () => V;
  fromRecord: (record: RecordOf<K>) => V;
  /** The create or update input (without id). */
  toInput: (values: V, isNew: boolean) => Record<string, unknown>;
  /** Extra work after a successful save (e.g. demands added to an existing visit). */
  afterSave?: (saved: RecordOf<K>, values: V, isNew: boolean) => Promise<void>;
}

const invoke = call as (m: MethodName, i: unknown) => Promise<unknown>;

export function createRecordForm<K extends RecordKind, V>(
  cfg: RecordFormConfig<K, V>,
): UseBoundStore<StoreApi<RecordFormState<K, V>>> {
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
        const record = (await invoke(`${cfg.kind}.get` as MethodName, { id })) as RecordOf<K>;
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
        const input = cfg.toInput(values, id === null);
        const saved = (await invoke(
          `${cfg.kind}.${id ? 'update' : 'create'}` as MethodName,
          id ? { ...input, id } : input,
        )) as RecordOf<K>;
        await cfg.afterSave?.(saved, values, id === null);
        set({ busy: false, id: (saved as { id: string }).id, record: saved });
        useSession.getState().changed();
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
        await invoke(`${cfg.kind}.delete` as MethodName, { id });
        set({ busy: false });
        useSession.getState().changed();
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
