import { msg } from '@shared/messages';
import type { z } from 'zod';
import { type Core, requireLive, softDelete, today } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { ActivityFields, Activity } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';
import { invalid } from '@shared/contract/errors';

type ActivityInput = z.output<typeof ActivityFields>;

export function getActivity(core: Core, id: string): Activity {
  requireLive(core, 'activities', id);
  return getRow(core.store, 'activities', id, true)!;
}

function checkReferences(core: Core, input: Partial<ActivityInput>): void {
  input.organizerStaffIds?.forEach((s, i) => requireLive(core, 'staff', s, `organizerStaffIds.${i}`));
  input.expertIds?.forEach((e, i) => requireLive(core, 'experts', e, `expertIds.${i}`));
  input.enterpriseIds?.forEach((e, i) => requireLive(core, 'enterprises', e, `enterpriseIds.${i}`));
}

/** A held activity counts in the reports' reach: it needs who took part, as enterprises or 人次. */
function checkHeld(activity: Partial<ActivityInput>): void {
  if (activity.status !== 'held') return;
  if (!activity.enterpriseIds?.length && (activity.attendees === null || activity.attendees === undefined))
    throw invalid('attendees', msg('activity.heldNeedsAttendance'));
}

export function createActivity(core: Core, input: ActivityInput): Activity {
  checkReferences(core, input);
  const record = {
    ...input,
    organizerStaffIds: input.organizerStaffIds ?? [],
    expertIds: input.expertIds ?? [],
    enterpriseIds: input.enterpriseIds ?? [],
    // One dated in the future is still a plan; one dated today or before has been held.
    status: input.status ?? (input.date > today(core) ? 'planned' : 'held'),
  };
  checkHeld(record);
  const id = insertRecord(core.store, 'activities', record);
  return getActivity(core, id);
}

export function updateActivity(
  core: Core,
  { id, ...patch }: Partial<ActivityInput> & { id: string },
): Activity {
  const current = requireLive(core, 'activities', id);
  checkReferences(core, patch);
  checkHeld({ ...current, ...patch } as Partial<ActivityInput>);
  updateRecord(core.store, 'activities', id, patch);
  return getActivity(core, id);
}

export const deleteActivity = (core: Core, id: string) => softDelete(core, 'activities', id);

export const listActivities = (core: Core, query: ListQuery) => listRows(core.store, 'activities', query);
