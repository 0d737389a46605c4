import { defineMethod } from '../../registry/define';
import { createUnit, deleteUnit, getUnit, listUnits, updateUnit } from './service';

export const unitsMethods = [
  defineMethod({ name: 'units.create', handler: createUnit }),
  defineMethod({ name: 'units.get', handler: (c, i) => getUnit(c, i.id) }),
  defineMethod({ name: 'units.update', handler: updateUnit }),
  defineMethod({ name: 'units.delete', handler: (c, i) => deleteUnit(c, i.id) }),
  defineMethod({ name: 'units.list', handler: listUnits }),
] as const;
