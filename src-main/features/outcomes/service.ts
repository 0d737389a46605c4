import { msg } from '@shared/messages';
import type { z } from 'zod';
import { type Core, requireLive, requireLiveRef, softDelete } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { OutcomeFields, Outcome } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';
import { invalid } from '@shared/contract/errors';

type OutcomeInput = z.output<typeof OutcomeFields>;

export function getOutcome(core: Core, id: string): Outcome {
  requireLive(core, 'outcomes', id);
  return getRow(core.store, 'outcomes', id, true)!;
}

/** The enterprise is live; the demand answered, when named, is live and the same enterprise's. */
function checkReferences(
  core: Core,
  outcome: { enterpriseId?: string | null; demandId?: string | null },
): void {
  if (outcome.enterpriseId) requireLiveRef(core, 'enterprises', outcome.enterpriseId, 'enterpriseId');
  if (!outcome.demandId) return;
  const demand = requireLive(core, 'demands', outcome.demandId, 'demandId');
  if (demand.enterpriseId !== outcome.enterpriseId) throw invalid('demandId', msg('demand.otherEnterprise'));
}

export function createOutcome(core: Core, input: OutcomeInput): Outcome {
  checkReferences(core, input);
  const id = insertRecord(core.store, 'outcomes', {
    ...input,
    count: input.count ?? 1,
    status: input.status ?? 'done',
  });
  return getOutcome(core, id);
}

export function updateOutcome(core: Core, { id, ...patch }: Partial<OutcomeInput> & { id: string }): Outcome {
  const current = requireLive(core, 'outcomes', id);
  if (patch.enterpriseId !== undefined || patch.demandId !== undefined)
    checkReferences(core, {
      enterpriseId: patch.enterpriseId ?? current.enterpriseId,
      demandId: patch.demandId === undefined ? current.demandId : patch.demandId,
    });
  updateRecord(core.store, 'outcomes', id, patch);
  return getOutcome(core, id);
}

export const deleteOutcome = (core: Core, id: string) => softDelete(core, 'outcomes', id);

export const listOutcomes = (core: Core, query: ListQuery) => listRows(core.store, 'outcomes', query);
