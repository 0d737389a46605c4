import type { Store } from './store/db';
import { getRow, updateRecord } from './store/records';
import type { KindName, StoredOf } from './store/schema';
import { shanghaiDate } from '@shared/domain/dates';
import { ApiError, invalid, notFound } from '@shared/contract/errors';
import type { Role } from '@shared/domain/enums';
import type { VisitNumbers } from './features/visits/numbers';

/** What every service receives: the open store and the clock it reads "now" from. */
export interface Core {
  store: Store;
  appVersion: string;
  /**
   * Set by a writer that holds the transaction alone while it creates many visits (the demo
   * generator): visits.create then numbers from one read per year instead of one per visit.
   */
  visitNumbers?: VisitNumbers;
}

export const nowIso = (core: Core): string => new Date(core.store.now()).toISOString();
export const today = (core: Core): string => shanghaiDate(core.store.now());

const NOUN: Record<KindName, string> = {
  staff: 'staff member',
  enterprises: 'enterprise',
  experts: 'expert',
  units: 'unit',
  visits: 'visit',
  demands: 'demand',
  demandHistory: 'history entry',
  clinics: 'clinic',
  followups: 'follow-up',
  activities: 'activity',
  outcomes: 'outcome',
  devices: 'device',
  narratives: 'report narrative',
  settings: 'settings record',
  calendars: 'calendar year',
  targets: 'target',
};

/** A live record, or NOT_FOUND naming the field that pointed at it. */
export function requireLive<K extends KindName>(
  core: Core,
  kind: K,
  id: string,
  field?: string,
): StoredOf<K> {
  const row = getRow(core.store, kind, id);
  if (!row) throw notFound(NOUN[kind], id, field);
  if (row.deletedAt) {
    if (field) throw invalid(field, `the ${NOUN[kind]} '${id}' has been deleted`);
    throw notFound(NOUN[kind], id);
  }
  return row;
}

export function meId(core: Core): string | null {
  return core.store.actor.staffId;
}

export function myRole(core: Core): Role {
  const id = meId(core);
  const me = id ? getRow(core.store, 'staff', id) : null;
  return me?.role ?? 'staff';
}

export function requireMe(core: Core, field: string): string {
  const id = meId(core);
  if (!id)
    throw invalid(field, 'no staff member is set as "me" on this install: give one explicitly or run init');
  return id;
}

export function requireSupervisor(core: Core, what: string): void {
  if (myRole(core) !== 'supervisor') throw new ApiError('FORBIDDEN', `only a supervisor can ${what}`);
}

/** Refuses an instant later than now (a small allowance for clock jitter between doors). */
export function notInFuture(core: Core, field: string, iso: string): void {
  if (Date.parse(iso) > core.store.now() + 60_000) throw invalid(field, `cannot be in the future (${iso})`);
}

export function notAfterToday(core: Core, field: string, date: string): void {
  if (date > today(core)) throw invalid(field, `cannot be after today (${date})`);
}

/** Deletes are soft, so that sync can carry them. */
export function softDelete(core: Core, kind: KindName, id: string): { id: string; deletedAt: string } {
  requireLive(core, kind, id);
  const deletedAt = nowIso(core);
  updateRecord(core.store, kind, id, { deletedAt });
  return { id, deletedAt };
}
