import { msg } from '@shared/messages';
import type { z } from 'zod';
import type { Core } from '../../core';
import { requireLive, softDelete } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { StaffFields, Staff } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';
import { ApiError } from '@shared/contract/errors';

type StaffInput = z.output<typeof StaffFields>;

export function getStaff(core: Core, id: string): Staff {
  requireLive(core, 'staff', id);
  return getRow(core.store, 'staff', id)!;
}

export function createStaff(core: Core, input: StaffInput): Staff {
  const id = insertRecord(core.store, 'staff', {
    ...input,
    role: input.role ?? 'staff',
    position: input.position ?? 'staff',
    active: input.active ?? true,
  });
  return getStaff(core, id);
}

export function updateStaff(core: Core, { id, ...patch }: Partial<StaffInput> & { id: string }): Staff {
  requireLive(core, 'staff', id);
  updateRecord(core.store, 'staff', id, patch);
  return getStaff(core, id);
}

export function deleteStaff(core: Core, id: string) {
  requireLive(core, 'staff', id);
  if (core.store.actor.staffId === id) {
    throw new ApiError('CONFLICT', msg('me.cannotDelete'), {
      field: 'id',
    });
  }
  return softDelete(core, 'staff', id);
}

export function listStaff(core: Core, query: ListQuery) {
  return listRows(core.store, 'staff', query);
}
