// What a write can change and what a screen can show, by kind of data: after a save the session
// moves on the versions of the kinds it changed, and only screens that show one of them reload.
import { RECORD_KINDS, type RecordKind } from '@shared/contract/methods';

export const DATA_KINDS = [...RECORD_KINDS, 'conflicts'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/**
 * What each kind's list shows: its own records, and the names and counts it joins in from
 * others (a demand row shows its enterprise's and assignee's names; an enterprise row counts
 * its open demands and its last visit; a follow-up row names its demand, visit or clinic).
 * It mirrors the `derived` columns of each kind in the store's schema (src-main/store/schema.ts).
 */
export const LIST_READS: Record<RecordKind, readonly DataKind[]> = {
  staff: ['staff'],
  experts: ['experts'],
  units: ['units'],
  enterprises: ['enterprises', 'visits', 'demands', 'staff'],
  visits: ['visits', 'enterprises', 'demands', 'staff'],
  demands: ['demands', 'enterprises', 'staff', 'units'],
  clinics: ['clinics'],
  followups: ['followups', 'demands', 'visits', 'clinics', 'enterprises', 'staff'],
  activities: ['activities'],
  outcomes: ['outcomes', 'enterprises', 'demands'],
};
