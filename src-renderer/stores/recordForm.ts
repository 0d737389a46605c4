// A zustand store for one record form (create or edit), shared by every simple form:
// values, the last error, busy flag; open/set/save/remove. The screen supplies conversions.
// What is typed is kept as a draft (stores/drafts) until saved or discarded, and comes back
// when the same form opens again.
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
import { dropDraft, readDraft, writeDraft } from './drafts';
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
  /** The values as opened (the record's, or a new one's): what a discarded draft goes back to. */
  baseline: V;
  /** The values differ from `baseline`: closing now leaves a draft. */
  dirty: boolean;
  /** The values were restored from a draft when the form opened. */
  restored: boolean;
  /** Forgets the draft: back to `baseline`. */
  discardDraft(): void;
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
  /** false: the form keeps its own draft (VisitForm). */
  drafts?: false;
}

/**
 * The update fields of a saved record: `toPatch`, needed only where a create input is not a
 * valid update (a demand's receivedAt, a visit's nested demands).
 */
export type RecordFormConfig<K extends RecordKind, V> = BaseConfig<K, V> &
  (CreateInput<K> extends PatchInput<K>
    ? { toPatch?: (values: V) => PatchInput<K> }
    : { toPatch: (values: V) => PatchInput<K> });

/** Two forms' values are the same (they are plain data: strings, lists, flags). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields<V>(values: V, baseline: V): Partial<V> {
  const out: Partial<V> = {};
  for (const k of Object.keys(values as object) as (keyof V)[])
    if (!same(values[k], baseline[k])) out[k] = values[k];
  return out;
}

export function createRecordForm<K extends RecordKind, V>(
  cfg: RecordFormConfig<K, V>,
): UseBoundStore<StoreApi<RecordFormState<K, V>>> {
  // Without toPatch the config's type has made sure a create input is a valid update.
  const toPatch = cfg.toPatch ?? (cfg.toInput as (values: V) => PatchInput<K>);
  const changes: DataKind[] = [cfg.kind, ...(cfg.alsoChanges ?? [])];
  const draftName = (id: string | null) => (id ? `${cfg.kind}.${id}` : cfg.kind);
  return create<RecordFormState<K, V>>((set, get) => ({
    id: null,
    record: null,
    values: cfg.empty(),
    baseline: cfg.empty(),
    dirty: false,
    restored: false,
    error: null,
    busy: false,
    loading: false,
    async open(id, init) {
      const opened = (base: V) => {
        const draft = cfg.drafts === false ? null : readDraft<V>(draftName(id));
        // What was asked for (init: the enterprise a new demand is for) wins over the draft.
        const values = draft ? { ...base, ...draft, ...init } : base;
        const dirty = !same(values, base);
        return { values, baseline: base, dirty, restored: dirty };
      };
      if (!id) {
        set({
          id: null,
          record: null,
          ...opened({ ...cfg.empty(), ...init }),
          error: null,
          busy: false,
          loading: false,
        });
        return;
      }
      set({
        id,
        record: null,
        values: cfg.empty(),
        baseline: cfg.empty(),
        dirty: false,
        restored: false,
        error: null,
        busy: false,
        loading: true,
      });
      try {
        const record = await getRecord(cfg.kind, id);
        if (get().id === id)
          set({ record, ...opened({ ...cfg.fromRecord(record), ...init }), loading: false });
      } catch (e) {
        set({ error: toApiError(e), loading: false });
      }
    },
    set(patch) {
      const { id, values, baseline, loading } = get();
      if (loading) return;
      const next = { ...values, ...patch };
      const dirty = !same(next, baseline);
      set({ values: next, dirty, ...(dirty ? {} : { restored: false }) });
      if (cfg.drafts === false) return;
      // Only the changed fields: an edit's draft leaves the fields it did not touch to the
      // record as it is when reopened (another laptop may have changed them since).
      if (dirty) writeDraft(draftName(id), changedFields(next, baseline));
      else dropDraft(draftName(id));
    },
    discardDraft() {
      dropDraft(draftName(get().id));
      set((s) => ({ values: s.baseline, dirty: false, restored: false }));
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
        dropDraft(draftName(id));
        set({ busy: false, id: saved.id, record: saved, baseline: values, dirty: false, restored: false });
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
        dropDraft(draftName(id));
        set({ busy: false, dirty: false });
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
