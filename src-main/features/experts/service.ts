import type { z } from 'zod';
import { type Core, requireLive, softDelete } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { ExpertFields, Expert } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';

type ExpertInput = z.output<typeof ExpertFields>;

export function getExpert(core: Core, id: string): Expert {
  requireLive(core, 'experts', id);
  return getRow(core.store, 'experts', id)!;
}

export const createExpert = (core: Core, input: ExpertInput): Expert =>
  getExpert(core, insertRecord(core.store, 'experts', input));

export function updateExpert(core: Core, { id, ...patch }: Partial<ExpertInput> & { id: string }): Expert {
  requireLive(core, 'experts', id);
  updateRecord(core.store, 'experts', id, patch);
  return getExpert(core, id);
}

export const deleteExpert = (core: Core, id: string) => softDelete(core, 'experts', id);

export const listExperts = (core: Core, query: ListQuery) => listRows(core.store, 'experts', query);
