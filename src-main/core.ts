import { msg, type MessageKey } from '@shared/messages';
import type { Store } from './store/db';
import { getRow, preparedOn, updateRecord } from './store/records';
import { KINDS, q, type KindName, type ListedOf, type StoredOf } from './store/schema';
import { shanghaiDate } from '@shared/domain/dates';
import { ApiError, invalid, notFound } from '@shared/contract/errors';
import type { Role } from '@shared/domain/enums';
import type { VisitNumbers } from './features/visits/numbers';
import type { ComparisonWorker } from './features/reports/comparisons';

/** What every service receives: the open store and the clock it reads "now" from. */
export interface Core {
  store: Store;
  appVersion: string;
  /**
   * Set by a writer that holds the transaction alone while it creates many visits (the demo
   * generator): visits.create then numbers from one read per year instead of one per visit.
   */
  visitNumbers?: VisitNumbers;
  /** Counts summaries' comparisons on a second thread (the app's long-lived doors start it). */
  comparisons?: ComparisonWorker;
}

export const nowIso = (core: Core): string => new Date(core.store.now()).toISOString();
export const today = (core: Core): string => shanghaiDate(core.store.now());

const NOUN = (kind: KindName) => `kind.${kind}` as const satisfies MessageKey;

/** A live record, or NOT_FOUND naming the field that pointed at it. */
export function requireLive<K extends KindName>(
  core: Core,
  kind: K,
  id: string,
  field?: string,
): StoredOf<K> {
  return live(kind, id, field, getRow(core.store, kind, id));
}

/** requireLive for a reference that is checked, not read: its deletion stamp alone. */
export function requireLiveRef(core: Core, kind: KindName, id: string, field?: string): void {
  const sql = `SELECT "deletedAt" FROM ${q(KINDS[kind].table)} WHERE "id" = ?`;
  live(kind, id, field, (preparedOn(core.store.db, sql).get(id) as { deletedAt: string | null }) ?? null);
}

/** requireLive's record with the values the store derives, in one read. */
export function requireLiveListed<K extends KindName>(core: Core, kind: K, id: string): ListedOf<K> {
  return live(kind, id, undefined, getRow(core.store, kind, id, true));
}

function live<R extends { deletedAt?: string | null }>(
  kind: KindName,
  id: string,
  field: string | undefined,
  row: R | null,
): R {
  if (!row) throw notFound(NOUN(kind), id, field);
  if (row.deletedAt) {
    if (field) throw invalid(field, msg('record.deleted', { kind: { key: NOUN(kind) }, id }));
    throw notFound(NOUN(kind), id);
  }
  return row;
}

export function meId(core: Core): string | null {
  return core.store.actor.staffId;
}

export function myRole(core: Core): Role {
  const id = meId(core);
  // The role column alone: every write asks, and needs none of the rest of the record.
  const role = id
    ? (preparedOn(core.store.db, `SELECT "role" FROM "staff" WHERE "id" = ?`).pluck().get(id) as
        Role | null | undefined)
    : null;
  return role ?? 'staff';
}

export function requireMe(core: Core, field: string): string {
  const id = meId(core);
  if (!id) throw invalid(field, msg('me.unset'));
  return id;
}

/** FORBIDDEN unless the actor is a supervisor; `what` says what they may not do (an act.* message). */
export function requireSupervisor(core: Core, what: MessageKey, field?: string): void {
  if (myRole(core) !== 'supervisor')
    throw new ApiError(
      'FORBIDDEN',
      msg('role.supervisorOnly', { what: { key: what } }),
      field ? { field } : {},
    );
}

/** Refuses an instant later than now (a small allowance for clock jitter between doors). */
export function notInFuture(core: Core, field: string, iso: string): void {
  if (Date.parse(iso) > core.store.now() + 60_000) throw invalid(field, msg('field.future', { at: iso }));
}

export function notAfterToday(core: Core, field: string, date: string): void {
  if (date > today(core)) throw invalid(field, msg('field.afterToday', { date }));
}

/** Deletes are soft, so that sync can carry them. */
export function softDelete(core: Core, kind: KindName, id: string): { id: string; deletedAt: string } {
  requireLive(core, kind, id);
  const deletedAt = nowIso(core);
  updateRecord(core.store, kind, id, { deletedAt });
  return { id, deletedAt };
}
