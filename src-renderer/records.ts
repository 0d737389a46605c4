// The record kinds' records, inputs and CRUD calls, typed by the kind: the types come from the
// contract, so a grid column or a form input naming a field the contract does not have fails
// the build.
import type { ListQuery, MethodInput, MethodOutput } from '@shared/contract/contract';
import type { RecordKind } from '@shared/contract/methods';
import { call } from './api';

/** A record of the kind: a row of its list, and what its get, create and update return. */
export type RecordOf<K extends RecordKind> = MethodOutput<`${K}.list`>['rows'][number];
export type CreateInput<K extends RecordKind> = MethodInput<`${K}.create`>;
/** An update's fields, without the id the form adds. */
export type PatchInput<K extends RecordKind> = Omit<MethodInput<`${K}.update`>, 'id'>;

// The contract's crud() gives every kind's get, delete and list the same input (ById,
// ListQuery), and its list rows, get, create and update the same record. TypeScript cannot see
// either through a kind that is a type parameter, so the functions below say it, once.

export function listRecords<K extends RecordKind>(
  kind: K,
  query: ListQuery,
): Promise<{ rows: RecordOf<K>[]; total: number }> {
  return call(`${kind}.list`, query as MethodInput<`${K}.list`>);
}

export function getRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K>> {
  return call(`${kind}.get`, { id } as MethodInput<`${K}.get`>) as Promise<RecordOf<K>>;
}

export function deleteRecord<K extends RecordKind>(
  kind: K,
  id: string,
): Promise<MethodOutput<`${K}.delete`>> {
  return call(`${kind}.delete`, { id } as MethodInput<`${K}.delete`>);
}

export function createRecord<K extends RecordKind>(kind: K, input: CreateInput<K>): Promise<RecordOf<K>> {
  return call(`${kind}.create`, input) as Promise<RecordOf<K>>;
}

export function updateRecord<K extends RecordKind>(
  kind: K,
  id: string,
  patch: PatchInput<K>,
): Promise<RecordOf<K>> {
  const input = { ...patch, id } as MethodInput<`${K}.update`>;
  return call(`${kind}.update`, input) as Promise<RecordOf<K>>;
}
