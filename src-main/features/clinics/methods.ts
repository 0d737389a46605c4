import { defineMethod } from '../../registry/define';
import { createClinic, deleteClinic, getClinic, listClinics, updateClinic } from './service';

export const clinicsMethods = [
  defineMethod({ name: 'clinics.create', handler: createClinic }),
  defineMethod({ name: 'clinics.get', handler: (c, i) => getClinic(c, i.id) }),
  defineMethod({ name: 'clinics.update', handler: updateClinic }),
  defineMethod({ name: 'clinics.delete', handler: (c, i) => deleteClinic(c, i.id) }),
  defineMethod({ name: 'clinics.list', handler: listClinics }),
] as const;
