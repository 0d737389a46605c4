import { defineMethod } from '../../registry/define';
import { listStaffDuplicates, mergeStaff } from './duplicates';
import { createStaff, deleteStaff, getStaff, listStaff, updateStaff } from './service';

export const staffMethods = [
  defineMethod({ name: 'staff.create', handler: createStaff }),
  defineMethod({ name: 'staff.get', handler: (c, i) => getStaff(c, i.id) }),
  defineMethod({ name: 'staff.update', handler: updateStaff }),
  defineMethod({ name: 'staff.delete', handler: (c, i) => deleteStaff(c, i.id) }),
  defineMethod({ name: 'staff.list', handler: listStaff }),
  defineMethod({ name: 'staff.duplicates', handler: (c) => listStaffDuplicates(c) }),
  defineMethod({ name: 'staff.merge', handler: mergeStaff }),
] as const;
