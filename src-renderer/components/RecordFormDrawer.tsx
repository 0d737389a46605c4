// A record form in its drawer: opens the record (or a new one) in its form store, saves,
// deletes, and closes. The screen gives only the fields.
import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { RecordKind } from '@shared/contract/methods';
import { inform } from '../stores/notices';
import type { RecordFormState } from '../stores/recordForm';
import { RecordDrawer } from './RecordDrawer';

export type RecordFormStore<K extends RecordKind, V> = UseBoundStore<StoreApi<RecordFormState<K, V>>>;

/** What a form's fields get: the values, a way to change them, and the record's id (null: new). */
export interface FieldsProps<V> {
  values: V;
  set: (patch: Partial<V>) => void;
  id: string | null;
}

interface Props<K extends RecordKind, V> {
  kind: K;
  store: RecordFormStore<K, V>;
  Fields: ComponentType<FieldsProps<V>>;
  /** The record to edit; null for a new one. */
  id: string | null;
  /** Values a new record starts with (from the address: the demand a follow-up is of). */
  init?: Partial<V>;
  /** i18n prefix of the kind's words: `${words}.new`, `${words}.edit`; and the test id. */
  words: string;
  wide?: boolean;
  onClose: () => void;
}

export function RecordFormDrawer<K extends RecordKind, V>({
  kind,
  store,
  Fields,
  id,
  init,
  words,
  wide,
  onClose,
}: Props<K, V>) {
  const { t } = useTranslation();
  const f = store();
  const initKey = JSON.stringify(init ?? null);
  useEffect(() => {
    void store.getState().open(id, JSON.parse(initKey) as Partial<V> | undefined);
  }, [store, id, initKey]);
  const save = async () => {
    if (await store.getState().save()) {
      inform(t('common.saved'));
      onClose();
    }
  };
  const remove = async () => {
    if (await store.getState().remove()) onClose();
  };
  return (
    <RecordDrawer
      title={id ? t(`${words}.edit`) : t(`${words}.new`)}
      isNew={!id}
      audit={{ kind, id }}
      error={f.error}
      busy={f.busy}
      loading={f.loading}
      onSave={() => void save()}
      onClose={onClose}
      onDelete={() => void remove()}
      testId={`${words}-form`}
      wide={wide}
      draft={f}
    >
      <Fields values={f.values} set={f.set} id={id} />
    </RecordDrawer>
  );
}
