import { defineMethod } from '../../registry/define';
import { createOutcome, deleteOutcome, getOutcome, listOutcomes, updateOutcome } from './service';

export const outcomesMethods = [
  defineMethod({ name: 'outcomes.create', handler: createOutcome }),
  defineMethod({ name: 'outcomes.get', handler: (c, i) => getOutcome(c, i.id) }),
  defineMethod({ name: 'outcomes.update', handler: updateOutcome }),
  defineMethod({ name: 'outcomes.delete', handler: (c, i) => deleteOutcome(c, i.id) }),
  defineMethod({ name: 'outcomes.list', handler: listOutcomes }),
] as const;
