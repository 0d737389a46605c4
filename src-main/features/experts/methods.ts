import { defineMethod } from '../../registry/define';
import { createExpert, deleteExpert, getExpert, listExperts, updateExpert } from './service';

export const expertsMethods = [
  defineMethod({ name: 'experts.create', handler: createExpert }),
  defineMethod({ name: 'experts.get', handler: (c, i) => getExpert(c, i.id) }),
  defineMethod({ name: 'experts.update', handler: updateExpert }),
  defineMethod({ name: 'experts.delete', handler: (c, i) => deleteExpert(c, i.id) }),
  defineMethod({ name: 'experts.list', handler: listExperts }),
] as const;
