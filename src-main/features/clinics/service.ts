import type { z } from 'zod';
import { type Core, requireLive, softDelete } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { ClinicFields, Clinic } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';

type ClinicInput = z.output<typeof ClinicFields>;

export function getClinic(core: Core, id: string): Clinic {
  requireLive(core, 'clinics', id);
  return getRow(core.store, 'clinics', id, true)!;
}

function checkReferences(core: Core, input: Partial<ClinicInput>): void {
  input.expertIds?.forEach((e, i) => requireLive(core, 'experts', e, `expertIds.${i}`));
  input.enterprises?.forEach((e, i) =>
    requireLive(core, 'enterprises', e.enterpriseId, `enterprises.${i}.enterpriseId`),
  );
}

export function createClinic(core: Core, input: ClinicInput): Clinic {
  checkReferences(core, input);
  const id = insertRecord(core.store, 'clinics', {
    ...input,
    expertIds: input.expertIds ?? [],
    enterprises: input.enterprises ?? [],
    status: input.status ?? 'planned',
    cooperationIntentions: input.cooperationIntentions ?? 0,
    signedProjects: input.signedProjects ?? 0,
  });
  return getClinic(core, id);
}

export function updateClinic(core: Core, { id, ...patch }: Partial<ClinicInput> & { id: string }): Clinic {
  requireLive(core, 'clinics', id);
  checkReferences(core, patch);
  updateRecord(core.store, 'clinics', id, patch);
  return getClinic(core, id);
}

export const deleteClinic = (core: Core, id: string) => softDelete(core, 'clinics', id);

export function listClinics(core: Core, query: ListQuery) {
  return listRows(core.store, 'clinics', query);
}
