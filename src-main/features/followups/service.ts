import type { z } from 'zod';
import { type Core, notInFuture, requireLive, requireLiveRef, requireMe, softDelete } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { FollowupFields, Followup } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';
import { reopenAfterDissatisfied } from '../demands/service';
import { toInstant } from '@shared/domain/dates';
import { FOLLOWUP_PARENT_KINDS } from '@shared/model/followups';

type FollowupInput = z.output<typeof FollowupFields>;

const PARENT_KIND = FOLLOWUP_PARENT_KINDS;

export function getFollowup(core: Core, id: string): Followup {
  requireLive(core, 'followups', id);
  return getRow(core.store, 'followups', id, true)!;
}

function doneAtOf(core: Core, doneAt: string | null | undefined): string | null | undefined {
  if (!doneAt) return doneAt;
  const at = toInstant(doneAt);
  notInFuture(core, 'doneAt', at);
  return at;
}

/** A dissatisfied follow-up on an answered or closed demand sends it back to handling. */
function applyDissatisfaction(
  core: Core,
  f: Pick<Followup, 'parentType' | 'parentId' | 'doneAt' | 'satisfaction'>,
): void {
  if (f.parentType === 'demand' && f.doneAt && f.satisfaction === 'dissatisfied' && f.parentId) {
    reopenAfterDissatisfied(core, f.parentId, f.doneAt);
  }
}

export const createFollowup = (core: Core, input: FollowupInput): Followup =>
  getFollowup(core, insertFollowup(core, input));

/** createFollowup's writes (a dissatisfied one's reopening included), without reading it back: its id. */
export function insertFollowup(core: Core, input: FollowupInput): string {
  requireLiveRef(core, PARENT_KIND[input.parentType], input.parentId, 'parentId');
  const owner = input.ownerStaffId ?? requireMe(core, 'ownerStaffId');
  requireLiveRef(core, 'staff', owner, 'ownerStaffId');
  const doneAt = doneAtOf(core, input.doneAt);
  const id = insertRecord(core.store, 'followups', { ...input, ownerStaffId: owner, doneAt });
  applyDissatisfaction(core, {
    parentType: input.parentType,
    parentId: input.parentId,
    doneAt: doneAt ?? null,
    satisfaction: input.satisfaction ?? null,
  });
  return id;
}

export function updateFollowup(
  core: Core,
  { id, ...patch }: Partial<FollowupInput> & { id: string },
): Followup {
  const before = requireLive(core, 'followups', id);
  const parentType = patch.parentType ?? before.parentType!;
  if (patch.parentType || patch.parentId) {
    requireLive(core, PARENT_KIND[parentType], patch.parentId ?? before.parentId!, 'parentId');
  }
  if (patch.ownerStaffId) requireLive(core, 'staff', patch.ownerStaffId, 'ownerStaffId');
  updateRecord(core.store, 'followups', id, { ...patch, doneAt: doneAtOf(core, patch.doneAt) });
  const after = getFollowup(core, id);
  const newlyDissatisfied =
    !(before.doneAt && before.satisfaction === 'dissatisfied') || before.parentId !== after.parentId;
  if (newlyDissatisfied) applyDissatisfaction(core, after);
  return after;
}

export const deleteFollowup = (core: Core, id: string) => softDelete(core, 'followups', id);

export function listFollowups(core: Core, query: ListQuery) {
  return listRows(core.store, 'followups', query);
}
